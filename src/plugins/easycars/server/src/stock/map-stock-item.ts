/**
 * Pure mapping of one EasyCars StockItem to the vehicle's owned fields (logical target names;
 * see field-map.ts for renaming). No I/O, no Strapi: unit-tested field by field.
 */
import type { StockItem } from '../client/models/stock';
import { splitList, stockImageUrls } from '../client/models/stock';
import type { ResolvedFieldMap, VehicleTarget } from './field-map';

export type VehicleType = 'car' | 'motorbike' | 'boat' | 'caravan' | 'truck' | 'trailer' | 'other';
export type VehicleCondition = 'new' | 'used' | 'demo';
export type VehicleStatus = 'available' | 'under_offer' | 'sold' | 'withdrawn';

export interface MappedVehicle {
  title: string;
  stockNumber: string;
  vin: string | null;
  registration: string | null;
  registrationState: string | null;
  /** yyyy-mm-dd */
  registrationExpiry: string | null;
  vehicleType: VehicleType;
  make: string | null;
  model: string | null;
  badge: string | null;
  series: string | null;
  year: number | null;
  /** null = no price (never 0). */
  price: number | null;
  specialPrice: number | null;
  driveAway: boolean | null;
  odometer: number | null;
  odometerUnit: 'km' | 'miles';
  bodyType: string | null;
  colour: string | null;
  interiorColour: string | null;
  transmission: string | null;
  fuelType: string | null;
  driveType: string | null;
  engine: string | null;
  doors: number | null;
  seats: number | null;
  condition: VehicleCondition;
  saleStatus: VehicleStatus;
  description: string | null;
  features: { standard: string[]; optional: string[] };
  videoUrl: string | null;
  yard: string | null;
}

export interface MapWarning {
  /** StockNumber */
  ref: string;
  field: string;
  message: string;
  value?: unknown;
}

export interface MapResult {
  vehicle: MappedVehicle;
  imageUrls: string[];
  warnings: MapWarning[];
}

export const STOCK_TYPE_TO_VEHICLE_TYPE: Readonly<Record<string, VehicleType>> = {
  A: 'car',
  B: 'boat',
  C: 'caravan',
  H: 'truck',
  M: 'motorbike',
  T: 'trailer',
};

export const STOCK_STATUS_TO_VEHICLE_STATUS: Readonly<Record<string, VehicleStatus>> = {
  'in stock': 'available',
  'on offer': 'under_offer',
  sold: 'sold',
};

/** "" and whitespace are EasyCars' way of saying "absent". */
export function text(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const t = value.trim();
  return t === '' ? null : t;
}

const joinWords = (...parts: Array<string | null | undefined>) => {
  const s = parts.map((p) => text(p ?? null)).filter(Boolean).join(' ');
  return s === '' ? null : s.replace(/\s+/g, ' ');
};

export function vehicleTitle(item: Pick<StockItem, 'YearGroup' | 'Make' | 'Model' | 'Badge' | 'StockNumber'>): string {
  return joinWords(item.YearGroup ? String(item.YearGroup) : null, item.Make, item.Model, item.Badge) ?? `Stock ${item.StockNumber}`;
}

export function vehicleTypeOf(item: Pick<StockItem, 'StockType' | 'StockNumber'>, warnings: MapWarning[]): VehicleType {
  const letter = text(item.StockType)?.toUpperCase();
  if (!letter) {
    warnings.push({ ref: item.StockNumber, field: 'StockType', message: 'no StockType; vehicle type set to "other"', value: item.StockType });
    return 'other';
  }
  const type = STOCK_TYPE_TO_VEHICLE_TYPE[letter];
  if (!type) {
    warnings.push({ ref: item.StockNumber, field: 'StockType', message: `unknown StockType "${letter}"; vehicle type set to "other"`, value: item.StockType });
    return 'other';
  }
  return type;
}

/** IsDemo wins over IsUsed (a demonstrator is also "used" in some feeds). */
export function conditionOf(item: Pick<StockItem, 'IsDemo' | 'IsUsed'>): VehicleCondition {
  if (item.IsDemo) return 'demo';
  return item.IsUsed ? 'used' : 'new';
}

export function statusOf(item: Pick<StockItem, 'StockStatus' | 'StockNumber'>, warnings: MapWarning[]): VehicleStatus {
  const raw = text(item.StockStatus);
  if (!raw) return 'available';
  const status = STOCK_STATUS_TO_VEHICLE_STATUS[raw.toLowerCase().replace(/\s+/g, ' ')];
  if (!status) {
    warnings.push({ ref: item.StockNumber, field: 'StockStatus', message: `unknown StockStatus "${raw}"; status set to "available"`, value: raw });
    return 'available';
  }
  return status;
}

