import { Badge, Box, Button, Flex, ProgressBar, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { leadsUrl, type LeadsOverview } from '../../api/leads';
import { toApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';
import { when } from './statusLabels';

/** Status first: last run, counts, and "Sync leads now" with its progress. */
export const LeadsStatusCard = ({ overview, dealership, onChange }: { overview: LeadsOverview; dealership: string; onChange: () => void }) => {
  const t = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = useState(false);
  const active = overview.activeRun;
  const last = overview.lastRun;
  const sync = async () => {
    setBusy(true);
    try {
      await post(leadsUrl('/sync/leads'), { dealership });
      toggleNotification({ type: 'success', message: t('leads.sync.queued', 'Lead sync queued') });
    } catch (e) {
      toggleNotification({ type: 'danger', message: toApiError(e).message });
    } finally {
      setBusy(false);
      onChange();
    }
  };
  const c = overview.counts;
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Flex justifyContent="space-between" alignItems="flex-start" wrap="wrap" gap={4}>
        <Flex direction="column" alignItems="flex-start" gap={2}>
          <Typography variant="beta" tag="h2">{t('leads.status.title', 'Lead sync')}</Typography>
          <Typography textColor="neutral600">
            {last
              ? t('leads.status.last', 'Last sync {when}: {status}', { when: when(last.completedAt), status: last.status })
              : t('leads.status.never', 'No lead sync has run yet.')}
          </Typography>
          <Flex gap={2} wrap="wrap">
            <Badge>{t('leads.count.known', '{n} in EasyCars', { n: c.known ?? 0 })}</Badge>
            <Badge>{t('leads.count.pending', '{n} waiting', { n: c.pending ?? 0 })}</Badge>
            <Badge>{t('leads.count.failed', '{n} failed', { n: c.failed ?? 0 })}</Badge>
            <Badge>{t('leads.count.review', '{n} to review', { n: c.review ?? 0 })}</Badge>
            <Badge>{t('leads.count.conflicts', '{n} open conflicts', { n: c.openConflicts ?? 0 })}</Badge>
          </Flex>
        </Flex>
        <Button onClick={sync} loading={busy || Boolean(active)} disabled={busy || Boolean(active)}>
          {t('leads.sync.now', 'Sync leads now')}
        </Button>
      </Flex>
      {active ? (
        <Box paddingTop={4}>
          <Typography variant="pi">
            {t('leads.sync.progress', '{phase}: {done} of {total}', { phase: active.phase ?? active.status, done: active.progressDone ?? 0, total: active.progressTotal ?? 0 })}
          </Typography>
          <ProgressBar value={active.progressTotal ? Math.round((100 * active.progressDone) / active.progressTotal) : 0} />
        </Box>
      ) : null}
    </Box>
  );
};
