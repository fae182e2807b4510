/**
 * Pure mapping between a local lead and the EasyCars Lead API (CreateLead, UpdateLead,
 * GetLeadDetail). No Strapi, no I/O: unit-tested field by field.
 */
import { createHash } from 'node:crypto';
import type { CreateLeadRequest, CustomerModel, LeadDetail, UpdateLeadRequest } from '../client/models/lead';
import { validateCreateLeadRequest, validateUpdateLeadRequest } from '../client/validation';
import {
  FINANCE_STATUS,
  INTEREST,
  RATING,
  VEHICLE_COLLECTION_TYPE,
  VEHICLE_TYPE,
  fromEasyCars,
  statusName,
  toEasyCars,
  type LocalStatus,
} from './enums';
import { CUSTOMER_FIELDS, FIELD_SPECS, SYNCED_FIELDS, localFieldFor, sameValue, type LeadValue, type LeadValues, type SyncedField } from './fields';

type NoAccount<T> = Omit<T, 'AccountNumber' | 'AccountSecret'>;
export type CreateLeadBody = NoAccount<CreateLeadRequest>;
export type UpdateLeadBody = NoAccount<UpdateLeadRequest>;

/** The vehicle a lead points at (host vehicle collection), used when the lead leaves vehicle fields empty. */
export interface LinkedVehicle {
  stockNumber?: string | null;
  make?: string | null;
  model?: string | null;
  year?: number | null;
  price?: number | string | null;
  vehicleType?: string | null;
  condition?: string | null;
}

/** A local lead as the Document Service returns it (relations populated when needed). */
export interface LocalLead {
  documentId: string;
  customerName?: string | null;
  customerEmail?: string | null;
  customerPhone?: string | null;
  customerMobile?: string | null;
  customerAddress?: string | null;
  customerCity?: string | null;
  customerState?: string | null;
  customerPostCode?: string | null;
  message?: string | null;
  vehicleMake?: string | null;
  vehicleModel?: string | null;
  vehicleYear?: number | null;
  vehiclePrice?: number | string | null;
  vehicleType?: string | null;
  isVehicleNew?: boolean | null;
  interest?: string | null;
  financeStatus?: string | null;
  rating?: string | null;
  status?: string | null;
  sourcePageUrl?: string | null;
  vehicle?: LinkedVehicle | null;
  dealership?: { documentId: string } | null;
}

export interface LeadIssue {
  /** The EasyCars request field ("LeadCustomer.Email"). */
  field: string;
  /** The local lead field it comes from, when there is one. */
  localField: string | null;
  message: string;
}

const text = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
};
const num = (v: unknown): number | null => {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? Math.round(n * 100) / 100 : null;
};
const int = (v: unknown): number | null => {
  const n = num(v);
  return n === null ? null : Math.trunc(n);
};

/**
 * The values this lead means for EasyCars: its own fields, with make/model/year/price/type/new
 * borrowed from the linked vehicle when the lead leaves them empty.
 */
export function leadValues(lead: LocalLead): LeadValues {
  const v = lead.vehicle ?? null;
  return {
    customerName: text(lead.customerName),
    customerEmail: text(lead.customerEmail),
    customerPhone: text(lead.customerPhone),
    customerMobile: text(lead.customerMobile),
    customerAddress: text(lead.customerAddress),
    customerCity: text(lead.customerCity),
    customerState: text(lead.customerState),
    customerPostCode: text(lead.customerPostCode),
    message: text(lead.message),
    sourcePageUrl: text(lead.sourcePageUrl),
    vehiclePrice: num(lead.vehiclePrice) ?? num(v?.price),
    interest: text(lead.interest),
    financeStatus: text(lead.financeStatus),
    rating: text(lead.rating),
    vehicleMake: text(lead.vehicleMake) ?? text(v?.make),
    vehicleModel: text(lead.vehicleModel) ?? text(v?.model),
    vehicleYear: int(lead.vehicleYear) ?? int(v?.year),
    vehicleType: text(lead.vehicleType) ?? vehicleTypeFromVehicle(v?.vehicleType),
    isVehicleNew: typeof lead.isVehicleNew === 'boolean' ? lead.isVehicleNew : v?.condition ? v.condition === 'new' : null,
  };
}

function vehicleTypeFromVehicle(type: string | null | undefined): string | null {
  const code = type ? VEHICLE_COLLECTION_TYPE[type] : undefined;
  return code === undefined ? null : (fromEasyCars('vehicleType', code) ?? null);
}

