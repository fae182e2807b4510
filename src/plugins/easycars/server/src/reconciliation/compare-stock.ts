/**
 * Vehicles: the dealership's EasyCars feed against what this site holds. Pure: the feed comes mapped
 * (what the stock sync would write), the local side comes loaded; nothing is read or written here.
 */
import type { FieldDifference } from '../../../shared/reconciliation';
import { fingerprint } from './fingerprint';
import { sameValue } from './same-value';
import type { FindingDraft } from './types';

export interface FeedVehicle {
  stockNumber: string;
  yardCode: string | null;
  title: string;
  /** The content hash the stock sync stores for this item (a record with another hash has not applied it). */
  hash: string;
  /** Attribute -> value, as the mapper and schema fitting make of the item (owned attributes only). */
  data: Record<string, unknown>;
  imageUrls: string[];
}

export interface LocalRecord {
  id: number;
  stockNumber: string;
  vehicleDocumentId: string | null;
  contentHash: string | null;
  removedAt: string | Date | null;
  /** Fields an editor pinned: kept on purpose, so not a difference. */
  pinnedFields?: string[] | null;
}

export interface LocalVehicle {
  documentId: string;
  stockNumber: string | null;
  published: boolean;
  /** The draft's values of the owned attributes. */
  values: Record<string, unknown>;
  /** Image URLs of its attached files in order (files the sync did not download count as null). */
  imageUrls: Array<string | null> | null;
}

export interface StockComparisonInput {
  feed: FeedVehicle[];
  /** The yard this connection syncs (null: all): feed items of other yards are reported, not compared. */
  yardFilter: string | null;
  records: LocalRecord[];
  vehicles: Map<string, LocalVehicle>;
  /** Owned targets and their attribute (dealership and images excluded). */
  owned: Array<{ target: string; attribute: string }>;
  /** Stock number -> why the last stock sync could not save it. */
  lastFailures: Map<string, string>;
  compareImages: boolean;
}

const day = (d: string | Date) => new Date(d).toISOString().slice(0, 10);

function fieldDifferences(feed: FeedVehicle, vehicle: LocalVehicle, owned: StockComparisonInput['owned'], pinned: string[]): FieldDifference[] {
  const out: FieldDifference[] = [];
  for (const { target, attribute } of owned) {
    if (pinned.includes(target)) continue;
    if (!(attribute in feed.data)) continue; // not written by the mapper for this item (fitted away): nothing to compare
    const easycars = feed.data[attribute];
    const here = vehicle.values[attribute];
    if (!sameValue(here, easycars)) out.push({ field: target, attribute, here: here ?? null, easycars: easycars ?? null });
  }
  return out;
}

function imageDifference(feedUrls: string[], local: Array<string | null>) {
  const localSet = new Set(local.filter((u): u is string => Boolean(u)));
  const feedSet = new Set(feedUrls);
  const missing = feedUrls.filter((u) => !localSet.has(u));
  const extra = local.filter((u) => !u || !feedSet.has(u)).length;
  const commonFeed = feedUrls.filter((u) => localSet.has(u));
  const commonLocal = local.filter((u): u is string => Boolean(u) && feedSet.has(u!));
  const outOfOrder = commonFeed.some((u, i) => commonLocal[i] !== u);
  return missing.length || extra || outOfOrder ? { missing, extra, outOfOrder, feedCount: feedUrls.length, localCount: local.length } : null;
}

