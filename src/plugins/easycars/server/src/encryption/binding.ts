import { createHash } from 'node:crypto';

/**
 * What a stored secret belongs to. A dealership has exactly one credential (unique index on
 * easycars_credentials.dealership), so dealership + field names one value of one credential,
 * and both are known before the row is inserted.
 */
export interface SecretBinding {
  dealership: string;
  field: string;
}

/** Additional authenticated data. ec1 bound the field only; ec2 binds the dealership too. */
export function aadFor(version: 'ec1' | 'ec2', binding: SecretBinding): Buffer {
  if (version === 'ec1') return Buffer.from(binding.field, 'utf8');
  // JSON of an array: unambiguous wherever the separators appear in the values.
  return Buffer.from(JSON.stringify([version, binding.dealership, binding.field]), 'utf8');
}

/**
 * A short, non-secret fingerprint of the binding, stored in ec2 envelopes so that a value
 * copied to another record can be named as such. Only a diagnostic: the AAD is what protects.
 */
export function bindingFingerprint(binding: SecretBinding): string {
  return createHash('sha256').update(aadFor('ec2', binding)).digest('hex').slice(0, 8);
}
