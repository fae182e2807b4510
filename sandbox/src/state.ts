/** The sandbox's mutable state (stock, customers, leads, faults, request log) and its control API. */
import type { SandboxImage } from './images';

export type ImageContentType = 'as-image' | 'application/octet-stream' | 'none' | 'text/html';
import type { SandboxAccount, SandboxSeed } from './seed';
import { generateStockItem, generateStockList, type RawStockItem, stockNumberFor } from './stock-generator';
import type { FaultKind, FaultSpec, RequestLogEntry, SandboxCustomer, SandboxLead, SandboxQuotation, ServiceName } from './types';

export interface SandboxOptionsState {
  seed: SandboxSeed;
  tokenTtlSeconds: number;
  includeLeadStatus: boolean;
  stockCount?: Record<string, number>;
}

interface ActiveFault extends Required<Pick<FaultSpec, 'endpoint' | 'kind'>> {
  id: number;
  service?: ServiceName;
  remaining: number;
  retryAfterSeconds: number;
  hangMs: number;
}

const LEAD_STATUS_DELETED = 90;

export class SandboxState {
  readonly images = new Map<string, SandboxImage>();
  stock = new Map<string, RawStockItem[]>();
  nextStockIndex = new Map<string, number>();
  customers: SandboxCustomer[] = [];
  leads: SandboxLead[] = [];
  quotations: SandboxQuotation[] = [];
  leadCounters = new Map<string, number>();
  customerCounters = new Map<string, number>();
  quoteCounters = new Map<string, number>();
  faults: ActiveFault[] = [];
  log: RequestLogEntry[] = [];
  includeLeadStatus: boolean;
  /**
   * What UpdateLead does with a LeadCustomer that has a CustomerNo. 'ignore' (default): the lead keeps that customer,
   * the details sent are dropped (nothing in the vendor document says they update it). 'new-customer': EasyCars picks
   * the customer by the details sent (e-mail match, else a new customer) and answers its CustomerNo.
   */
  leadCustomerUpdates: 'ignore' | 'new-customer' = 'ignore';
  /** The Code a data call answers for an unknown account or a wrong AccountSecret (the documents do not say which). */
  accountRefusalCode: 1 | 7 = 7;
  /** The Content-Type images are served with: their own (default), a generic one, or none at all. */
  imageContentType: ImageContentType = 'as-image';
  tokenTtlSeconds: number;
  /** Added to every API call before it is answered, as the real service's network and processing time (benchmarks). */
  latencyMs = 0;
  /** Added to every image download before it is served (benchmarks). */
  imageLatencyMs = 0;
  /** API calls being answered now, and the most seen at once since the last reset (images not counted). */
  apiInFlight = 0;
  apiMaxInFlight = 0;
  /** Run-time service restrictions by ClientID (upper case); a client not listed keeps its seed's services. */
  clientServices = new Map<string, ServiceName[]>();
  private faultSeq = 0;
  private logSeq = 0;

  constructor(private readonly opts: SandboxOptionsState, readonly imageBaseUrl: string) {
    this.includeLeadStatus = opts.includeLeadStatus;
    this.tokenTtlSeconds = opts.tokenTtlSeconds;
    this.reset();
  }

  get seed(): SandboxSeed {
    return this.opts.seed;
  }

  /** Whether a seed client may get tokens for a service (seed setting, overridden by setClientServices). */
  clientMayUse(clientId: string, service: ServiceName): boolean {
    const client = this.seed.clients.find((c) => c.clientId.toUpperCase() === clientId.toUpperCase());
    if (!client) return false;
    const services = this.clientServices.get(client.clientId.toUpperCase()) ?? client.services ?? ['StockService', 'LeadService'];
    return services.includes(service);
  }

  account(accountNumber: string): SandboxAccount | undefined {
    return this.seed.accounts.find((a) => a.accountNumber.toUpperCase() === String(accountNumber).toUpperCase());
  }

  private requireAccount(accountNumber: string): SandboxAccount {
    const a = this.account(accountNumber);
    if (!a) throw new Error(`Unknown sandbox account ${accountNumber}`);
    return a;
  }

