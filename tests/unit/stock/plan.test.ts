import { createPlanner } from '../../../src/plugins/easycars/server/src/stock/plan';
import { decideRemovals } from '../../../src/plugins/easycars/server/src/stock/removal-guard';
import type { RecordState, SyncState, VehicleState } from '../../../src/plugins/easycars/server/src/stock/types';

const rec = (id: number, sn: string, over: Partial<RecordState> = {}): RecordState => ({
  id, StockNumber: sn, VIN: null, vehicleDocumentId: `v${sn}`, contentHash: `h${sn}`, removedAt: null, imagesHash: null, ...over,
});
const veh = (documentId: string, over: Partial<VehicleState> = {}): VehicleState => ({ documentId, stockNumber: null, vin: null, published: true, ...over });
const state = (records: RecordState[], vehicles: VehicleState[]): SyncState => ({
  records: new Map(records.map((r) => [r.StockNumber, r])),
  vehicles: new Map(vehicles.map((v) => [v.documentId, v])),
});

describe('planner', () => {
  it('unchanged when the hash matches and the linked vehicle exists', () => {
    const p = createPlanner(state([rec(1, '1')], [veh('v1')]));
    expect(p.plan({ stockNumber: '1', vin: null, hash: 'h1' }).kind).toBe('unchanged');
  });

  it('update when the hash differs; keeps an editor-unpublished vehicle a draft', () => {
    const p = createPlanner(state([rec(1, '1')], [veh('v1', { published: false })]));
    expect(p.plan({ stockNumber: '1', vin: null, hash: 'new' })).toMatchObject({ kind: 'update', publish: false });
  });

  it('restore when the record was removed, noting whether the content changed', () => {
    const p = createPlanner(state([rec(1, '1', { removedAt: '2025-01-01' }), rec(2, '2', { removedAt: '2025-01-01' })], [veh('v1', { published: false }), veh('v2')]));
    expect(p.plan({ stockNumber: '1', vin: null, hash: 'h1' })).toMatchObject({ kind: 'restore', changed: false });
    expect(p.plan({ stockNumber: '2', vin: null, hash: 'x' })).toMatchObject({ kind: 'restore', changed: true });
  });

  it('links a manual vehicle by StockNumber first, then by non-empty VIN', () => {
    const p = createPlanner(state([], [veh('m1', { stockNumber: '5' }), veh('m2', { vin: 'VIN9' })]));
    expect(p.plan({ stockNumber: '5', vin: 'VIN9', hash: 'a' })).toMatchObject({ kind: 'link', matchedBy: 'stockNumber', vehicle: { documentId: 'm1' } });
    expect(p.plan({ stockNumber: '6', vin: 'vin9', hash: 'a' })).toMatchObject({ kind: 'link', matchedBy: 'vin', vehicle: { documentId: 'm2' } });
    expect(p.plan({ stockNumber: '7', vin: '', hash: 'a' }).kind).toBe('create');
  });

  it('never matches a vehicle twice, nor one already linked to another record', () => {
    const p = createPlanner(state([rec(1, '1', { vehicleDocumentId: 'm1' })], [veh('m1', { stockNumber: '2', vin: 'V' }), veh('m2', { vin: 'W' })]));
    expect(p.plan({ stockNumber: '2', vin: 'V', hash: 'a' }).kind).toBe('create');
    expect(p.plan({ stockNumber: '3', vin: 'W', hash: 'a' }).kind).toBe('link');
    expect(p.plan({ stockNumber: '4', vin: 'W', hash: 'a' }).kind).toBe('create');
  });

  it('a record whose vehicle was deleted is created again (keeping the record)', () => {
    const p = createPlanner(state([rec(1, '1')], []));
    expect(p.plan({ stockNumber: '1', vin: null, hash: 'h1' })).toMatchObject({ kind: 'create', record: { id: 1 } });
  });
});

describe('removal guard', () => {
  it('allows ordinary removals', () => {
    expect(decideRemovals({ fetched: 95, knownInFeed: 100, missing: 5, maxMissingShare: 0.5 }).allowed).toBe(true);
    expect(decideRemovals({ fetched: 0, knownInFeed: 0, missing: 0, maxMissingShare: 0.5 }).allowed).toBe(true);
  });
  it('refuses an empty feed, naming the account secret', () => {
    const d = decideRemovals({ fetched: 0, knownInFeed: 10, missing: 10, maxMissingShare: 0.5 });
    expect(d.allowed).toBe(false);
    expect(d.reason).toMatch(/empty stock list.*account secret/);
  });
  it('refuses more than the configured share', () => {
    expect(decideRemovals({ fetched: 40, knownInFeed: 100, missing: 60, maxMissingShare: 0.5 }).allowed).toBe(false);
    expect(decideRemovals({ fetched: 40, knownInFeed: 100, missing: 60, maxMissingShare: 0.7 }).allowed).toBe(true);
  });
});
