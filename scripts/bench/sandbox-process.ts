/**
 * The sandbox in its own process for the benchmarks, so the measured Strapi process holds only
 * what the sync holds (EasyCars is a remote service). Usage: tsx sandbox-process.ts <EC114575 count> <EC208841 count>
 * Prints one JSON line { url, baseUrls } and serves the control API under /__control.
 */
import { startSandbox } from '../../sandbox/src';
import { fleetSeed } from './fleet-seed';

async function main() {
  const args = process.argv.slice(2);
  const sandbox =
    args[0] === 'fleet'
      ? await startSandbox({ enableControl: true, seed: fleetSeed(Number(args[1]), Number(args[2])) })
      : await startSandbox({ enableControl: true, stockCount: { EC114575: Number(args[0] ?? 5000), EC208841: Number(args[1] ?? 1) } });
  process.stdout.write(`${JSON.stringify({ url: sandbox.url, baseUrls: sandbox.baseUrls })}\n`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
