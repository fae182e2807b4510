import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { CredentialStatus, DealershipItem } from '../api/dealerships';

export interface SelectedDealership {
  /** The dealership chosen in the picker (kept in the URL as ?dealership=<documentId>). */
  dealership: DealershipItem | null;
  /** Every dealership the admin may act on. */
  dealerships: DealershipItem[];
  credentialStatus: CredentialStatus | null;
  select: (documentId: string) => void;
}

const DealershipContext = createContext<SelectedDealership | null>(null);

export const DEALERSHIP_PARAM = 'dealership';

export function DealershipProvider({ dealerships, children }: { dealerships: DealershipItem[]; children: ReactNode }) {
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
    () => ({ dealership, dealerships, credentialStatus: dealership?.credential ?? null, select }),
    [dealership, dealerships, select],
  );
  return <DealershipContext.Provider value={value}>{children}</DealershipContext.Provider>;
}

/** For every EasyCars page: the selected dealership, the list and its credential status. */
export function useSelectedDealership(): SelectedDealership {
  const value = useContext(DealershipContext);
  if (!value) throw new Error('useSelectedDealership must be used inside the EasyCars plugin pages (DealershipProvider)');
  return value;
}
