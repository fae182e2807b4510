import { useCallback, useEffect, useRef, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { DealershipItem } from '../api/dealerships';
import { toApiError, type ApiError } from '../utils/apiError';

export interface DealershipsState {
  status: 'loading' | 'ready' | 'forbidden' | 'error';
  dealerships: DealershipItem[];
  error: ApiError | null;
  /** Reloads the list (and each credential status) without showing the loading state again. */
  refresh: () => Promise<void>;
}

/** The dealerships the signed-in admin may act on (GET /easycars/dealerships). */
export function useDealerships(): DealershipsState {
  const { get } = useFetchClient();
  const getRef = useRef(get);
  getRef.current = get;
  const [state, setState] = useState<Omit<DealershipsState, 'refresh'>>({ status: 'loading', dealerships: [], error: null });

  const refresh = useCallback(async () => {
    try {
      const res = await getRef.current('/easycars/dealerships');
      setState({ status: 'ready', dealerships: (res.data as { data: DealershipItem[] }).data, error: null });
    } catch (err) {
      const error = toApiError(err);
      setState((prev) => ({ ...prev, status: error.status === 403 ? 'forbidden' : 'error', error }));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { ...state, refresh };
}
