/**
 * Request validators, written against the vendor contract (max lengths,
 * required fields, CustomerNo or Name+Email, enum ranges). They return a list
 * of issues (empty = valid); messages name the field and never contain values.
 * Reused by the lead mapper: pass `{ requireAccount: false }` to validate a
 * request before the account credentials are added.
 */
import type { ValidationIssue } from './errors';
import {
  FinanceStatus,
  LeadStatus,
  Rating,
  VehicleInterest,
  VehicleType,
  describeEnum,
  enumValues,
} from './models/enums';

export interface ValidateOptions {
  /** Check AccountNumber/AccountSecret too (default true). */
  requireAccount?: boolean;
}

type Obj = Record<string, unknown>;

class Checker {
  readonly issues: ValidationIssue[] = [];
  constructor(private readonly obj: Obj, private readonly prefix = '') {}
  private name(f: string) {
    return this.prefix ? `${this.prefix}.${f}` : f;
  }
  add(field: string, message: string) {
    this.issues.push({ field: this.name(field), message: `${this.name(field)} ${message}` });
  }
  has(f: string): boolean {
    const v = this.obj[f];
    return v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');
  }
  text(f: string, opts: { required?: boolean; max?: number } = {}) {
    const v = this.obj[f];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      if (opts.required) this.add(f, 'is required');
      return;
    }
    if (typeof v !== 'string') return this.add(f, 'must be text');
    if (opts.max !== undefined && v.length > opts.max) this.add(f, `must be at most ${opts.max} characters`);
  }
  number(f: string, opts: { required?: boolean; integer?: boolean; min?: number; max?: number } = {}) {
    const v = this.obj[f];
    if (v === undefined || v === null) {
      if (opts.required) this.add(f, 'is required');
      return;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.add(f, `must be a ${opts.integer ? 'whole ' : ''}number`);
    if (opts.integer && !Number.isInteger(v)) return this.add(f, 'must be a whole number');
    if (opts.min !== undefined && v < opts.min) this.add(f, `must be at least ${opts.min}`);
    if (opts.max !== undefined && v > opts.max) this.add(f, `must be at most ${opts.max}`);
  }
  enumeration(f: string, e: Record<string, number>, required = false) {
    const v = this.obj[f];
    if (v === undefined || v === null) {
      if (required) this.add(f, 'is required');
      return;
    }
    if (typeof v !== 'number' || !enumValues(e).includes(v)) this.add(f, `must be one of ${describeEnum(e)}`);
  }
  boolean(f: string, required = false) {
    const v = this.obj[f];
    if (v === undefined || v === null) {
      if (required) this.add(f, 'is required');
      return;
    }
    if (typeof v !== 'boolean') this.add(f, 'must be true or false');
  }
  account(opts: ValidateOptions) {
    if (opts.requireAccount === false) return;
    this.text('AccountNumber', { required: true, max: 20 });
    this.text('AccountSecret', { required: true, max: 50 });
  }
  customer(f: string, required: boolean) {
    const v = this.obj[f];
    if (v === undefined || v === null) {
      if (required) this.add(f, 'is required');
      return;
    }
    if (typeof v !== 'object' || Array.isArray(v)) return this.add(f, 'must be an object');
    const c = new Checker(v as Obj, this.name(f));
    c.text('CustomerNo', { max: 20 });
    c.text('Name', { max: 100 });
    c.text('Email', { max: 100 });
    if (!c.has('CustomerNo') && !(c.has('Name') && c.has('Email'))) {
      this.issues.push({ field: this.name(f), message: `${this.name(f)} needs a CustomerNo, or a Name and an Email` });
    }
    c.text('Address', { max: 200 });
    c.text('City', { max: 50 });
    c.text('State');
    c.text('PostCode', { max: 10 });
    c.text('Fax', { max: 20 });
    c.text('Phone', { max: 20 });
    c.text('Mobile', { max: 20 });
    this.issues.push(...c.issues);
  }
}

function asObj(req: unknown): Obj {
  return typeof req === 'object' && req !== null && !Array.isArray(req) ? (req as Obj) : {};
}

