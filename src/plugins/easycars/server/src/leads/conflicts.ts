/** The lead-conflict table: a field (or the status) changed on both sides since the last sync, awaiting a person. */
import type { Core } from '@strapi/strapi';
import { pluginUid } from '../utils/plugin';

export interface LeadConflict {
  id: number;
  dealership: string;
  leadDocumentId: string | null;
  leadNumber: string | null;
  field: string;
  baseValue: string | null;
  localValue: string | null;
  remoteValue: string | null;
  state: 'open' | 'resolved';
  resolution: 'local' | 'easycars' | null;
  resolvedById: number | null;
  resolvedByName: string | null;
  resolvedAt: string | null;
  createdAt: string;
}

export const leadConflicts = (strapi: Core.Strapi) => {
  const q = () => strapi.db.query(pluginUid('lead-conflict'));
  return {
    get: (id: number) => q().findOne({ where: { id } }) as Promise<LeadConflict | null>,
    /** The open conflict on one field of a lead ('status' for the status). */
    openFor: (leadDocumentId: string, field = 'status') =>
      q().findOne({ where: { leadDocumentId, field, state: 'open' } }) as Promise<LeadConflict | null>,
    allOpenFor: (leadDocumentId: string) =>
      q().findMany({ where: { leadDocumentId, state: 'open' }, orderBy: { id: 'asc' } }) as Promise<LeadConflict[]>,
    list: (dealership: string, state?: 'open' | 'resolved', limit = 100) =>
      q().findMany({ where: { dealership, ...(state ? { state } : {}) }, orderBy: { id: 'desc' }, limit }) as Promise<LeadConflict[]>,
    countOpen: (dealership: string) => q().count({ where: { dealership, state: 'open' } }),
    /** One open conflict per lead and field: a newer observation refreshes its values instead of adding a second. */
    async open(input: {
      dealership: string;
      leadDocumentId: string;
      leadNumber: string;
      field?: string;
      base: string | null;
      local: string | null;
      remote: string | null;
    }) {
      const field = input.field ?? 'status';
      const existing = await q().findOne({ where: { leadDocumentId: input.leadDocumentId, field, state: 'open' } });
      const data = { baseValue: input.base, localValue: input.local, remoteValue: input.remote };
      if (existing) {
        const changed = existing.localValue !== input.local || existing.remoteValue !== input.remote;
        return { conflict: changed ? await q().update({ where: { id: existing.id }, data }) : existing, created: false };
      }
      const conflict = await q().create({
        data: { dealership: input.dealership, leadDocumentId: input.leadDocumentId, leadNumber: input.leadNumber, field, state: 'open', ...data },
      });
      return { conflict: conflict as LeadConflict, created: true };
    },
    /** Personal data in the conflicts of a deleted lead: the values go, the rows (who decided what, when) stay. */
    forgetValues: (leadDocumentId: string, fields: string[]) =>
      q().updateMany({ where: { leadDocumentId, field: { $in: fields } }, data: { baseValue: null, localValue: null, remoteValue: null } }),
    resolve: (id: number, resolution: 'local' | 'easycars', actor: { id: number | null; name: string }) =>
      q().update({
        where: { id },
        data: { state: 'resolved', resolution, resolvedById: actor.id, resolvedByName: actor.name, resolvedAt: new Date() },
      }) as Promise<LeadConflict>,
  };
};
