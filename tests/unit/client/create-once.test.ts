/**
 * CreateLead / CreateQuotation are sent at most once: retried only when EasyCars certainly did not
 * process the request. A scripted transport plays each outcome; the sandbox tests show the same end to end.
 */
import { executeCall, type CallContext, type CallSpec } from '../../../src/plugins/easycars/server/src/client/call';
import { SecretRegistry } from '../../../src/plugins/easycars/server/src/utils/redact';
import { TokenManager } from '../../../src/plugins/easycars/server/src/client/token-manager';
import type { AttemptOutcome, Transport } from '../../../src/plugins/easycars/server/src/client/transport';
import type { EasyCarsError } from '../../../src/plugins/easycars/server/src/client';

const OK: AttemptOutcome = { type: 'envelope', status: 200, code: 0, codeRaw: 0, errorMessage: null, body: { LeadNumber: '000017', CustomerNo: '00004', Code: 0 } };
const noop = () => undefined;

function run(outcomes: AttemptOutcome[], spec: Partial<CallSpec> = {}) {
  const sent: AttemptOutcome[] = [];
  const transport = {
    attempt: async () => {
      const out = outcomes[sent.length] ?? OK;
      sent.push(out);
      return out;
    },
  } as unknown as Transport;
  const ctx: CallContext = {
    transport,
    tokens: new TokenManager(() => Date.now()),
    logger: { debug: noop, info: noop, warn: noop, error: noop },
    secrets: new SecretRegistry(),
    timeoutMs: 1000,
    stockListTimeoutMs: 1000,
    maxRetries: 3,
    backoffBaseMs: 1,
    backoffMaxMs: 2,
    retryAfterCapMs: 5,
    now: () => Date.now(),
  };
  const full: CallSpec = { environment: 'test', baseUrl: 'http://easycars.test', service: 'LeadService', endpoint: 'CreateLead', idempotent: false, createsRecord: true, body: {}, ...spec };
  let token = 0;
  const getToken = async () => ({ token: `t${++token}`, key: 'k' });
  return { result: executeCall(ctx, full, getToken), posts: () => sent.length };
}

const after = async (outcomes: AttemptOutcome[], spec?: Partial<CallSpec>) => {
  const r = run(outcomes, spec);
  const error = await r.result.then(() => null, (e: EasyCarsError) => e);
  return { error, posts: r.posts() };
};

describe('CreateLead is sent at most once', () => {
  it.each<[string, AttemptOutcome]>([
    ['HTTP 500', { type: 'http', status: 500, contentType: 'text/html' }],
    ['HTTP 503', { type: 'http', status: 503, contentType: 'text/html' }],
    ['Code 9', { type: 'envelope', status: 200, code: 9, codeRaw: 9, errorMessage: 'An unexpected error has occurred.', body: {} }],
    ['a timeout', { type: 'timeout' }],
    ['a reset connection', { type: 'network', errorCode: 'ECONNRESET', definitelyNotSent: false }],
    ['an unreadable answer', { type: 'protocol', status: 200, reason: 'the body is empty', contentType: '' }],
  ])('%s after the request went out: one POST, an error that says it may exist', async (_name, outcome) => {
    const { error, posts } = await after([outcome]);
    expect(posts).toBe(1);
    expect(error).not.toBeNull();
    expect(error!.retryable).toBe(false);
    expect(error!.mayHaveReachedServer).toBe(true);
    expect(error!.message).toMatch(/may have been created anyway/);
  });

  it.each<[string, AttemptOutcome]>([
    ['HTTP 429', { type: 'http', status: 429, contentType: 'text/plain', retryAfterMs: 1 }],
    ['connection refused', { type: 'network', errorCode: 'ECONNREFUSED', definitelyNotSent: true }],
    ['a name that does not resolve', { type: 'network', errorCode: 'ENOTFOUND', definitelyNotSent: true }],
    ['a refused token (Code 1)', { type: 'envelope', status: 401, code: 1, codeRaw: 1, errorMessage: 'Invalid token.', body: {} }],
  ])('%s: certainly not processed, so it is sent again and succeeds', async (_name, outcome) => {
    const r = run([outcome, OK]);
    await expect(r.result).resolves.toMatchObject({ code: 0, body: { LeadNumber: '000017' } });
    expect(r.posts()).toBe(2);
  });

  it('429 every time: gives up as retryable, nothing stored', async () => {
    const limited: AttemptOutcome = { type: 'http', status: 429, contentType: 'text/plain', retryAfterMs: 1 };
    const { error, posts } = await after([limited, limited, limited, limited]);
    expect(posts).toBe(4);
    expect(error!.retryable).toBe(true);
    expect(error!.mayHaveReachedServer).toBe(false);
  });

  it('CreateQuotation follows the same rule; UpdateLead (absolute values) is still retried on 5xx and Code 9', async () => {
    const code9: AttemptOutcome = { type: 'envelope', status: 200, code: 9, codeRaw: 9, errorMessage: null, body: {} };
    expect((await after([code9], { endpoint: 'CreateQuotation' })).posts).toBe(1);
    const update = run([code9, { type: 'http', status: 500, contentType: '' }, OK], { endpoint: 'UpdateLead', createsRecord: false });
    await expect(update.result).resolves.toMatchObject({ code: 0 });
    expect(update.posts()).toBe(3);
  });
});
