/** Shared types of the EasyCars client. */
export type EasyCarsEnvironment = 'test' | 'production';
export type EasyCarsService = 'StockService' | 'LeadService';
export type EasyCarsEndpoint =
  | 'RequestToken'
  | 'GetAdvertisementStocks'
  | 'CreateLead'
  | 'UpdateLead'
  | 'GetLeadDetail'
  | 'SearchContacts'
  | 'CreateQuotation';

/** Strapi's `strapi.log` fits this shape (winston: message + metadata object). */
export interface EasyCarsLogger {
  debug(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

export interface EasyCarsCallEvent {
  environment: EasyCarsEnvironment;
  service: EasyCarsService;
  endpoint: EasyCarsEndpoint;
  outcome: 'success' | 'warning' | 'error';
  /** EasyCars' Code of the last answer, when it had one. */
  code?: number;
  httpStatus?: number;
  /** Whole call, including retries and back-off. */
  durationMs: number;
  /** Number of HTTP attempts made. */
  attempt: number;
  /** Attempts answered with HTTP 429 (rate limited). */
  throttled?: number;
  /** Time spent waiting (Retry-After, back-off) between attempts. */
  waitedMs?: number;
  /** Error kind when outcome is 'error'. */
  errorKind?: string;
  accountNumber?: string;
}

export interface EasyCarsClientOptions {
  /** Default: EASYCARS_TEST_BASE_URL / EASYCARS_PRODUCTION_BASE_URL, then the vendor's URLs. */
  baseUrls?: Partial<Record<EasyCarsEnvironment, string>>;
  /** Per HTTP attempt (default 10000). */
  timeoutMs?: number;
  /** Per GetAdvertisementStocks attempt: one unpaginated list of a big dealer takes longer (default 120000). */
  stockListTimeoutMs?: number;
  /** Retries after the first attempt (default 3). */
  maxRetries?: number;
  /** First back-off delay; doubles each retry, with jitter (default 500). */
  backoffBaseMs?: number;
  /** Upper bound of one back-off delay (default 8000). */
  backoffMaxMs?: number;
  /** Upper bound of a Retry-After wait (default 30000). */
  retryAfterCapMs?: number;
  /**
   * Per-host limits (NFR6). Defaults: 4 concurrent requests, 100 ms between request starts, both
   * kept by this client. With `shared`, maxConcurrent is also one budget for every process using it.
   */
  rateLimit?: { maxConcurrent?: number; minTimeMs?: number; shared?: SharedRequestBudget };
  /** Allow http:// to non-loopback hosts (loopback is always allowed). Default false. */
  allowInsecureHosts?: boolean;
  logger?: EasyCarsLogger;
  /** Called once per call (RequestToken included) with its outcome. Exceptions are ignored. */
  onCall?: (e: EasyCarsCallEvent) => void;
  /** Validate requests before sending them (default true). */
  validateRequests?: boolean;
  /** Refresh a token this long before it expires (default: 10% of its lifetime, at most 60 s). */
  tokenRefreshMarginMs?: number;
  /** Environment variables to read (default process.env). */
  env?: Record<string, string | undefined>;
  /** Clock, for tests (default Date.now). */
  now?: () => number;
}

/**
 * A per-host concurrency budget kept outside this process, so that several processes (Strapi
 * instances) together send at most `limit` requests at once to one EasyCars host.
 */
export interface SharedRequestBudget {
  /** Waits for one of the `limit` places for `host`; resolves to the function that gives it back. */
  acquire(host: string, limit: number): Promise<() => Promise<void>>;
}
