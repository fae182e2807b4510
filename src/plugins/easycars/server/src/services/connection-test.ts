import type { Core } from '@strapi/strapi';
import { createEasyCarsClient, isEasyCarsError, type EasyCarsClient, type EasyCarsError } from '../client';
import type { PluginConfig } from '../config/schema';
import type { Environment } from '../credentials/types';
import { getConfig } from '../utils/plugin';

export interface ConnectionValues {
  environment: Environment;
  clientId: string;
  clientSecret: string;
  accountNumber: string;
  accountSecret: string;
  yardCode?: string | null;
}

export type FailedPair = 'client' | 'account';
export type FailureReason = 'authentication' | 'unreachable' | 'timeout' | 'easycars_error';

export type ConnectionTestResult =
  | {
      ok: true;
      environment: Environment;
      /** null when the stock list did not arrive within the test's time (stockListSlow). */
      stockCount: number | null;
      /** The token came, the stock list did not within the test's budget: connected, the list is just slow. */
      stockListSlow: boolean;
      durationMs: number;
      message: string;
    }
  | {
      ok: false;
      environment: Environment;
      failedPair: FailedPair;
      reason: FailureReason;
      /** Admin-readable; EasyCars' own ErrorMessage is included, secrets never are. */
      message: string;
      /** EasyCars' Code and ErrorMessage when it answered with one. */
      code: number | null;
      easycarsMessage: string | null;
      durationMs: number;
    };

class DeadlineExceeded extends Error {}

const PAIR_LABEL: Record<FailedPair, string> = {
  client: 'client ID / client secret',
  account: 'account number / account secret',
};

function reasonOf(err: unknown): FailureReason {
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

function describe(pair: FailedPair, reason: FailureReason, err: unknown, budgetMs: number): string {
  const e = isEasyCarsError(err) ? (err as EasyCarsError) : null;
  const server = e?.serverMessage ? ` EasyCars said: "${e.serverMessage}".` : '';
  switch (reason) {
    case 'authentication':
      return pair === 'client'
        ? `EasyCars rejected the client ID / client secret.${server} Check both values and that they belong to the selected environment.`
        : `EasyCars accepted the client ID / client secret but rejected the account number / account secret.${server} Check both values.`;
    case 'timeout':
      return `EasyCars did not answer within ${Math.round(budgetMs / 1000)} s while checking the ${PAIR_LABEL[pair]}. Try again later.`;
    case 'unreachable':
      return e?.kind === 'configuration'
        ? e.message
        : `EasyCars could not be reached while checking the ${PAIR_LABEL[pair]}. Check the server's network access and the configured EasyCars URL.`;
    case 'easycars_error':
      return pair === 'account'
        ? `EasyCars refused the stock request for this account (${e?.code !== undefined ? `Code ${e.code}` : 'no usable answer'}).${server} Check the account number / account secret.`
        : `EasyCars answered the token request with an error (${e?.code !== undefined ? `Code ${e.code}` : 'no usable answer'}).${server}`;
  }
}

/**
 * "Test connection": a StockService token with the client pair, then GetAdvertisementStocks with
 * the account pair (so a wrong account secret is caught), within the configured time budget.
 *
 * Each test uses its own short-lived client: the shared client caches tokens per ClientID, and a
 * cached token would let a test "pass" with a wrong ClientSecret.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async run(values: ConnectionValues): Promise<ConnectionTestResult> {
    const budgetMs = getConfig<PluginConfig['testConnection']>(strapi, 'testConnection').timeoutMs;
    const clientConfig = getConfig<PluginConfig['client']>(strapi, 'client');
    const started = Date.now();
    const elapsed = () => Date.now() - started;
    let pair: FailedPair = 'client';
    let client: EasyCarsClient | undefined;
    let timer: NodeJS.Timeout | undefined;

    try {
      client = createEasyCarsClient({
        baseUrls: getConfig<PluginConfig['baseUrls']>(strapi, 'baseUrls'),
        timeoutMs: Math.min(clientConfig.timeoutMs, budgetMs),
        // No retries: the admin is waiting, and the answer must come within the budget.
        maxRetries: 0,
        allowInsecureHosts: clientConfig.allowInsecureHosts,
        logger: {
          debug: (msg) => strapi.log.debug(`[easycars] test connection: ${msg}`),
          info: (msg) => strapi.log.info(`[easycars] test connection: ${msg}`),
          warn: (msg) => strapi.log.warn(`[easycars] test connection: ${msg}`),
          error: (msg) => strapi.log.warn(`[easycars] test connection: ${msg}`),
        },
      });
      const ready = client;
      const attempt = (async () => {
        await ready.requestToken(values.environment, 'StockService', values.clientId, values.clientSecret);
        pair = 'account';
        // Syncs give the list its own, longer timeout; the test waits only for what is left of its budget.
        const left = Math.max(1, budgetMs - elapsed());
        const stock = await ready
          .forAccount(values)
          .getAdvertisementStocks({ ...(values.yardCode ? { yardCode: values.yardCode } : {}), timeoutMs: left, maxRetries: 0 });
        return stock.items.length;
      })();
      attempt.catch(() => undefined); // settled by the race below; never an unhandled rejection
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DeadlineExceeded()), budgetMs);
      });
      const stockCount = await Promise.race([attempt, deadline]);
      return {
        ok: true,
        environment: values.environment,
        stockCount,
        stockListSlow: false,
        durationMs: elapsed(),
        message: `Connected to EasyCars (${values.environment}): ${stockCount} stock item${stockCount === 1 ? '' : 's'} found.`,
      };
    } catch (err) {
      const reason = reasonOf(err);
      if ((pair as FailedPair) === 'account' && reason === 'timeout') {
        // The client pair was accepted; only the (unpaginated) stock list is slower than an admin should wait.
        const syncSeconds = Math.round(clientConfig.stockListTimeoutMs / 1000);
        return {
          ok: true,
          environment: values.environment,
          stockCount: null,
          stockListSlow: true,
          durationMs: elapsed(),
          message:
            `Connected to EasyCars (${values.environment}), stock list slow: the client ID / client secret were accepted, but the stock list ` +
            `did not arrive within ${Math.round(budgetMs / 1000)} s. Syncs wait up to ${syncSeconds} s for it; the first sync also checks the account number / account secret.`,
        };
      }
      const e = isEasyCarsError(err) ? err : null;
      return {
        ok: false,
        environment: values.environment,
        failedPair: pair,
        reason,
        message: describe(pair, reason, err, budgetMs),
        code: e?.code ?? null,
        easycarsMessage: e?.serverMessage ?? null,
        durationMs: elapsed(),
      };
    } finally {
      if (timer) clearTimeout(timer);
      await client?.close().catch(() => undefined);
    }
  },
});
