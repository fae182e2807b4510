/**
 * StockService/GetAdvertisementStocks: request, StockItem (all 72 documented
 * fields) and the tolerant parser.
 *
 * Typing choices (see docs/easycars-client.md):
 *  - text fields are `string | null` (EasyCars sends "" for absent text, and
 *    sometimes null; both are kept as sent);
 *  - numeric fields are `number | null` (null when absent or unusable);
 *  - non-nullable booleans are `boolean` (unusable -> false, with a warning),
 *    IsDriveAway is `boolean | null`;
 *  - RegoExpiry is a `Date | null` (00:00 UTC of the documented dd/mm/yyyy day);
 *  - StockNumber is always a non-empty string (items without one are dropped
 *    with an 'invalid' warning: they cannot be identified);
 *  - fields EasyCars sends that are not documented are kept in `extra`.
 */
import {
  type CoercionContext,
  type CoercionWarning,
  extraFields,
  isRecord,
  toBoolean,
  toDate,
  toNumber,
  toText,
  warn,
} from './coerce';
import { StockTypeLetters } from './enums';

export interface GetAdvertisementStocksRequest {
  AccountNumber: string;
  AccountSecret: string;
  /** Absent = all yards. */
  YardCode?: string;
}

export interface StockItem {
  YardCode: string | null;
  YardName: string | null;
  StockNumber: string;
  Make: string | null;
  Model: string | null;
  Badge: string | null;
  RegoNum: string | null;
  VIN: string | null;
  Price: number | null;
  YearGroup: number | null;
  Odometer: number | null;
  Body: string | null;
  Colour: string | null;
  /** e.g. "2.0L" */
  EngineCapacity: string | null;
  GearType: string | null;
  FuelType: string | null;
  AdvDescription: string | null;
  Series: string | null;
  AdvSpecialPrice: number | null;
  IsDemo: boolean;
  IsSpecial: boolean;
  IsPrestiged: boolean;
  /** One letter: A car, B boat, C caravan/camper, H heavy truck/bus, M motorbike, T trailer. */
  StockType: string | null;
  IsUsed: boolean;
  /** Parsed from dd/mm/yyyy; 00:00 UTC of that day. */
  RegoExpiry: Date | null;
  VideoLink: string | null;
  DriveTrain: string | null;
  DoorNum: number | null;
  Cylinder: string | null;
  ShortDescription: string | null;
  EngineTypeDescription: string | null;
  EngineSize: number | null;
  /** "In Stock", "Sold", "On Offer" */
  StockStatus: string | null;
  GCM: number | null;
  GVM: number | null;
  Tare: number | null;
  SleepingCapacity: number | null;
  /** Text, not boolean: "", "Yes", "No" or a description. */
  Toilet: string | null;
  Shower: string | null;
  AirConditioning: string | null;
  Fridge: string | null;
  Stereo: string | null;
  SeatCapacity: number | null;
  RegoState: string | null;
  AdditionalDescription: string | null;
  IsDriveAway: boolean | null;
  InteriorColor: string | null;
  BuiltDate: string | null;
  ComplianceDate: string | null;
  EngineNumber: string | null;
  GPS: string | null;
  Wheelsize: string | null;
  TowBallWeight: string | null;
  Warranty: string | null;
  Wheels: string | null;
  AxleConfiguration: string | null;
  Location: string | null;
  /** Comma-separated; see splitList(). */
  StandardFeatures: string | null;
  OptionalFeatures: string | null;
  RedbookCode: string | null;
  NVIC: string | null;
  /** Odometer in miles. */
  IsMiles: boolean;
  GearCount: number | null;
  EnginePower: number | null;
  PowerkW: number | null;
  Powerhp: number | null;
  EngineMake: string | null;
  SerialNumber: string | null;
  /** Metres. */
  Length: number | null;
  IsDepositTaken: boolean;
  ImageCount: number;
  /** Comma-separated URLs; see stockImageUrls(). */
  ImageURLs: string | null;
  /** Fields EasyCars sent that are not documented, kept as received. */
  extra: Record<string, unknown>;
}

export type StockField = Exclude<keyof StockItem, 'extra'>;
type FieldKind = 'text' | 'number' | 'integer' | 'bool' | 'bool?' | 'date' | 'id';

