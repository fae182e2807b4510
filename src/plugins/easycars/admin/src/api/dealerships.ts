import type { Environment, LastTest } from './credentials';

export type CredentialStatus =
  | { configured: false }
  | { configured: true; id: number; environment: Environment; accountNumber: string | null; isActive: boolean; lastTest: LastTest | null };

export interface DealershipItem {
  documentId: string;
  name: string;
  slug: string | null;
  timezone: string;
  credential: CredentialStatus;
}
