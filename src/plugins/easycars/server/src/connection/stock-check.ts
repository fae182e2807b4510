/** The StockService half of "Test connection": a token with the client pair, then the stock list with the account pair. */
import type { EasyCarsClient } from '../client';
import type { StockServiceCheck } from '../../../shared/connection-test';
import type { ConnectionValues } from './values';
import { reasonOf, toFailure, withinBudget, type FailureContext } from './failure';

export async function checkStockService(
  client: EasyCarsClient,
  values: ConnectionValues,
  budgetMs: number,
  syncListTimeoutMs: number,
): Promise<StockServiceCheck> {
  const started = Date.now();
  const context: FailureContext = { service: 'StockService', pair: 'client', budgetMs };
  try {
    const stockCount = await withinBudget(
      (async () => {
        await client.requestToken(values.environment, 'StockService', values.clientId, values.clientSecret);
        context.pair = 'account';
        // Syncs give the list its own, longer timeout; the test waits only for what is left of its budget.
        const left = Math.max(1, budgetMs - (Date.now() - started));
        const stock = await client
          .forAccount(values)
          .getAdvertisementStocks({ ...(values.yardCode ? { yardCode: values.yardCode } : {}), timeoutMs: left, maxRetries: 0 });
        return stock.items.length;
      })(),
      budgetMs,
    );
    return { ok: true, stockCount, stockListSlow: false, message: `connected, ${stockCount} vehicle${stockCount === 1 ? "" : "s"}.` };
  } catch (err) {
    if (context.pair === 'account' && reasonOf(err) === 'timeout') {
      // The client pair was accepted; only the (unpaginated) stock list is slower than an admin should wait.
      return {
        ok: true,
        stockCount: null,
        stockListSlow: true,
        message:
          `connected, stock list slow: the client ID / client secret were accepted, but the stock list did not arrive within ` +
          `${Math.round(budgetMs / 1000)} s. Syncs wait up to ${Math.round(syncListTimeoutMs / 1000)} s for it; the first sync also checks the account number / account secret.`,
      };
    }
    return toFailure(err, context);
  }
}
