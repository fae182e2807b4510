/** Reads and writes of the host app's lead collection (uid from the plugin config), through the Document Service. */
import type { Core } from '@strapi/strapi';
import { getConfig } from '../utils/plugin';
import type { LeadValues } from './fields';
import type { LocalLead } from './mapper';
import { runAsSyncWrite } from './sync-context';

const VEHICLE_FIELDS = ['stockNumber', 'make', 'model', 'year', 'price', 'vehicleType', 'condition'];

export const leadUid = (strapi: Core.Strapi) => getConfig<{ lead: string }>(strapi, 'contentTypes').lead as any;
const vehicleUid = (strapi: Core.Strapi) => getConfig<{ vehicle: string }>(strapi, 'contentTypes').vehicle as any;

/** The host lead's status attribute ("status" is reserved by Strapi 5's content manager). */
export const LEAD_STATUS_ATTRIBUTE = 'leadStatus';

const fromHost = (lead: Record<string, unknown>): LocalLead => {
  const { [LEAD_STATUS_ATTRIBUTE]: status, ...rest } = lead;
  return { ...rest, status } as unknown as LocalLead;
};

const toHost = <T extends { status?: string }>(values: T): Record<string, unknown> => {
  const { status, ...rest } = values;
  return status === undefined ? rest : { ...rest, [LEAD_STATUS_ATTRIBUTE]: status };
};

export const localLeads = (strapi: Core.Strapi) => ({
  async find(documentId: string): Promise<LocalLead | null> {
    const lead = await strapi.documents(leadUid(strapi)).findOne({
      documentId,
      populate: { dealership: { fields: ['documentId'] }, vehicle: { fields: VEHICLE_FIELDS } },
    } as any);
    return lead ? fromHost(lead as Record<string, unknown>) : null;
  },

  /** Writes values that came from EasyCars; the middleware knows not to push them back. */
  async apply(documentId: string, values: Partial<LeadValues> & { status?: string }) {
    return runAsSyncWrite(() => strapi.documents(leadUid(strapi)).update({ documentId, data: toHost(values) } as any));
  },

  async createFromEasyCars(values: Partial<LeadValues> & { status: string }, dealership: string, stockNumber: string | null) {
    const data: Record<string, unknown> = { ...toHost(values), dealership: { connect: [{ documentId: dealership }] } };
    if (stockNumber) {
      const vehicle = await strapi.documents(vehicleUid(strapi)).findFirst({
        filters: { stockNumber, dealership: { documentId: dealership } },
        fields: ['documentId'],
      } as any);
      if (vehicle) data.vehicle = { connect: [{ documentId: (vehicle as any).documentId }] };
    }
    return runAsSyncWrite(() => strapi.documents(leadUid(strapi)).create({ data } as any)) as Promise<{ documentId: string }>;
  },
});
