/**
 * One HTTP attempt: axios (keep-alive agents), per-host rate limit
 * (Bottleneck in this process, plus an optional budget shared with other processes), an overall
 * per-attempt deadline, and the classification of what
 * came back. Never throws; never exposes axios objects.
 */
import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import Bottleneck from 'bottleneck';
import { readBody } from './answer-body';
import type { BodyRead } from './json-body';
import type { ListReader } from './json-stream';
import type { EasyCarsLogger, SharedRequestBudget } from './types';

export type AttemptOutcome =
  /** JSON with a Code (any HTTP status except 429). */
  | { type: 'envelope'; status: number; code: number; codeRaw: unknown; errorMessage: string | null; body: Record<string, unknown>; retryAfterMs?: number }
  /** A non-2xx status without a usable envelope (HTML error page, 429...). */
  | { type: 'http'; status: number; contentType: string; retryAfterMs?: number }
  /** 2xx but unreadable: not JSON, malformed/truncated JSON, no Code. */
  | { type: 'protocol'; status: number; reason: string; contentType: string }
  | { type: 'network'; errorCode: string; definitelyNotSent: boolean }
  | { type: 'timeout' };

export interface AttemptRequest {
  url: string;
  body?: unknown;
  bearer?: string;
  timeoutMs: number;
  /** Read the answer as a stream, this list item by item, instead of as one text. */
  list?: ListReader;
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_INVALID_URL', 'EADDRNOTAVAIL']);

export function parseRetryAfter(value: unknown, nowMs: number): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const t = value.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1000);
  const d = Date.parse(t);
  return Number.isNaN(d) ? undefined : Math.max(0, d - nowMs);
}

function header(h: unknown, name: string): string {
  const v = (h as Record<string, unknown> | undefined)?.[name];
  return Array.isArray(v) ? String(v[0]) : typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

export interface TransportOptions {
  maxConcurrent: number;
  minTimeMs: number;
  now: () => number;
  shared?: SharedRequestBudget;
  logger?: EasyCarsLogger;
}

export class Transport {
  private readonly http: AxiosInstance;
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  private readonly httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 32, minVersion: 'TLSv1.2' });
  private readonly limiters = new Map<string, Bottleneck>();

  constructor(private readonly opts: TransportOptions) {
    this.http = axios.create({
      httpAgent: this.httpAgent,
      httpsAgent: this.httpsAgent,
      responseType: 'text',
      transformResponse: [(d: unknown) => d],
      validateStatus: () => true,
      maxRedirects: 0,
      proxy: false,
    });
  }

  private limiter(url: string): Bottleneck {
    const host = new URL(url).host;
    let l = this.limiters.get(host);
    if (!l) {
      l = new Bottleneck({ maxConcurrent: this.opts.maxConcurrent, minTime: this.opts.minTimeMs });
      this.limiters.set(host, l);
    }
    return l;
  }

  attempt(req: AttemptRequest): Promise<AttemptOutcome> {
    return this.limiter(req.url).schedule(async () => {
      const giveBack = await this.sharedPlace(req.url);
      try {
        return await this.send(req);
      } finally {
        await giveBack();
      }
    });
  }

  /**
   * A place in the budget shared with other processes. If that budget cannot be reached (its
   * database is down), the call goes ahead within this process's own limit rather than failing.
   */
  private async sharedPlace(url: string): Promise<() => Promise<void>> {
    const shared = this.opts.shared;
    if (!shared) return async () => undefined;
    try {
      return await shared.acquire(new URL(url).host, this.opts.maxConcurrent);
    } catch (error) {
      this.opts.logger?.warn(`The shared EasyCars request budget could not be reached (${(error as Error).message}); this call is limited by this instance alone`);
      return async () => undefined;
    }
  }

  private async send(req: AttemptRequest): Promise<AttemptOutcome> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, req.timeoutMs);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (req.bearer) headers.Authorization = `Bearer ${req.bearer}`;
    if (req.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      const res = await this.http.request<unknown>({
        method: 'POST',
        url: req.url,
        data: req.body === undefined ? undefined : JSON.stringify(req.body),
        headers,
        timeout: req.timeoutMs,
        signal: controller.signal,
        responseType: req.list ? 'stream' : 'text',
      });
      return this.classify(res.status, res.headers, await readBody(res.status, res.data, req.list));
    } catch (err) {
      if (timedOut) return { type: 'timeout' };
      const code = String((err as { code?: unknown }).code ?? 'UNKNOWN');
      if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ERR_CANCELED') return { type: 'timeout' };
      return { type: 'network', errorCode: code, definitelyNotSent: NOT_SENT_CODES.has(code) };
    } finally {
      clearTimeout(timer);
    }
  }

  private classify(status: number, headers: unknown, read: BodyRead): AttemptOutcome {
    const contentType = header(headers, 'content-type');
    const retryAfterMs = parseRetryAfter(header(headers, 'retry-after'), this.opts.now());
    if (status === 429) return { type: 'http', status, contentType, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
    if (read.parsed && typeof read.json === 'object' && read.json !== null && !Array.isArray(read.json) && 'Code' in read.json) {
      const body = read.json as Record<string, unknown>;
      const codeRaw = body.Code;
      const code =
        typeof codeRaw === 'number' && Number.isInteger(codeRaw)
          ? codeRaw
          : typeof codeRaw === 'string' && /^\s*-?\d+\s*$/.test(codeRaw)
            ? Number(codeRaw)
            : NaN;
      if (Number.isNaN(code)) {
        return status >= 200 && status < 300
          ? { type: 'protocol', status, reason: 'its Code is not a number', contentType }
          : { type: 'http', status, contentType };
      }
      const em = body.ErrorMessage;
      return {
        type: 'envelope',
        status,
        code,
        codeRaw,
        errorMessage: typeof em === 'string' ? em : em === null || em === undefined ? null : JSON.stringify(em),
        body,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      };
    }
    if (status < 200 || status >= 300) return { type: 'http', status, contentType, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
    const reason = read.parsed
      ? 'the JSON has no Code'
      : read.empty
        ? 'the body is empty'
        : /json/i.test(contentType) || read.startsLikeJson
          ? 'the JSON is malformed or truncated'
          : `the body is not JSON (${contentType || 'no content type'})`;
    return { type: 'protocol', status, reason, contentType };
  }

  async close(): Promise<void> {
    await Promise.all([...this.limiters.values()].map((l) => l.stop({ dropWaitingJobs: false }).catch(() => undefined)));
    this.limiters.clear();
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
