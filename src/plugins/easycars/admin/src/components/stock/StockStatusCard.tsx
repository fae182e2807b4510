import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import type { StockStatus } from '../../api/stock';
import { isActive } from '../../api/stock';
import { useT } from '../../utils/useT';
import { RunCounts } from './RunCounts';
import { ProgressBar } from '../ProgressBar';
import { SyncNowButton } from './SyncNowButton';
import { duration, phaseText, statusText, statusVariant, triggerText, when } from './runLabels';
import { formatInZone } from '../../utils/zonedTime';

/** Status first (last run, next run), then the action, then live progress or the last result. */
export const StockStatusCard = ({ status, canSync, onSync, timezone }: { status: StockStatus; canSync: boolean; onSync: () => Promise<void>; timezone?: string }) => {
  const t = useT();
  // Times in the dealership's own timezone, zone written out ("2 Mar 2025, 2:00 am AEDT"): a schedule is set in it.
  const at = (iso: string | null | undefined) => (timezone ? formatInZone(iso, timezone) : when(iso));
  const { last, active, nextRunAt, enabled } = status.stock;
  const running = isActive(active);
  const percent = active && active.progressTotal > 0 ? Math.round((active.progressDone / active.progressTotal) * 100) : 0;
  const next = status.globallyDisabled
    ? t('stock.next.globallyOff', 'Scheduled syncs are switched off for this site')
    : !enabled
      ? t('stock.next.off', 'Scheduled stock sync is off for this dealership')
      : at(nextRunAt);

  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius aria-labelledby="stock-status-title" tag="section">
      <Flex justifyContent="space-between" alignItems="flex-start" wrap="wrap" gap={4}>
        <Flex direction="column" alignItems="flex-start" gap={2}>
          <Typography variant="beta" tag="h2" id="stock-status-title">{t('stock.title', 'Stock sync')}</Typography>
          <Flex gap={2} wrap="wrap">
            <Typography textColor="neutral600">{t('stock.lastSync', 'Last sync:')}</Typography>
            {last ? (
              <>
                <Typography data-testid="stock-last-time">{at(last.completedAt ?? last.startedAt)}</Typography>
                <Badge variant={statusVariant(last.status)} data-testid="stock-last-status">{statusText(t, last.status)}</Badge>
                <Typography textColor="neutral600">
                  {t('stock.lastMeta', '{trigger}, took {duration}', { trigger: triggerText(t, last.trigger, last.triggeredByName), duration: duration(last.durationMs) })}
                </Typography>
              </>
            ) : (
              <Typography>{t('stock.never', 'Never synced')}</Typography>
            )}
          </Flex>
          <Flex gap={2}>
            <Typography textColor="neutral600">{t('stock.nextRun', 'Next scheduled run:')}</Typography>
            <Typography data-testid="stock-next-run">{next}</Typography>
          </Flex>
        </Flex>
        <SyncNowButton onConfirm={onSync} disabled={!canSync} running={running} />
      </Flex>

      {running && active ? (
        <Box paddingTop={5} role="status" aria-live="polite" data-testid="stock-progress">
          <Typography fontWeight="bold">
            {active.status === 'queued'
              ? t('stock.progress.queued', 'Waiting for a worker…')
              : active.progressTotal > 0
                ? t('stock.progress.step', '{phase}: {done} of {total}', { phase: phaseText(t, active.phase), done: active.progressDone, total: active.progressTotal })
                : phaseText(t, active.phase)}
          </Typography>
          <Box paddingTop={2}>
            <ProgressBar percent={percent} label={t('stock.progress.label', 'Stock sync progress')} />
          </Box>
        </Box>
      ) : null}

      {!running && last ? (
        <Box paddingTop={5} data-testid="stock-last-result">
          {last.errorMessage ? (
            <Box background={last.status === 'failed' ? 'danger100' : 'warning100'} padding={3} hasRadius marginBottom={4}>
              <Typography>{last.errorMessage}</Typography>
            </Box>
          ) : null}
          <RunCounts run={last} />
        </Box>
      ) : null}
    </Box>
  );
};
