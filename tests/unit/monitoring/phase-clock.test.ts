import { createPhaseClock, runTimings } from '../../../src/plugins/easycars/server/src/sync-logs/phase-clock';

describe('phase clock', () => {
  it('adds up the time of each phase in the order first entered, from the run’s start', () => {
    const clock = createPhaseClock(1000);
    clock.enter('fetching', 1200);
    clock.enter('fetching', 1500); // progress within a phase
    clock.enter('applying', 4200);
    clock.enter('images', 9200);
    clock.enter('applying', 9700);
    expect(clock.stop(10_000)).toEqual([
      { phase: 'starting', ms: 200 },
      { phase: 'fetching', ms: 3000 },
      { phase: 'applying', ms: 5300 },
      { phase: 'images', ms: 500 },
    ]);
  });

  it('gives the pace in records per minute (not for runs under a second)', () => {
    expect(runTimings([], 30_000, { created: 10, updated: 5, unchanged: 100, failed: 5, fetched: 120 })).toEqual({ phases: [], recordsPerMinute: 240 });
    expect(runTimings([], 400, { created: 1 }).recordsPerMinute).toBeNull();
  });
});
