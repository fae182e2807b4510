/**
 * One reconciliation run for one dealership, as a job: fetch the feed, load this site's side, compare,
 * keep the findings (ignored ones stay ignored while their data is unchanged). Writes nothing to
 * vehicles or leads.
 */
import type { Core } from '@strapi/strapi';
import type { FindingCounts } from '../../../shared/reconciliation';
import { FINDING_CATEGORIES } from '../../../shared/reconciliation';
import { hostConfig } from '../host/config';
import { getConfig, getService, pluginUid } from '../utils/plugin';
import { RunAbort, runLogged } from '../sync-logs/run-logged';
import type { PluginConfig } from '../config/schema';
import { compareLeads } from './compare-leads';
import { compareStock } from './compare-stock';
import { toFeedVehicles } from './feed';
import { comparedTargets } from '../stock/field-map';
import { lastStockFailures, loadLeads, loadStockRecords, loadVehicles } from './load-local';
import { ignoreKey } from './ignores';
import type { FindingDraft } from './types';

const CHUNK = 500;

export function countFindings(rows: Array<Pick<FindingDraft, 'category' | 'severity'> & { state: string }>): FindingCounts {
  const counts = { total: 0, ignored: 0, bySeverity: { missing: 0, outdated: 0, conflicting: 0 } } as FindingCounts;
  for (const c of FINDING_CATEGORIES) counts[c] = 0;
  for (const row of rows) {
    if (row.state === 'ignored') {
      counts.ignored++;
      continue;
    }
    if (row.state !== 'open') continue;
    counts.total++;
    counts[row.category]++;
    counts.bySeverity[row.severity]++;
  }
  return counts;
}

export async function runReconciliation(strapi: Core.Strapi, { dealership, syncLogId }: { dealership: string; syncLogId: number }): Promise<void> {
  let apiCalls = 0;
  await runLogged(strapi, { syncLogId, dealership, label: 'reconciliation' }, async ({ progress }) => {
    const host = hostConfig(strapi);
    const attributes = strapi.contentType(host.types.vehicle as any)?.attributes as Record<string, any> | undefined;
    if (!attributes) throw new RunAbort(`The vehicle content type ${host.types.vehicle} does not exist (plugin config contentTypes.vehicle).`);
    const dealer = await getService(strapi, 'access').findDealership(dealership);
    if (!dealer) throw new RunAbort(`Dealership ${dealership} does not exist.`);
    const row = await getService(strapi, 'credentials').findByDealership(dealership);
    if (!row) throw new RunAbort(`${dealer.name} has no EasyCars credentials; add them under EasyCars → Credentials.`);
    if (!row.isActive) throw new RunAbort(`The EasyCars connection of ${dealer.name} is switched off.`);
    const credential = getService(strapi, 'credentials').decrypt(row);

    await progress('fetching', 0, 1);
    const client = getService(strapi, 'easycarsClient');
    const stopCounting = client.onCall((e) => {
      if (e.accountNumber === credential.accountNumber || e.endpoint === 'RequestToken') apiCalls += e.attempt;
    });
    // The whole feed, every yard: items of other yards are reported as outside the connection's yard filter.
    const result = await client.forCredential(credential).getAdvertisementStocks({}).finally(stopCounting);
    const feed = toFeedVehicles(result.items, host, attributes, dealership);
    await progress('fetching', 1, 1);

    await progress('comparing', 0, feed.length);
    const images = getConfig<PluginConfig['images']>(strapi, 'images');
    const compareImages = images.enabled && row.imageSyncEnabled !== false && Boolean(host.vehicle.images);
    const records = await loadStockRecords(strapi, dealership);
    const owned = comparedTargets(host.vehicle);
    const linked = records.map((r) => r.vehicleDocumentId).filter((id): id is string => Boolean(id));
    const vehicles = await loadVehicles(strapi, dealership, linked, owned.map((o) => o.attribute), compareImages);
    const drafts = compareStock({ feed, yardFilter: row.yardCode ?? null, records, vehicles, owned, lastFailures: await lastStockFailures(strapi, dealership), compareImages });
    const leads = await loadLeads(strapi, dealership);
    const attributeOf = (field: string) => (host.lead as Record<string, string | undefined>)[field] ?? field;
    drafts.push(...compareLeads(leads.records, leads.local, attributeOf, new Date()));
    await progress('comparing', feed.length, feed.length);

    await progress('saving', 0, drafts.length);
    const ignores = new Map(
      ((await strapi.db.query(pluginUid('reconciliation-ignore')).findMany({ select: ['ignoreKey', 'fingerprint', 'reason'], where: { dealership } })) as Array<{ ignoreKey: string; fingerprint: string; reason: string }>).map((i) => [i.ignoreKey, i]),
    );
    const rows = drafts.map((d) => {
      const ignore = ignores.get(ignoreKey(dealership, d.category, d.ref));
      const ignored = ignore?.fingerprint === d.fingerprint;
      return { ...d, syncLogId, dealership, state: ignored ? 'ignored' : 'open', ignoredReason: ignored ? ignore!.reason : null };
    });
    await strapi.db.transaction(async () => {
      // Only the latest report is kept: a finding is a statement about now, not history (the run's log keeps the counts).
      await strapi.db.query(pluginUid('reconciliation-finding')).deleteMany({ where: { dealership } });
      for (let i = 0; i < rows.length; i += CHUNK) await strapi.db.query(pluginUid('reconciliation-finding')).createMany({ data: rows.slice(i, i + CHUNK) });
    });
    await progress('saving', drafts.length, drafts.length);

    const counts = countFindings(rows);
    const code5 = result.code === 5 ? `EasyCars answered with a warning (Code 5): ${result.errorMessage ?? 'no message given'}` : null;
    return {
      status: counts.total > 0 || code5 ? 'warning' : 'success',
      counts: { fetched: feed.length },
      apiCalls,
      errorMessage: code5 ?? (counts.total > 0 ? `${counts.total} difference(s) between this site and EasyCars.` : null),
      requestSummary: { environment: credential.environment, yardFilter: row.yardCode ?? null },
      responseSummary: { items: result.items.length, code: result.code, findings: counts },
    };
  }, () => ({ apiCalls }));
}
