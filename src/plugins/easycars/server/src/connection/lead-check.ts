/**
 * The LeadService half of "Test connection": a LeadService token (with the lead service's own client
 * pair when one is set), then one harmless read, SearchContacts for an address no customer can have,
 * which proves the account pair is accepted by the LeadService without creating anything.
 */
import { clientPairFor, type EasyCarsClient } from '../client';
import type { LeadServiceCheck } from '../../../shared/connection-test';
import type { ConnectionValues } from './values';
import { toFailure, withinBudget, type FailureContext } from './failure';

/** RFC 2606 reserves .invalid: no real customer can have this address. */
export const PROBE_EMAIL = 'connection-test@easycars-strapi.invalid';

export async function checkLeadService(client: EasyCarsClient, values: ConnectionValues, budgetMs: number, required: boolean): Promise<LeadServiceCheck> {
  const account = { ...values, leadClient: values.leadClient ?? null };
  const pair = clientPairFor(account, 'LeadService');
  const clientPair = account.leadClient ? ('lead' as const) : ('main' as const);
  const context: FailureContext = { service: 'LeadService', pair: 'client', budgetMs, leadClientPair: clientPair === 'lead' };
  try {
    await withinBudget(
      (async () => {
        await client.requestToken(values.environment, 'LeadService', pair.clientId, pair.clientSecret);
        context.pair = 'account';
        await client.forAccount(account).searchContacts({ Email: PROBE_EMAIL });
      })(),
      budgetMs,
    );
    return { ok: true, message: clientPair === 'lead' ? 'connected (with the lead service client).' : 'connected.', clientPair, required };
  } catch (err) {
    return { ...toFailure(err, context), clientPair, required };
  }
}
