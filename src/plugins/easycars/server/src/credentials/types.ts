export type Environment = 'test' | 'production';
export type ScheduleKind = 'hourly' | 'daily' | 'custom';
export type ConflictStrategy = 'manual' | 'local_wins' | 'easycars_wins';

/** Every connection needs these four. */
export const REQUIRED_SECRET_FIELDS = ['clientId', 'clientSecret', 'accountNumber', 'accountSecret'] as const;
/** The lead service's own client pair: optional, both or neither. */
export const LEAD_CLIENT_FIELDS = ['leadClientId', 'leadClientSecret'] as const;
export const SECRET_FIELDS = [...REQUIRED_SECRET_FIELDS, ...LEAD_CLIENT_FIELDS] as const;
export type SecretField = (typeof SECRET_FIELDS)[number];

/** A credential row as stored: the SECRET_FIELDS hold encrypted envelopes (encryption/envelope.ts; the lead pair may be null). */
export interface CredentialRow {
  id: number;
  dealership: string;
  environment: Environment;
  clientId: string | null;
  clientSecret: string | null;
  accountNumber: string | null;
  accountSecret: string | null;
  clientIdHint: string | null;
  leadClientId: string | null;
  leadClientSecret: string | null;
  leadClientIdHint: string | null;
  yardCode: string | null;
  isActive: boolean;
  stockSyncEnabled: boolean;
  stockSchedule: ScheduleKind;
  stockScheduleTime: string | null;
  stockScheduleCron: string | null;
  /** FR20: a field edited here that EasyCars changes too: EasyCars wins, this site wins, or manual review. */
  stockConflictStrategy?: 'easycars' | 'local' | 'review';
  stockFieldStrategies?: Record<string, 'easycars' | 'local' | 'review'> | null;
  /** Scheduled reconciliation (off by default): daily or weekly at 03:00 in the dealership's timezone. */
  reconciliationSchedule?: 'off' | 'daily' | 'weekly';
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
  /** The lead service's own client pair; null means the main pair serves the LeadService too. */
  leadClient: { clientId: string; clientSecret: string } | null;
}

/** A decrypted credential's value for one secret field ('' for an unset lead pair). */
export function secretValueOf(credential: DecryptedCredential, field: SecretField): string {
  if (field === 'leadClientId') return credential.leadClient?.clientId ?? '';
  if (field === 'leadClientSecret') return credential.leadClient?.clientSecret ?? '';
  return credential[field];
}
