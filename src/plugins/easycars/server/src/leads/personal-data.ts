/**
 * Customer details on the Leads page lists (pushes, conflicts) are shown only to admins who may
 * read that lead in the content manager; "Read sync logs" alone gets them masked.
 */
import type { Core } from '@strapi/strapi';
import { leadUid } from './local-leads';
import { hostConfig } from '../host/config';

export const CM_READ = 'plugin::content-manager.explorer.read';

/** "Ava Brown" → "A•• B••••": the shape of the name, not the name. */
export function maskName(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  return value
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${word[0]}${'•'.repeat(Math.max(2, word.length - 1))}`)
    .join(' ');
}

/** Any other personal value (email, phone, …): fully masked. */
export function maskValue(value: unknown): string | null {
  return value == null || value === '' ? null : '••••';
}

/**
 * The leads among `documentIds` this admin may read in the content manager, by Strapi's own
 * permission engine: the RBAC action on the lead content type with its conditions applied as
 * query filters (e.g. "is creator", "manages the entry's dealership").
 */
export async function readableLeadIds(strapi: Core.Strapi, ability: any, documentIds: string[]): Promise<Set<string>> {
  const uid = leadUid(strapi);
  if (!documentIds.length || !ability?.can?.(CM_READ, uid)) return new Set();
  const manager = strapi.service('admin::permission').createPermissionsManager({ ability, action: CM_READ, model: uid });
  const query = manager.addPermissionsQueryTo({ filters: { documentId: { $in: documentIds } } });
  const rows = await strapi.documents(uid).findMany({ filters: query.filters, fields: ['documentId'], limit: documentIds.length } as any);
  return new Set((rows as Array<{ documentId: string }>).map((row) => row.documentId));
}

/** Whether the role's content-manager read permission on leads includes this (logical) field, conditions aside. */
export function canReadLeadField(strapi: Core.Strapi, ability: any, field: string): boolean {
  const attribute = (hostConfig(strapi).lead as Record<string, string | undefined>)[field] ?? field;
  return Boolean(ability?.can?.(CM_READ, leadUid(strapi), attribute));
}

/**
 * For lists that mix many leads (reconciliation, the conflict inbox): whether this admin may see a lead's
 * personal values in a field — the same rule as the Leads page (content-manager read on that lead and field).
 */
export async function personalDataReader(strapi: Core.Strapi, ability: any, leadDocumentIds: string[]): Promise<(leadDocumentId: string | null, field: string) => boolean> {
  const readable = await readableLeadIds(strapi, ability, [...new Set(leadDocumentIds)]);
  return (leadDocumentId, field) => field === 'status' || (Boolean(leadDocumentId) && readable.has(leadDocumentId!) && canReadLeadField(strapi, ability, field));
}
