import type { LeadDetail } from '../../../src/plugins/easycars/server/src/client/models/lead';
import { parseSydneyDateTime } from '../../../src/plugins/easycars/server/src/client/models/sydney-time';
import {
  buildCreateRequest,
  buildUpdateRequest,
  leadValues,
  recordFieldsFromDetail,
  validateCreate,
  valuesFromDetail,
  type LocalLead,
} from '../../../src/plugins/easycars/server/src/leads/mapper';

const lead = (over: Partial<LocalLead> = {}): LocalLead => ({
  documentId: 'doc123',
  customerName: 'Ava Brown',
  customerEmail: 'ava@example.com',
  customerPhone: '02 9999 0000',
  customerMobile: '0400 111 222',
  customerAddress: '1 George St',
  customerCity: 'Sydney',
  customerState: 'NSW',
  customerPostCode: '2000',
  message: 'Is it still available?',
  vehicleMake: 'Toyota',
  vehicleModel: 'Corolla',
  vehicleYear: 2021,
  vehiclePrice: '25990.00',
  vehicleType: 'car',
  isVehicleNew: false,
  interest: 'lease',
  financeStatus: 'maybe',
  rating: 'hot',
  status: 'new',
  sourcePageUrl: 'https://dealer.example/cars/1',
  ...over,
});

const detail = (over: Partial<LeadDetail> = {}): LeadDetail => ({
  LeadNumber: '000017',
  StockNumber: null,
  VehicleMake: 'Toyota',
  VehicleModel: 'Corolla',
  VehiclePrice: 25990,
  VehicleType: 1,
  VehicleYear: 2021,
  IsVehicleNew: false,
  VehicleInterest: 2,
  Notes: 'Is it still available?',
  VehicleSourcePageURL: 'https://dealer.example/cars/1',
  FinanceStatus: 3,
  Rating: 3,
  ExternalID: 'doc123',
  CreatedDateTime: parseSydneyDateTime('15/01/2025 09:30:00'),
  CustomerNo: '00004',
  CustomerName: 'Ava Brown',
  CustomerEmail: 'ava@example.com',
  CustomerAddress: '1 George St',
  CustomerCity: 'Sydney',
  CustomerState: 'NSW',
  CustomerPostCode: '2000',
  CustomerFax: null,
  CustomerPhone: '02 9999 0000',
  CustomerMobile: '0400 111 222',
  extra: {},
  ...over,
});

