import { z } from 'zod';
import { RUN_STATUSES, RUN_TRIGGERS, RUN_TYPES } from '../../../shared/history';

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
export const dateParam = (name: string) =>
  z
    .string()
    .trim()
    .refine((v) => !Number.isNaN(Date.parse(v)), `${name} must be a date (YYYY-MM-DD) or an ISO date-time`);

/** The history's filters as the query string carries them (the admin keeps them in the URL). */
export const historyFilterSchema = z.object({
  dealership: z.string().trim().min(1).optional(),
  type: z.enum(RUN_TYPES, { errorMap: () => ({ message: `type must be one of ${RUN_TYPES.join(', ')}` }) }).optional(),
  status: z.enum(RUN_STATUSES, { errorMap: () => ({ message: `status must be one of ${RUN_STATUSES.join(', ')}` }) }).optional(),
  trigger: z.enum(RUN_TRIGGERS, { errorMap: () => ({ message: `trigger must be one of ${RUN_TRIGGERS.join(', ')}` }) }).optional(),
  from: dateParam('from').optional(),
  to: dateParam('to').optional(),
  q: z.string().trim().min(1).max(200, 'q must be at most 200 characters').optional(),
});

export const historyListSchema = historyFilterSchema
  .extend({
    page: z.coerce.number().int().min(1, 'page must be 1 or more').optional(),
    pageSize: z.coerce.number().int().min(1).max(100, 'pageSize must be at most 100').optional(),
  })
  .strict();

export const historyExportSchema = historyFilterSchema.extend({ format: z.enum(['csv', 'json'], { errorMap: () => ({ message: 'format must be csv or json' }) }) }).strict();

/** `to` given as a day includes that whole day. */
export function dateRange(from?: string, to?: string): { $gte?: Date; $lt?: Date; $lte?: Date } | undefined {
  if (!from && !to) return undefined;
  const range: { $gte?: Date; $lt?: Date; $lte?: Date } = {};
  if (from) range.$gte = new Date(from);
  if (to) {
    if (isoDay.test(to)) range.$lt = new Date(new Date(`${to}T00:00:00.000Z`).getTime() + 86_400_000);
    else range.$lte = new Date(to);
  }
  return range;
}
