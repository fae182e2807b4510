import { Box, Grid, Typography } from '@strapi/design-system';
import type { DashboardStats } from '../../api/dashboard';
import { useT } from '../../utils/useT';

const Stat = ({ label, value, detail }: { label: string; value: string | number; detail?: string }) => (
  <Box background="neutral0" padding={5} hasRadius shadow="tableShadow" height="100%">
    <Typography variant="sigma" textColor="neutral600" tag="h3">{label}</Typography>
    <Typography variant="alpha" tag="p">{value}</Typography>
    {detail ? <Typography variant="pi" textColor="neutral600" tag="p">{detail}</Typography> : null}
  </Box>
);

/** Vehicles synced, leads linked, connections by state, dealerships by health. */
export const QuickStats = ({ stats }: { stats: DashboardStats }) => {
  const t = useT();
  const c = stats.connections;
  const d = stats.dealerships;
  return (
    <Grid.Root gap={4} tag="section" aria-label={t('dashboard.stats.label', 'Quick stats')}>
      <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
        <Stat label={t('dashboard.stats.vehicles', 'Vehicles synced')} value={stats.vehiclesInFeed} detail={t('dashboard.stats.vehiclesDetail', '{removed} removed from the feed', { removed: stats.vehiclesRemoved })} />
      </Grid.Item>
      <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
        <Stat label={t('dashboard.stats.leads', 'Leads linked')} value={stats.leadsLinked} />
      </Grid.Item>
      <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
        <Stat
          label={t('dashboard.stats.connections', 'Connections')}
          value={c.active}
          detail={t('dashboard.stats.connectionsDetail', 'active · {off} switched off · {auth} failing authentication · {none} not configured', { off: c.off, auth: c.authFailing, none: c.notConfigured })}
        />
      </Grid.Item>
      <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
        <Stat
          label={t('dashboard.stats.health', 'Healthy dealerships')}
          value={d.healthy}
          detail={t('dashboard.stats.healthDetail', '{failing} failing · {stale} stale · {attention} need attention', { failing: d.failing, stale: d.stale, attention: d.attention })}
        />
      </Grid.Item>
    </Grid.Root>
  );
};