export function compareStock(input: StockComparisonInput): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const push = (f: Omit<FindingDraft, 'fingerprint'>, data: unknown) => findings.push({ ...f, fingerprint: fingerprint([f.category, f.ref, data]) });
  const recordsBySn = new Map(input.records.map((r) => [r.stockNumber, r]));
  const linked = new Set(input.records.map((r) => r.vehicleDocumentId).filter(Boolean));
  const inFilter = new Set<string>();

  for (const item of input.feed) {
    const base = { subject: 'vehicle' as const, ref: item.stockNumber, title: item.title };
    if (input.yardFilter && item.yardCode !== input.yardFilter) {
      if (!recordsBySn.has(item.stockNumber)) {
        const reason = `Outside the yard filter: it is in yard ${item.yardCode ?? '(none)'}, and this connection syncs yard ${input.yardFilter} only.`;
        push({ ...base, category: 'missing_here', severity: 'missing', entryDocumentId: null, recordId: null, reason, details: { state: 'outside_yard' } }, item.yardCode);
      }
      continue;
    }
    inFilter.add(item.stockNumber);
    const record = recordsBySn.get(item.stockNumber);
    const vehicle = record?.vehicleDocumentId ? input.vehicles.get(record.vehicleDocumentId) : undefined;
    if (!record || !vehicle) {
      const failure = input.lastFailures.get(item.stockNumber);
      const reason = failure
        ? `The last stock sync could not save it: ${failure}`
        : record?.vehicleDocumentId
          ? 'Its vehicle was deleted here; the next stock sync creates it again.'
          : 'Never synced: new in EasyCars since the last stock sync.';
      push({ ...base, category: 'missing_here', severity: 'missing', entryDocumentId: null, recordId: record?.id ?? null, reason, details: null }, [item.hash, failure ?? null]);
      continue;
    }
    if (record.removedAt) {
      const reason = `Back in the EasyCars feed, but unpublished here since ${day(record.removedAt)} (it had left the feed); the next stock sync publishes it again.`;
      push({ ...base, category: 'missing_here', severity: 'outdated', entryDocumentId: vehicle.documentId, recordId: record.id, reason, details: null }, item.hash);
      continue;
    }
    const fields = fieldDifferences(item, vehicle, input.owned, record.pinnedFields ?? []);
    if (fields.length) {
      const editedHere = record.contentHash === item.hash;
      const names = fields.map((f) => f.field).join(', ');
      const reason = editedHere
        ? `Changed here since the last sync wrote it (${names}); what the next EasyCars change does to it follows the dealership's local-edit strategy.`
        : `EasyCars has newer values (${names}) that the sync has not written yet.`;
      push({ ...base, category: 'field_diff', severity: editedHere ? 'conflicting' : 'outdated', entryDocumentId: vehicle.documentId, recordId: record.id, reason, details: { fields } }, fields.map((f) => [f.field, f.here, f.easycars]));
    }
    if (input.compareImages && vehicle.imageUrls) {
      const images = imageDifference(item.imageUrls, vehicle.imageUrls);
      if (images) {
        const parts = [
          images.missing.length ? `${images.missing.length} missing` : '',
          images.extra ? `${images.extra} not from EasyCars` : '',
          images.outOfOrder ? 'in another order' : '',
        ].filter(Boolean);
        push({ ...base, category: 'images', severity: 'outdated', entryDocumentId: vehicle.documentId, recordId: record.id, reason: `Images differ from EasyCars: ${parts.join(', ')}.`, details: { images } }, images);
      }
    }
  }

  for (const record of input.records) {
    if (inFilter.has(record.stockNumber)) continue;
    const vehicle = record.vehicleDocumentId ? input.vehicles.get(record.vehicleDocumentId) : undefined;
    if (!vehicle) continue; // gone on both sides
    const base = { subject: 'vehicle' as const, ref: record.stockNumber, title: null, entryDocumentId: vehicle.documentId, recordId: record.id, details: null };
    if (!record.removedAt) {
      push({ ...base, category: 'extra_here', severity: 'outdated', reason: 'No longer in the EasyCars feed; the next stock sync unpublishes it.' }, 'active');
    } else if (vehicle.published) {
      push({ ...base, category: 'extra_here', severity: 'conflicting', reason: `Left the EasyCars feed on ${day(record.removedAt)} but is published here again.` }, ['published', day(record.removedAt)]);
    }
  }

  const feedNumbers = new Set(input.feed.map((i) => i.stockNumber));
  for (const vehicle of input.vehicles.values()) {
    if (linked.has(vehicle.documentId) || !vehicle.stockNumber) continue;
    const base = { subject: 'vehicle' as const, ref: vehicle.stockNumber, title: null, entryDocumentId: vehicle.documentId, recordId: null, details: null };
    if (feedNumbers.has(vehicle.stockNumber)) {
      push({ ...base, category: 'extra_here', severity: 'conflicting', reason: `Entered by hand with stock number ${vehicle.stockNumber}, which EasyCars also has: the next stock sync links it to EasyCars and takes over its EasyCars fields.` }, 'in-feed');
    } else {
      push({ ...base, category: 'extra_here', severity: 'conflicting', reason: `Entered by hand with stock number ${vehicle.stockNumber}, which EasyCars does not have.` }, 'not-in-feed');
    }
  }
  return findings;
}
