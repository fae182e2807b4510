/** Turns a failed attempt into an admin-readable EasyCarsError. */
import {
  EasyCarsAuthenticationError,
  type EasyCarsError,
  EasyCarsFailedError,
  EasyCarsNetworkError,
  EasyCarsProtocolError,
  EasyCarsSystemError,
  EasyCarsTimeoutError,
} from './errors';
import type { AttemptOutcome } from './transport';
import type { EasyCarsEndpoint, EasyCarsService } from './types';

export interface ErrorContext {
  service: EasyCarsService;
  endpoint: EasyCarsEndpoint;
  host: string;
  attempts: number;
  idempotent: boolean;
  /** CreateLead, CreateQuotation: an error after the request went out may still have made the record. */
  createsRecord?: boolean;
  timeoutMs: number;
  /** Code 1 seen again after a fresh token. */
  afterTokenRefresh?: boolean;
  /** Redacts text that came from EasyCars. */
  scrub: (s: string) => string;
}

const WHAT: Partial<Record<EasyCarsEndpoint, string>> = {
  CreateLead: 'The lead may have been created',
  UpdateLead: 'The lead may have been updated',
  CreateQuotation: 'The quotation may have been created',
};

function tries(n: number): string {
  return n === 1 ? '1 attempt' : `${n} attempts`;
}

export function errorFor(out: Exclude<AttemptOutcome, { type: 'envelope'; code: 0 | 5 }>, c: ErrorContext): EasyCarsError {
  const where = `${c.service} ${c.endpoint}`;
  const endpoint = `${c.service}/${c.endpoint}`;
  const base = { endpoint, attempts: c.attempts };
  const maybe = WHAT[c.endpoint] ? ` ${WHAT[c.endpoint]} anyway: check EasyCars before sending it again.` : '';
  switch (out.type) {
    case 'envelope': {
      const msg = out.errorMessage ? c.scrub(out.errorMessage) : null;
      const codeText = `Code ${out.code}${msg ? `: ${msg}` : ''}`;
      const d = { ...base, code: out.code, httpStatus: out.status, serverMessage: msg };
      if (out.code === 1) {
        if (c.endpoint === 'RequestToken') {
          return new EasyCarsAuthenticationError(
            `EasyCars rejected the client ID / client secret (${where}, ${codeText}). Check the ClientID and ClientSecret in the dealership's EasyCars settings, and that they belong to the selected environment (test or production).`,
            { ...d, retryable: false },
          );
        }
        // The token was new and the client pair had just been accepted: what is left is the account pair.
        if (c.afterTokenRefresh) {
          return new EasyCarsAuthenticationError(
            `EasyCars refused the account number / account secret on ${where} (${codeText}), even after a new token was requested. Check the AccountNumber and AccountSecret in the dealership's EasyCars settings, then that this API client has been given access to that account and is enabled for the ${c.service}.`,
            { ...d, retryable: false },
          );
        }
        return new EasyCarsAuthenticationError(
          `EasyCars refused the access token for ${where} (${codeText}). Check the AccountNumber and AccountSecret, and that the client ID is enabled for the ${c.service} and for this account.`,
          { ...d, retryable: false },
        );
      }
      if (out.code === 9) {
        if (c.createsRecord) {
          return new EasyCarsSystemError(`EasyCars reported a system error on ${where} (${codeText}).${maybe}`, { ...d, retryable: false, mayHaveReachedServer: true });
        }
        return new EasyCarsSystemError(
          `EasyCars reported a system error on ${where} (${codeText}) after ${tries(c.attempts)}. The problem is on EasyCars' side; try again later.`,
          { ...d, retryable: true },
        );
      }
      return new EasyCarsFailedError(
        `EasyCars refused ${where} (${codeText}). The request was not retried; check the data sent and the dealership's account number and account secret.`,
        { ...d, retryable: false },
      );
    }
    case 'http': {
      const d = { ...base, httpStatus: out.status };
      if (out.status === 401 || out.status === 403) {
        return new EasyCarsAuthenticationError(
          c.endpoint === 'RequestToken'
            ? `EasyCars rejected the client ID / client secret (${where}, HTTP ${out.status}). Check the ClientID and ClientSecret and the selected environment.`
            : `EasyCars refused access to ${where} (HTTP ${out.status}) even after a new token was requested. Check that the client ID is enabled for the ${c.service}.`,
          { ...d, retryable: false },
        );
      }
      if (out.status === 429) {
        return new EasyCarsSystemError(
          `EasyCars is limiting the request rate (${where}, HTTP 429) and still refused after ${tries(c.attempts)}. Lower the sync frequency or the client's rate limit, then try again later.`,
          { ...d, retryable: true },
        );
      }
      if (out.status >= 500 && c.createsRecord) {
        return new EasyCarsSystemError(`EasyCars answered HTTP ${out.status} to ${where}.${maybe}`, { ...d, retryable: false, mayHaveReachedServer: true });
      }
      if (out.status >= 500) {
        return new EasyCarsSystemError(
          `EasyCars answered HTTP ${out.status} to ${where} after ${tries(c.attempts)}; the service may be down or overloaded. Try again later.`,
          { ...d, retryable: true },
        );
      }
      return new EasyCarsProtocolError(
        `EasyCars answered HTTP ${out.status} (${out.contentType || 'no content type'}) to ${where}, without the EasyCars envelope. Check the configured EasyCars base URL (${c.host}).`,
        { ...d, retryable: false },
      );
    }
    case 'protocol':
      return new EasyCarsProtocolError(
        `EasyCars sent an unreadable answer to ${where} (HTTP ${out.status}: ${out.reason}). Check the configured EasyCars base URL (${c.host}); if it is right, EasyCars may be having problems.${maybe}`,
        { ...base, httpStatus: out.status, retryable: false, mayHaveReachedServer: true },
      );
    case 'network':
      return new EasyCarsNetworkError(
        `Could not reach EasyCars at ${c.host} for ${where} (${out.errorCode}) after ${tries(c.attempts)}. Check the server's network access and the configured EasyCars base URL.${
          out.definitelyNotSent ? '' : c.idempotent ? '' : maybe
        }`,
        {
          ...base,
          retryable: c.idempotent || out.definitelyNotSent,
          mayHaveReachedServer: !out.definitelyNotSent,
          cause: { code: out.errorCode },
        },
      );
    case 'timeout':
      return new EasyCarsTimeoutError(
        `EasyCars did not answer ${where} within ${c.timeoutMs} ms (${tries(c.attempts)}).${c.idempotent ? ' Try again later.' : maybe}`,
        { ...base, retryable: c.idempotent, mayHaveReachedServer: true },
      );
  }
}
