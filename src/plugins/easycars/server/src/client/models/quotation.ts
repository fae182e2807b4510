/**
 * LeadService/CreateQuotation. The vendor documents only the required fields;
 * trade-ins, extras and receipts are passed through as given.
 */
import type { CustomerModel } from './lead';
import type { VehicleTypeValue } from './enums';

export interface CreateQuotationRequest {
  AccountNumber: string;
  AccountSecret: string;
  /** Optional: attach the quote to an existing lead. */
  LeadNumber?: string;
  YardCode: string;
  VehicleMake: string;
  VehicleModel: string;
  VehicleType: VehicleTypeValue;
  IsVehicleNew: boolean;
  VehicleYear: number;
  /** dd/MM/yyyy */
  QuoteDate: string;
  BasePrice: number;
  SellingPrice: number;
  /** At most 3 characters, e.g. "NSW". */
  RegoState: string;
  QuotationCustomer1: CustomerModel;
  QuotationCustomer2?: CustomerModel;
  TradeIns?: Array<Record<string, unknown>>;
  Extras?: Array<Record<string, unknown>>;
  Receipts?: Array<Record<string, unknown>>;
  [extra: string]: unknown;
}

export interface QuotationResult {
  QuoteNumber: string;
  CustomerNo1: string | null;
  CustomerNo2: string | null;
  code: number;
  errorMessage: string | null;
  warnings: import('./coerce').CoercionWarning[];
}
