import type { Core } from '@strapi/strapi';

export const SANDBOX_CLIENT = {
  clientId: 'AA20EE61-5CFA-458D-9AFB-C4E929EA18E6',
  clientSecret: '7326AF23-714A-41A5-A74F-EC77B4E4F2F2',
};
export const SANDBOX_ACCOUNTS = {
  harbour: { accountNumber: 'EC114575', accountSecret: '3F1C2A9E-6B7D-4E21-9C8A-5D4E3F2A1B0C' },
  north: { accountNumber: 'EC208841', accountSecret: '9B8A7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D' },
};

export async function createDealership(strapi: Core.Strapi, name: string, managerIds: number[] = []): Promise<{ id: number; documentId: string }> {
  return (await strapi.documents('api::dealership.dealership').create({
    data: { name, timezone: 'Australia/Sydney', ...(managerIds.length ? { managers: { connect: managerIds.map((id) => ({ id })) } } : {}) } as any,
  })) as { id: number; documentId: string };
}

/** Stores credentials straight through the plugin's repository (encrypted like the API does). */
export async function createCredential(
  strapi: Core.Strapi,
  dealership: string,
  account: { accountNumber: string; accountSecret: string } = SANDBOX_ACCOUNTS.harbour,
  fields: Record<string, unknown> = {},
) {
  return strapi
    .plugin('easycars')
    .service('credentials')
    .create({ dealership, environment: 'test', isActive: true, ...fields }, { ...SANDBOX_CLIENT, ...account });
}

export async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs = 30000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waitFor timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
