import type { CredentialRow } from './types';

/** Last four characters, the rest masked: enough to recognise a ClientID, not to use it. */
export function maskTail(value: string | null | undefined): string | null {
  if (!value) return null;
  return `••••${value.slice(-4)}`;
}

/** "EC114575" → "EC••••75": enough to tell accounts apart in a list, not to use one. */
export function maskAccountNumber(value: string | null | undefined): string | null {
  if (!value) return null;
  if (value.length <= 4) return '••••';
  return `${value.slice(0, 2)}••••${value.slice(-2)}`;
}

export const UNREADABLE_CREDENTIAL_MESSAGE = 'Credentials cannot be read — check the encryption key.';

/**
 * The credential as the admin API shows it: metadata only. No secret, no envelope,
 * and the ClientID only as its last four characters.
 */
export function toPublicCredential(row: CredentialRow, accountNumber: string | null) {
  return {
    id: row.id,
    dealership: row.dealership,
    environment: row.environment,
    accountNumber,
    clientId: row.clientIdHint ? `••••${row.clientIdHint}` : null,
    hasClientId: Boolean(row.clientId),
    hasClientSecret: Boolean(row.clientSecret),
    hasAccountSecret: Boolean(row.accountSecret),
    /** The lead service's own client pair: masked ClientID only, or null when the main pair serves leads too. */
    leadClient: row.leadClientId
      ? { clientId: row.leadClientIdHint ? `••••${row.leadClientIdHint}` : null, hasClientSecret: Boolean(row.leadClientSecret) }
      : null,
    yardCode: row.yardCode ?? null,
    isActive: row.isActive,
    sync: {
      stock: {
        enabled: row.stockSyncEnabled,
        schedule: row.stockSchedule,
        time: row.stockScheduleTime,
        cron: row.stockScheduleCron,
        images: row.imageSyncEnabled,
      },
      leads: {
        enabled: row.leadSyncEnabled,
        schedule: row.leadSchedule,
        time: row.leadScheduleTime,
        cron: row.leadScheduleCron,
        conflictStrategy: row.leadConflictStrategy,
      },
    },
    lastTest: row.lastTestedAt ? { at: row.lastTestedAt, ok: row.lastTestOk, message: row.lastTestMessage } : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type PublicCredential = ReturnType<typeof toPublicCredential>;
