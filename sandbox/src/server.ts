/** The HTTP side of the sandbox: routing, the EasyCars endpoints, faults, images. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxState } from './state';
import { sydneyNow } from './sydney';
import type { TokenIssuer } from './tokens';
import type { FaultKind, RequestLogEntry, SandboxEndpoint, SandboxLead, ServiceName } from './types';
import {
  asBool,
  asNumber,
  isObj,
  validateCreateLead,
  validateCreateQuotation,
  validateGetAdvertisementStocks,
  validateGetLeadDetail,
  validateSearchContacts,
  validateUpdateLead,
} from './validation';

const ENDPOINTS: Record<string, { name: SandboxEndpoint; services: ServiceName[] }> = {
  requesttoken: { name: 'RequestToken', services: ['StockService', 'LeadService'] },
  getadvertisementstocks: { name: 'GetAdvertisementStocks', services: ['StockService'] },
  createlead: { name: 'CreateLead', services: ['LeadService'] },
  updatelead: { name: 'UpdateLead', services: ['LeadService'] },
  getleaddetail: { name: 'GetLeadDetail', services: ['LeadService'] },
  searchcontacts: { name: 'SearchContacts', services: ['LeadService'] },
  createquotation: { name: 'CreateQuotation', services: ['LeadService'] },
};

const API_PATH = /^(.*)\/(StockService|LeadService)\/([A-Za-z]+)\/?$/i;
const IMAGE_PATH = /^\/images\/[^/]+\/[^/]+\/[0-9a-f]{40}\.(png|jpg)$/;
const MAX_BODY = 1_000_000;

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

const envelope = (code: number, errorMessage: string | null, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...extra,
  Code: code,
  ErrorMessage: errorMessage,
});

export interface ServerDeps {
  state: SandboxState;
  tokens: TokenIssuer;
  now: () => number;
  /** Pending hang timers, cleared on close. */
  timers: Set<NodeJS.Timeout>;
  handleControl?: (method: string, args: unknown[]) => Promise<unknown>;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function redactBody(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(redactBody);
  if (!isObj(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = /secret/i.test(k) && x ? '[REDACTED]' : redactBody(x);
  return out;
}

function sendJson(res: ServerResponse, entry: RequestLogEntry | null, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  finish(res, entry, status, text, 'application/json; charset=utf-8', headers, typeof body.Code === 'number' ? body.Code : null);
}

function finish(
  res: ServerResponse,
  entry: RequestLogEntry | null,
  status: number,
  text: string | Buffer,
  contentType: string,
  headers: Record<string, string> = {},
  code: number | null = null,
) {
  if (entry) {
    entry.status = status;
    entry.code = code;
  }
  if (res.destroyed || res.writableEnded) return;
  // An empty content type sends no Content-Type header at all (as some image hosts do).
  res.writeHead(status, { ...(contentType ? { 'Content-Type': contentType } : {}), 'Content-Length': String(Buffer.byteLength(text)), ...headers });
  res.end(text, () => {
    if (entry) entry.endedAt = Date.now();
  });
}

export function createHandler(deps: ServerDeps) {
  const { state } = deps;

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    const method = (req.method ?? 'GET').toUpperCase();
    const query: Record<string, string> = {};
    url.searchParams.forEach((v, k) => {
      query[k] = /secret/i.test(k) ? '[REDACTED]' : v;
    });
    const path = url.pathname;

    // control API
    if (path.startsWith('/__control/')) {
      if (!deps.handleControl) return sendJson(res, null, 404, envelope(7, 'The control API is disabled (start the sandbox with enableControl / --control).'));
      if (method !== 'POST') return sendJson(res, null, 405, { ok: false, error: 'POST only' }, { Allow: 'POST' });
      const raw = await readBody(req);
      try {
        const parsed: unknown = raw && raw.trim() ? JSON.parse(raw) : [];
        const args = Array.isArray(parsed) ? parsed : isObj(parsed) && Array.isArray(parsed.args) ? parsed.args : [parsed];
        const result = await deps.handleControl(path.slice('/__control/'.length), args);
        return sendJson(res, null, 200, { ok: true, result: result === undefined ? null : result });
      } catch (e) {
        return sendJson(res, null, 400, { ok: false, error: (e as Error).message });
      }
    }

    // images
    if (IMAGE_PATH.test(path) || path.startsWith('/images/')) {
      const entry = state.startLog({ at: deps.now(), service: null, endpoint: 'image', method, path, query, body: null });
      if (method !== 'GET' && method !== 'HEAD') return finish(res, entry, 405, 'Method Not Allowed', 'text/plain', { Allow: 'GET' });
      if (state.imageLatencyMs > 0) await new Promise((r) => setTimeout(r, state.imageLatencyMs));
      const img = state.images.get(path);
      if (!img) return finish(res, entry, 404, 'Not Found', 'text/plain');
      const served = state.imageContentType === 'as-image' ? img.contentType : state.imageContentType === 'none' ? '' : state.imageContentType;
      return finish(res, entry, 200, img.bytes, served, { 'Cache-Control': 'public, max-age=31536000, immutable', ETag: `"${img.hash}"` });
    }

    state.apiInFlight += 1;
    state.apiMaxInFlight = Math.max(state.apiMaxInFlight, state.apiInFlight);
    res.once('close', () => {
      state.apiInFlight -= 1;
    });

    const m = API_PATH.exec(path);
    const ep = m ? ENDPOINTS[m[3]!.toLowerCase()] : undefined;
    const service = m ? ((m[2]!.toLowerCase() === 'stockservice' ? 'StockService' : 'LeadService') as ServiceName) : null;
    const rawBody = method === 'POST' ? await readBody(req) : '';
    let body: unknown = rawBody;
    try {
      body = rawBody && rawBody.trim() ? JSON.parse(rawBody) : null;
    } catch {
      body = rawBody;
    }
    const entry = state.startLog({ at: deps.now(), service, endpoint: ep?.name ?? 'unknown', method, path, query, body: redactBody(body) });
    if (!m || !ep || !service || !ep.services.includes(service)) {
      return sendJson(res, entry, 404, envelope(7, `No HTTP resource was found that matches the request URI '${path}'.`));
    }
    if (method !== 'POST') {
      return sendJson(res, entry, 405, envelope(7, `The requested resource does not support http method '${method}'.`), { Allow: 'POST' });
    }
    if (rawBody === null) return sendJson(res, entry, 413, envelope(7, 'The request is too large.'));
    if (ep.name === 'RequestToken') {
      const cid = Object.entries(Object.fromEntries(url.searchParams)).find(([k]) => k.toLowerCase() === 'clientid')?.[1];
      entry.clientId = cid ?? null;
    } else if (isObj(body) && typeof body.AccountNumber === 'string') {
      entry.accountNumber = body.AccountNumber;
    }

    if (state.latencyMs > 0) await new Promise((r) => setTimeout(r, state.latencyMs));
    const fault = state.takeFault(service, ep.name);
    if (fault) entry.fault = fault.kind;
    const pre = fault ? preFault(fault.kind, ep.name, res, entry, fault.retryAfterSeconds) : false;
    if (pre) return;

    let reply: Reply;
    if (ep.name === 'RequestToken') {
      reply = requestToken(deps, service, url.searchParams, fault?.kind === 'expired-token');
    } else {
      const auth = deps.tokens.verify(service, req.headers.authorization, (id) => state.seed.clients.some((c) => c.clientId.toLowerCase() === id.toLowerCase()));
      if (fault?.kind === 'expired-token') {
        return sendJson(res, entry, 401, envelope(1, 'Token has expired.'), { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
      }
      if (!auth.ok) {
        const msg =
          auth.reason === 'missing'
            ? 'Authorization has been denied for this request.'
            : auth.reason === 'expired'
              ? 'Token has expired.'
              : 'Invalid token.';
        return sendJson(res, entry, 401, envelope(1, msg), { 'WWW-Authenticate': 'Bearer' });
      }
      entry.clientId = auth.clientId;
      reply = dataCall(deps, ep.name, body, auth.clientId);
    }

    if (fault && afterProcessing(fault.kind, res, entry)) return;
    if (fault) postFault(fault.kind, ep.name, reply);
    if (fault?.kind === 'drop-mid-body') {
      const text = JSON.stringify(reply.body);
      entry.status = null;
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)) });
      res.write(text.slice(0, Math.max(1, Math.floor(text.length / 2))), () => res.socket?.destroy());
      return;
    }
    if (fault?.kind === 'truncated-json') {
      const text = JSON.stringify(reply.body);
      return finish(res, entry, reply.status, text.slice(0, Math.max(1, Math.floor(text.length / 2))), 'application/json; charset=utf-8', {}, null);
    }
    if (fault?.kind === 'hang') {
      entry.status = null;
      const t = setTimeout(() => {
        deps.timers.delete(t);
        sendJson(res, entry, reply.status, reply.body);
      }, fault.hangMs);
      deps.timers.add(t);
      res.on('close', () => {
        clearTimeout(t);
        deps.timers.delete(t);
      });
      return;
    }
    return sendJson(res, entry, reply.status, reply.body);
  };

  function requestToken(d: ServerDeps, service: ServiceName, params: URLSearchParams, expired: boolean): Reply {
    const get = (name: string) => [...params.entries()].find(([k]) => k.toLowerCase() === name)?.[1] ?? '';
    const clientId = get('clientid');
    const clientSecret = get('clientsecret');
    if (!clientId || !clientSecret) return { status: 200, body: envelope(1, 'ClientID and ClientSecret are required.', { Token: null }) };
    const client = state.seed.clients.find(
      (c) => c.clientId.toLowerCase() === clientId.toLowerCase() && c.clientSecret.toLowerCase() === clientSecret.toLowerCase(),
    );
    // A client not enabled for this service gets the same answer as a wrong pair: the vendor documents no other.
    if (!client || !state.clientMayUse(client.clientId, service)) return { status: 200, body: envelope(1, 'Invalid client credentials.', { Token: null }) };
    const ttl = state.tokenTtlSeconds;
    const token = expired ? d.tokens.issue(service, client.clientId, ttl, -(ttl + 60)) : d.tokens.issue(service, client.clientId, ttl);
    return { status: 200, body: { Token: token, Code: 0, ErrorMessage: null } };
  }

  function dataCall(d: ServerDeps, endpoint: SandboxEndpoint, body: unknown, clientId: string): Reply {
    if (!isObj(body)) return { status: 200, body: envelope(7, 'The request is invalid.') };
    const validators: Partial<Record<SandboxEndpoint, (o: Record<string, unknown>) => string[]>> = {
      GetAdvertisementStocks: validateGetAdvertisementStocks,
      CreateLead: validateCreateLead,
      UpdateLead: validateUpdateLead,
      GetLeadDetail: validateGetLeadDetail,
      SearchContacts: validateSearchContacts,
      CreateQuotation: validateCreateQuotation,
    };
    const errors = validators[endpoint]?.(body) ?? [];
    if (errors.length) return { status: 200, body: envelope(7, `The request is invalid. ${errors.join(' ')}`) };
    const account = state.account(String(body.AccountNumber));
    if (!account || account.accountSecret.toLowerCase() !== String(body.AccountSecret).toLowerCase()) {
      return { status: 200, body: envelope(state.accountRefusalCode, 'Invalid AccountNumber or AccountSecret.') };
    }
    const acc = account.accountNumber;
    const ok = (extra: Record<string, unknown>): Reply => ({ status: 200, body: envelope(0, null, extra) });
    const fail = (msg: string): Reply => ({ status: 200, body: envelope(7, msg) });
    const opt = <T>(v: T | undefined | null): T | null => (v === undefined || v === null || v === '' ? null : v);

    switch (endpoint) {
      case 'GetAdvertisementStocks': {
        const yard = typeof body.YardCode === 'string' && body.YardCode.trim() ? body.YardCode.trim().toUpperCase() : null;
        const list = (state.stock.get(acc) ?? []).filter((s) => !yard || String(s.YardCode).toUpperCase() === yard);
        return ok({ StockList: list });
      }
      case 'CreateLead': {
        const customer = state.resolveCustomer(acc, body.LeadCustomer as Record<string, unknown>);
        if ('error' in customer) return fail(customer.error);
        const stockNo = typeof body.StockNumber === 'string' ? body.StockNumber.trim() : '';
        const hasStock = stockNo && (state.stock.get(acc) ?? []).some((s) => s.StockNumber === stockNo);
        const lead: SandboxLead = {
          accountNumber: acc,
          createdByClientId: clientId,
          LeadNumber: state.nextLeadNumber(acc),
          StockNumber: hasStock ? stockNo : null,
          VehicleMake: String(body.VehicleMake),
          VehicleModel: String(body.VehicleModel),
          VehiclePrice: asNumber(body.VehiclePrice) ?? null,
          VehicleType: asNumber(body.VehicleType)!,
          VehicleYear: asNumber(body.VehicleYear)!,
          IsVehicleNew: asBool(body.IsVehicleNew)!,
          VehicleInterest: asNumber(body.VehicleInterest)!,
          Notes: opt(body.Notes as string),
          VehicleSourcePageURL: opt(body.VehicleSourcePageURL as string),
          FinanceStatus: asNumber(body.FinanceStatus) ?? null,
          Rating: asNumber(body.Rating) ?? null,
          ExternalID: opt(body.ExternalID as string),
          CreatedDateTime: sydneyNow(new Date(d.now())),
          CustomerNo: customer.CustomerNo,
          LeadStatus: 10,
        };
        state.leads.push(lead);
        return ok({ LeadNumber: lead.LeadNumber, CustomerNo: lead.CustomerNo });
      }
      case 'UpdateLead': {
        const lead = state.leads.find((l) => l.accountNumber === acc && l.LeadNumber === String(body.LeadNumber).trim());
        if (!lead) return fail(`Lead ${String(body.LeadNumber)} was not found.`);
        const status = asNumber(body.LeadStatus);
        if (lead.LeadStatus === 90 && status !== undefined && status !== 90) {
          return fail(`Lead ${lead.LeadNumber} has been deleted and cannot return to an active status.`);
        }
        if (body.LeadCustomer !== undefined && body.LeadCustomer !== null) {
          const model = body.LeadCustomer as Record<string, unknown>;
          const byDetails = state.leadCustomerUpdates === 'new-customer' && typeof model.Email === 'string' && model.Email.trim() !== '';
          const customer = state.resolveCustomer(acc, byDetails ? { ...model, CustomerNo: undefined } : model);
          if ('error' in customer) return fail(customer.error);
          lead.CustomerNo = customer.CustomerNo;
        }
        if (body.VehiclePrice !== undefined) lead.VehiclePrice = asNumber(body.VehiclePrice) ?? null;
        if (body.VehicleInterest !== undefined && body.VehicleInterest !== null) lead.VehicleInterest = asNumber(body.VehicleInterest)!;
        if (body.Notes !== undefined) lead.Notes = opt(body.Notes as string);
        if (body.VehicleSourcePageURL !== undefined) lead.VehicleSourcePageURL = opt(body.VehicleSourcePageURL as string);
        if (body.FinanceStatus !== undefined) lead.FinanceStatus = asNumber(body.FinanceStatus) ?? null;
        if (body.Rating !== undefined) lead.Rating = asNumber(body.Rating) ?? null;
        if (status !== undefined) lead.LeadStatus = status;
        return ok({ LeadNumber: lead.LeadNumber, CustomerNo: lead.CustomerNo });
      }
      case 'GetLeadDetail': {
        const lead = state.leads.find((l) => l.accountNumber === acc && l.LeadNumber === String(body.LeadNumber).trim());
        if (!lead || lead.createdByClientId.toLowerCase() !== clientId.toLowerCase()) {
          return fail(`Lead ${String(body.LeadNumber)} was not found.`);
        }
        return ok(state.leadView(lead, state.includeLeadStatus));
      }
      case 'SearchContacts': {
        const name = typeof body.Name === 'string' ? body.Name.trim().toLowerCase() : '';
        const email = typeof body.Email === 'string' ? body.Email.trim().toLowerCase() : '';
        // Exact, as documented: "0400111222" does not find a contact stored as "0400 111 222".
        const phone = typeof body.Phone === 'string' ? body.Phone.trim() : '';
        const contacts = state.customers
          .filter((c) => c.accountNumber === acc)
          .filter((c) => !name || c.Name.toLowerCase().includes(name))
          .filter((c) => !email || c.Email.toLowerCase() === email)
          .filter((c) => !phone || c.Phone === phone || c.Mobile === phone)
          .map((c) => ({
            CustomerNo: c.CustomerNo, Name: c.Name, Email: c.Email, Phone: c.Phone, Mobile: c.Mobile, Address: c.Address, City: c.City,
            State: c.State, PostCode: c.PostCode, Country: c.Country, ABN: c.ABN,
          }));
        return ok({ Contacts: contacts });
      }
      case 'CreateQuotation': {
        if (!account.yards.some((y) => y.code.toUpperCase() === String(body.YardCode).toUpperCase())) return fail(`Invalid YardCode ${String(body.YardCode)}.`);
        let leadNumber: string | null = null;
        if (typeof body.LeadNumber === 'string' && body.LeadNumber.trim()) {
          leadNumber = body.LeadNumber.trim();
          if (!state.leads.some((l) => l.accountNumber === acc && l.LeadNumber === leadNumber)) return fail(`Lead ${leadNumber} was not found.`);
        }
        const c1 = state.resolveCustomer(acc, body.QuotationCustomer1 as Record<string, unknown>);
        if ('error' in c1) return fail(c1.error);
        let c2: string | null = null;
        if (isObj(body.QuotationCustomer2)) {
          const r = state.resolveCustomer(acc, body.QuotationCustomer2);
          if ('error' in r) return fail(r.error);
          c2 = r.CustomerNo;
        }
        const QuoteNumber = state.nextQuoteNumber(acc);
        const list = (name: string) => (Array.isArray(body[name]) ? structuredClone(body[name] as Array<Record<string, unknown>>) : []);
        state.quotations.push({
          accountNumber: acc, QuoteNumber, LeadNumber: leadNumber, CustomerNo1: c1.CustomerNo, CustomerNo2: c2,
          QuotationReceipts: list('QuotationReceipts'), QuotationTradeins: list('QuotationTradeins'), QuotationExtras: list('QuotationExtras'),
          request: redactBody(body) as Record<string, unknown>,
        });
        return ok({ QuoteNumber, CustomerNo1: c1.CustomerNo, CustomerNo2: c2 ?? '' });
      }
      default:
        return fail('Unknown endpoint.');
    }
  }
}

