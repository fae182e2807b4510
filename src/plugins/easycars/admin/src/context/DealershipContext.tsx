import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { CredentialStatus, DealershipItem } from '../api/dealerships';

export interface SelectedDealership {
  /** The dealership chosen in the picker (kept in the URL as ?dealership=<documentId>). */
  dealership: DealershipItem | null;
  /** Every dealership the admin may act on. */
  dealerships: DealershipItem[];
  credentialStatus: CredentialStatus | null;
  /** Reloads dealerships and their credential status (e.g. after saving credentials). */
  refresh: () => Promise<void>;
  select: (documentId: string) => void;
}

const DealershipContext = createContext<SelectedDealership | null>(null);

export const DEALERSHIP_PARAM = 'dealership';

export function DealershipProvider({
  dealerships,
  refresh,
  children,
}: {
  dealerships: DealershipItem[];
  refresh: () => Promise<void>;
  children: ReactNode;
}) {
  const [params, setParams] = useSearchParams();
  const wanted = params.get(DEALERSHIP_PARAM);
  const dealership = dealerships.find((d) => d.documentId === wanted) ?? dealerships[0] ?? null;

  const select = useCallback(
    (documentId: string) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set(DEALERSHIP_PARAM, documentId);
          return next;
        },
        { replace: false },
      ),
    [setParams],
  );

  // A missing or foreign ?dealership= is replaced by the first one the admin may use, so reloads keep working.
  useEffect(() => {
    if (dealership && wanted !== dealership.documentId) {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set(DEALERSHIP_PARAM, dealership.documentId);
          return next;
        },
        { replace: true },
      );
    }
  }, [dealership, wanted, setParams]);

  const value = useMemo<SelectedDealership>(
    () => ({ dealership, dealerships, credentialStatus: dealership?.credential ?? null, refresh, select }),
    [dealership, dealerships, refresh, select],
  );
  return <DealershipContext.Provider value={value}>{children}</DealershipContext.Provider>;
}

/** For every EasyCars page: the selected dealership, the list, its credential status and refresh(). */
export function useSelectedDealership(): SelectedDealership {
  const value = useContext(DealershipContext);
  if (!value) throw new Error('useSelectedDealership must be used inside the EasyCars plugin pages (DealershipProvider)');
  return value;
}
