/**
 * EasyCars API client (Stock and Lead services). Free of Strapi: usable from
 * the plugin, scripts and tests. See docs/easycars-client.md.
 */
import { createAccountApi, type EasyCarsAccount, type EasyCarsAccountApi } from './account-api';
import { type CallContext, executeCall } from './call';
import { resolveBaseUrls } from './config';
import { EasyCarsProtocolError, EasyCarsValidationError } from './errors';
import { SecretRegistry } from '../utils/redact';
import { TokenManager } from './token-manager';
import { Transport } from './transport';
import type { EasyCarsClientOptions, EasyCarsEnvironment, EasyCarsLogger, EasyCarsService } from './types';

export interface EasyCarsClient {
  /** The data calls of one dealership account. */
  forAccount(account: EasyCarsAccount): EasyCarsAccountApi;
  /** A (cached) token for a service; throws EasyCarsAuthenticationError on bad client credentials. */
  requestToken(environment: EasyCarsEnvironment, service: EasyCarsService, clientId: string, clientSecret: string): Promise<string>;
  /** The resolved base URLs. */
  readonly baseUrls: Readonly<Record<EasyCarsEnvironment, string>>;
  /** Forgets all cached tokens. */
  clearTokens(): void;
  /** Forgets the cached tokens of one client pair (credential updated or deleted). */
  forgetClient(clientId: string, clientSecret: string): void;
  /** Closes keep-alive sockets and stops the rate limiters. */
  close(): Promise<void>;
}

const noop = () => undefined;
const SILENT: EasyCarsLogger = { debug: noop, info: noop, warn: noop, error: noop };

export function createEasyCarsClient(options: EasyCarsClientOptions = {}): EasyCarsClient {
  const now = options.now ?? Date.now;
  const baseUrls = resolveBaseUrls(options.baseUrls, options.env ?? process.env, options.allowInsecureHosts ?? false);
  const transport = new Transport({
    maxConcurrent: options.rateLimit?.maxConcurrent ?? 4,
    minTimeMs: options.rateLimit?.minTimeMs ?? 100,
    now,
    ...(options.rateLimit?.shared ? { shared: options.rateLimit.shared } : {}),
    logger: options.logger ?? SILENT,
  });
  const tokens = new TokenManager(now, options.tokenRefreshMarginMs);
  const secrets = new SecretRegistry();
  const ctx: CallContext = {
    transport,
    tokens,
    logger: options.logger ?? SILENT,
    ...(options.onCall ? { onCall: options.onCall } : {}),
    secrets,
    timeoutMs: options.timeoutMs ?? 10_000,
    stockListTimeoutMs: options.stockListTimeoutMs ?? 120_000,
    maxRetries: options.maxRetries ?? 3,
    backoffBaseMs: options.backoffBaseMs ?? 500,
    backoffMaxMs: options.backoffMaxMs ?? 8_000,
    retryAfterCapMs: options.retryAfterCapMs ?? 30_000,
    now,
  };

  const fetchToken = async (environment: EasyCarsEnvironment, service: EasyCarsService, clientId: string, clientSecret: string): Promise<string> => {
    const r = await executeCall(ctx, {
      environment,
      baseUrl: baseUrls[environment],
      service,
      endpoint: 'RequestToken',
      idempotent: true,
      query: { ClientID: clientId, ClientSecret: clientSecret },
    });
    const token = r.body.Token;
    if (typeof token !== 'string' || token.trim() === '') {
      const err = new EasyCarsProtocolError(
        `EasyCars answered ${service} RequestToken with Code ${r.code} but without a token; the answer cannot be used. Check the configured EasyCars base URL.`,
        { endpoint: `${service}/RequestToken`, code: r.code, httpStatus: r.httpStatus, retryable: false },
      );
      ctx.logger.error(err.message, err.toJSON());
      throw err;
    }
    return token;
  };

  const requestToken = (environment: EasyCarsEnvironment, service: EasyCarsService, clientId: string, clientSecret: string) => {
    const missing = [!clientId && 'ClientID', !clientSecret && 'ClientSecret'].filter(Boolean) as string[];
    if (missing.length) {
      return Promise.reject(
        new EasyCarsValidationError(`${service}/RequestToken`, missing.map((f) => ({ field: f, message: `${f} is required` }))),
      );
    }
    secrets.add(clientSecret);
    const key = tokens.key(baseUrls[environment], service, clientId, clientSecret);
    return tokens.get(key, () => fetchToken(environment, service, clientId, clientSecret));
  };

  return {
    baseUrls,
    forAccount(account) {
      const missing = (['clientId', 'clientSecret', 'accountNumber', 'accountSecret'] as const).filter((k) => !account[k]);
      if (account.environment !== 'test' && account.environment !== 'production') {
        throw new EasyCarsValidationError('configuration', [{ field: 'environment', message: 'environment must be "test" or "production"' }]);
      }
      if (missing.length) {
        throw new EasyCarsValidationError(
          'configuration',
          missing.map((f) => ({ field: f, message: `The EasyCars ${f} of the dealership is not set` })),
        );
      }
      return createAccountApi(
        {
          ctx,
          baseUrl: baseUrls[account.environment],
          validate: options.validateRequests ?? true,
          getToken: (service) => {
            const pair = clientPairFor(account, service);
            return async () => ({
              token: await requestToken(account.environment, service, pair.clientId, pair.clientSecret),
              key: tokens.key(baseUrls[account.environment], service, pair.clientId, pair.clientSecret),
            });
          },
        },
        account,
      );
    },
    requestToken,
    clearTokens: () => tokens.clear(),
    forgetClient: (clientId, clientSecret) => tokens.forgetClient(clientId, clientSecret),
    close: () => transport.close(),
  };
}

/** The client pair that gets tokens for a service: the lead pair for the LeadService when one is set. */
export function clientPairFor(account: EasyCarsAccount, service: EasyCarsService): { clientId: string; clientSecret: string } {
  if (service === 'LeadService' && account.leadClient?.clientId && account.leadClient.clientSecret) return account.leadClient;
  return { clientId: account.clientId, clientSecret: account.clientSecret };
}

export type { EasyCarsAccount, EasyCarsAccountApi, LeadDetailResult, StockListResult } from './account-api';
export * from './errors';
export * from './models';
export * from './types';
export { DEFAULT_BASE_URLS, BASE_URL_ENV_VARS, checkBaseUrl, isLoopbackHost, resolveBaseUrls } from './config';
export { decodeJwtTimes } from './jwt';
export { REDACTED, redactText, redactUrl, redactValue, SecretRegistry, isSensitiveKey } from '../utils/redact';
export {
  validateCreateLeadRequest,
  validateCreateQuotationRequest,
  validateGetLeadDetailRequest,
  validateSearchContactsRequest,
  validateUpdateLeadRequest,
  type ValidateOptions,
} from './validation';
