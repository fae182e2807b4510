import { planFields, strategyFor, type FieldInput } from '../../../src/plugins/easycars/server/src/stock/local-edits';

const owned = [{ target: 'price', attribute: 'price' }, { target: 'description', attribute: 'body' }, { target: 'colour', attribute: 'colour' }];
const input = (over: Partial<FieldInput>): FieldInput => ({
  owned,
  feed: { price: 100, body: 'EasyCars text', colour: 'Red' },
  local: { price: 100, body: 'EasyCars text', colour: 'Red' },
  base: { price: 100, body: 'EasyCars text', colour: 'Red' },
  pinned: [],
  strategyOf: () => 'easycars',
  ...over,
});

describe('FR20: a synced vehicle’s fields, three ways', () => {
  it('applies EasyCars where nothing was edited here, and everything on the first sync with no memory yet', () => {
    expect(planFields(input({ feed: { price: 90, body: 'EasyCars text', colour: 'Red' } })).write).toEqual({ price: 90, body: 'EasyCars text', colour: 'Red' });
    const first = planFields(input({ base: null, local: { price: 1, body: 'mine', colour: 'Blue' } }));
    expect(first.write).toEqual({ price: 100, body: 'EasyCars text', colour: 'Red' });
    expect(first.overwritten).toEqual([]);
  });

  it('EasyCars wins: overwrites the local edit and says so, with before and after', () => {
    const plan = planFields(input({ local: { price: 100, body: 'Our words', colour: 'Red' }, feed: { price: 100, body: 'New EasyCars text', colour: 'Red' } }));
    expect(plan.write.body).toBe('New EasyCars text');
    expect(plan.overwritten).toEqual([{ field: 'description', attribute: 'body', before: 'Our words', after: 'New EasyCars text' }]);
  });

  it('this site wins: keeps the local value, records what EasyCars changed, writes the rest', () => {
    const plan = planFields(input({ strategyOf: () => 'local', local: { price: 100, body: 'Our words', colour: 'Red' }, feed: { price: 95, body: 'New EasyCars text', colour: 'Red' } }));
    expect(plan.write).toEqual({ price: 95, colour: 'Red' });
    expect(plan.kept).toEqual([{ field: 'description', attribute: 'body', local: 'Our words', easycars: 'New EasyCars text', pinned: false }]);
  });

  it('manual review: a conflict only when both sides changed; a local edit EasyCars did not touch just stays', () => {
    const both = planFields(input({ strategyOf: () => 'review', local: { price: 100, body: 'Our words', colour: 'Red' }, feed: { price: 100, body: 'New EasyCars text', colour: 'Red' } }));
    expect(both.conflicts).toEqual([{ field: 'description', attribute: 'body', base: 'EasyCars text', local: 'Our words', remote: 'New EasyCars text' }]);
    expect('body' in both.write).toBe(false);
    const onlyHere = planFields(input({ strategyOf: () => 'review', local: { price: 100, body: 'Our words', colour: 'Red' } }));
    expect(onlyHere.conflicts).toEqual([]);
    expect('body' in onlyHere.write).toBe(false);
  });

  it('a pinned field is kept whatever the strategy, even on an explicit Sync from EasyCars', () => {
    const plan = planFields(input({ pinned: ['description'], force: true, local: { price: 1, body: 'Keep me', colour: 'Red' }, feed: { price: 100, body: 'New', colour: 'Red' } }));
    expect(plan.kept).toEqual([expect.objectContaining({ field: 'description', pinned: true })]);
    expect(plan.write).toEqual({ price: 100, colour: 'Red' });
    expect(plan.overwritten).toEqual([{ field: 'price', attribute: 'price', before: 1, after: 100 }]);
  });

  it('an edit that already equals the EasyCars value is no conflict', () => {
    const plan = planFields(input({ strategyOf: () => 'review', local: { price: 100, body: 'Same', colour: 'Red' }, feed: { price: 100, body: 'Same', colour: 'Red' } }));
    expect(plan).toMatchObject({ conflicts: [], kept: [], overwritten: [] });
  });

  it('takes a field’s own strategy over the dealership’s default, and EasyCars wins when nothing is set', () => {
    const of = strategyFor({ stockConflictStrategy: 'local', stockFieldStrategies: { description: 'review' } });
    expect([of('description'), of('price')]).toEqual(['review', 'local']);
    expect(strategyFor({})('price')).toBe('easycars');
  });
});
