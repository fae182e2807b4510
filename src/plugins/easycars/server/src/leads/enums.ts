/**
 * Local lead enumerations ⇄ the EasyCars numbers, exactly as the Lead API spec numbers them.
 * Each map is a bijection, so the reverse maps are derived rather than written twice.
 */
import { FinanceStatus, LeadStatus, Rating, VehicleInterest, VehicleType } from '../client/models/enums';

export type LocalVehicleType = 'car' | 'motorbike' | 'boat' | 'caravan' | 'truck_or_bus' | 'trailer';
export type LocalInterest = 'buy' | 'lease' | 'sell' | 'test_drive' | 'service';
export type LocalFinanceStatus = 'yes' | 'no' | 'maybe';
export type LocalRating = 'cold' | 'warm' | 'hot';
export type LocalStatus = 'new' | 'in_progress' | 'won' | 'lost' | 'deleted';

export const VEHICLE_TYPE: Record<LocalVehicleType, number> = {
  car: VehicleType.Car,
  motorbike: VehicleType.MotorBike,
  boat: VehicleType.Boat,
  caravan: VehicleType.Caravan,
  truck_or_bus: VehicleType.TruckOrBus,
  trailer: VehicleType.Trailer,
};

export const INTEREST: Record<LocalInterest, number> = {
  buy: VehicleInterest.Buy,
  lease: VehicleInterest.Lease,
  sell: VehicleInterest.Sell,
  test_drive: VehicleInterest.TestDrive,
  service: VehicleInterest.Service,
};

export const FINANCE_STATUS: Record<LocalFinanceStatus, number> = {
  yes: FinanceStatus.Yes,
  no: FinanceStatus.No,
  maybe: FinanceStatus.Maybe,
};

export const RATING: Record<LocalRating, number> = { cold: Rating.Cold, warm: Rating.Warm, hot: Rating.Hot };

export const STATUS: Record<LocalStatus, number> = {
  new: LeadStatus.New,
  in_progress: LeadStatus.InProgress,
  won: LeadStatus.Won,
  lost: LeadStatus.Lost,
  deleted: LeadStatus.Deleted,
};

export const DELETED_STATUS = LeadStatus.Deleted;
export const NEW_STATUS = LeadStatus.New;

/** The host vehicle collection's types (a lead may borrow them from its linked vehicle). */
export const VEHICLE_COLLECTION_TYPE: Record<string, number> = {
  car: VehicleType.Car,
  motorbike: VehicleType.MotorBike,
  boat: VehicleType.Boat,
  caravan: VehicleType.Caravan,
  truck: VehicleType.TruckOrBus,
  trailer: VehicleType.Trailer,
};

function invert<K extends string>(map: Record<K, number>): Map<number, K> {
  return new Map(Object.entries(map).map(([k, v]) => [v as number, k as K]));
}

const REVERSE = {
  vehicleType: invert(VEHICLE_TYPE),
  interest: invert(INTEREST),
  financeStatus: invert(FINANCE_STATUS),
  rating: invert(RATING),
  status: invert(STATUS),
};

/** Local value → EasyCars number; null for null/unknown. */
export function toEasyCars<K extends string>(map: Record<K, number>, value: unknown): number | null {
  if (typeof value !== 'string') return null;
  return (map as Record<string, number>)[value] ?? null;
}

/** EasyCars number → local value; undefined when the number is not in the spec (the caller keeps its value). */
export function fromEasyCars<T extends keyof typeof REVERSE>(
  kind: T,
  value: number | null | undefined,
): (typeof REVERSE)[T] extends Map<number, infer K> ? K | null | undefined : never {
  if (value === null || value === undefined) return null as never;
  return REVERSE[kind].get(value) as never;
}

export const statusCode = (status: unknown): number | null => toEasyCars(STATUS, status);
export const statusName = (code: number | null | undefined): LocalStatus | null | undefined => fromEasyCars('status', code);