/** A money value: null stays null (no price); negative is unusable. */
export function money(item: Pick<StockItem, 'StockNumber'>, field: string, value: number | null, warnings: MapWarning[]): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || value < 0) {
    warnings.push({ ref: item.StockNumber, field, message: `${field} ${value} is not a usable price; left empty`, value });
    return null;
  }
  return Math.round(value * 100) / 100;
}

function wholeNumber(item: Pick<StockItem, 'StockNumber'>, field: string, value: number | null, warnings: MapWarning[], min = 0, max = Number.MAX_SAFE_INTEGER): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < min || value > max) {
    warnings.push({ ref: item.StockNumber, field, message: `${field} ${value} is out of range (${min}..${max}); left empty`, value });
    return null;
  }
  return value;
}

/** Date (00:00 UTC of the dd/mm/yyyy day, as the client parses it) -> "yyyy-mm-dd". */
export function isoDate(value: Date | null): string | null {
  if (!value || Number.isNaN(value.getTime())) return null;
  return value.toISOString().slice(0, 10);
}

/** "2.0L 4 cyl Turbo Diesel 150 kW" from whichever of the engine fields are present. */
export function engineText(item: Pick<StockItem, 'EngineCapacity' | 'EngineSize' | 'Cylinder' | 'EngineTypeDescription' | 'PowerkW'>): string | null {
  const capacity = text(item.EngineCapacity) ?? (item.EngineSize ? `${item.EngineSize} cc` : null);
  const cyl = text(item.Cylinder);
  const cylinders = cyl ? (/^\d+$/.test(cyl) ? `${cyl} cyl` : cyl) : null;
  const power = item.PowerkW ? `${item.PowerkW} kW` : null;
  return joinWords(capacity, cylinders, item.EngineTypeDescription, power);
}

/** "Automatic (6-speed)" */
export function transmissionText(item: Pick<StockItem, 'GearType' | 'GearCount'>): string | null {
  const gear = text(item.GearType);
  if (!gear) return null;
  return item.GearCount && item.GearCount > 1 ? `${gear} (${item.GearCount}-speed)` : gear;
}

export function descriptionText(item: Pick<StockItem, 'AdvDescription' | 'ShortDescription' | 'AdditionalDescription'>): string | null {
  const main = text(item.AdvDescription) ?? text(item.ShortDescription);
  const more = text(item.AdditionalDescription);
  const parts = [main, more].filter(Boolean);
  return parts.length ? parts.join('\n\n') : null;
}

export function mapStockItem(item: StockItem): MapResult {
  const warnings: MapWarning[] = [];
  const vehicle: MappedVehicle = {
    title: vehicleTitle(item),
    stockNumber: item.StockNumber,
    vin: text(item.VIN)?.toUpperCase() ?? null,
    registration: text(item.RegoNum),
    registrationState: text(item.RegoState)?.toUpperCase() ?? null,
    registrationExpiry: isoDate(item.RegoExpiry),
    vehicleType: vehicleTypeOf(item, warnings),
    make: text(item.Make),
    model: text(item.Model),
    badge: text(item.Badge),
    series: text(item.Series),
    year: wholeNumber(item, 'YearGroup', item.YearGroup, warnings, 1900, 2100),
    price: money(item, 'Price', item.Price, warnings),
    specialPrice: money(item, 'AdvSpecialPrice', item.AdvSpecialPrice, warnings),
    driveAway: item.IsDriveAway ?? null,
    odometer: wholeNumber(item, 'Odometer', item.Odometer, warnings),
    odometerUnit: item.IsMiles ? 'miles' : 'km',
    bodyType: text(item.Body),
    colour: text(item.Colour),
    interiorColour: text(item.InteriorColor),
    transmission: transmissionText(item),
    fuelType: text(item.FuelType),
    driveType: text(item.DriveTrain),
    engine: engineText(item),
    doors: wholeNumber(item, 'DoorNum', item.DoorNum, warnings),
    seats: wholeNumber(item, 'SeatCapacity', item.SeatCapacity, warnings),
    condition: conditionOf(item),
    saleStatus: statusOf(item, warnings),
    description: descriptionText(item),
    features: { standard: splitList(item.StandardFeatures), optional: splitList(item.OptionalFeatures) },
    videoUrl: text(item.VideoLink),
    yard: text(item.YardName) ?? text(item.YardCode),
  };
  return { vehicle, imageUrls: stockImageUrls(item), warnings };
}

/**
 * The data to write: mapped values under the configured attribute names, plus the dealership
 * relation (by documentId). Targets switched off in the map are left out, so never touched.
 */
export function toVehicleData(vehicle: MappedVehicle, map: ResolvedFieldMap, dealershipDocumentId: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [target, value] of Object.entries(vehicle) as Array<[VehicleTarget, unknown]>) {
    const attr = map[target];
    if (attr) data[attr] = value;
  }
  if (map.dealership) data[map.dealership] = dealershipDocumentId;
  return data;
}
