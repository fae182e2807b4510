/**
 * One logical EasyCars call: token, attempts, retries with back-off, token
 * refresh on Code 1, logging and the onCall hook.
 */
import type { CoercionWarning } from './models/coerce';
import { EasyCarsError, EasyCarsProtocolError } from './errors';
import type { ListReader } from './json-stream';
import { errorFor } from './outcome-errors';
import { redactUrl, type SecretRegistry } from '../utils/redact';
import { TokenManager } from './token-manager';
import type { AttemptOutcome, Transport } from './transport';
import type { EasyCarsCallEvent, EasyCarsEndpoint, EasyCarsEnvironment, EasyCarsLogger, EasyCarsService } from './types';

export interface CallContext {
  transport: Transport;
  tokens: TokenManager;
  logger: EasyCarsLogger;
  onCall?: (e: EasyCarsCallEvent) => void;
  secrets: SecretRegistry;
  timeoutMs: number;
  /** GetAdvertisementStocks' own per-attempt timeout. */
  stockListTimeoutMs: number;
  maxRetries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  retryAfterCapMs: number;
  now: () => number;
}

export interface CallSpec {
  environment: EasyCarsEnvironment;
  baseUrl: string;
  service: EasyCarsService;
  endpoint: EasyCarsEndpoint;
  /** Safe to send twice (RequestToken, GetAdvertisementStocks, GetLeadDetail, SearchContacts). */
  idempotent: boolean;
  /**
   * CreateLead, CreateQuotation: a second copy would make a second record. Retried only when
   * EasyCars certainly did not process the request (not connected, HTTP 429, token refused).
   */
  createsRecord?: boolean;
  body?: Record<string, unknown>;
  query?: Record<string, string>;
  /** Data calls: the client pair used to get this service's token. */
  auth?: { clientId: string; clientSecret: string };
  accountNumber?: string;
  /** This call's per-attempt timeout, when not the client's default. */
  timeoutMs?: number;
  /** This call's retries, when not the client's default. */
  maxRetries?: number;
  /** A list of the answer read item by item as it streams in (its place in `body` holds an empty array). */
  list?: ListReader;
}