  private genOpts() {
    return {
      seed: this.seed.seed,
      imageBaseUrl: this.imageBaseUrl,
      onImage: (path: string, img: SandboxImage) => this.images.set(path, img),
    };
  }

  reset(): void {
    this.stock.clear();
    this.nextStockIndex.clear();
    this.customers = [];
    this.leads = [];
    this.quotations = [];
    this.faults = [];
    this.log = [];
    this.includeLeadStatus = this.opts.includeLeadStatus;
    this.leadCustomerUpdates = 'ignore';
    this.accountRefusalCode = 7;
    this.imageContentType = 'as-image';
    this.tokenTtlSeconds = this.opts.tokenTtlSeconds;
    this.latencyMs = 0;
    this.imageLatencyMs = 0;
    this.apiMaxInFlight = this.apiInFlight;
    this.clientServices.clear();
    for (const a of this.seed.accounts) {
      this.setStockCount(a.accountNumber, this.opts.stockCount?.[a.accountNumber] ?? a.stockCount);
      this.leadCounters.set(a.accountNumber, a.leadNumberStart);
      this.quoteCounters.set(a.accountNumber, 100);
      let maxNo = 0;
      for (const c of a.customers) {
        this.customers.push({
          accountNumber: a.accountNumber, Phone: '', Mobile: '', Address: '', City: '', State: '', PostCode: '', Fax: '', Country: 'Australia', ABN: '', ...c,
        });
        maxNo = Math.max(maxNo, Number(c.CustomerNo) || 0);
      }
      this.customerCounters.set(a.accountNumber, maxNo);
    }
  }

  // ---- stock -------------------------------------------------------------
  setStockCount(accountNumber: string, n: number): number {
    const a = this.requireAccount(accountNumber);
    const count = Math.max(0, Math.floor(n));
    this.stock.set(a.accountNumber, generateStockList(a, count, this.seed.accounts, this.genOpts()));
    this.nextStockIndex.set(a.accountNumber, count);
    return count;
  }

  listStock(accountNumber: string): RawStockItem[] {
    const a = this.requireAccount(accountNumber);
    return (this.stock.get(a.accountNumber) ?? []).map((i) => ({ ...i }));
  }

  addStock(accountNumber: string, partial: Record<string, unknown> = {}): RawStockItem {
    const a = this.requireAccount(accountNumber);
    const list = this.stock.get(a.accountNumber) ?? [];
    let index = this.nextStockIndex.get(a.accountNumber) ?? list.length;
    while (list.some((i) => i.StockNumber === stockNumberFor(a, index))) index++;
    this.nextStockIndex.set(a.accountNumber, index + 1);
    const item = { ...generateStockItem(a, index, this.genOpts()), ...partial } as RawStockItem;
    if (list.some((i) => i.StockNumber === item.StockNumber)) throw new Error(`StockNumber ${item.StockNumber} already exists in ${a.accountNumber}`);
    list.push(item);
    this.stock.set(a.accountNumber, list);
    return { ...item };
  }

  updateStock(accountNumber: string, stockNumber: string, patch: Record<string, unknown>): RawStockItem {
    const a = this.requireAccount(accountNumber);
    const list = this.stock.get(a.accountNumber) ?? [];
    const i = list.findIndex((s) => s.StockNumber === stockNumber);
    if (i < 0) throw new Error(`No stock ${stockNumber} in ${a.accountNumber}`);
    const next = { ...list[i]!, ...patch } as RawStockItem;
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete next[k];
    list[i] = next;
    return { ...next };
  }

  removeStock(accountNumber: string, stockNumber: string): boolean {
    const a = this.requireAccount(accountNumber);
    const list = this.stock.get(a.accountNumber) ?? [];
    const i = list.findIndex((s) => s.StockNumber === stockNumber);
    if (i < 0) return false;
    list.splice(i, 1);
    return true;
  }

