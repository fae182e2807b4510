/**
 * Where a route finds the dealership it acts on. Each source reads the request and, for routes that
 * name a stored record, the record's own dealership column (never a dealership the caller sends next
 * to the id). `undefined` = the request named none; `null` = it named a record that does not exist.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { hostConfig } from '../host/config';

export const DEALERSHIP_SOURCES = ['query', 'body', 'credential', 'sync-log', 'lead-push', 'lead-conflict', 'lead', 'test-connection', 'alert', 'vehicle'] as const;
export type DealershipSource = (typeof DEALERSHIP_SOURCES)[number];

export interface Resolved {
  /** The dealership documentId, undefined when the request names none, null when the named record is unknown. */
  dealership: string | null | undefined;
  /** What the 404 names when the caller may not see it (same words as for a record that does not exist). */
  what: string;
}

/** A route or body id: a positive whole number, or a 400 naming the field. */
const positiveId = (raw: unknown, field = 'id'): number => {
  const id = typeof raw === 'string' || typeof raw === 'number' ? Number(raw) : NaN;
  if (Number.isInteger(id) && id > 0) return id;
  throw new errors.ValidationError(`${field} must be a positive whole number`, {
    errors: [{ path: [field], message: 'must be a positive whole number', name: 'ValidationError' }],
  });
};

const text = (raw: unknown): string | undefined => (typeof raw === 'string' && raw.trim() !== '' ? raw : undefined);

async function dealershipOfRow(strapi: Core.Strapi, uid: string, id: number): Promise<string | null> {
  const row = await strapi.db.query(uid as any).findOne({ where: { id }, select: ['dealership'] });
  return (row as { dealership?: string } | null)?.dealership ?? null;
}

async function dealershipOfLead(strapi: Core.Strapi, documentId: string): Promise<string | null> {
  const record = await strapi.db.query('plugin::easycars.lead-record' as any).findOne({ where: { leadDocumentId: documentId }, select: ['dealership'] });
  if (record?.dealership) return record.dealership as string;
  const { types, lead: map } = hostConfig(strapi);
  const lead = await strapi.documents(types.lead as any).findOne({ documentId, populate: { [map.dealership]: { fields: ['documentId'] } } } as any);
  return ((lead as any)?.[map.dealership]?.documentId as string | undefined) ?? null;
}

export async function resolveDealership(strapi: Core.Strapi, source: DealershipSource, ctx: any): Promise<Resolved> {
  const params = ctx.params ?? {};
  const body = ctx.request?.body ?? {};
  // A policy context copies only the Koa context's own properties: the query is read from the request.
  const query = ctx.request?.query ?? {};
  switch (source) {
    case 'query':
      return { dealership: text(query.dealership), what: `Dealership ${String(query.dealership)}` };
    case 'body':
      return { dealership: text(body.dealership), what: `Dealership ${String(body.dealership)}` };
    case 'credential':
      return { dealership: await dealershipOfRow(strapi, 'plugin::easycars.credential', positiveId(params.id)), what: `EasyCars credential ${params.id}` };
    case 'sync-log':
      return { dealership: await dealershipOfRow(strapi, 'plugin::easycars.sync-log', positiveId(params.id)), what: `Sync log ${params.id}` };
    case 'lead-push':
      return { dealership: await dealershipOfRow(strapi, 'plugin::easycars.lead-record', positiveId(params.id)), what: `Lead push ${params.id}` };
    case 'lead-conflict':
      return { dealership: await dealershipOfRow(strapi, 'plugin::easycars.lead-conflict', positiveId(params.id)), what: `Conflict ${params.id}` };
    case 'alert':
      return { dealership: await dealershipOfRow(strapi, 'plugin::easycars.alert', positiveId(params.id)), what: `Alert ${params.id}` };
    case 'lead': {
      // A lead that is unknown or belongs to no dealership names none: its panel has nothing to show.
      const documentId = text(params.documentId);
      return { dealership: (documentId && (await dealershipOfLead(strapi, documentId))) || undefined, what: `Lead ${String(params.documentId)}` };
    }
    case 'vehicle': {
      // A synced vehicle belongs to the dealership of its stock record (a manual one has none: 404).
      const documentId = text(params.documentId);
      const record = documentId ? await strapi.db.query('plugin::easycars.stock-record' as any).findOne({ where: { vehicleDocumentId: documentId }, select: ['dealership'] }) : null;
      return { dealership: (record?.dealership as string | undefined) ?? null, what: `Vehicle ${String(params.documentId)}` };
    }
    case 'test-connection':
      // Stored values: the credential's dealership. Typed-in values: the dealership they are for, if named.
      if (body.credential !== undefined && body.credential !== null) {
        return { dealership: await dealershipOfRow(strapi, 'plugin::easycars.credential', positiveId(body.credential, 'credential')), what: `EasyCars credential ${body.credential}` };
      }
      return { dealership: text(body.dealership), what: `Dealership ${String(body.dealership)}` };
  }
}
