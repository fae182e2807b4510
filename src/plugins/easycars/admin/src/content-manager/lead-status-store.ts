/**
 * Batches the list view's per-row lookups into one GET /easycars/leads/status?documentIds=…
 * (one request per rendered page instead of one per row).
 */
export interface LeadColumnStatus {
  badge: 'sent' | 'sending' | 'not_sent' | 'failed' | 'review';
  leadNumber: string | null;
  /** FR18: made here and sent, or imported from EasyCars. */
  origin?: 'here' | 'easycars' | null;
}

type Getter = (url: string, config?: any) => Promise<{ data: any }>;
type Waiter = { resolve: (s: LeadColumnStatus | null) => void };

const waiting = new Map<string, Waiter[]>();
let timer: ReturnType<typeof setTimeout> | null = null;

export function loadLeadStatus(get: Getter, documentId: string): Promise<LeadColumnStatus | null> {
  return new Promise((resolve) => {
    waiting.set(documentId, [...(waiting.get(documentId) ?? []), { resolve }]);
    timer ??= setTimeout(() => void flush(get), 20);
  });
}

async function flush(get: Getter) {
  timer = null;
  const batch = new Map(waiting);
  waiting.clear();
  const ids = [...batch.keys()];
  let result: Record<string, LeadColumnStatus> = {};
  try {
    const res = await get('/easycars/leads/status', { params: { documentIds: ids.join(',') } });
    result = res.data.data ?? {};
  } catch {
    // No EasyCars permission (or the API is down): the column stays empty rather than breaking the list.
  }
  for (const [id, waiters] of batch) waiters.forEach((w) => w.resolve(result[id] ?? null));
}
