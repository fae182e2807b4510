import {
  mapStockItem,
  toVehicleData,
  vehicleTitle,
} from '../../../src/plugins/easycars/server/src/stock/map-stock-item';
import { resolveFieldMap, assertFieldMapFits, fieldMapSignature } from '../../../src/plugins/easycars/server/src/stock/field-map';
import { item } from './fixtures';

describe('mapStockItem: every owned field', () => {
  const { vehicle, imageUrls, warnings } = mapStockItem(item());

  it('maps identity, registration and the title', () => {
    expect(vehicle.title).toBe('2021 Toyota Corolla Ascent Sport');
    expect(vehicle.stockNumber).toBe('10001');
    expect(vehicle.vin).toBe('JTM1234567890ABCD');
    expect(vehicle.registration).toBe('AB12CD');
    expect(vehicle.registrationState).toBe('NSW');
    expect(vehicle.registrationExpiry).toBe('2026-03-15');
  });

  it('maps make, model, badge, series, year, body, colours, fuel, drive, doors, seats, yard', () => {
    expect(vehicle).toMatchObject({
      make: 'Toyota', model: 'Corolla', badge: 'Ascent Sport', series: 'MZEA12R', year: 2021, bodyType: 'Hatchback',
      colour: 'Glacier White', interiorColour: 'Black cloth', fuelType: 'Petrol', driveType: 'FWD', doors: 5, seats: 5,
      yard: 'Main Yard',
    });
  });

  it('maps prices, drive-away, odometer and its unit', () => {
    expect(vehicle.price).toBe(27990);
    expect(vehicle.specialPrice).toBe(26990);
    expect(vehicle.driveAway).toBe(false);
    expect(vehicle.odometer).toBe(35120);
    expect(vehicle.odometerUnit).toBe('km');
  });

  it('writes engine and transmission text', () => {
    expect(vehicle.engine).toBe('2.0L 4 cyl Piston 126 kW');
    expect(vehicle.transmission).toBe('Automatic (10-speed)');
  });

  it('turns comma-separated features into lists and keeps the description', () => {
    expect(vehicle.features).toEqual({ standard: ['ABS', 'Cruise Control', 'Reversing Camera'], optional: ['Tow bar'] });
    expect(vehicle.description).toBe('One owner.');
    expect(vehicle.videoUrl).toBeNull();
  });

  it('maps condition and status', () => {
    expect(vehicle.condition).toBe('used');
    expect(vehicle.saleStatus).toBe('available');
  });

  it('returns the image URLs in feed order and no warnings for a clean item', () => {
    expect(imageUrls).toEqual(['https://images.easycars.com.au/a/1.jpg', 'https://images.easycars.com.au/a/2.jpg']);
    expect(warnings).toEqual([]);
  });
});

describe('mapStockItem: nulls and coercions', () => {
  it('a null Price means no price, never 0', () => {
    expect(mapStockItem(item({ Price: null })).vehicle.price).toBeNull();
    expect(mapStockItem(item({ AdvSpecialPrice: null })).vehicle.specialPrice).toBeNull();
  });

  it('prices given as text are read; negative prices are refused with a warning', () => {
    expect(mapStockItem(item({ Price: '12,990.00' })).vehicle.price).toBe(12990);
    const r = mapStockItem(item({ Price: -5 }));
    expect(r.vehicle.price).toBeNull();
    expect(r.warnings).toEqual([expect.objectContaining({ ref: '10001', field: 'Price' })]);
  });

  it('IsDriveAway null stays unknown; "Yes" is true', () => {
    expect(mapStockItem(item({ IsDriveAway: null })).vehicle.driveAway).toBeNull();
    expect(mapStockItem(item({ IsDriveAway: 'Yes' })).vehicle.driveAway).toBe(true);
  });

  it('Odometer with IsMiles', () => {
    const r = mapStockItem(item({ Odometer: '12000', IsMiles: 'true' })).vehicle;
    expect(r.odometer).toBe(12000);
    expect(r.odometerUnit).toBe('miles');
    expect(mapStockItem(item({ Odometer: null })).vehicle.odometer).toBeNull();
  });

  it('RegoExpiry: null and "" give no date; ISO is accepted', () => {
    expect(mapStockItem(item({ RegoExpiry: null })).vehicle.registrationExpiry).toBeNull();
    expect(mapStockItem(item({ RegoExpiry: '' })).vehicle.registrationExpiry).toBeNull();
    expect(mapStockItem(item({ RegoExpiry: '2026-01-31' })).vehicle.registrationExpiry).toBe('2026-01-31');
    expect(mapStockItem(item({ RegoExpiry: '31/12/2025' })).vehicle.registrationExpiry).toBe('2025-12-31');
  });

  it('empty strings become null; empty feature lists become []', () => {
    const v = mapStockItem(item({ VIN: '', RegoNum: ' ', Badge: '', StandardFeatures: '', OptionalFeatures: null, GearType: '', EngineCapacity: '', EngineSize: null, Cylinder: '', EngineTypeDescription: '', PowerkW: null })).vehicle;
    expect(v.vin).toBeNull();
    expect(v.registration).toBeNull();
    expect(v.badge).toBeNull();
    expect(v.features).toEqual({ standard: [], optional: [] });
    expect(v.transmission).toBeNull();
    expect(v.engine).toBeNull();
    expect(v.title).toBe('2021 Toyota Corolla');
  });

  it('engine falls back to EngineSize in cc; a single-speed gearbox has no count', () => {
    const v = mapStockItem(item({ EngineCapacity: '', EngineSize: 1987, Cylinder: 'V8', PowerkW: null, GearCount: 1 })).vehicle;
    expect(v.engine).toBe('1987 cc V8 Piston');
    expect(v.transmission).toBe('Automatic');
  });

  it('description falls back to ShortDescription and appends AdditionalDescription', () => {
    expect(mapStockItem(item({ AdvDescription: '', AdditionalDescription: 'RWC included.' })).vehicle.description).toBe('2021 Toyota Corolla\n\nRWC included.');
    expect(mapStockItem(item({ AdvDescription: '', ShortDescription: '', AdditionalDescription: '' })).vehicle.description).toBeNull();
  });

  it('out-of-range years and counts are left empty with a warning', () => {
    const r = mapStockItem(item({ YearGroup: 1800, DoorNum: -1 }));
    expect(r.vehicle.year).toBeNull();
    expect(r.vehicle.doors).toBeNull();
    expect(r.warnings.map((w) => w.field).sort()).toEqual(['DoorNum', 'YearGroup']);
  });

  it('yard falls back to the code; title falls back to the stock number', () => {
    expect(mapStockItem(item({ YardName: '' })).vehicle.yard).toBe('MAIN');
    expect(vehicleTitle({ YearGroup: null, Make: null, Model: '', Badge: null, StockNumber: '77' })).toBe('Stock 77');
  });
});

