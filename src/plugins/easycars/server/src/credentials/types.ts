export type Environment = 'test' | 'production';
export type ScheduleKind = 'hourly' | 'daily' | 'custom';
export type ConflictStrategy = 'manual' | 'local_wins' | 'easycars_wins';

export const SECRET_FIELDS = ['clientId', 'clientSecret', 'accountNumber', 'accountSecret'] as const;
export type SecretField = (typeof SECRET_FIELDS)[number];

/** A credential row as stored: the four SECRET_FIELDS hold encrypted envelopes (encryption/envelope.ts). */
export interface CredentialRow {
  id: number;
  dealership: string;
  environment: Environment;
  clientId: string | null;
  clientSecret: string | null;
  accountNumber: string | null;
  accountSecret: string | null;
  clientIdHint: string | null;
  yardCode: string | null;
  isActive: boolean;
  stockSyncEnabled: boolean;
  stockSchedule: ScheduleKind;
  stockScheduleTime: string | null;
  stockScheduleCron: string | null;
  imageSyncEnabled: boolean;
  leadSyncEnabled: boolean;
  leadSchedule: ScheduleKind;
  leadScheduleTime: string | null;
  leadScheduleCron: string | null;
  leadConflictStrategy: ConflictStrategy;
  lastTestedAt: string | null;
  lastTestOk: boolean | null;
  lastTestMessage: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What the EasyCars client needs to talk for one dealership. Never leaves the server. */
export interface DecryptedCredential {
  id: number;
  dealership: string;
  environment: Environment;
  clientId: string;
  clientSecret: string;
  accountNumber: string;
  accountSecret: string;
  yardCode: string | null;
}
