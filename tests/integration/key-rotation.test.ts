import { randomBytes } from 'node:crypto';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { createCredential, createDealership, SANDBOX_ACCOUNTS, SANDBOX_CLIENT } from '../helpers/fixtures';

/**
 * Key rotation end to end: credentials saved under key A stay readable when B becomes the
 * current key with A listed as old; rotateAll() re-encrypts them with B, after which A can go.
 */
describe(`encryption key rotation (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  const keyA = randomBytes(32).toString('base64');
  const keyB = randomBytes(32).toString('base64');
  let app: TestApp;
  let credentialId: number;

  const envelopes = async () =>
    app.strapi.db.query('plugin::easycars.credential' as never).findOne({ where: { id: credentialId } }) as Promise<Record<string, string>>;
  const keyIds = async () => {
    const row = await envelopes();
    return ['clientId', 'clientSecret', 'accountNumber', 'accountSecret'].map((f) => row[f].split(':')[1]);
  };

  afterAll(async () => {
    await app?.destroy();
  });

  it('stores every secret as an ec1 envelope under the current key, never in clear', async () => {
    app = await startStrapi({ env: { EASYCARS_ENCRYPTION_KEY: keyA, EASYCARS_ENCRYPTION_OLD_KEYS: '' } });
    const dealership = await createDealership(app.strapi, 'Rotation Motors');
    credentialId = (await createCredential(app.strapi, dealership.documentId)).id;
    const row = await envelopes();
    for (const value of Object.values(row)) {
      expect(String(value)).not.toContain(SANDBOX_CLIENT.clientSecret);
      expect(String(value)).not.toContain(SANDBOX_ACCOUNTS.harbour.accountSecret);
    }
    expect(new Set(await keyIds()).size).toBe(1);
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