/** Faults that answer instead of the service. Returns true when it answered. */
function preFault(kind: FaultKind, endpoint: SandboxEndpoint, res: ServerResponse, entry: RequestLogEntry, retryAfterSeconds: number): boolean {
  switch (kind) {
    case 'http500-html':
      finish(res, entry, 500, '<!DOCTYPE html><html><head><title>Runtime Error</title></head><body><h1>Server Error in \'/\' Application.</h1><p>An unhandled exception occurred.</p></body></html>', 'text/html; charset=utf-8');
      return true;
    case 'http503':
      finish(res, entry, 503, '<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body><h2>Service Unavailable</h2><p>HTTP Error 503. The service is unavailable.</p></body></html>', 'text/html; charset=us-ascii');
      return true;
    case 'http429':
      finish(res, entry, 429, 'Too Many Requests', 'text/plain; charset=utf-8', { 'Retry-After': String(retryAfterSeconds) });
      return true;
    case 'code1':
      sendJson(res, entry, 200, envelope(1, endpoint === 'RequestToken' ? 'Invalid client credentials.' : 'Authentication failed.', endpoint === 'RequestToken' ? { Token: null } : {}));
      return true;
    case 'code7':
      sendJson(res, entry, 200, envelope(7, 'The request could not be processed.'));
      return true;
    case 'code9':
      sendJson(res, entry, 200, envelope(9, 'An unexpected error has occurred. Please contact EasyCars support.'));
      return true;
    case 'malformed-json':
      finish(res, entry, 200, "{Code: 0, 'ErrorMessage': undefined, \"StockList\": [,]}", 'application/json; charset=utf-8');
      return true;
    default:
      return false;
  }
}

