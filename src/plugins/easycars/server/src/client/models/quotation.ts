/**
 * LeadService/CreateQuotation, with the vendor document's names. The document lists the required
 * fields and the three lists by name only (QuotationReceipts, QuotationTradeins, QuotationExtras);
 * their items' fields are not documented, so items are passed through as given.
 */
import type { CustomerModel } from './lead';
import type { VehicleTypeValue } from './enums';

/** An item of one of the quotation's lists; its fields are not in the vendor document. */
export type QuotationListItem = Record<string, string | number | boolean | null>;

export interface CreateQuotationRequest {
  AccountNumber: string;
  AccountSecret: string;
  /** Optional, at most 20 characters: attach the quote to an existing lead. */
  LeadNumber?: string;
  YardCode: string;
  /** At most 100 characters. */
  VehicleMake: string;
  /** At most 50 characters. */
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
  QuotationReceipts?: QuotationListItem[];
  QuotationTradeins?: QuotationListItem[];
  QuotationExtras?: QuotationListItem[];
}

export interface QuotationResult {
  QuoteNumber: string;
  CustomerNo1: string | null;
  CustomerNo2: string | null;
  code: number;
  errorMessage: string | null;
  warnings: import('./coerce').CoercionWarning[];
}
