/**
 * Typed errors thrown by the EasyCars client. Every message is written for an
 * admin (what failed, where, what to check) and never contains secrets, tokens
 * or customer personal data.
 */
export type EasyCarsErrorKind =
  | 'authentication'
  | 'failed'
  | 'system'
  | 'network'
  | 'timeout'
  | 'protocol'
  | 'validation'
  | 'configuration';

export interface EasyCarsErrorDetails {
  /** "StockService/GetAdvertisementStocks", "LeadService/RequestToken", ... */
  endpoint: string;
  /** EasyCars' `Code` when the answer had one. */
  code?: number;
  httpStatus?: number;
  /** Whether trying the same call again later can reasonably succeed. */
  retryable: boolean;
  /** Number of HTTP attempts made (0 when nothing was sent). */
  attempts?: number;
  /** True when the request may have been processed although no answer arrived. */
  mayHaveReachedServer?: boolean;
  /** EasyCars' `ErrorMessage`, redacted. */
  serverMessage?: string | null;
  /** A sanitised description of the underlying cause (never an axios object). */
  cause?: { code?: string; message?: string };
}

export class EasyCarsError extends Error {
  readonly kind: EasyCarsErrorKind;
  readonly endpoint: string;
  readonly code?: number;
  readonly httpStatus?: number;
  readonly retryable: boolean;
  readonly attempts: number;
  readonly mayHaveReachedServer: boolean;
  readonly serverMessage: string | null;
  override readonly cause?: { code?: string; message?: string };

  constructor(kind: EasyCarsErrorKind, message: string, details: EasyCarsErrorDetails) {
    super(message);
    this.name = new.target.name;
    this.kind = kind;
    this.endpoint = details.endpoint;
    if (details.code !== undefined) this.code = details.code;
    if (details.httpStatus !== undefined) this.httpStatus = details.httpStatus;
    this.retryable = details.retryable;
    this.attempts = details.attempts ?? 0;
    this.mayHaveReachedServer = details.mayHaveReachedServer ?? false;
    this.serverMessage = details.serverMessage ?? null;
    if (details.cause) this.cause = details.cause;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      endpoint: this.endpoint,
      code: this.code,
      httpStatus: this.httpStatus,
      retryable: this.retryable,
      attempts: this.attempts,
      mayHaveReachedServer: this.mayHaveReachedServer,
      serverMessage: this.serverMessage,
      cause: this.cause,
    };
  }
}

/** Code 1, or HTTP 401/403: bad ClientID/ClientSecret, or a token refused even after refreshing it. */
export class EasyCarsAuthenticationError extends EasyCarsError {
  constructor(message: string, d: EasyCarsErrorDetails) {
    super('authentication', message, d);
  }
}
/** Code 7 (or another non-success Code that is not 1/5/9): the request was refused. Not retried. */
export class EasyCarsFailedError extends EasyCarsError {
  constructor(message: string, d: EasyCarsErrorDetails) {
    super('failed', message, d);
  }
}
/** Code 9, HTTP 5xx or HTTP 429 after the retries ran out. */
export class EasyCarsSystemError extends EasyCarsError {
  constructor(message: string, d: EasyCarsErrorDetails) {
    super('system', message, d);
  }
}
/** Connection refused / reset, DNS failure... */
export class EasyCarsNetworkError extends EasyCarsError {
  constructor(message: string, d: EasyCarsErrorDetails) {
    super('network', message, d);
  }
}
/** No answer in time. `mayHaveReachedServer` is true: for CreateLead & co. check before resending. */
export class EasyCarsTimeoutError extends EasyCarsError {
  constructor(message: string, d: EasyCarsErrorDetails) {
    super('timeout', message, d);
  }
}
/** The answer could not be understood (not JSON, truncated, no envelope, unexpected HTTP status). */
export class EasyCarsProtocolError extends EasyCarsError {
  constructor(message: string, d: EasyCarsErrorDetails) {
    super('protocol', message, d);
  }
}

export interface ValidationIssue {
  /** Dotted path, e.g. "LeadCustomer.Email". */
  field: string;
  /** e.g. "LeadCustomer.Email must be at most 100 characters" (never contains the value). */
  message: string;
}

/** The request was refused by the client before anything was sent. */
export class EasyCarsValidationError extends EasyCarsError {
  readonly issues: ValidationIssue[];
  constructor(endpoint: string, issues: ValidationIssue[]) {
    super(
      'validation',
      `The ${endpoint.replace('/', ' ')} request is invalid and was not sent to EasyCars: ${issues
        .map((i) => i.message)
        .join('; ')}`,
      { endpoint, retryable: false, attempts: 0 },
    );
    this.issues = issues;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}

/** Bad client configuration (e.g. a plain-http base URL to a remote host). */
export class EasyCarsConfigurationError extends EasyCarsError {
  constructor(message: string) {
    super('configuration', message, { endpoint: 'configuration', retryable: false });
  }
}

export function isEasyCarsError(e: unknown): e is EasyCarsError {
  return e instanceof EasyCarsError;
}
