/**
 * GetAdvertisementStocks reads its answer as a stream: the same items, warnings and errors as
 * parsing the whole text, and the list never held as text.
 */
import {
  EasyCarsFailedError,
  EasyCarsNetworkError,
  EasyCarsProtocolError,
  EasyCarsSystemError,
  EasyCarsTimeoutError,
  parseStockList,
} from '../../../src/plugins/easycars/server/src/client';
import { DEFAULT_SEED, generateStockList, type RawStockItem } from '../../../sandbox/src';
import { expectReject, makeClient, type Sandbox } from './helpers';
import { startJson, startStreamServer, type StockAnswer, type StreamServer, writeInPieces } from './stream-server';

const account = { environment: 'test' as const, clientId: 'client', clientSecret: 'client-secret', accountNumber: 'EC100001', accountSecret: 'account-secret' };

function feed(count: number): RawStockItem[] {
  const seedAccount = DEFAULT_SEED.accounts[0]!;
  return generateStockList(seedAccount, count, DEFAULT_SEED.accounts, { seed: 7, imageBaseUrl: 'http://images.test' });
}

/** The generated feed with the odd values EasyCars is known to send, and a few it might. */
function oddFeed(): Array<unknown> {
  const items: Array<unknown> = feed(6);
  const [a, b, c, d] = items as Array<Partial<RawStockItem>>;
  Object.assign(a!, { Price: '12,990.00', IsUsed: 'Yes', Odometer: 'unknown', DoorNum: '', StockType: 'a', Brand_New_Field: { nested: [1, { x: 'y' }] } });
  Object.assign(b!, { StockNumber: 10999, IsDemo: 1, RegoExpiry: '2026-31-01', AdvDescription: 'Café — “ute” ☃ 🚗 \\ "quoted"\n\u0000' });
  delete c!.StockNumber;
  Object.assign(d!, { ImageCount: '3', IsDriveAway: 'No', Length: '7.5m' });
  items.splice(2, 0, 'not an object', null);
  return items;
}