describe('lead mapper: local → CreateLead', () => {
  it('maps every field, enums as numbers, the documentId as ExternalID, the customer block with Name + Email', () => {
    const body = buildCreateRequest(leadValues(lead()), { externalId: 'doc123', stockNumber: 'S100' });
    expect(body).toEqual({
      VehicleMake: 'Toyota',
      VehicleModel: 'Corolla',
      VehicleYear: 2021,
      VehiclePrice: 25990,
      VehicleType: 1,
      IsVehicleNew: false,
      VehicleInterest: 2,
      FinanceStatus: 3,
      Rating: 3,
      Notes: 'Is it still available?',
      VehicleSourcePageURL: 'https://dealer.example/cars/1',
      StockNumber: 'S100',
      ExternalID: 'doc123',
      LeadCustomer: {
        Name: 'Ava Brown',
        Email: 'ava@example.com',
        Phone: '02 9999 0000',
        Mobile: '0400 111 222',
        Address: '1 George St',
        City: 'Sydney',
        State: 'NSW',
        PostCode: '2000',
      },
    });
    expect(validateCreate(body)).toEqual([]);
  });

  it('reuses an existing customer by CustomerNo', () => {
    const body = buildCreateRequest(leadValues(lead({ customerEmail: null, customerName: null })), { externalId: 'x', customerNo: '00002' });
    expect(body.LeadCustomer).toEqual(expect.objectContaining({ CustomerNo: '00002' }));
    expect(validateCreate(body)).toEqual([]);
  });

  it('leaves empty optional fields out instead of sending null, and trims text', () => {
    const body = buildCreateRequest(leadValues(lead({ message: '  ', financeStatus: null, rating: null, vehiclePrice: null, customerPhone: '' })), { externalId: 'x' });
    expect(body).not.toHaveProperty('Notes');
    expect(body).not.toHaveProperty('FinanceStatus');
    expect(body).not.toHaveProperty('Rating');
    expect(body).not.toHaveProperty('VehiclePrice');
    expect(body).not.toHaveProperty('StockNumber');
    expect(body.LeadCustomer).not.toHaveProperty('Phone');
  });

  it('borrows make, model, year, price, type and condition from the linked vehicle when the lead has none', () => {
    const values = leadValues(
      lead({
        vehicleMake: null, vehicleModel: null, vehicleYear: null, vehiclePrice: null, vehicleType: null, isVehicleNew: null,
        vehicle: { stockNumber: 'S1', make: 'Mazda', model: 'CX-5', year: 2023, price: 41000, vehicleType: 'truck', condition: 'new' },
      }),
    );
    expect(values).toMatchObject({ vehicleMake: 'Mazda', vehicleModel: 'CX-5', vehicleYear: 2023, vehiclePrice: 41000, vehicleType: 'truck_or_bus', isVehicleNew: true });
  });

  it('customer block rules: needs CustomerNo, or Name and Email; the message names the request and the lead field', () => {
    const issues = validateCreate(buildCreateRequest(leadValues(lead({ customerEmail: null })), { externalId: 'x' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/LeadCustomer needs a CustomerNo, or a Name and an Email/);
    expect(issues[0]!.message).toMatch(/customerName \/ customerEmail/);
  });

  it('required vehicle fields are named when missing', () => {
    const issues = validateCreate(buildCreateRequest(leadValues(lead({ vehicleMake: null, vehicleYear: null })), { externalId: 'x' }));
    expect(issues.map((i) => i.field)).toEqual(['VehicleMake', 'VehicleYear']);
    expect(issues[0]!.message).toBe('VehicleMake is required (lead field: vehicleMake)');
  });

  it.each([
    ['vehicleMake', 'VehicleMake', 100],
    ['vehicleModel', 'VehicleModel', 50],
    ['sourcePageUrl', 'VehicleSourcePageURL', 400],
    ['customerName', 'LeadCustomer.Name', 100],
    ['customerEmail', 'LeadCustomer.Email', 100],
    ['customerAddress', 'LeadCustomer.Address', 200],
    ['customerCity', 'LeadCustomer.City', 50],
    ['customerPostCode', 'LeadCustomer.PostCode', 10],
    ['customerPhone', 'LeadCustomer.Phone', 20],
    ['customerMobile', 'LeadCustomer.Mobile', 20],
  ] as const)('length check: %s → %s at most %i characters', (local, field, max) => {
    const ok = validateCreate(buildCreateRequest(leadValues(lead({ [local]: 'a'.repeat(max) })), { externalId: 'x' }));
    expect(ok.filter((i) => i.field === field)).toEqual([]);
    const tooLong = validateCreate(buildCreateRequest(leadValues(lead({ [local]: 'a'.repeat(max + 1) })), { externalId: 'x' }));
    expect(tooLong).toEqual([{ field, localField: local, message: `${field} must be at most ${max} characters (lead field: ${local})` }]);
  });

  it('ExternalID is at most 50 characters', () => {
    const issues = validateCreate(buildCreateRequest(leadValues(lead()), { externalId: 'x'.repeat(51) }));
    expect(issues.map((i) => i.field)).toEqual(['ExternalID']);
  });
});

describe('lead mapper: UpdateLead with only what changed', () => {
  const synced = leadValues(lead());

  it('nothing changed → nothing to send', () => {
    expect(buildUpdateRequest('000017', leadValues(lead()), synced, {})).toBeNull();
  });

  it('sends only the changed fields', () => {
    const plan = buildUpdateRequest('000017', leadValues(lead({ rating: 'cold', message: 'Call me after 5' })), synced, { customerNo: '00004' });
    expect(plan?.body).toEqual({ LeadNumber: '000017', Rating: 1, Notes: 'Call me after 5' });
    expect(plan?.fields.sort()).toEqual(['message', 'rating']);
  });

  it('a customer change sends the customer block (CustomerNo, Name, Email + the changed field)', () => {
    const plan = buildUpdateRequest('000017', leadValues(lead({ customerMobile: '0400 999 999' })), synced, { customerNo: '00004' });
    expect(plan?.body).toEqual({
      LeadNumber: '000017',
      LeadCustomer: { CustomerNo: '00004', Name: 'Ava Brown', Email: 'ava@example.com', Mobile: '0400 999 999' },
    });
  });

  it('create-only fields are reported as skipped, not sent', () => {
    const plan = buildUpdateRequest('000017', leadValues(lead({ vehicleMake: 'Honda', interest: 'buy' })), synced, {});
    expect(plan?.body).toEqual({ LeadNumber: '000017', VehicleInterest: 1 });
    expect(plan?.skipped).toEqual(['vehicleMake']);
  });

  it('carries LeadStatus when asked, even with no field change', () => {
    expect(buildUpdateRequest('000017', leadValues(lead()), synced, { status: 90 })?.body).toEqual({ LeadNumber: '000017', LeadStatus: 90 });
  });

  it('null and empty string are the same value (no spurious update)', () => {
    const base = leadValues(lead({ message: null }));
    expect(buildUpdateRequest('000017', leadValues(lead({ message: '' })), base, {})).toBeNull();
  });
});

describe('lead mapper: GetLeadDetail → local', () => {
  it('maps every field and enum back', () => {
    const { values, status, warnings } = valuesFromDetail(detail({ LeadStatus: 30 }));
    expect(values).toEqual(leadValues(lead()));
    expect(status).toBe('in_progress');
    expect(warnings).toEqual([]);
  });

  it('no LeadStatus (as documented) → status undefined, never required', () => {
    expect(valuesFromDetail(detail()).status).toBeUndefined();
  });

  it('an undocumented enum number is left out with a warning; nulls map to null', () => {
    const { values, warnings } = valuesFromDetail(detail({ VehicleType: 9, Rating: null, Notes: null }));
    expect(values).not.toHaveProperty('vehicleType');
    expect(values.rating).toBeNull();
    expect(values.message).toBeNull();
    expect(warnings).toEqual(['VehicleType 9 is not a documented value; the local vehicleType was kept']);
  });

  it('keeps the full answer for the lead-record, CreatedDateTime as the right UTC instant', () => {
    const fields = recordFieldsFromDetail(detail({ CreatedDateTime: parseSydneyDateTime('15/01/2025 09:30:00'), extra: { Branch: 'X' } }));
    // 09:30 in Sydney in January (AEDT, UTC+11) is 22:30 UTC the day before.
    expect(fields.CreatedDateTime).toBe('2025-01-14T22:30:00.000Z');
    expect(fields).toMatchObject({ LeadNumber: '000017', CustomerNo: '00004', extraFields: { Branch: 'X' } });
    // The customer's personal details are not copied into lead-record columns (privacy, docs/lead-sync.md).
    for (const personal of ['CustomerName', 'CustomerEmail', 'CustomerAddress', 'CustomerFax', 'CustomerPhone', 'CustomerMobile']) expect(fields).not.toHaveProperty(personal);
    expect(fields).not.toHaveProperty('LeadStatus');
    const winter = recordFieldsFromDetail(detail({ CreatedDateTime: parseSydneyDateTime('15/07/2025 09:30:00') }));
    expect(winter.CreatedDateTime).toBe('2025-07-14T23:30:00.000Z');
    expect(typeof fields.contentHash).toBe('string');
  });
});
