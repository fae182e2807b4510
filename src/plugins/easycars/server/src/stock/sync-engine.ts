/**
 * One stock sync run for one dealership: fetch -> plan -> write in batches -> remove -> images,
 * reported in the run's sync log. Runs in a job (never in a request); see docs/stock-sync.md.
 */
import type { Core, UID } from '@strapi/strapi';
import { stockImageUrls, type StockItem } from '../client/models/stock';
import type { PluginConfig } from '../config/schema';
import type { SyncTrigger } from '../sync-logs/types';
import { RunAbort, runLogged } from '../sync-logs/run-logged';
import { getConfig, getService, pluginUid } from '../utils/plugin';
import { syncImages, type ImageWork } from '../images/image-sync';
import { applyBatch, type PreparedItem } from './apply-batch';
import { bulkCreateAvailable } from './bulk-create';
import { createCreationValidator } from './creation-validator';
import { assertFieldMapFits, comparedTargets, fieldMapSignature, resolveFieldMap } from './field-map';
import { fitToSchema } from './fit-to-schema';
import { imagesHash, stockItemHash } from './hash';
import { loadSyncState } from './load-state';
import { mapStockItem, toVehicleData, vehicleTitle } from './map-stock-item';
import { createPlanner } from './plan';
import { decideRemovals } from './removal-guard';
import { removeMissing } from './removals';
import { stockRecordFields } from './stock-record-data';
import { emptyReport, type SyncReport } from './types';
import { createVehicleWriter } from './vehicle-writer';
import { diffStockFields, storedStockFields } from './changes';
import { applyLocalEdits, type PlannedEdits } from './apply-local-edits';
import { strategyFor } from './local-edits';
import { recordLocalEditOutcomes } from './local-edit-outcomes';

export interface RunStockSyncArgs {
  strapi: Core.Strapi;
  dealership: string;
  syncLogId: number;
  trigger: SyncTrigger;
  /**
   * Only these stock numbers, applied even when unchanged (reconciliation's "Sync from EasyCars"): no
   * other vehicle is created, updated or removed.
   */
  only?: string[];
}

const LAST_SEEN_CHUNK = 500;

