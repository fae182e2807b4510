/** One dealership's health for GET /easycars/health, from its dashboard row and open alerts. Pure. */
import type { DashboardRow, Health } from '../../../shared/dashboard';
import type { DealershipHealth, DealershipStatus } from '../../../shared/health';

const RANK: Record<DealershipStatus, number> = { ok: 0, degraded: 1, stale: 2, failing: 3 };
const fromService = (health: Health): DealershipStatus =>
  health === 'failing' ? 'failing' : health === 'stale' ? 'stale' : health === 'attention' ? 'degraded' : 'ok';

export function dealershipStatus(row: DashboardRow, openAlerts: { critical: number; warning: number; firstMessage: string | null }): DealershipHealth {
  let status: DealershipStatus = 'ok';
  let reason = 'Healthy';
  const consider = (candidate: DealershipStatus, why: string) => {
    if (RANK[candidate] > RANK[status]) {
      status = candidate;
      reason = why;
    }
  };
  if (row.connection === 'auth_failing') consider('failing', 'EasyCars refused the credentials');
  consider(fromService(row.stock.health), `Stock: ${row.stock.reason}`);
  consider(fromService(row.leads.health), `Leads: ${row.leads.reason}`);
  if (openAlerts.critical) consider('failing', openAlerts.firstMessage ?? 'A critical alert is open');
  else if (openAlerts.warning) consider('degraded', openAlerts.firstMessage ?? 'An alert is open');
  return {
    documentId: row.dealership.documentId,
    name: row.dealership.name,
    status,
    reason,
    stock: row.stock.health,
    leads: row.leads.health,
    openAlerts: openAlerts.critical + openAlerts.warning,
  };
}
