/**
 * The plugin's one redaction module: secrets, tokens and customer personal data are hidden from logs, error
 * messages, the sync logs' request/response summaries and anything else that may leave the process.
 */
export const REDACTED = '[REDACTED]';

/** Keys whose values are always hidden (secrets, tokens, customer personal data). */
const SENSITIVE_KEY =
  /(secret|token|authorization|password|cookie|apikey|api_key)|^(clientid|name|email|phone|mobile|fax|address|city|postcode|abn|customername|customeremail|customerphone|customermobile|customerfax|customeraddress|customercity|customerpostcode)$/i;

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEY.test(key);
}

const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const BEARER = /(Bearer\s+)[^\s"',;]+/gi;
const SECRET_PARAM = /([?&;\s"']?(?:ClientSecret|AccountSecret|client_secret|secret|token)["']?\s*[=:]\s*["']?)[^&#\s"',;}]+/gi;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const PHONE = /\+?\d[\d ()-]{7,}\d/g;

/** Hides the ClientSecret (and any other secret-like) query parameter of a URL. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:ClientSecret|client_secret|secret|token)=)[^&#]*/gi, `$1${REDACTED}`);
}

export interface RedactTextOptions {
  /** Exact values to hide wherever they appear (client/account secrets...). */
  secrets?: Iterable<string>;
  /** Also hide e-mail addresses and phone-like numbers (for text that came from EasyCars). */
  personal?: boolean;
}

export function redactText(text: string, opts: RedactTextOptions = {}): string {
  let out = text;
  for (const s of opts.secrets ?? []) {
    if (s && s.length >= 4) out = out.split(s).join(REDACTED);
  }
  out = out.replace(JWT, REDACTED).replace(BEARER, `$1${REDACTED}`).replace(SECRET_PARAM, `$1${REDACTED}`);
  if (opts.personal) out = out.replace(EMAIL, '[REDACTED email]').replace(PHONE, '[REDACTED phone]');
  return out;
}

/**
 * Deep copy of `value` with sensitive keys replaced by "[REDACTED]" and every
 * string passed through redactText. Safe on cycles and on Error objects.
 */
export function redactValue(value: unknown, opts: RedactTextOptions = {}, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value, opts);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, opts, seen));
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  const src = value instanceof Error ? { name: value.name, message: value.message, ...(value as object) } : value;
  for (const [k, v] of Object.entries(src as Record<string, unknown>)) {
    out[k] = isSensitiveKey(k) && v !== null && v !== undefined && v !== '' ? REDACTED : redactValue(v, opts, seen);
  }
  return out;
}

/** Remembers the secret values a client has seen, so that they can be scrubbed from any text. */
export class SecretRegistry {
  private readonly values = new Set<string>();
  add(...secrets: Array<string | undefined | null>): void {
    for (const s of secrets) if (s && s.length >= 4) this.values.add(s);
  }
  list(): string[] {
    return [...this.values];
  }
  text(text: string, personal = false): string {
    return redactText(text, { secrets: this.values, personal });
  }
  value(v: unknown): unknown {
    return redactValue(v, { secrets: this.values, personal: true });
  }
}
