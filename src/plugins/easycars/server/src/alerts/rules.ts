/**
 * Alert rules: from one dealership's facts and its settings, which conditions hold now and why.
 * Pure; the facts are gathered by facts.ts and the lifecycle (open, keep, resolve) is lifecycle.ts.
 */
import type { AlertRule, AlertSettings } from '../../../shared/alerts';

export interface RunFact {
  status: string;
  errorClass: string | null;
  errorMessage: string | null;
  durationMs: number | null;
  completedAt: string | null;
}

export interface AlertFacts {
  now: Date;
  /** Finished runs per type, newest first (cancelled runs left out: an admin stopped them). */
  runs: { stock: RunFact[]; leads: RunFact[] };
  stock: { enabled: boolean; intervalHours: number | null; lastSuccessAt: string | null; connectedAt: string | null };
  /** EasyCars calls of the last hour (the current and the previous clock hour). */
  api: { calls: number; errors: number; throttled: number };
  /** Leads waiting to be sent, failed or in review for longer than the rule's minutes. */
  leadsStuck: { failed: number; review: number; pending: number };
  openConflicts: number;
  /** The latest finished reconciliation: whether the schedule started it, and the differences still open. */
  reconciliation: { scheduled: boolean; open: number } | null;
}

export interface RuleResult {
  rule: AlertRule;
  active: boolean;
  message: string;
  details?: Record<string, unknown>;
}

const FAILED = new Set(['failed', 'interrupted']);
const AUTH_ERROR = 'EasyCarsAuthenticationError';
const label = { stock: 'stock', leads: 'lead' } as const;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const hoursBetween = (from: string, to: Date) => (to.getTime() - new Date(from).getTime()) / 3_600_000;

function consecutiveFailures(facts: AlertFacts, runs: number): RuleResult {
  for (const type of ['stock', 'leads'] as const) {
    const last = facts.runs[type].slice(0, runs);
    if (last.length >= runs && last.every((r) => FAILED.has(r.status))) {
      return {
        rule: 'consecutive_failures',
        active: true,
        message: `The last ${plural(runs, `${label[type]} sync`)} failed${last[0].errorMessage ? `: ${last[0].errorMessage}` : ''}`,
        details: { type, runs },
      };
    }
  }
  return { rule: 'consecutive_failures', active: false, message: '' };
}

function staleSync(facts: AlertFacts, hoursSetting: number | null): RuleResult {
  const inactive: RuleResult = { rule: 'stale_sync', active: false, message: '' };
  if (!facts.stock.enabled) return inactive;
  const limit = hoursSetting ?? (facts.stock.intervalHours ? facts.stock.intervalHours + 2 : null);
  const since = facts.stock.lastSuccessAt ?? facts.stock.connectedAt;
  if (!limit || !since) return inactive;
  const hours = hoursBetween(since, facts.now);
  if (hours <= limit) return inactive;
  return {
    rule: 'stale_sync',
    active: true,
    message: facts.stock.lastSuccessAt
      ? `No successful stock sync for ${Math.floor(hours)} hours (the limit is ${limit} hours)`
      : `No successful stock sync in the ${Math.floor(hours)} hours since the connection was made (the limit is ${limit} hours)`,
    details: { hours: Math.floor(hours), limit },
  };
}

function authFailure(facts: AlertFacts): RuleResult {
  for (const type of ['stock', 'leads'] as const) {
    const last = facts.runs[type][0];
    if (last && FAILED.has(last.status) && last.errorClass === AUTH_ERROR) {
      return { rule: 'auth_failure', active: true, message: `EasyCars refused the credentials in the last ${label[type]} sync${last.errorMessage ? `: ${last.errorMessage}` : ''}`, details: { type } };
    }
  }
  return { rule: 'auth_failure', active: false, message: '' };
}

function slowRun(facts: AlertFacts, minutes: number): RuleResult {
  for (const type of ['stock', 'leads'] as const) {
    const last = facts.runs[type][0];
    if (last?.durationMs && last.durationMs > minutes * 60_000) {
      return { rule: 'slow_run', active: true, message: `The last ${label[type]} sync took ${Math.round(last.durationMs / 60_000)} minutes (the limit is ${minutes})`, details: { type, durationMs: last.durationMs } };
    }
  }
  return { rule: 'slow_run', active: false, message: '' };
}

function apiErrorRate(facts: AlertFacts, percent: number, minCalls: number): RuleResult {
  const { calls, errors } = facts.api;
  const rate = calls ? (errors / calls) * 100 : 0;
  if (calls < minCalls || rate <= percent) return { rule: 'api_error_rate', active: false, message: '' };
  return { rule: 'api_error_rate', active: true, message: `${Math.round(rate)}% of EasyCars calls failed in the last hour (${errors} of ${calls}; the limit is ${percent}%)`, details: { calls, errors } };
}

function throttling(facts: AlertFacts, perHour: number): RuleResult {
  if (facts.api.throttled <= perHour) return { rule: 'throttling', active: false, message: '' };
  return { rule: 'throttling', active: true, message: `EasyCars rate-limited ${facts.api.throttled} requests in the last hour (the limit is ${perHour})`, details: { throttled: facts.api.throttled } };
}

function leadsStuck(facts: AlertFacts, minutes: number): RuleResult {
  const { failed, review, pending } = facts.leadsStuck;
  const total = failed + review + pending;
  if (!total) return { rule: 'leads_stuck', active: false, message: '' };
  const parts = [failed && `${failed} failed`, review && `${review} in review`, pending && `${pending} still waiting to be sent`].filter(Boolean).join(', ');
  return { rule: 'leads_stuck', active: true, message: `${plural(total, 'lead')} not in EasyCars for more than ${minutes} minutes: ${parts}`, details: { failed, review, pending } };
}

function newConflicts(facts: AlertFacts): RuleResult {
  if (!facts.openConflicts) return { rule: 'new_conflicts', active: false, message: '' };
  return { rule: 'new_conflicts', active: true, message: `${plural(facts.openConflicts, 'conflict')} (vehicles and leads) waiting for a decision in the conflict inbox`, details: { openConflicts: facts.openConflicts } };
}

function reconciliationDifferences(facts: AlertFacts): RuleResult {
  const r = facts.reconciliation;
  if (!r?.scheduled || !r.open) return { rule: 'reconciliation_differences', active: false, message: '' };
  return { rule: 'reconciliation_differences', active: true, message: `The scheduled reconciliation found ${plural(r.open, 'difference')} between this site and EasyCars`, details: { open: r.open } };
}

/** Every enabled rule's result; a disabled rule is reported inactive (so its open alert resolves). */
export function evaluateRules(settings: AlertSettings, facts: AlertFacts): RuleResult[] {
  const r = settings.rules;
  const results: RuleResult[] = [
    consecutiveFailures(facts, r.consecutive_failures.runs),
    staleSync(facts, r.stale_sync.hours),
    authFailure(facts),
    slowRun(facts, r.slow_run.minutes),
    apiErrorRate(facts, r.api_error_rate.percent, r.api_error_rate.minCalls),
    throttling(facts, r.throttling.perHour),
    leadsStuck(facts, r.leads_stuck.minutes),
    newConflicts(facts),
    reconciliationDifferences(facts),
  ];
  return results.map((result) => (r[result.rule].enabled ? result : { rule: result.rule, active: false, message: '' }));
}
