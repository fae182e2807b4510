import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ConflictChoice, FieldStrategy, InboxConflict, InboxPage, ResolveResult, StockEditSettings } from '../../../shared/conflicts';
import { hostConfig } from '../host/config';
import { runAsSyncWrite } from '../leads/sync-context';
import { comparedTargets } from '../stock/field-map';
import { createVehicleWriter } from '../stock/vehicle-writer';
import { vehicleConflicts, type VehicleConflictRow } from '../stock/vehicle-conflicts';
import { getService, pluginUid } from '../utils/plugin';
import { runLogged } from '../sync-logs/run-logged';
import { sameValue } from '../reconciliation/same-value';
import { maskValue, personalDataReader } from '../leads/personal-data';

type Actor = { id: number; name: string };

const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null);

const vehicleView = (c: VehicleConflictRow): InboxConflict => ({
  kind: 'vehicle', id: c.id, ref: c.stockNumber, entryDocumentId: c.vehicleDocumentId, field: c.field,
  baseValue: c.baseValue, localValue: c.localValue, remoteValue: c.remoteValue,
  localChangedAt: iso(c.localChangedAt), localChangedBy: c.localChangedBy, remoteChangedAt: iso(c.remoteChangedAt), createdAt: iso(c.createdAt)!,
  state: c.state, resolution: c.resolution, resolvedBy: c.resolvedBy, resolvedAt: iso(c.resolvedAt),
});

const leadView = (c: any): InboxConflict => ({
  kind: 'lead', id: c.id, ref: c.leadNumber ?? c.leadDocumentId, entryDocumentId: c.leadDocumentId, field: c.field,
  baseValue: c.baseValue, localValue: c.localValue, remoteValue: c.remoteValue,
  localChangedAt: iso(c.updatedAt), localChangedBy: null, remoteChangedAt: iso(c.updatedAt), createdAt: iso(c.createdAt)!,
  state: c.state, resolution: c.resolution ?? null, resolvedBy: c.resolvedByName ?? null, resolvedAt: iso(c.resolvedAt),
});

