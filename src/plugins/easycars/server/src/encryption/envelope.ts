/**
 * Stored envelope formats (base64url parts, keyId and binding are 8 hex characters):
 *   ec1:<keyId>:<iv>:<tag>:<ciphertext>            field name as AAD (read only, upgraded by rotation)
 *   ec2:<keyId>:<binding>:<iv>:<tag>:<ciphertext>  dealership + field as AAD (written)
 */
export type EnvelopeVersion = 'ec1' | 'ec2';
export const CURRENT_VERSION: EnvelopeVersion = 'ec2';

export interface Envelope {
  version: EnvelopeVersion;
  keyId: string;
  /** ec2 only: fingerprint of the dealership + field it was made for. */
  binding?: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

const PART_COUNT: Record<EnvelopeVersion, number> = { ec1: 5, ec2: 6 };

export function versionOf(value: unknown): EnvelopeVersion | null {
  if (typeof value !== 'string') return null;
  const [version] = value.split(':', 1);
  if (version !== 'ec1' && version !== 'ec2') return null;
  return value.split(':').length === PART_COUNT[version] ? version : null;
}

export function isEnvelope(value: unknown): value is string {
  return versionOf(value) !== null;
}

export function parseEnvelope(value: string): Envelope | null {
  const version = versionOf(value);
  if (!version) return null;
  const parts = value.split(':');
  const [keyId, ...rest] = parts.slice(1);
  const binding = version === 'ec2' ? rest.shift() : undefined;
  const [iv, tag, ciphertext] = rest.map((p) => Buffer.from(p, 'base64url'));
  return { version, keyId, binding, iv, tag, ciphertext };
}

export function formatEnvelope(e: Envelope): string {
  const data = [e.iv, e.tag, e.ciphertext].map((b) => b.toString('base64url'));
  return [e.version, e.keyId, ...(e.version === 'ec2' ? [e.binding ?? ''] : []), ...data].join(':');
}
