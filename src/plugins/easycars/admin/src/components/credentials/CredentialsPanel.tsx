import { Flex, Typography } from '@strapi/design-system';
import type { CredentialFormValues, CredentialsApi, CredentialView, TestResult } from '../../api/credentials';
import { useDeleteCredential, useSaveCredential, useTestCredential } from '../../api/credentials-queries';
import { toApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';
import { CredentialStatusCard } from './CredentialStatusCard';
import { CredentialsForm } from './CredentialsForm';
import { DeleteCredentialsButton } from './DeleteCredentialsButton';

export type Notify = (type: 'success' | 'danger' | 'warning' | 'info', message: string) => void;

export interface CredentialsPanelProps {
  dealership: { documentId: string; name: string };
  credential: CredentialView | null;
  canManage: boolean;
  api: CredentialsApi;
  notify: Notify;
  /**
   * Told the stored credential after create / update / delete (null once deleted). The query cache is
   * already updated by then; this is for a parent that needs to react beyond showing it.
   */
  onChanged?: (credential: CredentialView | null) => void;
}

/** The Credentials section: status first, then the form, then deletion. */
export const CredentialsPanel = ({ dealership, credential, canManage, api, notify, onChanged }: CredentialsPanelProps) => {
  const t = useT();
  const testMutation = useTestCredential(api, dealership.documentId, credential);
  const saveMutation = useSaveCredential(api, dealership.documentId, credential);
  const deleteMutation = useDeleteCredential(api, dealership.documentId);

  const test = async (values: CredentialFormValues): Promise<TestResult> => {
    try {
      return await testMutation.mutateAsync(values);
    } catch (err) {
      const e = toApiError(err);
      notify('danger', e.status === 429 ? t('credentials.test.rateLimited', 'Too many tests: {message}', { message: e.message }) : e.message);
      throw e;
    }
  };

  const save = async (values: CredentialFormValues, tested: boolean) => {
    try {
      const saved = await saveMutation.mutateAsync({ values, tested });
      notify('success', credential ? t('credentials.notify.updated', 'EasyCars credentials updated.') : t('credentials.notify.created', 'EasyCars credentials saved.'));
      onChanged?.(saved);
    } catch (err) {
      const e = toApiError(err);
      notify('danger', e.message);
      throw e;
    }
  };

  const remove = async () => {
    if (!credential) return;
    try {
      await deleteMutation.mutateAsync(credential.id);
      notify('success', t('credentials.notify.deleted', 'EasyCars credentials deleted. Synchronization has stopped.'));
      onChanged?.(null);
    } catch (err) {
      notify('danger', toApiError(err).message);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <CredentialStatusCard credential={credential} />
      {!canManage && (
        <Typography textColor="neutral600">
          {t('credentials.readOnly', 'You can see this connection but not change it (the “Manage credentials” permission is needed).')}
        </Typography>
      )}
      {/* Re-mount the form when the stored credential changes so it starts from the saved values. */}
      <CredentialsForm key={`${dealership.documentId}:${credential?.id ?? 'new'}:${credential?.updatedAt ?? ''}`} stored={credential} canManage={canManage} onTest={test} onSave={save} />
      {credential && canManage && (
        <Flex justifyContent="flex-end">
          <DeleteCredentialsButton onConfirm={remove} />
        </Flex>
      )}
    </Flex>
  );
};
