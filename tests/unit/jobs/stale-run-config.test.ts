import pluginConfig from '../../../src/plugins/easycars/server/src/config';

const env = Object.assign((_k: string, f?: string) => f, { bool: (_k: string, f?: boolean) => f, int: (_k: string, f?: number) => f, array: (_k: string, f?: string[]) => f }) as any;

describe('sync.heartbeatMs and sync.staleRunMs', () => {
  const defaults = pluginConfig.default({ env });

  it('default to a 20 s heartbeat and 90 s before a run counts as left by a stopped instance', () => {
    expect(defaults.sync.heartbeatMs).toBe(20_000);
    expect(defaults.sync.staleRunMs).toBe(90_000);
    expect(() => pluginConfig.validator(defaults)).not.toThrow();
  });

  it('refuse a staleness shorter than three heartbeats (a healthy run would be closed as interrupted)', () => {
    expect(() => pluginConfig.validator({ ...defaults, sync: { ...defaults.sync, heartbeatMs: 1000, staleRunMs: 2999 } })).toThrow(/sync\.staleRunMs: staleRunMs must be at least three heartbeats/);
    expect(() => pluginConfig.validator({ ...defaults, sync: { ...defaults.sync, heartbeatMs: 1000, staleRunMs: 3000 } })).not.toThrow();
  });
});
