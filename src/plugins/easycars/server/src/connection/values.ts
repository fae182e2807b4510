import type { Environment } from '../credentials/types';

/** What "Test connection" tries: the form's values or the stored ones (decrypted), never logged. */
export interface ConnectionValues {
  environment: Environment;
  clientId: string;
  clientSecret: string;
  accountNumber: string;
  accountSecret: string;
  yardCode?: string | null;
  /** The lead service's own client pair, when the dealer has one. */
  leadClient?: { clientId: string; clientSecret: string } | null;
}
