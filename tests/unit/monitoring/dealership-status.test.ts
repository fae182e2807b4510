import { dealershipStatus } from '../../../src/plugins/easycars/server/src/monitoring/dealership-status';

const service = (health: string, reason = 'Healthy') => ({ health, reason, lastRun: null, lastSuccessAt: null, nextRunAt: null, intervalHours: 24 }) as any;
const row = (over: Record<string, unknown> = {}) =>
  ({ dealership: { documentId: 'd1', name: 'Harbour Motors', timezone: 'Australia/Sydney' }, connection: 'active', stock: service('ok'), leads: service('ok'), openConflicts: 0, leadsWaiting: 0, leadsInReview: 0, ...over }) as any;
const none = { critical: 0, warning: 0, firstMessage: null };

describe('dealership health status', () => {
  it('is ok, degraded, stale or failing with the reason of the worst finding', () => {
    expect(dealershipStatus(row(), none)).toMatchObject({ status: 'ok', reason: 'Healthy', openAlerts: 0 });
    expect(dealershipStatus(row({ leads: service('attention', 'Last run partly failed') }), none)).toMatchObject({ status: 'degraded', reason: 'Leads: Last run partly failed' });
    expect(dealershipStatus(row({ stock: service('stale', 'No successful sync for 3 days') }), none)).toMatchObject({ status: 'stale', reason: 'Stock: No successful sync for 3 days' });
    expect(dealershipStatus(row({ connection: 'auth_failing', stock: service('failing', 'Last run failed') }), none)).toMatchObject({ status: 'failing', reason: 'EasyCars refused the credentials' });
  });

  it('counts open alerts: a critical one makes it failing, a warning degraded', () => {
    expect(dealershipStatus(row(), { critical: 1, warning: 1, firstMessage: 'The last 2 stock syncs failed' })).toMatchObject({ status: 'failing', reason: 'The last 2 stock syncs failed', openAlerts: 2 });
    expect(dealershipStatus(row(), { critical: 0, warning: 1, firstMessage: '2 leads in review' })).toMatchObject({ status: 'degraded', reason: '2 leads in review' });
  });
});
