import { EasyCarsAuthenticationError, decodeJwtTimes } from '../../../src/plugins/easycars/server/src/client';
import { startSandbox } from '../../../sandbox/src';
import { A1, C1, C2, account1, calls, expectReject, makeClient, type Sandbox } from './helpers';

describe('EasyCars client: tokens', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ stockCount: { EC114575: 5, EC208841: 3 } });
  });
  afterAll(() => sb.close());
  beforeEach(() => sb.control.reset());

  it('gets one token per service and reuses it', async () => {
    const { client } = makeClient(sb);
    const api = client.forAccount(account1());
    await api.getAdvertisementStocks();
    await api.getAdvertisementStocks();
    await api.searchContacts({ Name: 'a' });
    await api.searchContacts({ Name: 'b' });
    expect(calls(sb, 'RequestToken', 'StockService')).toHaveLength(1);
    expect(calls(sb, 'RequestToken', 'LeadService')).toHaveLength(1);
    const stockToken = await client.requestToken('test', 'StockService', C1.clientId, C1.clientSecret);
    const leadToken = await client.requestToken('test', 'LeadService', C1.clientId, C1.clientSecret);
    expect(stockToken).not.toEqual(leadToken);
    const t = decodeJwtTimes(stockToken)!;
    expect(t.exp! - t.iat!).toBe(600);
    expect(calls(sb, 'RequestToken')).toHaveLength(2);
    // a separate cache per environment (base URL) and per ClientID
    await client.requestToken('production', 'StockService', C1.clientId, C1.clientSecret);
    await client.requestToken('test', 'StockService', C2.clientId, C2.clientSecret);
    expect(calls(sb, 'RequestToken')).toHaveLength(4);
    await client.close();
  });

  it('keys the cache by the ClientSecret too: a wrong secret with a cached ClientID fails, a new secret gets a new token', async () => {
    const { client } = makeClient(sb);
    await client.requestToken('test', 'StockService', C1.clientId, C1.clientSecret);
    const wrong = await expectReject(client.requestToken('test', 'StockService', C1.clientId, 'not-the-secret'));
    expect(wrong).toBeInstanceOf(EasyCarsAuthenticationError);
    expect(calls(sb, 'RequestToken')).toHaveLength(2);
    // the right secret is still served from the cache
    await client.requestToken('test', 'StockService', C1.clientId, C1.clientSecret);
    expect(calls(sb, 'RequestToken')).toHaveLength(2);
    await client.close();
  });

  it('forgetClient drops every cached token of that pair only', async () => {
    const { client } = makeClient(sb);
    await client.requestToken('test', 'StockService', C1.clientId, C1.clientSecret);
    await client.requestToken('test', 'LeadService', C1.clientId, C1.clientSecret);
    await client.requestToken('test', 'StockService', C2.clientId, C2.clientSecret);
    expect(calls(sb, 'RequestToken')).toHaveLength(3);
    client.forgetClient(C1.clientId, C1.clientSecret);
    await client.requestToken('test', 'StockService', C2.clientId, C2.clientSecret);
    expect(calls(sb, 'RequestToken')).toHaveLength(3);
    await client.requestToken('test', 'StockService', C1.clientId, C1.clientSecret);
    await client.requestToken('test', 'LeadService', C1.clientId, C1.clientSecret);
    expect(calls(sb, 'RequestToken')).toHaveLength(5);
    await client.close();
  });

  it('refreshes a token before it expires (lifetime read from the JWT)', async () => {
    sb.control.setTokenTtlSeconds(2);
    const { client } = makeClient(sb);
    const api = client.forAccount(account1());
    await api.getAdvertisementStocks();
    await api.getAdvertisementStocks();
    expect(calls(sb, 'RequestToken')).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1_900));
    await api.getAdvertisementStocks();
    expect(calls(sb, 'RequestToken')).toHaveLength(2);
    // never a data call refused for an expired token
    expect(calls(sb, 'GetAdvertisementStocks').every((e) => e.code === 0)).toBe(true);
    await client.close();
  });

  it('shares one in-flight RequestToken between 20 concurrent calls', async () => {
    const { client } = makeClient(sb);
    const api = client.forAccount(account1());
    const results = await Promise.all(Array.from({ length: 20 }, () => api.getAdvertisementStocks()));
    expect(results.every((r) => r.items.length === 5)).toBe(true);
    expect(calls(sb, 'RequestToken')).toHaveLength(1);
    expect(calls(sb, 'GetAdvertisementStocks')).toHaveLength(20);
    await client.close();
  });

  it('a Code 1 on a data call refreshes the token once and retries', async () => {
    const { client } = makeClient(sb);
    const api = client.forAccount(account1());
    await api.getAdvertisementStocks();
    sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'expired-token', times: 1 });
    const r = await api.getAdvertisementStocks();
    expect(r.items).toHaveLength(5);
    expect(calls(sb, 'RequestToken')).toHaveLength(2);
    expect(calls(sb, 'GetAdvertisementStocks')).toHaveLength(3);
    await client.close();
  });

  it('20 concurrent calls refused with Code 1 share a single refresh', async () => {
    const { client } = makeClient(sb);
    const api = client.forAccount(account1());
    await api.getAdvertisementStocks();
    sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'code1', times: 20 });
    await Promise.all(Array.from({ length: 20 }, () => api.getAdvertisementStocks()));
    expect(calls(sb, 'RequestToken')).toHaveLength(2);
    expect(calls(sb, 'GetAdvertisementStocks')).toHaveLength(41);
    await client.close();
  });

  it('an already expired token handed out by RequestToken is replaced after the Code 1', async () => {
    const { client } = makeClient(sb);
    sb.control.injectFault({ endpoint: 'RequestToken', kind: 'expired-token', times: 1 });
    const r = await client.forAccount(account1()).getAdvertisementStocks();
    expect(r.items).toHaveLength(5);
    const log = calls(sb, 'GetAdvertisementStocks');
    expect(log.map((e) => e.status)).toEqual([401, 200]);
    expect(calls(sb, 'RequestToken')).toHaveLength(2);
    await client.close();
  });

  it('Code 1 twice in a row is an authentication error (one refresh only)', async () => {
    const { client, calls: events } = makeClient(sb);
    const api = client.forAccount(account1());
    sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'code1', times: 5 });
    const err = await expectReject(api.getAdvertisementStocks());
    expect(err).toBeInstanceOf(EasyCarsAuthenticationError);
    expect(err.code).toBe(1);
    expect(err.retryable).toBe(false);
    expect(err.endpoint).toBe('StockService/GetAdvertisementStocks');
    expect(err.message).toMatch(/^EasyCars refused the account number \/ account secret .*even after a new token was requested/);
    expect(calls(sb, 'GetAdvertisementStocks')).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({ endpoint: 'GetAdvertisementStocks', outcome: 'error', code: 1, attempt: 2 });
    await client.close();
  });

  it('wrong ClientID/ClientSecret: an actionable authentication error, not retried', async () => {
    const { client } = makeClient(sb);
    const api = client.forAccount({ ...account1(), clientSecret: '00000000-0000-0000-0000-000000000000' });
    const err = await expectReject(api.getAdvertisementStocks());
    expect(err).toBeInstanceOf(EasyCarsAuthenticationError);
    expect(err.message).toBe(
      "EasyCars rejected the client ID / client secret (StockService RequestToken, Code 1: Invalid client credentials.). Check the ClientID and ClientSecret in the dealership's EasyCars settings, and that they belong to the selected environment (test or production).",
    );
    expect(calls(sb, 'RequestToken')).toHaveLength(1);
    expect(calls(sb, 'GetAdvertisementStocks')).toHaveLength(0);
    await client.close();
  });

  it('a StockService token is refused by the LeadService', async () => {
    const { client } = makeClient(sb);
    const token = await client.requestToken('test', 'StockService', C1.clientId, C1.clientSecret);
    const res = await fetch(`${sb.baseUrls.test}/LeadService/SearchContacts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ AccountNumber: A1.accountNumber, AccountSecret: A1.accountSecret, Name: 'a' }),
    });
    expect(await res.json()).toEqual({ Code: 1, ErrorMessage: 'Invalid token.' });
    await client.close();
  });
});
