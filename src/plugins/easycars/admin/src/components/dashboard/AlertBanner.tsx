import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import type { DashboardRow } from '../../api/dashboard';
import { useT } from '../../utils/useT';
import { PLUGIN_ID } from '../../pluginId';
import { healthText, needsAttention } from './healthLabels';

interface Alert {
  key: string;
  text: string;
  to: string;
}

/** What needs attention now: failing, stale or partly failed syncs, authentication failures, leads in review. */
export const alertsOf = (rows: DashboardRow[], t: ReturnType<typeof useT>): Alert[] => {
  const alerts: Alert[] = [];
  for (const row of rows) {
    const q = `?dealership=${encodeURIComponent(row.dealership.documentId)}`;
    const name = row.dealership.name;
    if (row.connection === 'auth_failing') {
      alerts.push({ key: `${row.dealership.documentId}:auth`, text: t('dashboard.alert.auth', '{name}: EasyCars refused the credentials. Check them and test the connection.', { name }), to: `/plugins/${PLUGIN_ID}/credentials${q}` });
    }
    for (const type of ['stock', 'leads'] as const) {
      const s = row[type];
      if (!needsAttention(s.health)) continue;
      alerts.push({
        key: `${row.dealership.documentId}:${type}`,
        text: t('dashboard.alert.sync', '{name} — {type}: {health}. {reason}', {
          name,
          type: type === 'stock' ? t('dashboard.stock', 'Stock') : t('dashboard.leads', 'Leads'),
          health: healthText(t, s.health),
          reason: s.reason,
        }),
        to: `/plugins/${PLUGIN_ID}/${type}${q}`,
      });
    }
    if (row.leadsInReview) {
      alerts.push({ key: `${row.dealership.documentId}:review`, text: t('dashboard.alert.review', '{name}: {n} lead(s) may have reached EasyCars and wait for your decision.', { name, n: row.leadsInReview }), to: `/plugins/${PLUGIN_ID}/leads${q}` });
    }
  }
  return alerts;
};

export const AlertBanner = ({ rows }: { rows: DashboardRow[] }) => {
  const t = useT();
  const alerts = alertsOf(rows, t);
  if (!alerts.length) return null;
  return (
    <Box background="danger100" borderColor="danger200" padding={5} hasRadius role="alert" data-testid="dashboard-alerts">
      <Typography variant="delta" tag="h2" textColor="danger700">
        {t('dashboard.alerts.title', '{n, plural, one {# thing needs} other {# things need}} attention', { n: alerts.length })}
      </Typography>
      <Flex tag="ul" direction="column" alignItems="stretch" gap={2} paddingTop={3}>
        {alerts.slice(0, 8).map((a) => (
          <li key={a.key}>
            <Typography>{a.text} </Typography>
            <Link tag={NavLink} to={a.to}>{t('dashboard.alerts.open', 'Open')}</Link>
          </li>
        ))}
      </Flex>
      {alerts.length > 8 ? <Typography variant="pi">{t('dashboard.alerts.more', 'and {n} more in the table below.', { n: alerts.length - 8 })}</Typography> : null}
    </Box>
  );
};
