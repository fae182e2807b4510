/** After a batch is written: the local edits it overwrote, kept or put up for review, in the run's warnings, the audit trail and the conflict table. */
import type { Core } from '@strapi/strapi';
import type { SyncWarning } from '../sync-logs/types';
import { getService } from '../utils/plugin';
import type { PlannedEdits } from './apply-local-edits';
import { vehicleConflicts } from './vehicle-conflicts';

const text = (v: unknown) => (v === null || v === undefined ? '(empty)' : typeof v === 'object' ? JSON.stringify(v) : String(v));
const short = (v: unknown) => {
  const s = text(v);
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
};

export async function recordLocalEditOutcomes(strapi: Core.Strapi, dealership: string, syncLogId: number, applied: ReadonlyArray<readonly [string, PlannedEdits]>): Promise<SyncWarning[]> {
  const warnings: SyncWarning[] = [];
  const conflicts = vehicleConflicts(strapi);
  const audit = getService(strapi, 'audit');
  let opened = 0;
  for (const [stockNumber, edits] of applied) {
    const { plan, vehicleDocumentId } = edits;
    for (const o of plan.overwritten) {
      warnings.push({ ref: stockNumber, field: o.field, message: `EasyCars overwrote a local edit of ${o.field}: "${short(o.before)}" → "${short(o.after)}"`, value: { before: o.before, after: o.after } as any });
    }
    if (plan.overwritten.length) {
      // Written with EasyCars' value (strategy easycars, or an admin's Sync from EasyCars): a conflict on it is settled.
      await getService(strapi, 'stockEdits').closeByEasyCars(vehicleDocumentId, plan.overwritten.map((o) => o.field), syncLogId);
      await audit.record({
        dealership, action: 'stock.local-edit.overwrite', entityType: 'vehicle', entityId: vehicleDocumentId, result: 'info',
        changedFields: plan.overwritten.map((o) => o.field),
        message: `Stock sync ${syncLogId} replaced local edits of ${stockNumber} with EasyCars' values (EasyCars wins).`,
        details: { before: Object.fromEntries(plan.overwritten.map((o) => [o.field, o.before])), after: Object.fromEntries(plan.overwritten.map((o) => [o.field, o.after])) },
      });
    }
    for (const k of plan.kept) {
      warnings.push({ ref: stockNumber, field: k.field, message: `EasyCars changed ${k.field} to "${short(k.easycars)}"; this site's value was kept (${k.pinned ? 'pinned' : 'this site wins'})`, value: k.easycars as any });
    }
    for (const c of plan.conflicts) {
      const isNew = await conflicts.open({ dealership, vehicleDocumentId, stockNumber, field: c.field, attribute: c.attribute, base: c.base, local: c.local, remote: c.remote, localChangedAt: edits.localChangedAt, localChangedBy: edits.localChangedBy });
      warnings.push({ ref: stockNumber, field: c.field, message: `${c.field} was changed here and in EasyCars: kept this site's value until the conflict is resolved`, value: c.remote as any });
      if (isNew) {
        opened++;
        await audit.record({ dealership, action: 'stock.field.conflict', entityType: 'vehicle', entityId: vehicleDocumentId, result: 'info', changedFields: [c.field], message: `${stockNumber}: ${c.field} changed here and in EasyCars; waiting for review.` });
      }
    }
  }
  if (opened) void getService(strapi, 'alerts').evaluate(dealership).catch(() => undefined);
  return warnings;
}
