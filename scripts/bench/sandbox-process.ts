/**
 * The sandbox in its own process for the benchmarks, so the measured Strapi process holds only
 * what the sync holds (EasyCars is a remote service). Usage: tsx sandbox-process.ts <EC114575 count> <EC208841 count>
 * Prints one JSON line { url, baseUrls } and serves the control API under /__control.
 */
import { startSandbox } from '../../sandbox/src';

async function main() {
  const [a = '5000', b = '1'] = process.argv.slice(2);
  const sandbox = await startSandbox({ enableControl: true, stockCount: { EC114575: Number(a), EC208841: Number(b) } });
  process.stdout.write(`${JSON.stringify({ url: sandbox.url, baseUrls: sandbox.baseUrls })}\n`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
