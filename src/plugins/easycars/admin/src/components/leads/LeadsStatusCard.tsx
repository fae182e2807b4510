import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import type { LeadsOverview } from '../../api/leads';
import { useSyncLeads } from '../../api/leads-queries';
import { toApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';
import { ProgressBar } from '../ProgressBar';
import { runPhaseText, runStatusText, runStatusVariant, when } from './labels';
import { useRunFinishedNotice } from '../../hooks/useRunFinishedNotice';
import { formatInZone } from '../../utils/zonedTime';

const Count = ({ label, warn }: { label: string; warn?: boolean }) => (
  <Badge variant={warn ? 'warning' : undefined}>{label}</Badge>
);

/** Status first: the last run, the counts, and "Sync leads now" with its progress. */
export const LeadsStatusCard = ({ overview, dealership, onChange, timezone }: {
  overview: LeadsOverview;
  dealership: string;
  /** Told when “Sync leads now” has been answered; the overview reloads through the query cache either way. */
  onChange?: () => void;
  timezone?: string;
}) => {
  const t = useT();
  useRunFinishedNotice('leads', overview.activeRun, overview.lastRun, (s) => runStatusText(t, s));
  const at = (iso: string | null | undefined) => (timezone ? formatInZone(iso, timezone) : when(iso));
  const syncLeads = useSyncLeads(dealership);
  const { toggleNotification } = useNotification();
  const active = overview.activeRun;
  const last = overview.lastRun;
  const running = syncLeads.isLoading || Boolean(active);
  const sync = async () => {
    try {
      await syncLeads.mutateAsync();
      toggleNotification({ type: 'success', message: t('leads.sync.queued', 'Lead sync started') });
    } catch (e) {
      // 409: a run is already queued or running for this dealership; the card shows it once the overview reloads.
      toggleNotification({ type: 'danger', message: toApiError(e).message });
    }
    onChange?.();
  };
  const c = overview.counts;
  const percent = active?.progressTotal ? Math.round((100 * (active.progressDone ?? 0)) / active.progressTotal) : 0;
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius tag="section" data-testid="leads-status">
      <Flex justifyContent="space-between" alignItems="flex-start" wrap="wrap" gap={4}>
        <Flex direction="column" alignItems="flex-start" gap={3} style={{ flex: '1 1 18rem', minWidth: 0 }}>
          <Typography variant="beta" tag="h2">{t('leads.status.title', 'Lead sync')}</Typography>
          {last ? (
            <Flex gap={2} wrap="wrap" data-testid="leads-last-run">
              <Typography textColor="neutral600">{t('leads.status.last', 'Last sync {when}:', { when: at(last.completedAt ?? last.startedAt) })}</Typography>
              <Badge variant={runStatusVariant(last.status)}>{runStatusText(t, last.status)}</Badge>
              <Typography textColor="neutral600" data-testid="leads-last-processed">
                {t('leads.status.processed', '{n} processed, both ways (to and from EasyCars)', { n: (last.fetched ?? 0) })}
              </Typography>
            </Flex>
          ) : (
            <Typography textColor="neutral600">{t('leads.status.never', 'No lead sync has run yet.')}</Typography>
          )}
          {last?.errorMessage ? <Typography variant="pi" textColor="danger600">{last.errorMessage}</Typography> : null}
          <Typography textColor="neutral600" data-testid="leads-next-run">
            {overview.nextRunAt
              ? t('leads.status.next', 'Next scheduled sync: {when}', { when: at(overview.nextRunAt) })
              : t('leads.status.noNext', 'No lead sync scheduled')}
          </Typography>
          <Flex gap={2} wrap="wrap" tag="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('leads.count.label', 'Lead counts')}>
            <li><Count label={t('leads.count.known', '{n, plural, one {# lead} other {# leads}} in EasyCars', { n: c.known ?? 0 })} /></li>
            <li><Count label={t('leads.count.pending', '{n} waiting to be sent', { n: c.pending ?? 0 })} /></li>
            <li><Count warn={Boolean(c.failed)} label={t('leads.count.failed', '{n} failed', { n: c.failed ?? 0 })} /></li>
            <li><Count warn={Boolean(c.review)} label={t('leads.count.review', '{n} to review', { n: c.review ?? 0 })} /></li>
            <li>
              <Count
                warn={Boolean(c.openConflicts)}
                label={t('leads.count.conflicts', '{n, plural, one {# open conflict} other {# open conflicts}}', { n: c.openConflicts ?? 0 })}
              />
            </li>
          </Flex>
        </Flex>
        <Button startIcon={<ArrowClockwise />} onClick={sync} loading={running} disabled={running}>
          {running ? t('leads.sync.running', 'Syncing leads…') : t('leads.sync.now', 'Sync leads now')}
        </Button>
      </Flex>
      {active ? (
        <Box paddingTop={4} data-testid="leads-progress" role="status">
          <Typography variant="pi" tag="p">
            {active.status === 'queued'
              ? t('leads.sync.queuedRun', 'Waiting for the queue…')
              : t('leads.sync.progress', '{phase}: {done} of {total}', {
                  phase: runPhaseText(t, active.phase),
                  done: active.progressDone ?? 0,
                  total: active.progressTotal ?? 0,
                })}
          </Typography>
          <Box paddingTop={2}>
            <ProgressBar percent={percent} label={t('leads.sync.progressLabel', 'Lead sync progress')} />
          </Box>
        </Box>
      ) : null}
    </Box>
  );
};
