import {
  EasyCarsFailedError,
  EasyCarsNetworkError,
  EasyCarsProtocolError,
  EasyCarsSystemError,
  EasyCarsTimeoutError,
  createEasyCarsClient,
} from '../../../src/plugins/easycars/server/src/client';
import { startSandbox } from '../../../sandbox/src';
import { account1, calls, expectReject, makeClient, type Sandbox, validLead } from './helpers';

describe('EasyCars client: faults, retries and timeouts', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ stockCount: { EC114575: 4, EC208841: 2 } });
  });
  afterAll(() => sb.close());
  beforeEach(() => sb.control.reset());

  const stockCalls = () => calls(sb, 'GetAdvertisementStocks');

  describe('idempotent call (GetAdvertisementStocks)', () => {
    it.each([
      ['http500-html', 500],
      ['http503', 503],
      ['code9', 200],
      ['hang', null],
    ] as const)('%s is retried and then succeeds', async (kind, _status) => {
      const { client, calls: events } = makeClient(sb, { timeoutMs: 300 });
      sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind, times: 2, hangMs: 2_000 });
      const r = await client.forAccount(account1()).getAdvertisementStocks();
      expect(r.items).toHaveLength(4);
      expect(stockCalls()).toHaveLength(3);
      expect(stockCalls().map((e) => e.fault)).toEqual([kind, kind, null]);
      expect(events.at(-1)).toMatchObject({ endpoint: 'GetAdvertisementStocks', outcome: 'success', attempt: 3, code: 0 });
      await client.close();
    });

    it.each([
      ['http500-html', EasyCarsSystemError, /HTTP 500/],
      ['http503', EasyCarsSystemError, /HTTP 503/],
      ['code9', EasyCarsSystemError, /system error.*Code 9/],
      ['hang', EasyCarsTimeoutError, /did not answer .* within 300 ms \(4 attempts\)/],
    ] as const)('%s: gives up after 3 retries (4 attempts)', async (kind, type, msg) => {
      const { client } = makeClient(sb, { timeoutMs: 300 });
      sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind, times: 10, hangMs: 2_000 });
      const err = await expectReject(client.forAccount(account1()).getAdvertisementStocks());
      expect(err).toBeInstanceOf(type);
      expect(err.message).toMatch(msg);
      expect(err.retryable).toBe(true);
      expect(err.attempts).toBe(4);
      expect(stockCalls()).toHaveLength(4);
      await client.close();
    });

    it('has its own timeout: a list slower than the general timeout still arrives, within the stock-list timeout', async () => {
      const { client } = makeClient(sb, { timeoutMs: 300, stockListTimeoutMs: 3_000 });
      sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'hang', times: 1, hangMs: 800 });
      const r = await client.forAccount(account1()).getAdvertisementStocks();
      expect(r.items).toHaveLength(4);
      expect(stockCalls()).toHaveLength(1);
      // Other calls keep the general timeout.
      sb.control.injectFault({ endpoint: 'SearchContacts', kind: 'hang', times: 10, hangMs: 800 });
      const err = await expectReject(client.forAccount(account1()).searchContacts({ Email: 'nobody@example.com' }));
      expect(err).toBeInstanceOf(EasyCarsTimeoutError);
      expect(err.message).toMatch(/within 300 ms/);
      await client.close();
    });

    it('a per-call timeout and retry count override the stock-list defaults (the connection test)', async () => {
      const { client } = makeClient(sb, { timeoutMs: 300, stockListTimeoutMs: 3_000 });
      sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'hang', times: 10, hangMs: 800 });
      const err = await expectReject(client.forAccount(account1()).getAdvertisementStocks({ timeoutMs: 200, maxRetries: 0 }));
      expect(err).toBeInstanceOf(EasyCarsTimeoutError);
      expect(err.attempts).toBe(1);
      expect(stockCalls()).toHaveLength(1);
      await client.close();
    });

    it('429 waits for Retry-After before retrying', async () => {
      const { client } = makeClient(sb);
      sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'http429', times: 1, retryAfterSeconds: 1 });
      const started = Date.now();
      await client.forAccount(account1()).getAdvertisementStocks();
      const log = stockCalls();
      expect(log).toHaveLength(2);
      expect(log[0]!.status).toBe(429);
      expect(log[1]!.at - log[0]!.at).toBeGreaterThanOrEqual(950);
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      await client.close();
    });

    it('Retry-After is capped', async () => {
      const { client } = makeClient(sb, { retryAfterCapMs: 100 });
      sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'http429', times: 1, retryAfterSeconds: 30 });
      const started = Date.now();
      await client.forAccount(account1()).getAdvertisementStocks();
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(stockCalls()).toHaveLength(2);
      await client.close();
    });

    it('429 too many times: a system error naming the rate limit', async () => {
      const { client } = makeClient(sb, { retryAfterCapMs: 10 });
      sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'http429', times: 10, retryAfterSeconds: 1 });
      const err = await expectReject(client.forAccount(account1()).getAdvertisementStocks());
      expect(err).toBeInstanceOf(EasyCarsSystemError);
      expect(err.httpStatus).toBe(429);
      expect(err.message).toMatch(/limiting the request rate/);
      expect(stockCalls()).toHaveLength(4);
      await client.close();
    });

    it('Code 7 is not retried', async () => {
      const { client } = makeClient(sb);
      sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'code7', times: 1 });
      const err = await expectReject(client.forAccount(account1()).getAdvertisementStocks());
      expect(err).toBeInstanceOf(EasyCarsFailedError);
      expect(err.code).toBe(7);
      expect(err.retryable).toBe(false);
      expect(err.message).toMatch(/^EasyCars refused StockService GetAdvertisementStocks \(Code 7: The request could not be processed.\)/);
      expect(stockCalls()).toHaveLength(1);
      await client.close();
    });

    it('Code 5 is a success with a warning', async () => {
      const { client, log, calls: events } = makeClient(sb);
      sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'code5', times: 1 });
      const r = await client.forAccount(account1()).getAdvertisementStocks();
      expect(r.code).toBe(5);
      expect(r.errorMessage).toMatch(/warning/i);
      expect(r.items).toHaveLength(4);
      expect(events.at(-1)).toMatchObject({ outcome: 'warning', code: 5 });
      expect(log.lines.some((l) => l.level === 'warn' && /Code 5/.test(l.message))).toBe(true);
      expect(stockCalls()).toHaveLength(1);
      await client.close();
    });

    it.each([
      ['malformed-json', /malformed or truncated/],
      ['truncated-json', /malformed or truncated/],
    ] as const)('%s is a protocol error, not retried', async (kind, msg) => {
      const { client } = makeClient(sb);
      sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind, times: 1 });
      const err = await expectReject(client.forAccount(account1()).getAdvertisementStocks());
      expect(err).toBeInstanceOf(EasyCarsProtocolError);
      expect(err.message).toMatch(msg);
      expect(stockCalls()).toHaveLength(1);
      await client.close();
    });

    it('"StockList": null is an empty feed, not a protocol error', async () => {
      const { client } = makeClient(sb);
      sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'null-stock-list', times: 1 });
      const r = await client.forAccount(account1()).getAdvertisementStocks();
      expect(r.items).toEqual([]);
      expect(r.code).toBe(0);
      expect(stockCalls()).toHaveLength(1);
      await client.close();
    });

    it('a non-JSON answer without the envelope (wrong base URL) is a protocol error', async () => {
      const { client } = makeClient(sb);
      const api = client.forAccount(account1());
      await api.getAdvertisementStocks(); // token cached
      const other = createEasyCarsClient({ baseUrls: { test: `${sb.url}/images/x` } });
      const err = await expectReject(other.forAccount(account1()).getAdvertisementStocks());
      expect(err).toBeInstanceOf(EasyCarsProtocolError);
      expect(err.message).toMatch(/Check the configured EasyCars base URL/);
      await other.close();
      await client.close();
    });

    it('wrong-field-type: coerced values are reported, the call succeeds', async () => {
      const { client } = makeClient(sb);
      sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'wrong-field-type', times: 1 });
      const r = await client.forAccount(account1()).getAdvertisementStocks();
      expect(r.items).toHaveLength(4);
      const first = r.items[0]!;
      expect(typeof first.Price).toBe('number');
      expect(first.Odometer).toBeNull();
      const fields = r.warnings.map((w) => `${w.entity}:${w.id ?? ''}:${w.field}:${w.kind}`);
      expect(fields).toEqual(
        expect.arrayContaining([
          'response::Code:coerced',
          `stock:${first.StockNumber}:Price:coerced`,
          `stock:${first.StockNumber}:IsUsed:coerced`,
          `stock:${first.StockNumber}:Odometer:invalid`,
        ]),
      );
      expect(r.warnings.find((w) => w.field === 'Odometer')!.rawValue).toBe('unknown');
      await client.close();
    });

    it('connection refused: network error after retries', async () => {
      const dead = await startSandbox({ stockCount: { EC114575: 1, EC208841: 1 } });
      const baseUrls = dead.baseUrls;
      await dead.close();
      const { client } = makeClient({ ...sb, baseUrls } as Sandbox);
      const err = await expectReject(client.forAccount(account1()).getAdvertisementStocks());
      expect(err).toBeInstanceOf(EasyCarsNetworkError);
      expect(err.message).toMatch(/Could not reach EasyCars at 127\.0\.0\.1:\d+ for StockService RequestToken \(ECONNREFUSED\) after 4 attempts/);
      expect(err.retryable).toBe(true);
      await client.close();
    });
  });

  describe('non-idempotent calls (CreateLead)', () => {
    const leadCalls = () => calls(sb, 'CreateLead');

    it('a timeout is not retried and says the lead may exist', async () => {
      const { client } = makeClient(sb, { timeoutMs: 300 });
      sb.control.injectFault({ endpoint: 'CreateLead', kind: 'hang', times: 1, hangMs: 1_000 });
      const err = await expectReject(client.forAccount(account1()).createLead(validLead));
      expect(err).toBeInstanceOf(EasyCarsTimeoutError);
      expect(err.mayHaveReachedServer).toBe(true);
      expect(err.retryable).toBe(false);
      expect(err.message).toMatch(/The lead may have been created anyway/);
      expect(leadCalls()).toHaveLength(1);
      expect(sb.control.listLeads('EC114575')).toHaveLength(1); // it did reach the server
      await client.close();
    });

    it.each(['http500-html', 'code9', 'http503', 'store-then-500', 'store-then-code9', 'store-then-drop'] as const)(
      '%s is not retried: EasyCars may have stored the lead, and it is never sent twice',
      async (kind) => {
        const { client } = makeClient(sb);
        sb.control.injectFault({ endpoint: 'CreateLead', kind, times: 4 });
        const err = await expectReject(client.forAccount(account1()).createLead(validLead));
        expect(err.retryable).toBe(false);
        expect(err.mayHaveReachedServer).toBe(true);
        expect(err.message).toMatch(/The lead may have been created anyway/);
        expect(leadCalls()).toHaveLength(1);
        expect(sb.control.listLeads('EC114575')).toHaveLength(kind.startsWith('store-then') ? 1 : 0);
        await client.close();
      },
    );

    it.each(['http429', 'expired-token'] as const)('%s is retried: EasyCars refused it before processing, and the lead arrives once', async (kind) => {
      const { client } = makeClient(sb, { retryAfterCapMs: 10 });
      sb.control.injectFault({ endpoint: 'CreateLead', kind, times: 1 });
      const r = await client.forAccount(account1()).createLead(validLead);
      expect(r.LeadNumber).toBe('000017');
      expect(leadCalls()).toHaveLength(2);
      expect(sb.control.listLeads('EC114575')).toHaveLength(1);
      await client.close();
    });

    it('Code 7 and Code 5', async () => {
      const { client } = makeClient(sb);
      const api = client.forAccount(account1());
      sb.control.injectFault({ endpoint: 'CreateLead', kind: 'code7', times: 1 });
      expect(await expectReject(api.createLead(validLead))).toBeInstanceOf(EasyCarsFailedError);
      sb.control.injectFault({ endpoint: 'CreateLead', kind: 'code5', times: 1 });
      const r = await api.createLead(validLead);
      expect(r.code).toBe(5);
      expect(r.LeadNumber).toBe('000017');
      await client.close();
    });

    it('wrong-field-type: a numeric LeadNumber is read as text, with a warning', async () => {
      const { client } = makeClient(sb);
      sb.control.injectFault({ endpoint: 'CreateLead', kind: 'wrong-field-type', times: 1 });
      const r = await client.forAccount(account1()).createLead(validLead);
      expect(r.LeadNumber).toBe('17');
      expect(r.warnings.map((w) => w.field)).toEqual(expect.arrayContaining(['Code', 'LeadNumber']));
      await client.close();
    });

    it('the other lead endpoints follow the same rules', async () => {
      const { client } = makeClient(sb, { timeoutMs: 300 });
      const api = client.forAccount(account1());
      const { LeadNumber } = await api.createLead(validLead);
      sb.control.injectFault({ endpoint: 'UpdateLead', kind: 'hang', times: 1, hangMs: 1_000 });
      const e1 = await expectReject(api.updateLead({ LeadNumber, Notes: 'x' }));
      expect(e1).toBeInstanceOf(EasyCarsTimeoutError);
      expect(calls(sb, 'UpdateLead')).toHaveLength(1);
      sb.control.injectFault({ endpoint: 'GetLeadDetail', kind: 'http500-html', times: 1 });
      await api.getLeadDetail(LeadNumber);
      expect(calls(sb, 'GetLeadDetail')).toHaveLength(2);
      sb.control.injectFault({ endpoint: 'SearchContacts', kind: 'hang', times: 1, hangMs: 1_000 });
      await api.searchContacts({ Name: 'zelda' });
      expect(calls(sb, 'SearchContacts')).toHaveLength(2);
      await client.close();
    });
  });

  describe('per-host limits', () => {
    it('never has more than maxConcurrent requests in flight', async () => {
      const { client } = makeClient(sb, { rateLimit: { maxConcurrent: 2, minTimeMs: 0 } });
      const api = client.forAccount(account1());
      await api.getAdvertisementStocks();
      sb.control.clearRequestLog();
      sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'hang', times: 6, hangMs: 120 });
      await Promise.all(Array.from({ length: 6 }, () => api.getAdvertisementStocks()));
      const log = stockCalls();
      expect(log).toHaveLength(6);
      let max = 0;
      for (const e of log) {
        const overlapping = log.filter((o) => o.at <= e.at && (o.endedAt ?? Infinity) > e.at).length;
        max = Math.max(max, overlapping);
      }
      expect(max).toBeLessThanOrEqual(2);
      await client.close();
    });

    it('spaces request starts by minTimeMs', async () => {
      const { client } = makeClient(sb, { rateLimit: { maxConcurrent: 10, minTimeMs: 80 } });
      const api = client.forAccount(account1());
      await api.getAdvertisementStocks();
      sb.control.clearRequestLog();
      await Promise.all(Array.from({ length: 5 }, () => api.getAdvertisementStocks()));
      const at = stockCalls().map((e) => e.at).sort((a, b) => a - b);
      expect(at[4]! - at[0]!).toBeGreaterThanOrEqual(4 * 80 - 20);
      await client.close();
    });

    it('takes a place in the shared budget for each call and gives it back, whatever the outcome', async () => {
      const held: string[] = [];
      let given = 0;
      let back = 0;
      const shared = {
        acquire: async (host: string, limit: number) => {
          held.push(`${host}/${limit}`);
          given += 1;
          return async () => {
            back += 1;
          };
        },
      };
      const { client } = makeClient(sb, { rateLimit: { maxConcurrent: 3, minTimeMs: 0, shared }, maxRetries: 0 });
      const api = client.forAccount(account1());
      await api.getAdvertisementStocks();
      sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'http500-html', times: 1 });
      await expect(api.getAdvertisementStocks()).rejects.toThrow();
      expect(given).toBe(3); // token, list, failed list
      expect(back).toBe(given);
      expect(new Set(held)).toEqual(new Set([`${new URL(sb.baseUrls.test).host}/3`]));
      await client.close();
    });

    it('goes ahead within its own limit, with a warning, when the shared budget cannot be reached', async () => {
      const shared = { acquire: async () => Promise.reject(new Error('connection terminated')) };
      const { client, log } = makeClient(sb, { rateLimit: { maxConcurrent: 2, minTimeMs: 0, shared } });
      const result = await client.forAccount(account1()).getAdvertisementStocks();
      expect(result.items.length).toBeGreaterThan(0);
      expect(log.lines.some((l) => l.level === 'warn' && /shared EasyCars request budget could not be reached \(connection terminated\)/.test(l.message))).toBe(true);
      await client.close();
    });
  });
});