/** A synced field's value in EasyCars terms (enums as their numbers). */
function wireValue(field: SyncedField, value: LeadValue): LeadValue {
  switch (field) {
    case 'vehicleType':
      return toEasyCars(VEHICLE_TYPE, value);
    case 'interest':
      return toEasyCars(INTEREST, value);
    case 'financeStatus':
      return toEasyCars(FINANCE_STATUS, value);
    case 'rating':
      return toEasyCars(RATING, value);
    default:
      return value;
  }
}

function customerBlock(values: LeadValues, customerNo: string | null, only?: Set<SyncedField>): CustomerModel {
  const block: Record<string, string> = {};
  if (customerNo) block.CustomerNo = customerNo;
  for (const field of CUSTOMER_FIELDS) {
    const always = field === 'customerName' || field === 'customerEmail';
    if (only && !always && !only.has(field)) continue;
    const value = values[field];
    if (typeof value === 'string') block[FIELD_SPECS[field].create] = value;
    else if (only?.has(field) && !always) block[FIELD_SPECS[field].create] = '';
  }
  return block as CustomerModel;
}

/** CreateLead body (without the account pair). Empty optional fields are left out, never sent as null. */
export function buildCreateRequest(
  values: LeadValues,
  opts: { externalId: string; stockNumber?: string | null; customerNo?: string | null },
): CreateLeadBody {
  const body: Record<string, unknown> = {};
  for (const field of SYNCED_FIELDS) {
    if ('customer' in FIELD_SPECS[field]) continue;
    const value = wireValue(field, values[field]);
    if (value !== null) body[FIELD_SPECS[field].create] = value;
  }
  const stock = text(opts.stockNumber);
  if (stock) body.StockNumber = stock;
  body.ExternalID = opts.externalId;
  body.LeadCustomer = customerBlock(values, text(opts.customerNo));
  return body as unknown as CreateLeadBody;
}

function withLocalFields(issues: Array<{ field: string; message: string }>): LeadIssue[] {
  return issues.map((i) => {
    const localField = localFieldFor(i.field);
    return { field: i.field, localField, message: localField ? `${i.message} (lead field: ${localField})` : i.message };
  });
}

/** The spec's required fields and max lengths, checked before anything is sent. */
export function validateCreate(body: CreateLeadBody): LeadIssue[] {
  return withLocalFields(validateCreateLeadRequest(body, { requireAccount: false }));
}

export function validateUpdate(body: UpdateLeadBody): LeadIssue[] {
  return withLocalFields(validateUpdateLeadRequest(body, { requireAccount: false }));
}

/** Local fields whose value differs from the last agreed one. */
export function changedFields(current: LeadValues, synced: Partial<LeadValues> | null): SyncedField[] {
  return SYNCED_FIELDS.filter((f) => !sameValue(current[f], synced?.[f] ?? null));
}

export interface UpdatePlan {
  body: UpdateLeadBody;
  /** Local fields this request carries (the lead-record agrees on them once it succeeds). */
  fields: SyncedField[];
  /** Changed locally but not sendable (create-only fields, or a number cleared locally). */
  skipped: SyncedField[];
  status: number | null;
}

/**
 * UpdateLead with only what changed since the last agreed values (and LeadStatus when given).
 * Returns null when there is nothing to send.
 */
export function buildUpdateRequest(
  leadNumber: string,
  current: LeadValues,
  synced: Partial<LeadValues> | null,
  opts: { customerNo?: string | null; status?: number | null; only?: SyncedField[] },
): UpdatePlan | null {
  const body: Record<string, unknown> = { LeadNumber: leadNumber };
  const fields: SyncedField[] = [];
  const skipped: SyncedField[] = [];
  const customerChanges = new Set<SyncedField>();
  const only = opts.only ? new Set(opts.only) : null;
  for (const field of changedFields(current, synced)) {
    if (only && !only.has(field)) continue;
    const spec = FIELD_SPECS[field];
    const value = wireValue(field, current[field]);
    if (!spec.updatable) {
      skipped.push(field);
    } else if ('customer' in spec) {
      customerChanges.add(field);
      fields.push(field);
    } else if (value === null && field !== 'message' && field !== 'sourcePageUrl') {
      skipped.push(field); // a number or choice cleared locally: UpdateLead has no way to clear it
    } else {
      body[spec.create] = value ?? '';
      fields.push(field);
    }
  }
  if (customerChanges.size) body.LeadCustomer = customerBlock(current, text(opts.customerNo), customerChanges);
  const status = opts.status ?? null;
  if (status !== null) body.LeadStatus = status;
  if (!fields.length && status === null) return null;
  return { body: body as unknown as UpdateLeadBody, fields, skipped, status };
}

