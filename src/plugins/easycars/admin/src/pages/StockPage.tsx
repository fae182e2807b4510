import { Box, Flex, LinkButton, Typography } from '@strapi/design-system';
import { Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { Link, useLocation } from 'react-router-dom';
import { isActive } from '../api/stock';
import { useStartStockSync, useStockStatus } from '../api/stock-queries';
import { ScheduleSettings } from '../components/stock/ScheduleSettings';
import { LocalEditsSettings } from '../components/stock/LocalEditsSettings';
import { StockRunsTable } from '../components/stock/StockRunsTable';
import { StockStatusCard } from '../components/stock/StockStatusCard';
import { useSelectedDealership } from '../context/DealershipContext';
import { PERMISSIONS } from '../permissions';
import { toApiError } from '../utils/apiError';
import { useT } from '../utils/useT';
import { useRunFinishedNotice } from '../hooks/useRunFinishedNotice';
import { statusText } from '../components/stock/runLabels';

/** Stock sync for the selected dealership: status first, then history and schedule. */
const StockPage = () => {
  const t = useT();
  const { search } = useLocation();
  const { dealership } = useSelectedDealership();
  const id = dealership?.documentId;
  const { toggleNotification } = useNotification();
  // useRBAC names results after the action's last segment: sync.trigger → canTrigger, sync-settings.manage → canManage.
  const { allowedActions } = useRBAC([...PERMISSIONS.triggerSync, ...PERMISSIONS.manageSyncSettings]);
  const { data: status, error } = useStockStatus(id);
  const startSync = useStartStockSync(id ?? '');
  useRunFinishedNotice('stock', status?.stock.active, status?.stock.last, (s) => statusText(t, s));

  if (error) return <Page.Error content={toApiError(error).message} />;
  if (!status || !id) return <Page.Loading />;

  if (!status.configured) {
    return (
      <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius data-testid="stock-no-credentials">
        <Typography variant="beta" tag="h2">{t('stock.noCredentials.title', 'Stock sync needs EasyCars credentials')}</Typography>
        <Flex paddingTop={4} direction="column" alignItems="flex-start" gap={4}>
          <Typography textColor="neutral600">
            {t('stock.noCredentials.body', '{name} is not connected to EasyCars yet. Add its credentials to bring in its stock.', { name: dealership?.name ?? '' })}
          </Typography>
          <LinkButton tag={Link} to={{ pathname: '../credentials', search }}>{t('stock.noCredentials.link', 'Add credentials')}</LinkButton>
        </Flex>
      </Box>
    );
  }

  const syncNow = async () => {
    try {
      await startSync.mutateAsync();
      toggleNotification({ type: 'success', message: t('stock.started', 'Stock sync started.') });
    } catch (e) {
      const err = toApiError(e);
      toggleNotification({
        type: err.status === 409 ? 'info' : 'danger',
        message: err.status === 409 ? t('stock.alreadyRunning', 'A stock sync is already running for this dealership.') : err.message,
      });
    }
  };

  const lastId = status.stock.last?.id;
  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <StockStatusCard status={status} canSync={Boolean(allowedActions.canTrigger)} onSync={syncNow} timezone={dealership?.timezone ?? 'Australia/Sydney'} />
      <StockRunsTable dealership={id} refreshKey={`${lastId}:${isActive(status.stock.active)}`} />
      <ScheduleSettings dealership={id} timezone={dealership?.timezone ?? 'Australia/Sydney'} canEdit={Boolean(allowedActions.canManage)} />
      <LocalEditsSettings dealership={id} canEdit={Boolean(allowedActions.canManage)} />
    </Flex>
  );
};

export default StockPage;
