/** LeadService/SearchContacts. */
import { type CoercionContext, type CoercionWarning, extraFields, isRecord, toText } from './coerce';
import { LEAD_SENSITIVE_FIELDS } from './lead';

export interface SearchContactsQuery {
  /** Contains. */
  Name?: string;
  /** Exact. */
  Email?: string;
  /** Exact; matches phone or mobile. */
  Phone?: string;
}

export interface SearchContactsRequest extends SearchContactsQuery {
  AccountNumber: string;
  AccountSecret: string;
}

export interface Contact {
  CustomerNo: string | null;
  Name: string | null;
  Email: string | null;
  Phone: string | null;
  Mobile: string | null;
  Address: string | null;
  City: string | null;
  State: string | null;
  PostCode: string | null;
  Country: string | null;
  ABN: string | null;
  extra: Record<string, unknown>;
}

const FIELDS = ['CustomerNo', 'Name', 'Email', 'Phone', 'Mobile', 'Address', 'City', 'State', 'PostCode', 'Country', 'ABN'] as const;
const KNOWN = new Set<string>(FIELDS);

export function parseContacts(raw: unknown, warnings: CoercionWarning[]): Contact[] {
  if (!Array.isArray(raw)) return [];
  const out: Contact[] = [];
  raw.forEach((r, i) => {
    if (!isRecord(r)) {
      warnings.push({ entity: 'contact', id: null, field: `Contacts[${i}]`, rawValue: typeof r, kind: 'invalid', message: `Contacts[${i}] is not an object; skipped` });
      return;
    }
    const ctx: CoercionContext = { entity: 'contact', id: null, warnings, sensitiveFields: LEAD_SENSITIVE_FIELDS };
    const c: Record<string, unknown> = {};
    c.CustomerNo = toText(ctx, 'CustomerNo', r.CustomerNo);
    ctx.id = (c.CustomerNo as string | null) ?? null;
    for (const f of FIELDS) if (f !== 'CustomerNo') c[f] = toText(ctx, f, r[f]);
    c.extra = extraFields(r, KNOWN);
    out.push(c as unknown as Contact);
  });
  return out;
}