describe('StockType, IsUsed/IsDemo and StockStatus', () => {
  it.each([
    ['A', 'car'], ['B', 'boat'], ['C', 'caravan'], ['H', 'truck'], ['M', 'motorbike'], ['T', 'trailer'], ['a', 'car'],
  ])('StockType %s -> %s', (letter, type) => {
    const r = mapStockItem(item({ StockType: letter }));
    expect(r.vehicle.vehicleType).toBe(type);
    expect(r.warnings).toEqual([]);
  });

  it.each([['X'], [''], [null]])('StockType %p -> other, with a warning', (letter) => {
    const r = mapStockItem(item({ StockType: letter }));
    expect(r.vehicle.vehicleType).toBe('other');
    expect(r.warnings).toEqual([expect.objectContaining({ field: 'StockType', ref: '10001' })]);
  });

  it.each([
    [false, false, 'new'], [true, false, 'used'], [false, true, 'demo'], [true, true, 'demo'], ['Yes', 0, 'used'],
  ])('IsUsed %p IsDemo %p -> %s', (used, demo, condition) => {
    expect(mapStockItem(item({ IsUsed: used, IsDemo: demo })).vehicle.condition).toBe(condition);
  });

  it.each([
    ['In Stock', 'available'], ['in stock', 'available'], ['On Offer', 'under_offer'], ['Sold', 'sold'], ['', 'available'], [null, 'available'],
  ])('StockStatus %p -> %s', (status, expected) => {
    const r = mapStockItem(item({ StockStatus: status }));
    expect(r.vehicle.saleStatus).toBe(expected);
    expect(r.warnings).toEqual([]);
  });

  it('an unknown StockStatus is available, with a warning', () => {
    const r = mapStockItem(item({ StockStatus: 'Reserved' }));
    expect(r.vehicle.saleStatus).toBe('available');
    expect(r.warnings).toEqual([expect.objectContaining({ field: 'StockStatus', value: 'Reserved' })]);
  });
});

describe('field map', () => {
  it('defaults to this app\'s vehicle attributes and writes the dealership by documentId', () => {
    const map = resolveFieldMap(undefined);
    const data = toVehicleData(mapStockItem(item()).vehicle, map, 'dealer123');
    expect(data.dealership).toBe('dealer123');
    expect(data.price).toBe(27990);
    expect(Object.keys(data)).not.toContain('images');
  });

  it('renames and switches off targets; switched-off fields are not written at all', () => {
    const map = resolveFieldMap({ price: 'listPrice', features: false, description: false });
    const data = toVehicleData(mapStockItem(item()).vehicle, map, 'd');
    expect(data.listPrice).toBe(27990);
    expect(data).not.toHaveProperty('price');
    expect(data).not.toHaveProperty('features');
    expect(data).not.toHaveProperty('description');
  });

  it('refuses unknown targets and maps that do not fit the content type', () => {
    expect(() => resolveFieldMap({ prise: 'price' })).toThrow(/unknown target\(s\) prise/);
    expect(() => assertFieldMapFits(resolveFieldMap({ price: 'listPrice' }), { title: {} }, 'api::vehicle.vehicle')).toThrow(/price -> listPrice/);
  });

  it('the signature changes with the map (so a new map re-maps every vehicle once)', () => {
    expect(fieldMapSignature(resolveFieldMap(undefined))).not.toBe(fieldMapSignature(resolveFieldMap({ features: false })));
  });
});
