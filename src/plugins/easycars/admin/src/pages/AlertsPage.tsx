import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { alertsApi, announceAlertsChanged, type AlertList, type AlertSettings, type AlertView } from '../api/alerts';
import { AlertRulesForm } from '../components/alerts/AlertRulesForm';
import { AlertsTable } from '../components/alerts/AlertsTable';
import { useSelectedDealership } from '../context/DealershipContext';
import { useVisibleInterval } from '../hooks/useVisibleInterval';
import { PERMISSIONS } from '../permissions';
import { toApiError } from '../utils/apiError';
import { useT } from '../utils/useT';

const REFRESH_MS = 30_000;
const HISTORY_PAGE_SIZE = 10;

/** Open alerts of every dealership the admin manages (acknowledge, snooze), their history, and the selected dealership's rules. */
const AlertsPage = () => {
  const t = useT();
  const { get, post, put } = useFetchClient();
  const api = useMemo(() => alertsApi({ get, post, put }), [get, post, put]);
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC([...PERMISSIONS.manageAlerts]);
  const canManage = Boolean(allowedActions.canManage);
  const { dealership, dealerships } = useSelectedDealership();
  const [active, setActive] = useState<AlertList | null>(null);
  const [history, setHistory] = useState<AlertList | null>(null);
  const [historyPage, setHistoryPage] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [busy, setBusy] = useState<number | null>(null);
  const [settings, setSettings] = useState<AlertSettings | null>(null);
  const [settingsError, setSettingsError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [a, h] = await Promise.all([api.list({ status: 'active', pageSize: 100 }), api.list({ status: 'resolved', page: historyPage, pageSize: HISTORY_PAGE_SIZE })]);
      setActive(a);
      setHistory(h);
      setError(null);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setLoading(false);
    }
  }, [api, historyPage]);
  useEffect(() => {
    void load();
  }, [load]);
  useVisibleInterval(() => void load(), REFRESH_MS);

  useEffect(() => {
    if (!dealership) return;
    setSettings(null);
    setSettingsError(null);
    api.settings(dealership.documentId).then(setSettings, (e: unknown) => setSettingsError(toApiError(e).message));
  }, [api, dealership]);

  const act = async (alert: AlertView, run: () => Promise<AlertView>, done: string) => {
    setBusy(alert.id);
    try {
      await run();
      announceAlertsChanged();
      toggleNotification({ type: 'success', message: done });
    } catch (e) {
      toggleNotification({ type: 'danger', message: toApiError(e).message });
    } finally {
      setBusy(null);
      void load();
    }
  };

  const save = async (next: AlertSettings) => {
    if (!dealership) return;
    setSaving(true);
    setSettingsError(null);
    try {
      setSettings(await api.saveSettings(dealership.documentId, next));
      announceAlertsChanged();
      toggleNotification({ type: 'success', message: t('alerts.form.saved', 'Alert rules saved for {name}.', { name: dealership.name }) });
      void load();
    } catch (e) {
      setSettingsError(toApiError(e).message);
    } finally {
      setSaving(false);
    }
  };

  if (error && !active) return <Page.Error content={error} />;
  if (!active || !history) return <Page.Loading />;
  const actions = {
    canManage,
    busy,
    onAcknowledge: (a: AlertView) => void act(a, () => api.acknowledge(a.id), t('alerts.acknowledged', 'Alert acknowledged: no more reminder mails while it stays open.')),
    onSnooze: (a: AlertView, hours: number) => void act(a, () => api.snooze(a.id, hours), t('alerts.snoozed', 'Alert snoozed for {hours} hours.', { hours })),
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={6} data-testid="alerts-page">
      <Flex justifyContent="space-between" alignItems="center" wrap="wrap" gap={2}>
        <Typography variant="beta" tag="h2">{t('alerts.title', 'Alerts')}</Typography>
        <Button variant="tertiary" startIcon={<ArrowClockwise />} loading={loading} onClick={() => void load()}>
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
          <AlertRulesForm settings={settings} canEdit={canManage} saving={saving} serverError={settingsError} onSave={(s) => void save(s)} />
        ) : settingsError ? (
          <Typography textColor="danger600" role="alert">{settingsError}</Typography>
        ) : null
      ) : null}
      <Box background="neutral0" padding={6} hasRadius shadow="tableShadow" tag="section" aria-labelledby="alerts-history">
        <Typography variant="delta" tag="h3" id="alerts-history">{t('alerts.history.title', 'Resolved alerts')}</Typography>
        <Box paddingTop={4}>
          {history.results.length ? (
            <>
              <AlertsTable alerts={history.results} dealerships={dealerships} />
              {history.pagination.pageCount > 1 ? (
                <Flex gap={2} paddingTop={4} alignItems="center" justifyContent="flex-end" tag="nav" aria-label={t('history.pagination', 'Pages')}>
                  <Button variant="tertiary" disabled={historyPage <= 1} onClick={() => setHistoryPage((p) => p - 1)}>{t('history.previous', 'Previous')}</Button>
                  <Typography>{t('alerts.history.page', 'Page {page} of {pageCount}', { page: history.pagination.page, pageCount: history.pagination.pageCount })}</Typography>
                  <Button variant="tertiary" disabled={historyPage >= history.pagination.pageCount} onClick={() => setHistoryPage((p) => p + 1)}>{t('history.next', 'Next')}</Button>
                </Flex>
              ) : null}
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
