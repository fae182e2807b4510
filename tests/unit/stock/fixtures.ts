import { parseStockItem, type StockItem } from '../../../src/plugins/easycars/server/src/client/models/stock';

/** A complete raw StockItem as EasyCars documents it (all 72 fields). */
export function rawItem(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    YardCode: 'MAIN', YardName: 'Main Yard', StockNumber: '10001', Make: 'Toyota', Model: 'Corolla', Badge: 'Ascent Sport',
    RegoNum: 'AB12CD', VIN: 'jtm1234567890abcd', Price: 27990, YearGroup: 2021, Odometer: 35120, Body: 'Hatchback',
    Colour: 'Glacier White', EngineCapacity: '2.0L', GearType: 'Automatic', FuelType: 'Petrol',
    AdvDescription: 'One owner.', Series: 'MZEA12R', AdvSpecialPrice: 26990, IsDemo: false, IsSpecial: true,
    IsPrestiged: false, StockType: 'A', IsUsed: true, RegoExpiry: '15/03/2026', VideoLink: '', DriveTrain: 'FWD',
    DoorNum: 5, Cylinder: '4', ShortDescription: '2021 Toyota Corolla', EngineTypeDescription: 'Piston', EngineSize: 1987,
    StockStatus: 'In Stock', GCM: null, GVM: 1825, Tare: null, SleepingCapacity: null, Toilet: '', Shower: '',
    AirConditioning: 'Yes', Fridge: '', Stereo: 'DAB+', SeatCapacity: 5, RegoState: 'nsw', AdditionalDescription: '',
    IsDriveAway: false, InteriorColor: 'Black cloth', BuiltDate: '01/2021', ComplianceDate: '02/2021', EngineNumber: 'M20A123456',
    GPS: 'Yes', Wheelsize: '16"', TowBallWeight: '', Warranty: '3 months statutory', Wheels: 'Alloy', AxleConfiguration: '',
    Location: 'Parramatta', StandardFeatures: 'ABS, Cruise Control,Reversing Camera,', OptionalFeatures: 'Tow bar',
    RedbookCode: 'AUVTOYO2021', NVIC: 'ABC123', IsMiles: false, GearCount: 10, EnginePower: 126, PowerkW: 126, Powerhp: 169,
    EngineMake: '', SerialNumber: '', Length: null, IsDepositTaken: false, ImageCount: 2,
    ImageURLs: 'https://images.easycars.com.au/a/1.jpg,https://images.easycars.com.au/a/2.jpg',
    ...overrides,
  };
}

export function item(overrides: Record<string, unknown> = {}): StockItem {
  const warnings: any[] = [];
  const parsed = parseStockItem(rawItem(overrides), warnings);
  if (!parsed) throw new Error('fixture did not parse');
  return parsed;
}
