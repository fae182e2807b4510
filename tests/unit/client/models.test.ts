import {
  STOCK_FIELD_NAMES,
  type CoercionWarning,
  formatSydneyDateTime,
  parseLeadDetail,
  parseSydneyDateTime,
  parseStockItem,
  parseStockList,
  splitList,
  stockImageUrls,
} from '../../../src/plugins/easycars/server/src/client';
import { STOCK_FIELD_ORDER, startSandbox } from '../../../sandbox/src';
import { account1, makeClient, type Sandbox, validLead } from './helpers';

describe('EasyCars models: parsing and coercion', () => {
  it('StockItem has the 72 documented fields, in the sandbox order', () => {
    expect(STOCK_FIELD_NAMES).toHaveLength(72);
    expect(STOCK_FIELD_NAMES).toEqual([...STOCK_FIELD_ORDER]);
  });

  it('accepts booleans, numbers and dates in their odd forms and reports each coercion', () => {
    const w: CoercionWarning[] = [];
    const item = parseStockItem(
      {
        StockNumber: 'U123', IsUsed: 'Yes', IsDemo: 0, IsSpecial: 'true', IsPrestiged: 'No', IsMiles: 1, IsDepositTaken: false,
        IsDriveAway: null, Price: '12,990.00', Odometer: '45000', YearGroup: 2019, DoorNum: '', RegoExpiry: '31/01/2026',
        AirConditioning: 'Yes', Toilet: '', GPS: null, Cylinder: 4, StockType: 'a', ImageURLs: 'http://x/1.png, http://x/2.png', ImageCount: '2',
        Brand_New_Field: { a: 1 },
      },
      w,
    )!;
    expect(item.IsUsed).toBe(true);
    expect(item.IsDemo).toBe(false);
    expect(item.IsSpecial).toBe(true);
    expect(item.IsPrestiged).toBe(false);
    expect(item.IsMiles).toBe(true);
    expect(item.IsDriveAway).toBeNull();
    expect(item.Price).toBe(12990);
    expect(item.Odometer).toBe(45000);
    expect(item.DoorNum).toBeNull();
    expect(item.RegoExpiry!.toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(item.AirConditioning).toBe('Yes'); // text, not a boolean
    expect(item.GPS).toBeNull();
    expect(item.Cylinder).toBe('4');
    expect(item.StockType).toBe('A');
    expect(item.ImageCount).toBe(2);
    expect(stockImageUrls(item)).toEqual(['http://x/1.png', 'http://x/2.png']);
    expect(item.extra).toEqual({ Brand_New_Field: { a: 1 } });
    const byField = Object.fromEntries(w.map((x) => [x.field, x]));
    for (const f of ['IsUsed', 'IsDemo', 'IsSpecial', 'IsPrestiged', 'IsMiles', 'Price', 'Odometer', 'DoorNum', 'Cylinder', 'StockType', 'ImageCount']) {
      expect(byField[f]).toMatchObject({ entity: 'stock', id: 'U123', kind: 'coerced' });
    }
    expect(byField.Price!.rawValue).toBe('12,990.00');
    expect(byField.Price!.message).toBe('stock U123: Price was coerced (raw value "12,990.00"): number given as text, read as 12990');
    expect(byField.IsDriveAway).toBeUndefined();
    expect(byField.AirConditioning).toBeUndefined();
  });

  it('one unusable field never fails the item; items without StockNumber are skipped with a warning', () => {
    const { items, warnings } = parseStockList([
      { StockNumber: 'A1', Price: 'call us', RegoExpiry: '2026-13-45', IsUsed: 'maybe', YearGroup: 2020.6 },
      { Make: 'Toyota' },
      'garbage',
      { StockNumber: 77, RegoExpiry: '2026-02-03' },
    ]);
    expect(items.map((i) => i.StockNumber)).toEqual(['A1', '77']);
    expect(items[0]).toMatchObject({ Price: null, RegoExpiry: null, IsUsed: false, YearGroup: 2021 });
    expect(items[1]!.RegoExpiry!.toISOString()).toBe('2026-02-03T00:00:00.000Z');
    const summary = warnings.map((w) => `${w.id}:${w.field}:${w.kind}`);
    expect(summary).toEqual(
      expect.arrayContaining(['A1:Price:invalid', 'A1:RegoExpiry:invalid', 'A1:IsUsed:invalid', 'A1:YearGroup:coerced', 'null:StockNumber:invalid', 'null:StockList[2]:invalid', '77:StockNumber:coerced', '77:RegoExpiry:coerced']),
    );
  });

  it('reads lead date-times as Sydney time (DST aware)', () => {
    expect(parseSydneyDateTime('15/01/2025 09:30:00')!.toISOString()).toBe('2025-01-14T22:30:00.000Z'); // AEDT +11
    expect(parseSydneyDateTime('15/07/2025 09:30:00')!.toISOString()).toBe('2025-07-14T23:30:00.000Z'); // AEST +10
    expect(parseSydneyDateTime('31/02/2025 09:30:00')).toBeNull();
    expect(formatSydneyDateTime(new Date('2025-07-14T23:30:00Z'))).toBe('15/07/2025 09:30:00');
  });

  it('parses lead details, keeps unknown fields, never copies personal data into warnings', () => {
    const w: CoercionWarning[] = [];
    const d = parseLeadDetail(
      { LeadNumber: '000017', VehicleYear: '2021', IsVehicleNew: 'No', CustomerPhone: 412345678, CreatedDateTime: '01/03/2025 10:00:00', Extra1: 'x', Code: 0, ErrorMessage: null },
      '000017',
      w,
    );
    expect(d.VehicleYear).toBe(2021);
    expect(d.IsVehicleNew).toBe(false);
    expect(d.CustomerPhone).toBe('412345678');
    expect(d.CreatedDateTime!.toISOString()).toBe('2025-02-28T23:00:00.000Z');
    expect(d.LeadStatus).toBeUndefined();
    expect(d.extra).toEqual({ Extra1: 'x' });
    const phone = w.find((x) => x.field === 'CustomerPhone')!;
    expect(phone.rawValue).toBe('[REDACTED]');
    expect(phone.message).not.toContain('412345678');
  });

  it('splits comma-separated lists', () => {
    expect(splitList('ABS, Cruise Control,,Bluetooth ')).toEqual(['ABS', 'Cruise Control', 'Bluetooth']);
    expect(splitList(null)).toEqual([]);
  });
});

describe('EasyCars models against the sandbox', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ stockCount: { EC114575: 30, EC208841: 2 } });
  });
  afterAll(() => sb.close());

  it('parses the generated stock without a single warning', async () => {
    const { client } = makeClient(sb);
    const r = await client.forAccount(account1()).getAdvertisementStocks();
    expect(r.items).toHaveLength(30);
    expect(r.warnings).toEqual([]);
    expect(r.items.some((i) => i.RegoExpiry instanceof Date)).toBe(true);
    expect(r.items.some((i) => i.RegoExpiry === null)).toBe(true);
    await client.close();
  });

  it('reports dealer-side odd values with stock number, field and raw value', async () => {
    const stockNumber = sb.control.listStock('EC114575')[0]!.StockNumber;
    sb.control.updateStock('EC114575', stockNumber, { IsSpecial: 'Yes', Price: '21990', RegoExpiry: null, Toilet: null, NewVendorField: 42 });
    const { client } = makeClient(sb);
    const r = await client.forAccount(account1()).getAdvertisementStocks({ yardCode: String(sb.control.listStock('EC114575')[0]!.YardCode) });
    const item = r.items.find((i) => i.StockNumber === stockNumber)!;
    expect(item).toMatchObject({ IsSpecial: true, Price: 21990, RegoExpiry: null, Toilet: null });
    expect(item.extra).toEqual({ NewVendorField: 42 });
    expect(r.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: stockNumber, field: 'IsSpecial', rawValue: 'Yes' }),
        expect.objectContaining({ id: stockNumber, field: 'Price', rawValue: '21990' }),
      ]),
    );
    await client.close();
  });

  it('lead detail with wrong field types is coerced and reported', async () => {
    const { client } = makeClient(sb);
    const api = client.forAccount(account1());
    const { LeadNumber } = await api.createLead(validLead);
    sb.control.injectFault({ endpoint: 'GetLeadDetail', kind: 'wrong-field-type' });
    const { lead, warnings } = await api.getLeadDetail(LeadNumber);
    expect(lead.VehicleYear).toBe(2021);
    expect(lead.IsVehicleNew).toBe(false);
    expect(warnings.map((w) => w.field)).toEqual(expect.arrayContaining(['Code', 'VehicleYear', 'IsVehicleNew']));
    await client.close();
  });
});
