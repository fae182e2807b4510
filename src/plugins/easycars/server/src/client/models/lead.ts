/**
 * LeadService models: CreateLead, UpdateLead, GetLeadDetail.
 */
import {
  type CoercionContext,
  type CoercionWarning,
  extraFields,
  isRecord,
  toBoolean,
  toNumber,
  toSydneyDateTime,
  toText,
} from './coerce';
import type {
  FinanceStatusValue,
  LeadStatusValue,
  RatingValue,
  VehicleInterestValue,
  VehicleTypeValue,
} from './enums';

/** CustomerModel: CustomerNo, or Name + Email, is required. */
export interface CustomerModel {
  CustomerNo?: string;
  Name?: string;
  Email?: string;
  Address?: string;
  City?: string;
  /** "NSW" */
  State?: string;
  PostCode?: string;
  Fax?: string;
  Phone?: string;
  Mobile?: string;
}

export interface AccountCredentials {
  AccountNumber: string;
  AccountSecret: string;
}

export interface CreateLeadRequest extends AccountCredentials {
  StockNumber?: string;
  VehicleMake: string;
  VehicleModel: string;
  VehiclePrice?: number;
  VehicleType: VehicleTypeValue;
  VehicleYear: number;
  IsVehicleNew: boolean;
  VehicleInterest: VehicleInterestValue;
  Notes?: string;
  VehicleSourcePageURL?: string;
  FinanceStatus?: FinanceStatusValue;
  Rating?: RatingValue;
  ExternalID?: string;
  LeadCustomer: CustomerModel;
}

export interface UpdateLeadRequest extends AccountCredentials {
  LeadNumber: string;
  VehiclePrice?: number;
  VehicleInterest?: VehicleInterestValue;
  Notes?: string;
  VehicleSourcePageURL?: string;
  FinanceStatus?: FinanceStatusValue;
  Rating?: RatingValue;
  LeadStatus?: LeadStatusValue;
  /** Without it the lead keeps its customer. */
  LeadCustomer?: CustomerModel;
}

export interface GetLeadDetailRequest extends AccountCredentials {
  LeadNumber: string;
}

/** CreateLead / UpdateLead answer. */
export interface LeadResult {
  LeadNumber: string;
  CustomerNo: string;
  code: number;
  errorMessage: string | null;
  warnings: CoercionWarning[];
}

export interface LeadDetail {
  LeadNumber: string;
  StockNumber: string | null;
  VehicleMake: string | null;
  VehicleModel: string | null;
  VehiclePrice: number | null;
  VehicleType: number | null;
  VehicleYear: number | null;
  IsVehicleNew: boolean | null;
  VehicleInterest: number | null;
  Notes: string | null;
  VehicleSourcePageURL: string | null;
  FinanceStatus: number | null;
  Rating: number | null;
  ExternalID: string | null;
  /** Parsed from Sydney time dd/MM/yyyy HH:mm:ss. */
  CreatedDateTime: Date | null;
  CustomerNo: string | null;
  CustomerName: string | null;
  CustomerEmail: string | null;
  CustomerAddress: string | null;
  CustomerCity: string | null;
  CustomerState: string | null;
  CustomerPostCode: string | null;
  CustomerFax: string | null;
  CustomerPhone: string | null;
  CustomerMobile: string | null;
  /** Not documented: present only when EasyCars sends it (undefined otherwise). */
  LeadStatus?: number | null;
  extra: Record<string, unknown>;
}

const LEAD_TEXT = [
  'StockNumber', 'VehicleMake', 'VehicleModel', 'Notes', 'VehicleSourcePageURL', 'ExternalID', 'CustomerNo',
  'CustomerName', 'CustomerEmail', 'CustomerAddress', 'CustomerCity', 'CustomerState', 'CustomerPostCode',
  'CustomerFax', 'CustomerPhone', 'CustomerMobile',
] as const;
const LEAD_INT = ['VehicleType', 'VehicleYear', 'VehicleInterest', 'FinanceStatus', 'Rating'] as const;

/** Customer personal data: never copied into warnings or logs. */
export const LEAD_SENSITIVE_FIELDS: ReadonlySet<string> = new Set([
  'Notes', 'CustomerName', 'CustomerEmail', 'CustomerAddress', 'CustomerCity', 'CustomerPostCode',
  'CustomerFax', 'CustomerPhone', 'CustomerMobile', 'Name', 'Email', 'Phone', 'Mobile', 'Address', 'City',
  'PostCode', 'Fax', 'ABN',
]);

const LEAD_KNOWN = new Set<string>([
  'LeadNumber', ...LEAD_TEXT, ...LEAD_INT, 'VehiclePrice', 'IsVehicleNew', 'CreatedDateTime', 'LeadStatus',
  'Code', 'ErrorMessage',
]);

/** Parses a GetLeadDetail answer (the envelope fields are ignored). */
export function parseLeadDetail(raw: Record<string, unknown>, leadNumberAsked: string, warnings: CoercionWarning[]): LeadDetail {
  const ctx: CoercionContext = { entity: 'lead', id: leadNumberAsked, warnings, sensitiveFields: LEAD_SENSITIVE_FIELDS };
  const out: Record<string, unknown> = {};
  out.LeadNumber = toText(ctx, 'LeadNumber', raw.LeadNumber) ?? leadNumberAsked;
  for (const f of LEAD_TEXT) out[f] = toText(ctx, f, raw[f]);
  for (const f of LEAD_INT) out[f] = toNumber(ctx, f, raw[f], { integer: true });
  out.VehiclePrice = toNumber(ctx, 'VehiclePrice', raw.VehiclePrice);
  out.IsVehicleNew = toBoolean(ctx, 'IsVehicleNew', raw.IsVehicleNew, { nullable: true });
  out.CreatedDateTime = toSydneyDateTime(ctx, 'CreatedDateTime', raw.CreatedDateTime);
  if ('LeadStatus' in raw) out.LeadStatus = toNumber(ctx, 'LeadStatus', raw.LeadStatus, { integer: true });
  out.extra = extraFields(raw, LEAD_KNOWN);
  return out as unknown as LeadDetail;
}

/** Reads LeadNumber/CustomerNo of a CreateLead/UpdateLead answer. */
export function parseLeadResult(
  raw: Record<string, unknown>,
  warnings: CoercionWarning[],
  fallbackLeadNumber?: string,
): { LeadNumber: string | null; CustomerNo: string | null } {
  const ctx: CoercionContext = { entity: 'lead', id: fallbackLeadNumber ?? null, warnings };
  const LeadNumber = toText(ctx, 'LeadNumber', raw.LeadNumber) ?? fallbackLeadNumber ?? null;
  if (LeadNumber) ctx.id = LeadNumber;
  const CustomerNo = toText(ctx, 'CustomerNo', raw.CustomerNo);
  return { LeadNumber, CustomerNo };
}

