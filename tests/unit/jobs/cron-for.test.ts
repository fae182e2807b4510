import { cronFor, nextRun, previousRun, ScheduleError } from '../../../src/plugins/easycars/server/src/schedule/cron-for';

describe('schedule → cron', () => {
  it('maps hourly, daily and custom schedules', () => {
    expect(cronFor({ kind: 'hourly' })).toBe('0 * * * *');
    expect(cronFor({ kind: 'daily', time: '02:00' })).toBe('0 2 * * *');
    expect(cronFor({ kind: 'daily', time: '23:45' })).toBe('45 23 * * *');
    expect(cronFor({ kind: 'daily' })).toBe('0 2 * * *');
    expect(cronFor({ kind: 'custom', cron: '*/15 6-20 * * 1-5' })).toBe('*/15 6-20 * * 1-5');
  });

  it('refuses bad times and cron expressions with a message naming the problem', () => {
    expect(() => cronFor({ kind: 'daily', time: '2am' })).toThrow(/HH:MM/);
    expect(() => cronFor({ kind: 'daily', time: '24:00' })).toThrow(ScheduleError);
    expect(() => cronFor({ kind: 'custom', cron: '* * *' })).toThrow(/five-field/);
    expect(() => cronFor({ kind: 'custom', cron: '99 * * * *' })).toThrow(/not a valid cron/);
    expect(() => cronFor({ kind: 'weekly' as never })).toThrow(/Unknown schedule/);
  });

  it('runs "daily at 02:00" at 02:00 in the dealership timezone, across daylight saving', () => {
    // Sydney is UTC+11 in summer (AEDT), UTC+10 in winter (AEST).
    const summer = nextRun({ kind: 'daily', time: '02:00' }, 'Australia/Sydney', new Date('2026-01-10T12:00:00Z'));
    expect(summer.toISOString()).toBe('2026-01-10T15:00:00.000Z');
    const winter = nextRun({ kind: 'daily', time: '02:00' }, 'Australia/Sydney', new Date('2026-07-10T12:00:00Z'));
    expect(winter.toISOString()).toBe('2026-07-10T16:00:00.000Z');
    const perth = nextRun({ kind: 'daily', time: '02:00' }, 'Australia/Perth', new Date('2026-07-10T12:00:00Z'));
    expect(perth.toISOString()).toBe('2026-07-10T18:00:00.000Z');
  });

  it('finds the most recent slot at or before now', () => {
    const at = new Date('2026-06-01T10:07:30Z');
    expect(previousRun({ kind: 'hourly' }, 'Australia/Sydney', at).toISOString()).toBe('2026-06-01T10:00:00.000Z');
    expect(previousRun({ kind: 'custom', cron: '*/5 * * * *' }, 'UTC', at).toISOString()).toBe('2026-06-01T10:05:00.000Z');
    expect(previousRun({ kind: 'custom', cron: '*/5 * * * *' }, 'UTC', new Date('2026-06-01T10:05:00Z')).toISOString()).toBe(
      '2026-06-01T10:05:00.000Z',
    );
  });
});
