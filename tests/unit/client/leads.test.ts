import {
  EasyCarsFailedError,
  EasyCarsValidationError,
  validateCreateLeadRequest,
  validateCreateQuotationRequest,
  validateGetLeadDetailRequest,
  validateSearchContactsRequest,
  validateUpdateLeadRequest,
} from '../../../src/plugins/easycars/server/src/client';
import { startSandbox } from '../../../sandbox/src';
import { A1, C2, account1, calls, expectReject, makeClient, type Sandbox, validLead } from './helpers';

const messages = (issues: Array<{ message: string }>) => issues.map((i) => i.message);

describe('request validators', () => {
  it('CreateLead', () => {
    expect(validateCreateLeadRequest({ ...validLead }, { requireAccount: false })).toEqual([]);
    const bad = messages(
      validateCreateLeadRequest({
        VehicleModel: 'x'.repeat(51),
        VehicleType: 7,
        VehicleYear: 2020.5,
        IsVehicleNew: 'yes',
        VehicleInterest: 0,
        FinanceStatus: 4,
        Rating: 9,
        VehicleSourcePageURL: 'u'.repeat(401),
        ExternalID: 'e'.repeat(51),
        StockNumber: 's'.repeat(21),
        LeadCustomer: { Email: 'e'.repeat(101), Phone: '1'.repeat(21) },
      }),
    );
    expect(bad).toEqual(
      expect.arrayContaining([
        'AccountNumber is required',
        'AccountSecret is required',
        'VehicleMake is required',
        'VehicleModel must be at most 50 characters',
        'VehicleType must be one of 1 (Car), 2 (MotorBike), 3 (Boat), 4 (Caravan), 5 (TruckOrBus), 6 (Trailer)',
        'VehicleYear must be a whole number',
        'IsVehicleNew must be true or false',
        'VehicleInterest must be one of 1 (Buy), 2 (Lease), 3 (Sell), 4 (TestDrive), 5 (Service)',
        'FinanceStatus must be one of 1 (Yes), 2 (No), 3 (Maybe)',
        'Rating must be one of 1 (Cold), 2 (Warm), 3 (Hot)',
        'VehicleSourcePageURL must be at most 400 characters',
        'ExternalID must be at most 50 characters',
        'StockNumber must be at most 20 characters',
        'LeadCustomer.Email must be at most 100 characters',
        'LeadCustomer.Phone must be at most 20 characters',
        'LeadCustomer needs a CustomerNo, or a Name and an Email',
      ]),
    );
    expect(messages(validateCreateLeadRequest({ ...validLead, LeadCustomer: undefined }, { requireAccount: false }))).toEqual(['LeadCustomer is required']);
    expect(validateCreateLeadRequest({ ...validLead, LeadCustomer: { CustomerNo: '00004' } }, { requireAccount: false })).toEqual([]);
  });

  it('UpdateLead, GetLeadDetail, SearchContacts, CreateQuotation', () => {
    expect(messages(validateUpdateLeadRequest({ LeadStatus: 20, LeadCustomer: { Name: 'n' } }, { requireAccount: false }))).toEqual([
      'LeadNumber is required',
      'LeadStatus must be one of 10 (New), 30 (InProgress), 50 (Won), 60 (Lost), 90 (Deleted)',
      'LeadCustomer needs a CustomerNo, or a Name and an Email',
    ]);
    expect(validateUpdateLeadRequest({ LeadNumber: '000017', Notes: 'x' }, { requireAccount: false })).toEqual([]);
    expect(messages(validateGetLeadDetailRequest({ LeadNumber: '1'.repeat(21) }, { requireAccount: false }))).toEqual(['LeadNumber must be at most 20 characters']);
    expect(messages(validateSearchContactsRequest({}, { requireAccount: false }))).toEqual(['SearchContacts needs at least one of Name, Email or Phone']);
    expect(messages(validateCreateQuotationRequest({ QuoteDate: '2025-01-01', RegoState: 'NSWX', BasePrice: '1' }, { requireAccount: false }))).toEqual(
      expect.arrayContaining([
        'YardCode is required',
        'VehicleMake is required',
        'QuoteDate must be a date in dd/MM/yyyy format',
        'BasePrice must be a number',
        'SellingPrice is required',
        'RegoState must be at most 3 characters',
        'QuotationCustomer1 is required',
      ]),
    );
  });

  it('CreateQuotation lists use the vendor names: QuotationReceipts, QuotationTradeins, QuotationExtras', () => {
    const q = {
      YardCode: 'MAIN', VehicleMake: 'Kia', VehicleModel: 'Cerato', VehicleType: 1, IsVehicleNew: true, VehicleYear: 2025, QuoteDate: '01/03/2025',
      BasePrice: 30000, SellingPrice: 31990, RegoState: 'NSW', QuotationCustomer1: { CustomerNo: '00001' },
    };
    const lists = { QuotationReceipts: [{ Amount: 500 }], QuotationTradeins: [{ Make: 'Ford' }], QuotationExtras: [{ Description: 'Tint', Price: 300 }] };
    expect(validateCreateQuotationRequest({ ...q, ...lists }, { requireAccount: false })).toEqual([]);
    expect(messages(validateCreateQuotationRequest({ ...q, QuotationExtras: 'tint', QuotationTradeins: [1] }, { requireAccount: false }))).toEqual([
      'QuotationTradeins must be a list of objects',
      'QuotationExtras must be a list of objects',
    ]);
    expect(messages(validateCreateQuotationRequest({ ...q, TradeIns: [], Extras: [], Receipts: [] }, { requireAccount: false }))).toEqual([
      'Receipts is not a CreateQuotation field (EasyCars would ignore it); use QuotationReceipts',
      'TradeIns is not a CreateQuotation field (EasyCars would ignore it); use QuotationTradeins',
      'Extras is not a CreateQuotation field (EasyCars would ignore it); use QuotationExtras',
    ]);
  });

  it('messages never contain the values', () => {
    const secretish = 'zelda.qb@example.org'.repeat(6);
    const text = JSON.stringify(validateCreateLeadRequest({ LeadCustomer: { Name: secretish, Email: secretish } }));
    expect(text).not.toContain('zelda');
  });
});

