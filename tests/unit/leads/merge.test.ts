import { SYNCED_FIELDS, type LeadValues } from '../../../src/plugins/easycars/server/src/leads/fields';
import { acceptedAfterUpdate, mergeFields, valueFromText, valueHash, valueToText } from '../../../src/plugins/easycars/server/src/leads/merge';
import { selectForRefresh } from '../../../src/plugins/easycars/server/src/leads/refresh-due';
import type { LeadRecord } from '../../../src/plugins/easycars/server/src/leads/records';
import { pluginConfigSchema } from '../../../src/plugins/easycars/server/src/config/schema';
import pluginConfig from '../../../src/plugins/easycars/server/src/config';

const base: LeadValues = Object.fromEntries(SYNCED_FIELDS.map((f) => [f, null])) as LeadValues;
Object.assign(base, { customerName: 'Ava Brown', customerEmail: 'ava@example.com', message: 'Hi', vehiclePrice: 25990, vehicleMake: 'Toyota', rating: 'hot' });
const merge = (local: Partial<LeadValues>, remote: Partial<LeadValues>, strategy: 'manual' | 'local_wins' | 'easycars_wins' = 'manual', refused = {}) =>
  mergeFields({ base, local: { ...base, ...local }, remote: { ...base, ...remote }, strategy, refused });

describe('three-way merge of the synced lead fields', () => {
  it('nothing changed → nothing to do', () => {
    expect(merge({}, {})).toEqual({ push: [], apply: {}, agreed: {}, conflicts: [], refused: {}, createOnly: [] });
  });
  it('changed here only → pushed, never overwritten by EasyCars\' old value', () => {
    const plan = merge({ customerMobile: '0400 000 001', message: 'New note' }, {});
    expect(plan.push).toEqual(['customerMobile', 'message']);
    expect(plan.apply).toEqual({});
  });
  it('changed in EasyCars only → applied here and agreed', () => {
    const plan = merge({}, { rating: 'cold', vehiclePrice: 23000 });
    expect(plan.apply).toEqual({ vehiclePrice: 23000, rating: 'cold' });
    expect(plan.agreed).toEqual({ vehiclePrice: 23000, rating: 'cold' });
    expect(plan.push).toEqual([]);
  });
  it('a field EasyCars left out (undocumented enum number) counts as unchanged there', () => {
    const plan = mergeFields({ base, local: { ...base, rating: 'warm' }, remote: { message: 'Hi' }, strategy: 'manual' });
    expect(plan.push).toEqual(['rating']);
  });
  it('changed on both sides to the same value → agreed, nothing sent', () => {
    const plan = merge({ message: 'Same' }, { message: 'Same' });
    expect(plan).toMatchObject({ push: [], apply: {}, agreed: { message: 'Same' }, conflicts: [] });
  });
  it('changed on both sides differently → the dealership strategy decides', () => {
    expect(merge({ customerEmail: 'a@x.au' }, { customerEmail: 'b@x.au' }, 'manual').conflicts).toEqual([
      { field: 'customerEmail', base: 'ava@example.com', local: 'a@x.au', remote: 'b@x.au' },
    ]);
    const local = merge({ customerEmail: 'a@x.au' }, { customerEmail: 'b@x.au' }, 'local_wins');
    expect(local).toMatchObject({ push: ['customerEmail'], apply: {}, agreed: { customerEmail: 'b@x.au' }, conflicts: [] });
    const remote = merge({ customerEmail: 'a@x.au' }, { customerEmail: 'b@x.au' }, 'easycars_wins');
    expect(remote).toMatchObject({ push: [], apply: { customerEmail: 'b@x.au' }, agreed: { customerEmail: 'b@x.au' }, conflicts: [] });
  });
  it('a local value EasyCars refused before is kept but not sent again; a newer local value is sent', () => {
    const refused = { customerMobile: valueHash('customerMobile', '0400 000 001') };
    expect(merge({ customerMobile: '0400 000 001' }, {}, 'manual', refused)).toMatchObject({ push: [], refused });
    expect(merge({ customerMobile: '0400 000 002' }, {}, 'manual', refused)).toMatchObject({ push: ['customerMobile'], refused: {} });
  });
  it('create-only fields changed here are kept, not sent', () => {
    expect(merge({ vehicleMake: 'Mazda' }, {})).toMatchObject({ push: [], createOnly: ['vehicleMake'] });
  });
  it('after UpdateLead: what the read-back shows is accepted, the rest refused by hash', () => {
    const r = acceptedAfterUpdate({ customerEmail: 'new@x.au', customerMobile: '0400' }, { customerEmail: 'new@x.au', customerMobile: '0499' });
    expect(r.accepted).toEqual(['customerEmail']);
    expect(r.refused).toEqual({ customerMobile: valueHash('customerMobile', '0400') });
    expect(r.refused.customerMobile).not.toContain('0400');
  });
  it('conflict values round-trip through the text columns with their type', () => {
    expect(valueFromText('vehiclePrice', valueToText(25990.5))).toBe(25990.5);
    expect(valueFromText('vehicleYear', '2021')).toBe(2021);
    expect(valueFromText('isVehicleNew', valueToText(false))).toBe(false);
    expect(valueFromText('customerName', null)).toBeNull();
  });
});

