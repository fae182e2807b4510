/** Types and calls of the credentials admin API (/easycars/credentials, /easycars/test-connection). */
export type Environment = 'test' | 'production';
export type SyncSchedule = 'hourly' | 'daily' | 'custom';

export interface LastTest {
  at: string;
  ok: boolean | null;
  message: string | null;
}

export interface CredentialView {
  id: number;
  dealership: string;
  environment: Environment;
  accountNumber: string | null;
  /** false when the stored values cannot be decrypted (accountNumber is then null; enter them again). */
  readable?: boolean;
  error?: string;
  /** Masked: the last four characters only. */
  clientId: string | null;
  hasClientId: boolean;
  hasClientSecret: boolean;
  hasAccountSecret: boolean;
  /** The lead service's own client pair (masked ClientID), or null when the main pair serves leads too. */
  leadClient: { clientId: string | null; hasClientSecret: boolean } | null;
  yardCode: string | null;
  isActive: boolean;
  /** The schedules kept on the credential (the Stock and Leads pages edit them). */
  sync?: {
    stock?: Partial<{ enabled: boolean; schedule: SyncSchedule; time: string | null; cron: string | null; images: boolean }>;
    leads?: Partial<{ enabled: boolean; schedule: SyncSchedule; time: string | null; cron: string | null; conflictStrategy: string }>;
  };
  lastTest: LastTest | null;
  createdAt: string;
  updatedAt: string;
}

export interface CredentialFormValues {
  environment: Environment;
  clientId: string;
  clientSecret: string;
  accountNumber: string;
  accountSecret: string;
  yardCode: string;
  /** Optional: only when EasyCars gave the dealer a separate client pair for the LeadService. */
  leadClientId: string;
  leadClientSecret: string;
  /** Editing: forget the stored lead service client pair. */
  removeLeadClient: boolean;
}

import type { ConnectionTestResult } from '../../../shared/connection-test';

export type { FailedPair, FailureReason, LeadServiceCheck, StockServiceCheck } from '../../../shared/connection-test';
export type TestResult = ConnectionTestResult;

/** The subset of useFetchClient() these calls need (kept small so components can be tested). */
export interface FetchClient {
  get: (url: string, config?: any) => Promise<{ data: any }>;
  post: (url: string, body?: unknown) => Promise<{ data: any }>;
  put: (url: string, body?: unknown) => Promise<{ data: any }>;
  del: (url: string) => Promise<{ data: any }>;
}

const SECRET_KEYS = ['clientId', 'clientSecret', 'accountSecret', 'leadClientId', 'leadClientSecret'] as const;
/** Optional on create too: blank means "not set", so they are only ever sent when filled in. */
const OPTIONAL_KEYS = new Set<string>(['leadClientId', 'leadClientSecret']);

/** The form's values as the API wants them: blank secrets left out (= keep the stored ones). */
export function toPayload(values: CredentialFormValues, editing: boolean): Record<string, string | boolean | null> {
  const out: Record<string, string | boolean | null> = {
    environment: values.environment,
    accountNumber: values.accountNumber.trim(),
    yardCode: values.yardCode.trim() || null,
  };
  for (const key of SECRET_KEYS) {
    const value = values[key].trim();
    if (value || (!editing && !OPTIONAL_KEYS.has(key))) out[key] = value;
  }
  return out;
}

export function credentialsApi(client: FetchClient) {
  return {
    async get(dealership: string): Promise<CredentialView | null> {
      const res = await client.get('/easycars/credentials', { params: { dealership } });
      return res.data.data;
    },
    /** Changes some fields of the stored credential (schedules, the on/off switch); the server checks each field's permission. */
    async updateFields(id: number, fields: Record<string, unknown>): Promise<CredentialView> {
      const res = await client.put(`/easycars/credentials/${id}`, fields);
      return res.data.data;
    },
    async create(dealership: string, values: CredentialFormValues): Promise<CredentialView> {
      const res = await client.post('/easycars/credentials', { dealership, ...toPayload(values, false) });
      return res.data.data;
    },
    async update(id: number, values: CredentialFormValues): Promise<CredentialView> {
      const res = await client.put(`/easycars/credentials/${id}`, { ...toPayload(values, true), ...(values.removeLeadClient ? { removeLeadClient: true } : {}) });
      return res.data.data;
    },
    async remove(id: number): Promise<void> {
      await client.del(`/easycars/credentials/${id}`);
    },
    /** Tests the form's values; when editing, blank secrets are taken from the stored credential. */
    async test(dealership: string, values: CredentialFormValues, stored: CredentialView | null): Promise<TestResult> {
      const body = stored
        ? { credential: stored.id, ...toPayload(values, true), ...(values.removeLeadClient ? { removeLeadClient: true } : {}) }
        : { dealership, ...toPayload(values, false) };
      const res = await client.post('/easycars/test-connection', body);
      return res.data.data;
    },
    async testStored(id: number): Promise<TestResult> {
      const res = await client.post('/easycars/test-connection', { credential: id });
      return res.data.data;
    },
  };
}

export type CredentialsApi = ReturnType<typeof credentialsApi>;
