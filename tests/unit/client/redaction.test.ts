import { inspect } from 'node:util';
import { EasyCarsConfigurationError, createEasyCarsClient, redactText, redactUrl, redactValue } from '../../../src/plugins/easycars/server/src/client';
import { startSandbox } from '../../../sandbox/src';
import { A1, C1, account1, expectReject, makeClient, type Sandbox, validLead } from './helpers';

describe('redaction helpers', () => {
  it('hides ClientSecret in URLs, tokens, bearer headers and known secrets', () => {
    expect(redactUrl('https://h/S/RequestToken?ClientID=abc&ClientSecret=s3cr3t')).toBe('https://h/S/RequestToken?ClientID=abc&ClientSecret=[REDACTED]');
    expect(redactText('Authorization: Bearer eyJhbGciOi.eyJDbGllbnRJRCI6.sig')).not.toContain('eyJ');
    expect(redactText('x 7326AF23-714A y', { secrets: ['7326AF23-714A'] })).toBe('x [REDACTED] y');
    expect(redactText('mail me at a.b@example.com or 0412 345 678', { personal: true })).toBe('mail me at [REDACTED email] or [REDACTED phone]');
    expect(redactValue({ AccountSecret: 'x', LeadCustomer: { Name: 'n', Email: 'e', State: 'NSW' }, headers: { Authorization: 'Bearer t' } })).toEqual({
      AccountSecret: '[REDACTED]',
      LeadCustomer: { Name: '[REDACTED]', Email: '[REDACTED]', State: 'NSW' },
      headers: { Authorization: '[REDACTED]' },
    });
  });
});

describe('no secret, token or personal data leaves the client', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ stockCount: { EC114575: 3, EC208841: 1 } });
  });
  afterAll(() => sb.close());

  it('across successes, faults and failures', async () => {
    const { client, log, calls } = makeClient(sb, { timeoutMs: 300 });
    const api = client.forAccount(account1());
    const errors: unknown[] = [];
    const attempt = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (e) {
        errors.push(e);
      }
    };
    await attempt(api.getAdvertisementStocks());
    const { LeadNumber } = await api.createLead(validLead);
    for (const kind of ['http500-html', 'http503', 'code1', 'code7', 'code9', 'malformed-json', 'truncated-json', 'wrong-field-type', 'expired-token', 'hang'] as const) {
      sb.control.injectFault({ endpoint: '*', kind, times: 1, hangMs: 1_000 });
      await attempt(api.createLead(validLead));
      sb.control.injectFault({ endpoint: 'GetLeadDetail', kind, times: 5, hangMs: 1_000 });
      await attempt(api.getLeadDetail(LeadNumber));
    }
    await attempt(api.updateLead({ LeadNumber, LeadCustomer: { Name: validLead.LeadCustomer.Name, Email: 'x'.repeat(120) } }));
    await attempt(client.forAccount({ ...account1(), clientSecret: 'DEADBEEF-0000-1111-2222-333344445555' }).getAdvertisementStocks());
    await attempt(client.forAccount({ ...account1(), accountSecret: 'FEEDFACE-0000-1111-2222-333344445555' }).searchContacts({ Email: validLead.LeadCustomer.Email }));
    await attempt(api.searchContacts({ Phone: validLead.LeadCustomer.Mobile }));
    // a Code 7 whose ErrorMessage echoes personal data
    await attempt(api.createLead({ ...validLead, LeadCustomer: { CustomerNo: '99999' } }));
    expect(errors.length).toBeGreaterThan(10);

    const tokens = [
      await client.requestToken('test', 'StockService', C1.clientId, C1.clientSecret),
      await client.requestToken('test', 'LeadService', C1.clientId, C1.clientSecret),
    ];
    const everything = [
      log.text(),
      ...errors.map((e) => `${String(e)} ${(e as Error).stack ?? ''} ${inspect(e, { depth: 10, showHidden: true })} ${JSON.stringify(e)}`),
      JSON.stringify(calls),
    ].join('\n');
    expect(log.lines.filter((l) => l.level === 'debug').length).toBeGreaterThan(20);
    expect(log.lines.filter((l) => l.level === 'error').length).toBeGreaterThan(5);
    for (const secret of [
      C1.clientSecret, A1.accountSecret, 'DEADBEEF-0000-1111-2222-333344445555', 'FEEDFACE-0000-1111-2222-333344445555', ...tokens,
      validLead.LeadCustomer.Name, validLead.LeadCustomer.Email, validLead.LeadCustomer.Mobile, 'Zelda', 'Quixote', validLead.Notes, '0499',
    ]) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).toContain('ClientSecret=[REDACTED]');
    await client.close();
  });

  it('the sandbox request log hides ClientSecret and AccountSecret', () => {
    const text = JSON.stringify(sb.control.requestLog());
    expect(text).not.toContain(C1.clientSecret);
    expect(text).not.toContain(A1.accountSecret);
  });
});

describe('configuration', () => {
  it('uses the environment variables, then the vendor URLs', () => {
    const c = createEasyCarsClient({ env: { EASYCARS_TEST_BASE_URL: 'https://staging.example.com/TestECService/' } });
    expect(c.baseUrls).toEqual({ test: 'https://staging.example.com/TestECService', production: 'https://my.easycars.net.au/ECService' });
    const d = createEasyCarsClient({ env: {} });
    expect(d.baseUrls.test).toBe('https://testmy.easycars.com.au/TestECService');
  });

  it('requires HTTPS except for loopback hosts', () => {
    expect(() => createEasyCarsClient({ env: {}, baseUrls: { production: 'http://my.easycars.net.au/ECService' } })).toThrow(EasyCarsConfigurationError);
    expect(() => createEasyCarsClient({ env: {}, baseUrls: { production: 'http://localhost:4010/ECService' } })).not.toThrow();
    expect(() => createEasyCarsClient({ env: {}, baseUrls: { production: 'http://sandbox:4010/ECService' }, allowInsecureHosts: true })).not.toThrow();
  });

  it('refuses an account without its four values', async () => {
    const c = createEasyCarsClient({ env: {} });
    expect(() => c.forAccount({ ...account1(), accountSecret: '' })).toThrow(/accountSecret of the dealership is not set/);
    await c.close();
  });
});

it('makeClient helper stays quiet on expectReject misuse', async () => {
  await expect(expectReject(Promise.resolve(1))).rejects.toThrow('expected a rejection');
});
