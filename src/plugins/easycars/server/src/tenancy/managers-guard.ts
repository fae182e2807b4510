/**
 * Document Service middleware on the dealership type: its `managers` relation is the root of all
 * dealership scoping, so only a Super Admin or a role with "Manage dealership managers" may
 * change it (whatever route the write comes from), and every change is audited.
 */
import type { Core } from '@strapi/strapi';
import { skippableByBulkCreate } from '../utils/document-middlewares';
import { errors } from '@strapi/utils';
import { actionUid } from '../permissions';
import { getService } from '../utils/plugin';
import { actingAdmin, type Actor } from './acting-admin';
import { hostConfig } from '../host/config';
import { parseRelationInput, type RelationTarget } from './relation-targets';

export const MANAGERS_CHANGE_REFUSED = "Only a Super Admin or a role with the EasyCars permission 'Manage dealership managers' may change a dealership's managers.";

const WRITES = new Set(['create', 'update', 'clone']);

export function registerManagersGuard(strapi: Core.Strapi) {
  // Skippable by the sync's bulk create: dealerships only.
  strapi.documents.use(skippableByBulkCreate(async (ctx: any, next: () => Promise<any>) => {
    const { types, dealership: fields } = hostConfig(strapi);
    const uid = types.dealership;
    const managers = fields.managers;
    if (ctx.uid !== uid || !WRITES.has(ctx.action) || !ctx.params?.data || !(managers in ctx.params.data)) return next();
    const sourceId: string | undefined = ctx.action === 'create' ? undefined : ctx.params.documentId;
    const before = sourceId ? await managerIds(strapi, uid, sourceId) : [];
    const intended = await resolveIntended(strapi, before, ctx.params.data[managers]);
    const actor = actingAdmin(strapi);
    if (!sameSet(before, intended) && !mayChangeManagers(actor)) {
      await audit(strapi, actor, sourceId ?? null, 'failure', before, intended, MANAGERS_CHANGE_REFUSED);
      throw new errors.PolicyError(MANAGERS_CHANGE_REFUSED, { path: [managers] });
    }
    const result = await next();
    const documentId: string | undefined = result?.documentId ?? sourceId;
    if (documentId) {
      const after = await managerIds(strapi, uid, documentId);
      const baseline = ctx.action === 'update' ? before : [];
      if (!sameSet(baseline, after)) await audit(strapi, actor, documentId, 'success', baseline, after);
    }
    return result;
  }));
}

function mayChangeManagers(actor: Actor) {
  if (actor.kind === 'none') return true; // code: the seed, migrations, the plugin itself
  if (actor.kind !== 'admin') return false;
  return actor.admin.isSuperAdmin || actor.admin.can(actionUid('manageManagers'));
}

async function managerIds(strapi: Core.Strapi, uid: string, documentId: string): Promise<number[]> {
  const managers = hostConfig(strapi).dealership.managers;
  const row = await strapi.db.query(uid as any).findOne({ where: { documentId }, populate: { [managers]: { select: ['id'] } } });
  return ((row?.[managers] ?? []) as Array<{ id: number }>).map((m) => m.id);
}

async function toIds(strapi: Core.Strapi, targets: RelationTarget[]): Promise<number[]> {
  const ids = targets.filter((t) => t.id !== undefined).map((t) => t.id as number);
  const documentIds = targets.filter((t) => t.id === undefined).map((t) => t.documentId as string);
  if (documentIds.length) {
    const users = await strapi.db.query('admin::user').findMany({ where: { documentId: { $in: documentIds } }, select: ['id'] });
    ids.push(...users.map((u: { id: number }) => u.id));
  }
  return ids;
}

async function resolveIntended(strapi: Core.Strapi, before: number[], input: unknown): Promise<number[]> {
  const change = parseRelationInput(input);
  const base = change.set ? await toIds(strapi, change.set) : before;
  const removed = new Set(await toIds(strapi, change.disconnect));
  return [...new Set([...base.filter((id) => !removed.has(id)), ...(await toIds(strapi, change.connect))])];
}

const sameSet = (a: number[], b: number[]) => a.length === b.length && new Set([...a, ...b]).size === new Set(a).size;

async function audit(strapi: Core.Strapi, actor: Actor, dealership: string | null, result: 'success' | 'failure', before: number[], after: number[], message?: string) {
  await getService(strapi, 'audit').record({
    dealership,
    action: 'dealership.managers.update',
    entityType: 'dealership',
    entityId: dealership,
    actor: actor.kind === 'admin' ? { id: actor.admin.id, name: actor.admin.name } : null,
    changedFields: ['managers'],
    result,
    message: message ?? 'Dealership managers changed.',
    details: { added: after.filter((id) => !before.includes(id)), removed: before.filter((id) => !after.includes(id)) },
  });
}
