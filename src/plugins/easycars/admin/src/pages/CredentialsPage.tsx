import { Loader, Flex } from '@strapi/design-system';
import { Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useCallback } from 'react';
import { useCredential, useCredentialsApi } from '../api/credentials-queries';
import { CredentialsPanel, type Notify } from '../components/credentials/CredentialsPanel';
import { useSelectedDealership } from '../context/DealershipContext';
import { PERMISSIONS } from '../permissions';
import { toApiError } from '../utils/apiError';
import { useT } from '../utils/useT';

/** Credentials of the selected dealership (GET/POST/PUT/DELETE /easycars/credentials). */
const CredentialsPage = () => {
  const t = useT();
  const { dealership } = useSelectedDealership();
  const api = useCredentialsApi();
  const { toggleNotification } = useNotification();
  const { isLoading: rbacLoading, allowedActions } = useRBAC({ read: PERMISSIONS.readCredentials, manage: PERMISSIONS.manageCredentials });
  const documentId = dealership?.documentId ?? '';
  const query = useCredential(documentId, { enabled: Boolean(documentId) && !rbacLoading && Boolean(allowedActions.canRead) });
  const error = query.error ? toApiError(query.error) : null;

  const notify = useCallback<Notify>((type, message) => toggleNotification({ type, message }), [toggleNotification]);

  if (rbacLoading) return <Page.Loading />;
  if (!allowedActions.canRead || error?.status === 403) return <Page.NoPermissions />;
  if (!dealership) return null;
  if (error) return <Page.Error content={error.message} />;
  if (query.data === undefined) {
    return (
      <Flex justifyContent="center" padding={8}>
        <Loader>{t('credentials.loading', 'Loading credentials…')}</Loader>
      </Flex>
    );
  }

  return <CredentialsPanel dealership={dealership} credential={query.data} canManage={Boolean(allowedActions.canManage)} api={api} notify={notify} />;
};

export default CredentialsPage;