/**
 * Faults that let the service do its work (a CreateLead stores the lead) and then lose the answer,
 * as a real service may: HTTP 500, Code 9, or the connection closed without a response.
 * Returns true when it answered.
 */
function afterProcessing(kind: FaultKind, res: ServerResponse, entry: RequestLogEntry): boolean {
  switch (kind) {
    case 'store-then-500':
      finish(res, entry, 500, '<!DOCTYPE html><html><head><title>Runtime Error</title></head><body><h1>Server Error in \'/\' Application.</h1></body></html>', 'text/html; charset=utf-8');
      return true;
    case 'store-then-code9':
      sendJson(res, entry, 200, envelope(9, 'An unexpected error has occurred. Please contact EasyCars support.'));
      return true;
    case 'store-then-drop':
      entry.status = null;
      res.socket?.destroy();
      return true;
    default:
      return false;
  }
}

/** Faults that change a real answer. */
function postFault(kind: FaultKind, endpoint: SandboxEndpoint, reply: Reply): void {
  const b = reply.body;
  if (kind === 'code5' && b.Code === 0) {
    b.Code = 5;
    b.ErrorMessage = 'Warning: the request was processed with warnings.';
  }
  if (kind === 'null-stock-list' && endpoint === 'GetAdvertisementStocks' && b.Code === 0) b.StockList = null;
  if (kind !== 'wrong-field-type' || b.Code !== 0) return;
  b.Code = '0';
  switch (endpoint) {
    case 'GetAdvertisementStocks': {
      const list = b.StockList as Array<Record<string, unknown>>;
      if (list[0]) {
        list[0] = { ...list[0], Price: list[0].Price === null ? '19990' : String(list[0].Price), IsUsed: list[0].IsUsed ? 'Yes' : 'No', Odometer: 'unknown' };
      }
      b.StockList = list;
      break;
    }
    case 'CreateLead':
    case 'UpdateLead':
      b.LeadNumber = Number(b.LeadNumber);
      break;
    case 'GetLeadDetail':
      b.VehicleYear = String(b.VehicleYear);
      b.IsVehicleNew = b.IsVehicleNew ? 1 : 0;
      break;
    case 'SearchContacts': {
      const list = b.Contacts as Array<Record<string, unknown>>;
      if (list[0]) list[0] = { ...list[0], CustomerNo: Number(list[0].CustomerNo) };
      break;
    }
    case 'CreateQuotation':
      b.QuoteNumber = Number(b.QuoteNumber);
      break;
    default:
      break;
  }
}
