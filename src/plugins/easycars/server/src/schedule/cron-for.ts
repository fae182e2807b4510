import { parseExpression } from 'cron-parser';

export type ScheduleKind = 'hourly' | 'daily' | 'custom';

export interface ScheduleSetting {
  kind: ScheduleKind;
  /** HH:MM in the dealership's timezone, for daily */
  time?: string | null;
  /** five-field cron expression, for custom */
  cron?: string | null;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export class ScheduleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScheduleError';
  }
}

/** The cron expression a schedule setting stands for. */
export function cronFor(setting: ScheduleSetting): string {
  switch (setting.kind) {
    case 'hourly':
      return '0 * * * *';
    case 'daily': {
      const match = TIME.exec(setting.time ?? '02:00');
      if (!match) throw new ScheduleError(`Daily time must be HH:MM (24-hour), got "${setting.time}".`);
      return `${Number(match[2])} ${Number(match[1])} * * *`;
    }
    case 'custom': {
      const expr = (setting.cron ?? '').trim();
      validateCron(expr);
      return expr;
    }
    default:
      throw new ScheduleError(`Unknown schedule "${String(setting.kind)}": use hourly, daily or custom.`);
  }
}

export function validateCron(expr: string): void {
  if (expr.split(/\s+/).length !== 5) {
    throw new ScheduleError(`Custom schedule must be a five-field cron expression (minute hour day month weekday), got "${expr}".`);
  }
  try {
    parseExpression(expr);
  } catch (error) {
    throw new ScheduleError(`Custom schedule "${expr}" is not a valid cron expression: ${(error as Error).message}`);
  }
}

/** The most recent fire time at or before `now`, in the given IANA timezone. */
export function previousRun(setting: ScheduleSetting, timezone: string, now: Date): Date {
  const it = parseExpression(cronFor(setting), { currentDate: new Date(now.getTime() + 1000), tz: timezone });
  return it.prev().toDate();
}

export function nextRun(setting: ScheduleSetting, timezone: string, now: Date): Date {
  return parseExpression(cronFor(setting), { currentDate: now, tz: timezone }).next().toDate();
}
