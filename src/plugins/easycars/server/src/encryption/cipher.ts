import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EncryptionKey } from './keys';

/**
 * Envelope format, version 1:  ec1:<keyId>:<iv>:<tag>:<ciphertext>  (base64url parts)
 * AES-256-GCM, a fresh 96-bit IV per value, the 128-bit auth tag checked on decrypt.
 * The field name is bound in as additional authenticated data, so a value cannot be
 * moved from one field (say accountNumber) to another (clientSecret) unnoticed.
 */
const VERSION = 'ec1';
const IV_BYTES = 12;

export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecryptionError';
  }
}

export interface Cipher {
  encrypt(plaintext: string, field: string): string;
  /** `label` names what is being decrypted (e.g. "credential 4 clientSecret") for the error message. */
  decrypt(envelope: string, field: string, label: string): string;
  /** The id of the key an envelope was made with, or null if it is not an envelope. */
  keyIdOf(envelope: string): string | null;
  readonly currentKeyId: string;
}

export function isEnvelope(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(`${VERSION}:`) && value.split(':').length === 5;
}

export function createCipher(current: EncryptionKey, older: EncryptionKey[] = []): Cipher {
  const keys = new Map<string, Buffer>();
  for (const k of [current, ...older]) if (!keys.has(k.id)) keys.set(k.id, k.key);

  return {
    currentKeyId: current.id,

    encrypt(plaintext, field) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      cipher.setAAD(Buffer.from(field, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, current.id, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join(':');
    },

    decrypt(envelope, field, label) {
      if (!isEnvelope(envelope)) {
        throw new DecryptionError(`Cannot decrypt ${label}: the stored value is not an encrypted envelope (ec1).`);
      }
      const [, keyId, ivB64, tagB64, dataB64] = envelope.split(':');
      const key = keys.get(keyId);
      if (!key) {
        throw new DecryptionError(
          `Cannot decrypt ${label}: it was encrypted with key ${keyId}, which is neither EASYCARS_ENCRYPTION_KEY ` +
            `nor listed in EASYCARS_ENCRYPTION_OLD_KEYS. Restore that key (see docs/encryption.md) or re-enter the credential.`,
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivB64, 'base64url'));
        decipher.setAAD(Buffer.from(field, 'utf8'));
        decipher.setAuthTag(Buffer.from(tagB64, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(dataB64, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new DecryptionError(
          `Cannot decrypt ${label}: the authentication tag does not match (the value was altered, or key ${keyId} is not the key that made it).`,
        );
      }
    },

    keyIdOf(envelope) {
      return isEnvelope(envelope) ? envelope.split(':')[1] : null;
    },
  };
}