export interface InboundValues {
  /** Local field values read from GetLeadDetail (fields with an unknown enum number are left out). */
  values: Partial<LeadValues>;
  /** Local status from LeadStatus: undefined when EasyCars did not send one. */
  status: LocalStatus | undefined;
  /** "VehicleType 7 is not a documented value" */
  warnings: string[];
}

/** GetLeadDetail → local lead values. */
export function valuesFromDetail(detail: LeadDetail): InboundValues {
  const values: Partial<LeadValues> = {};
  const warnings: string[] = [];
  const d = detail as unknown as Record<string, unknown>;
  const enumKind: Partial<Record<SyncedField, 'vehicleType' | 'interest' | 'financeStatus' | 'rating'>> = {
    vehicleType: 'vehicleType',
    interest: 'interest',
    financeStatus: 'financeStatus',
    rating: 'rating',
  };
  for (const field of SYNCED_FIELDS) {
    const raw = d[FIELD_SPECS[field].detail];
    const kind = enumKind[field];
    if (kind) {
      const local = fromEasyCars(kind, raw as number | null);
      if (local === undefined) warnings.push(`${FIELD_SPECS[field].detail} ${String(raw)} is not a documented value; the local ${field} was kept`);
      else values[field] = local;
    } else if (field === 'vehiclePrice') values[field] = num(raw);
    else if (field === 'vehicleYear') values[field] = int(raw);
    else if (field === 'isVehicleNew') values[field] = typeof raw === 'boolean' ? raw : null;
    else values[field] = text(raw);
  }
  let status: LocalStatus | undefined;
  if (detail.LeadStatus !== undefined && detail.LeadStatus !== null) {
    const name = statusName(detail.LeadStatus);
    if (name) status = name;
    else warnings.push(`LeadStatus ${detail.LeadStatus} is not a documented value; the local status was kept`);
  }
  return { values, status, warnings };
}

const DETAIL_FIELDS = [
  'LeadNumber', 'StockNumber', 'VehicleMake', 'VehicleModel', 'VehiclePrice', 'VehicleType', 'VehicleYear', 'IsVehicleNew',
  'VehicleInterest', 'Notes', 'VehicleSourcePageURL', 'FinanceStatus', 'Rating', 'ExternalID', 'CreatedDateTime', 'CustomerNo',
  'CustomerName', 'CustomerEmail', 'CustomerAddress', 'CustomerCity', 'CustomerState', 'CustomerPostCode', 'CustomerFax',
  'CustomerPhone', 'CustomerMobile',
] as const;

/** The customer's personal details: in the change hash and syncedValues only, never in lead-record columns (docs/lead-sync.md). */
const PERSONAL_DETAIL_FIELDS: ReadonlySet<string> = new Set([
  'CustomerName', 'CustomerEmail', 'CustomerAddress', 'CustomerCity', 'CustomerState', 'CustomerPostCode', 'CustomerFax',
  'CustomerPhone', 'CustomerMobile',
]);

/** The GetLeadDetail answer as lead-record columns, without the customer's personal details (CreatedDateTime as a UTC instant). */
export function recordFieldsFromDetail(detail: LeadDetail): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of DETAIL_FIELDS) {
    if (PERSONAL_DETAIL_FIELDS.has(f)) continue;
    const v = detail[f];
    out[f] = v instanceof Date ? v.toISOString() : (v ?? null);
  }
  if (detail.LeadStatus !== undefined) out.LeadStatus = detail.LeadStatus;
  out.extraFields = Object.keys(detail.extra ?? {}).length ? detail.extra : null;
  out.contentHash = detailHash(detail);
  return out;
}

/** Stable hash of what EasyCars said about a lead: "did anything change since the last pull?". */
export function detailHash(detail: LeadDetail): string {
  const plain: Record<string, unknown> = {};
  for (const f of DETAIL_FIELDS) {
    const v = detail[f];
    plain[f] = v instanceof Date ? v.toISOString() : (v ?? null);
  }
  plain.LeadStatus = detail.LeadStatus ?? null;
  return createHash('sha256').update(JSON.stringify(plain)).digest('hex');
}

/** Values of `fields` only (what a partial local update writes). */
export function pick(values: Partial<LeadValues>, fields: SyncedField[]): Partial<LeadValues> {
  const out: Partial<LeadValues> = {};
  for (const f of fields) if (f in values) out[f] = values[f] as LeadValue;
  return out;
}