export async function runStockSync({ strapi, dealership, syncLogId, only: onlyList }: RunStockSyncArgs): Promise<SyncReport> {
  const only = onlyList ? new Set(onlyList) : null;
  const report = emptyReport();
  const { counts } = report;
  let apiCalls = 0;
  let removalRefused: string | undefined;
  let imagesDeferred = 0;
  const summary: { request: Record<string, unknown>; response: Record<string, unknown> } = { request: {}, response: {} };
  // What the log keeps if the run stops half-way: every batch written so far is whole (one transaction each).
  const soFar = () => ({
    counts,
    apiCalls,
    itemErrors: report.itemErrors,
    warnings: report.warnings,
    items: report.items,
    requestSummary: summary.request,
    responseSummary: summary.response,
  });

  await runLogged(strapi, { syncLogId, dealership, label: 'stock sync' }, async ({ progress }) => {
    const syncConfig = getConfig<PluginConfig['sync']>(strapi, 'sync');
    const imageConfig = getConfig<PluginConfig['images']>(strapi, 'images');
    const vehicleUid = getConfig<PluginConfig['contentTypes']>(strapi, 'contentTypes').vehicle as UID.ContentType;
    const fieldMap = resolveFieldMap(getConfig<PluginConfig['vehicleFieldMap']>(strapi, 'vehicleFieldMap'));
    const attributes = strapi.contentType(vehicleUid as any)?.attributes as Record<string, any> | undefined;
    if (!attributes) throw new RunAbort(`The vehicle content type ${vehicleUid} does not exist (plugin config contentTypes.vehicle).`);
    assertFieldMapFits(fieldMap, attributes, vehicleUid);
    const signature = fieldMapSignature(fieldMap);

    const dealer = await getService(strapi, 'access').findDealership(dealership);
    if (!dealer) throw new RunAbort(`Dealership ${dealership} does not exist.`);
    const credentialRow = await getService(strapi, 'credentials').findByDealership(dealership);
    if (!credentialRow) throw new RunAbort(`${dealer.name} has no EasyCars credentials; add them in the EasyCars settings.`);
    if (!credentialRow.isActive) throw new RunAbort(`The EasyCars connection of ${dealer.name} is switched off.`);
    const credential = getService(strapi, 'credentials').decrypt(credentialRow);

    // ---- fetch ----------------------------------------------------------------------------
    await progress('fetching', 0, 1);
    const client = getService(strapi, 'easycarsClient');
    const stopCounting = client.onCall((e) => {
      if (e.accountNumber === credential.accountNumber || e.endpoint === 'RequestToken') apiCalls += e.attempt;
    });
    let items: StockItem[];
    let clientWarnings;
    // Code 5 (FR15): the list came, with a message EasyCars wants read; the run ends as a warning showing it.
    let easycarsWarning: string | null = null;
    summary.request = { environment: credential.environment, yardCode: credential.yardCode ?? 'all yards' };
    try {
      const result = await client.forCredential(credential).getAdvertisementStocks(credential.yardCode ? { yardCode: credential.yardCode } : {});
      items = result.items;
      clientWarnings = result.warnings;
      summary.response = { code: result.code, items: result.items.length, errorMessage: result.errorMessage };
      if (result.code === 5) easycarsWarning = `EasyCars answered with a warning (Code 5): ${result.errorMessage ?? 'no message given'}`;
    } finally {
      stopCounting();
    }
    for (const w of clientWarnings) {
      report.warnings.push({ ref: w.id ?? '(feed)', field: w.field, message: w.message, value: w.rawValue });
    }
    if (easycarsWarning) report.warnings.push({ ref: '(feed)', field: 'Code', message: easycarsWarning });
    const feed = new Map<string, StockItem>();
    for (const item of items) {
      if (only && !only.has(item.StockNumber)) continue;
      if (feed.has(item.StockNumber)) {
        report.warnings.push({ ref: item.StockNumber, field: 'StockNumber', message: 'appears more than once in the feed; the first one was used' });
        continue;
      }
      feed.set(item.StockNumber, item);
    }
    counts.fetched = feed.size;
    await progress('fetching', 1, 1);

    // ---- plan ----------------------------------------------------------------------------
    const state = await loadSyncState(strapi, vehicleUid, fieldMap, dealership);
    // Forget what was last written for the chosen vehicles, so the planner applies the feed to them again.
    if (only) for (const sn of only) { const r = state.records.get(sn); if (r) state.records.set(sn, { ...r, contentHash: null as any }); }
    const planner = createPlanner(state);
    const now = new Date();
    const unchangedIds: number[] = [];
    // Only the decision is kept per item; vehicle and record data are built batch by batch, so a
    // 20,000-item feed is not held twice in memory.
    const toWrite: Array<{ item: StockItem; action: PreparedItem['action']; hash: string }> = [];
    const published = new Map<string, boolean>();
    const imagesWanted = imageConfig.enabled && credentialRow.imageSyncEnabled !== false && Boolean(fieldMap.images);

    for (const item of feed.values()) {
      try {
        const hash = stockItemHash(item, signature);
        const action = planner.plan({ stockNumber: item.StockNumber, vin: item.VIN, hash });
        if (action.kind === 'unchanged') {
          unchangedIds.push(action.record.id);
          published.set(action.vehicle.documentId, action.vehicle.published);
          continue;
        }
        toWrite.push({ item, action, hash });
      } catch (error) {
        counts.failed++;
        report.itemErrors.push({ ref: item.StockNumber, message: `could not be planned: ${(error as Error).message}` });
      }
    }
    const prepare = (entry: (typeof toWrite)[number]): PreparedItem | null => {
      const { item, action, hash } = entry;
      try {
        const mapped = mapStockItem(item);
        report.warnings.push(...mapped.warnings);
        const vehicleData = fitToSchema(item.StockNumber, toVehicleData(mapped.vehicle, fieldMap, dealership), attributes, report.warnings);
        const recordData = stockRecordFields(item, {
          dealership,
          contentHash: hash,
          vehicleDocumentId: action.record?.vehicleDocumentId ?? null,
          lastSeenAt: now,
          removedAt: null,
          // Declared now so Strapi's createMany fills them in place (its timestamps subscriber).
          ...(action.record ? {} : { firstSeenAt: now, createdAt: undefined, updatedAt: undefined }),
        });
        return { stockNumber: item.StockNumber, action, vehicleData, recordData };
      } catch (error) {
        counts.failed++;
        report.itemErrors.push({ ref: item.StockNumber, message: `could not be mapped: ${(error as Error).message}` });
        return null;
      }
    };
    counts.unchanged = unchangedIds.length;

    // ---- write -------------------------------------------------------------------------
    const writer = createVehicleWriter(strapi, vehicleUid);
    const creation = syncConfig.bulkCreate ? bulkCreateAvailable(strapi, vehicleUid) : { ok: false as const, reason: 'sync.bulkCreate is off' };
    const bulk = creation.ok ? { uid: vehicleUid, relationAttribute: fieldMap.dealership, dealership, validate: createCreationValidator(strapi, vehicleUid) } : undefined;
    summary.request.vehicleCreation = creation.ok ? { path: 'bulk' } : { path: 'document-service', reason: creation.reason };
    if (!creation.ok && syncConfig.bulkCreate && toWrite.some((e) => e.action.kind === 'create')) {
      strapi.log.info(`[easycars] stock sync ${syncLogId}: new vehicles go through the Document Service, not the bulk create: ${creation.reason}`);
    }
    await progress('saving', 0, toWrite.length);
    const localEdits = { vehicleUid, owned: comparedTargets(fieldMap), strategyOf: strategyFor(credentialRow as any), force: Boolean(only) };
    for (let i = 0; i < toWrite.length; i += syncConfig.batchSize) {
      const batch = toWrite.slice(i, i + syncConfig.batchSize).map(prepare).filter((p): p is PreparedItem => p !== null);
      // FR20: fields edited here are kept, reviewed or overwritten (and logged) as the dealership chose.
      const edits: Map<string, PlannedEdits> = await applyLocalEdits(strapi, batch, localEdits);
      // The changed vehicles' previous feed values, read before the batch overwrites them (sync history).
      const previous = await storedStockFields(strapi, batch.filter((b) => b.action.kind === 'update' || b.action.kind === 'restore').map((b) => b.action.record!.id));
      const result = await applyBatch(strapi, writer, batch, bulk);
      for (const applied of result.applied) {
        const prepared = batch.find((b) => b.stockNumber === applied.stockNumber)!;
        const action = prepared.action;
        const before = action.record ? previous.get(action.record.id) : undefined;
        published.set(applied.vehicleDocumentId, action.kind === 'update' ? action.publish : true);
        if (applied.kind === 'create') counts.created++;
        else if (applied.kind === 'restore') counts.restored++;
        else counts.updated++;
        report.items.push({
          ref: applied.stockNumber,
          outcome: applied.kind === 'link' ? 'linked' : applied.kind === 'create' ? 'created' : applied.kind === 'restore' ? 'restored' : 'updated',
          ...(applied.kind === 'link' ? { message: `linked to the existing vehicle ${applied.vehicleDocumentId} (matched by ${applied.matchedBy === 'vin' ? 'VIN' : 'stock number'})` } : {}),
          vin: (prepared.recordData.VIN as string | null | undefined) ?? null,
          entry: applied.vehicleDocumentId,
          ...(before ? { changes: diffStockFields(before, prepared.recordData) } : {}),
        });
      }
      const appliedEdits = result.applied.flatMap((a) => (edits.has(a.stockNumber) ? [[a.stockNumber, edits.get(a.stockNumber)!] as const] : []));
      if (appliedEdits.length) report.warnings.push(...(await recordLocalEditOutcomes(strapi, dealership, syncLogId, appliedEdits)));
      for (const failure of result.failed) {
        counts.failed++;
        report.itemErrors.push({ ref: failure.stockNumber, message: failure.message });
        report.items.push({ ref: failure.stockNumber, outcome: 'failed', message: failure.message });
      }
      await progress('saving', Math.min(i + syncConfig.batchSize, toWrite.length), toWrite.length);
    }
    for (let i = 0; i < unchangedIds.length; i += LAST_SEEN_CHUNK) {
      await strapi.db.query(pluginUid('stock-record')).updateMany({
        where: { id: { $in: unchangedIds.slice(i, i + LAST_SEEN_CHUNK) } },
        data: { lastSeenAt: now },
      });
    }

    // ---- removals ----------------------------------------------------------------------
    const active = [...state.records.values()].filter((r) => !r.removedAt && (!only || only.has(r.StockNumber)));
    const missing = active.filter((r) => !feed.has(r.StockNumber));
    // An admin's explicit choice of vehicles is not a suspiciously short feed: the guard is for whole runs.
    const decision = only ? { allowed: true as const, reason: undefined } : decideRemovals({ fetched: feed.size, knownInFeed: active.length, missing: missing.length, maxMissingShare: syncConfig.maxMissingShare });
    if (!decision.allowed) {
      removalRefused = decision.reason;
      report.warnings.push({ ref: '(feed)', message: decision.reason! });
    } else if (missing.length) {
      await progress('removing', 0, missing.length);
      const removal = await removeMissing({
        strapi, writer, missing, vehicles: state.vehicles, batchSize: syncConfig.batchSize, now,
        onProgress: (done, total) => progress('removing', done, total),
      });
      counts.removed = removal.removed.length;
      for (const sn of removal.removed) report.items.push({ ref: sn, outcome: 'removed', message: 'left the EasyCars feed: vehicle unpublished' });
      for (const f of removal.failed) {
        counts.failed++;
        report.itemErrors.push({ ref: f.stockNumber, message: f.message });
      }
    }

    // ---- images ------------------------------------------------------------------------
    if (imagesWanted && fieldMap.images) {
      const fresh = await strapi.db.query(pluginUid('stock-record')).findMany({
        select: ['id', 'StockNumber', 'vehicleDocumentId', 'imagesHash'],
        where: { dealership, removedAt: { $null: true } },
      });
      const byStockNumber = new Map(fresh.map((r: any) => [r.StockNumber as string, r]));
      const work: ImageWork[] = [];
      for (const item of feed.values()) {
        const record: any = byStockNumber.get(item.StockNumber);
        if (!record?.vehicleDocumentId) continue;
        const urls = stockImageUrls(item);
        const wanted = imagesHash(urls);
        if (record.imagesHash === wanted && !only) continue;
        // Never synced images and none in the feed: nothing to attach or detach.
        if (urls.length === 0 && record.imagesHash === null) continue;
        work.push({
          stockNumber: item.StockNumber,
          recordId: record.id,
          vehicleDocumentId: record.vehicleDocumentId,
          published: published.get(record.vehicleDocumentId) ?? true,
          title: vehicleTitle(item),
          urls,
        });
      }
      await progress('images', 0, work.length);
      const images = await syncImages({
        strapi,
        dealership: { documentId: dealership, name: dealer.name },
        vehicleUid,
        imagesAttribute: fieldMap.images,
        work,
        options: imageConfig,
        onProgress: (done, total) => progress('images', done, total),
      });
      counts.imagesDownloaded = images.downloaded;
      counts.imagesReused = images.reused;
      counts.imagesRemoved = images.removed;
      counts.imagesFailed = images.failed;
      imagesDeferred = images.deferred;
      report.warnings.push(...images.warnings);
    }

    if (only) summary.request.only = [...only].slice(0, 50);
    if (only) {
      const applied = report.items.filter((i) => i.outcome !== 'failed').map((i) => i.ref);
      await getService(strapi, 'reconciliation').markApplied(dealership, applied, syncLogId);
    }
    const status = counts.failed > 0 ? 'partial' : removalRefused || easycarsWarning || counts.imagesFailed > 0 || imagesDeferred > 0 ? 'warning' : 'success';
    return {
      ...soFar(),
      status,
      errorMessage: removalRefused ?? (counts.failed > 0 ? `${counts.failed} item(s) could not be saved; the others were.` : easycarsWarning),
    };
  }, soFar);
  return report;
}
