/** The streaming JSON reader builds what JSON.parse builds, and diverts one list item by item. */
import { Readable } from 'node:stream';
import { readJsonText } from '../../../src/plugins/easycars/server/src/client/json-body';
import { readJsonStream as readWith, type ListReader } from '../../../src/plugins/easycars/server/src/client/json-stream';

/** One byte per chunk: every token and every UTF-8 sequence is cut somewhere. */
const byteStream = (text: string) => Readable.from([...Buffer.from(text, 'utf8')].map((b) => Buffer.from([b])));

function collect(key = 'StockList'): ListReader & { lists: Array<Array<[number, unknown]>> } {
  const lists: Array<Array<[number, unknown]>> = [];
  return {
    key,
    lists,
    start() {
      const list: Array<[number, unknown]> = [];
      lists.push(list);
      return (item, index) => list.push([index, item]);
    },
  };
}

describe.each([
  ['token by token (answers bigger than WHOLE_TEXT_MAX_BYTES)', 0],
  ['read whole, then JSON.parse (smaller answers)', undefined],
] as const)('readJsonStream, %s', (_mode, maxBytes) => {
  const streamed = maxBytes === 0;
  const readJsonStream = (source: Readable, reader: ListReader) => readWith(source, reader, maxBytes);

  it.each([
    ['an empty body', ''],
    ['blanks only', ' \r\n\t '],
    ['an object', '{"Code":0,"ErrorMessage":null,"Token":"x"}'],
    ['a byte-order mark (axios drops it from text too)', '\uFEFF{"Code":0}'],
    ['text that stops early', '{"Code":0,"ErrorMessage":"n'],
    ['text after the value', '{"Code":0} trailing'],
    ['two values', '{"Code":0}{"Code":1}'],
    ['a number', '42'],
    ['a string', '"Code"'],
    ['null', 'null'],
    ['an array', '[{"Code":0}]'],
    ['HTML', '<!DOCTYPE html><html></html>'],
    ['escapes and characters of every width', '{"ErrorMessage":"é — ☃ 🚗 \\u00e9 \\ud83d\\ude97 \\" \\\\ \\/ \\n","Code":5}'],
    ['numbers JSON.parse reads in its own way', '{"a":1e400,"b":-0,"c":12345678901234567890,"d":0.1e-2,"Code":0}'],
    ['the list key nested deeper', '{"Meta":{"StockList":[1,2]},"Code":0}'],
  ])('%s: the same outcome as JSON.parse', async (_name, text) => {
    const reader = collect();
    const streamed = await readJsonStream(byteStream(text), reader);
    expect(streamed).toEqual(readJsonText(text.replace(/^\uFEFF/, '')));
    expect(reader.lists).toEqual([]);
  });

  it('hands over the list item by item, in order, with any kind of item, and leaves an empty array in its place', async () => {
    const reader = collect();
    const read = await readJsonStream(byteStream('{"StockList":[{"a":[1,{"b":null}]},2,"x",null,[3],true,{}],"Code":0}'), reader);
    expect(read).toEqual({ parsed: true, json: { StockList: [], Code: 0 } });
    expect(reader.lists).toEqual([[[0, { a: [1, { b: null }] }], [1, 2], [2, 'x'], [3, null], [4, [3]], [5, true], [6, {}]]]);
  });

  it('a list that is not an array stays in the body, as parsed', async () => {
    for (const value of ['null', '"none"', '{"a":1}', '0']) {
      const reader = collect();
      const read = await readJsonStream(byteStream(`{"StockList":${value},"Code":0}`), reader);
      expect(read).toEqual({ parsed: true, json: { StockList: JSON.parse(value), Code: 0 } });
      expect(reader.lists).toEqual([]);
    }
  });

  it('a repeated list member starts the list over, and the last one wins, as with JSON.parse', async () => {
    const reader = collect();
    const read = await readJsonStream(byteStream('{"StockList":[1,2],"StockList":[3],"StockList":null}'), reader);
    expect(read).toEqual({ parsed: true, json: { StockList: null } });
    // Token by token each list is handed over as it comes; read whole, only the last member exists (it is no list).
    expect(reader.lists).toEqual(streamed ? [[[0, 1], [1, 2]], [[0, 3]]] : []);
  });

  it('a member named __proto__ is an own member, as JSON.parse makes it, not the prototype', async () => {
    const reader = collect();
    const text = '{"__proto__":{"polluted":1},"StockList":[{"StockNumber":"1","__proto__":{"Price":5}}],"Code":0}';
    const read = await readJsonStream(byteStream(text), reader);
    const body = (read as { json: Record<string, unknown> }).json;
    const item = reader.lists[0]![0]![1] as Record<string, unknown>;
    for (const value of [body, item]) {
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect(Object.keys(value)).toContain('__proto__');
    }
    expect(item.Price).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(item, '__proto__')!.value).toEqual(Object.getOwnPropertyDescriptor(JSON.parse(text).StockList[0], '__proto__')!.value);
  });

  it("rejects with the source's own error when the stream fails", async () => {
    const failing = new Readable({ read() {} });
    failing.push('{"StockList":[{"a":1},');
    setImmediate(() => failing.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })));
    await expect(readJsonStream(failing, collect())).rejects.toMatchObject({ code: 'ECONNRESET' });
  });
});

describe('readJsonStream switching from whole text to token by token', () => {
  const text = '\uFEFF{"Code":0,"StockList":[{"StockNumber":"é1"},{"StockNumber":"🚗2"},3],"ErrorMessage":null}';

  it.each([1, 7, 20, 45, 80])('past %i bytes: the same body and items as reading it whole', async (limit) => {
    const whole = collect();
    const expected = await readWith(byteStream(text), whole);
    const switched = collect();
    expect(await readWith(byteStream(text), switched, limit)).toEqual(expected);
    expect(switched.lists).toEqual(whole.lists);
    expect(switched.lists[0]).toHaveLength(3);
  });

  it("rejects with the source's own error when the stream fails after the switch", async () => {
    const failing = new Readable({ read() {} });
    failing.push('{"StockList":[{"a":1},');
    setImmediate(() => failing.push('{"b":2},'));
    setTimeout(() => failing.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })), 20);
    await expect(readWith(failing, collect(), 10)).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('text that turns out not to be JSON after the switch is unreadable, as when read whole', async () => {
    const text = '{"StockList":[1,2,<html><body>Service Unavailable</body></html>';
    expect(await readWith(byteStream(text), collect(), 5)).toEqual({ parsed: false, empty: false, startsLikeJson: true });
    expect(await readWith(byteStream(text), collect())).toEqual({ parsed: false, empty: false, startsLikeJson: true });
  });
});