describe('EasyCars client: lead endpoints against the sandbox', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ stockCount: { EC114575: 5, EC208841: 2 } });
  });
  afterAll(() => sb.close());
  beforeEach(() => sb.control.reset());

  it('refuses invalid requests before sending anything, for every lead endpoint', async () => {
    const { client } = makeClient(sb);
    const api = client.forAccount(account1());
    const cases: Array<[Promise<unknown>, string]> = [
      [api.createLead({ ...validLead, VehicleMake: '' }), 'VehicleMake is required'],
      [api.createLead({ ...validLead, LeadCustomer: { Name: 'only a name' } }), 'LeadCustomer needs a CustomerNo, or a Name and an Email'],
      [api.updateLead({ LeadNumber: '', Notes: 'x' }), 'LeadNumber is required'],
      [api.updateLead({ LeadNumber: '000017', LeadStatus: 11 as never }), 'LeadStatus must be one of'],
      [api.getLeadDetail(''), 'LeadNumber is required'],
      [api.searchContacts({}), 'SearchContacts needs at least one of Name, Email or Phone'],
      [api.createQuotation({ YardCode: 'MAIN' } as never), 'VehicleMake is required'],
    ];
    for (const [p, msg] of cases) {
      const err = await expectReject(p);
      expect(err).toBeInstanceOf(EasyCarsValidationError);
      expect(err.message).toContain(msg);
      expect(err.retryable).toBe(false);
    }
    expect(sb.control.requestLog()).toHaveLength(0);
    await client.close();
  });

  it('server-side validation (client validation off) comes back as Code 7', async () => {
    const { client } = makeClient(sb, { validateRequests: false });
    const err = await expectReject(client.forAccount(account1()).createLead({ ...validLead, VehicleType: 9 as never }));
    expect(err).toBeInstanceOf(EasyCarsFailedError);
    expect(err.code).toBe(7);
    expect(err.message).toContain('The field VehicleType must be one of 1, 2, 3, 4, 5, 6.');
    await client.close();
  });

  it('creates, updates and reads leads; reuses customers; searches contacts; creates quotations', async () => {
    const { client } = makeClient(sb);
    const api = client.forAccount(account1());
    const stockNumber = sb.control.listStock('EC114575')[0]!.StockNumber;
    const a = await api.createLead({ ...validLead, StockNumber: stockNumber, ExternalID: 'web-1' });
    expect(a).toMatchObject({ LeadNumber: '000017', code: 0 });
    const b = await api.createLead({ ...validLead, LeadCustomer: { Name: 'Z. Q-B', Email: 'ZELDA.QB@example.org' } });
    expect(b.LeadNumber).toBe('000018');
    expect(b.CustomerNo).toBe(a.CustomerNo); // matched by e-mail
    const c = await api.createLead({ ...validLead, LeadCustomer: { CustomerNo: '00001' } });
    expect(c.CustomerNo).toBe('00001');

    const u = await api.updateLead({ LeadNumber: a.LeadNumber, Rating: 3 });
    expect(u).toMatchObject({ LeadNumber: a.LeadNumber, CustomerNo: a.CustomerNo });
    const { lead } = await api.getLeadDetail(a.LeadNumber);
    expect(lead).toMatchObject({ LeadNumber: '000017', StockNumber: stockNumber, Rating: 3, Notes: validLead.Notes, ExternalID: 'web-1', CustomerEmail: 'zelda.qb@example.org' });
    expect(lead.CreatedDateTime).toBeInstanceOf(Date);
    expect(Math.abs(lead.CreatedDateTime!.getTime() - Date.now())).toBeLessThan(5_000);
    expect(lead.LeadStatus).toBeUndefined();

    sb.control.setIncludeLeadStatus(true);
    sb.control.updateLead(a.LeadNumber, { LeadStatus: 50 }, 'EC114575');
    expect((await api.getLeadDetail(a.LeadNumber)).lead.LeadStatus).toBe(50);

    const contacts = await api.searchContacts({ Email: 'zelda.qb@example.org' });
    expect(contacts.map((x) => x.CustomerNo)).toEqual([a.CustomerNo]);

    const q = await api.createQuotation({
      LeadNumber: a.LeadNumber, YardCode: 'MAIN', VehicleMake: 'Toyota', VehicleModel: 'Corolla', VehicleType: 1, IsVehicleNew: false,
      VehicleYear: 2021, QuoteDate: '01/03/2025', BasePrice: 28000, SellingPrice: 28990, RegoState: 'NSW', QuotationCustomer1: { CustomerNo: a.CustomerNo },
      QuotationTradeins: [{ Make: 'Ford', Model: 'Focus' }], QuotationExtras: [{ Description: 'Tint' }], QuotationReceipts: [{ Amount: 500 }],
    });
    expect(q).toMatchObject({ QuoteNumber: '000101', CustomerNo1: a.CustomerNo });
    expect(sb.control.listQuotations('EC114575')[0]).toMatchObject({
      QuotationTradeins: [{ Make: 'Ford', Model: 'Focus' }], QuotationExtras: [{ Description: 'Tint' }], QuotationReceipts: [{ Amount: 500 }],
    });
    await client.close();
  });

  it('a deleted lead never returns to an active status', async () => {
    const { client } = makeClient(sb);
    const api = client.forAccount(account1());
    const { LeadNumber } = await api.createLead(validLead);
    await api.updateLead({ LeadNumber, LeadStatus: 90 });
    const err = await expectReject(api.updateLead({ LeadNumber, LeadStatus: 30 }));
    expect(err).toBeInstanceOf(EasyCarsFailedError);
    expect(err.message).toContain('cannot return to an active status');
    expect(calls(sb, 'UpdateLead')).toHaveLength(2);
    await client.close();
  });

  it('GetLeadDetail only for leads of the caller\'s own ClientID', async () => {
    const { client } = makeClient(sb);
    const { LeadNumber } = await client.forAccount(account1()).createLead(validLead);
    const other = client.forAccount({ ...account1(), clientId: C2.clientId, clientSecret: C2.clientSecret });
    const err = await expectReject(other.getLeadDetail(LeadNumber));
    expect(err).toBeInstanceOf(EasyCarsFailedError);
    expect(err.message).toContain(`Lead ${LeadNumber} was not found`);
    // the account's own pair is not enough: a wrong account secret is refused too
    const wrong = client.forAccount({ ...account1(), accountSecret: 'AAAAAAAA-0000-0000-0000-000000000000' });
    const e2 = await expectReject(wrong.getLeadDetail(LeadNumber));
    expect(e2.message).toContain('Invalid AccountNumber or AccountSecret');
    expect(e2.message).not.toContain(A1.accountSecret);
    await client.close();
  });
});
