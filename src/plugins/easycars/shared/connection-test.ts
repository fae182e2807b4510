/**
 * "Test connection" answer (POST /easycars/test-connection), shared by the server and the admin.
 * Each EasyCars service is checked and reported on its own: a client pair can be enabled for
 * the StockService and not for the LeadService, or the other way round.
 */
export type Environment = 'test' | 'production';
export type FailedPair = 'client' | 'account';
export type FailureReason = 'authentication' | 'unreachable' | 'timeout' | 'easycars_error';

export interface ServiceFailure {
  ok: false;
  failedPair: FailedPair;
  reason: FailureReason;
  /** Admin-readable; EasyCars' own ErrorMessage is included, secrets never are. */
  message: string;
  /** EasyCars' Code and ErrorMessage when it answered with one. */
  code: number | null;
  easycarsMessage: string | null;
}

export type StockServiceCheck =
  | {
      ok: true;
      /** null when the stock list did not arrive within the test's time (stockListSlow). */
      stockCount: number | null;
      /** The token came, the stock list did not within the test's budget: connected, the list is just slow. */
      stockListSlow: boolean;
      message: string;
    }
  | ServiceFailure;

export type LeadServiceCheck = ({ ok: true; message: string } | ServiceFailure) & {
  /** Which client pair got the LeadService token: the main one, or the lead service's own. */
  clientPair: 'main' | 'lead';
  /** false when the dealership's lead sync is off: a lead failure then does not fail the test. */
  required: boolean;
};

export interface ConnectionTestResult {
  /** The stock check passed, and the lead check too unless lead sync is off. */
  ok: boolean;
  environment: Environment;
  /** One line per service, e.g. "Stock: connected, 212 vehicles. Leads: connected." */
  message: string;
  stock: StockServiceCheck;
  leads: LeadServiceCheck;
  durationMs: number;
}
