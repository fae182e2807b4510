import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import type { AlertRule, AlertView } from '../../api/alerts';
import type { DashboardRow } from '../../api/dashboard';
import { ruleTitle } from '../alerts/alertLabels';
import { useT } from '../../utils/useT';
import { PLUGIN_ID } from '../../pluginId';
import { healthText, needsAttention } from './healthLabels';

interface Alert {
  key: string;
  text: string;
  to: string;
}

/** Which open alert rules already say what a dashboard finding would (the finding is then not repeated). */
const COVERED_BY: Record<string, AlertRule[]> = {
  auth: ['auth_failure'],
  stock: ['consecutive_failures', 'auth_failure', 'stale_sync'],
  leads: ['consecutive_failures', 'auth_failure'],
  review: ['leads_stuck'],
};

/** Open, unsnoozed alerts first (the alert rules' words), then what the dashboard finds that no open alert already says. */
export const bannerItems = (rows: DashboardRow[], open: AlertView[], t: ReturnType<typeof useT>, now = Date.now()): Alert[] => {
  const shown = open.filter((a) => !(a.snoozedUntil && Date.parse(a.snoozedUntil) > now));
  const items: Alert[] = shown.map((a) => ({
    key: `alert:${a.id}`,
    text: `${a.dealership.name} — ${ruleTitle(t, a.rule)}: ${a.message}`,
    to: `/plugins/${PLUGIN_ID}/alerts?dealership=${encodeURIComponent(a.dealership.documentId)}`,
  }));
  const covered = (dealership: string, finding: string) => shown.some((a) => a.dealership.documentId === dealership && COVERED_BY[finding]?.includes(a.rule));
  return [...items, ...alertsOf(rows, t).filter((f) => !covered(f.key.split(':')[0]!, f.key.split(':')[1]!))];
};

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

export const AlertBanner = ({ rows, openAlerts = [] }: { rows: DashboardRow[]; openAlerts?: AlertView[] }) => {
  const t = useT();
  const alerts = bannerItems(rows, openAlerts, t);
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
