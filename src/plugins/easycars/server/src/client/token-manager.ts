/**
 * Token cache per (base URL, service, ClientID, secret fingerprint): reused until shortly before it
 * expires (lifetime read from the JWT), one shared in-flight RequestToken for
 * concurrent callers, explicit invalidation after a Code 1.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { tokenLifetimeMs } from './jwt';
import type { EasyCarsService } from './types';

interface Entry {
  token: string;
  refreshAt: number;
}

export type TokenFetcher = () => Promise<string>;

export class TokenManager {
  private readonly cache = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<string>>();

  /** Per-process HMAC key: the fingerprint of a ClientSecret means nothing outside this process. */
  private readonly fingerprintKey = randomBytes(32);

  constructor(private readonly now: () => number, private readonly marginMs?: number) {}

  /**
   * The secret is part of the key (as an HMAC, never the secret itself): a changed or revoked
   * ClientSecret, or another credential with the same ClientID, never reuses a cached token.
   */
  key(baseUrl: string, service: EasyCarsService, clientId: string, clientSecret: string): string {
    return `${baseUrl}|${service}|${clientId.toLowerCase()}|${this.fingerprint(clientSecret)}`;
  }

  private fingerprint(clientSecret: string): string {
    return createHmac('sha256', this.fingerprintKey).update(clientSecret).digest('hex');
  }

  async get(key: string, fetch: TokenFetcher): Promise<string> {
    const hit = this.cache.get(key);
    if (hit && this.now() < hit.refreshAt) return hit.token;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const p = (async () => {
      try {
        const token = await fetch();
        const received = this.now();
        const life = tokenLifetimeMs(token, received);
        const margin = this.marginMs ?? Math.min(60_000, life * 0.1);
        this.cache.set(key, { token, refreshAt: received + Math.max(0, life - margin) });
        return token;
      } finally {
        this.inFlight.delete(key);
      }
    })();
    this.inFlight.set(key, p);
    return p;
  }

  /** Forgets `token` (only if it is still the cached one, so concurrent callers refresh once). */
  invalidate(key: string, token: string): void {
    if (this.cache.get(key)?.token === token) this.cache.delete(key);
  }

  /** Forgets every token of one client pair (all base URLs and services): on credential update and delete. */
  forgetClient(clientId: string, clientSecret: string): void {
    const suffix = `|${clientId.toLowerCase()}|${this.fingerprint(clientSecret)}`;
    for (const key of [...this.cache.keys()]) if (key.endsWith(suffix)) this.cache.delete(key);
  }

  clear(): void {
    this.cache.clear();
  }
}
