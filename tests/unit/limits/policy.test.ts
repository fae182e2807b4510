import { backoffKeys, backoffSeconds, limitKeys, retryAfterSeconds } from '../../../src/plugins/easycars/server/src/limits/policy';
import { maskAccountNumber } from '../../../src/plugins/easycars/server/src/credentials/public-view';
import { maskName, maskValue } from '../../../src/plugins/easycars/server/src/leads/personal-data';
import { maskConflict, maskPush } from '../../../src/plugins/easycars/server/src/leads/masked-views';
import config from '../../../src/plugins/easycars/server/src/config';

const LIMITS = { perUserPerMinute: 10, perDealershipPerMinute: 20, globalPerMinute: 100 };
const BACKOFF = { afterFailures: 3, baseSeconds: 30, maxSeconds: 900 };

describe('limit keys', () => {
  it('keys a request per user, per dealership and globally, each with its own limit', () => {
    expect(limitKeys('testConnection', { userId: 7, dealership: 'abc' }, LIMITS)).toEqual([
      { scope: 'user', key: 'test-connection:user:7', perMinute: 10 },
      { scope: 'dealership', key: 'test-connection:dealership:abc', perMinute: 20 },
      { scope: 'global', key: 'test-connection:global', perMinute: 100 },
    ]);
  });

  it('skips the dealership key when the dealership is not known, and separates actions', () => {
    expect(limitKeys('leadImport', { userId: 7 }, LIMITS).map((k) => k.key)).toEqual(['lead-import:user:7', 'lead-import:global']);
    expect(limitKeys('pushRetry', { userId: 7, dealership: null }, LIMITS).map((k) => k.key)).toEqual(['push-retry:user:7', 'push-retry:global']);
  });

  it('counts failed tests per user and per dealership', () => {
    expect(backoffKeys({ userId: 3, dealership: 'd1' })).toEqual([
      { scope: 'user', key: 'test-connection:user:3' },
      { scope: 'dealership', key: 'test-connection:dealership:d1' },
    ]);
    expect(backoffKeys({ userId: 3 })).toEqual([{ scope: 'user', key: 'test-connection:user:3' }]);
  });
});

describe('backoff', () => {
  it('does not pause below the threshold, then doubles from the base up to the cap', () => {
    expect([0, 1, 2].map((n) => backoffSeconds(n, BACKOFF))).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6, 7, 8].map((n) => backoffSeconds(n, BACKOFF))).toEqual([30, 60, 120, 240, 480, 900]);
    expect(backoffSeconds(10_000, BACKOFF)).toBe(900);
  });

  it('rounds Retry-After up to whole seconds, at least 1', () => {
    expect(retryAfterSeconds(0)).toBe(1);
    expect(retryAfterSeconds(1001)).toBe(2);
    expect(retryAfterSeconds(60_000)).toBe(60);
  });
});

describe('limits configuration', () => {
  const env: any = Object.assign((_k: string, fallback?: string) => fallback, {
    bool: (_k: string, f?: boolean) => f,
    int: (_k: string, f?: number) => f,
    array: (_k: string, f?: string[]) => f,
  });
  const defaults = () => config.default({ env }) as any;

  it('accepts the defaults', () => {
    expect(() => config.validator(defaults())).not.toThrow();
  });

  it('names a bad or unknown limit', () => {
    const zero = defaults();
    zero.limits.leadImport.globalPerMinute = 0;
    expect(() => config.validator(zero)).toThrow(/limits\.leadImport\.globalPerMinute/);
    const unknown = defaults();
    unknown.limits.testConnection.perHour = 5;
    expect(() => config.validator(unknown)).toThrow(/limits\.testConnection/);
    const backwards = defaults();
    backwards.limits.testBackoff = { afterFailures: 3, baseSeconds: 600, maxSeconds: 60 };
    expect(() => config.validator(backwards)).toThrow(/limits\.testBackoff\.maxSeconds: maxSeconds must be at least baseSeconds/);
  });
});

describe('masking', () => {
  it('masks account numbers to their first and last two characters', () => {
    expect(maskAccountNumber('EC114575')).toBe('EC••••75');
    expect(maskAccountNumber('EC1')).toBe('••••');
    expect(maskAccountNumber(null)).toBeNull();
  });

  it('masks names word by word and other personal values entirely', () => {
    expect(maskName('Ava Brown')).toBe('A•• B••••');
    expect(maskName('Jo')).toBe('J••');
    expect(maskName(null)).toBeNull();
    expect(maskValue('ava@example.com')).toBe('••••');
    expect(maskValue('')).toBeNull();
  });

  const push = { id: 1, leadDocumentId: 'L1', customerName: 'Ava Brown', vehicle: null, leadCreatedAt: null, pushState: 'failed', pushError: null, pushAttempts: 1, leadNumber: null, updatedAt: null } as any;
  it('shows a push customer only when the lead is readable', () => {
    expect(maskPush(push, new Set(['L1']))).toMatchObject({ customerName: 'Ava Brown', personalDataHidden: false });
    expect(maskPush(push, new Set(['L2']))).toMatchObject({ customerName: 'A•• B••••', personalDataHidden: true });
  });

  const conflict = (field: string) => ({ id: 1, leadDocumentId: 'L1', leadNumber: '9', field, baseValue: 'a@x.au', localValue: 'b@x.au', remoteValue: 'c@x.au', state: 'open' }) as any;
  it('masks customer-field conflicts but not status conflicts', () => {
    expect(maskConflict(conflict('customerEmail'), new Set())).toMatchObject({ baseValue: '••••', localValue: '••••', remoteValue: '••••', personalDataHidden: true });
    expect(maskConflict(conflict('customerEmail'), new Set(['L1']))).toMatchObject({ localValue: 'b@x.au', personalDataHidden: false });
    expect(maskConflict(conflict('status'), new Set())).toMatchObject({ localValue: 'b@x.au', personalDataHidden: false });
  });
});
