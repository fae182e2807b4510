/**
 * A stand-in EasyCars for the streaming tests: a token for anyone, and every GetAdvertisementStocks
 * answered by the test's own function (chunked, so that it can stop, stall or cut the connection).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type StockAnswer = (res: http.ServerResponse, attempt: number) => void | Promise<void>;

export interface StreamServer {
  baseUrl: string;
  url: (endpoint: string) => string;
  attempts: () => number;
  close: () => Promise<void>;
}

export async function startStreamServer(answer: StockAnswer): Promise<StreamServer> {
  let attempts = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path.endsWith('/RequestToken')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ Token: 'stream-test-token', Code: 0, ErrorMessage: null }));
        return;
      }
      if (path.endsWith('/GetAdvertisementStocks')) {
        attempts++;
        void Promise.resolve(answer(res, attempts)).catch(() => res.destroy());
        return;
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/TestECService`;
  return {
    baseUrl: base,
    url: (endpoint) => `${base}/StockService/${endpoint}`,
    attempts: () => attempts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes `text` in pieces of `size` bytes (cutting through characters and tokens), one event-loop turn apart. */
export async function writeInPieces(res: http.ServerResponse, text: string, size: number): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) {
    if (res.destroyed) return;
    res.write(bytes.subarray(i, i + size));
    await new Promise((r) => setImmediate(r));
  }
}

export function startJson(res: http.ServerResponse, status = 200): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
}
