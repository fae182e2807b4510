/**
 * Makes mapped data fit the vehicle content type's declared limits (maxLength, min/max, enum),
 * so one over-long value becomes a warning instead of a failed item. Pure: returns the input
 * itself when nothing needed fixing, a changed copy otherwise.
 */
import type { SyncWarning as MapWarning } from '../sync-logs/types';

interface AttributeLike {
  type?: string;
  maxLength?: number;
  min?: number;
  max?: number;
  enum?: string[];
}

const STRINGISH = new Set(['string', 'text', 'email', 'uid', 'richtext']);
const NUMERIC = new Set(['integer', 'biginteger', 'decimal', 'float']);

export function fitToSchema(
  ref: string,
  data: Record<string, unknown>,
  attributes: Record<string, AttributeLike>,
  warnings: MapWarning[],
): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  const changed = () => (out ??= { ...data });
  for (const [name, value] of Object.entries(data)) {
    const attr = attributes[name];
    if (!attr || value === null || value === undefined) continue;
    if (STRINGISH.has(attr.type ?? '') && typeof value === 'string' && attr.maxLength && value.length > attr.maxLength) {
      changed()[name] = value.slice(0, attr.maxLength);
      warnings.push({ ref, field: name, message: `${name} is longer than ${attr.maxLength} characters; shortened`, value: `${value.slice(0, 60)}…` });
    } else if (NUMERIC.has(attr.type ?? '') && typeof value === 'number') {
      if ((attr.min !== undefined && value < attr.min) || (attr.max !== undefined && value > attr.max)) {
        changed()[name] = null;
        warnings.push({ ref, field: name, message: `${name} ${value} is outside ${attr.min ?? '-∞'}..${attr.max ?? '∞'}; left empty`, value });
      }
    } else if (attr.type === 'enumeration' && attr.enum && typeof value === 'string' && !attr.enum.includes(value)) {
      delete changed()[name];
      warnings.push({ ref, field: name, message: `${name} "${value}" is not one of ${attr.enum.join(', ')}; not written`, value });
    }
  }
  return out ?? data;
}
