import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';
import { DEFAULT_SEED, SANDBOX_CREDENTIALS, STOCK_FIELD_ORDER, startSandbox } from '../../../sandbox/src';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
const C1 = SANDBOX_CREDENTIALS.client;
const C2 = SANDBOX_CREDENTIALS.otherClient;
const A1 = SANDBOX_CREDENTIALS.accounts.EC114575;
const A2 = SANDBOX_CREDENTIALS.accounts.EC208841;
const acc = (a: { accountNumber: string; accountSecret: string }) => ({ AccountNumber: a.accountNumber, AccountSecret: a.accountSecret });

async function post(url: string, body?: unknown, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = null;
  }
  return { status: res.status, json, text, headers: res.headers };
}

function claims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

jest.setTimeout(30_000);

describe('sandbox', () => {
  let sb: Sandbox;
  let clock = Date.now();
  let stockToken: string;
  let leadToken: string;
  const base = () => sb.baseUrls.test;
  const tokenFor = async (service: string, c: { clientId: string; clientSecret: string } = C1) =>
    (await post(`${base()}/${service}/RequestToken?ClientID=${c.clientId}&ClientSecret=${c.clientSecret}`)).json!.Token as string;
  const lead = (extra: Record<string, unknown> = {}) => ({
    ...acc(A1), VehicleMake: 'Mazda', VehicleModel: 'CX-5', VehicleType: 1, VehicleYear: 2022, IsVehicleNew: false, VehicleInterest: 1,
    LeadCustomer: { Name: 'Test Person', Email: 'test.person@example.com' }, ...extra,
  });

  beforeAll(async () => {
    sb = await startSandbox({ now: () => clock });
    stockToken = await tokenFor('StockService');
    leadToken = await tokenFor('LeadService');
  });
  afterAll(() => sb.close());
  beforeEach(() => {
    sb.control.clearRequestLog();
    sb.control.clearFaults();
  });

  describe('RequestToken', () => {
    it('issues signed JWTs with ClientID, nbf, iat, exp (600 s)', async () => {
      const r = await post(`${base()}/StockService/RequestToken?ClientID=${C1.clientId}&ClientSecret=${C1.clientSecret}`);
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ Code: 0, ErrorMessage: null });
      const c = claims(r.json!.Token as string);
      expect(c.ClientID).toBe(C1.clientId);
      expect(c.nbf).toBe(c.iat);
      expect((c.exp as number) - (c.iat as number)).toBe(600);
      expect(r.json!.Token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    });

    it('refuses wrong or missing client credentials with Code 1', async () => {
      const wrong = await post(`${base()}/LeadService/RequestToken?ClientID=${C1.clientId}&ClientSecret=${C2.clientSecret}`);
      expect(wrong.json).toEqual({ Token: null, Code: 1, ErrorMessage: 'Invalid client credentials.' });
      const missing = await post(`${base()}/LeadService/RequestToken`);
      expect(missing.json).toMatchObject({ Code: 1 });
    });

    it('works under any base path and refuses non-POST and unknown endpoints with the envelope', async () => {
      for (const b of [sb.baseUrls.production, `${sb.url}/Some/Other/Base`, sb.url]) {
        const r = await post(`${b}/StockService/RequestToken?ClientID=${C1.clientId}&ClientSecret=${C1.clientSecret}`);
        expect(r.json!.Code).toBe(0);
      }
      const get = await fetch(`${base()}/StockService/GetAdvertisementStocks`);
      expect(get.status).toBe(405);
      expect(await get.json()).toMatchObject({ Code: 7 });
      const unknown = await post(`${base()}/StockService/CreateLead`, lead(), stockToken);
      expect(unknown.status).toBe(404);
      expect(unknown.json).toMatchObject({ Code: 7 });
    });
  });

  describe('tokens on data calls', () => {
    const stocks = (token?: string) => post(`${base()}/StockService/GetAdvertisementStocks`, acc(A1), token);

    it('missing, foreign-service, forged and expired tokens get Code 1', async () => {
      expect((await stocks()).json).toEqual({ Code: 1, ErrorMessage: 'Authorization has been denied for this request.' });
      expect((await stocks(leadToken)).json).toEqual({ Code: 1, ErrorMessage: 'Invalid token.' });
      expect((await stocks(`${stockToken.slice(0, -2)}xx`)).json!.Code).toBe(1);
      const fresh = await tokenFor('StockService');
      clock += 601_000;
      try {
        expect((await stocks(fresh)).json).toEqual({ Code: 1, ErrorMessage: 'Token has expired.' });
      } finally {
        clock -= 601_000;
      }
      expect((await stocks(fresh)).json!.Code).toBe(0);
    });

    it('a wrong AccountNumber/AccountSecret pair is refused with a message', async () => {
      const r = await post(`${base()}/StockService/GetAdvertisementStocks`, { AccountNumber: A1.accountNumber, AccountSecret: A2.accountSecret }, stockToken);
      expect(r.json).toEqual({ Code: 7, ErrorMessage: 'Invalid AccountNumber or AccountSecret.' });
      const missing = await post(`${base()}/StockService/GetAdvertisementStocks`, { AccountNumber: A1.accountNumber }, stockToken);
      expect(missing.json!.Code).toBe(7);
      expect(missing.json!.ErrorMessage).toContain('The AccountSecret field is required.');
    });

    it('can refuse a wrong account pair with Code 1 (AuthenticationFail) instead of 7, until reset', async () => {
      const wrong = () => post(`${base()}/StockService/GetAdvertisementStocks`, { AccountNumber: A1.accountNumber, AccountSecret: A2.accountSecret }, stockToken);
      sb.control.setAccountRefusalCode(1);
      expect((await wrong()).json).toEqual({ Code: 1, ErrorMessage: 'Invalid AccountNumber or AccountSecret.' });
      expect(() => sb.control.setAccountRefusalCode(5 as 1)).toThrow(/1 or 7/);
      sb.control.reset();
      expect((await wrong()).json!.Code).toBe(7);
    });

    it('shorter token lifetimes on request', async () => {
      sb.control.setTokenTtlSeconds(5);
      const c = claims(await tokenFor('StockService'));
      expect((c.exp as number) - (c.iat as number)).toBe(5);
      sb.control.setTokenTtlSeconds(600);
    });
  });

  describe('stock', () => {
    const list = async (a: { accountNumber: string; accountSecret: string } = A1, yard?: string) =>
      (await post(`${base()}/StockService/GetAdvertisementStocks`, { ...acc(a), ...(yard ? { YardCode: yard } : {}) }, stockToken)).json!;

    it('returns the seeded accounts with all 72 fields', async () => {
      const all = await list();
      expect(all).toMatchObject({ Code: 0, ErrorMessage: null });
      const items = all.StockList as Array<Record<string, unknown>>;
      expect(items).toHaveLength(250);
      for (const i of items) expect(Object.keys(i)).toEqual([...STOCK_FIELD_ORDER]);
      expect(new Set(items.map((i) => i.StockNumber)).size).toBe(250);
      const main = (await list(A1, 'MAIN')).StockList as unknown[];
      const west = (await list(A1, 'WEST')).StockList as unknown[];
      expect(main.length + west.length).toBe(250);
      expect(main.length).toBeGreaterThan(west.length);
      const nth = (await list(A2)).StockList as Array<Record<string, unknown>>;
      expect(nth).toHaveLength(60);
      expect(new Set(nth.map((i) => i.YardCode))).toEqual(new Set(['NTH']));
      const a1Numbers = new Set(items.map((i) => i.StockNumber));
      expect(nth.filter((i) => a1Numbers.has(i.StockNumber)).length).toBeGreaterThan(0);
      const a1Vins = new Set(items.map((i) => i.VIN).filter(Boolean));
      expect(nth.some((i) => i.VIN && a1Vins.has(i.VIN) && !a1Numbers.has(i.StockNumber))).toBe(true);
    });

    it('generates realistic, varied stock', async () => {
      const items = (await list()).StockList as Array<Record<string, unknown>>;
      const distinct = (f: string) => new Set(items.map((i) => i[f])).size;
      expect(distinct('Make')).toBeGreaterThan(10);
      expect(new Set(items.map((i) => i.StockType))).toEqual(new Set(['A', 'B', 'C', 'H', 'M', 'T']));
      expect(new Set(items.map((i) => i.StockStatus))).toEqual(new Set(['In Stock', 'Sold', 'On Offer']));
      expect(items.some((i) => i.Price === null)).toBe(true);
      expect(items.some((i) => i.RegoExpiry === null)).toBe(true);
      expect(items.some((i) => i.IsDemo === true)).toBe(true);
      expect(items.some((i) => i.IsUsed === false && i.IsDemo === false)).toBe(true);
      expect(items.some((i) => i.ImageCount === 0)).toBe(true);
      expect(Math.max(...items.map((i) => i.ImageCount as number))).toBeLessThanOrEqual(20);
      expect(items.some((i) => i.Toilet === '')).toBe(true);
      for (const i of items) {
        expect(typeof i.IsUsed).toBe('boolean');
        expect(i.RegoExpiry === null || /^\d{2}\/\d{2}\/\d{4}$/.test(i.RegoExpiry as string)).toBe(true);
        expect((i.ImageURLs as string).split(',').filter(Boolean)).toHaveLength(i.ImageCount as number);
      }
    });

    it('is deterministic', async () => {
      const other = await startSandbox({ stockCount: { EC114575: 20, EC208841: 0 } });
      try {
        const strip = (x: Record<string, unknown>) => ({ ...x, ImageURLs: String(x.ImageURLs).replace(/http:\/\/[^/]+/g, '') });
        expect(other.control.listStock('EC114575').map(strip)).toEqual(sb.control.listStock('EC114575').slice(0, 20).map(strip));
      } finally {
        await other.close();
      }
    });

    it('serves real, distinct PNG images whose name is the SHA-1 of the bytes, without a token', async () => {
      const items = sb.control.listStock('EC114575').filter((i) => (i.ImageCount as number) > 1).slice(0, 2);
      const urls = items.flatMap((i) => String(i.ImageURLs).split(',').slice(0, 2));
      const hashes = new Set<string>();
      for (const u of urls) {
        expect(u.startsWith(`${sb.imageBaseUrl}/images/EC114575/`)).toBe(true);
        const res = await fetch(u);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('image/png');
        const bytes = Buffer.from(await res.arrayBuffer());
        expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        const decoded = PNG.sync.read(bytes);
        expect([decoded.width, decoded.height]).toEqual([64, 48]);
        const sha = createHash('sha1').update(bytes).digest('hex');
        expect(u.endsWith(`/${sha}.png`)).toBe(true);
        hashes.add(sha);
      }
      expect(hashes.size).toBe(urls.length);
      expect((await fetch(`${sb.url}/images/EC114575/1/${'0'.repeat(40)}.png`)).status).toBe(404);
      expect(sb.control.requestLog().filter((e) => e.endpoint === 'image')).toHaveLength(urls.length + 1);
    });

    it('control: add, change, remove, regenerate stock', async () => {
      const added = sb.control.addStock('EC208841', { Price: 12345 });
      expect(added.Price).toBe(12345);
      sb.control.updateStock('EC208841', added.StockNumber, { StockStatus: 'Sold' });
      let items = (await list(A2)).StockList as Array<Record<string, unknown>>;
      expect(items.find((i) => i.StockNumber === added.StockNumber)).toMatchObject({ StockStatus: 'Sold', Price: 12345 });
      expect(sb.control.removeStock('EC208841', added.StockNumber)).toBe(true);
      sb.control.setStockCount('EC208841', 5);
      items = (await list(A2)).StockList as Array<Record<string, unknown>>;
      expect(items).toHaveLength(5);
      sb.control.reset();
      expect(sb.control.listStock('EC208841')).toHaveLength(60);
    });
  });

  describe('leads', () => {
    const call = (ep: string, body: unknown, token = leadToken) => post(`${base()}/LeadService/${ep}`, body, token);

    it('validates CreateLead like the spec', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [lead({ VehicleMake: undefined }), 'The VehicleMake field is required.'],
        [lead({ VehicleModel: 'x'.repeat(51) }), 'The field VehicleModel must be a string with a maximum length of 50.'],
        [lead({ VehicleType: 7 }), 'The field VehicleType must be one of 1, 2, 3, 4, 5, 6.'],
        [lead({ VehicleInterest: 6 }), 'The field VehicleInterest must be one of 1, 2, 3, 4, 5.'],
        [lead({ IsVehicleNew: undefined }), 'The IsVehicleNew field is required.'],
        [lead({ LeadCustomer: { Name: 'n' } }), 'Either LeadCustomer.CustomerNo or both LeadCustomer.Name and LeadCustomer.Email are required.'],
        [lead({ LeadCustomer: { CustomerNo: '00001', Email: 'e'.repeat(101) } }), 'The field LeadCustomer.Email must be a string with a maximum length of 100.'],
        [lead({ LeadCustomer: undefined }), 'The LeadCustomer field is required.'],
        [lead({ VehicleSourcePageURL: 'u'.repeat(401) }), 'maximum length of 400'],
        [lead({ Rating: 4 }), 'The field Rating must be one of 1, 2, 3.'],
      ];
      for (const [body, msg] of cases) {
        const r = await call('CreateLead', body);
        expect(r.status).toBe(200);
        expect(r.json!.Code).toBe(7);
        expect(r.json!.ErrorMessage).toContain(msg);
      }
      expect((await call('CreateLead', '{not json')).json).toMatchObject({ Code: 7 });
    });

    it('creates leads in EasyCars style, reuses customers, updates partially', async () => {
      sb.control.reset();
      const stockNumber = sb.control.listStock('EC114575')[1]!.StockNumber;
      const a = (await call('CreateLead', lead({ StockNumber: stockNumber, Notes: 'first' }))).json!;
      expect(a).toEqual({ LeadNumber: '000017', CustomerNo: '00004', Code: 0, ErrorMessage: null });
      const b = (await call('CreateLead', lead({ StockNumber: 'NOPE' }))).json!;
      expect(b).toMatchObject({ LeadNumber: '000018', CustomerNo: '00004' });
      const c = (await call('CreateLead', lead({ LeadCustomer: { CustomerNo: '00002' } }))).json!;
      expect(c.CustomerNo).toBe('00002');
      expect((await call('CreateLead', lead({ LeadCustomer: { CustomerNo: '99999' } }))).json).toMatchObject({ Code: 7 });
      expect(sb.control.getLead('000017')).toMatchObject({ StockNumber: stockNumber, LeadStatus: 10, createdByClientId: C1.clientId });
      expect(sb.control.getLead('000018')!.StockNumber).toBeNull();

      const u = (await call('UpdateLead', { ...acc(A1), LeadNumber: '000017', Rating: 2 })).json!;
      expect(u).toEqual({ LeadNumber: '000017', CustomerNo: '00004', Code: 0, ErrorMessage: null });
      expect(sb.control.getLead('000017')).toMatchObject({ Rating: 2, Notes: 'first', VehicleMake: 'Mazda' });
      const moved = (await call('UpdateLead', { ...acc(A1), LeadNumber: '000017', LeadCustomer: { CustomerNo: '00001' } })).json!;
      expect(moved.CustomerNo).toBe('00001');
      expect((await call('UpdateLead', { ...acc(A1), LeadNumber: '000017', LeadCustomer: { Name: 'x' } })).json!.Code).toBe(7);
      expect((await call('UpdateLead', { ...acc(A1), LeadNumber: '123456' })).json!.ErrorMessage).toBe('Lead 123456 was not found.');
      expect((await call('UpdateLead', { ...acc(A1), LeadNumber: '000017', LeadStatus: 20 })).json!.Code).toBe(7);

      // deleted is final
      expect((await call('UpdateLead', { ...acc(A1), LeadNumber: '000018', LeadStatus: 90 })).json!.Code).toBe(0);
      const back = (await call('UpdateLead', { ...acc(A1), LeadNumber: '000018', LeadStatus: 10 })).json!;
      expect(back.Code).toBe(7);
      expect(() => sb.control.updateLead('000018', { LeadStatus: 30 })).toThrow(/deleted/);
      // leads are per account: the other account cannot see them
      expect((await call('GetLeadDetail', { ...acc(A2), LeadNumber: '000017' })).json!.Code).toBe(7);
    });

    it('UpdateLead keeps the customer of a CustomerNo and drops the details sent, unless set to pick a customer by them', async () => {
      sb.control.reset();
      const created = (await call('CreateLead', lead())).json!;
      const customerBefore = sb.control.getLead(String(created.LeadNumber))!.CustomerEmail;
      const changed = { CustomerNo: created.CustomerNo, Name: 'Ava Brown', Email: 'ava.new@example.com', Mobile: '0400 999 000' };
      const ignored = (await call('UpdateLead', { ...acc(A1), LeadNumber: created.LeadNumber, LeadCustomer: changed })).json!;
      expect(ignored).toMatchObject({ Code: 0, CustomerNo: created.CustomerNo });
      expect(sb.control.getLead(String(created.LeadNumber))).toMatchObject({ CustomerEmail: customerBefore, CustomerNo: created.CustomerNo });

      sb.control.setLeadCustomerUpdates('new-customer');
      const moved = (await call('UpdateLead', { ...acc(A1), LeadNumber: created.LeadNumber, LeadCustomer: changed })).json!;
      expect(moved.Code).toBe(0);
      expect(moved.CustomerNo).not.toBe(created.CustomerNo);
      expect(sb.control.getLead(String(created.LeadNumber))).toMatchObject({ CustomerNo: moved.CustomerNo, CustomerEmail: 'ava.new@example.com', CustomerMobile: '0400 999 000' });
      expect(() => sb.control.setLeadCustomerUpdates('sometimes' as never)).toThrow(/ignore/);
      sb.control.reset();
    });

    it('GetLeadDetail: documented fields, own ClientID only, LeadStatus optional', async () => {
      sb.control.reset();
      const { LeadNumber } = (await call('CreateLead', lead({ Notes: 'n', ExternalID: 'x-1', VehiclePrice: 31000 }))).json! as { LeadNumber: string };
      const d = (await call('GetLeadDetail', { ...acc(A1), LeadNumber })).json!;
      expect(Object.keys(d)).toEqual([
        'LeadNumber', 'StockNumber', 'VehicleMake', 'VehicleModel', 'VehiclePrice', 'VehicleType', 'VehicleYear', 'IsVehicleNew',
        'VehicleInterest', 'Notes', 'VehicleSourcePageURL', 'FinanceStatus', 'Rating', 'ExternalID', 'CreatedDateTime', 'CustomerNo',
        'CustomerName', 'CustomerEmail', 'CustomerAddress', 'CustomerCity', 'CustomerState', 'CustomerPostCode', 'CustomerFax',
        'CustomerPhone', 'CustomerMobile', 'Code', 'ErrorMessage',
      ]);
      expect(d.CreatedDateTime).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
      expect(d).toMatchObject({ VehiclePrice: 31000, CustomerName: 'Test Person', ExternalID: 'x-1' });
      const otherToken = await tokenFor('LeadService', C2);
      expect((await call('GetLeadDetail', { ...acc(A1), LeadNumber }, otherToken)).json).toEqual({ Code: 7, ErrorMessage: `Lead ${LeadNumber} was not found.` });
      sb.control.setIncludeLeadStatus(true);
      sb.control.updateLead(LeadNumber, { LeadStatus: 30, CustomerPhone: '02 1234 5678' });
      expect((await call('GetLeadDetail', { ...acc(A1), LeadNumber })).json).toMatchObject({ LeadStatus: 30, CustomerPhone: '02 1234 5678' });
      sb.control.setIncludeLeadStatus(false);
    });

    it('control addCustomer: a contact made inside EasyCars, its numbers kept as typed', async () => {
      sb.control.reset();
      const added = sb.control.addCustomer(A1.accountNumber, { Name: 'Pat Lee', Mobile: '+61412345678' });
      expect(added.CustomerNo).toBe('00004');
      const found = (await call('SearchContacts', { ...acc(A1), Phone: '+61412345678' })).json!.Contacts;
      expect(found).toEqual([expect.objectContaining({ CustomerNo: '00004', Name: 'Pat Lee', Email: '', Mobile: '+61412345678' })]);
      expect(() => sb.control.addCustomer('EC000000', { Name: 'x' })).toThrow('Unknown account EC000000');
      sb.control.reset();
    });

    it('SearchContacts and CreateQuotation', async () => {
      sb.control.reset();
      expect((await call('SearchContacts', acc(A1))).json!.Code).toBe(7);
      const byName = (await call('SearchContacts', { ...acc(A1), Name: 'nguyen' })).json!;
      expect((byName.Contacts as Array<{ CustomerNo: string }>).map((c) => c.CustomerNo)).toEqual(['00001']);
      const byPhone = (await call('SearchContacts', { ...acc(A1), Phone: '0412 345 678' })).json!;
      expect(byPhone.Contacts).toHaveLength(1);
      // Phone is matched exactly, as documented: another way of writing the number finds nothing.
      for (const other of ['0412345678', '+61 412 345 678', '+61412345678']) {
        expect((await call('SearchContacts', { ...acc(A1), Phone: other })).json!.Contacts).toEqual([]);
      }
      expect(Object.keys((byPhone.Contacts as object[])[0]!)).toEqual(['CustomerNo', 'Name', 'Email', 'Phone', 'Mobile', 'Address', 'City', 'State', 'PostCode', 'Country', 'ABN']);
      const q = {
        ...acc(A1), YardCode: 'MAIN', VehicleMake: 'Kia', VehicleModel: 'Cerato', VehicleType: 1, IsVehicleNew: true, VehicleYear: 2025,
        QuoteDate: '01/03/2025', BasePrice: 30000, SellingPrice: 31990, RegoState: 'NSW', QuotationCustomer1: { CustomerNo: '00001' },
        QuotationCustomer2: { Name: 'Second Buyer', Email: 'second@example.com' },
      };
      expect((await call('CreateQuotation', q)).json).toEqual({ QuoteNumber: '000101', CustomerNo1: '00001', CustomerNo2: '00004', Code: 0, ErrorMessage: null });
      expect((await call('CreateQuotation', { ...q, RegoState: 'NSWW' })).json!.ErrorMessage).toContain('RegoState');
      expect((await call('CreateQuotation', { ...q, QuoteDate: '2025-03-01' })).json!.Code).toBe(7);
      expect((await call('CreateQuotation', { ...q, YardCode: 'NTH' })).json!.ErrorMessage).toBe('Invalid YardCode NTH.');
      // The documented lists are stored; a list under another name is ignored, as ASP.NET model binding would.
      const tradein = { Make: 'Ford', Model: 'Focus', Year: 2015 };
      expect((await call('CreateQuotation', { ...q, QuotationTradeins: [tradein], QuotationExtras: [{ Description: 'Tint' }], QuotationReceipts: [] })).json!.Code).toBe(0);
      expect((await call('CreateQuotation', { ...q, TradeIns: [tradein] })).json!.Code).toBe(0);
      const [withLists, misnamed] = sb.control.listQuotations(A1.accountNumber).slice(-2);
      expect(withLists).toMatchObject({ QuotationTradeins: [tradein], QuotationExtras: [{ Description: 'Tint' }], QuotationReceipts: [] });
      expect(misnamed).toMatchObject({ QuotationTradeins: [], QuotationExtras: [], QuotationReceipts: [] });
      expect((await call('CreateQuotation', { ...q, QuotationExtras: 'tint' })).json!.ErrorMessage).toContain('The value for QuotationExtras is not valid.');
    });
  });

  describe('faults and the request log', () => {
    const stocks = () => post(`${base()}/StockService/GetAdvertisementStocks`, acc(A1), stockToken);

    it('injects each fault for the next N matching calls', async () => {
      sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'http500-html', times: 2 });
      let r = await stocks();
      expect(r.status).toBe(500);
      expect(r.headers.get('content-type')).toContain('text/html');
      expect((await stocks()).status).toBe(500);
      expect((await stocks()).status).toBe(200);

      sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'http503' });
      expect((await stocks()).status).toBe(503);
      sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'http429', retryAfterSeconds: 7 });
      r = await stocks();
      expect(r.status).toBe(429);
      expect(r.headers.get('retry-after')).toBe('7');
      for (const [kind, code] of [['code1', 1], ['code7', 7], ['code9', 9]] as const) {
        sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind });
        expect((await stocks()).json).toMatchObject({ Code: code });
      }
      sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'code5' });
      r = await stocks();
      expect(r.json!.Code).toBe(5);
      expect(r.json!.StockList).toHaveLength(250);
      for (const kind of ['malformed-json', 'truncated-json'] as const) {
        sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind });
        r = await stocks();
        expect(r.status).toBe(200);
        expect(r.json).toBeNull();
      }
      sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'wrong-field-type' });
      r = await stocks();
      expect(r.json!.Code).toBe('0');
      expect(typeof (r.json!.StockList as Array<Record<string, unknown>>)[0]!.Odometer).toBe('string');
      sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'expired-token' });
      r = await stocks();
      expect(r.status).toBe(401);
      expect(r.json).toEqual({ Code: 1, ErrorMessage: 'Token has expired.' });
      sb.control.injectFault({ endpoint: 'RequestToken', service: 'LeadService', kind: 'expired-token' });
      const stale = await tokenFor('LeadService');
      expect((claims(stale).exp as number) * 1000).toBeLessThan(Date.now());
      sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'hang', hangMs: 200 });
      const t0 = Date.now();
      expect((await stocks()).status).toBe(200);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(190);

      const log = sb.control.requestLog().filter((e) => e.endpoint === 'GetAdvertisementStocks');
      expect(log.map((e) => e.fault)).toEqual([
        'http500-html', 'http500-html', null, 'http503', 'http429', 'code1', 'code7', 'code9', 'code5', 'malformed-json', 'truncated-json',
        'wrong-field-type', 'expired-token', 'hang',
      ]);
    });

    it('store-then-500 / store-then-code9 / store-then-drop keep the lead and then lose the answer', async () => {
      const createLead = (externalId: string) => post(`${base()}/LeadService/CreateLead`, lead({ ExternalID: externalId }), leadToken);
      const stored = (externalId: string) => sb.control.listLeads(A1.accountNumber).filter((l) => l.ExternalID === externalId);

      sb.control.injectFault({ endpoint: 'CreateLead', kind: 'store-then-500' });
      const r500 = await createLead('ext-500');
      expect(r500.status).toBe(500);
      expect(r500.headers.get('content-type')).toContain('text/html');
      expect(stored('ext-500')).toHaveLength(1);

      sb.control.injectFault({ endpoint: 'CreateLead', kind: 'store-then-code9' });
      const r9 = await createLead('ext-9');
      expect(r9.json).toMatchObject({ Code: 9 });
      expect(r9.json).not.toHaveProperty('LeadNumber');
      expect(stored('ext-9')).toHaveLength(1);

      sb.control.injectFault({ endpoint: 'CreateLead', kind: 'store-then-drop' });
      await expect(createLead('ext-drop')).rejects.toThrow();
      expect(stored('ext-drop')).toHaveLength(1);

      const log = sb.control.requestLog().filter((e) => e.endpoint === 'CreateLead');
      expect(log.map((e) => [e.fault, e.status])).toEqual([['store-then-500', 500], ['store-then-code9', 200], ['store-then-drop', null]]);
      // A fault that answers instead of the service stores nothing.
      sb.control.injectFault({ endpoint: 'CreateLead', kind: 'code9' });
      await createLead('ext-plain-9');
      expect(stored('ext-plain-9')).toHaveLength(0);
    });

    it('null-stock-list answers Code 0 with "StockList": null, once', async () => {
      sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'null-stock-list' });
      const r = await stocks();
      expect(r.json).toEqual({ Code: 0, ErrorMessage: null, StockList: null });
      expect(((await stocks()).json!.StockList as unknown[]).length).toBeGreaterThan(0);
    });

    it('drop-mid-body sends a 200 and half of the answer, then drops the connection', async () => {
      sb.control.injectFault({ endpoint: 'GetAdvertisementStocks', kind: 'drop-mid-body' });
      const res = await fetch(`${base()}/StockService/GetAdvertisementStocks`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${stockToken}` }, body: JSON.stringify(acc(A1)) });
      expect(res.status).toBe(200);
      await expect(res.text()).rejects.toThrow();
      expect(sb.control.requestLog().at(-1)).toMatchObject({ endpoint: 'GetAdvertisementStocks', fault: 'drop-mid-body', status: null });
      expect((await stocks()).json!.Code).toBe(0);
    });

    it('a "*" fault hits every endpoint; service filters apply', async () => {
      sb.control.injectFault({ endpoint: '*', service: 'LeadService', kind: 'code9', times: 1 });
      expect((await stocks()).json!.Code).toBe(0);
      expect((await post(`${base()}/LeadService/SearchContacts`, { ...acc(A1), Name: 'a' }, leadToken)).json!.Code).toBe(9);
    });

    it('logs requests with secrets redacted', async () => {
      await post(`${base()}/StockService/RequestToken?ClientID=${C1.clientId}&ClientSecret=${C1.clientSecret}`);
      await stocks();
      const log = sb.control.requestLog();
      expect(log[0]).toMatchObject({ service: 'StockService', endpoint: 'RequestToken', method: 'POST', query: { ClientID: C1.clientId, ClientSecret: '[REDACTED]' }, status: 200, code: 0, clientId: C1.clientId });
      expect(log[1]).toMatchObject({ endpoint: 'GetAdvertisementStocks', body: { AccountNumber: A1.accountNumber, AccountSecret: '[REDACTED]' }, status: 200, code: 0, accountNumber: 'EC114575' });
      expect(JSON.stringify(log)).not.toContain(C1.clientSecret);
      expect(JSON.stringify(log)).not.toContain(A1.accountSecret);
    });
  });

  describe('HTTP control API', () => {
    it('is off by default and on with enableControl', async () => {
      expect((await post(`${sb.url}/__control/listStock`, ['EC114575'])).status).toBe(404);
      const on = await startSandbox({ enableControl: true, stockCount: { EC114575: 3, EC208841: 1 } });
      try {
        const r = await post(`${on.url}/__control/listStock`, ['EC114575']);
        expect(r.json).toMatchObject({ ok: true });
        expect((r.json!.result as unknown[]).length).toBe(3);
        expect((await post(`${on.url}/__control/injectFault`, { args: [{ endpoint: 'RequestToken', kind: 'code9' }] })).json!.ok).toBe(true);
        expect((await post(`${on.url}/StockService/RequestToken?ClientID=${C1.clientId}&ClientSecret=${C1.clientSecret}`)).json!.Code).toBe(9);
        expect((await post(`${on.url}/__control/nope`, [])).status).toBe(400);
      } finally {
        await on.close();
      }
    });
  });

  it('DEFAULT_SEED has the fixed credentials', () => {
    expect(DEFAULT_SEED.clients[0]).toMatchObject({ clientId: 'AA20EE61-5CFA-458D-9AFB-C4E929EA18E6', clientSecret: '7326AF23-714A-41A5-A74F-EC77B4E4F2F2' });
    expect(DEFAULT_SEED.accounts.map((a) => [a.accountNumber, a.accountSecret, a.yards.map((y) => y.code), a.stockCount])).toEqual([
      ['EC114575', '3F1C2A9E-6B7D-4E21-9C8A-5D4E3F2A1B0C', ['MAIN', 'WEST'], 250],
      ['EC208841', '9B8A7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D', ['NTH'], 60],
    ]);
  });
});
