import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { alertsApi, type AlertView } from '../api/alerts';
import { dashboardApi, type DashboardOverview, type TrendDay } from '../api/dashboard';
import { AlertBanner } from '../components/dashboard/AlertBanner';
import { DealershipHealthTable } from '../components/dashboard/DealershipHealthTable';
import { PerformanceCharts } from '../components/dashboard/PerformanceCharts';
import { QuickStats } from '../components/dashboard/QuickStats';
import { TrendChart } from '../components/dashboard/TrendChart';
import { useSelectedDealership } from '../context/DealershipContext';
import { useVisibleInterval } from '../hooks/useVisibleInterval';
import { PERMISSIONS } from '../permissions';
import { toApiError } from '../utils/apiError';
import { useT } from '../utils/useT';

const REFRESH_MS = 30_000;

/** The EasyCars landing page: which dealerships are healthy, failing or stale, and why. */
const DashboardPage = () => {
  const t = useT();
  const { get, post } = useFetchClient();
  const api = useMemo(() => dashboardApi({ get, post }), [get, post]);
  const alerts = useMemo(() => alertsApi({ get }), [get]);
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC([...PERMISSIONS.triggerSync]);
  const { dealerships } = useSelectedDealership();
  const [overview, setOverview] = useState<DashboardOverview | null>(null);
  const [trend, setTrend] = useState<TrendDay[]>([]);
  const [openAlerts, setOpenAlerts] = useState<AlertView[]>([]);
  const [trendType, setTrendType] = useState<'stock' | 'leads'>('stock');
  const [trendScope, setTrendScope] = useState('all');
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [syncing, setSyncing] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [o, tr, open] = await Promise.all([
        api.overview(),
        api.trend(trendScope === 'all' ? null : trendScope),
        // The banner still shows the dashboard's own findings when the alerts cannot be read.
        alerts.list({ status: 'active', pageSize: 100 }).then((list) => list.results, () => [] as AlertView[]),
      ]);
      setOverview(o);
      setTrend(tr);
      setOpenAlerts(open);
      setError(null);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setLoading(false);
    }
  }, [api, alerts, trendScope]);
  useEffect(() => {
    void load();
  }, [load]);
  useVisibleInterval(() => void load(), REFRESH_MS);

  const sync = async (dealership: string, type: 'stock' | 'leads') => {
    setSyncing(`${dealership}:${type}`);
    try {
      await api.sync(dealership, type);
      toggleNotification({ type: 'success', message: type === 'stock' ? t('stock.started', 'Stock sync started.') : t('dashboard.leadsStarted', 'Lead sync started.') });
    } catch (e) {
      const err = toApiError(e);
      toggleNotification({ type: err.status === 409 ? 'info' : 'danger', message: err.status === 409 ? t('dashboard.alreadyRunning', 'That sync is already running.') : err.message });
    } finally {
      setSyncing(null);
      void load();
    }
  };

  if (error && !overview) return <Page.Error content={error} />;
  if (!overview) return <Page.Loading />;
  return (
    <Flex direction="column" alignItems="stretch" gap={6} data-testid="dashboard">
      <Flex justifyContent="space-between" alignItems="center" wrap="wrap" gap={2}>
        <Typography variant="beta" tag="h2">{t('dashboard.title', 'Integration dashboard')}</Typography>
        <Flex gap={2} alignItems="center">
          <Typography variant="pi" textColor="neutral600">
            {t('dashboard.updated', 'Updated {time} · refreshes every 30 s', { time: new Date(overview.generatedAt).toLocaleTimeString() })}
          </Typography>
          <Button variant="tertiary" startIcon={<ArrowClockwise />} loading={loading} onClick={() => void load()}>
            {t('dashboard.refresh', 'Refresh')}
          </Button>
        </Flex>
      </Flex>
      {error ? <Typography textColor="danger600" role="alert">{t('dashboard.refreshFailed', 'Could not refresh: {message}', { message: error })}</Typography> : null}
      <AlertBanner rows={overview.rows} openAlerts={openAlerts} />
      <QuickStats stats={overview.stats} />
      {overview.rows.length === 0 ? (
        <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
          <Typography textColor="neutral600">{t('dashboard.empty', 'No dealership to show.')}</Typography>
        </Box>
      ) : (
        <DealershipHealthTable rows={overview.rows} canSync={Boolean(allowedActions.canTrigger)} syncing={syncing} onSync={(d, type) => void sync(d, type)} />
      )}
      <TrendChart days={trend} type={trendType} scope={trendScope} dealerships={dealerships} onType={setTrendType} onScope={setTrendScope} />
      <PerformanceCharts dealerships={dealerships} />
    </Flex>
  );
};

export default DashboardPage;
