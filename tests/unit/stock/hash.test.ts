import { imagesHash, normalise, normalisedJson, sortedKeys, stockItemHash } from '../../../src/plugins/easycars/server/src/stock/hash';
import { stockRecordFields } from '../../../src/plugins/easycars/server/src/stock/stock-record-data';
import { fitToSchema } from '../../../src/plugins/easycars/server/src/stock/fit-to-schema';
import { item } from './fixtures';
import { STOCK_FIELD_NAMES } from '../../../src/plugins/easycars/server/src/client/models/stock';

describe('change hash', () => {
  it('is stable for the same item, whatever the key order or blank text', () => {
    const a = item();
    const b = item({ Toilet: null, Badge: ' Ascent Sport ' });
    expect(stockItemHash(a, 'm')).toBe(stockItemHash(b, 'm'));
    expect(normalise({ b: 1, a: '' })).toEqual({ b: 1 });
  });
  it('changes with any field, and with the field map', () => {
    expect(stockItemHash(item(), 'm')).not.toBe(stockItemHash(item({ Price: 27991 }), 'm'));
    expect(stockItemHash(item(), 'm')).not.toBe(stockItemHash(item({ ImageURLs: 'https://x/1.jpg' }), 'm'));
    expect(stockItemHash(item(), 'm')).not.toBe(stockItemHash(item(), 'other'));
  });
  it('is the hash earlier versions stored (a different one would rewrite every vehicle once)', () => {
    expect(stockItemHash(item(), 'sig')).toBe('c9f3bb6af94798146a77715034d7250812b6f67ff299b7f039d3f7bacb45200b');
    expect(stockItemHash(item({ Surprise: { b: ' x ', a: [1, -0, ''] } }), 'sig')).toBe('1339f8cb840932727d23a0ae95a8e86b6c14a64ee1d614f0c992f2c62acb6b52');
  });
  it('sorts keys like Object.keys().sort(), also for different key lists of the same length', () => {
    expect(sortedKeys({ b: 1, c: 2, a: 3 })).toEqual(['a', 'b', 'c']);
    expect(sortedKeys({ z: 1, y: 2, x: 3 })).toEqual(['x', 'y', 'z']);
    expect(sortedKeys({ b: 1, c: 2, a: 3 })).toEqual(['a', 'b', 'c']);
    expect(sortedKeys({ B: 1, a: 2, _: 3, '10': 4, '9': 5 })).toEqual(Object.keys({ B: 1, a: 2, _: 3, '10': 4, '9': 5 }).sort());
  });
  it('writes the JSON of the normalised value directly, character for character', () => {
    const tricky: unknown[] = [
      item(),
      item({ Surprise: { b: ' x ', a: [1, -0, '', null, { c: '' }, [], NaN], '10': 1, '9': 2, é: 'ü\n"q"', e: {} } }),
      item({ Price: Number.NaN, Odometer: -0, Badge: '   ', RegoExpiry: 'not a date' }),
      JSON.parse('{"__proto__": {"x": 1}, "a": 1}'),
      { when: new Date('2026-02-03T10:00:00Z'), bad: new Date(Number.NaN), yes: true, no: false, inf: Infinity, nested: { deeper: { empty: ' ' } } },
      [null, undefined, '', ' a ', { z: 1, y: null }],
      null, undefined, '', '  text  ', 0, -0, 12.5,
    ];
    for (const value of tricky) expect(normalisedJson(value) ?? 'null').toBe(JSON.stringify(normalise(value)));
  });
  it('image hash follows order', () => {
    expect(imagesHash(['a', 'b'])).not.toBe(imagesHash(['b', 'a']));
  });
});

describe('stock record fields', () => {
  it('holds the 72 fields, RegoExpiry as a date string, undocumented fields in extraFields', () => {
    const f = stockRecordFields(item({ Surprise: 1 }));
    expect(Object.keys(f).filter((k) => /^[A-Z]/.test(k))).toHaveLength(72);
    expect(f.RegoExpiry).toBe('2026-03-15');
    expect(f.extraFields).toEqual({ Surprise: 1 });
  });
});

describe('fitToSchema', () => {
  it('shortens over-long text, empties out-of-range numbers and drops unknown enum values, with warnings', () => {
    const warnings: any[] = [];
    const out = fitToSchema('1', { title: 'x'.repeat(300), year: 1800, vehicleType: 'spaceship', make: 'ok' }, {
      title: { type: 'string', maxLength: 255 }, year: { type: 'integer', min: 1900, max: 2100 },
      vehicleType: { type: 'enumeration', enum: ['car'] }, make: { type: 'string', maxLength: 100 },
    }, warnings);
    expect((out.title as string).length).toBe(255);
    expect(out.year).toBeNull();
    expect(out).not.toHaveProperty('vehicleType');
    expect(out.make).toBe('ok');
    expect(warnings.map((w) => w.field)).toEqual(['title', 'year', 'vehicleType']);
  });

  it('never changes its input: a copy when something needed fixing, the input itself when nothing did', () => {
    const attributes = { title: { type: 'string', maxLength: 10 }, year: { type: 'integer', min: 1900 } };
    const input = { title: 'x'.repeat(20), year: 2020 };
    const fixed = fitToSchema('1', input, attributes, []);
    expect(fixed).not.toBe(input);
    expect(input.title).toHaveLength(20);
    const fine = { title: 'short', year: 2020 };
    const warnings: any[] = [];
    expect(fitToSchema('2', fine, attributes, warnings)).toBe(fine);
    expect(warnings).toEqual([]);
  });
});

describe('stockRecordFields', () => {
  it('gives the 72 vendor columns and the sync columns in one object', () => {
    const record = stockRecordFields(item(), { dealership: 'd1', contentHash: 'h', lastSeenAt: new Date(0) });
    for (const field of STOCK_FIELD_NAMES) expect(record).toHaveProperty(field);
    expect(record).toMatchObject({ dealership: 'd1', contentHash: 'h', lastSeenAt: new Date(0) });
  });
});
