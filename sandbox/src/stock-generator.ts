/**
 * Deterministic stock generation: item i of an account is a function of
 * (seed, accountNumber, i) only. Field names, types and empty strings follow
 * the vendor's StockItem documentation and example.
 */
import { CARS, COLOURS, INTERIORS, OPTIONAL_FEATURES, OTHER, REGO_STATES, STANDARD_FEATURES, WARRANTIES, type VehicleModelSpec } from './catalogue';
import { imagePath, renderImage } from './images';
import { Rng } from './prng';
import type { SandboxAccount } from './seed';

export type RawStockItem = Record<string, unknown> & { StockNumber: string };

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const CURRENT_YEAR = 2025;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function generateVin(seed: number, accountNumber: string, index: number, wmi = 'JTM'): string {
  const rng = new Rng(`${seed}:vin:${accountNumber}:${index}`);
  const w = (wmi || rng.chars(VIN_CHARS, 3)).padEnd(3, 'A').slice(0, 3);
  return `${w}${rng.chars(VIN_CHARS, 14)}`;
}

function plate(rng: Rng, state: string): string {
  const L = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  switch (state) {
    case 'NSW':
      return `${rng.chars(L, 2)}${rng.int(10, 99)}${rng.chars(L, 2)}`;
    case 'VIC':
      return `${rng.chars(L, 3)}${rng.int(100, 999)}`;
    case 'QLD':
      return `${rng.int(100, 999)}${rng.chars(L, 3)}`;
    default:
      return `${rng.chars(L, 3)}${rng.int(10, 99)}${rng.chars(L, 1)}`;
  }
}

function spec(rng: Rng): VehicleModelSpec {
  const type = rng.weighted([['A', 80], ['M', 5], ['B', 4], ['C', 5], ['H', 3], ['T', 3]] as const);
  return type === 'A' ? rng.pick(CARS) : rng.pick(OTHER.filter((o) => o.stockType === type));
}

export interface GenerateOptions {
  seed: number;
  imageBaseUrl: string;
  /** VIN to force (shared VINs between accounts). */
  vin?: string;
  /** Registers each image so that the server can serve it. */
  onImage?: (path: string, img: ReturnType<typeof renderImage>) => void;
}

export function stockNumberFor(account: SandboxAccount, index: number): string {
  return String(account.stockNumberStart + index);
}

