/**
 * npm run sandbox [-- --port 4010 --control --host 0.0.0.0 --lead-status --token-ttl 600]
 * Env: EASYCARS_SANDBOX_PORT, EASYCARS_SANDBOX_CONTROL=true, EASYCARS_SANDBOX_HOST.
 */
import { DEFAULT_SEED, startSandbox } from './index';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}
const flag = (name: string) => process.argv.includes(`--${name}`);

async function main(): Promise<void> {
  const port = Number(arg('port') ?? process.env.EASYCARS_SANDBOX_PORT ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port ${String(port)}`);
  const enableControl = flag('control') || /^(1|true|yes)$/i.test(process.env.EASYCARS_SANDBOX_CONTROL ?? '');
  const host = arg('host') ?? process.env.EASYCARS_SANDBOX_HOST ?? '127.0.0.1';
  const ttl = arg('token-ttl');
  const sb = await startSandbox({
    port,
    host,
    enableControl,
    includeLeadStatus: flag('lead-status'),
    ...(ttl ? { tokenTtlSeconds: Number(ttl) } : {}),
  });
  const lines = [
    `EasyCars sandbox listening on ${sb.url}`,
    `  test base URL:        ${sb.baseUrls.test}      (EASYCARS_TEST_BASE_URL)`,
    `  production base URL:  ${sb.baseUrls.production}          (EASYCARS_PRODUCTION_BASE_URL)`,
    `  images:               ${sb.imageBaseUrl}/images/...`,
    `  control API:          ${enableControl ? `${sb.url}/__control/<method> (POST, JSON array of arguments)` : 'off (use --control)'}`,
    '',
    'Sandbox credentials (fake, for this sandbox only):',
    ...DEFAULT_SEED.clients.map((c) => `  client "${c.name}": ClientID ${c.clientId}  ClientSecret ${c.clientSecret}`),
    ...DEFAULT_SEED.accounts.map(
      (a) => `  account ${a.accountNumber} (${a.dealerName}): AccountSecret ${a.accountSecret}  yards ${a.yards.map((y) => `${y.code} (${y.name})`).join(', ')}  ${a.stockCount} items`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = () => {
    void sb.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`EasyCars sandbox failed to start: ${(e as Error).message}\n`);
  process.exit(1);
});
