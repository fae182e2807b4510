const SECRET_KEY = /secret|password|token|authorization|^clientid$|accountsecret/i;
const PERSONAL_KEY = /^(customer)?(name|email|phone|mobile|fax|address)$|^customer(name|email|phone|mobile|fax|address)$/i;

/**
 * Deep copy with secrets and customer personal data replaced, for anything stored in a
 * sync log's request/response summaries.
 */
export function redactValue(value: unknown, key = ''): unknown {
  if (SECRET_KEY.test(key) || PERSONAL_KEY.test(key)) return value == null ? value : '[redacted]';
  if (Array.isArray(value)) return value.map((v) => redactValue(v));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactValue(v, k)]));
  }
  return value;
}
