/**
 * A list of a million items through the real transport (axios, HTTP): the answer is read as it
 * arrives, so the live heap stays far below the size of its text at every point of the read.
 * Measured after full collections, which makes the figure the memory actually held.
 */
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Transport } from '../../../src/plugins/easycars/server/src/client/transport';
import { startJson, startStreamServer } from './stream-server';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const ITEMS = 1_000_000;
const PER_CHUNK = 1_000;
const item = (i: number) => `{"StockNumber":"${i}","Make":"Toyota","Model":"Corolla","Price":${20_000 + (i % 5_000)},"IsUsed":true}`;

function* body(): Generator<string> {
  yield '{"Code":0,"ErrorMessage":null,"StockList":[';
  for (let i = 0; i < ITEMS; i += PER_CHUNK) {
    const chunk: string[] = [];
    for (let j = i; j < Math.min(i + PER_CHUNK, ITEMS); j++) chunk.push(item(j));
    yield (i === 0 ? '' : ',') + chunk.join(',');
  }
  yield ']}';
}

let textBytes = 0;
for (let i = 0; i < ITEMS; i++) textBytes += Buffer.byteLength(item(i)) + 1;

it('reads a million-item list without ever holding its text', async () => {
  const server = await startStreamServer((res) => {
    startJson(res);
    Readable.from(body()).pipe(res);
  });
  const transport = new Transport({ maxConcurrent: 1, minTimeMs: 0, now: Date.now });
  try {
    let count = 0;
    let inOrder = true;
    let peakGrowth = 0;
    gc();
    const baseline = process.memoryUsage().heapUsed;
    const out = await transport.attempt({
      url: server.url('GetAdvertisementStocks'),
      body: {},
      timeoutMs: 120_000,
      list: {
        key: 'StockList',
        start: () => (raw, index) => {
          count++;
          if ((raw as { StockNumber: string }).StockNumber !== String(index)) inOrder = false;
          if (index % 100_000 === 99_999) {
            gc();
            peakGrowth = Math.max(peakGrowth, process.memoryUsage().heapUsed - baseline);
          }
        },
      },
    });
    expect(out).toMatchObject({ type: 'envelope', code: 0, body: { StockList: [], Code: 0, ErrorMessage: null } });
    expect(count).toBe(ITEMS);
    expect(inOrder).toBe(true);
    expect(textBytes).toBeGreaterThan(80 * 2 ** 20);
    // The text alone is ~83 MB (and JSON.parse's result several times that).
    expect(peakGrowth).toBeLessThan(10 * 2 ** 20);
  } finally {
    await transport.close();
    await server.close();
  }
}, 60_000);
