/** Types and calls of the credentials admin API (/easycars/credentials, /easycars/test-connection). */
export type Environment = 'test' | 'production';

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
  yardCode: string | null;
  isActive: boolean;
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
}

export type FailedPair = 'client' | 'account';
export type FailureReason = 'authentication' | 'unreachable' | 'timeout' | 'easycars_error';

export type TestResult =
  | { ok: true; environment: Environment; stockCount: number | null; stockListSlow: boolean; durationMs: number; message: string; testedAt: string }
  | {
      ok: false;
      environment: Environment;
      failedPair: FailedPair;
      reason: FailureReason;
      message: string;
      code: number | null;
      easycarsMessage: string | null;
      durationMs: number;
      testedAt: string;
    };

/** The subset of useFetchClient() these calls need (kept small so components can be tested). */
export interface FetchClient {
  get: (url: string) => Promise<{ data: any }>;
  post: (url: string, body?: unknown) => Promise<{ data: any }>;
  put: (url: string, body?: unknown) => Promise<{ data: any }>;
  del: (url: string) => Promise<{ data: any }>;
}

const SECRET_KEYS = ['clientId', 'clientSecret', 'accountSecret'] as const;

/** The form's values as the API wants them: blank secrets left out (= keep the stored ones). */
export function toPayload(values: CredentialFormValues, editing: boolean): Record<string, string | null> {
  const out: Record<string, string | null> = {
    environment: values.environment,
    accountNumber: values.accountNumber.trim(),
    yardCode: values.yardCode.trim() || null,
  };
  for (const key of SECRET_KEYS) {
    const value = values[key].trim();
    if (value || !editing) out[key] = value;
  }
  return out;
}

export function credentialsApi(client: FetchClient) {
  return {
    async get(dealership: string): Promise<CredentialView | null> {
      const res = await client.get(`/easycars/credentials?dealership=${encodeURIComponent(dealership)}`);
      return res.data.data;
    },
    async create(dealership: string, values: CredentialFormValues): Promise<CredentialView> {
      const res = await client.post('/easycars/credentials', { dealership, ...toPayload(values, false) });
      return res.data.data;
    },
    async update(id: number, values: CredentialFormValues): Promise<CredentialView> {
      const res = await client.put(`/easycars/credentials/${id}`, toPayload(values, true));
      return res.data.data;
    },
    async remove(id: number): Promise<void> {
      await client.del(`/easycars/credentials/${id}`);
    },
    /** Tests the form's values; when editing, blank secrets are taken from the stored credential. */
    async test(dealership: string, values: CredentialFormValues, stored: CredentialView | null): Promise<TestResult> {
      const body = stored ? { credential: stored.id, ...toPayload(values, true) } : { dealership, ...toPayload(values, false) };
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
