import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import type { AlertSettings, AlertView } from '../api/alerts';
import { useAcknowledgeAlert, useAlertList, useAlertSettings, useSaveAlertSettings, useSnoozeAlert } from '../api/alerts-queries';
import { AlertRulesForm } from '../components/alerts/AlertRulesForm';
import { AlertsTable } from '../components/alerts/AlertsTable';
import { WebhookSubscriptions } from '../components/alerts/WebhookSubscriptions';
import { Pager } from '../components/layout/Pager';
import { useSelectedDealership } from '../context/DealershipContext';
import { PERMISSIONS } from '../permissions';
import { toApiError } from '../utils/apiError';
import { useT } from '../utils/useT';

const REFRESH_MS = 30_000;
const HISTORY_PAGE_SIZE = 10;

/** Open alerts of every dealership the admin manages (acknowledge, snooze), their history, and the selected dealership's rules. */
const AlertsPage = () => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC([...PERMISSIONS.manageAlerts]);
  const canManage = Boolean(allowedActions.canManage);
  const { dealership, dealerships } = useSelectedDealership();
  const [historyPage, setHistoryPage] = useState(1);
  const activeQuery = useAlertList({ status: 'active', pageSize: 100 }, REFRESH_MS);
  const historyQuery = useAlertList({ status: 'resolved', page: historyPage, pageSize: HISTORY_PAGE_SIZE }, REFRESH_MS);
  const settingsQuery = useAlertSettings(dealership?.documentId ?? null);
  const acknowledge = useAcknowledgeAlert();
  const snooze = useSnoozeAlert();
  const saveSettings = useSaveAlertSettings();
  const active = activeQuery.data;
  const history = historyQuery.data;
  const failure = activeQuery.error ?? historyQuery.error;
  const error = failure ? toApiError(failure).message : null;
  const busy = acknowledge.isLoading ? (acknowledge.variables ?? null) : snooze.isLoading ? (snooze.variables?.id ?? null) : null;
  const settings = settingsQuery.data ?? null;
  const settingsError = saveSettings.error ? toApiError(saveSettings.error).message : settingsQuery.error ? toApiError(settingsQuery.error).message : null;

  const notify = (message: string) => ({
    onSuccess: () => toggleNotification({ type: 'success', message }),
    onError: (e: unknown) => toggleNotification({ type: 'danger', message: toApiError(e).message }),
  });
  const save = (next: AlertSettings) => {
    if (!dealership) return;
    saveSettings.mutate({ dealership: dealership.documentId, settings: next }, { onSuccess: () => toggleNotification({ type: 'success', message: t('alerts.form.saved', 'Alert rules saved for {name}.', { name: dealership.name }) }) });
  };
  const refresh = () => {
    void activeQuery.refetch();
    void historyQuery.refetch();
  };

  if (error && !active) return <Page.Error content={error} />;
  if (!active || !history) return <Page.Loading />;
  const actions = {
    canManage,
    busy,
    onAcknowledge: (a: AlertView) => acknowledge.mutate(a.id, notify(t('alerts.acknowledged', 'Alert acknowledged: no more reminder mails while it stays open.'))),
    onSnooze: (a: AlertView, hours: number) => snooze.mutate({ id: a.id, hours }, notify(t('alerts.snoozed', 'Alert snoozed for {hours} hours.', { hours }))),
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={6} data-testid="alerts-page">
      <Flex justifyContent="space-between" alignItems="center" wrap="wrap" gap={2}>
        <Typography variant="beta" tag="h2">{t('alerts.title', 'Alerts')}</Typography>
        <Button variant="tertiary" startIcon={<ArrowClockwise />} loading={activeQuery.isFetching || historyQuery.isFetching} onClick={refresh}>
          {t('dashboard.refresh', 'Refresh')}
        </Button>
      </Flex>
      {error ? <Typography textColor="danger600" role="alert">{t('dashboard.refreshFailed', 'Could not refresh: {message}', { message: error })}</Typography> : null}
      <Box background="neutral0" padding={6} hasRadius shadow="tableShadow" tag="section" aria-labelledby="alerts-open">
        <Typography variant="delta" tag="h3" id="alerts-open">
          {t('alerts.open.title', 'Open alerts ({n})', { n: active.pagination.total })}
        </Typography>
        <Box paddingTop={4}>
          {active.results.length ? (
            <AlertsTable alerts={active.results} dealerships={dealerships} actions={actions} />
          ) : (
            <Typography textColor="neutral600">{t('alerts.open.none', 'No open alerts: every rule is satisfied for the dealerships you manage.')}</Typography>
          )}
        </Box>
      </Box>
      {dealership ? (
        settings ? (
          <AlertRulesForm settings={settings} canEdit={canManage} saving={saveSettings.isLoading} serverError={settingsError} onSave={save} />
        ) : settingsError ? (
          <Typography textColor="danger600" role="alert">{settingsError}</Typography>
        ) : null
      ) : null}
      {canManage ? <WebhookSubscriptions /> : null}
      <Box background="neutral0" padding={6} hasRadius shadow="tableShadow" tag="section" aria-labelledby="alerts-history">
        <Typography variant="delta" tag="h3" id="alerts-history">{t('alerts.history.title', 'Resolved alerts')}</Typography>
        <Box paddingTop={4}>
          {history.results.length ? (
            <>
              <AlertsTable alerts={history.results} dealerships={dealerships} />
              <Pager
                page={historyPage}
                pageCount={history.pagination.pageCount}
                onPage={setHistoryPage}
                label={t('alerts.history.page', 'Page {page} of {pageCount}', { page: history.pagination.page, pageCount: history.pagination.pageCount })}
              />
            </>
          ) : (
            <Typography textColor="neutral600">{t('alerts.history.none', 'No alert has been resolved yet.')}</Typography>
          )}
        </Box>
      </Box>
    </Flex>
  );
};

export default AlertsPage;
