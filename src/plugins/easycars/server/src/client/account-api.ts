/** The data calls of one dealership account (both services). */
import { type CallContext, type CallResult, type CallSpec, executeCall } from './call';
import { EasyCarsProtocolError, EasyCarsValidationError, type ValidationIssue } from './errors';
import type { CoercionWarning } from './models/coerce';
import { type Contact, parseContacts, type SearchContactsQuery } from './models/contact';
import {
  type CreateLeadRequest,
  type LeadDetail,
  type LeadResult,
  parseLeadDetail,
  parseLeadResult,
  type UpdateLeadRequest,
} from './models/lead';
import type { CreateQuotationRequest, QuotationResult } from './models/quotation';
import type { StockItem } from './models/stock';
import type { ListReader } from './json-stream';
import { streamStockList } from './stock-list-stream';
import type { EasyCarsEndpoint, EasyCarsEnvironment, EasyCarsService } from './types';
import {
  validateCreateLeadRequest,
  validateCreateQuotationRequest,
  validateGetLeadDetailRequest,
  validateSearchContactsRequest,
  validateUpdateLeadRequest,
} from './validation';

export interface EasyCarsAccount {
  environment: EasyCarsEnvironment;
  clientId: string;
  clientSecret: string;
  accountNumber: string;
  accountSecret: string;
  /** A separate client pair for the LeadService, when the dealer has one; otherwise clientId/clientSecret serve both. */
  leadClient?: { clientId: string; clientSecret: string } | null;
}

export interface StockListResult {
  items: StockItem[];
  warnings: CoercionWarning[];
  code: number;
  errorMessage: string | null;
}

export interface LeadDetailResult {
  lead: LeadDetail;
  warnings: CoercionWarning[];
  code: number;
  errorMessage: string | null;
}

type WithoutAccount<T> = Omit<T, 'AccountNumber' | 'AccountSecret'>;

export interface EasyCarsAccountApi {
  readonly accountNumber: string;
  readonly environment: EasyCarsEnvironment;
  /** `timeoutMs`/`maxRetries`: this call's own (default: the client's stock-list timeout and retries). */
  getAdvertisementStocks(opts?: { yardCode?: string; timeoutMs?: number; maxRetries?: number }): Promise<StockListResult>;
  createLead(req: WithoutAccount<CreateLeadRequest>): Promise<LeadResult>;
  updateLead(req: WithoutAccount<UpdateLeadRequest>): Promise<LeadResult>;
  getLeadDetail(leadNumber: string): Promise<LeadDetailResult>;
  searchContacts(q: SearchContactsQuery): Promise<Contact[]>;
  createQuotation(req: WithoutAccount<CreateQuotationRequest>): Promise<QuotationResult>;
}

export interface AccountApiDeps {
  ctx: CallContext;
  baseUrl: string;
  validate: boolean;
  getToken: (service: EasyCarsService) => (forceFresh: boolean) => Promise<{ token: string; key: string }>;
}

const SERVICE_OF: Record<Exclude<EasyCarsEndpoint, 'RequestToken'>, EasyCarsService> = {
  GetAdvertisementStocks: 'StockService',
  CreateLead: 'LeadService',
  UpdateLead: 'LeadService',
  GetLeadDetail: 'LeadService',
  SearchContacts: 'LeadService',
  CreateQuotation: 'LeadService',
};
const IDEMPOTENT = new Set<EasyCarsEndpoint>(['GetAdvertisementStocks', 'GetLeadDetail', 'SearchContacts']);
/** Each accepted request makes a new record in EasyCars: sent at most once unless certainly not processed. */
const CREATES_RECORD = new Set<EasyCarsEndpoint>(['CreateLead', 'CreateQuotation']);

