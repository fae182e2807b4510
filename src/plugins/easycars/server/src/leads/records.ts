/** The lead-record table: the durable outbox of pushes and the copy of every GetLeadDetail answer. */
import type { Core } from '@strapi/strapi';
import { pluginUid } from '../utils/plugin';
import type { LeadValues } from './fields';
import type { RefusedValues } from './merge';

export type LeadOrigin = 'here' | 'easycars';

export type PushState = 'pending' | 'pushed' | 'failed' | 'review' | 'not_applicable';

export interface LeadRecord {
  id: number;
  dealership: string;
  leadDocumentId: string | null;
  pushState: PushState;
  pushError: string | null;
  pushAttempts: number;
  createRequestedAt: string | null;
  lastPushedAt: string | null;
  lastPulledAt: string | null;
  syncedValues: Partial<LeadValues> | null;
  syncedStatus: number | null;
  /** Local values EasyCars did not take, by hash (merge.ts). */
  refusedValues: RefusedValues | null;
  /** FR18: made here and sent, or imported from EasyCars. */
  origin: LeadOrigin | null;
  /** When the agreed status became won/lost/deleted (bounded refresh, refresh-all.ts). */
  closedAt: string | null;
  contentHash: string | null;
  LeadNumber: string | null;
  ExternalID: string | null;
  CustomerNo: string | null;
  LeadStatus: number | null;
  [field: string]: unknown;
}

const LEGACY_CUSTOMER_COLUMNS = [
  'customer_name', 'customer_email', 'customer_address', 'customer_city', 'customer_state', 'customer_post_code', 'customer_fax',
  'customer_phone', 'customer_mobile',
];

export const leadRecords = (strapi: Core.Strapi) => {
  const q = () => strapi.db.query(pluginUid('lead-record'));
  return {
    byId: (id: number) => q().findOne({ where: { id } }) as Promise<LeadRecord | null>,
    byLead: (leadDocumentId: string) => q().findOne({ where: { leadDocumentId } }) as Promise<LeadRecord | null>,
    byLeads: (leadDocumentIds: string[]) =>
      leadDocumentIds.length
        ? (q().findMany({ where: { leadDocumentId: { $in: leadDocumentIds } } }) as Promise<LeadRecord[]>)
        : Promise.resolve([] as LeadRecord[]),
    byNumber: (dealership: string, LeadNumber: string) => q().findOne({ where: { dealership, LeadNumber } }) as Promise<LeadRecord | null>,
    /** Duplicate detection: LeadNumber first, then ExternalID (our documentId sent with CreateLead). */
    findDuplicate: async (dealership: string, LeadNumber: string, ExternalID: string | null): Promise<LeadRecord | null> =>
      ((await q().findOne({ where: { dealership, LeadNumber } })) as LeadRecord | null) ??
      (ExternalID ? ((await q().findOne({ where: { dealership, ExternalID } })) as LeadRecord | null) : null),
    create: (data: Partial<LeadRecord>) => q().create({ data }) as Promise<LeadRecord>,
    update: (id: number, data: Partial<LeadRecord>) => q().update({ where: { id }, data }) as Promise<LeadRecord>,
    /**
     * Claims the right to send CreateLead: succeeds for exactly one caller, even across instances.
     * A claim left behind (Strapi stopped mid-request) means the lead may already exist in EasyCars.
     */
    /** Moves a record that never went out to another dealership; false when it was sent (or claimed) meanwhile. */
    reassignUnsent: async (id: number, dealership: string): Promise<boolean> => {
      const count = await strapi.db
        .connection('easycars_lead_records')
        .where({ id })
        .whereNull('create_requested_at')
        .whereNull('lead_number')
        .update({ dealership });
      return Number(count) === 1;
    },
    claimCreate: async (id: number): Promise<boolean> => {
      const count = await strapi.db
        .connection('easycars_lead_records')
        .where({ id })
        .whereNull('create_requested_at')
        .whereNull('lead_number')
        .update({ create_requested_at: new Date() });
      return Number(count) === 1;
    },
    /**
     * Upgrade: lead-records once copied the customer's details into their own columns. Strapi drops columns that
     * left the schema (database.settings.forceMigration, on by default); when a host turned that off, empty them.
     */
    async clearLegacyCustomerColumns(): Promise<number> {
      const knex = strapi.db.connection;
      const legacy: string[] = [];
      for (const column of LEGACY_CUSTOMER_COLUMNS) if (await knex.schema.hasColumn('easycars_lead_records', column)) legacy.push(column);
      if (!legacy.length) return 0;
      return Number(await knex('easycars_lead_records').update(Object.fromEntries(legacy.map((c) => [c, null]))));
    },
    /** Bounded refresh bookkeeping (refresh-due.ts): closedAt for many records at once. */
    async setClosedAt(ids: number[], closedAt: string | null) {
      // In chunks: SQLite and PostgreSQL cap the number of bound parameters in one statement.
      for (let i = 0; i < ids.length; i += 500) await q().updateMany({ where: { id: { $in: ids.slice(i, i + 500) } }, data: { closedAt } });
    },
    /** Records waiting for a push; with `untouchedSince`, only those not written since then (their push stopped with its instance). */
    pending: (untouchedSince?: Date) =>
      q().findMany({ where: { pushState: 'pending', ...(untouchedSince ? { updatedAt: { $lt: untouchedSince } } : {}) }, select: ['id', 'leadDocumentId'] }) as Promise<LeadRecord[]>,
    withNumber: (dealership: string) =>
      q().findMany({ where: { dealership, LeadNumber: { $notNull: true } }, orderBy: { id: 'asc' } }) as Promise<LeadRecord[]>,
    list: (where: Record<string, unknown>, limit = 100) => q().findMany({ where, orderBy: { updatedAt: 'desc' }, limit }) as Promise<LeadRecord[]>,
    countBy: async (dealership: string) => {
      const counts: Record<string, number> = {};
      for (const state of ['pending', 'pushed', 'failed', 'review', 'not_applicable']) {
        counts[state] = await q().count({ where: { dealership, pushState: state } });
      }
      counts.known = await q().count({ where: { dealership, LeadNumber: { $notNull: true } } });
      return counts;
    },
  };
};

export type LeadRecords = ReturnType<typeof leadRecords>;
