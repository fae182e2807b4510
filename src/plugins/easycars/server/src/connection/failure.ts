/** Turns an error from one service's check into the pair that failed, the reason and an admin-readable message. */
import { isEasyCarsError, type EasyCarsError } from '../client';
import type { FailedPair, FailureReason, ServiceFailure } from '../../../shared/connection-test';

export class DeadlineExceeded extends Error {}

export type CheckedService = 'StockService' | 'LeadService';

const PAIR_LABEL: Record<FailedPair, string> = {
  client: 'client ID / client secret',
  account: 'account number / account secret',
};

export function reasonOf(err: unknown): FailureReason {
  if (err instanceof DeadlineExceeded) return 'timeout';
  if (!isEasyCarsError(err)) return 'easycars_error';
  switch (err.kind) {
    case 'authentication':
      return 'authentication';
    case 'network':
    case 'configuration':
      return 'unreachable';
    case 'timeout':
      return 'timeout';
    default:
      return 'easycars_error';
  }
}

export interface FailureContext {
  service: CheckedService;
  pair: FailedPair;
  budgetMs: number;
  /** LeadService only: the token was asked for with the lead service's own client pair. */
  leadClientPair?: boolean;
}

function describe(reason: FailureReason, err: unknown, c: FailureContext): string {
  const e = isEasyCarsError(err) ? (err as EasyCarsError) : null;
  const server = e?.serverMessage ? ` EasyCars said: "${e.serverMessage}".` : '';
  const what = c.service === 'StockService' ? 'stock' : 'lead';
  switch (reason) {
    case 'authentication':
      if (c.pair === 'account') {
        return `EasyCars accepted the client ID / client secret but rejected the account number / account secret.${server} Check both values.`;
      }
      if (c.service === 'LeadService') {
        return c.leadClientPair
          ? `EasyCars rejected the lead service client ID / client secret.${server} Check both values, and that this client is enabled for the LeadService.`
          : `EasyCars refused the client ID / client secret for the LeadService.${server} The client may not be enabled for the LeadService: ask EasyCars to enable it, or enter the lead service's own client pair under "Lead service client (if different)".`;
      }
      return `EasyCars rejected the client ID / client secret.${server} Check both values and that they belong to the selected environment.`;
    case 'timeout':
      return `EasyCars did not answer within ${Math.round(c.budgetMs / 1000)} s while checking the ${PAIR_LABEL[c.pair]} with the ${c.service}. Try again later.`;
    case 'unreachable':
      return e?.kind === 'configuration'
        ? e.message
        : `EasyCars could not be reached while checking the ${PAIR_LABEL[c.pair]}. Check the server's network access and the configured EasyCars URL.`;
    case 'easycars_error': {
      const code = e?.code !== undefined ? `Code ${e.code}` : 'no usable answer';
      return c.pair === 'account'
        ? `EasyCars refused the ${what} request for this account (${code}).${server} Check the account number / account secret.`
        : `EasyCars answered the ${c.service} token request with an error (${code}).${server}`;
    }
  }
}

export function toFailure(err: unknown, c: FailureContext): ServiceFailure {
  const reason = reasonOf(err);
  const e = isEasyCarsError(err) ? err : null;
  return {
    ok: false,
    failedPair: c.pair,
    reason,
    message: describe(reason, err, c),
    code: e?.code ?? null,
    easycarsMessage: e?.serverMessage ?? null,
  };
}

/** Settles with the promise, or rejects with DeadlineExceeded once the budget is spent. */
export async function withinBudget<T>(work: Promise<T>, budgetMs: number): Promise<T> {
  work.catch(() => undefined); // settled by the race below; never an unhandled rejection
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded()), budgetMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}
