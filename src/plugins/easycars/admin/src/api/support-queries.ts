import { useQuery } from 'react-query';
import { useQueryFetchClient } from './fetch-client';
import { queryKeys } from './query-keys';
import { NO_RETRY } from './query-options';
import { supportApi, type SupportInfo } from './support';

/** The support contact: fixed for the server's lifetime (plugin config), read once. */
export function useSupport() {
  const api = supportApi(useQueryFetchClient());
  return useQuery<SupportInfo>(queryKeys.support(), () => api.get(), { ...NO_RETRY, staleTime: Infinity });
}
