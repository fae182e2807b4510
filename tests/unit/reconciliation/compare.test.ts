import { compareStock, type FeedVehicle, type LocalVehicle, type StockComparisonInput } from '../../../src/plugins/easycars/server/src/reconciliation/compare-stock';
import { compareLeads, PENDING_GRACE_MS, type LeadRecordRow } from '../../../src/plugins/easycars/server/src/reconciliation/compare-leads';
import { sameValue } from '../../../src/plugins/easycars/server/src/reconciliation/same-value';
import { canPush, canSync } from '../../../src/plugins/easycars/server/src/reconciliation/views';
import type { LeadValues } from '../../../src/plugins/easycars/server/src/leads/fields';

const owned = [{ target: 'price', attribute: 'price' }, { target: 'description', attribute: 'description' }, { target: 'features', attribute: 'features' }];
const item = (sn: string, over: Partial<FeedVehicle> = {}): FeedVehicle => ({
  stockNumber: sn, yardCode: 'MAIN', title: `Car ${sn}`, hash: `h-${sn}`, data: { price: 20000, description: 'Nice', features: { standard: ['ABS'], optional: [] } }, imageUrls: ['a', 'b'], ...over,
});
const vehicle = (id: string, over: Partial<LocalVehicle> = {}): LocalVehicle => ({
  documentId: id, stockNumber: null, published: true, values: { price: '20000.00', description: 'Nice', features: { optional: [], standard: ['ABS'] } }, imageUrls: ['a', 'b'], ...over,
});
const input = (over: Partial<StockComparisonInput>): StockComparisonInput => ({
  feed: [item('S1')],
  yardFilter: null,
  records: [{ id: 1, stockNumber: 'S1', vehicleDocumentId: 'v1', contentHash: 'h-S1', removedAt: null }],
  vehicles: new Map([['v1', vehicle('v1')]]),
  owned,
  lastFailures: new Map(),
  compareImages: true,
  ...over,
});

describe('values compared across databases', () => {
  it('treats decimals read back as text, dates, key order and empty strings as the same value', () => {
    expect(sameValue('20000.00', 20000)).toBe(true);
    expect(sameValue(new Date('2026-05-01T00:00:00Z'), '2026-05-01')).toBe(true);
    expect(sameValue({ b: 1, a: [2] }, { a: [2], b: 1 })).toBe(true);
    expect(sameValue('', null)).toBe(true);
    expect(sameValue(1, true)).toBe(true);
    expect(sameValue(null, false)).toBe(false);
    expect(sameValue('Nice', 'Nice car')).toBe(false);
  });
});

describe('vehicle reconciliation', () => {
  it('finds nothing when the vehicle holds what the feed says', () => {
    expect(compareStock(input({}))).toEqual([]);
  });

  it('calls a difference after the sync wrote the vehicle a local edit (conflicting), and one the sync has not applied outdated', () => {
    const edited = compareStock(input({ vehicles: new Map([['v1', vehicle('v1', { values: { price: 20000, description: 'Better words', features: null } })]]) }));
    expect(edited).toEqual([expect.objectContaining({ category: 'field_diff', severity: 'conflicting', ref: 'S1', entryDocumentId: 'v1' })]);
    expect(edited[0].details!.fields!.map((f) => f.field)).toEqual(['description', 'features']);
    const newer = compareStock(input({ feed: [item('S1', { hash: 'h-new', data: { price: 18000, description: 'Nice', features: { standard: ['ABS'], optional: [] } } })] }));
    expect(newer).toEqual([expect.objectContaining({ category: 'field_diff', severity: 'outdated', reason: expect.stringMatching(/newer values \(price\)/) })]);
  });

  it('says why a feed vehicle is not here: never synced, failed, deleted here, outside the yard filter, unpublished after leaving', () => {
    const findings = compareStock(
      input({
        feed: [item('S1'), item('NEW'), item('BAD'), item('GONE'), item('OTHER', { yardCode: 'WEST' }), item('BACK')],
        yardFilter: 'MAIN',
        records: [
          { id: 1, stockNumber: 'S1', vehicleDocumentId: 'v1', contentHash: 'h-S1', removedAt: null },
          { id: 2, stockNumber: 'GONE', vehicleDocumentId: 'deleted', contentHash: 'x', removedAt: null },
          { id: 3, stockNumber: 'BACK', vehicleDocumentId: 'v3', contentHash: 'x', removedAt: '2026-11-01T00:00:00Z' },
        ],
        vehicles: new Map([['v1', vehicle('v1')], ['v3', vehicle('v3', { published: false })]]),
        lastFailures: new Map([['BAD', 'price must be a number']]),
      }),
    );
    const reason = (ref: string) => findings.find((f) => f.ref === ref)!.reason;
    expect(reason('NEW')).toMatch(/^Never synced/);
    expect(reason('BAD')).toBe('The last stock sync could not save it: price must be a number');
    expect(reason('GONE')).toMatch(/deleted here/);
    expect(reason('OTHER')).toMatch(/Outside the yard filter: it is in yard WEST/);
    expect(reason('BACK')).toMatch(/Back in the EasyCars feed, but unpublished here since 2026-11-01/);
    expect(findings.find((f) => f.ref === 'OTHER')!.details).toEqual({ state: 'outside_yard' });
  });

  it('finds vehicles here that EasyCars no longer has, and manual vehicles claiming a stock number', () => {
    const findings = compareStock(
      input({
        feed: [item('S1')],
        records: [
          { id: 1, stockNumber: 'S1', vehicleDocumentId: 'v1', contentHash: 'h-S1', removedAt: null },
          { id: 2, stockNumber: 'LEFT', vehicleDocumentId: 'v2', contentHash: 'x', removedAt: null },
          { id: 3, stockNumber: 'REPUB', vehicleDocumentId: 'v3', contentHash: 'x', removedAt: '2026-10-01T00:00:00Z' },
        ],
        vehicles: new Map([['v1', vehicle('v1')], ['v2', vehicle('v2')], ['v3', vehicle('v3', { published: true })], ['m1', vehicle('m1', { stockNumber: 'MAN' })], ['m2', vehicle('m2', { stockNumber: 'S1' })], ['m3', vehicle('m3')]]),
      }),
    );
    expect(findings.map((f) => [f.category, f.ref, f.severity])).toEqual([
      ['extra_here', 'LEFT', 'outdated'],
      ['extra_here', 'REPUB', 'conflicting'],
      ['extra_here', 'MAN', 'conflicting'],
      ['extra_here', 'S1', 'conflicting'],
    ]);
    expect(findings[3].reason).toMatch(/which EasyCars also has/);
  });

  it('finds images missing, not from EasyCars, or in another order', () => {
    const images = (local: Array<string | null>) => compareStock(input({ vehicles: new Map([['v1', vehicle('v1', { imageUrls: local })]]) }))[0]?.details?.images;
    expect(images(['b', 'a'])).toEqual({ missing: [], extra: 0, outOfOrder: true, feedCount: 2, localCount: 2 });
    expect(images(['a'])).toMatchObject({ missing: ['b'], extra: 0, outOfOrder: false });
    expect(images(['a', 'b', null])).toMatchObject({ missing: [], extra: 1 });
    expect(compareStock(input({ compareImages: false, vehicles: new Map([['v1', vehicle('v1', { imageUrls: [] })]]) }))).toEqual([]);
  });

  it('gives an unchanged finding the same fingerprint, and a changed one another (ignores follow the data)', () => {
    const once = compareStock(input({ vehicles: new Map([['v1', vehicle('v1', { values: { price: 1, description: 'Nice', features: null } })]]) }));
    const twice = compareStock(input({ vehicles: new Map([['v1', vehicle('v1', { values: { price: 1, description: 'Nice', features: null } })]]) }));
    const changed = compareStock(input({ vehicles: new Map([['v1', vehicle('v1', { values: { price: 2, description: 'Nice', features: null } })]]) }));
    expect(once[0].fingerprint).toBe(twice[0].fingerprint);
    expect(changed[0].fingerprint).not.toBe(once[0].fingerprint);
  });
});

