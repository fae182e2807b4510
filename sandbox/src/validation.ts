/**
 * The sandbox's own model validation, written from the vendor contract (not
 * shared with the client, so that each checks the other). Messages follow
 * ASP.NET's style, as the real service is an ASP.NET Web API.
 */
type Obj = Record<string, unknown>;

const ENUMS = {
  VehicleType: [1, 2, 3, 4, 5, 6],
  VehicleInterest: [1, 2, 3, 4, 5],
  FinanceStatus: [1, 2, 3],
  Rating: [1, 2, 3],
  LeadStatus: [10, 30, 50, 60, 90],
} as const;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function present(v: unknown): boolean {
  return v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');
}

/** Model binding: ints and decimals may arrive as numbers or numeric strings. */
export function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}
export function asBool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'True') return true;
  if (v === 'false' || v === 'False') return false;
  return undefined;
}

class V {
  errors: string[] = [];
  constructor(private o: Obj, private prefix = '') {}
  n(f: string) {
    return this.prefix ? `${this.prefix}.${f}` : f;
  }
  str(f: string, required: boolean, max?: number) {
    const v = this.o[f];
    if (!present(v)) {
      if (required) this.errors.push(`The ${this.n(f)} field is required.`);
      return;
    }
    if (typeof v !== 'string') this.errors.push(`The value for ${this.n(f)} is not valid.`);
    else if (max !== undefined && v.length > max) this.errors.push(`The field ${this.n(f)} must be a string with a maximum length of ${max}.`);
  }
  int(f: string, required: boolean, allowed?: readonly number[]) {
    const v = this.o[f];
    if (v === undefined || v === null) {
      if (required) this.errors.push(`The ${this.n(f)} field is required.`);
      return;
    }
    const n = asNumber(v);
    if (n === undefined || !Number.isInteger(n)) this.errors.push(`The value for ${this.n(f)} is not valid.`);
    else if (allowed && !allowed.includes(n)) this.errors.push(`The field ${this.n(f)} must be one of ${allowed.join(', ')}.`);
  }
  dec(f: string, required: boolean) {
    const v = this.o[f];
    if (v === undefined || v === null) {
      if (required) this.errors.push(`The ${this.n(f)} field is required.`);
      return;
    }
    if (asNumber(v) === undefined) this.errors.push(`The value for ${this.n(f)} is not valid.`);
  }
  bool(f: string, required: boolean) {
    const v = this.o[f];
    if (v === undefined || v === null) {
      if (required) this.errors.push(`The ${this.n(f)} field is required.`);
      return;
    }
    if (asBool(v) === undefined) this.errors.push(`The value for ${this.n(f)} is not valid.`);
  }
  customer(f: string, required: boolean) {
    const v = this.o[f];
    if (v === undefined || v === null) {
      if (required) this.errors.push(`The ${this.n(f)} field is required.`);
      return;
    }
    if (!isObj(v)) return void this.errors.push(`The value for ${this.n(f)} is not valid.`);
    const c = new V(v, this.n(f));
    c.str('CustomerNo', false, 20);
    c.str('Name', false, 100);
    c.str('Email', false, 100);
    if (!present(v.CustomerNo) && !(present(v.Name) && present(v.Email))) {
      c.errors.push(`Either ${this.n(f)}.CustomerNo or both ${this.n(f)}.Name and ${this.n(f)}.Email are required.`);
    }
    c.str('Address', false, 200);
    c.str('City', false, 50);
    c.str('State', false);
    c.str('PostCode', false, 10);
    c.str('Fax', false, 20);
    c.str('Phone', false, 20);
    c.str('Mobile', false, 20);
    this.errors.push(...c.errors);
  }
  /** An optional list of objects (the quotation's receipts, trade-ins, extras). */
  list(f: string) {
    const v = this.o[f];
    if (v === undefined || v === null) return;
    if (!Array.isArray(v) || v.some((item) => !isObj(item))) this.errors.push(`The value for ${this.n(f)} is not valid.`);
  }
  account() {
    this.str('AccountNumber', true, 20);
    this.str('AccountSecret', true, 50);
  }
}

export function validateCreateLead(o: Obj): string[] {
  const v = new V(o);
  v.account();
  v.str('StockNumber', false, 20);
  v.str('VehicleMake', true, 100);
  v.str('VehicleModel', true, 50);
  v.dec('VehiclePrice', false);
  v.int('VehicleType', true, ENUMS.VehicleType);
  v.int('VehicleYear', true);
  v.bool('IsVehicleNew', true);
  v.int('VehicleInterest', true, ENUMS.VehicleInterest);
  v.str('Notes', false);
  v.str('VehicleSourcePageURL', false, 400);
  v.int('FinanceStatus', false, ENUMS.FinanceStatus);
  v.int('Rating', false, ENUMS.Rating);
  v.str('ExternalID', false, 50);
  v.customer('LeadCustomer', true);
  return v.errors;
}

export function validateUpdateLead(o: Obj): string[] {
  const v = new V(o);
  v.account();
  v.str('LeadNumber', true, 20);
  v.dec('VehiclePrice', false);
  v.int('VehicleInterest', false, ENUMS.VehicleInterest);
  v.str('Notes', false);
  v.str('VehicleSourcePageURL', false, 400);
  v.int('FinanceStatus', false, ENUMS.FinanceStatus);
  v.int('Rating', false, ENUMS.Rating);
  v.int('LeadStatus', false, ENUMS.LeadStatus);
  v.customer('LeadCustomer', false);
  return v.errors;
}

export function validateGetLeadDetail(o: Obj): string[] {
  const v = new V(o);
  v.account();
  v.str('LeadNumber', true, 20);
  return v.errors;
}

export function validateSearchContacts(o: Obj): string[] {
  const v = new V(o);
  v.account();
  v.str('Name', false);
  v.str('Email', false);
  v.str('Phone', false);
  if (!present(o.Name) && !present(o.Email) && !present(o.Phone)) v.errors.push('At least one of Name, Email or Phone is required.');
  return v.errors;
}

export function validateCreateQuotation(o: Obj): string[] {
  const v = new V(o);
  v.account();
  v.str('LeadNumber', false, 20);
  v.str('YardCode', true);
  v.str('VehicleMake', true, 100);
  v.str('VehicleModel', true, 50);
  v.int('VehicleType', true, ENUMS.VehicleType);
  v.bool('IsVehicleNew', true);
  v.int('VehicleYear', true);
  v.str('QuoteDate', true);
  if (typeof o.QuoteDate === 'string' && present(o.QuoteDate) && !/^\d{2}\/\d{2}\/\d{4}$/.test(o.QuoteDate)) {
    v.errors.push('The field QuoteDate must be a date in dd/MM/yyyy format.');
  }
  v.dec('BasePrice', true);
  v.dec('SellingPrice', true);
  v.str('RegoState', true, 3);
  v.customer('QuotationCustomer1', true);
  v.customer('QuotationCustomer2', false);
  for (const list of ['QuotationReceipts', 'QuotationTradeins', 'QuotationExtras']) v.list(list);
  return v.errors;
}

export function validateGetAdvertisementStocks(o: Obj): string[] {
  const v = new V(o);
  v.account();
  v.str('YardCode', false);
  return v.errors;
}
