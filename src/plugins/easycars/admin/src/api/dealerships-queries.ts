import { useQueryFetchClient } from './fetch-client';
import { useQuery } from 'react-query';
import { toApiError, type ApiError } from '../utils/apiError';
import type { DealershipItem } from './dealerships';
import { dealershipsApi } from './dealerships';
import { queryKeys } from './query-keys';
import { NO_RETRY } from './query-options';

export interface DealershipsState {
  status: 'loading' | 'ready' | 'forbidden' | 'error';
  dealerships: DealershipItem[];
  error: ApiError | null;
}

/** The dealerships the signed-in admin may act on, each with its credential status (GET /easycars/dealerships). */
export function useDealerships(): DealershipsState {
  const client = useQueryFetchClient();
  const query = useQuery(queryKeys.dealerships(), () => dealershipsApi(client).list(), NO_RETRY);
  if (query.error) {
    const error = toApiError(query.error);
    return { status: error.status === 403 ? 'forbidden' : 'error', dealerships: query.data ?? [], error };
  }
  if (!query.data) return { status: 'loading', dealerships: [], error: null };
  return { status: 'ready', dealerships: query.data, error: null };
}