/**
 * FR20 for vehicles (strategies, pins, conflicts) and the one conflict inbox that also holds the lead
 * conflicts of the lead issue. Resolutions go through here and are audited with before and after.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const conflicts = () => vehicleConflicts(strapi);
  const audit = (input: Parameters<ReturnType<typeof getService<'audit'>>['record']>[0]) => getService(strapi, 'audit').record({ entityType: 'vehicle', ...input });
  const owned = () => comparedTargets(hostConfig(strapi).vehicle);
  const credential = async (dealership: string) => {
    const row = await getService(strapi, 'credentials').findByDealership(dealership);
    if (!row) throw new errors.NotFoundError('This dealership has no EasyCars credential yet.');
    return row;
  };
  const hasPublished = async (documentId: string) =>
    (await strapi.db.query(hostConfig(strapi).types.vehicle as any).count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0;

  /** Writes one field of a vehicle as the plugin (not an editor's manual edit), keeping a published vehicle published. */
  const writeField = async (vehicleDocumentId: string, attribute: string, value: unknown) => {
    const writer = createVehicleWriter(strapi, hostConfig(strapi).types.vehicle as any);
    const publish = await hasPublished(vehicleDocumentId);
    await runAsSyncWrite(() => writer.update(vehicleDocumentId, { [attribute]: value }, publish));
  };

  const service = {
    async settings(dealership: string): Promise<StockEditSettings> {
      const row = await credential(dealership);
      return { stockConflictStrategy: (row.stockConflictStrategy ?? 'easycars') as FieldStrategy, stockFieldStrategies: (row.stockFieldStrategies ?? {}) as Record<string, FieldStrategy>, fields: owned() };
    },

    async saveSettings(dealership: string, input: { stockConflictStrategy: FieldStrategy; stockFieldStrategies: Record<string, FieldStrategy> }, actor: Actor): Promise<StockEditSettings> {
      const targets = new Set(owned().map((o) => o.target));
      const unknown = Object.keys(input.stockFieldStrategies).filter((t) => !targets.has(t));
      if (unknown.length) {
        const message = `stockFieldStrategies: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a field' : 'are not fields'} the stock sync writes (${[...targets].join(', ')})`;
        throw new errors.ValidationError(message, { errors: [{ path: ['stockFieldStrategies'], message, name: 'ValidationError' }] });
      }
      const row = await credential(dealership);
      await getService(strapi, 'credentials').update(row.id, { stockConflictStrategy: input.stockConflictStrategy, stockFieldStrategies: input.stockFieldStrategies });
      await audit({ dealership, action: 'stock.strategy.update', entityType: 'credential', entityId: row.id, actor, result: 'success', changedFields: ['stockConflictStrategy', 'stockFieldStrategies'], message: `Local edits: ${input.stockConflictStrategy}${Object.keys(input.stockFieldStrategies).length ? `, except ${Object.entries(input.stockFieldStrategies).map(([f, s]) => `${f}: ${s}`).join(', ')}` : ''}.` });
      return service.settings(dealership);
    },

    async inbox(dealership: string, filter: { kind?: 'vehicle' | 'lead'; state: 'open' | 'resolved' }, page: number, pageSize: number, ability?: unknown): Promise<InboxPage> {
      const where = { dealership, state: filter.state };
      const leadQuery = strapi.db.query(pluginUid('lead-conflict'));
      const [vehicleCount, leadCount] = await Promise.all([conflicts().count(where), leadQuery.count({ where })]);
      // Newest first across both kinds: read enough of each for this page, then merge.
      const need = page * pageSize;
      const vehicles = filter.kind === 'lead' ? [] : (await conflicts().list(where, need)).map(vehicleView);
      const leads = filter.kind === 'vehicle' ? [] : ((await leadQuery.findMany({ where, orderBy: { id: 'desc' }, limit: need })) as any[]).map(leadView);
      const merged = [...vehicles, ...leads].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      const total = filter.kind === 'vehicle' ? vehicleCount : filter.kind === 'lead' ? leadCount : vehicleCount + leadCount;
      const active = await getService(strapi, 'syncLogs').findActive(dealership, 'conflicts');
      const shown = merged.slice((page - 1) * pageSize, page * pageSize);
      // Lead values are the customer's: only for admins who may read that lead (as on the Leads page).
      const mayRead = ability === undefined ? null : await personalDataReader(strapi, ability, shown.filter((c) => c.kind === 'lead').map((c) => c.entryDocumentId!).filter(Boolean));
      const visible = shown.map((c) =>
        c.kind === 'lead' && mayRead && !mayRead(c.entryDocumentId, c.field) ? { ...c, baseValue: maskValue(c.baseValue), localValue: maskValue(c.localValue), remoteValue: maskValue(c.remoteValue) } : c,
      );
      return {
        conflicts: visible,
        active: active ? { id: active.id, status: active.status, done: active.progressDone ?? 0, total: active.progressTotal ?? 0 } : null,
        counts: { vehicle: vehicleCount, lead: leadCount },
        pagination: { page, pageSize, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) },
      };
    },

    async resolveVehicle(dealership: string, choice: ConflictChoice, actor: Actor) {
      const c = await conflicts().byId(choice.id);
      if (!c || c.dealership !== dealership) throw new errors.NotFoundError(`Conflict ${choice.id} not found for this dealership.`);
      if (c.state !== 'open') throw new errors.ApplicationError(`Conflict ${choice.id} is already resolved (${c.resolution}).`);
      const vehicle = (await strapi.db.query(hostConfig(strapi).types.vehicle as any).findOne({ select: [c.attribute], where: { documentId: c.vehicleDocumentId, publishedAt: { $null: true } } })) as Record<string, unknown> | null;
      const before = vehicle ? vehicle[c.attribute] : c.localValue;
      const value = choice.use === 'local' ? before : choice.use === 'easycars' ? c.remoteValue : choice.value;
      if (choice.use !== 'local') await writeField(c.vehicleDocumentId, c.attribute, value);
      await conflicts().markResolved(c.id, { resolution: choice.use, resolvedValue: value, resolvedBy: actor.name });
      await audit({ dealership, action: 'stock.conflict.resolve', entityId: c.vehicleDocumentId, actor, result: 'success', changedFields: [c.field], message: `${c.stockNumber}: ${c.field} resolved (${choice.use === 'local' ? 'this site' : choice.use === 'easycars' ? 'EasyCars' : 'merged value'}).`, details: { before, after: value, easycars: c.remoteValue, base: c.baseValue } });
    },

    /** Each choice on its own: one that fails (a value the vehicle type refuses) is reported, the others apply. */
    async resolve(dealership: string, choices: ConflictChoice[], actor: Actor): Promise<ResolveResult> {
      const result: ResolveResult = { resolved: 0, failed: [] };
      for (const choice of choices) {
        try {
          if (choice.kind === 'vehicle') await service.resolveVehicle(dealership, choice, actor);
          else {
            if (choice.use !== 'local' && choice.use !== 'easycars') throw new errors.ValidationError('A lead conflict is resolved with "local" or "easycars"; edit the lead itself for any other value.');
            await getService(strapi, 'leadSync').resolve(choice.id, dealership, choice.use, actor);
          }
          result.resolved++;
        } catch (error) {
          result.failed.push({ kind: choice.kind, id: choice.id, message: (error as Error).message });
        }
      }
      return result;
    },

    /** Bulk resolution of every open conflict of a kind (or both) as a job with progress: 202 with its run, or 409 when one runs. */
    async queueResolveAll(dealership: string, kind: 'vehicle' | 'lead' | undefined, use: 'local' | 'easycars', actor: Actor) {
      return getService(strapi, 'jobs').enqueueSync({ dealership, type: 'conflicts', trigger: 'manual', actor, params: { kind: kind ?? null, use } });
    },

    /** Every open conflict of a kind (or both), in pages of 100; `progress` after each page. */
    async resolveAll(dealership: string, kind: 'vehicle' | 'lead' | undefined, use: 'local' | 'easycars', actor: Actor, progress?: (done: number, total: number) => Promise<unknown>): Promise<ResolveResult & { refs: Array<{ ref: string; field: string; ok: boolean; message?: string }> }> {
      const total = { resolved: 0, failed: [] as ResolveResult['failed'], refs: [] as Array<{ ref: string; field: string; ok: boolean; message?: string }> };
      const skip = new Set<string>();
      const count = (await service.inbox(dealership, { kind, state: 'open' }, 1, 1)).pagination.total;
      for (;;) {
        const page = await service.inbox(dealership, { kind, state: 'open' }, 1, 100);
        const todo = page.conflicts.filter((c) => !skip.has(`${c.kind}:${c.id}`));
        if (!todo.length) break;
        const r = await service.resolve(dealership, todo.map((c) => ({ kind: c.kind, id: c.id, use })), actor);
        total.resolved += r.resolved;
        total.failed.push(...r.failed);
        for (const f of r.failed) skip.add(`${f.kind}:${f.id}`);
        for (const c of todo) {
          const failure = r.failed.find((f) => f.kind === c.kind && f.id === c.id);
          total.refs.push({ ref: c.ref, field: c.field, ok: !failure, ...(failure ? { message: failure.message } : {}) });
        }
        await progress?.(total.resolved + total.failed.length, Math.max(count, total.resolved + total.failed.length));
      }
      return total;
    },

    /** The 'conflicts' run: a bulk resolution queued from the inbox. */
    registerHandler() {
      getService(strapi, 'jobs').registerSyncHandler('conflicts', async ({ dealership, syncLogId, params }) => {
        await runLogged(strapi, { syncLogId, dealership, label: 'conflict resolution' }, async ({ progress }) => {
          const log = await getService(strapi, 'syncLogs').get(syncLogId);
          const actor = { id: log?.triggeredBy ?? 0, name: log?.triggeredByName ?? 'an admin' };
          const kind = (params?.kind ?? undefined) as 'vehicle' | 'lead' | undefined;
          const use = params?.use === 'easycars' ? 'easycars' : 'local';
          const result = await service.resolveAll(dealership, kind, use, actor, (done, total) => progress('resolving', done, total));
          return {
            status: result.failed.length ? 'partial' : 'success',
            counts: { fetched: result.resolved + result.failed.length, updated: result.resolved, failed: result.failed.length },
            errorMessage: result.failed.length ? `${result.failed.length} conflict(s) could not be resolved; the others were.` : null,
            itemErrors: result.refs.filter((r) => !r.ok).map((r) => ({ ref: r.ref, message: `${r.field}: ${r.message}` })),
            items: result.refs.map((r) => ({ ref: r.ref, outcome: r.ok ? 'updated' : 'failed', message: r.ok ? `${r.field}: ${use === 'local' ? "this site's value kept" : "EasyCars' value taken"}` : `${r.field}: ${r.message}` })),
            requestSummary: { kind: kind ?? 'vehicle and lead', use },
          };
        });
      });
    },

    /** The sync wrote EasyCars' value over a field under review (an admin's Sync from EasyCars): its conflict is settled. */
    async closeByEasyCars(vehicleDocumentId: string, fields: string[], syncLogId: number) {
      const open = (await conflicts().openFor(vehicleDocumentId)).filter((c) => fields.includes(c.field));
      for (const c of open) await conflicts().markResolved(c.id, { resolution: 'easycars', resolvedValue: c.remoteValue, resolvedBy: `stock run ${syncLogId}` });
    },

    /** The bulk resolution queued or running now, for the inbox's progress bar. */
    activeRun: (dealership: string) => getService(strapi, 'syncLogs').findActive(dealership, 'conflicts'),

    /** "Keep my description": a pinned field is never overwritten by the stock sync; EasyCars' changes to it are recorded. */
    async pin(vehicleDocumentId: string, field: string, pinned: boolean, actor: Actor) {
      if (!owned().some((o) => o.target === field)) {
        const message = `${field} is not a field the stock sync writes`;
        throw new errors.ValidationError(message, { errors: [{ path: ['field'], message, name: 'ValidationError' }] });
      }
      const records = strapi.db.query(pluginUid('stock-record'));
      const record = (await records.findOne({ where: { vehicleDocumentId }, select: ['id', 'dealership', 'pinnedFields', 'StockNumber'] })) as { id: number; dealership: string; pinnedFields: string[] | null; StockNumber: string } | null;
      if (!record) throw new errors.NotFoundError(`Vehicle ${vehicleDocumentId} did not come from EasyCars.`);
      const next = new Set(record.pinnedFields ?? []);
      if (pinned) next.add(field);
      else next.delete(field);
      await records.update({ where: { id: record.id }, data: { pinnedFields: [...next] } });
      await audit({ dealership: record.dealership, action: pinned ? 'stock.field.pin' : 'stock.field.unpin', entityId: vehicleDocumentId, actor, result: 'success', changedFields: [field], message: `${record.StockNumber}: ${field} ${pinned ? 'pinned: EasyCars no longer overwrites it' : 'released: EasyCars updates it again'}.` });
      return { pinnedFields: [...next] };
    },

    /**
     * An editor saved a field under review with a value of their own: that is the manual resolution (Manual
     * edit). The content manager sends every field on save, so a field saved unchanged keeps its conflict.
     */
    async closeByManualEdit(vehicleDocumentId: string, data: Record<string, unknown>, actor: Actor | null) {
      const open = await conflicts().openFor(vehicleDocumentId);
      for (const c of open.filter((o) => o.attribute in data && !sameValue(data[o.attribute], o.localValue))) {
        await conflicts().markResolved(c.id, { resolution: 'manual', resolvedValue: data[c.attribute], resolvedBy: actor?.name ?? 'an editor' });
        await audit({ dealership: c.dealership, action: 'stock.conflict.resolve', entityId: vehicleDocumentId, actor, result: 'success', changedFields: [c.field], message: `${c.stockNumber}: ${c.field} resolved by editing the vehicle.`, details: { after: data[c.attribute], easycars: c.remoteValue } });
      }
    },
  };
  return service;
};
