import { Loader, Flex } from '@strapi/design-system';
import { Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { credentialsApi, type CredentialView } from '../api/credentials';
import { CredentialsPanel, type Notify } from '../components/credentials/CredentialsPanel';
import { useSelectedDealership } from '../context/DealershipContext';
import { PERMISSIONS } from '../permissions';
import { toApiError, type ApiError } from '../utils/apiError';
import { useT } from '../utils/useT';

type Load = { status: 'loading' } | { status: 'ready'; credential: CredentialView | null } | { status: 'error'; error: ApiError };

/** Credentials of the selected dealership (GET/POST/PUT/DELETE /easycars/credentials). */
const CredentialsPage = () => {
  const t = useT();
  const { dealership, refresh } = useSelectedDealership();
  const fetchClient = useFetchClient();
  const api = useMemo(() => credentialsApi(fetchClient), [fetchClient]);
  const { toggleNotification } = useNotification();
  const { isLoading: rbacLoading, allowedActions } = useRBAC({ read: PERMISSIONS.readCredentials, manage: PERMISSIONS.manageCredentials });
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const documentId = dealership?.documentId;

  const notify = useCallback<Notify>((type, message) => toggleNotification({ type, message }), [toggleNotification]);

  useEffect(() => {
    if (!documentId || rbacLoading || !allowedActions.canRead) return;
    let live = true;
    setLoad({ status: 'loading' });
    api
      .get(documentId)
      .then((credential) => live && setLoad({ status: 'ready', credential }))
      .catch((err) => live && setLoad({ status: 'error', error: toApiError(err) }));
    return () => {
      live = false;
    };
  }, [api, documentId, rbacLoading, allowedActions.canRead]);

  if (rbacLoading) return <Page.Loading />;
  if (!allowedActions.canRead || (load.status === 'error' && load.error.status === 403)) return <Page.NoPermissions />;
  if (!dealership) return null;
  if (load.status === 'error') return <Page.Error content={load.error.message} />;
  if (load.status === 'loading') {
    return (
      <Flex justifyContent="center" padding={8}>
        <Loader>{t('credentials.loading', 'Loading credentials…')}</Loader>
      </Flex>
    );
  }

  return (
    <CredentialsPanel
      dealership={dealership}
      credential={load.credential}
      canManage={Boolean(allowedActions.canManage)}
      api={api}
      notify={notify}
      onChanged={(credential) => {
        setLoad({ status: 'ready', credential });
        void refresh();
      }}
    />
  );
};

export default CredentialsPage;
