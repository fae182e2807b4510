/** Which EasyCars account a dealership's leads go to: its credential, when active with lead sync on. */
import type { Core } from '@strapi/strapi';
import type { EasyCarsAccountApi } from '../client';
import type { CredentialRow } from '../credentials/types';
import { getService } from '../utils/plugin';

export interface LeadAccount {
  row: CredentialRow;
  api: EasyCarsAccountApi;
}

export const leadSyncActive = (row: CredentialRow | null): row is CredentialRow => Boolean(row && row.isActive && row.leadSyncEnabled);

export async function findLeadCredential(strapi: Core.Strapi, dealership: string | null | undefined): Promise<CredentialRow | null> {
  if (!dealership) return null;
  const row = await getService(strapi, 'credentials').findByDealership(dealership);
  return leadSyncActive(row) ? row : null;
}

export function accountFor(strapi: Core.Strapi, row: CredentialRow): EasyCarsAccountApi {
  const decrypted = getService(strapi, 'credentials').decrypt(row);
  return getService(strapi, 'easycarsClient').forCredential(decrypted);
}

export async function leadAccount(strapi: Core.Strapi, dealership: string): Promise<LeadAccount | null> {
  const row = await findLeadCredential(strapi, dealership);
  return row ? { row, api: accountFor(strapi, row) } : null;
}