/** The 72 documented fields, in the documented order, with their parsing kind. */
export const STOCK_FIELDS: Readonly<Record<StockField, FieldKind>> = {
  YardCode: 'text', YardName: 'text', StockNumber: 'id', Make: 'text', Model: 'text', Badge: 'text',
  RegoNum: 'text', VIN: 'text', Price: 'number', YearGroup: 'integer', Odometer: 'integer', Body: 'text',
  Colour: 'text', EngineCapacity: 'text', GearType: 'text', FuelType: 'text', AdvDescription: 'text',
  Series: 'text', AdvSpecialPrice: 'number', IsDemo: 'bool', IsSpecial: 'bool', IsPrestiged: 'bool',
  StockType: 'text', IsUsed: 'bool', RegoExpiry: 'date', VideoLink: 'text', DriveTrain: 'text',
  DoorNum: 'integer', Cylinder: 'text', ShortDescription: 'text', EngineTypeDescription: 'text',
  EngineSize: 'number', StockStatus: 'text', GCM: 'number', GVM: 'number', Tare: 'number',
  SleepingCapacity: 'integer', Toilet: 'text', Shower: 'text', AirConditioning: 'text', Fridge: 'text',
  Stereo: 'text', SeatCapacity: 'integer', RegoState: 'text', AdditionalDescription: 'text',
  IsDriveAway: 'bool?', InteriorColor: 'text', BuiltDate: 'text', ComplianceDate: 'text',
  EngineNumber: 'text', GPS: 'text', Wheelsize: 'text', TowBallWeight: 'text', Warranty: 'text',
  Wheels: 'text', AxleConfiguration: 'text', Location: 'text', StandardFeatures: 'text',
  OptionalFeatures: 'text', RedbookCode: 'text', NVIC: 'text', IsMiles: 'bool', GearCount: 'integer',
  EnginePower: 'number', PowerkW: 'number', Powerhp: 'number', EngineMake: 'text', SerialNumber: 'text',
  Length: 'number', IsDepositTaken: 'bool', ImageCount: 'integer', ImageURLs: 'text',
};
export const STOCK_FIELD_NAMES = Object.keys(STOCK_FIELDS) as StockField[];
const KNOWN = new Set<string>(STOCK_FIELD_NAMES);
/**
 * Every item starts as a copy of this, fields in the documented order: V8 turns an object that gets
 * 72 properties added by computed name into a hash table, ~5 KB an item against ~3 KB for filling
 * the fields a copy already has — 100 MB on a 50,000-item feed, which a sync holds to the end.
 */
const EMPTY_ITEM: Readonly<Record<string, unknown>> = Object.fromEntries([...STOCK_FIELD_NAMES, 'extra'].map((f) => [f, null]));

/** Splits a comma-separated EasyCars list ("ABS, Cruise Control,") into trimmed non-empty items. */
export function splitList(s: string | null | undefined): string[] {
  if (!s) return [];
  return s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}

/** The image URLs of a stock item, in order. */
export function stockImageUrls(item: Pick<StockItem, 'ImageURLs'>): string[] {
  return splitList(item.ImageURLs);
}

/** Parses one raw stock object. Returns null (with a warning) when it has no usable StockNumber. */
export function parseStockItem(raw: unknown, warnings: CoercionWarning[], index = 0): StockItem | null {
  if (!isRecord(raw)) {
    warnings.push({
      entity: 'stock',
      id: null,
      field: `StockList[${index}]`,
      rawValue: typeof raw,
      kind: 'invalid',
      message: `StockList[${index}] is not an object; skipped`,
    });
    return null;
  }
  const rawId = raw.StockNumber;
  const id = typeof rawId === 'string' ? rawId.trim() : typeof rawId === 'number' ? String(rawId) : '';
  const ctx: CoercionContext = { entity: 'stock', id: id || null, warnings };
  if (!id) {
    warn(ctx, 'StockNumber', rawId, 'invalid', `StockList[${index}] has no StockNumber; item skipped`);
    return null;
  }
  if (typeof rawId === 'number') warn(ctx, 'StockNumber', rawId, 'coerced', `number read as "${id}"`);

  const out: Record<string, unknown> = { ...EMPTY_ITEM };
  for (const field of STOCK_FIELD_NAMES) {
    const kind = STOCK_FIELDS[field];
    const v = raw[field];
    switch (kind) {
      case 'id':
        out[field] = id;
        break;
      case 'text':
        out[field] = toText(ctx, field, v);
        break;
      case 'number':
        out[field] = toNumber(ctx, field, v);
        break;
      case 'integer':
        out[field] = toNumber(ctx, field, v, { integer: true });
        break;
      case 'bool':
        out[field] = toBoolean(ctx, field, v);
        break;
      case 'bool?':
        out[field] = toBoolean(ctx, field, v, { nullable: true });
        break;
      case 'date':
        out[field] = toDate(ctx, field, v);
        break;
    }
  }
  const item = out as unknown as StockItem;
  if (typeof item.StockType === 'string' && item.StockType !== '') {
    const letter = item.StockType.trim().toUpperCase();
    if (!(StockTypeLetters as readonly string[]).includes(letter)) {
      warn(ctx, 'StockType', raw.StockType, 'invalid', `unknown StockType letter, kept as sent`);
    } else if (letter !== item.StockType) {
      warn(ctx, 'StockType', raw.StockType, 'coerced', `read as "${letter}"`);
      item.StockType = letter;
    }
  }
  const urls = stockImageUrls(item);
  if (item.ImageCount === null) {
    item.ImageCount = urls.length;
  } else if (item.ImageCount !== urls.length && raw.ImageCount !== undefined) {
    warn(ctx, 'ImageCount', raw.ImageCount, 'coerced', `does not match the ${urls.length} ImageURLs; kept as sent`);
  }
  item.extra = extraFields(raw, KNOWN);
  return item;
}

export interface ParsedStockList {
  items: StockItem[];
  warnings: CoercionWarning[];
}

export function parseStockList(raw: unknown, warnings: CoercionWarning[] = []): ParsedStockList {
  const items: StockItem[] = [];
  if (raw === null || raw === undefined) return { items, warnings };
  if (!Array.isArray(raw)) {
    warnings.push({
      entity: 'response',
      id: null,
      field: 'StockList',
      rawValue: typeof raw,
      kind: 'invalid',
      message: 'StockList is not a list; no stock read',
    });
    return { items, warnings };
  }
  raw.forEach((r, i) => {
    const item = parseStockItem(r, warnings, i);
    if (item) items.push(item);
  });
  return { items, warnings };
}
