/**
 * Secrets the host app must be given: no published fallback, since a known ADMIN_JWT_SECRET or
 * APP_KEYS lets anyone forge admin sessions. Strapi stops at config load with every missing name.
 */
type Env = (key: string) => string | undefined;

const PLACEHOLDER = /^(replace-?me|replaceKey[A-Z]?|change-?me)$/i;

export function requireEnv(env: Env, names: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const name of names) {
    const value = env(name)?.trim();
    if (!value || value.split(',').some((part) => PLACEHOLDER.test(part.trim()))) missing.push(name);
    else values[name] = value;
  }
  if (missing.length) {
    throw new Error(
      `Missing required environment variable(s): ${missing.join(', ')}. Set each to a long random value in .env ` +
        '(see .env.example; `npm run demo` writes one with fresh secrets).',
    );
  }
  return values;
}
