import { LEAD_CLIENT_FIELDS, SECRET_FIELDS, secretValueOf, type CredentialRow, type DecryptedCredential, type SecretField } from './types';
import type { UpdateCredentialInput } from './validation';

/** Fields whose change means the stored "last test" no longer describes the connection. */
export const CONNECTION_FIELDS = ['environment', ...SECRET_FIELDS] as const;

export interface SplitUpdate {
  fields: Record<string, unknown>;
  secrets: Partial<Record<SecretField, string>>;
  /** Names only (for the audit trail and logs), never values. */
  changed: string[];
  connectionChanged: boolean;
  /** The stored lead service client pair is to be forgotten. */
  removeLeadClient: boolean;
}

/**
 * Splits a validated update into plain fields and secrets, keeping only what really changes.
 * Secrets are compared with the decrypted stored values, so re-sending the same value is not a change.
 */
export function splitUpdate(input: UpdateCredentialInput, row: CredentialRow, current: DecryptedCredential): SplitUpdate {
  const fields: Record<string, unknown> = {};
  const secrets: Partial<Record<SecretField, string>> = {};
  const changed: string[] = [];
  const removeLeadClient = Boolean(input.removeLeadClient && current.leadClient);
  if (removeLeadClient) changed.push(...LEAD_CLIENT_FIELDS);
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || key === 'removeLeadClient') continue;
    if ((SECRET_FIELDS as readonly string[]).includes(key)) {
      const field = key as SecretField;
      if (secretValueOf(current, field) !== value) {
        secrets[field] = value as string;
        changed.push(field);
      }
    } else if ((row as unknown as Record<string, unknown>)[key] !== value) {
      fields[key] = value;
      changed.push(key);
    }
  }
  const connectionChanged = changed.some((f) => (CONNECTION_FIELDS as readonly string[]).includes(f));
  return { fields, secrets, changed, connectionChanged, removeLeadClient };
}