export function generateStockItem(account: SandboxAccount, index: number, opts: GenerateOptions): RawStockItem {
  const rng = new Rng(`${opts.seed}:stock:${account.accountNumber}:${index}`);
  const s = spec(rng);
  const stockNumber = stockNumberFor(account, index);
  const yard = rng.weighted(account.yards.map((y) => [y, y.weight ?? 1] as const));
  const drawn = rng.weighted([['used', 70], ['new', 22], ['demo', 8]] as const);
  const condition = s.lastYear ? 'used' : drawn;
  const isUsed = condition === 'used';
  const isDemo = condition === 'demo';
  const year = isUsed ? rng.int(Math.max(s.firstYear, 2008), Math.min(s.lastYear ?? CURRENT_YEAR - 1, CURRENT_YEAR - 1)) : condition === 'demo' ? rng.int(CURRENT_YEAR - 1, CURRENT_YEAR) : CURRENT_YEAR;
  const badge = rng.pick(s.badges);
  const series = rng.pick(s.series);
  const fuel = rng.pick(s.fuel);
  const age = CURRENT_YEAR - year;
  const basePrice = s.newPrice > 0 ? s.newPrice : 45000;
  const priceRaw = isUsed ? basePrice * Math.pow(0.86, age) * (0.85 + rng.next() * 0.3) : isDemo ? basePrice * 0.92 : basePrice;
  const price = Math.max(1500, Math.round(priceRaw / 10) * 10 - 10);
  const hasPrice = !rng.chance(0.05);
  const motorised = s.stockType === 'A' || s.stockType === 'M' || s.stockType === 'H';
  const odometer = !motorised
    ? null
    : isUsed
      ? Math.max(1200, Math.round(age * rng.int(9000, 22000) * (s.stockType === 'M' ? 0.4 : 1)))
      : isDemo
        ? rng.int(500, 8000)
        : rng.int(5, 50);
  const regoState = rng.weighted(REGO_STATES);
  const registered = s.stockType !== 'B' && (isUsed || isDemo);
  const regoExpiry = registered ? `${pad(rng.int(1, 28))}/${pad(rng.int(1, 12))}/${CURRENT_YEAR + rng.int(0, 1)}` : null;
  const status = rng.weighted([['In Stock', 88], ['Sold', 6], ['On Offer', 6]] as const);
  const special = rng.chance(0.1);
  const colour = rng.pick(COLOURS);
  const engineCapacity = s.engineL > 0 ? `${s.engineL.toFixed(1)}L` : '';
  const std = rng.sample(STANDARD_FEATURES, s.stockType === 'A' ? rng.int(4, 12) : rng.int(0, 3));
  const opt = rng.sample(OPTIONAL_FEATURES, rng.int(0, 4));
  const imageCount = rng.chance(0.05) ? 0 : rng.int(1, 20);
  const urls: string[] = [];
  for (let i = 0; i < imageCount; i++) {
    const img = renderImage(`${opts.seed}/${account.accountNumber}/${stockNumber}/${i}`);
    const path = imagePath(account.accountNumber, stockNumber, img);
    opts.onImage?.(path, img);
    urls.push(`${opts.imageBaseUrl}${path}`);
  }
  const title = `${year} ${s.make} ${s.model} ${badge}${series ? ` ${series}` : ''}`;
  const gearType = s.gears <= 1 ? 'Automatic' : rng.chance(s.stockType === 'M' ? 1 : 0.85) ? (s.stockType === 'M' ? 'Manual' : 'Automatic') : 'Manual';
  const heavy = s.stockType === 'H' || s.stockType === 'C' || s.stockType === 'T';
  const caravan = s.stockType === 'C';
  const kw = s.kw > 0 ? s.kw : null;

  return {
    YardCode: yard.code,
    YardName: yard.name,
    StockNumber: stockNumber,
    Make: s.make,
    Model: s.model,
    Badge: badge,
    RegoNum: registered ? plate(rng, regoState) : '',
    VIN: opts.vin ?? (s.stockType === 'B' ? '' : generateVin(opts.seed, account.accountNumber, index, s.wmi)),
    Price: hasPrice ? price : null,
    YearGroup: year,
    Odometer: odometer,
    Body: s.body,
    Colour: colour,
    EngineCapacity: engineCapacity,
    GearType: s.stockType === 'T' || s.stockType === 'C' ? '' : gearType,
    FuelType: fuel,
    AdvDescription: `${title} in ${colour}. ${isUsed ? `One owner, ${odometer ?? 0} km, full service history.` : isDemo ? 'Ex-demonstrator, balance of new car warranty.' : 'Brand new, available now.'} Finance available, trade-ins welcome. Visit ${yard.name} today.`,
    Series: series,
    AdvSpecialPrice: special && hasPrice ? Math.round(price * 0.95 / 10) * 10 - 10 : null,
    IsDemo: isDemo,
    IsSpecial: special,
    IsPrestiged: s.newPrice > 90000 && rng.chance(0.5),
    StockType: s.stockType,
    IsUsed: isUsed,
    RegoExpiry: regoExpiry,
    VideoLink: rng.chance(0.1) ? `https://www.youtube.com/watch?v=${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-', 11)}` : '',
    DriveTrain: s.drive,
    DoorNum: s.doors,
    Cylinder: s.cylinders > 0 ? String(s.cylinders) : '',
    ShortDescription: title,
    EngineTypeDescription: s.engineL > 0 ? (fuel === 'Diesel' ? 'Turbo Diesel' : 'Piston') : fuel === 'Electric' ? 'Electric' : '',
    EngineSize: s.engineL > 0 ? Math.round(s.engineL * 1000) : null,
    StockStatus: status,
    GCM: s.stockType === 'H' ? rng.pick([8000, 9500, 11000]) : null,
    GVM: heavy ? (s.stockType === 'H' ? rng.pick([4500, 5500, 6500]) : rng.int(750, 3500)) : s.stockType === 'A' ? rng.int(2000, 3300) : null,
    Tare: heavy ? rng.int(350, 2800) : null,
    SleepingCapacity: caravan ? rng.int(2, 6) : null,
    Toilet: caravan ? rng.pick(['Yes', 'No', 'Cassette', '']) : '',
    Shower: caravan ? rng.pick(['Yes', 'No', 'Combined ensuite']) : '',
    AirConditioning: caravan ? rng.pick(['Yes', 'No', 'Roof mounted reverse cycle']) : s.stockType === 'A' || s.stockType === 'H' ? rng.pick(['Yes', 'Climate control', '']) : '',
    Fridge: caravan ? rng.pick(['Yes', '3-way 184L', 'Compressor 190L']) : '',
    Stereo: s.stockType === 'A' ? rng.pick(['AM/FM Bluetooth', 'DAB+ 8 speaker', '']) : '',
    SeatCapacity: s.seats,
    RegoState: registered ? regoState : '',
    AdditionalDescription: rng.chance(0.2) ? 'Roadworthy certificate included. Ask about our extended warranty.' : '',
    IsDriveAway: rng.chance(0.15) ? null : !isUsed && rng.chance(0.6),
    InteriorColor: s.stockType === 'A' ? rng.pick(INTERIORS) : '',
    BuiltDate: `${pad(rng.int(1, 12))}/${year - (rng.chance(0.3) ? 1 : 0)}`,
    ComplianceDate: s.stockType === 'B' ? '' : `${pad(rng.int(1, 12))}/${year}`,
    EngineNumber: motorised ? rng.chars(VIN_CHARS, 3) + String(rng.int(100000, 999999)) : '',
    GPS: s.stockType === 'A' ? rng.pick(['Yes', 'No', 'Factory satellite navigation', '']) : '',
    Wheelsize: s.stockType === 'A' ? `${rng.int(15, 20)}"` : '',
    TowBallWeight: caravan || s.stockType === 'T' ? `${rng.int(8, 25) * 10}kg` : '',
    Warranty: isUsed ? rng.pick(WARRANTIES) : 'New vehicle factory warranty',
    Wheels: s.stockType === 'B' ? '' : rng.pick(['Alloy', 'Steel', 'Alloy']),
    AxleConfiguration: caravan || s.stockType === 'T' ? rng.pick(['Single', 'Tandem']) : '',
    Location: yard.location,
    StandardFeatures: std.join(','),
    OptionalFeatures: opt.join(','),
    RedbookCode: s.stockType === 'A' ? `AUV${s.make.slice(0, 4).toUpperCase()}${year}${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 4)}` : '',
    NVIC: s.stockType === 'A' ? rng.chars('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 6) : '',
    IsMiles: rng.chance(0.01),
    GearCount: s.gears > 0 ? s.gears : null,
    EnginePower: kw,
    PowerkW: kw,
    Powerhp: kw ? Math.round(kw * 1.341) : null,
    EngineMake: s.stockType === 'B' ? rng.pick(['Yamaha', 'Mercury', 'Honda']) : '',
    SerialNumber: s.stockType === 'B' ? `AU-${rng.chars('ABCDEFGHJKLMNPRSTUVWXYZ', 3)}${rng.int(10000, 99999)}` : '',
    Length: s.stockType === 'B' ? rng.int(40, 70) / 10 : caravan ? rng.int(45, 80) / 10 : s.stockType === 'T' ? rng.int(21, 43) / 10 : null,
    IsDepositTaken: status === 'On Offer' ? true : status === 'Sold' ? rng.chance(0.5) : false,
    ImageCount: imageCount,
    ImageURLs: urls.join(','),
  };
}

/** The 72 documented field names, in order. */
export const STOCK_FIELD_ORDER = [
  'YardCode', 'YardName', 'StockNumber', 'Make', 'Model', 'Badge', 'RegoNum', 'VIN', 'Price', 'YearGroup', 'Odometer', 'Body',
  'Colour', 'EngineCapacity', 'GearType', 'FuelType', 'AdvDescription', 'Series', 'AdvSpecialPrice', 'IsDemo', 'IsSpecial',
  'IsPrestiged', 'StockType', 'IsUsed', 'RegoExpiry', 'VideoLink', 'DriveTrain', 'DoorNum', 'Cylinder', 'ShortDescription',
  'EngineTypeDescription', 'EngineSize', 'StockStatus', 'GCM', 'GVM', 'Tare', 'SleepingCapacity', 'Toilet', 'Shower',
  'AirConditioning', 'Fridge', 'Stereo', 'SeatCapacity', 'RegoState', 'AdditionalDescription', 'IsDriveAway', 'InteriorColor',
  'BuiltDate', 'ComplianceDate', 'EngineNumber', 'GPS', 'Wheelsize', 'TowBallWeight', 'Warranty', 'Wheels', 'AxleConfiguration',
  'Location', 'StandardFeatures', 'OptionalFeatures', 'RedbookCode', 'NVIC', 'IsMiles', 'GearCount', 'EnginePower', 'PowerkW',
  'Powerhp', 'EngineMake', 'SerialNumber', 'Length', 'IsDepositTaken', 'ImageCount', 'ImageURLs',
] as const;

/** Generates items 0..count-1 of an account (shared VINs resolved against `accounts`). */
export function generateStockList(
  account: SandboxAccount,
  count: number,
  accounts: SandboxAccount[],
  opts: GenerateOptions,
): RawStockItem[] {
  const items: RawStockItem[] = [];
  for (let i = 0; i < count; i++) {
    const shared = account.sharedVins?.find((v) => v.index === i);
    let vin: string | undefined;
    if (shared) {
      const from = accounts.find((a) => a.accountNumber === shared.fromAccount);
      if (from) vin = generateStockItem(from, shared.fromIndex, { seed: opts.seed, imageBaseUrl: opts.imageBaseUrl }).VIN as string;
    }
    items.push(generateStockItem(account, i, { ...opts, ...(vin ? { vin } : {}) }));
  }
  return items;
}