export function validateCreateLeadRequest(req: unknown, opts: ValidateOptions = {}): ValidationIssue[] {
  const c = new Checker(asObj(req));
  c.account(opts);
  c.text('StockNumber', { max: 20 });
  c.text('VehicleMake', { required: true, max: 100 });
  c.text('VehicleModel', { required: true, max: 50 });
  c.number('VehiclePrice', { min: 0 });
  c.enumeration('VehicleType', VehicleType, true);
  c.number('VehicleYear', { required: true, integer: true, min: 1000, max: 9999 });
  c.boolean('IsVehicleNew', true);
  c.enumeration('VehicleInterest', VehicleInterest, true);
  c.text('Notes');
  c.text('VehicleSourcePageURL', { max: 400 });
  c.enumeration('FinanceStatus', FinanceStatus);
  c.enumeration('Rating', Rating);
  c.text('ExternalID', { max: 50 });
  c.customer('LeadCustomer', true);
  return c.issues;
}

export function validateUpdateLeadRequest(req: unknown, opts: ValidateOptions = {}): ValidationIssue[] {
  const c = new Checker(asObj(req));
  c.account(opts);
  c.text('LeadNumber', { required: true, max: 20 });
  c.number('VehiclePrice', { min: 0 });
  c.enumeration('VehicleInterest', VehicleInterest);
  c.text('Notes');
  c.text('VehicleSourcePageURL', { max: 400 });
  c.enumeration('FinanceStatus', FinanceStatus);
  c.enumeration('Rating', Rating);
  c.enumeration('LeadStatus', LeadStatus);
  c.customer('LeadCustomer', false);
  return c.issues;
}

export function validateGetLeadDetailRequest(req: unknown, opts: ValidateOptions = {}): ValidationIssue[] {
  const c = new Checker(asObj(req));
  c.account(opts);
  c.text('LeadNumber', { required: true, max: 20 });
  return c.issues;
}

export function validateSearchContactsRequest(req: unknown, opts: ValidateOptions = {}): ValidationIssue[] {
  const o = asObj(req);
  const c = new Checker(o);
  c.account(opts);
  c.text('Name');
  c.text('Email');
  c.text('Phone');
  if (!c.has('Name') && !c.has('Email') && !c.has('Phone')) {
    c.issues.push({ field: 'Name', message: 'SearchContacts needs at least one of Name, Email or Phone' });
  }
  return c.issues;
}

const QUOTATION_LISTS = ['QuotationReceipts', 'QuotationTradeins', 'QuotationExtras'] as const;
/** Names easy to guess that the vendor document does not use. */
const UNDOCUMENTED_LIST_NAMES: Record<string, string> = {
  Receipts: 'QuotationReceipts',
  TradeIns: 'QuotationTradeins',
  Tradeins: 'QuotationTradeins',
  QuotationTradeIns: 'QuotationTradeins',
  Extras: 'QuotationExtras',
};

export function validateCreateQuotationRequest(req: unknown, opts: ValidateOptions = {}): ValidationIssue[] {
  const o = asObj(req);
  const c = new Checker(o);
  c.account(opts);
  c.text('LeadNumber', { max: 20 });
  c.text('YardCode', { required: true });
  c.text('VehicleMake', { required: true, max: 100 });
  c.text('VehicleModel', { required: true, max: 50 });
  c.enumeration('VehicleType', VehicleType, true);
  c.boolean('IsVehicleNew', true);
  c.number('VehicleYear', { required: true, integer: true, min: 1000, max: 9999 });
  c.text('QuoteDate', { required: true });
  if (typeof o.QuoteDate === 'string' && o.QuoteDate.trim() !== '' && !/^\d{2}\/\d{2}\/\d{4}$/.test(o.QuoteDate)) {
    c.add('QuoteDate', 'must be a date in dd/MM/yyyy format');
  }
  c.number('BasePrice', { required: true });
  c.number('SellingPrice', { required: true });
  c.text('RegoState', { required: true, max: 3 });
  c.customer('QuotationCustomer1', true);
  c.customer('QuotationCustomer2', false);
  for (const list of QUOTATION_LISTS) {
    const v = o[list];
    if (v === undefined || v === null) continue;
    if (!Array.isArray(v) || v.some((item) => typeof item !== 'object' || item === null || Array.isArray(item))) c.add(list, 'must be a list of objects');
  }
  for (const [wrong, right] of Object.entries(UNDOCUMENTED_LIST_NAMES)) {
    if (o[wrong] !== undefined) c.add(wrong, `is not a CreateQuotation field (EasyCars would ignore it); use ${right}`);
  }
  return c.issues;
}
