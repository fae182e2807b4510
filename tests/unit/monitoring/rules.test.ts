import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../../../src/plugins/easycars/shared/alerts';
import { evaluateRules, type AlertFacts, type RunFact } from '../../../src/plugins/easycars/server/src/alerts/rules';
import { withDefaults } from '../../../src/plugins/easycars/server/src/alerts/settings';

const NOW = new Date('2026-11-28T12:00:00.000Z');
const run = (over: Partial<RunFact> = {}): RunFact => ({ status: 'success', errorClass: null, errorMessage: null, durationMs: 60_000, completedAt: '2026-11-28T11:00:00.000Z', ...over });
const facts = (over: Partial<AlertFacts> = {}): AlertFacts => ({
  now: NOW,
  runs: { stock: [run()], leads: [run()] },
  stock: { enabled: true, intervalHours: 24, lastSuccessAt: '2026-11-28T02:00:00.000Z', connectedAt: '2026-11-01T00:00:00.000Z' },
  api: { calls: 40, errors: 0, throttled: 0 },
  leadsStuck: { failed: 0, review: 0, pending: 0 },
  openConflicts: 0,
  reconciliation: null,
  ...over,
});
const active = (settings: AlertSettings, f: AlertFacts) => evaluateRules(settings, f).filter((r) => r.active);
const activeRules = (f: AlertFacts, settings = DEFAULT_ALERT_SETTINGS) => active(settings, f).map((r) => r.rule);

describe('alert rules', () => {
  it('hold nothing for a healthy dealership', () => {
    expect(activeRules(facts())).toEqual([]);
    expect(evaluateRules(DEFAULT_ALERT_SETTINGS, facts())).toHaveLength(9);
  });

  it('reconciliation differences: only a scheduled run’s open differences alert; a run by hand is read on the page', () => {
    expect(activeRules(facts({ reconciliation: { scheduled: false, open: 5 } }))).toEqual([]);
    expect(activeRules(facts({ reconciliation: { scheduled: true, open: 0 } }))).toEqual([]);
    const [r] = active(DEFAULT_ALERT_SETTINGS, facts({ reconciliation: { scheduled: true, open: 3 } }));
    expect(r).toMatchObject({ rule: 'reconciliation_differences', message: 'The scheduled reconciliation found 3 differences between this site and EasyCars' });
  });

  it('consecutive failures: N failed or interrupted runs of one type in a row, newest first', () => {
    const failed = run({ status: 'failed', errorMessage: 'EasyCars did not answer' });
    expect(activeRules(facts({ runs: { stock: [failed, run()], leads: [run()] } }))).toEqual([]);
    const [result] = active(DEFAULT_ALERT_SETTINGS, facts({ runs: { stock: [run()], leads: [failed, run({ status: 'interrupted' }), run()] } }));
    expect(result).toMatchObject({ rule: 'consecutive_failures', message: 'The last 2 lead syncs failed: EasyCars did not answer', details: { type: 'leads', runs: 2 } });
    const three = withDefaults({ rules: { consecutive_failures: { enabled: true, runs: 3 } } as any });
    expect(activeRules(facts({ runs: { stock: [failed, failed], leads: [] } }), three)).toEqual([]);
    expect(activeRules(facts({ runs: { stock: [failed, failed, failed], leads: [] } }), three)).toEqual(['consecutive_failures']);
  });

  it('stale stock sync: longer than the schedule allows (interval + 2 h by default, or the set hours)', () => {
    const at = (hoursAgo: number) => new Date(NOW.getTime() - hoursAgo * 3_600_000).toISOString();
    expect(activeRules(facts({ stock: { enabled: true, intervalHours: 24, lastSuccessAt: at(25.9), connectedAt: at(100) } }))).toEqual([]);
    const [stale] = active(DEFAULT_ALERT_SETTINGS, facts({ stock: { enabled: true, intervalHours: 24, lastSuccessAt: at(27), connectedAt: at(100) } }));
    expect(stale).toMatchObject({ rule: 'stale_sync', message: 'No successful stock sync for 27 hours (the limit is 26 hours)' });
    // Never succeeded: counted from the connection.
    expect(active(DEFAULT_ALERT_SETTINGS, facts({ stock: { enabled: true, intervalHours: 1, lastSuccessAt: null, connectedAt: at(4) } }))[0]?.message).toBe(
      'No successful stock sync in the 4 hours since the connection was made (the limit is 3 hours)',
    );
    const sixHours = withDefaults({ rules: { stale_sync: { enabled: true, hours: 6 } } as any });
    expect(activeRules(facts({ stock: { enabled: true, intervalHours: 24, lastSuccessAt: at(7), connectedAt: at(100) } }), sixHours)).toEqual(['stale_sync']);
    // A switched-off stock sync is never stale.
    expect(activeRules(facts({ stock: { enabled: false, intervalHours: null, lastSuccessAt: at(900), connectedAt: at(1000) } }))).toEqual([]);
  });

  it('authentication failure: at once, from the last run of either type', () => {
    const refused = run({ status: 'failed', errorClass: 'EasyCarsAuthenticationError', errorMessage: 'Code 1' });
    expect(activeRules(facts({ runs: { stock: [refused], leads: [run()] } }))).toEqual(['auth_failure']);
    expect(activeRules(facts({ runs: { stock: [run(), refused], leads: [run()] } }))).toEqual([]);
  });

  it('slow run, API error rate and throttling over their thresholds', () => {
    expect(active(DEFAULT_ALERT_SETTINGS, facts({ runs: { stock: [run({ durationMs: 45 * 60_000 })], leads: [] } }))[0]?.message).toBe('The last stock sync took 45 minutes (the limit is 30)');
    expect(activeRules(facts({ api: { calls: 40, errors: 9, throttled: 0 } }))).toEqual(['api_error_rate']);
    expect(activeRules(facts({ api: { calls: 40, errors: 8, throttled: 0 } }))).toEqual([]); // 20% is not over 20%
    expect(activeRules(facts({ api: { calls: 5, errors: 5, throttled: 0 } }))).toEqual([]); // too few calls to judge
    expect(activeRules(facts({ api: { calls: 400, errors: 0, throttled: 51 } }))).toEqual(['throttling']);
  });

  it('leads stuck and conflicts waiting', () => {
    const [stuck] = active(DEFAULT_ALERT_SETTINGS, facts({ leadsStuck: { failed: 1, review: 2, pending: 0 } }));
    expect(stuck?.message).toBe('3 leads not in EasyCars for more than 15 minutes: 1 failed, 2 in review');
    expect(active(DEFAULT_ALERT_SETTINGS, facts({ openConflicts: 1 }))[0]?.message).toBe('1 conflict (vehicles and leads) waiting for a decision in the conflict inbox');
  });

  it('a rule switched off is reported inactive, so its open alert resolves', () => {
    const off = withDefaults({ rules: { new_conflicts: { enabled: false } } as any });
    expect(activeRules(facts({ openConflicts: 4 }), off)).toEqual([]);
  });

  it('settings: stored values over the defaults, rule by rule', () => {
    const merged = withDefaults({ rules: { slow_run: { minutes: 90 } } as any, emails: ['ops@x.test'] });
    expect(merged.rules.slow_run).toEqual({ enabled: true, minutes: 90 });
    expect(merged.rules.consecutive_failures).toEqual({ enabled: true, runs: 2 });
    expect(merged.emails).toEqual(['ops@x.test']);
    expect(merged.emailManagers).toBe(true);
    expect(withDefaults(null)).toEqual(DEFAULT_ALERT_SETTINGS);
  });
});
