import type { Environment, LastTest } from './credentials';

export type CredentialStatus =
  | { configured: false }
  | {
      configured: true;
      id: number;
      environment: Environment;
      /** Masked, e.g. "EC••••75" (the full number is on the credentials page). */
      accountNumber: string | null;
      isActive: boolean;
      lastTest: LastTest | null;
      /** false when the stored credentials cannot be decrypted (wrong or missing encryption key). */
      readable?: boolean;
      error?: string;
    };

export interface DealershipItem {
  documentId: string;
  name: string;
  slug: string | null;
  timezone: string;
  credential: CredentialStatus;
}

export interface DealershipsClient {
  get: (url: string) => Promise<{ data: any }>;
}

export function dealershipsApi(client: DealershipsClient) {
  return {
    async list(): Promise<DealershipItem[]> {
      return (await client.get('/easycars/dealerships')).data.data;
    },
  };
}
