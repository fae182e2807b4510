/**
 * Loads EasyCars links of vehicles for the list column: every cell asks for its vehicle, the
 * requests of one render are sent as one POST /easycars/vehicles/status.
 */
import { PLUGIN_ID } from '../pluginId';

export interface VehicleLink {
  vehicleDocumentId: string;
  stockNumber: string;
  yardCode: string | null;
  yardName: string | null;
  inFeed: boolean;
  removedAt: string | null;
  firstSeenAt: string | null;
  lastSyncedAt: string | null;
  imageSyncedAt: string | null;
  ownedFields: string[];
  /** FR20: the fields an editor can pin, and the pinned ones (by the sync's field names). */
  pinnable?: Array<{ target: string; attribute: string }>;
  pinnedFields?: string[];
}

type Post = (url: string, body: unknown) => Promise<{ data: any }>;
type Waiter = { resolve: (link: VehicleLink | null) => void; reject: (e: unknown) => void };

const cache = new Map<string, { at: number; link: VehicleLink | null }>();
const waiting = new Map<string, Waiter[]>();
let scheduled = false;
const TTL_MS = 15_000;
const MAX_PER_REQUEST = 200;

async function flush(post: Post) {
  scheduled = false;
  const batch = new Map(waiting);
  waiting.clear();
  const ids = [...batch.keys()];
  for (let i = 0; i < ids.length; i += MAX_PER_REQUEST) {
    const chunk = ids.slice(i, i + MAX_PER_REQUEST);
    try {
      const res = await post(`/${PLUGIN_ID}/vehicles/status`, { documentIds: chunk });
      for (const id of chunk) {
        const link = (res.data?.data?.[id] ?? null) as VehicleLink | null;
        cache.set(id, { at: Date.now(), link });
        batch.get(id)?.forEach((w) => w.resolve(link));
      }
    } catch (error) {
      for (const id of chunk) batch.get(id)?.forEach((w) => w.reject(error));
    }
  }
}

export function loadVehicleLink(documentId: string, post: Post): Promise<VehicleLink | null> {
  const hit = cache.get(documentId);
  if (hit && Date.now() - hit.at < TTL_MS) return Promise.resolve(hit.link);
  return new Promise((resolve, reject) => {
    waiting.set(documentId, [...(waiting.get(documentId) ?? []), { resolve, reject }]);
    if (!scheduled) {
      scheduled = true;
      setTimeout(() => void flush(post), 0);
    }
  });
}

export const formatWhen = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');