describe('bounded lead refresh', () => {
  const now = new Date('2026-11-28T00:00:00Z');
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86400000).toISOString();
  let id = 0;
  const rec = (over: Partial<LeadRecord>): LeadRecord =>
    ({ id: ++id, syncedStatus: 10, LeadStatus: null, closedAt: null, lastPulledAt: daysAgo(0), ...over }) as LeadRecord;

  it('open leads every run; deleted and long-closed ones weekly; recently closed ones every run', () => {
    const open = rec({ syncedStatus: 30 });
    const deleted = rec({ syncedStatus: 90, closedAt: daysAgo(1) });
    const oldWon = rec({ syncedStatus: 50, closedAt: daysAgo(40) });
    const newLost = rec({ syncedStatus: 60, closedAt: daysAgo(5) });
    const oldLostNotSeenForAWeek = rec({ syncedStatus: 60, closedAt: daysAgo(40), lastPulledAt: daysAgo(8) });
    const s = selectForRefresh([open, deleted, oldWon, newLost, oldLostNotSeenForAWeek], now, 30);
    expect(s.due.map((r) => r.id)).toEqual([open.id, newLost.id, oldLostNotSeenForAWeek.id]);
    expect(s.notDue).toEqual({ deleted: 1, closed: 1 });
  });
  it('stamps closedAt on leads seen closed for the first time and clears it on reopened ones', () => {
    const justWon = rec({ syncedStatus: 50 });
    const reopened = rec({ syncedStatus: 30, closedAt: daysAgo(50) });
    const s = selectForRefresh([justWon, reopened], now, 30);
    expect(s.stampClosed).toEqual([justWon.id]);
    expect(s.reopened).toEqual([reopened.id]);
    expect(s.due).toHaveLength(2);
  });
  it('5,000 known leads of which 200 are open: about 200 refreshed per run', () => {
    const known = Array.from({ length: 5000 }, (_, i) =>
      i < 200 ? rec({ syncedStatus: i % 2 ? 10 : 30 }) : i < 1000 ? rec({ syncedStatus: 90, closedAt: daysAgo(200) }) : rec({ syncedStatus: i % 2 ? 50 : 60, closedAt: daysAgo(100) }),
    );
    const s = selectForRefresh(known, now, 30);
    expect(s.due).toHaveLength(200);
    expect(s.notDue).toEqual({ deleted: 800, closed: 4000 });
  });
  it('the closed-days option is validated', () => {
    const defaults = pluginConfig.default({ env: Object.assign((_k: string, f?: string) => f, { bool: (_k: string, f?: boolean) => f, int: (_k: string, f?: number) => f, array: (_k: string, f?: string[]) => f }) as any });
    expect(defaults.sync.leadClosedDays).toBe(30);
    expect(pluginConfigSchema.safeParse(defaults).success).toBe(true);
    expect(() => pluginConfig.validator({ ...defaults, sync: { ...defaults.sync, leadClosedDays: 0 } })).toThrow(/sync\.leadClosedDays/);
  });
});
