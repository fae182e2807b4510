import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createCipher, DecryptionError, EncryptionKeyError, loadKeys, parseKey } from '../../src/plugins/easycars/server/src/encryption';

const newKey = () => parseKey(randomBytes(32).toString('base64'), 'test key');

describe('credential encryption (AES-256-GCM)', () => {
  const key = newKey();
  const cipher = createCipher(key);
  const secret = '7326AF23-714A-41A5-A74F-EC77B4E4F2F2';

  it('round-trips, including the empty string and unicode', () => {
    for (const value of [secret, '', 'ключ – 🔑']) {
      expect(cipher.decrypt(cipher.encrypt(value, 'clientSecret'), 'clientSecret', 'x')).toBe(value);
    }
  });

  it('uses a fresh IV every time and never contains the plaintext', () => {
    const a = cipher.encrypt(secret, 'clientSecret');
    const b = cipher.encrypt(secret, 'clientSecret');
    expect(a).not.toBe(b);
    expect(a.split(':')[2]).not.toBe(b.split(':')[2]);
    expect(a).not.toContain(secret);
  });

  it('writes a versioned envelope naming the key', () => {
    const [version, keyId] = cipher.encrypt(secret, 'clientSecret').split(':');
    expect(version).toBe('ec1');
    expect(keyId).toBe(key.id);
    expect(cipher.keyIdOf(cipher.encrypt('x', 'f'))).toBe(key.id);
  });

  it('rejects a tampered ciphertext, IV or tag, naming the credential but not the secret', () => {
    const envelope = cipher.encrypt(secret, 'clientSecret');
    const parts = envelope.split(':');
    for (const i of [2, 3, 4]) {
      const bytes = Buffer.from(parts[i], 'base64url');
      bytes[0] ^= 0xff;
      const tampered = [...parts.slice(0, i), bytes.toString('base64url'), ...parts.slice(i + 1)].join(':');
      let error: unknown;
      try {
        cipher.decrypt(tampered, 'clientSecret', 'EasyCars credential 7 clientSecret');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DecryptionError);
      expect((error as Error).message).toContain('EasyCars credential 7 clientSecret');
      expect((error as Error).message).not.toContain(secret);
    }
  });

  it('rejects a value moved to another field', () => {
    const envelope = cipher.encrypt(secret, 'clientSecret');
    expect(() => cipher.decrypt(envelope, 'accountSecret', 'credential 1 accountSecret')).toThrow(DecryptionError);
  });

  it('rejects a value made with an unknown key, saying which key it needs', () => {
    const other = createCipher(newKey());
    const envelope = other.encrypt(secret, 'clientSecret');
    expect(() => cipher.decrypt(envelope, 'clientSecret', 'credential 2 clientSecret')).toThrow(/encrypted with key [0-9a-f]{8}/);
  });

  it('decrypts with an old key after rotation, and encrypts only with the current one', () => {
    const oldKey = newKey();
    const before = createCipher(oldKey).encrypt(secret, 'accountSecret');
    const rotated = createCipher(newKey(), [oldKey]);
    expect(rotated.decrypt(before, 'accountSecret', 'x')).toBe(secret);
    expect(rotated.keyIdOf(rotated.encrypt(secret, 'accountSecret'))).toBe(rotated.currentKeyId);
    expect(rotated.currentKeyId).not.toBe(oldKey.id);
  });

  it('rejects non-envelopes', () => {
    expect(() => cipher.decrypt(secret, 'clientSecret', 'credential 3 clientSecret')).toThrow(/not an encrypted envelope/);
  });
});

describe('encryption keys', () => {
  it('requires 32 bytes of base64 and says how to make a key', () => {
    expect(() => parseKey(randomBytes(16).toString('base64'), 'EASYCARS_ENCRYPTION_KEY')).toThrow(/32 bytes.*randomBytes\(32\)/);
    expect(() => parseKey('not base64 !!', 'EASYCARS_ENCRYPTION_KEY')).toThrow(EncryptionKeyError);
  });

  it('refuses to start in production without a key', () => {
    expect(() => loadKeys({ isProduction: true, devKeyFile: '/nonexistent' })).toThrow(/EASYCARS_ENCRYPTION_KEY is not set.*randomBytes/);
  });

  it('outside production too, refuses without a key unless a development key was asked for', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eckey-')), 'dev.key');
    expect(() => loadKeys({ isProduction: false, devKeyFile: file })).toThrow(/EASYCARS_ENCRYPTION_KEY is not set.*EASYCARS_DEV_KEY=generate/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('never makes a development key in production, even when asked', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eckey-')), 'dev.key');
    expect(() => loadKeys({ isProduction: true, generateDevKey: true, devKeyFile: file })).toThrow(/production refuses/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('when asked (EASYCARS_DEV_KEY=generate), keeps a development key in a file and reuses it', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eckey-')), 'dev.key');
    const first = loadKeys({ isProduction: false, generateDevKey: true, devKeyFile: file });
    const second = loadKeys({ isProduction: false, generateDevKey: true, devKeyFile: file });
    expect(first.current.id).toBe(second.current.id);
    expect(first.devKeyFile).toBe(file);
  });

  it('reads old keys from a comma-separated list', () => {
    const a = randomBytes(32).toString('base64');
    const b = randomBytes(32).toString('base64');
    const keys = loadKeys({ isProduction: true, encryptionKey: randomBytes(32).toString('base64'), oldEncryptionKeys: `${a}, ${b}`, devKeyFile: '' });
    expect(keys.older).toHaveLength(2);
  });
});