export function createAccountApi(deps: AccountApiDeps, account: EasyCarsAccount): EasyCarsAccountApi {
  const { ctx } = deps;
  ctx.secrets.add(account.clientSecret, account.accountSecret);
  const creds = { AccountNumber: account.accountNumber, AccountSecret: account.accountSecret };

  const check = (endpoint: EasyCarsEndpoint, issues: ValidationIssue[]) => {
    if (deps.validate && issues.length) {
      const err = new EasyCarsValidationError(`${SERVICE_OF[endpoint as keyof typeof SERVICE_OF]}/${endpoint}`, issues);
      ctx.logger.error(err.message, { endpoint: err.endpoint, account: account.accountNumber, issues });
      throw err;
    }
  };

  const call = (
    endpoint: Exclude<EasyCarsEndpoint, 'RequestToken'>,
    body: Record<string, unknown>,
    limits: { timeoutMs?: number; maxRetries?: number; list?: ListReader } = {},
  ): Promise<CallResult> => {
    const service = SERVICE_OF[endpoint];
    const spec: CallSpec = {
      environment: account.environment,
      baseUrl: deps.baseUrl,
      service,
      endpoint,
      idempotent: IDEMPOTENT.has(endpoint),
      createsRecord: CREATES_RECORD.has(endpoint),
      body,
      auth: { clientId: account.clientId, clientSecret: account.clientSecret },
      accountNumber: account.accountNumber,
      ...(limits.timeoutMs !== undefined ? { timeoutMs: limits.timeoutMs } : {}),
      ...(limits.maxRetries !== undefined ? { maxRetries: limits.maxRetries } : {}),
      ...(limits.list ? { list: limits.list } : {}),
    };
    return executeCall(ctx, spec, deps.getToken(service));
  };

  const report = <T>(endpoint: string, warnings: CoercionWarning[], value: T): T => {
    if (warnings.length) {
      const fields = [...new Set(warnings.map((w) => w.field))].slice(0, 20);
      ctx.logger.warn(`EasyCars ${endpoint}: ${warnings.length} value(s) did not match the documented type (fields: ${fields.join(', ')})`, {
        endpoint,
        account: account.accountNumber,
        warningCount: warnings.length,
        examples: warnings.slice(0, 5).map((w) => w.message),
      });
    }
    return value;
  };

  const protocol = (endpoint: string, what: string) =>
    new EasyCarsProtocolError(`EasyCars answered ${endpoint.replace('/', ' ')} without ${what}; the answer cannot be used.`, {
      endpoint,
      retryable: false,
      mayHaveReachedServer: true,
    });

  const leadResult = (endpoint: 'CreateLead' | 'UpdateLead', r: CallResult, leadNumber?: string): LeadResult => {
    const warnings = [...r.warnings];
    const { LeadNumber, CustomerNo } = parseLeadResult(r.body, warnings, leadNumber);
    if (!LeadNumber) throw protocol(`LeadService/${endpoint}`, 'a LeadNumber');
    return report(`LeadService/${endpoint}`, warnings, { LeadNumber, CustomerNo: CustomerNo ?? '', code: r.code, errorMessage: r.errorMessage, warnings });
  };

  return {
    accountNumber: account.accountNumber,
    environment: account.environment,

    async getAdvertisementStocks(opts = {}) {
      const body: Record<string, unknown> = { ...creds };
      if (opts.yardCode) body.YardCode = opts.yardCode;
      // Parsed item by item as the answer arrives: a big dealer's list is ~100 MB of text.
      const list = streamStockList();
      const r = await call('GetAdvertisementStocks', body, {
        timeoutMs: opts.timeoutMs ?? ctx.stockListTimeoutMs,
        ...(opts.maxRetries !== undefined ? { maxRetries: opts.maxRetries } : {}),
        list: list.reader,
      });
      // Never read a missing list as "no stock": a sync would delete everything. "StockList": null is the
      // vendor's empty feed and reads as no items (the removal guard still refuses to unpublish everything).
      const raw = r.body.StockList;
      if (raw !== null && !Array.isArray(raw)) throw protocol('StockService/GetAdvertisementStocks', 'a StockList');
      const items = raw === null ? [] : list.items;
      const warnings = [...r.warnings, ...(raw === null ? [] : list.warnings)];
      return report('StockService/GetAdvertisementStocks', warnings, { items, warnings, code: r.code, errorMessage: r.errorMessage });
    },

    async createLead(req) {
      const body = { ...creds, ...req } as Record<string, unknown>;
      check('CreateLead', validateCreateLeadRequest(body));
      return leadResult('CreateLead', await call('CreateLead', body));
    },

    async updateLead(req) {
      const body = { ...creds, ...req } as Record<string, unknown>;
      check('UpdateLead', validateUpdateLeadRequest(body));
      return leadResult('UpdateLead', await call('UpdateLead', body), req.LeadNumber);
    },

    async getLeadDetail(leadNumber) {
      const body = { ...creds, LeadNumber: leadNumber };
      check('GetLeadDetail', validateGetLeadDetailRequest(body));
      const r = await call('GetLeadDetail', body);
      const warnings = [...r.warnings];
      const lead = parseLeadDetail(r.body, leadNumber, warnings);
      return report('LeadService/GetLeadDetail', warnings, { lead, warnings, code: r.code, errorMessage: r.errorMessage });
    },

    async searchContacts(q) {
      const body: Record<string, unknown> = { ...creds };
      for (const k of ['Name', 'Email', 'Phone'] as const) if (q[k] !== undefined) body[k] = q[k];
      check('SearchContacts', validateSearchContactsRequest(body));
      const r = await call('SearchContacts', body);
      if (r.body.Contacts !== null && r.body.Contacts !== undefined && !Array.isArray(r.body.Contacts)) {
        throw protocol('LeadService/SearchContacts', 'a Contacts list');
      }
      const warnings = [...r.warnings];
      return report('LeadService/SearchContacts', warnings, parseContacts(r.body.Contacts ?? [], warnings));
    },

    async createQuotation(req) {
      const body = { ...creds, ...req } as Record<string, unknown>;
      check('CreateQuotation', validateCreateQuotationRequest(body));
      const r = await call('CreateQuotation', body);
      const warnings = [...r.warnings];
      const text = (f: string): string | null => {
        const v = r.body[f];
        if (v === null || v === undefined) return null;
        if (typeof v === 'string') return v;
        warnings.push({ entity: 'quotation', id: null, field: f, rawValue: v, kind: 'coerced', message: `quotation: ${f} was coerced (raw value ${JSON.stringify(v)})` });
        return String(v);
      };
      const QuoteNumber = text('QuoteNumber');
      if (!QuoteNumber) throw protocol('LeadService/CreateQuotation', 'a QuoteNumber');
      return report('LeadService/CreateQuotation', warnings, { QuoteNumber, CustomerNo1: text('CustomerNo1'), CustomerNo2: text('CustomerNo2'), code: r.code, errorMessage: r.errorMessage, warnings });
    },
  };
}

