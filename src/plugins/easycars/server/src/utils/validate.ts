import { errors } from '@strapi/utils';
import type { z } from 'zod';

/**
 * The controllers' one validation step: the parsed, typed input, or a 400 ValidationError whose
 * message names each field and its problem (`where` names the part of the request: query, body, params).
 */
export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown, where: 'query' | 'body' | 'params' = 'body'): z.infer<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  throw new errors.ValidationError(parsed.error.issues.map((i) => `${i.path.join('.') || where}: ${i.message}`).join('; '), {
    errors: parsed.error.issues.map((i) => ({ path: i.path, message: i.message, name: 'ValidationError' })),
  });
}
