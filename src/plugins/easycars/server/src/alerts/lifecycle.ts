/**
 * One open alert per dealership and rule, across every instance: `openKey` ("<dealership>:<rule>")
 * is unique while the alert is open and cleared when it resolves, so only the instance whose insert
 * (or resolving update) wins announces it. Notifications are claimed the same way (lastNotifiedAt).
 */
import type { Core } from '@strapi/strapi';
import { RULE_SEVERITY, type AlertRule } from '../../../shared/alerts';
import { isUniqueViolation } from '../utils/db-errors';
import { pluginUid } from '../utils/plugin';
import type { RuleResult } from './rules';

export interface AlertRow {
  id: number;
  dealership: string;
  rule: AlertRule;
  severity: 'critical' | 'warning';
  status: 'open' | 'acknowledged' | 'resolved';
  message: string;
  details: Record<string, unknown> | null;
  openedAt: string;
  lastSeenAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  snoozedUntil: string | null;
  resolvedAt: string | null;
  lastNotifiedAt: string | null;
}

export type Transition = { kind: 'opened' | 'resolved'; alert: AlertRow };

const openKey = (dealership: string, rule: string) => `${dealership}:${rule}`;
const query = (strapi: Core.Strapi) => strapi.db.query(pluginUid('alert'));
const table = (strapi: Core.Strapi) => strapi.db.metadata.get(pluginUid('alert')).tableName;

/** Opens the alert of a rule that holds, or refreshes the open one; answers a transition when this call opened it. */
async function keepOpen(strapi: Core.Strapi, dealership: string, result: RuleResult, now: Date): Promise<Transition | null> {
  const key = openKey(dealership, result.rule);
  const existing = (await query(strapi).findOne({ where: { openKey: key } })) as AlertRow | null;
  if (existing) {
    await query(strapi).update({ where: { id: existing.id }, data: { lastSeenAt: now, message: result.message, details: result.details ?? null } });
    return null;
  }
  try {
    const created = (await query(strapi).create({
      data: {
        dealership,
        rule: result.rule,
        severity: RULE_SEVERITY[result.rule],
        status: 'open',
        message: result.message,
        details: result.details ?? null,
        openKey: key,
        openedAt: now,
        lastSeenAt: now,
      },
    })) as AlertRow;
    return { kind: 'opened', alert: created };
  } catch (error) {
    if (isUniqueViolation(error)) return null; // another instance opened it a moment ago
    throw error;
  }
}

async function resolve(strapi: Core.Strapi, dealership: string, rule: AlertRule, now: Date): Promise<Transition | null> {
  const key = openKey(dealership, rule);
  const existing = (await query(strapi).findOne({ where: { openKey: key }, select: ['id'] })) as { id: number } | null;
  if (!existing) return null;
  // Only the update that still finds the key set resolves it: another instance may be doing the same.
  const changed = await strapi.db.connection(table(strapi)).where({ id: existing.id, open_key: key }).update({ status: 'resolved', open_key: null, resolved_at: now, updated_at: now });
  if (Number(changed) !== 1) return null;
  return { kind: 'resolved', alert: (await query(strapi).findOne({ where: { id: existing.id } })) as AlertRow };
}

/** Applies one evaluation of a dealership's rules: answers what opened and what resolved. */
export async function applyResults(strapi: Core.Strapi, dealership: string, results: RuleResult[], now = new Date()): Promise<Transition[]> {
  const transitions: Transition[] = [];
  for (const result of results) {
    const t = result.active ? await keepOpen(strapi, dealership, result, now) : await resolve(strapi, dealership, result.rule, now);
    if (t) transitions.push(t);
  }
  return transitions;
}

/**
 * Claims the right to send a reminder about an open alert: true for exactly one caller once
 * `repeatMs` has passed since the last notice (and never while it is acknowledged or snoozed).
 */
export async function claimReminder(strapi: Core.Strapi, alert: AlertRow, repeatMs: number, now = new Date()): Promise<boolean> {
  if (alert.status !== 'open') return false;
  if (alert.snoozedUntil && new Date(alert.snoozedUntil) > now) return false;
  const before = new Date(now.getTime() - repeatMs);
  const changed = await strapi.db
    .connection(table(strapi))
    .where({ id: alert.id, status: 'open' })
    .andWhere((q: any) => q.whereNull('last_notified_at').orWhere('last_notified_at', '<', before))
    .update({ last_notified_at: now });
  return Number(changed) === 1;
}

/** Marks an alert as announced (the opening notice counts as the first). */
export async function markNotified(strapi: Core.Strapi, id: number, now = new Date()): Promise<void> {
  await strapi.db.connection(table(strapi)).where({ id }).update({ last_notified_at: now });
}

export async function acknowledge(strapi: Core.Strapi, id: number, by: string, now = new Date()): Promise<AlertRow | null> {
  return (await query(strapi).update({ where: { id, status: 'open' }, data: { status: 'acknowledged', acknowledgedAt: now, acknowledgedBy: by } })) as AlertRow | null;
}

export async function snooze(strapi: Core.Strapi, id: number, until: Date): Promise<AlertRow | null> {
  return (await query(strapi).update({ where: { id, status: { $ne: 'resolved' } }, data: { snoozedUntil: until } })) as AlertRow | null;
}
