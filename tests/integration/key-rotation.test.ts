import { randomBytes } from 'node:crypto';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { createCredential, createDealership, SANDBOX_ACCOUNTS, SANDBOX_CLIENT } from '../helpers/fixtures';
import { legacyEc1Envelope } from '../helpers/legacy-envelope';

const CREDENTIAL = 'plugin::easycars.credential' as never;
const FIELDS = ['clientId', 'clientSecret', 'accountNumber', 'accountSecret'] as const;
const SECRETS = [SANDBOX_CLIENT.clientId, SANDBOX_CLIENT.clientSecret, SANDBOX_ACCOUNTS.harbour.accountSecret, SANDBOX_ACCOUNTS.north.accountSecret];

/**
 * Key rotation end to end: credentials saved under key A stay readable when B becomes the
 * current key with A listed as old; rotateAll() re-encrypts them with B, after which A can go.
 * Envelopes are bound to their dealership (ec2): one copied into another dealership's row is
 * refused, and rotateAll() upgrades ec1 rows (field-only binding) to ec2.
 */
describe(`encryption key rotation (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  const keyA = randomBytes(32).toString('base64');
  const keyB = randomBytes(32).toString('base64');
  let app: TestApp;
  let credentialId: number;
  let harbourDealership: string;

  const envelopes = async (id = credentialId) =>
    app.strapi.db.query(CREDENTIAL).findOne({ where: { id } }) as Promise<Record<string, string>>;
  const keyIds = async () => {
    const row = await envelopes();
    return FIELDS.map((f) => row[f].split(':')[1]);
  };
  const expectNoSecrets = (text: string) => {
    for (const secret of SECRETS) expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
  };

  afterAll(async () => {
    await app?.destroy();
  });

  it('stores every secret as an ec2 envelope under the current key, never in clear', async () => {
    app = await startStrapi({ env: { EASYCARS_ENCRYPTION_KEY: keyA, EASYCARS_ENCRYPTION_OLD_KEYS: '' } });
    const dealership = await createDealership(app.strapi, 'Rotation Motors');
    harbourDealership = dealership.documentId;
    credentialId = (await createCredential(app.strapi, dealership.documentId)).id;
    const row = await envelopes();
    for (const value of Object.values(row)) {
      expect(String(value)).not.toContain(SANDBOX_CLIENT.clientSecret);
      expect(String(value)).not.toContain(SANDBOX_ACCOUNTS.harbour.accountSecret);
    }
    expect(new Set(await keyIds()).size).toBe(1);
    expect(FIELDS.map((f) => row[f].split(':')[0])).toEqual(['ec2', 'ec2', 'ec2', 'ec2']);
  });

  it('reads values made with an old key, re-encrypts them all with the new one, and then needs only the new key', async () => {
    const [idA] = await keyIds();
    await app.destroy({ keepDatabase: true });
    app = await startStrapi({ database: app.db, env: { EASYCARS_ENCRYPTION_KEY: keyB, EASYCARS_ENCRYPTION_OLD_KEYS: keyA } });
    const credentials = app.strapi.plugin('easycars').service('credentials');
    expect(credentials.decrypt(await credentials.findById(credentialId)).clientSecret).toBe(SANDBOX_CLIENT.clientSecret);

    const report = await app.strapi.plugin('easycars').service('keyRotation').rotateAll();
    expect(report).toMatchObject({ credentials: 1, reencrypted: 4, alreadyCurrent: 0 });
    const ids = await keyIds();
    expect(ids.every((id) => id === report.currentKeyId && id !== idA)).toBe(true);
    expect(await app.strapi.plugin('easycars').service('keyRotation').rotateAll()).toMatchObject({ reencrypted: 0, alreadyCurrent: 4 });

    await app.destroy({ keepDatabase: true });
    app = await startStrapi({ database: app.db, env: { EASYCARS_ENCRYPTION_KEY: keyB, EASYCARS_ENCRYPTION_OLD_KEYS: '' } });
    const again = app.strapi.plugin('easycars').service('credentials');
    expect(again.decrypt(await again.findById(credentialId))).toMatchObject({ ...SANDBOX_CLIENT, ...SANDBOX_ACCOUNTS.harbour });
  });

  it("refuses another dealership's envelopes copied into a credential row, naming that credential, never the secret", async () => {
    const north = (await createDealership(app.strapi, 'Northside Cars')).documentId;
    const northId = (await createCredential(app.strapi, north, SANDBOX_ACCOUNTS.north)).id;
    const northOriginal = await envelopes(northId);
    const harbour = await envelopes();
    // The attack: Harbour's account pasted into Northside's row, so Northside would sync Harbour's stock.
    const pasted = { clientSecret: harbour.clientSecret, accountNumber: harbour.accountNumber, accountSecret: harbour.accountSecret };
    await app.strapi.db.query(CREDENTIAL).update({ where: { id: northId }, data: pasted });

    const credentials = app.strapi.plugin('easycars').service('credentials');
    const row = await credentials.findById(northId);
    let error: Error | undefined;
    try {
      credentials.decrypt(row);
    } catch (e) {
      error = e as Error;
    }
    expect(error?.name).toBe('DecryptionError');
    expect(error?.message).toMatch(new RegExp(`EasyCars credential ${northId} \\(dealership ${north}\\) clientSecret: .*bound to another record`));
    expectNoSecrets(error?.message ?? '');
    expect(credentials.toPublic(row)).toMatchObject({ readable: false, accountNumber: null });

    // A sync for Northside stops before calling EasyCars with Harbour's account.
    const log = await app.strapi.plugin('easycars').service('syncLogs').createIfIdle({ dealership: north, type: 'stock', trigger: 'manual' });
    await app.strapi.plugin('easycars').service('stockSync').run({ dealership: north, syncLogId: log.id, trigger: 'manual' });
    const finished = await app.strapi.plugin('easycars').service('syncLogs').get(log.id);
    expect(finished).toMatchObject({ status: 'failed', apiCalls: 0 });
    expect(finished.errorMessage).toMatch(/bound to another record/);
    expectNoSecrets(JSON.stringify(finished));
    expectNoSecrets(app.logs().join('\n'));

    // Harbour's own row is untouched and still reads.
    expect(credentials.decrypt(await credentials.findById(credentialId))).toMatchObject({ ...SANDBOX_CLIENT, ...SANDBOX_ACCOUNTS.harbour });
    await app.strapi.db.query(CREDENTIAL).update({ where: { id: northId }, data: northOriginal });
    expect(credentials.decrypt(await credentials.findById(northId))).toMatchObject(SANDBOX_ACCOUNTS.north);
    // Nor can the plugin itself move a credential (and its bound secrets) to another dealership.
    await expect(credentials.update(northId, { dealership: harbourDealership })).rejects.toThrow(/dealership cannot change/);
  });

  it('upgrades ec1 envelopes (written before ec2) to ec2 on rotation, even on the current key, and they keep working', async () => {
    const values: Record<string, string> = { ...SANDBOX_CLIENT, ...SANDBOX_ACCOUNTS.harbour };
    const legacy = Object.fromEntries(FIELDS.map((f) => [f, legacyEc1Envelope(keyB, values[f], f)]));
    await app.strapi.db.query(CREDENTIAL).update({ where: { id: credentialId }, data: legacy });
    const credentials = app.strapi.plugin('easycars').service('credentials');
    expect(credentials.decrypt(await credentials.findById(credentialId))).toMatchObject(values);

    const rotation = app.strapi.plugin('easycars').service('keyRotation');
    const report = await rotation.rotateAll();
    // Northside's four were written as ec2 under key B already.
    expect(report).toMatchObject({ credentials: 2, reencrypted: 4, upgraded: 4, alreadyCurrent: 4 });
    const row = await envelopes();
    for (const field of FIELDS) expect(row[field].startsWith(`ec2:${report.currentKeyId}:`)).toBe(true);
    expect(credentials.decrypt(await credentials.findById(credentialId))).toMatchObject(values);
    expect(await rotation.rotateAll()).toMatchObject({ reencrypted: 0, upgraded: 0, alreadyCurrent: 8 });
  });

  it('with the wrong key, names the credential and the missing key, never the secret; rotation changes nothing', async () => {
    const before = await envelopes();
    await app.destroy({ keepDatabase: true });
    app = await startStrapi({ database: app.db, env: { EASYCARS_ENCRYPTION_KEY: keyA, EASYCARS_ENCRYPTION_OLD_KEYS: '' } });
    const credentials = app.strapi.plugin('easycars').service('credentials');
    const row = await credentials.findById(credentialId);
    let message = '';
    try {
      credentials.decrypt(row);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(new RegExp(`EasyCars credential ${credentialId} .*clientId.*encrypted with key [0-9a-f]{8}`));
    expect(message).not.toContain(SANDBOX_CLIENT.clientId);
    await expect(app.strapi.plugin('easycars').service('keyRotation').rotateAll()).rejects.toMatchObject({
      message: expect.stringMatching(/Cannot decrypt EasyCars credential/),
    });
    expect(await envelopes()).toEqual(before);
  });
});
