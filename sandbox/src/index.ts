/**
 * EasyCars sandbox: a standalone HTTP server that behaves like the EasyCars
 * Stock and Lead services (docs: sandbox/README.md).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTROL_METHODS, createControl, type SandboxControl } from './control';
import { DEFAULT_SEED, type SandboxSeed } from './seed';
import { createHandler } from './server';
import { SandboxState } from './state';
import { TokenIssuer } from './tokens';

export interface StartSandboxOptions {
  /** 0 = a free port (default 0). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  seed?: SandboxSeed;
  /** Token lifetime (default 600 s). */
  tokenTtlSeconds?: number;
  /** GetLeadDetail includes LeadStatus (default false, as documented). */
  includeLeadStatus?: boolean;
  /** Serve the control API under POST /__control/<method> (default false). */
  enableControl?: boolean;
  /** Stock count per account number, overriding the seed's. */
  stockCount?: Record<string, number>;
  /** Clock, for tests (default Date.now). */
  now?: () => number;
}

export interface RunningSandbox {
  /** http://127.0.0.1:PORT */
  url: string;
  baseUrls: { test: string; production: string };
  imageBaseUrl: string;
  control: SandboxControl;
  close(): Promise<void>;
}

export async function startSandbox(opts: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const host = opts.host ?? '127.0.0.1';
  const now = opts.now ?? Date.now;
  const server = http.createServer();
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${port}`;
  const state = new SandboxState(
    {
      seed: opts.seed ?? DEFAULT_SEED,
      tokenTtlSeconds: opts.tokenTtlSeconds ?? 600,
      includeLeadStatus: opts.includeLeadStatus ?? false,
      ...(opts.stockCount ? { stockCount: opts.stockCount } : {}),
    },
    url,
  );
  const control = createControl(state);
  const timers = new Set<NodeJS.Timeout>();
  const handler = createHandler({
    state,
    tokens: new TokenIssuer(now),
    now,
    timers,
    ...(opts.enableControl
      ? {
          handleControl: async (method: string, args: unknown[]) => {
            if (!(CONTROL_METHODS as readonly string[]).includes(method)) throw new Error(`Unknown control method ${method}`);
            return (control[method as keyof SandboxControl] as (...a: unknown[]) => unknown)(...args);
          },
        }
      : {}),
  });
  server.on('request', (req, res) => {
    handler(req, res).catch((e: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ Code: 9, ErrorMessage: `Sandbox error: ${(e as Error).message}` }));
      }
    });
  });

  let closed = false;
  return {
    url,
    baseUrls: { test: `${url}/TestECService`, production: `${url}/ECService` },
    imageBaseUrl: url,
    control,
    close: async () => {
      if (closed) return;
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

export { DEFAULT_SEED, SANDBOX_CREDENTIALS } from './seed';
export type { SandboxAccount, SandboxClient, SandboxSeed, SandboxYard } from './seed';
export type { SandboxControl } from './control';
export type { FaultKind, FaultSpec, RequestLogEntry, SandboxEndpoint } from './types';
export type { RawStockItem } from './stock-generator';
export { generateStockItem, generateStockList, STOCK_FIELD_ORDER } from './stock-generator';
