/** SandboxControl: the in-process (and optional HTTP) control API for tests and the demo. */
import type { ImageContentType, SandboxState } from './state';
import type { RawStockItem } from './stock-generator';
import type { FaultSpec, RequestLogEntry, SandboxQuotation, ServiceName } from './types';

export interface SandboxControl {
  /** Adds a generated item (next index) merged with `partialItem`. */
  addStock(account: string, partialItem?: Record<string, unknown>): RawStockItem;
  /** Merges `patch` into an item (values may have any type, to exercise coercion; undefined deletes a field). */
  updateStock(account: string, stockNumber: string, patch: Record<string, unknown>): RawStockItem;
  removeStock(account: string, stockNumber: string): boolean;
  /** Regenerates the deterministic list of n items (drops manual changes). */
  setStockCount(account: string, n: number): number;
  listStock(account: string): RawStockItem[];
  /** A dealer's change inside EasyCars: any lead field, LeadStatus, Customer* fields. */
  updateLead(leadNumber: string, patch: Record<string, unknown>, account?: string): Record<string, unknown>;
  /** The lead as GetLeadDetail would show it, plus LeadStatus, accountNumber and createdByClientId; null if unknown. */
  getLead(leadNumber: string, account?: string): Record<string, unknown> | null;
  listLeads(account?: string): Array<Record<string, unknown>>;
  /** A customer made inside EasyCars (CustomerNo assigned; phone numbers kept exactly as given). */
  addCustomer(account: string, customer: { Name: string; Email?: string; Phone?: string; Mobile?: string }): { CustomerNo: string };
  /** Quotations as stored (with the documented lists EasyCars took). */
  listQuotations(account?: string): SandboxQuotation[];
  injectFault(fault: FaultSpec): number;
  clearFaults(): void;
  requestLog(): RequestLogEntry[];
  clearRequestLog(): void;
  /** Back to the seed: stock, customers, leads, faults, log, options. */
  reset(): void;
  setIncludeLeadStatus(on: boolean): void;
  /** UpdateLead with a LeadCustomer: 'ignore' keeps the lead's customer (default), 'new-customer' picks one by the details sent. */
  setLeadCustomerUpdates(mode: 'ignore' | 'new-customer'): void;
  /** Which Code a data call answers for a wrong account pair: 7 (default) or 1 (AuthenticationFail, as the live service may). */
  setAccountRefusalCode(code: 1 | 7): void;
  /** Serve images with their own type (default), as application/octet-stream, with no Content-Type, or as text/html. */
  setImageContentType(type: ImageContentType): void;
  setTokenTtlSeconds(seconds: number): void;
  /** Delay every API call (not images) by this many ms before it is processed, as a remote service would. */
  setLatencyMs(ms: number): void;
  /** Delay every image download by this many ms before it is served. */
  setImageLatencyMs(ms: number): void;
  /** API calls in progress now and the most at once since the last reset or resetConcurrency (what a per-host limit must bound). */
  concurrency(): { inFlight: number; maxInFlight: number };
  resetConcurrency(): void;
  /** Which services a seed client may get tokens for (until reset); any other service answers as a wrong client pair. */
  setClientServices(clientId: string, services: ServiceName[]): void;
}

export function createControl(state: SandboxState): SandboxControl {
  return {
    addStock: (account, partialItem) => state.addStock(account, partialItem),
    updateStock: (account, stockNumber, patch) => state.updateStock(account, stockNumber, patch),
    removeStock: (account, stockNumber) => state.removeStock(account, stockNumber),
    setStockCount: (account, n) => state.setStockCount(account, n),
    listStock: (account) => state.listStock(account),
    updateLead: (leadNumber, patch, account) => state.dealerUpdateLead(leadNumber, patch, account),
    getLead: (leadNumber, account) => {
      const l = state.findLead(leadNumber, account);
      return l ? state.leadView(l, true, true) : null;
    },
    listLeads: (account) => state.leads.filter((l) => !account || l.accountNumber === account).map((l) => state.leadView(l, true, true)),
    addCustomer: (account, customer) => state.addCustomer(account, customer),
    listQuotations: (account) => state.quotations.filter((q) => !account || q.accountNumber === account).map((q) => structuredClone(q)),
    injectFault: (fault) => {
      const kinds = ['http500-html', 'http503', 'http429', 'hang', 'code1', 'code5', 'code7', 'code9', 'malformed-json', 'truncated-json', 'wrong-field-type', 'expired-token',
        'store-then-500', 'store-then-code9', 'store-then-drop', 'null-stock-list', 'drop-mid-body'];
      if (!fault || !kinds.includes(fault.kind)) throw new Error(`Unknown fault kind; use one of ${kinds.join(', ')}`);
      if (!fault.endpoint) throw new Error('A fault needs an endpoint (or "*")');
      return state.injectFault(fault);
    },
    clearFaults: () => {
      state.faults = [];
    },
    requestLog: () => state.log.map((e) => structuredClone(e)),
    clearRequestLog: () => {
      state.log = [];
    },
    reset: () => state.reset(),
    setIncludeLeadStatus: (on) => {
      state.includeLeadStatus = Boolean(on);
    },
    setImageContentType: (type) => {
      if (!['as-image', 'application/octet-stream', 'none', 'text/html'].includes(type)) throw new Error('type must be as-image, application/octet-stream, none or text/html');
      state.imageContentType = type;
    },
    setAccountRefusalCode: (code) => {
      if (code !== 1 && code !== 7) throw new Error('code must be 1 or 7');
      state.accountRefusalCode = code;
    },
    setLeadCustomerUpdates: (mode) => {
      if (mode !== 'ignore' && mode !== 'new-customer') throw new Error('mode must be "ignore" or "new-customer"');
      state.leadCustomerUpdates = mode;
    },
    setClientServices: (clientId, services) => {
      if (!state.seed.clients.some((c) => c.clientId.toUpperCase() === String(clientId).toUpperCase())) throw new Error(`Unknown sandbox client ${clientId}`);
      if (!Array.isArray(services) || services.some((x) => x !== 'StockService' && x !== 'LeadService')) {
        throw new Error('services must be a list of "StockService" and/or "LeadService"');
      }
      state.clientServices.set(String(clientId).toUpperCase(), [...services]);
    },
    setTokenTtlSeconds: (seconds) => {
      if (!(seconds > 0)) throw new Error('seconds must be > 0');
      state.tokenTtlSeconds = seconds;
    },
    setLatencyMs: (ms) => {
      if (!(ms >= 0)) throw new Error('ms must be 0 or more');
      state.latencyMs = ms;
    },
    setImageLatencyMs: (ms) => {
      if (!(ms >= 0)) throw new Error('ms must be 0 or more');
      state.imageLatencyMs = ms;
    },
    concurrency: () => ({ inFlight: state.apiInFlight, maxInFlight: state.apiMaxInFlight }),
    resetConcurrency: () => {
      state.apiMaxInFlight = state.apiInFlight;
    },
  };
}

export const CONTROL_METHODS: ReadonlyArray<keyof SandboxControl> = [
  'addStock', 'updateStock', 'removeStock', 'setStockCount', 'listStock', 'updateLead', 'getLead', 'listLeads', 'addCustomer', 'listQuotations', 'injectFault',
  'clearFaults', 'requestLog', 'clearRequestLog', 'reset', 'setIncludeLeadStatus', 'setLeadCustomerUpdates', 'setAccountRefusalCode', 'setImageContentType', 'setTokenTtlSeconds', 'setLatencyMs',
  'setImageLatencyMs', 'concurrency', 'resetConcurrency', 'setClientServices',
];
