/** Pure parts of the shared limits: which keys an action consumes, and how long a backoff lasts. */

export type LimitedAction = 'testConnection' | 'leadImport' | 'pushRetry';
export type LimitScope = 'user' | 'dealership' | 'global';

export interface ActionLimits {
  perUserPerMinute: number;
  perDealershipPerMinute: number;
  globalPerMinute: number;
}

export interface BackoffSettings {
  /** Consecutive failed tests before the first pause. */
  afterFailures: number;
  baseSeconds: number;
  maxSeconds: number;
}

export interface LimitKey {
  scope: LimitScope;
  key: string;
  perMinute: number;
}

const ACTION_KEY: Record<LimitedAction, string> = {
  testConnection: 'test-connection',
  leadImport: 'lead-import',
  pushRetry: 'push-retry',
};

/**
 * The keys one request consumes a point from: the acting admin, the dealership when it is
 * known, and everyone together (one instance-wide budget caps what any number of accounts can try).
 */
export function limitKeys(action: LimitedAction, who: { userId: number; dealership?: string | null }, limits: ActionLimits): LimitKey[] {
  const prefix = ACTION_KEY[action];
  const keys: LimitKey[] = [{ scope: 'user', key: `${prefix}:user:${who.userId}`, perMinute: limits.perUserPerMinute }];
  if (who.dealership) keys.push({ scope: 'dealership', key: `${prefix}:dealership:${who.dealership}`, perMinute: limits.perDealershipPerMinute });
  keys.push({ scope: 'global', key: `${prefix}:global`, perMinute: limits.globalPerMinute });
  return keys;
}

/** Keys whose consecutive failed connection tests are counted (and paused) separately. */
export function backoffKeys(who: { userId: number; dealership?: string | null }): Array<{ scope: 'user' | 'dealership'; key: string }> {
  const keys: Array<{ scope: 'user' | 'dealership'; key: string }> = [{ scope: 'user', key: `test-connection:user:${who.userId}` }];
  if (who.dealership) keys.push({ scope: 'dealership', key: `test-connection:dealership:${who.dealership}` });
  return keys;
}

/**
 * Pause after `failures` consecutive failed tests: none below the threshold, then
 * base, 2×base, 4×base … capped at max.
 */
export function backoffSeconds(failures: number, settings: BackoffSettings): number {
  if (failures < settings.afterFailures) return 0;
  const doublings = Math.min(failures - settings.afterFailures, 30);
  return Math.min(settings.maxSeconds, settings.baseSeconds * 2 ** doublings);
}

export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