  // ---- customers ---------------------------------------------------------
  findCustomer(accountNumber: string, customerNo: string): SandboxCustomer | undefined {
    return this.customers.find((c) => c.accountNumber === accountNumber && c.CustomerNo === customerNo);
  }

  /** CustomerNo -> that customer; else an e-mail match; else a new customer. */
  resolveCustomer(accountNumber: string, model: Record<string, unknown>): SandboxCustomer | { error: string } {
    const str = (k: string) => (typeof model[k] === 'string' ? (model[k] as string).trim() : '');
    const customerNo = str('CustomerNo');
    if (customerNo) {
      const c = this.findCustomer(accountNumber, customerNo);
      return c ?? { error: `Customer ${customerNo} was not found.` };
    }
    const email = str('Email').toLowerCase();
    const existing = this.customers.find((c) => c.accountNumber === accountNumber && c.Email.toLowerCase() === email);
    if (existing) {
      for (const k of ['Phone', 'Mobile', 'Address', 'City', 'State', 'PostCode', 'Fax'] as const) if (!existing[k] && str(k)) existing[k] = str(k);
      return existing;
    }
    const n = (this.customerCounters.get(accountNumber) ?? 0) + 1;
    this.customerCounters.set(accountNumber, n);
    const c: SandboxCustomer = {
      accountNumber, CustomerNo: String(n).padStart(5, '0'), Name: str('Name'), Email: str('Email'), Phone: str('Phone'), Mobile: str('Mobile'),
      Address: str('Address'), City: str('City'), State: str('State'), PostCode: str('PostCode'), Fax: str('Fax'), Country: 'Australia', ABN: '',
    };
    this.customers.push(c);
    return c;
  }

  addCustomer(accountNumber: string, customer: { Name: string; Email?: string; Phone?: string; Mobile?: string }): SandboxCustomer {
    if (!this.account(accountNumber)) throw new Error(`Unknown account ${accountNumber}`);
    if (!customer?.Name) throw new Error('A customer needs a Name');
    const n = (this.customerCounters.get(accountNumber) ?? 0) + 1;
    this.customerCounters.set(accountNumber, n);
    const c: SandboxCustomer = {
      accountNumber, CustomerNo: String(n).padStart(5, '0'), Name: customer.Name, Email: customer.Email ?? '', Phone: customer.Phone ?? '',
      Mobile: customer.Mobile ?? '', Address: '', City: '', State: '', PostCode: '', Fax: '', Country: 'Australia', ABN: '',
    };
    this.customers.push(c);
    return c;
  }

  nextLeadNumber(accountNumber: string): string {
    const n = (this.leadCounters.get(accountNumber) ?? 0) + 1;
    this.leadCounters.set(accountNumber, n);
    return String(n).padStart(6, '0');
  }

  nextQuoteNumber(accountNumber: string): string {
    const n = (this.quoteCounters.get(accountNumber) ?? 0) + 1;
    this.quoteCounters.set(accountNumber, n);
    return String(n).padStart(6, '0');
  }

  // ---- leads -------------------------------------------------------------
  findLead(leadNumber: string, accountNumber?: string): SandboxLead | undefined {
    const matches = this.leads.filter((l) => l.LeadNumber === leadNumber && (!accountNumber || l.accountNumber === accountNumber));
    if (matches.length > 1) throw new Error(`Lead ${leadNumber} exists in several accounts; pass the account number`);
    return matches[0];
  }

