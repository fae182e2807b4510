import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { splitUpdate } from '../credentials/changes';
import {
  GUARDED_SYNC_SETTINGS,
  assertLeadClientComplete,
  assertSchedulesComplete,
  parseCreateCredential,
  parseCredentialId,
  parseTestConnection,
  parseUpdateCredential,
} from '../credentials/validation';
import type { CredentialRow } from '../credentials/types';
import type { ConnectionTestResult } from '../services/connection-test';
import { actionUid } from '../permissions';
import { adminUser, conflict, requiredDealership, scopedDealership } from '../utils/admin-context';
import { getService } from '../utils/plugin';
import { throttle } from '../utils/throttle';
import { isUniqueViolation } from '../utils/db-errors';

const CREATED_FIELDS = ['environment', 'clientId', 'clientSecret', 'accountNumber', 'accountSecret'];

/**
 * Admin API for a dealership's EasyCars credentials. The routes' policies check the RBAC action
 * and that the caller manages the dealership (utils/route.ts); handlers read it with requiredDealership.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const access = () => getService(strapi, 'access');
  const repo = () => getService(strapi, 'credentials');
  const audit = () => getService(strapi, 'audit');
  const actorOf = (ctx: any) => {
    const user = adminUser(ctx);
    return { id: user.id, name: access().actorName(user) };
  };

  /** The credential by route id; its dealership was checked by the route's policy. */
  const loadAccessible = async (ctx: any, rawId: unknown): Promise<CredentialRow> => {
    const id = parseCredentialId(rawId);
    const row = await repo().findById(id);
    if (!row || row.dealership !== scopedDealership(ctx)?.documentId) throw new errors.NotFoundError(`EasyCars credential ${id} not found.`);
    return row;
  };


  return {
    /** GET /credentials?dealership=<documentId>: metadata only, or data: null when not configured. */
    async find(ctx: any) {
      const dealership = requiredDealership(ctx);
      const row = await repo().findByDealership(dealership.documentId);
      ctx.body = { data: row ? repo().toPublic(row) : null };
    },

    async create(ctx: any) {
      const input = parseCreateCredential(ctx.request.body);
      const dealership = requiredDealership(ctx);
      const { environment, clientId, clientSecret, accountNumber, accountSecret, yardCode, leadClientId, leadClientSecret } = input;
      const changedFields = [...CREATED_FIELDS, ...(yardCode ? ['yardCode'] : []), ...(leadClientId ? ['leadClientId', 'leadClientSecret'] : [])];

      const refuse = async (existingId: number) => {
        await audit().record({
          dealership: dealership.documentId,
          action: 'credentials.create',
          entityType: 'credential',
          entityId: existingId,
          actor: actorOf(ctx),
          changedFields,
          result: 'failure',
          message: 'The dealership already has EasyCars credentials',
        });
        conflict(ctx, `${dealership.name} already has EasyCars credentials: update or delete them instead.`, { credential: existingId });
      };

      const existing = await repo().findByDealership(dealership.documentId);
      if (existing) return refuse(existing.id);

      let row: CredentialRow;
      try {
        row = await repo().create(
          { dealership: dealership.documentId, environment, yardCode: yardCode ?? null },
          { clientId, clientSecret, accountNumber, accountSecret, leadClientId, leadClientSecret },
        );
      } catch (err) {
        // Two saves at once: the unique index on dealership decides, the loser gets the same 409.
        const winner = isUniqueViolation(err) ? await repo().findByDealership(dealership.documentId) : null;
        if (winner) return refuse(winner.id);
        throw err;
      }
      await audit().record({
        dealership: dealership.documentId,
        action: 'credentials.create',
        entityType: 'credential',
        entityId: row.id,
        actor: actorOf(ctx),
        changedFields,
        result: 'success',
        message: `EasyCars credentials created (${environment})`,
      });
      ctx.status = 201;
      ctx.body = { data: repo().toPublic(row) };
    },

    /** PUT /credentials/:id: partial; a secret left out (or blank) keeps its stored value. */
    async update(ctx: any) {
      const row = await loadAccessible(ctx, ctx.params.id);
      const input = parseUpdateCredential(ctx.request.body);

      const guarded = GUARDED_SYNC_SETTINGS.filter((f) => input[f] !== undefined);
      if (guarded.length && !ctx.state.userAbility?.can(actionUid('manageSyncSettings'))) {
        // PolicyError: Strapi shows its message; a plain ForbiddenError would read just "Forbidden".
        throw new errors.PolicyError(
          `Changing ${guarded.join(', ')} needs the "Manage sync settings" permission (${actionUid('manageSyncSettings')}).`,
          { missingPermission: actionUid('manageSyncSettings'), fields: guarded },
        );
      }
      assertSchedulesComplete({ ...row, ...input });
      assertLeadClientComplete(row, input);

      const change = splitUpdate(input, row, repo().decrypt(row));
      let updated = row;
      if (change.changed.length) {
        const resetTest = change.connectionChanged ? { lastTestedAt: null, lastTestOk: null, lastTestMessage: null } : {};
        updated = await repo().update(row.id, { ...change.fields, ...resetTest } as any, change.secrets, { removeLeadClient: change.removeLeadClient });
      }
      await audit().record({
        dealership: row.dealership,
        action: 'credentials.update',
        entityType: 'credential',
        entityId: row.id,
        actor: actorOf(ctx),
        changedFields: change.changed,
        result: 'success',
        message: change.changed.length ? `EasyCars credentials updated` : 'Nothing changed',
      });
      ctx.body = { data: repo().toPublic(updated) };
    },

    /** DELETE /credentials/:id: removes the connection, which stops all syncing for the dealership. */
    async delete(ctx: any) {
      const row = await loadAccessible(ctx, ctx.params.id);
      // Cancel first: a run that checks its log after this sees "cancelled" and never reads the deleted credential.
      const cancelled = await getService(strapi, 'jobs').cancelForDealership(row.dealership, 'the EasyCars credentials were deleted');
      await repo().delete(row.id);
      await audit().record({
        dealership: row.dealership,
        action: 'credentials.delete',
        entityType: 'credential',
        entityId: row.id,
        actor: actorOf(ctx),
        changedFields: [],
        result: 'success',
        message: `EasyCars credentials deleted; synchronization stopped${cancelled ? ` (${cancelled} queued or running sync(s) cancelled)` : ''}`,
      });
      ctx.body = { data: { id: row.id, dealership: row.dealership, deleted: true } };
    },

    /**
     * POST /test-connection: the four values + environment, or { credential: id } for the stored ones,
     * optionally with edited values to try in place of stored ones ({ credential, accountSecret, ... }).
     */
    async testConnection(ctx: any) {
      const input = parseTestConnection(ctx.request.body);
      const tester = getService(strapi, 'connectionTest');
      let result: ConnectionTestResult;
      let dealership: string | null = null;
      let credentialId: number | null = null;

      if (input.kind === 'stored') {
        const row = await loadAccessible(ctx, input.credential);
        dealership = row.dealership;
        credentialId = row.id;
        await throttle(ctx, strapi, 'testConnection', dealership);
        assertLeadClientComplete(row, input.overrides);
        const overridden = Object.keys(input.overrides).length > 0;
        const { leadClientId, leadClientSecret, removeLeadClient, ...edits } = input.overrides;
        const stored = repo().decrypt(row);
        const leadClient = removeLeadClient
          ? null
          : leadClientId || leadClientSecret
            ? { clientId: leadClientId ?? stored.leadClient!.clientId, clientSecret: leadClientSecret ?? stored.leadClient!.clientSecret }
            : stored.leadClient;
        result = await tester.run({ ...stored, ...edits, leadClient }, { leadSyncEnabled: row.leadSyncEnabled });
        // "Last test" describes the stored values only, not edits being tried out.
        if (!overridden) {
          await repo().update(row.id, {
            lastTestedAt: new Date().toISOString(),
            lastTestOk: result.ok,
            lastTestMessage: result.message,
          } as any);
        }
      } else {
        dealership = scopedDealership(ctx)?.documentId ?? null;
        await throttle(ctx, strapi, 'testConnection', dealership);
        const { leadClientId, leadClientSecret, ...values } = input.values;
        result = await tester.run({ ...values, leadClient: leadClientId && leadClientSecret ? { clientId: leadClientId, clientSecret: leadClientSecret } : null });
      }

      await audit().record({
        dealership,
        action: 'credentials.test',
        entityType: 'credential',
        entityId: credentialId,
        actor: actorOf(ctx),
        changedFields: [],
        result: result.ok ? 'success' : 'failure',
        message: result.message,
        details: {
          source: input.kind === 'values' ? 'form' : Object.keys(input.overrides).length ? 'stored+edits' : 'stored',
          ...(input.kind === 'stored' && Object.keys(input.overrides).length ? { editedFields: Object.keys(input.overrides) } : {}),
          environment: result.environment,
          durationMs: result.durationMs,
          stock: result.stock.ok
            ? { ok: true, stockCount: result.stock.stockCount, stockListSlow: result.stock.stockListSlow }
            : { ok: false, failedPair: result.stock.failedPair, reason: result.stock.reason, code: result.stock.code },
          leads: result.leads.ok
            ? { ok: true, clientPair: result.leads.clientPair }
            : { ok: false, clientPair: result.leads.clientPair, failedPair: result.leads.failedPair, reason: result.leads.reason, code: result.leads.code },
        },
      });
      await getService(strapi, 'rateLimiter').recordTestOutcome({ userId: adminUser(ctx).id, dealership, ok: result.ok, actor: actorOf(ctx) });
      ctx.body = { data: { ...result, testedAt: new Date().toISOString(), credential: credentialId } };
    },
  };
};
