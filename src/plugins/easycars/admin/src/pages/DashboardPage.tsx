import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useAlertList } from '../api/alerts-queries';
import { DASHBOARD_REFRESH_MS, useDashboardOverview, useStartSync, useTrend, type StartSync } from '../api/dashboard-queries';
import { AlertBanner } from '../components/dashboard/AlertBanner';
import { DealershipHealthTable } from '../components/dashboard/DealershipHealthTable';
import { PerformanceCharts } from '../components/dashboard/PerformanceCharts';
import { QuickStats } from '../components/dashboard/QuickStats';
import { TrendChart } from '../components/dashboard/TrendChart';
import { useSelectedDealership } from '../context/DealershipContext';
import { PERMISSIONS } from '../permissions';
import { toApiError } from '../utils/apiError';
import { useT } from '../utils/useT';

const syncingKey = ({ dealership, type }: StartSync) => `${dealership}:${type}`;

/** The EasyCars landing page: which dealerships are healthy, failing or stale, and why. */
const DashboardPage = () => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC([...PERMISSIONS.triggerSync]);
  const { dealerships } = useSelectedDealership();
  const [trendType, setTrendType] = useState<'stock' | 'leads'>('stock');
  const [trendScope, setTrendScope] = useState('all');
  const overviewQuery = useDashboardOverview(DASHBOARD_REFRESH_MS);
  const trendQuery = useTrend(trendScope === 'all' ? null : trendScope, DASHBOARD_REFRESH_MS);
  // The banner still shows the dashboard's own findings when the alerts cannot be read.
  const openAlerts = useAlertList({ status: 'active', pageSize: 100 }, DASHBOARD_REFRESH_MS).data?.results ?? [];
  const startSync = useStartSync();
  const overview = overviewQuery.data;
  const trend = trendQuery.data ?? [];
  const failure = overviewQuery.error ?? trendQuery.error;
  const error = failure ? toApiError(failure).message : null;
  const syncing = startSync.isLoading && startSync.variables ? syncingKey(startSync.variables) : null;

  const refresh = () => {
    void overviewQuery.refetch();
    void trendQuery.refetch();
  };

  const sync = (dealership: string, type: 'stock' | 'leads') =>
    startSync.mutate(
      { dealership, type },
      {
        onSuccess: () =>
          toggleNotification({ type: 'success', message: type === 'stock' ? t('stock.started', 'Stock sync started.') : t('dashboard.leadsStarted', 'Lead sync started.') }),
        onError: (e) => {
          const err = toApiError(e);
          toggleNotification({ type: err.status === 409 ? 'info' : 'danger', message: err.status === 409 ? t('dashboard.alreadyRunning', 'That sync is already running.') : err.message });
        },
      },
    );

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
          <Button variant="tertiary" startIcon={<ArrowClockwise />} loading={overviewQuery.isFetching || trendQuery.isFetching} onClick={refresh}>
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
        <DealershipHealthTable rows={overview.rows} canSync={Boolean(allowedActions.canTrigger)} syncing={syncing} onSync={sync} />
      )}
      <TrendChart days={trend} type={trendType} scope={trendScope} dealerships={dealerships} onType={setTrendType} onScope={setTrendScope} />
      <PerformanceCharts dealerships={dealerships} />
    </Flex>
  );
};

export default DashboardPage;
