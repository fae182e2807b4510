/**
 * Token cache per (base URL, service, ClientID): reused until shortly before it
 * expires (lifetime read from the JWT), one shared in-flight RequestToken for
 * concurrent callers, explicit invalidation after a Code 1.
 */
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

  constructor(private readonly now: () => number, private readonly marginMs?: number) {}

  static key(baseUrl: string, service: EasyCarsService, clientId: string): string {
    return `${baseUrl}|${service}|${clientId.toLowerCase()}`;
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

  clear(): void {
    this.cache.clear();
  }
}
