import type { CredentialRow } from './types';

/** Last four characters, the rest masked: enough to recognise a ClientID, not to use it. */
export function maskTail(value: string | null | undefined): string | null {
  if (!value) return null;
  return `••••${value.slice(-4)}`;
}

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
