import { createHash } from 'node:crypto';

export const KEY_HELP =
  'Generate one with: node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'base64\'))" ' +
  'and set it as EASYCARS_ENCRYPTION_KEY.';

export interface EncryptionKey {
  /** Short, non-secret fingerprint stored in every envelope so we know which key made it. */
  id: string;
  key: Buffer;
}

export class EncryptionKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncryptionKeyError';
  }
}

export function keyFingerprint(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/** Parses a base64 key that must decode to exactly 32 bytes (AES-256). `label` names the setting, never the value. */
export function parseKey(base64: string, label: string): EncryptionKey {
  const trimmed = base64.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
    throw new EncryptionKeyError(`${label} is not valid base64. ${KEY_HELP}`);
  }
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new EncryptionKeyError(`${label} must decode to 32 bytes (AES-256); it decodes to ${key.length}. ${KEY_HELP}`);
  }
  return { id: keyFingerprint(key), key };
}

/** Splits EASYCARS_ENCRYPTION_OLD_KEYS-style lists (comma or whitespace separated). */
export function parseKeyList(value: string | string[] | undefined, label: string): EncryptionKey[] {
  const parts = Array.isArray(value) ? value : (value ?? '').split(/[\s,]+/);
  return parts.filter((p) => p.trim() !== '').map((p, i) => parseKey(p, `${label}[${i}]`));
}