export interface CallResult {
  body: Record<string, unknown>;
  code: number;
  errorMessage: string | null;
  httpStatus: number;
  warnings: CoercionWarning[];
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function backoff(ctx: CallContext, retryIndex: number): number {
  const exp = Math.min(ctx.backoffMaxMs, ctx.backoffBaseMs * 2 ** retryIndex);
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}

function retryable(out: AttemptOutcome, idempotent: boolean, createsRecord: boolean): boolean {
  if (createsRecord) {
    // Nothing in the vendor documents says a 5xx or Code 9 means "not stored": only a request
    // that never left, or one refused by the rate limit, is certainly not in EasyCars.
    return (out.type === 'http' && out.status === 429) || (out.type === 'network' && out.definitelyNotSent);
  }
  switch (out.type) {
    // An answer, even an error, means EasyCars processed and refused the request: safe to
    // resend even CreateLead. Only silence (timeouts, a dropped connection) is ambiguous.
    case 'envelope':
      return out.code === 9;
    case 'http':
      return out.status === 429 || out.status >= 500;
    case 'network':
      return idempotent || out.definitelyNotSent;
    case 'timeout':
      return idempotent;
    case 'protocol':
      return false;
  }
}

function isAuthRefusal(out: AttemptOutcome): boolean {
  return (out.type === 'envelope' && out.code === 1) || (out.type === 'http' && (out.status === 401 || out.status === 403));
}

function describe(out: AttemptOutcome): string {
  switch (out.type) {
    case 'envelope':
      return `HTTP ${out.status} Code ${out.code}`;
    case 'http':
      return `HTTP ${out.status} (${out.contentType || 'no content type'})`;
    case 'protocol':
      return `HTTP ${out.status}, ${out.reason}`;
    case 'network':
      return `network error ${out.errorCode}`;
    case 'timeout':
      return 'timeout';
  }
}

export function buildUrl(spec: Pick<CallSpec, 'baseUrl' | 'service' | 'endpoint' | 'query'>): string {
  const u = new URL(`${spec.baseUrl}/${spec.service}/${spec.endpoint}`);
  for (const [k, v] of Object.entries(spec.query ?? {})) u.searchParams.set(k, v);
  return u.toString();
}

export async function executeCall(
  ctx: CallContext,
  spec: CallSpec,
  getToken?: (forceFresh: boolean) => Promise<{ token: string; key: string }>,
): Promise<CallResult> {
  const url = buildUrl(spec);
  const host = new URL(url).host;
  const name = `${spec.service}/${spec.endpoint}`;
  const started = ctx.now();
  let attempts = 0;
  let retries = 0;
  let refreshed = false;
  let throttled = 0;
  let waitedMs = 0;
  let last: AttemptOutcome | undefined;
  const meta = (extra: Record<string, unknown> = {}) => ({
    environment: spec.environment,
    service: spec.service,
    endpoint: spec.endpoint,
    ...(spec.accountNumber ? { account: spec.accountNumber } : {}),
    ...extra,
  });
  const emit = (outcome: EasyCarsCallEvent['outcome'], extra: Partial<EasyCarsCallEvent> = {}) => {
    if (!ctx.onCall) return;
    try {
      ctx.onCall({
        environment: spec.environment,
        service: spec.service,
        endpoint: spec.endpoint,
        outcome,
        durationMs: ctx.now() - started,
        attempt: attempts,
        throttled,
        waitedMs,
        ...(spec.accountNumber ? { accountNumber: spec.accountNumber } : {}),
        ...extra,
      });
    } catch {
      /* hooks must not break calls */
    }
  };
  const fail = (err: EasyCarsError): never => {
    ctx.logger.error(err.message, meta({ ...err.toJSON(), message: undefined, durationMs: ctx.now() - started }));
    emit('error', {
      errorKind: err.kind,
      ...(err.code !== undefined ? { code: err.code } : {}),
      ...(err.httpStatus !== undefined ? { httpStatus: err.httpStatus } : {}),
    });
    throw err;
  };

  for (;;) {
    let bearer: string | undefined;
    let tokenKey: string | undefined;
    if (getToken) {
      try {
        const t = await getToken(false);
        bearer = t.token;
        tokenKey = t.key;
      } catch (e) {
        if (e instanceof EasyCarsError) {
          // already logged by the RequestToken call itself
          emit('error', { errorKind: e.kind, ...(e.code !== undefined ? { code: e.code } : {}), ...(e.httpStatus !== undefined ? { httpStatus: e.httpStatus } : {}) });
        }
        throw e;
      }
    }
    attempts++;
    const t0 = ctx.now();
    const out = await ctx.transport.attempt({
      url,
      body: spec.body,
      bearer,
      timeoutMs: spec.timeoutMs ?? ctx.timeoutMs,
      ...(spec.list ? { list: spec.list } : {}),
    });
    last = out;
    if ((out.type === 'http' || out.type === 'envelope') && out.status === 429) throttled++;
    const ms = ctx.now() - t0;
    ctx.logger.debug(
      `EasyCars ${name} attempt ${attempts}: ${describe(out)} in ${ms} ms`,
      meta({
        url: redactUrl(url),
        attempt: attempts,
        durationMs: ms,
        ...(out.type === 'envelope' || out.type === 'http' || out.type === 'protocol' ? { httpStatus: out.status } : {}),
        ...(out.type === 'envelope' ? { code: out.code } : {}),
      }),
    );

    if (out.type === 'envelope' && (out.code === 0 || out.code === 5)) {
      const warnings: CoercionWarning[] = [];
      if (typeof out.codeRaw !== 'number') {
        warnings.push({
          entity: 'response',
          id: null,
          field: 'Code',
          rawValue: out.codeRaw,
          kind: 'coerced',
          message: `${name}: Code was coerced (raw value ${JSON.stringify(out.codeRaw)}): read as ${out.code}`,
        });
      }
      const errorMessage = out.errorMessage === null ? null : ctx.secrets.text(out.errorMessage, true);
      if (out.code === 5) {
        ctx.logger.warn(`EasyCars ${name} succeeded with a warning (Code 5${errorMessage ? `: ${errorMessage}` : ''})`, meta({ code: 5 }));
      }
      emit(out.code === 5 ? 'warning' : 'success', { code: out.code, httpStatus: out.status });
      return { body: out.body, code: out.code, errorMessage, httpStatus: out.status, warnings };
    }

    if (getToken && tokenKey && bearer && isAuthRefusal(out) && !refreshed) {
      refreshed = true;
      ctx.tokens.invalidate(tokenKey, bearer);
      ctx.logger.debug(`EasyCars ${name}: token refused (${describe(out)}); requesting a new token and retrying once`, meta());
      continue;
    }

    const errCtx = {
      service: spec.service,
      endpoint: spec.endpoint,
      host,
      attempts,
      idempotent: spec.idempotent,
      createsRecord: spec.createsRecord === true,
      timeoutMs: spec.timeoutMs ?? ctx.timeoutMs,
      afterTokenRefresh: refreshed,
      scrub: (s: string) => ctx.secrets.text(s, true),
    };
    if (retryable(out, spec.idempotent, spec.createsRecord === true) && retries < (spec.maxRetries ?? ctx.maxRetries)) {
      const ra = 'retryAfterMs' in out ? out.retryAfterMs : undefined;
      const delay = ra !== undefined ? Math.min(ra, ctx.retryAfterCapMs) : backoff(ctx, retries);
      retries++;
      waitedMs += delay;
      ctx.logger.warn(`EasyCars ${name} attempt ${attempts} failed (${describe(out)}); retry ${retries} of ${ctx.maxRetries} in ${delay} ms`, meta({ attempt: attempts, delayMs: delay }));
      await sleep(delay);
      continue;
    }
    if (out.type === 'envelope' && (out.code === 0 || out.code === 5)) break; // unreachable
    return fail(errorFor(out as Exclude<AttemptOutcome, { type: 'envelope'; code: 0 | 5 }>, errCtx));
  }
  // unreachable, keeps the type checker happy
  throw new EasyCarsProtocolError(`EasyCars ${name}: no answer (${last ? describe(last) : 'none'})`, { endpoint: name, retryable: false });
}
