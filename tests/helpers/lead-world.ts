import { startSandbox, SANDBOX_CREDENTIALS, type RunningSandboxLike } from './sandbox-types';
import { startStrapi, type TestApp } from './strapi';
import { waitFor } from './fixtures';

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

const RECORD = 'plugin::easycars.lead-record';
const SETTLED = ['pushed', 'failed', 'review', 'not_applicable'];

/** The plugin's lead-record of a host lead (or null). */
export const leadRecord = (app: TestApp, leadDocumentId: string) => app.strapi.db.query(RECORD as any).findOne({ where: { leadDocumentId } });

/** Waits until the lead's push has finished one way or another (a state in `states`). */
export const settledRecord = (app: TestApp, leadDocumentId: string, states = SETTLED) =>
  waitFor(async () => {
    const r = await leadRecord(app, leadDocumentId);
    return r && states.includes(r.pushState) ? r : null;
  }, 20000);

/** "Sync leads now" through the admin API, waiting for the run to finish; answers its sync log. */
export async function runLeadSync({ app, token, harbour }: LeadWorld) {
  const res = await app.http().post('/easycars/sync/leads').set('Authorization', `Bearer ${token}`).send({ dealership: harbour });
  expect(res.status).toBe(202);
  const id = res.body.data.syncLogId;
  return waitFor(async () => {
    const log = await app.strapi.plugin('easycars').service('syncLogs').get(id);
    return log && !['queued', 'running'].includes(log.status) ? log : null;
  }, 30000);
}

/** The dealership's conflict strategy, set through the admin API. */
export async function setLeadStrategy({ app, token, harbour }: LeadWorld, strategy: string) {
  const res = await app.http().put('/easycars/leads/settings').set('Authorization', `Bearer ${token}`).send({ dealership: harbour, leadConflictStrategy: strategy });
  expect(res.status).toBe(200);
}

const CM_LEADS = '/content-manager/collection-types/api::lead.lead';
type Editor = Pick<LeadWorld, 'app' | 'token'>;

/** A content-manager request as the Super Admin makes it. */
const asEditor = ({ app, token }: Editor) => ({
  post: (url: string) => app.http().post(url).set('Authorization', `Bearer ${token}`),
  put: (url: string) => app.http().put(url).set('Authorization', `Bearer ${token}`),
});

/** Creates a lead as an editor does, through the content-manager API; answers its documentId. */
export async function createLeadInCM(world: Editor, data: Record<string, unknown>): Promise<string> {
  const res = await asEditor(world).post(CM_LEADS).send(data);
  if (res.status !== 201) throw new Error(`content-manager create: ${res.status} ${JSON.stringify(res.body.error)}`);
  return res.body.data.documentId as string;
}

/** Saves a lead as an editor does; answers the response, refused or not. */
export const saveLeadInCM = (world: Editor, documentId: string, data: Record<string, unknown>) => asEditor(world).put(`${CM_LEADS}/${documentId}`).send(data);

/** Saves a lead as an editor does and answers the saved lead; a refusal fails the test with its message. */
export async function updateLeadInCM(world: Editor, documentId: string, data: Record<string, unknown>) {
  const res = await saveLeadInCM(world, documentId, data);
  if (res.status !== 200) throw new Error(`content-manager update: ${res.status} ${JSON.stringify(res.body.error)}`);
  return res.body.data;
}

/** Creates a lead in the content manager and waits until EasyCars has it (push state `pushed`). */
export async function pushedLead(world: Editor, data: Record<string, unknown>) {
  const id = await createLeadInCM(world, data);
  const rec = await settledRecord(world.app, id);
  expect(rec.pushState).toBe('pushed');
  return { id, rec };
}
