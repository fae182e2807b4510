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
});
