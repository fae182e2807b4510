/** EasyCars enumerations, as documented. */
export const VehicleType = { Car: 1, MotorBike: 2, Boat: 3, Caravan: 4, TruckOrBus: 5, Trailer: 6 } as const;
export type VehicleTypeValue = (typeof VehicleType)[keyof typeof VehicleType];

export const VehicleInterest = { Buy: 1, Lease: 2, Sell: 3, TestDrive: 4, Service: 5 } as const;
export type VehicleInterestValue = (typeof VehicleInterest)[keyof typeof VehicleInterest];

export const FinanceStatus = { Yes: 1, No: 2, Maybe: 3 } as const;
export type FinanceStatusValue = (typeof FinanceStatus)[keyof typeof FinanceStatus];

export const Rating = { Cold: 1, Warm: 2, Hot: 3 } as const;
export type RatingValue = (typeof Rating)[keyof typeof Rating];

export const LeadStatus = { New: 10, InProgress: 30, Won: 50, Lost: 60, Deleted: 90 } as const;
export type LeadStatusValue = (typeof LeadStatus)[keyof typeof LeadStatus];

/** StockType letters: A car, B boat, C caravan/camper, H heavy truck/bus, M motorbike, T trailer. */
export const StockTypeLetters = ['A', 'B', 'C', 'H', 'M', 'T'] as const;
export type StockTypeLetter = (typeof StockTypeLetters)[number];

export const ResponseCode = { Success: 0, AuthenticationFail: 1, Warning: 5, Failed: 7, SystemError: 9 } as const;

/** "1 (Car), 2 (MotorBike), ..." for messages. */
export function describeEnum(e: Record<string, number>): string {
  return Object.entries(e)
    .map(([k, v]) => `${v} (${k})`)
    .join(', ');
}
export function enumValues(e: Record<string, number>): number[] {
  return Object.values(e);
}
