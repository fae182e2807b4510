/** A sandbox seed for a dealer group: `dealerships` accounts (EC9000001…) of `vehicles` stock items each. */
import { DEFAULT_SEED, type SandboxAccount, type SandboxSeed } from '../../sandbox/src';

export const fleetAccountNumber = (i: number) => `EC${9_000_001 + i}`;
export const fleetAccountSecret = (i: number) => `00000000-0000-4000-8000-${(i + 1).toString(16).padStart(12, '0')}`;

export function fleetSeed(dealerships: number, vehicles: number): SandboxSeed {
  const accounts: SandboxAccount[] = Array.from({ length: dealerships }, (_, i) => ({
    accountNumber: fleetAccountNumber(i),
    accountSecret: fleetAccountSecret(i),
    dealerName: `Group Dealer ${i + 1}`,
    yards: [{ code: 'MAIN', name: 'Main Yard', location: `${i + 1} Parramatta Rd, Sydney NSW 2000` }],
    stockCount: vehicles,
    stockNumberStart: 100_000 + i * 10_000,
    leadNumberStart: 1000 * (i + 1),
    customers: [],
  }));
  return { ...DEFAULT_SEED, accounts };
}
