/**
 * The entries a relation input points at, in any of the shapes the Document Service accepts:
 * `'docId'`, `5`, `{ documentId }`, `{ id }`, arrays of those, or `{ connect, disconnect, set }`.
 */
export interface RelationTarget {
  id?: number;
  documentId?: string;
}

export interface RelationChange {
  /** `set` (or a bare value): the relation becomes exactly these. */
  set?: RelationTarget[];
  connect: RelationTarget[];
  disconnect: RelationTarget[];
}

function toTarget(value: unknown): RelationTarget | null {
  if (typeof value === 'string') return { documentId: value };
  if (typeof value === 'number') return { id: value };
  if (value && typeof value === 'object') {
    const v = value as { id?: unknown; documentId?: unknown };
    if (typeof v.documentId === 'string') return { documentId: v.documentId };
    if (typeof v.id === 'number' || typeof v.id === 'string') return typeof v.id === 'string' && !/^\d+$/.test(v.id) ? { documentId: v.id } : { id: Number(v.id) };
  }
  return null;
}

const toTargets = (value: unknown): RelationTarget[] =>
  (Array.isArray(value) ? value : value == null ? [] : [value]).map(toTarget).filter((t): t is RelationTarget => t !== null);

export function parseRelationInput(value: unknown): RelationChange {
  if (value === null) return { set: [], connect: [], disconnect: [] };
  if (value && typeof value === 'object' && !Array.isArray(value) && ('connect' in value || 'disconnect' in value || 'set' in value)) {
    const v = value as { connect?: unknown; disconnect?: unknown; set?: unknown };
    return {
      ...(v.set !== undefined ? { set: toTargets(v.set) } : {}),
      connect: toTargets(v.connect),
      disconnect: toTargets(v.disconnect),
    };
  }
  return { set: toTargets(value), connect: [], disconnect: [] };
}

/** Entries the input would link (not unlink). */
export const linkedTargets = (change: RelationChange) => [...(change.set ?? []), ...change.connect];
