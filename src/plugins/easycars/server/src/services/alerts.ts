import type { Core } from '@strapi/strapi';
import { ALERT_RULES, type AlertList, type AlertSettings, type AlertStatus, type AlertView } from '../../../shared/alerts';
import type { PluginConfig } from '../config/schema';
import { gatherFacts } from '../alerts/facts';
import { acknowledge, applyResults, claimReminder, markNotified, snooze, type AlertRow, type Transition } from '../alerts/lifecycle';
import { emitAlertEvent, emitSyncFailed, sendAlertMail, type DealershipRef, type Notice } from '../alerts/notify';
import { evaluateRules } from '../alerts/rules';
import { forgetAlertSettings, readAlertSettings, saveAlertSettings } from '../alerts/settings';
import type { DealershipSummary } from './access';
import { getConfig, getService, pluginUid } from '../utils/plugin';
import { hostConfig } from '../host/config';

const toIso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
const EVERY_DEALERSHIP_MS = 5 * 60_000;

/**
 * Alerts: rules evaluated after every finished run and every five minutes for every connected
 * dealership (any instance may evaluate; the database decides who opens, resolves and mails),
 * shown in the admin and delivered by webhook event and mail.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(pluginUid('alert'));
  let lastFullEvaluation = 0;
  const inflight = new Set<Promise<void>>();

  const dealershipRef = async (documentId: string): Promise<DealershipRef> =>
    (await getService(strapi, 'access').findDealership(documentId)) ?? { documentId, name: documentId, slug: null };

  const recipients = async (dealership: string, settings: AlertSettings): Promise<string[]> => {
    const to = new Set(settings.emails.map((e) => e.toLowerCase()));
    if (settings.emailManagers) {
      const { types, dealership: fields } = hostConfig(strapi);
      // Admin users are private to the Document Service: read the relation through the query engine.
      const row = (await strapi.db.query(types.dealership as any).findOne({ where: { documentId: dealership }, select: ['id'], populate: { [fields.managers]: { select: ['email', 'isActive'] } } })) as any;
      for (const m of (row?.[fields.managers] ?? []) as Array<{ email?: string; isActive?: boolean }>) if (m.email && m.isActive !== false) to.add(m.email.toLowerCase());
    }
    return [...to];
  };

  const announce = async (dealership: DealershipRef, notice: Notice, alert: AlertRow, settings: AlertSettings) => {
    if (notice !== 'reminder') emitAlertEvent(strapi, notice, alert, dealership);
    if (notice === 'opened') await markNotified(strapi, alert.id);
    await sendAlertMail(strapi, await recipients(dealership.documentId, settings), notice, alert, dealership);
  };

  const toView = (row: AlertRow, names: Map<string, string>): AlertView => ({
    id: row.id,
    dealership: { documentId: row.dealership, name: names.get(row.dealership) ?? row.dealership },
    rule: row.rule,
    severity: row.severity,
    status: row.status,
    message: row.message,
    openedAt: toIso(row.openedAt)!,
    lastSeenAt: toIso(row.lastSeenAt)!,
    acknowledgedAt: toIso(row.acknowledgedAt),
    acknowledgedBy: row.acknowledgedBy,
    snoozedUntil: toIso(row.snoozedUntil),
    resolvedAt: toIso(row.resolvedAt),
  });

  const service = {
    /** Evaluates one dealership's rules now and delivers what opened, resolved or is due a reminder. */
    async evaluate(documentId: string, now = new Date()): Promise<Transition[]> {
      const dealership = await getService(strapi, 'access').findDealership(documentId);
      if (!dealership) return service.resolveAll(documentId);
      const settings = await readAlertSettings(strapi, documentId);
      const credential = await getService(strapi, 'credentials').findByDealership(documentId);
      const results = credential
        ? evaluateRules(settings, await gatherFacts(strapi, dealership, credential, settings, now))
        : ALERT_RULES.map((rule) => ({ rule, active: false, message: '' }));
      const transitions = await applyResults(strapi, documentId, results, now);
      for (const t of transitions) await announce(dealership, t.kind, t.alert, settings);
      const repeatMs = getConfig<PluginConfig['monitoring']>(strapi, 'monitoring').emailRepeatHours * 3_600_000;
      const open = (await query().findMany({ where: { dealership: documentId, status: 'open', openedAt: { $lt: new Date(now.getTime() - repeatMs) } } })) as AlertRow[];
      for (const alert of open) if (await claimReminder(strapi, alert, repeatMs, now)) await announce(dealership, 'reminder', alert, settings);
      return transitions;
    },

    /** A dealership or its connection is gone: its open alerts resolve (announced to webhooks only). */
    async resolveAll(documentId: string, now = new Date()): Promise<Transition[]> {
      const transitions = await applyResults(strapi, documentId, ALERT_RULES.map((rule) => ({ rule, active: false, message: '' })), now);
      const ref = { documentId, name: documentId, slug: null };
      for (const t of transitions) emitAlertEvent(strapi, 'resolved', t.alert, ref);
      return transitions;
    },

    /** After a run finished: its dealership's rules, and a webhook event when it failed. Never throws. */
    afterRun(run: { id: number; dealership: string; type: string; trigger: string; status: string; errorMessage: string | null }): Promise<void> {
      const work = (async () => {
        try {
          if (run.status === 'failed') emitSyncFailed(strapi, run, await dealershipRef(run.dealership));
          await service.evaluate(run.dealership);
        } catch (error) {
          strapi.log.error(`[easycars] alert evaluation after run ${run.id} failed: ${(error as Error).message}`);
        }
      })();
      inflight.add(work);
      void work.finally(() => inflight.delete(work));
      return work;
    },

    /** Waits for evaluations still running (Strapi is stopping). */
    async idle(): Promise<void> {
      await Promise.all([...inflight]);
    },

    /** Every connected dealership and every dealership with an open alert, at most every five minutes per instance. */
    async evaluateDue(now = new Date()): Promise<number> {
      if (now.getTime() - lastFullEvaluation < EVERY_DEALERSHIP_MS) return 0;
      lastFullEvaluation = now.getTime();
      const connected = (await getService(strapi, 'credentials').findAll({})).map((c) => c.dealership);
      const withAlerts = ((await query().findMany({ where: { status: { $ne: 'resolved' } }, select: ['dealership'] })) as Array<{ dealership: string }>).map((a) => a.dealership);
      const all = [...new Set([...connected, ...withAlerts])];
      for (const dealership of all) {
        await service.evaluate(dealership, now).catch((error) => strapi.log.error(`[easycars] alert evaluation for dealership ${dealership} failed: ${(error as Error).message}`));
      }
      return all.length;
    },

    async list(dealerships: DealershipSummary[], filters: { status?: AlertStatus | 'active'; rule?: string; page?: number; pageSize?: number }): Promise<AlertList> {
      const names = new Map(dealerships.map((d) => [d.documentId, d.name]));
      const where: Record<string, unknown> = { dealership: { $in: [...names.keys()] } };
      if (filters.status === 'active') where.status = { $ne: 'resolved' };
      else if (filters.status) where.status = filters.status;
      if (filters.rule) where.rule = filters.rule;
      const page = Math.max(1, filters.page ?? 1);
      const pageSize = Math.min(100, Math.max(1, filters.pageSize ?? 20));
      const [rows, total] = await Promise.all([
        query().findMany({ where, orderBy: [{ openedAt: 'desc' }, { id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize }),
        query().count({ where }),
      ]);
      return { results: (rows as AlertRow[]).map((r) => toView(r, names)), pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } };
    },

    /** Open alerts that nobody acknowledged or snoozed: the count on the EasyCars menu. */
    async needingAttention(dealerships: string[], now = new Date()): Promise<number> {
      if (!dealerships.length) return 0;
      return query().count({ where: { dealership: { $in: dealerships }, status: 'open', $or: [{ snoozedUntil: { $null: true } }, { snoozedUntil: { $lt: now } }] } });
    },

    async acknowledge(id: number, by: string, dealership: DealershipSummary): Promise<AlertView | null> {
      const row = (await acknowledge(strapi, id, by)) ?? ((await query().findOne({ where: { id } })) as AlertRow | null);
      return row ? toView(row, new Map([[dealership.documentId, dealership.name]])) : null;
    },

    async snooze(id: number, hours: number, dealership: DealershipSummary): Promise<AlertView | null> {
      const row = await snooze(strapi, id, new Date(Date.now() + hours * 3_600_000));
      return row ? toView(row, new Map([[dealership.documentId, dealership.name]])) : null;
    },

    settings: (dealership: string) => readAlertSettings(strapi, dealership),
    async saveSettings(dealership: string, settings: AlertSettings) {
      const saved = await saveAlertSettings(strapi, dealership, settings);
      await service.evaluate(dealership).catch(() => undefined);
      return saved;
    },
    forgetSettings: (dealership: string) => forgetAlertSettings(strapi, dealership),
  };
  return service;
};
