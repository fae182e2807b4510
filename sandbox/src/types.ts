import type { ServiceName } from './tokens';
export type { ServiceName };

export type SandboxEndpoint =
  | 'RequestToken'
  | 'GetAdvertisementStocks'
  | 'CreateLead'
  | 'UpdateLead'
  | 'GetLeadDetail'
  | 'SearchContacts'
  | 'CreateQuotation';

export type FaultKind =
  | 'http500-html'
  | 'http503'
  | 'http429'
  | 'hang'
  | 'code1'
  | 'code5'
  | 'code7'
  | 'code9'
  | 'malformed-json'
  | 'truncated-json'
  | 'wrong-field-type'
  | 'expired-token'
  /** The request is processed (a lead is stored) and then answered with HTTP 500 / Code 9 / a dropped connection. */
  | 'store-then-500'
  | 'store-then-code9'
  | 'store-then-drop'
  /** GetAdvertisementStocks answers Code 0 with "StockList": null (an empty feed, as the live service may send). */
  | 'null-stock-list'
  /** The request is processed, half of the answer is sent (status 200, headers, part of the body), then the connection dies. */
  | 'drop-mid-body';

export interface FaultSpec {
  /** An endpoint name ('GetAdvertisementStocks', 'RequestToken', ...) or '*' for all. */
  endpoint: SandboxEndpoint | '*' | string;
  /** Limit to one service (useful for RequestToken). */
  service?: ServiceName;
  kind: FaultKind;
  /** How many matching calls get the fault (default 1). */
  times?: number;
  /** http429: the Retry-After header, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** hang: how long the answer is held back (default 60000 ms). */
  hangMs?: number;
}

export interface RequestLogEntry {
  id: number;
  /** ms since epoch, when the request arrived. */
  at: number;
  /** ms since epoch, when the answer was sent (null while pending / if the client went away). */
  endedAt: number | null;
  service: ServiceName | null;
  /** Canonical endpoint name, 'image', 'control' or 'unknown'. */
  endpoint: string;
  method: string;
  path: string;
  /** Query parameters; ClientSecret redacted. */
  query: Record<string, string>;
  /** Parsed JSON body (AccountSecret redacted), the raw text if not JSON, or null. */
  body: unknown;
  status: number | null;
  code: number | null;
  fault: FaultKind | null;
  /** ClientID of the token (data calls) or of the query (RequestToken). */
  clientId: string | null;
  accountNumber: string | null;
}

export interface SandboxLead {
  accountNumber: string;
  createdByClientId: string;
  LeadNumber: string;
  StockNumber: string | null;
  VehicleMake: string;
  VehicleModel: string;
  VehiclePrice: number | null;
  VehicleType: number;
  VehicleYear: number;
  IsVehicleNew: boolean;
  VehicleInterest: number;
  Notes: string | null;
  VehicleSourcePageURL: string | null;
  FinanceStatus: number | null;
  Rating: number | null;
  ExternalID: string | null;
  /** Sydney time, dd/MM/yyyy HH:mm:ss */
  CreatedDateTime: string;
  CustomerNo: string;
  LeadStatus: number;
}

export interface SandboxCustomer {
  accountNumber: string;
  CustomerNo: string;
  Name: string;
  Email: string;
  Phone: string;
  Mobile: string;
  Address: string;
  City: string;
  State: string;
  PostCode: string;
  Fax: string;
  Country: string;
  ABN: string;
}

export interface SandboxQuotation {
  accountNumber: string;
  QuoteNumber: string;
  LeadNumber: string | null;
  CustomerNo1: string;
  CustomerNo2: string | null;
  /** The documented lists as stored; a list sent under another name (TradeIns...) is ignored, as the real service's model binding would. */
  QuotationReceipts: Array<Record<string, unknown>>;
  QuotationTradeins: Array<Record<string, unknown>>;
  QuotationExtras: Array<Record<string, unknown>>;
  request: Record<string, unknown>;
}
