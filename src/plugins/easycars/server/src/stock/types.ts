import type { SyncCounts, ItemError, SyncWarning, ItemOutcome } from '../sync-logs/types';

/** The columns of a stock record the sync needs to decide what to do. */
export interface RecordState {
  id: number;
  StockNumber: string;
  VIN: string | null;
  vehicleDocumentId: string | null;
  contentHash: string | null;
  removedAt: string | Date | null;
  imagesHash: string | null;
}

export interface VehicleState {
  documentId: string;
  stockNumber: string | null;
  vin: string | null;
  published: boolean;
}

export interface SyncState {
  records: Map<string, RecordState>;
  vehicles: Map<string, VehicleState>;
}

export type ItemAction =
  /** Same hash, linked vehicle exists, in the feed last time: only lastSeenAt. */
  | { kind: 'unchanged'; record: RecordState; vehicle: VehicleState }
  /** Linked vehicle, new content. `publish` when the vehicle is currently published. */
  | { kind: 'update'; record: RecordState; vehicle: VehicleState; publish: boolean }
  /** Back in the feed after a removal: republish (and write fields if they changed). */
  | { kind: 'restore'; record: RecordState; vehicle: VehicleState; changed: boolean }
  /** No linked vehicle, but a vehicle of the same dealership matched by StockNumber or VIN. */
  | { kind: 'link'; record: RecordState | null; vehicle: VehicleState; matchedBy: 'stockNumber' | 'vin' }
  | { kind: 'create'; record: RecordState | null };

export interface SyncReport {
  counts: Required<SyncCounts>;
  itemErrors: ItemError[];
  warnings: SyncWarning[];
  items: ItemOutcome[];
}

export function emptyReport(): SyncReport {
  return {
    counts: {
      fetched: 0, created: 0, updated: 0, unchanged: 0, removed: 0, restored: 0, failed: 0,
      imagesDownloaded: 0, imagesReused: 0, imagesRemoved: 0, imagesFailed: 0,
    },
    itemErrors: [],
    warnings: [],
    items: [],
  };
}
