/**
 * The local lead fields the plugin keeps in step with EasyCars, and how each one travels.
 * `status` is not listed: it syncs through LeadStatus with its own rules (see status.ts).
 */
export type LeadValue = string | number | boolean | null;

/** Local field values last agreed with EasyCars (lead-record.syncedValues) or read now. */
export type LeadValues = Record<SyncedField, LeadValue>;

export interface FieldSpec {
  /** GetLeadDetail's name for it. */
  detail: string;
  /** CreateLead's name (inside LeadCustomer for customer fields). */
  create: string;
  /** UpdateLead sends it (false: EasyCars only takes it at creation). */
  updatable: boolean;
  customer?: boolean;
}

export const FIELD_SPECS = {
  customerName: { detail: 'CustomerName', create: 'Name', updatable: true, customer: true },
  customerEmail: { detail: 'CustomerEmail', create: 'Email', updatable: true, customer: true },
  customerPhone: { detail: 'CustomerPhone', create: 'Phone', updatable: true, customer: true },
  customerMobile: { detail: 'CustomerMobile', create: 'Mobile', updatable: true, customer: true },
  customerAddress: { detail: 'CustomerAddress', create: 'Address', updatable: true, customer: true },
  customerCity: { detail: 'CustomerCity', create: 'City', updatable: true, customer: true },
  customerState: { detail: 'CustomerState', create: 'State', updatable: true, customer: true },
  customerPostCode: { detail: 'CustomerPostCode', create: 'PostCode', updatable: true, customer: true },
  message: { detail: 'Notes', create: 'Notes', updatable: true },
  sourcePageUrl: { detail: 'VehicleSourcePageURL', create: 'VehicleSourcePageURL', updatable: true },
  vehiclePrice: { detail: 'VehiclePrice', create: 'VehiclePrice', updatable: true },
  interest: { detail: 'VehicleInterest', create: 'VehicleInterest', updatable: true },
  financeStatus: { detail: 'FinanceStatus', create: 'FinanceStatus', updatable: true },
  rating: { detail: 'Rating', create: 'Rating', updatable: true },
  vehicleMake: { detail: 'VehicleMake', create: 'VehicleMake', updatable: false },
  vehicleModel: { detail: 'VehicleModel', create: 'VehicleModel', updatable: false },
  vehicleYear: { detail: 'VehicleYear', create: 'VehicleYear', updatable: false },
  vehicleType: { detail: 'VehicleType', create: 'VehicleType', updatable: false },
  isVehicleNew: { detail: 'IsVehicleNew', create: 'IsVehicleNew', updatable: false },
} as const satisfies Record<string, FieldSpec>;

export type SyncedField = keyof typeof FIELD_SPECS;
export const SYNCED_FIELDS = Object.keys(FIELD_SPECS) as SyncedField[];

/** The local field a CreateLead/UpdateLead request path came from, for messages ("LeadCustomer.Email" → customerEmail). */
export function localFieldFor(requestPath: string): string | null {
  const leaf = requestPath.startsWith('LeadCustomer.') ? requestPath.slice('LeadCustomer.'.length) : requestPath;
  const inCustomer = requestPath.startsWith('LeadCustomer.');
  for (const [local, spec] of Object.entries(FIELD_SPECS) as Array<[SyncedField, FieldSpec]>) {
    if (spec.create === leaf && Boolean(spec.customer) === inCustomer) return local;
  }
  if (requestPath === 'StockNumber') return 'vehicle';
  if (requestPath === 'ExternalID') return 'documentId';
  if (requestPath === 'LeadCustomer') return 'customerName / customerEmail';
  return null;
}

/** Same value for sync purposes: '' and null are both "empty", numbers compare by value. */
export function sameValue(a: LeadValue | undefined, b: LeadValue | undefined): boolean {
  const na = a === '' || a === undefined ? null : a;
  const nb = b === '' || b === undefined ? null : b;
  if (typeof na === 'number' && typeof nb === 'number') return Math.abs(na - nb) < 0.005;
  return na === nb;
}

/** The customer's personal details among the synced fields. */
export const CUSTOMER_FIELDS: SyncedField[] = SYNCED_FIELDS.filter((f) => 'customer' in FIELD_SPECS[f]);

export function withoutCustomer(values: Partial<LeadValues> | null): Partial<LeadValues> | null {
  if (!values) return values;
  const out: Partial<LeadValues> = { ...values };
  for (const f of CUSTOMER_FIELDS) delete out[f];
  return out;
}
