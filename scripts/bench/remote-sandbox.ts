/** Starts scripts/bench/sandbox-process.ts as a child process and talks to its control API over HTTP. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

export interface RemoteSandbox {
  baseUrls: { test: string; production: string };
  control<T = unknown>(method: string, ...args: unknown[]): Promise<T>;
  close(): Promise<void>;
}

export function startRemoteSandbox(counts: { EC114575: number; EC208841: number }): Promise<RemoteSandbox> {
  return startSandboxProcess([String(counts.EC114575), String(counts.EC208841)]);
}

/** A dealer group's sandbox: `dealerships` accounts of `vehicles` items each (fleet-seed.ts). */
export function startFleetSandbox(dealerships: number, vehicles: number): Promise<RemoteSandbox> {
  return startSandboxProcess(['fleet', String(dealerships), String(vehicles)]);
}

async function startSandboxProcess(args: string[]): Promise<RemoteSandbox> {
  const root = path.resolve(__dirname, '..', '..');
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(__dirname, 'sandbox-process.ts'), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const first = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    rl.once('line', (line) => resolve(line));
    child.once('exit', (code) => reject(new Error(`sandbox process exited with ${code}`)));
  });
  const { url, baseUrls } = JSON.parse(first) as { url: string; baseUrls: RemoteSandbox['baseUrls'] };
  return {
    baseUrls,
    async control<T>(method: string, ...args: unknown[]) {
      const res = await fetch(`${url}/__control/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) });
      if (!res.ok) throw new Error(`sandbox control ${method}: HTTP ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { ok: boolean; result: T };
      return body.result;
    },
    async close() {
      if (child.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}
