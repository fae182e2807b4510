import { useQuery } from 'react-query';
import { useQueryFetchClient } from './fetch-client';
import { queryKeys } from './query-keys';
import { NO_RETRY } from './query-options';
import { entryEditPath, setupApi, type HostContentTypesView, type SetupReport } from './setup';

/** The setup check: read fresh each time the page opens (the config only changes with a restart, the schema too). */
export function useSetupReport() {
  const api = setupApi(useQueryFetchClient());
  return useQuery<SetupReport>(queryKeys.setup.report(), () => api.report(), NO_RETRY);
}

/** Which host types are the dealership, vehicle and lead: fixed for the server's lifetime, read once. */
export function useHostContentTypes() {
  const api = setupApi(useQueryFetchClient());
  return useQuery<HostContentTypesView>(queryKeys.setup.contentTypes(), () => api.contentTypes(), { ...NO_RETRY, staleTime: Infinity });
}

/** Links to a lead in the content manager, in the host's configured lead type (null until that is known). */
export function useLeadEditPath(): (documentId: string) => string | null {
  const { data } = useHostContentTypes();
  return (documentId) => (data ? entryEditPath(data.lead, documentId) : null);
}