describe('lead reconciliation', () => {
  const values = (over: Partial<LeadValues> = {}) => ({ customerName: 'Ava', customerEmail: 'ava@example.test', message: 'Hi', ...over }) as LeadValues;
  const rec = (over: Partial<LeadRecordRow>): LeadRecordRow => ({
    id: 1, leadDocumentId: 'l1', LeadNumber: '000001', pushState: 'pushed', pushError: null, updatedAt: new Date(), syncedValues: values(), easycarsStatus: 'new', ...over,
  });
  const local = (over: Partial<LeadValues> = {}, status = 'new') => new Map([['l1', { values: values(over), status, title: 'Ava' }]]);
  const now = new Date('2026-11-29T10:00:00Z');
  const attr = (f: string) => (f === 'status' ? 'leadStatus' : f);

  it('reports failed, in-review and long-waiting pushes, and not a push waiting a moment', () => {
    expect(compareLeads([rec({ pushState: 'failed', pushError: 'Email is invalid', LeadNumber: null })], local(), attr, now)[0]).toMatchObject({ severity: 'missing', ref: 'l1', reason: 'Not in EasyCars: the last push failed: Email is invalid' });
    expect(compareLeads([rec({ pushState: 'review' })], local(), attr, now)[0]).toMatchObject({ severity: 'conflicting', reason: expect.stringMatching(/^In review/) });
    expect(compareLeads([rec({ pushState: 'pending', updatedAt: new Date(now.getTime() - PENDING_GRACE_MS - 1000) })], local(), attr, now)).toHaveLength(1);
    expect(compareLeads([rec({ pushState: 'pending', updatedAt: new Date(now.getTime() - 1000) })], local(), attr, now)).toEqual([]);
  });

  it('reports fields changed since EasyCars last agreed, and a status mismatch as conflicting', () => {
    const [f] = compareLeads([rec({ easycarsStatus: 'in_progress' })], local({ message: 'Call me' }, 'won'), attr, now);
    expect(f).toMatchObject({ category: 'lead', severity: 'conflicting', ref: '000001' });
    expect(f.details!.fields).toEqual([
      { field: 'message', attribute: 'message', here: 'Call me', easycars: 'Hi' },
      { field: 'status', attribute: 'leadStatus', here: 'won', easycars: 'in_progress' },
    ]);
    expect(compareLeads([rec({})], local(), attr, now)).toEqual([]);
  });
});

describe('row actions', () => {
  it('offers Sync from EasyCars where the feed has something to apply, and Push for failed or waiting leads', () => {
    expect(canSync({ subject: 'vehicle', category: 'field_diff', severity: 'conflicting', recordId: 1, details: null })).toBe(true);
    expect(canSync({ subject: 'vehicle', category: 'missing_here', severity: 'missing', recordId: null, details: { state: 'outside_yard' } })).toBe(false);
    expect(canSync({ subject: 'vehicle', category: 'extra_here', severity: 'conflicting', recordId: null, details: null })).toBe(false);
    expect(canSync({ subject: 'vehicle', category: 'extra_here', severity: 'outdated', recordId: 4, details: null })).toBe(true);
    expect(canPush({ subject: 'lead', recordId: 3, details: { state: 'failed' } })).toBe(true);
    expect(canPush({ subject: 'lead', recordId: 3, details: { state: 'review' } })).toBe(false);
  });
});
