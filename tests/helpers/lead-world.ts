import { startSandbox, SANDBOX_CREDENTIALS, type RunningSandboxLike } from './sandbox-types';
import { startStrapi, type TestApp } from './strapi';

export interface LeadWorld {
  sandbox: RunningSandboxLike;
  app: TestApp;
  /** A Super Admin's token. */
  token: string;
  /** The documentId of "Harbour Motors", connected to the sandbox's account EC114575. */
  harbour: string;
}

/** The sandbox, Strapi pointed at it, and one dealership with credentials: the lead tests' common start. */
export async function startLeadWorld(env: Record<string, string> = {}): Promise<LeadWorld> {
  const sandbox = await startSandbox({ tokenTtlSeconds: 600 });
  const app = await startStrapi({
    env: {
      EASYCARS_TEST_BASE_URL: sandbox.baseUrls.test,
      EASYCARS_PRODUCTION_BASE_URL: sandbox.baseUrls.production,
      EASYCARS_MIN_TIME_MS: '0',
      EASYCARS_TIMEOUT_MS: '1500',
      ...env,
    },
  });
  const token = (await app.superAdmin()).token;
  const d = await app.strapi.documents('api::dealership.dealership' as any).create({ data: { name: 'Harbour Motors', timezone: 'Australia/Sydney' } as any });
  await app.strapi.plugin('easycars').service('credentials').create(
    { dealership: d.documentId, environment: 'test', isActive: true },
    { ...SANDBOX_CREDENTIALS.client, ...SANDBOX_CREDENTIALS.accounts.EC114575 },
  );
  return { sandbox, app, token, harbour: d.documentId };
}