async function withServer(answer: StockAnswer, run: (server: StreamServer) => Promise<void>): Promise<void> {
  const server = await startStreamServer(answer);
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

function clientFor(server: StreamServer, extra: Parameters<typeof makeClient>[1] = {}) {
  return makeClient({ baseUrls: { test: server.baseUrl, production: server.baseUrl } } as Sandbox, extra);
}

describe('GetAdvertisementStocks read as a stream', () => {
  it('gives the items and warnings that parsing the whole text gives, whatever the pieces the answer comes in', async () => {
    const text = JSON.stringify({ StockList: oddFeed(), Code: '0', ErrorMessage: null });
    const expected = parseStockList((JSON.parse(text) as { StockList: unknown[] }).StockList, []);
    expect(expected.warnings.length).toBeGreaterThan(8);
    for (const size of [1, 7, 4096]) {
      await withServer(
        async (res) => {
          startJson(res);
          await writeInPieces(res, text, size);
          res.end();
        },
        async (server) => {
          const { client, log } = clientFor(server);
          const r = await client.forAccount(account).getAdvertisementStocks();
          expect(r.code).toBe(0);
          expect(r.items).toEqual(expected.items);
          expect(r.warnings[0]).toMatchObject({ entity: 'response', field: 'Code', kind: 'coerced' });
          expect(r.warnings.slice(1)).toEqual(expected.warnings);
          expect(log.lines.filter((l) => l.level === 'warn').map((l) => l.meta?.warningCount)).toEqual([expected.warnings.length + 1]);
          await client.close();
        },
      );
    }
    // One byte per write is thousands of writes: slow on a loaded machine, and not a timing test.
  }, 60_000);

  it('ignores unknown members around the list, wherever the Code is, and keeps unknown item fields in extra', async () => {
    const items = feed(2).map((item, i) => ({ ...item, Undocumented: i === 0 ? { deep: [1, [2, { three: 3 }]] } : 'text' }));
    const text = `{"TotalCount":2,"Meta":{"StockList":[{"StockNumber":"not-this-one"}],"pages":[1]},"StockList":${JSON.stringify(items)},"Code":0,"ErrorMessage":null,"Trailer":[{"a":null}]}`;
    await withServer(
      (res) => {
        startJson(res);
        res.end(text);
      },
      async (server) => {
        const { client } = clientFor(server);
        const r = await client.forAccount(account).getAdvertisementStocks();
        expect(r.items.map((i) => i.StockNumber)).toEqual(items.map((i) => i.StockNumber));
        expect(r.items[0]!.extra).toEqual({ Undocumented: { deep: [1, [2, { three: 3 }]] } });
        expect(r.items[1]!.extra).toEqual({ Undocumented: 'text' });
        expect(r.warnings).toEqual([]);
        await client.close();
      },
    );
  });

  describe('answers without a StockList', () => {
    const answerWith = (body: Record<string, unknown>, status = 200): StockAnswer => (res) => {
      startJson(res, status);
      res.end(JSON.stringify(body));
    };

    it('Code 7: the same refusal as before, not retried', async () => {
      await withServer(answerWith({ Code: 7, ErrorMessage: 'Invalid AccountNumber or AccountSecret.' }), async (server) => {
        const { client } = clientFor(server);
        const err = await expectReject(client.forAccount(account).getAdvertisementStocks());
        expect(err).toBeInstanceOf(EasyCarsFailedError);
        expect(err.code).toBe(7);
        expect(err.message).toMatch(/^EasyCars refused StockService GetAdvertisementStocks \(Code 7: Invalid AccountNumber or AccountSecret\.\)/);
        expect(server.attempts()).toBe(1);
        await client.close();
      });
    });

    it('Code 5 without a list is a protocol error, never an empty feed', async () => {
      await withServer(answerWith({ Code: 5, ErrorMessage: 'Warning' }), async (server) => {
        const { client } = clientFor(server);
        const err = await expectReject(client.forAccount(account).getAdvertisementStocks());
        expect(err).toBeInstanceOf(EasyCarsProtocolError);
        expect(err.message).toMatch(/without a StockList/);
        await client.close();
      });
    });

    it('Code 1 (token refused, HTTP 401): a new token, then the list', async () => {
      const items = feed(3);
      await withServer(
        (res, attempt) => {
          startJson(res, attempt === 1 ? 401 : 200);
          res.end(JSON.stringify(attempt === 1 ? { Code: 1, ErrorMessage: 'Token has expired.' } : { StockList: items, Code: 0, ErrorMessage: null }));
        },
        async (server) => {
          const { client } = clientFor(server);
          const r = await client.forAccount(account).getAdvertisementStocks();
          expect(r.items.map((i) => i.StockNumber)).toEqual(items.map((i) => i.StockNumber));
          expect(server.attempts()).toBe(2);
          await client.close();
        },
      );
    });

    it('an HTML error page is read as before (HTTP 503: a system error after the retries)', async () => {
      await withServer(
        (res) => {
          res.writeHead(503, { 'Content-Type': 'text/html' });
          res.end('<!DOCTYPE html><html><body>Service Unavailable</body></html>');
        },
        async (server) => {
          const { client } = clientFor(server);
          const err = await expectReject(client.forAccount(account).getAdvertisementStocks());
          expect(err).toBeInstanceOf(EasyCarsSystemError);
          expect(err.httpStatus).toBe(503);
          expect(server.attempts()).toBe(4);
          await client.close();
        },
      );
    });
  });

  it("a Code 9 answer's list is dropped: retried, and only the successful answer's items are returned", async () => {
    const items = feed(3);
    await withServer(
      (res, attempt) => {
        startJson(res, attempt === 1 ? 500 : 200);
        res.end(JSON.stringify(attempt === 1 ? { StockList: feed(2), Code: 9, ErrorMessage: 'An unexpected error has occurred.' } : { StockList: items, Code: 0, ErrorMessage: null }));
      },
      async (server) => {
        const { client } = clientFor(server);
        const r = await client.forAccount(account).getAdvertisementStocks();
        expect(r.items.map((i) => i.StockNumber)).toEqual(items.map((i) => i.StockNumber));
        expect(server.attempts()).toBe(2);
        await client.close();
      },
    );
  });

  describe('a stream that stops early', () => {
    const text = JSON.stringify({ StockList: feed(40), Code: 0, ErrorMessage: null });
    const half = Buffer.from(text).subarray(0, Math.floor(Buffer.byteLength(text) / 2));

    it('ends cleanly in the middle of the list: a protocol error, not retried, no items', async () => {
      await withServer(
        (res) => {
          startJson(res);
          res.end(half);
        },
        async (server) => {
          const { client } = clientFor(server);
          const err = await expectReject(client.forAccount(account).getAdvertisementStocks());
          expect(err).toBeInstanceOf(EasyCarsProtocolError);
          expect(err.message).toMatch(/HTTP 200: the JSON is malformed or truncated/);
          expect(server.attempts()).toBe(1);
          await client.close();
        },
      );
    });

    it('the connection drops in the middle of the list: retried, and the items of the broken answer are not kept', async () => {
      await withServer(
        (res, attempt) => {
          startJson(res);
          if (attempt > 1) return void res.end(text);
          res.write(half, () => setTimeout(() => res.socket?.destroy(), 20));
        },
        async (server) => {
          const { client } = clientFor(server);
          const r = await client.forAccount(account).getAdvertisementStocks();
          expect(r.items).toHaveLength(40);
          expect(new Set(r.items.map((i) => i.StockNumber)).size).toBe(40);
          expect(server.attempts()).toBe(2);
          await client.close();
        },
      );
    });

    it('the connection drops every time: a network error after the retries', async () => {
      await withServer(
        (res) => {
          startJson(res);
          res.write(half, () => setTimeout(() => res.socket?.destroy(), 20));
        },
        async (server) => {
          const { client } = clientFor(server);
          const err = await expectReject(client.forAccount(account).getAdvertisementStocks());
          expect(err).toBeInstanceOf(EasyCarsNetworkError);
          expect(err.retryable).toBe(true);
          expect(server.attempts()).toBe(4);
          await client.close();
        },
      );
    });

    it('the answer stalls in the middle of the list: the per-attempt deadline covers the whole body', async () => {
      await withServer(
        (res, attempt) => {
          startJson(res);
          if (attempt > 2) return void res.end(text);
          res.write(half); // and nothing more
        },
        async (server) => {
          const { client } = clientFor(server, { timeoutMs: 300 });
          const r = await client.forAccount(account).getAdvertisementStocks();
          expect(r.items).toHaveLength(40);
          expect(server.attempts()).toBe(3);
          await client.close();
        },
      );
    });

    it('stalls every time: a timeout error', async () => {
      await withServer(
        (res) => {
          startJson(res);
          res.write(half);
        },
        async (server) => {
          const { client } = clientFor(server, { timeoutMs: 200 });
          const err = await expectReject(client.forAccount(account).getAdvertisementStocks({ maxRetries: 1 }));
          expect(err).toBeInstanceOf(EasyCarsTimeoutError);
          expect(err.message).toMatch(/did not answer StockService GetAdvertisementStocks within 200 ms \(2 attempts\)/);
          await client.close();
        },
      );
    });
  });
});
