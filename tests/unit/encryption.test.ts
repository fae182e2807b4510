import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createCipher, DecryptionError, EncryptionKeyError, loadKeys, parseEnvelope, parseKey } from '../../src/plugins/easycars/server/src/encryption';
import { legacyEc1Envelope } from '../helpers/legacy-envelope';

const newKey = () => parseKey(randomBytes(32).toString('base64'), 'test key');

describe('credential encryption (AES-256-GCM)', () => {
  const base64Key = randomBytes(32).toString('base64');
  const key = parseKey(base64Key, 'test key');
  const cipher = createCipher(key);
  const secret = '7326AF23-714A-41A5-A74F-EC77B4E4F2F2';
  const harbour = (field: string) => ({ dealership: 'harbour-doc-id', field });
  const north = (field: string) => ({ dealership: 'north-doc-id', field });

  const errorOf = (fn: () => unknown): Error => {
    try {
      fn();
    } catch (e) {
      return e as Error;
    }
    throw new Error('expected an error');
  };

  it('round-trips, including the empty string and unicode', () => {
    for (const value of [secret, '', 'ключ – 🔑']) {
      expect(cipher.decrypt(cipher.encrypt(value, harbour('clientSecret')), harbour('clientSecret'), 'x')).toBe(value);
    }
  });

  it('uses a fresh IV every time and never contains the plaintext', () => {
    const a = cipher.encrypt(secret, harbour('clientSecret'));
    const b = cipher.encrypt(secret, harbour('clientSecret'));
    expect(a).not.toBe(b);
    expect(parseEnvelope(a)!.iv.equals(parseEnvelope(b)!.iv)).toBe(false);
    expect(a).not.toContain(secret);
  });

  it('writes an ec2 envelope naming the key and a fingerprint of its binding, not the dealership itself', () => {
    const envelope = cipher.encrypt(secret, harbour('clientSecret'));
    const [version, keyId, binding] = envelope.split(':');
    expect(envelope.split(':')).toHaveLength(6);
    expect(version).toBe('ec2');
    expect(keyId).toBe(key.id);
    expect(binding).toMatch(/^[0-9a-f]{8}$/);
    expect(envelope).not.toContain('harbour-doc-id');
    expect(cipher.keyIdOf(envelope)).toBe(key.id);
    expect(cipher.versionOf(envelope)).toBe('ec2');
  });

  it("refuses an ec2 value copied into another dealership's credential, saying it is bound to another record", () => {
    const envelope = cipher.encrypt(secret, harbour('accountSecret'));
    const error = errorOf(() => cipher.decrypt(envelope, north('accountSecret'), 'EasyCars credential 9 (dealership north-doc-id) accountSecret'));
    expect(error).toBeInstanceOf(DecryptionError);
    expect(error.message).toContain('EasyCars credential 9 (dealership north-doc-id) accountSecret');
    expect(error.message).toContain('bound to another record');
    expect(error.message).not.toContain(secret);
  });

  it("refuses an ec2 value copied to another dealership even with the binding fingerprint rewritten to match", () => {
    const parts = cipher.encrypt(secret, harbour('accountSecret')).split(':');
    const forged = cipher.encrypt('anything', north('accountSecret')).split(':')[2];
    const moved = [parts[0], parts[1], forged, ...parts.slice(3)].join(':');
    expect(() => cipher.decrypt(moved, north('accountSecret'), 'credential 9 accountSecret')).toThrow(/authentication tag does not match/);
  });

  it('refuses an ec2 value relabelled as ec1 (no downgrade to the field-only binding)', () => {
    const [, keyId, , ...data] = cipher.encrypt(secret, harbour('clientSecret')).split(':');
    const downgraded = ['ec1', keyId, ...data].join(':');
    expect(() => cipher.decrypt(downgraded, north('clientSecret'), 'x')).toThrow(DecryptionError);
    expect(() => cipher.decrypt(downgraded, harbour('clientSecret'), 'x')).toThrow(DecryptionError);
  });

  it('still reads ec1 envelopes (field-only binding) for any dealership, and refuses them in another field', () => {
    const old = legacyEc1Envelope(base64Key, secret, 'clientSecret');
    expect(cipher.versionOf(old)).toBe('ec1');
    expect(cipher.keyIdOf(old)).toBe(key.id);
    expect(cipher.decrypt(old, harbour('clientSecret'), 'x')).toBe(secret);
    expect(() => cipher.decrypt(old, harbour('accountSecret'), 'x')).toThrow(DecryptionError);
  });

  it('rejects a tampered ciphertext, IV or tag (ec2 and ec1), naming the credential but not the secret', () => {
    const envelopes = [cipher.encrypt(secret, harbour('clientSecret')), legacyEc1Envelope(base64Key, secret, 'clientSecret')];
    for (const envelope of envelopes) {
      const parts = envelope.split(':');
      const dataParts = parts.length === 6 ? [3, 4, 5] : [2, 3, 4];
      for (const i of dataParts) {
        const bytes = Buffer.from(parts[i], 'base64url');
        bytes[0] ^= 0xff;
        const tampered = [...parts.slice(0, i), bytes.toString('base64url'), ...parts.slice(i + 1)].join(':');
        const error = errorOf(() => cipher.decrypt(tampered, harbour('clientSecret'), 'EasyCars credential 7 clientSecret'));
        expect(error).toBeInstanceOf(DecryptionError);
        expect(error.message).toContain('EasyCars credential 7 clientSecret');
        expect(error.message).not.toContain(secret);
      }
    }
  });

  it('rejects a tag cut short', () => {
    const parts = cipher.encrypt(secret, harbour('clientSecret')).split(':');
    parts[4] = Buffer.from(parts[4], 'base64url').subarray(0, 4).toString('base64url');
    expect(() => cipher.decrypt(parts.join(':'), harbour('clientSecret'), 'x')).toThrow(DecryptionError);
  });

  it('rejects a value moved to another field', () => {
    const envelope = cipher.encrypt(secret, harbour('clientSecret'));
    expect(() => cipher.decrypt(envelope, harbour('accountSecret'), 'credential 1 accountSecret')).toThrow(/bound to another record/);
  });

  it('rejects a value made with an unknown key, saying which key it needs', () => {
    const other = createCipher(newKey());
    const envelope = other.encrypt(secret, harbour('clientSecret'));
    expect(() => cipher.decrypt(envelope, harbour('clientSecret'), 'credential 2 clientSecret')).toThrow(/encrypted with key [0-9a-f]{8}/);
  });

  it('decrypts with an old key after rotation, and encrypts only with the current one', () => {
    const oldKey = newKey();
    const before = createCipher(oldKey).encrypt(secret, harbour('accountSecret'));
    const rotated = createCipher(newKey(), [oldKey]);
    expect(rotated.decrypt(before, harbour('accountSecret'), 'x')).toBe(secret);
    expect(rotated.keyIdOf(rotated.encrypt(secret, harbour('accountSecret')))).toBe(rotated.currentKeyId);
    expect(rotated.currentKeyId).not.toBe(oldKey.id);
  });

  it('rejects non-envelopes', () => {
    expect(() => cipher.decrypt(secret, harbour('clientSecret'), 'credential 3 clientSecret')).toThrow(/not an encrypted envelope/);
    expect(cipher.versionOf('ec2:a:b:c')).toBeNull();
    expect(cipher.keyIdOf(secret)).toBeNull();
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
