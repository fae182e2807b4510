import { copyRow } from '../../../src/plugins/easycars/server/src/stock/copy-row';

/** Built by computed name, like Strapi's validator output: many properties, dictionary mode in V8. */
const wideRow = () => {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < 60; i++) row[`field${i}`] = i % 3 === 0 ? null : `value ${i}`;
  return row;
};

describe('copyRow', () => {
  it('copies every key in order, as a new object, leaving the source alone', () => {
    const source = wideRow();
    const copy = copyRow(source);
    expect(copy).not.toBe(source);
    expect(copy).toEqual(source);
    expect(Object.keys(copy)).toEqual(Object.keys(source));
    copy.field1 = 'changed';
    expect(source.field1).toBe('value 1');
  });

  it('overwrites changed keys in place and appends new ones, like an object spread', () => {
    const source = { documentId: 'a', publishedAt: null, title: 'T' };
    const when = new Date();
    const copy = copyRow(source, { publishedAt: when, id: 7 });
    expect(copy).toEqual({ ...source, publishedAt: when, id: 7 });
    expect(Object.keys(copy)).toEqual(Object.keys({ ...source, publishedAt: when, id: 7 }));
    expect(source.publishedAt).toBeNull();
  });

  it('leaves out the omitted key only', () => {
    const source = { title: 'T', dealership: 'd1', price: 0, vin: undefined };
    const copy = copyRow(source, {}, 'dealership');
    expect(copy).toEqual({ title: 'T', price: 0, vin: undefined });
    expect('vin' in copy).toBe(true);
    expect(source.dealership).toBe('d1');
  });

  it('keeps rows of different keys apart, also when they have as many keys', () => {
    const a = copyRow({ x: 1, y: 2 });
    const b = copyRow({ p: 3, q: 4 });
    const c = copyRow({ y: 5, x: 6 });
    expect([a, b, c]).toEqual([{ x: 1, y: 2 }, { p: 3, q: 4 }, { y: 5, x: 6 }]);
    expect(Object.keys(c)).toEqual(['y', 'x']);
    expect(copyRow({ x: 7, y: 8, z: 9 }, {}, 'z')).toEqual({ x: 7, y: 8 });
  });

  it('copies values as they are (no JSON round trip)', () => {
    const when = new Date('2026-01-02T03:04:05Z');
    const features = { standard: ['ABS'], optional: [] };
    const copy = copyRow({ when, features, n: 1.5, missing: undefined });
    expect(copy.when).toBe(when);
    expect(copy.features).toBe(features);
    expect(copy).toEqual({ when, features, n: 1.5, missing: undefined });
    expect('missing' in copy).toBe(true);
  });
});
