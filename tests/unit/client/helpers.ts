import { inspect } from 'node:util';
import { createEasyCarsClient, type EasyCarsCallEvent, type EasyCarsClientOptions, type EasyCarsLogger } from '../../../src/plugins/easycars/server/src/client';
import { SANDBOX_CREDENTIALS, startSandbox } from '../../../sandbox/src';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

export interface CapturedLog {
  level: string;
  message: string;
  meta?: Record<string, unknown>;
}

export function captureLogger(): { logger: EasyCarsLogger; lines: CapturedLog[]; text(): string } {
  const lines: CapturedLog[] = [];
  const at = (level: string) => (message: string, meta?: Record<string, unknown>) => {
    lines.push({ level, message, ...(meta ? { meta } : {}) });
  };
  return {
    logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') },
    lines,
    text: () => lines.map((l) => `${l.level} ${l.message} ${inspect(l.meta, { depth: 10 })}`).join('\n'),
  };
}

export function makeClient(sb: Sandbox, extra: EasyCarsClientOptions = {}) {
  const log = captureLogger();
  const calls: EasyCarsCallEvent[] = [];
  const client = createEasyCarsClient({
    baseUrls: sb.baseUrls,
    timeoutMs: 2_000,
    backoffBaseMs: 5,
    backoffMaxMs: 20,
    retryAfterCapMs: 3_000,
    rateLimit: { maxConcurrent: 50, minTimeMs: 0 },
    logger: log.logger,
    onCall: (e) => calls.push(e),
    // The stock list's own timeout follows the test's general one unless the test sets it.
    stockListTimeoutMs: extra.timeoutMs ?? 2_000,
    ...extra,
  });
  return { client, log, calls };
}

export const A1 = SANDBOX_CREDENTIALS.accounts.EC114575;
export const A2 = SANDBOX_CREDENTIALS.accounts.EC208841;
export const C1 = SANDBOX_CREDENTIALS.client;
export const C2 = SANDBOX_CREDENTIALS.otherClient;

export function account1(environment: 'test' | 'production' = 'test') {
  return { environment, clientId: C1.clientId, clientSecret: C1.clientSecret, ...toAcc(A1) };
}
export function toAcc(a: { accountNumber: string; accountSecret: string }) {
  return { accountNumber: a.accountNumber, accountSecret: a.accountSecret };
}

export function calls(sb: Sandbox, endpoint: string, service?: string) {
  return sb.control.requestLog().filter((e) => e.endpoint === endpoint && (!service || e.service === service));
}

export const validLead = {
  VehicleMake: 'Toyota',
  VehicleModel: 'Corolla',
  VehiclePrice: 28990,
  VehicleType: 1 as const,
  VehicleYear: 2021,
  IsVehicleNew: false,
  VehicleInterest: 1 as const,
  Notes: 'Please call Zelda Quixote-Barnaby after 5pm',
  LeadCustomer: { Name: 'Zelda Quixote-Barnaby', Email: 'zelda.qb@example.org', Mobile: '0499 888 777' },
};

export async function expectReject<T>(p: Promise<T>): Promise<Error & Record<string, unknown>> {
  try {
    await p;
  } catch (e) {
    return e as Error & Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}
