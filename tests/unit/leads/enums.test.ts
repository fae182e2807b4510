import { FINANCE_STATUS, INTEREST, RATING, STATUS, VEHICLE_TYPE, fromEasyCars, statusCode, statusName, toEasyCars } from '../../../src/plugins/easycars/server/src/leads/enums';

describe('lead enums: every value both ways, exactly as the spec numbers them', () => {
  it.each([
    ['vehicleType', VEHICLE_TYPE, { car: 1, motorbike: 2, boat: 3, caravan: 4, truck_or_bus: 5, trailer: 6 }],
    ['interest', INTEREST, { buy: 1, lease: 2, sell: 3, test_drive: 4, service: 5 }],
    ['financeStatus', FINANCE_STATUS, { yes: 1, no: 2, maybe: 3 }],
    ['rating', RATING, { cold: 1, warm: 2, hot: 3 }],
    ['status', STATUS, { new: 10, in_progress: 30, won: 50, lost: 60, deleted: 90 }],
  ] as const)('%s', (kind, map, expected) => {
    expect(map).toEqual(expected);
    for (const [local, code] of Object.entries(expected)) {
      expect(toEasyCars(map as Record<string, number>, local)).toBe(code);
      expect(fromEasyCars(kind, code)).toBe(local);
    }
  });

  it('null stays null, unknown numbers are undefined (the caller keeps its value), unknown names are null', () => {
    expect(fromEasyCars('rating', null)).toBeNull();
    expect(fromEasyCars('rating', undefined)).toBeNull();
    expect(fromEasyCars('vehicleType', 7)).toBeUndefined();
    expect(fromEasyCars('status', 20)).toBeUndefined();
    expect(toEasyCars(RATING, 'lukewarm')).toBeNull();
    expect(toEasyCars(RATING, null)).toBeNull();
    expect(statusCode('won')).toBe(50);
    expect(statusName(90)).toBe('deleted');
  });
});
