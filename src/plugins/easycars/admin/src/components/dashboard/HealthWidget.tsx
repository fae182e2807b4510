import { Badge, Box, Flex, Link, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import type { DashboardRow } from '../../api/dashboard';
import { useAlertList } from '../../api/alerts-queries';
import { useDashboardOverview } from '../../api/dashboard-queries';
import { PLUGIN_ID } from '../../pluginId';
import { toApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';
import { healthText, healthVariant } from './healthLabels';

const RANK: Record<string, number> = { failing: 0, stale: 1, attention: 2 };
const worstOf = (row: DashboardRow) => [row.stock, row.leads].sort((a, b) => (RANK[a.health] ?? 9) - (RANK[b.health] ?? 9))[0]!;

/** Homepage widget: healthy / failing / stale dealerships and the worst few with their reason. */
export const HealthWidget = () => {
  const t = useT();
  const { data, error } = useDashboardOverview();
  const alerts = useAlertList({ status: 'open', pageSize: 100 }).data?.results ?? [];
  if (error) return <Typography textColor="danger600">{toApiError(error).message}</Typography>;
  if (!data) return <Typography textColor="neutral600">{t('history.loading', 'Loading…')}</Typography>;
  const d = data.stats.dealerships;
  const worst = data.rows
    .filter((r) => (RANK[worstOf(r).health] ?? 9) < 9)
    .sort((a, b) => (RANK[worstOf(a).health] ?? 9) - (RANK[worstOf(b).health] ?? 9))
    .slice(0, 3);
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="easycars-widget">
      <Flex gap={4} wrap="wrap">
        <Typography><strong>{d.healthy}</strong> {t('widget.healthy', 'healthy')}</Typography>
        <Typography textColor={d.failing ? 'danger600' : undefined}><strong>{d.failing}</strong> {t('widget.failing', 'failing')}</Typography>
        <Typography textColor={d.stale ? 'warning600' : undefined}><strong>{d.stale}</strong> {t('widget.stale', 'stale')}</Typography>
      </Flex>
      {alerts.length ? (
        <Link tag={NavLink} to={`/plugins/${PLUGIN_ID}/alerts`}>
          {t('widget.openAlerts', '{n, plural, one {# open alert} other {# open alerts}} ({critical} critical)', { n: alerts.length, critical: alerts.filter((a) => a.severity === 'critical').length })}
        </Link>
      ) : null}
      {worst.length ? (
        <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
          {worst.map((row) => {
            const s = worstOf(row);
            return (
              <Box tag="li" key={row.dealership.documentId}>
                <Flex gap={2} wrap="wrap">
                  <Typography fontWeight="bold">{row.dealership.name}</Typography>
                  <Badge variant={healthVariant(s.health)}>{healthText(t, s.health)}</Badge>
                </Flex>
                <Typography variant="pi" textColor="neutral600" style={{ overflowWrap: 'anywhere' }}>{s.reason}</Typography>
              </Box>
            );
          })}
        </Flex>
      ) : (
        <Typography textColor="neutral600">{t('widget.allGood', 'Every connected dealership is in step with EasyCars.')}</Typography>
      )}
      <Link tag={NavLink} to={`/plugins/${PLUGIN_ID}/dashboard`}>{t('widget.open', 'Open the EasyCars dashboard')}</Link>
    </Flex>
  );
};
