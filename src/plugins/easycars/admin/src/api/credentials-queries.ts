import { useQueryFetchClient } from './fetch-client';
import { useMutation, useQuery, useQueryClient, type QueryClient } from 'react-query';
import { credentialsApi, type CredentialFormValues, type CredentialsApi, type CredentialView } from './credentials';
import { queryKeys } from './query-keys';
import { NO_RETRY } from './query-options';

export const useCredentialsApi = () => credentialsApi(useQueryFetchClient());

/**
 * The stored credential changed: cache what the server answered (or reload it), then reload everything that shows
 * the connection (the dealership list and picker, both sync pages, the dashboard).
 */
function credentialChanged(queryClient: QueryClient, dealership: string, credential: CredentialView | null | undefined) {
  if (credential === undefined) void queryClient.invalidateQueries(queryKeys.credential(dealership));
  else queryClient.setQueryData(queryKeys.credential(dealership), credential);
  void queryClient.invalidateQueries(queryKeys.dealerships());
  void queryClient.invalidateQueries(queryKeys.stock.all(dealership));
  void queryClient.invalidateQueries(queryKeys.leads.all(dealership));
  void queryClient.invalidateQueries(queryKeys.dashboard.all());
}

/** The dealership's credential (null when not configured); the Credentials page, both schedules and the connection switch share it. */
export function useCredential(dealership: string, options: { enabled?: boolean } = {}) {
  const api = useCredentialsApi();
  return useQuery(queryKeys.credential(dealership), () => api.get(dealership), { ...NO_RETRY, enabled: options.enabled ?? true });
}

/** Saves a few fields of the credential (a schedule, the connection switch). */
export function useUpdateCredentialFields(dealership: string) {
  const api = useCredentialsApi();
  const queryClient = useQueryClient();
  return useMutation(({ id, fields }: { id: number; fields: Record<string, unknown> }) => api.updateFields(id, fields), {
    onSuccess: () => credentialChanged(queryClient, dealership, undefined),
  });
}

/** Tests the form's values (when editing, blank secrets are the stored ones). */
export function useTestCredential(api: CredentialsApi, dealership: string, stored: CredentialView | null) {
  return useMutation((values: CredentialFormValues) => api.test(dealership, values, stored));
}

/** Creates or updates the credential; values that were tested are tested again as stored, so "last test" describes what was saved. */
export function useSaveCredential(api: CredentialsApi, dealership: string, stored: CredentialView | null) {
  const queryClient = useQueryClient();
  return useMutation(
    async ({ values, tested }: { values: CredentialFormValues; tested: boolean }) => {
      const saved = stored ? await api.update(stored.id, values) : await api.create(dealership, values);
      if (!tested || saved.lastTest) return saved;
      await api.testStored(saved.id).catch(() => undefined);
      return (await api.get(dealership)) ?? saved;
    },
    { onSuccess: (saved) => credentialChanged(queryClient, dealership, saved) },
  );
}

export function useDeleteCredential(api: CredentialsApi, dealership: string) {
  const queryClient = useQueryClient();
  return useMutation((id: number) => api.remove(id), { onSuccess: () => credentialChanged(queryClient, dealership, null) });
}
