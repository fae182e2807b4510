/** Each dealership's alert settings, in Strapi's plugin store; missing values take the defaults. */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { ALERT_RULES, DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../../../shared/alerts';
import { PLUGIN_ID } from '../utils/plugin';

const on = z.boolean();
const whole = (min: number, max: number, name: string) =>
  z.number({ invalid_type_error: `${name} must be a number` }).int(`${name} must be a whole number`).min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`);

export const alertSettingsSchema = z
  .object({
    rules: z
      .object({
        consecutive_failures: z.object({ enabled: on, runs: whole(1, 20, 'runs') }).strict(),
        stale_sync: z.object({ enabled: on, hours: whole(1, 24 * 30, 'hours').nullable() }).strict(),
        auth_failure: z.object({ enabled: on }).strict(),
        slow_run: z.object({ enabled: on, minutes: whole(1, 24 * 60, 'minutes') }).strict(),
        api_error_rate: z.object({ enabled: on, percent: whole(1, 100, 'percent'), minCalls: whole(1, 100_000, 'minCalls') }).strict(),
        throttling: z.object({ enabled: on, perHour: whole(1, 1_000_000, 'perHour') }).strict(),
        leads_stuck: z.object({ enabled: on, minutes: whole(1, 24 * 60, 'minutes') }).strict(),
        new_conflicts: z.object({ enabled: on }).strict(),
        reconciliation_differences: z.object({ enabled: on }).strict(),
      })
      .strict(),
    emails: z.array(z.string().trim().email('each extra address must be an email address')).max(20, 'at most 20 extra addresses'),
    emailManagers: z.boolean(),
  })
  .strict();

const keyOf = (dealership: string) => `alert-settings:${dealership}`;
const store = (strapi: Core.Strapi, dealership: string) => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: keyOf(dealership) });

/** Stored values over the defaults, rule by rule (a rule added in a later version gets its default). */
export function withDefaults(stored: Partial<AlertSettings> | null | undefined): AlertSettings {
  const rules = { ...DEFAULT_ALERT_SETTINGS.rules } as Record<string, unknown>;
  for (const rule of ALERT_RULES) {
    const saved = (stored?.rules as Record<string, object> | undefined)?.[rule];
    if (saved) rules[rule] = { ...DEFAULT_ALERT_SETTINGS.rules[rule], ...saved };
  }
  return {
    rules: rules as unknown as AlertSettings['rules'],
    emails: Array.isArray(stored?.emails) ? stored.emails : DEFAULT_ALERT_SETTINGS.emails,
    emailManagers: typeof stored?.emailManagers === 'boolean' ? stored.emailManagers : DEFAULT_ALERT_SETTINGS.emailManagers,
  };
}

export async function readAlertSettings(strapi: Core.Strapi, dealership: string): Promise<AlertSettings> {
  return withDefaults((await store(strapi, dealership).get({})) as Partial<AlertSettings> | null);
}

export async function saveAlertSettings(strapi: Core.Strapi, dealership: string, settings: AlertSettings): Promise<AlertSettings> {
  await store(strapi, dealership).set({ value: settings });
  return settings;
}

export async function forgetAlertSettings(strapi: Core.Strapi, dealership: string): Promise<void> {
  await store(strapi, dealership).delete({});
}