  /** GetLeadDetail's shape (plus LeadStatus and createdByClientId when `internal`). */
  leadView(l: SandboxLead, withStatus: boolean, internal = false): Record<string, unknown> {
    const c = this.findCustomer(l.accountNumber, l.CustomerNo);
    const view: Record<string, unknown> = {
      LeadNumber: l.LeadNumber, StockNumber: l.StockNumber, VehicleMake: l.VehicleMake, VehicleModel: l.VehicleModel,
      VehiclePrice: l.VehiclePrice, VehicleType: l.VehicleType, VehicleYear: l.VehicleYear, IsVehicleNew: l.IsVehicleNew,
      VehicleInterest: l.VehicleInterest, Notes: l.Notes, VehicleSourcePageURL: l.VehicleSourcePageURL, FinanceStatus: l.FinanceStatus,
      Rating: l.Rating, ExternalID: l.ExternalID, CreatedDateTime: l.CreatedDateTime, CustomerNo: l.CustomerNo,
      CustomerName: c?.Name ?? null, CustomerEmail: c?.Email ?? null, CustomerAddress: c?.Address ?? null, CustomerCity: c?.City ?? null,
      CustomerState: c?.State ?? null, CustomerPostCode: c?.PostCode ?? null, CustomerFax: c?.Fax ?? null, CustomerPhone: c?.Phone ?? null,
      CustomerMobile: c?.Mobile ?? null,
    };
    if (withStatus || internal) view.LeadStatus = l.LeadStatus;
    if (internal) {
      view.accountNumber = l.accountNumber;
      view.createdByClientId = l.createdByClientId;
    }
    return view;
  }

  /** A dealer's change inside EasyCars (any lead field, LeadStatus, Customer* fields). */
  dealerUpdateLead(leadNumber: string, patch: Record<string, unknown>, accountNumber?: string): Record<string, unknown> {
    const l = this.findLead(leadNumber, accountNumber);
    if (!l) throw new Error(`No lead ${leadNumber}${accountNumber ? ` in ${accountNumber}` : ''}`);
    if (l.LeadStatus === LEAD_STATUS_DELETED && patch.LeadStatus !== undefined && patch.LeadStatus !== LEAD_STATUS_DELETED) {
      throw new Error(`Lead ${leadNumber} is deleted and cannot return to an active status`);
    }
    const customerMap: Record<string, keyof SandboxCustomer> = {
      CustomerName: 'Name', CustomerEmail: 'Email', CustomerAddress: 'Address', CustomerCity: 'City', CustomerState: 'State',
      CustomerPostCode: 'PostCode', CustomerFax: 'Fax', CustomerPhone: 'Phone', CustomerMobile: 'Mobile',
    };
    for (const [k, v] of Object.entries(patch)) {
      if (k in customerMap) {
        const c = this.findCustomer(l.accountNumber, l.CustomerNo);
        if (c) (c as unknown as Record<string, unknown>)[customerMap[k]!] = v;
      } else if (k !== 'LeadNumber' && k !== 'accountNumber' && k !== 'createdByClientId') {
        (l as unknown as Record<string, unknown>)[k] = v;
      }
    }
    return this.leadView(l, true, true);
  }

  // ---- faults ------------------------------------------------------------
  injectFault(spec: FaultSpec): number {
    const id = ++this.faultSeq;
    this.faults.push({
      id,
      endpoint: spec.endpoint,
      kind: spec.kind,
      ...(spec.service ? { service: spec.service } : {}),
      remaining: spec.times ?? 1,
      retryAfterSeconds: spec.retryAfterSeconds ?? 1,
      hangMs: spec.hangMs ?? 60_000,
    });
    return id;
  }

  takeFault(service: ServiceName, endpoint: string): ActiveFault | null {
    const f = this.faults.find(
      (x) => x.remaining > 0 && (x.endpoint === '*' || x.endpoint.toLowerCase() === endpoint.toLowerCase()) && (!x.service || x.service === service),
    );
    if (!f) return null;
    f.remaining--;
    if (f.remaining <= 0) this.faults = this.faults.filter((x) => x !== f);
    return { ...f };
  }

  // ---- request log -------------------------------------------------------
  startLog(e: Omit<RequestLogEntry, 'id' | 'endedAt' | 'status' | 'code' | 'fault' | 'clientId' | 'accountNumber'>): RequestLogEntry {
    const entry: RequestLogEntry = { id: ++this.logSeq, endedAt: null, status: null, code: null, fault: null, clientId: null, accountNumber: null, ...e };
    this.log.push(entry);
    if (this.log.length > 20_000) this.log.splice(0, this.log.length - 20_000);
    return entry;
  }
}

export type { FaultKind };
