import type { Core } from '@strapi/strapi';
import { createEasyCarsClient, type EasyCarsClient } from '../client';
import type { PluginConfig } from '../config/schema';
import type { ConnectionTestResult } from '../../../shared/connection-test';
import { checkLeadService } from '../connection/lead-check';
import { checkStockService } from '../connection/stock-check';
import type { ConnectionValues } from '../connection/values';
import { getConfig } from '../utils/plugin';
import { rateLimitFor } from '../locks/request-slots';

export type { ConnectionValues } from '../connection/values';
export type { ConnectionTestResult } from '../../../shared/connection-test';

/**
 * "Test connection": the StockService (token, then the stock list) and the LeadService (its own
 * token, then one harmless read) side by side, within the configured time budget, each reported
 * on its own. A lead failure fails the test only when the dealership's lead sync is on.
 *
 * Each test uses its own short-lived client: the shared client caches tokens per ClientID, and a
 * cached token would let a test "pass" with a wrong ClientSecret.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async run(values: ConnectionValues, opts: { leadSyncEnabled?: boolean } = {}): Promise<ConnectionTestResult> {
    const budgetMs = getConfig<PluginConfig['testConnection']>(strapi, 'testConnection').timeoutMs;
    const clientConfig = getConfig<PluginConfig['client']>(strapi, 'client');
    const leadsRequired = opts.leadSyncEnabled ?? true;
    const started = Date.now();
    let client: EasyCarsClient | undefined;
    try {
      client = createEasyCarsClient({
        baseUrls: getConfig<PluginConfig['baseUrls']>(strapi, 'baseUrls'),
        timeoutMs: Math.min(clientConfig.timeoutMs, budgetMs),
        // No retries: the admin is waiting, and the answer must come within the budget.
        maxRetries: 0,
        allowInsecureHosts: clientConfig.allowInsecureHosts,
        rateLimit: rateLimitFor(strapi),
        logger: {
          debug: (msg) => strapi.log.debug(`[easycars] test connection: ${msg}`),
          info: (msg) => strapi.log.info(`[easycars] test connection: ${msg}`),
          warn: (msg) => strapi.log.warn(`[easycars] test connection: ${msg}`),
          error: (msg) => strapi.log.warn(`[easycars] test connection: ${msg}`),
        },
      });
      const [stock, leads] = await Promise.all([
        checkStockService(client, values, budgetMs, clientConfig.stockListTimeoutMs),
        checkLeadService(client, values, budgetMs, leadsRequired),
      ]);
      const leadLine = leads.ok || leadsRequired ? leads.message : `${leads.message} (Lead sync is off for this dealership.)`;
      return {
        ok: stock.ok && (leads.ok || !leadsRequired),
        environment: values.environment,
        message: `EasyCars (${values.environment}). Stock: ${stock.message} Leads: ${leadLine}`,
        stock,
        leads,
        durationMs: Date.now() - started,
      };
    } finally {
      await client?.close().catch(() => undefined);
    }
  },
});
