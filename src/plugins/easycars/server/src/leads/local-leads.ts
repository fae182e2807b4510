/**
 * Reads and writes of the host app's lead collection (uid and attribute names from the plugin config:
 * contentTypes.lead, leadFieldMap), through the Document Service. Everything past this file speaks the
 * plugin's logical field names (leads/fields.ts, plus status, vehicle and dealership).
 */
import type { Core } from '@strapi/strapi';
import { hostConfig } from '../host/config';
import { toHostAttributes, toLogical } from '../host/lead-field-map';
import { SYNCED_FIELDS, type LeadValues, type SyncedField } from './fields';
import { leadValues, type LocalLead } from './mapper';
import { runAsSyncWrite } from './sync-context';

/** What a lead borrows from its linked vehicle (logical vehicle targets, stock/field-map.ts). */
const VEHICLE_TARGETS_READ = ['stockNumber', 'make', 'model', 'year', 'price', 'vehicleType', 'condition'] as const;

export const leadUid = (strapi: Core.Strapi) => hostConfig(strapi).types.lead as any;

export const localLeads = (strapi: Core.Strapi) => {
  const host = () => hostConfig(strapi);

  const vehicleFields = () => {
    const map = host().vehicle as Record<string, string | undefined>;
    return VEHICLE_TARGETS_READ.flatMap((t) => (map[t] ? [[t, map[t]!] as const] : []));
  };

  const fromHost = (doc: Record<string, unknown>): LocalLead => {
    const lead = toLogical(host().lead, doc) as Record<string, unknown>;
    const vehicle = lead.vehicle as Record<string, unknown> | null | undefined;
    if (vehicle) {
      const logical: Record<string, unknown> = { documentId: vehicle.documentId };
      for (const [target, attr] of vehicleFields()) logical[target] = vehicle[attr];
      lead.vehicle = logical;
    }
    return lead as unknown as LocalLead;
  };

  const populate = () => {
    const { lead } = host();
    return {
      [lead.dealership]: { fields: ['documentId'] },
      ...(lead.vehicle ? { [lead.vehicle]: { fields: vehicleFields().map(([, attr]) => attr) } } : {}),
    };
  };

  /** Synced fields the host's lead type does not have (turned off in leadFieldMap). */
  const offFields = (): SyncedField[] => SYNCED_FIELDS.filter((f) => !host().lead[f]);

  return {
    async find(documentId: string): Promise<LocalLead | null> {
      const lead = await strapi.documents(leadUid(strapi)).findOne({ documentId, populate: populate() } as any);
      return lead ? fromHost(lead as Record<string, unknown>) : null;
    },

    /** Several leads at once (reconciliation), in the same shape as find. */
    async findMany(documentIds: string[]): Promise<LocalLead[]> {
      const rows = await strapi.documents(leadUid(strapi)).findMany({ filters: { documentId: { $in: documentIds } }, populate: populate(), limit: documentIds.length } as any);
      return (rows as Array<Record<string, unknown>>).map(fromHost);
    },

    /**
     * The values this lead means for EasyCars. A field the host does not have counts as agreeing with
     * what EasyCars last said (`synced`), so it is never pushed as empty nor reported as a conflict.
     */
    valuesOf(lead: LocalLead, synced: Partial<LeadValues> | null): LeadValues {
      const values = leadValues(lead);
      for (const f of offFields()) values[f] = (synced?.[f] ?? null) as never;
      return values;
    },

    /** Name, vehicle and creation time of leads, for the Leads page lists. */
    async summaries(documentIds: string[]): Promise<Array<Record<string, unknown>>> {
      const { lead } = host();
      const fields = ['customerName', 'vehicleMake', 'vehicleModel', 'vehicleYear'].flatMap((f) => {
        const attr = (lead as Record<string, string | undefined>)[f];
        return attr ? [attr] : [];
      });
      const rows = await strapi.documents(leadUid(strapi)).findMany({ filters: { documentId: { $in: documentIds } }, fields: [...fields, 'createdAt'], limit: documentIds.length } as any);
      return (rows as Array<Record<string, unknown>>).map((r) => toLogical(lead, r));
    },

    /** Writes values that came from EasyCars; the middleware knows not to push them back. */
    async apply(documentId: string, values: Partial<LeadValues> & { status?: string }) {
      return runAsSyncWrite(() => strapi.documents(leadUid(strapi)).update({ documentId, data: toHostAttributes(host().lead, values) } as any));
    },

    async createFromEasyCars(values: Partial<LeadValues> & { status: string }, dealership: string, stockNumber: string | null) {
      const { lead, vehicle: vehicleMap, types } = host();
      const data: Record<string, unknown> = { ...toHostAttributes(lead, values), [lead.dealership]: { connect: [{ documentId: dealership }] } };
      if (stockNumber && lead.vehicle && vehicleMap.stockNumber) {
        const vehicle = await strapi.documents(types.vehicle as any).findFirst({
          filters: { [vehicleMap.stockNumber]: stockNumber, [vehicleMap.dealership]: { documentId: dealership } },
          fields: ['documentId'],
        } as any);
        if (vehicle) data[lead.vehicle] = { connect: [{ documentId: (vehicle as any).documentId }] };
      }
      return runAsSyncWrite(() => strapi.documents(leadUid(strapi)).create({ data } as any)) as Promise<{ documentId: string }>;
    },
  };
};
