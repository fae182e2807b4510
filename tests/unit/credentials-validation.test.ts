import {
  assertLeadClientComplete,
  assertSchedulesComplete,
  isValidCron,
  parseCreateCredential,
  parseCredentialId,
  parseTestConnection,
  parseUpdateCredential,
} from '../../src/plugins/easycars/server/src/credentials/validation';
import { splitUpdate } from '../../src/plugins/easycars/server/src/credentials/changes';
import { clientPairFor } from '../../src/plugins/easycars/server/src/client';

const valid = {
  dealership: 'abc123',
  environment: 'test',
  clientId: 'AA20EE61-5CFA-458D-9AFB-C4E929EA18E6',
  clientSecret: '7326AF23-714A-41A5-A74F-EC77B4E4F2F2',
  accountNumber: 'EC114575',
  accountSecret: '3F1C2A9E-6B7D-4E21-9C8A-5D4E3F2A1B0C',
};

/** The per-field messages of the ValidationError a parser throws. */
function fieldErrors(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (e) {
    const details = (e as { details: { errors: Array<{ path: string[]; message: string }> } }).details;
    return Object.fromEntries(details.errors.map((x) => [x.path.join('.') || '(body)', x.message]));
  }
  throw new Error('expected a ValidationError');
}

describe('credential validation', () => {
  it('accepts the documented shapes and trims pasted values', () => {
    expect(parseCreateCredential({ ...valid, clientId: ` ${valid.clientId} `, yardCode: ' MAIN ' })).toMatchObject({
      clientId: valid.clientId,
      yardCode: 'MAIN',
    });
    expect(parseCreateCredential({ ...valid, yardCode: '' }).yardCode).toBeNull();
  });

  it('names every invalid field, without echoing values', () => {
    const errors = fieldErrors(() =>
      parseCreateCredential({ ...valid, environment: 'staging', clientSecret: 'secret-value', accountNumber: 'EC12A', accountSecret: 42, extra: true }),
    );
    expect(errors).toEqual({
      environment: 'environment must be "test" or "production"',
      clientSecret: 'ClientSecret must be a UUID (8-4-4-4-12 hexadecimal characters)',
      accountNumber: 'AccountNumber must be "EC" followed by digits, e.g. EC114575',
      accountSecret: 'AccountSecret must be a string',
      '(body)': 'Unknown field(s): extra',
    });
    expect(JSON.stringify(errors)).not.toContain('secret-value');
  });

  it('reports required fields', () => {
    const errors = fieldErrors(() => parseCreateCredential({}));
    expect(errors).toMatchObject({ dealership: 'dealership is required', environment: 'environment is required', clientId: 'ClientID is required' });
  });

  it('enforces lengths', () => {
    expect(fieldErrors(() => parseCreateCredential({ ...valid, accountNumber: `EC${'1'.repeat(19)}` })).accountNumber).toMatch(/at most 20/);
    expect(fieldErrors(() => parseCreateCredential({ ...valid, yardCode: 'Y'.repeat(21) })).yardCode).toMatch(/at most 20/);
  });

  it('treats blank secrets in an update as "keep", and refuses an empty update', () => {
    expect(parseUpdateCredential({ clientSecret: '', accountSecret: null })).toEqual({});
    expect(fieldErrors(() => parseUpdateCredential({}))['(body)']).toMatch(/Nothing to update/);
    expect(fieldErrors(() => parseUpdateCredential({ dealership: 'x' }))['(body)']).toBe('Unknown field(s): dealership');
  });

  it('validates schedules', () => {
    expect(isValidCron('0 */2 * * *')).toBe(true);
    expect(isValidCron('every hour')).toBe(false);
    expect(isValidCron('* *')).toBe(false);
    const errors = fieldErrors(() => parseUpdateCredential({ stockSchedule: 'weekly', stockScheduleTime: '7:5', leadScheduleCron: '99 * * * *' }));
    expect(Object.keys(errors).sort()).toEqual(['leadScheduleCron', 'stockSchedule', 'stockScheduleTime']);
    expect(() => assertSchedulesComplete({ stockSchedule: 'custom', stockScheduleCron: null })).toThrow(/stockScheduleCron is required/);
    expect(() => assertSchedulesComplete({ stockSchedule: 'custom', stockScheduleCron: '0 * * * *' })).not.toThrow();
  });

  it('parses both forms of test-connection input and credential ids', () => {
    expect(parseTestConnection({ credential: 7 })).toEqual({ kind: 'stored', credential: 7, overrides: {} });
    expect(parseTestConnection({ credential: 7, accountSecret: '', environment: 'production' })).toEqual({
      kind: 'stored',
      credential: 7,
      overrides: { environment: 'production' },
    });
    expect(parseTestConnection({ ...valid })).toMatchObject({ kind: 'values' });
    expect(fieldErrors(() => parseTestConnection({ credential: 1, clientId: 'x' })).clientId).toMatch(/UUID/);
    expect(fieldErrors(() => parseTestConnection({ credential: 1, dealership: 'x' }))['(body)']).toMatch(/Unknown field/);
    expect(parseCredentialId('12')).toBe(12);
    expect(() => parseCredentialId('12abc')).toThrow(/positive integer/);
    expect(() => parseCredentialId('-1')).toThrow();
  });

  it('lists only the fields that really change', () => {
    const row = { yardCode: 'MAIN', environment: 'test', isActive: true } as never;
    const current = { ...valid, id: 1, yardCode: 'MAIN' } as never;
    const change = splitUpdate({ yardCode: 'MAIN', clientSecret: valid.clientSecret, accountSecret: '9B8A7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D', isActive: false }, row, current);
    expect(change.changed).toEqual(['accountSecret', 'isActive']);
    expect(change.connectionChanged).toBe(true);
    expect(change.fields).toEqual({ isActive: false });
  });

  describe('the lead service client pair', () => {
    const LEAD = { leadClientId: 'E7A41C90-3B58-4D2E-8F16-0C9B5A7D2E31', leadClientSecret: '4D8F2B6A-91C3-4E7D-B05A-6F2E8C1D9A47' };

    it('is optional on create and in a test, but both or neither', () => {
      expect(parseCreateCredential(valid)).not.toHaveProperty('leadClientId');
      expect(parseCreateCredential({ ...valid, leadClientId: '', leadClientSecret: '' }).leadClientId).toBeUndefined();
      expect(parseCreateCredential({ ...valid, ...LEAD })).toMatchObject(LEAD);
      expect(fieldErrors(() => parseCreateCredential({ ...valid, leadClientId: LEAD.leadClientId }))).toEqual({
        leadClientSecret: 'Lead service client: give both the ClientID and the ClientSecret, or neither',
      });
      expect(fieldErrors(() => parseTestConnection({ ...valid, leadClientSecret: 'nope' }))).toEqual({
        leadClientSecret: 'Lead service ClientSecret must be a UUID (8-4-4-4-12 hexadecimal characters)',
        leadClientId: 'Lead service client: give both the ClientID and the ClientSecret, or neither',
      });
    });

    it('in an update: half of a stored pair can change, a new pair needs both, removing takes no values', () => {
      const none = { leadClientId: null, leadClientSecret: null };
      const stored = { leadClientId: 'ec1:x', leadClientSecret: 'ec1:y' };
      expect(() => assertLeadClientComplete(stored, { leadClientSecret: LEAD.leadClientSecret })).not.toThrow();
      expect(() => assertLeadClientComplete(none, LEAD)).not.toThrow();
      expect(fieldErrors(() => assertLeadClientComplete(none, { leadClientId: LEAD.leadClientId }))).toHaveProperty('leadClientSecret');
      expect(fieldErrors(() => assertLeadClientComplete(stored, { removeLeadClient: true, ...LEAD }))).toEqual({
        removeLeadClient: 'removeLeadClient cannot come with a new lead service ClientID or ClientSecret',
      });
      expect(parseUpdateCredential({ removeLeadClient: true })).toEqual({ removeLeadClient: true });
      expect(fieldErrors(() => parseUpdateCredential({ removeLeadClient: false }))).toEqual({ removeLeadClient: 'removeLeadClient must be true (or left out)' });
    });

    it('changes: a new lead secret is a connection change; removing lists both fields', () => {
      const row = { environment: 'test' } as never;
      const current = { ...valid, id: 1, yardCode: null, leadClient: { clientId: LEAD.leadClientId, clientSecret: LEAD.leadClientSecret } } as never;
      expect(splitUpdate({ leadClientSecret: LEAD.leadClientSecret }, row, current).changed).toEqual([]);
      const changed = splitUpdate({ leadClientSecret: valid.clientSecret }, row, current);
      expect(changed).toMatchObject({ changed: ['leadClientSecret'], connectionChanged: true, removeLeadClient: false });
      expect(splitUpdate({ removeLeadClient: true }, row, current)).toMatchObject({ changed: ['leadClientId', 'leadClientSecret'], removeLeadClient: true });
    });

    it('gets LeadService tokens with the lead pair when there is one, StockService tokens always with the main pair', () => {
      const account = { environment: 'test' as const, clientId: valid.clientId, clientSecret: valid.clientSecret, accountNumber: 'EC1', accountSecret: valid.accountSecret };
      const lead = { clientId: LEAD.leadClientId, clientSecret: LEAD.leadClientSecret };
      expect(clientPairFor(account, 'LeadService')).toEqual({ clientId: valid.clientId, clientSecret: valid.clientSecret });
      expect(clientPairFor({ ...account, leadClient: lead }, 'LeadService')).toEqual(lead);
      expect(clientPairFor({ ...account, leadClient: lead }, 'StockService')).toEqual({ clientId: valid.clientId, clientSecret: valid.clientSecret });
    });
  });
});
