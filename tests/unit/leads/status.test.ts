import { decideStatus } from '../../../src/plugins/easycars/server/src/leads/status';

const d = (base: number | null, local: number | null, remote: number | null | undefined, strategy: 'manual' | 'local_wins' | 'easycars_wins' = 'manual') =>
  decideStatus({ base, local, remote, strategy });

describe('status sync decision', () => {
  it('nothing changed → in sync', () => expect(d(30, 30, 30)).toEqual({ kind: 'in_sync', value: 30 }));
  it('EasyCars sent no LeadStatus: only the local side counts', () => {
    expect(d(10, 10, undefined)).toEqual({ kind: 'in_sync', value: 10 });
    expect(d(10, 50, undefined)).toEqual({ kind: 'push', value: 50 });
    expect(d(10, 50, null)).toEqual({ kind: 'push', value: 50 });
  });
  it('only local changed → push; only EasyCars changed → apply locally', () => {
    expect(d(10, 30, 10)).toEqual({ kind: 'push', value: 30 });
    expect(d(10, 10, 60)).toEqual({ kind: 'apply_local', value: 60 });
  });
  it('both changed to the same value → in sync on it', () => expect(d(10, 50, 50)).toEqual({ kind: 'in_sync', value: 50 }));
  it('both changed differently → the strategy decides', () => {
    expect(d(10, 50, 60, 'manual')).toEqual({ kind: 'conflict', local: 50, remote: 60 });
    expect(d(10, 50, 60, 'local_wins')).toEqual({ kind: 'push', value: 50 });
    expect(d(10, 50, 60, 'easycars_wins')).toEqual({ kind: 'apply_local', value: 60 });
  });
  it('deleted wins any conflict, whatever the strategy', () => {
    expect(d(30, 90, 50, 'easycars_wins')).toEqual({ kind: 'push', value: 90 });
    expect(d(30, 50, 90, 'local_wins')).toEqual({ kind: 'apply_local', value: 90 });
    expect(d(30, 50, 90, 'manual')).toEqual({ kind: 'apply_local', value: 90 });
  });
  it('deleted is final: neither side revives it', () => {
    expect(d(90, 30, undefined)).toEqual({ kind: 'refused', value: 90, side: 'local' });
    expect(d(90, 90, 30)).toEqual({ kind: 'refused', value: 90, side: 'remote' });
    expect(d(90, 90, 90)).toEqual({ kind: 'in_sync', value: 90 });
  });
  it('no base yet (imported lead without a status) → treat a known local as a change', () => {
    expect(d(null, 10, undefined)).toEqual({ kind: 'push', value: 10 });
  });
});
