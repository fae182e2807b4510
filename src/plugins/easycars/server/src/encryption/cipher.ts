import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EncryptionKey } from './keys';
import { aadFor, bindingFingerprint, type SecretBinding } from './binding';
import { CURRENT_VERSION, formatEnvelope, parseEnvelope, versionOf, type EnvelopeVersion } from './envelope';

/**
 * AES-256-GCM, a fresh 96-bit IV per value, the 128-bit auth tag checked on decrypt.
 * The dealership and the field name are bound in as additional authenticated data, so a
 * value cannot be moved to another field, nor to another dealership's credential, unnoticed.
 */
const IV_BYTES = 12;
// Fixed, so a stored tag cut short (GCM accepts 4 bytes) cannot weaken the check.
const TAG_BYTES = 16;

export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecryptionError';
  }
}

export interface Cipher {
  /** Always the current envelope version (ec2), made with the current key. */
  encrypt(plaintext: string, binding: SecretBinding): string;
  /** `label` names what is being decrypted (e.g. "credential 4 clientSecret") for the error message. */
  decrypt(envelope: string, binding: SecretBinding, label: string): string;
  /** The id of the key an envelope was made with, or null if it is not an envelope. */
  keyIdOf(envelope: string): string | null;
  /** The envelope's format version, or null if it is not an envelope. */
  versionOf(envelope: string): EnvelopeVersion | null;
  readonly currentKeyId: string;
}

export function createCipher(current: EncryptionKey, older: EncryptionKey[] = []): Cipher {
  const keys = new Map<string, Buffer>();
  for (const k of [current, ...older]) if (!keys.has(k.id)) keys.set(k.id, k.key);

  return {
    currentKeyId: current.id,

    encrypt(plaintext, binding) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aadFor(CURRENT_VERSION, binding));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return formatEnvelope({
        version: CURRENT_VERSION,
        keyId: current.id,
        binding: bindingFingerprint(binding),
        iv,
        tag: cipher.getAuthTag(),
        ciphertext,
      });
    },

    decrypt(value, binding, label) {
      const envelope = parseEnvelope(value);
      if (!envelope) {
        throw new DecryptionError(`Cannot decrypt ${label}: the stored value is not an encrypted envelope (ec1 or ec2).`);
      }
      const key = keys.get(envelope.keyId);
      if (!key) {
        throw new DecryptionError(
          `Cannot decrypt ${label}: it was encrypted with key ${envelope.keyId}, which is neither EASYCARS_ENCRYPTION_KEY ` +
            `nor listed in EASYCARS_ENCRYPTION_OLD_KEYS. Restore that key (see docs/encryption.md) or re-enter the credential.`,
        );
      }
      if (envelope.version === 'ec2' && envelope.binding !== bindingFingerprint(binding)) {
        throw new DecryptionError(
          `Cannot decrypt ${label}: the value is bound to another record (another dealership's credential or another field) ` +
            `and was copied here. Re-enter the credential in EasyCars → Credentials.`,
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, envelope.iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(aadFor(envelope.version, binding));
        decipher.setAuthTag(envelope.tag);
        return Buffer.concat([decipher.update(envelope.ciphertext), decipher.final()]).toString('utf8');
      } catch {
        throw new DecryptionError(
          `Cannot decrypt ${label}: the authentication tag does not match (the value was altered or copied from another record, ` +
            `or key ${envelope.keyId} is not the key that made it).`,
        );
      }
    },

    keyIdOf(value) {
      return parseEnvelope(value)?.keyId ?? null;
    },

    versionOf(value) {
      return versionOf(value);
    },
  };
}
