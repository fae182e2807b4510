/** Realistic Australian dealer stock: makes, models, badges, series... */
export interface VehicleModelSpec {
  stockType: 'A' | 'B' | 'C' | 'H' | 'M' | 'T';
  make: string;
  model: string;
  body: string;
  badges: string[];
  series: string[];
  fuel: string[];
  drive: string;
  engineL: number;
  cylinders: number;
  doors: number | null;
  seats: number | null;
  gears: number;
  kw: number;
  newPrice: number;
  wmi: string;
  firstYear: number;
  /** Last model year (discontinued models are only sold used). */
  lastYear?: number;
}

const car = (
  make: string, model: string, body: string, badges: string[], series: string[], fuel: string[], drive: string,
  engineL: number, cylinders: number, doors: number, seats: number, gears: number, kw: number, newPrice: number, wmi: string, firstYear = 2012,
): VehicleModelSpec => ({ stockType: 'A', make, model, body, badges, series, fuel, drive, engineL, cylinders, doors, seats, gears, kw, newPrice, wmi, firstYear });

export const CARS: VehicleModelSpec[] = [
  car('Toyota', 'Corolla', 'Hatchback', ['Ascent Sport', 'SX', 'ZR'], ['ZRE182R', 'MZEA12R'], ['Petrol', 'Hybrid'], 'FWD', 2.0, 4, 5, 5, 10, 126, 31990, 'JTN'),
  car('Toyota', 'HiLux', 'Utility', ['Workmate', 'SR', 'SR5', 'Rogue'], ['GUN126R', 'GUN136R'], ['Diesel'], '4WD', 2.8, 4, 4, 5, 6, 150, 62990, 'MR0'),
  car('Toyota', 'RAV4', 'SUV', ['GX', 'GXL', 'Cruiser', 'Edge'], ['AXAA54R', 'AXAH54R'], ['Petrol', 'Hybrid'], 'AWD', 2.5, 4, 5, 5, 8, 163, 44990, 'JTM', 2019),
  car('Toyota', 'LandCruiser', 'Wagon', ['GX', 'GXL', 'VX', 'Sahara'], ['FJA300R', 'VDJ200R'], ['Diesel'], '4WD', 3.3, 6, 5, 7, 10, 227, 98990, 'JTM'),
  car('Mazda', 'CX-5', 'SUV', ['Maxx', 'Maxx Sport', 'Touring', 'Akera'], ['KF Series'], ['Petrol'], 'AWD', 2.5, 4, 5, 5, 6, 140, 41990, 'JM0', 2017),
  car('Mazda', '3', 'Hatchback', ['G20 Pure', 'G20 Evolve', 'G25 GT', 'G25 Astina'], ['BP Series'], ['Petrol'], 'FWD', 2.0, 4, 5, 5, 6, 114, 33990, 'JM0', 2019),
  car('Ford', 'Ranger', 'Utility', ['XL', 'XLT', 'Sport', 'Wildtrak', 'Raptor'], ['PX MkIII', 'PY'], ['Diesel'], '4WD', 2.0, 4, 4, 5, 10, 154, 64990, 'MNA'),
  car('Ford', 'Everest', 'Wagon', ['Ambiente', 'Trend', 'Sport', 'Platinum'], ['UA II', 'UB'], ['Diesel'], '4WD', 3.0, 6, 5, 7, 10, 184, 72990, 'MNA'),
  car('Hyundai', 'i30', 'Hatchback', ['Active', 'Elite', 'N Line', 'N Line Premium'], ['PD.V4', 'CN7'], ['Petrol'], 'FWD', 2.0, 4, 5, 5, 6, 120, 29990, 'KMH'),
  car('Hyundai', 'Tucson', 'SUV', ['Tucson', 'Elite', 'Highlander'], ['NX4.V1', 'NX4.V2'], ['Petrol', 'Diesel', 'Hybrid'], 'AWD', 2.0, 4, 5, 5, 8, 115, 41990, 'KMH', 2021),
  car('Kia', 'Cerato', 'Sedan', ['S', 'Sport', 'Sport+', 'GT'], ['BD MY22'], ['Petrol'], 'FWD', 2.0, 4, 4, 5, 6, 112, 28990, 'KNA', 2018),
  car('Kia', 'Sportage', 'SUV', ['S', 'SX', 'SX+', 'GT-Line'], ['NQ5 MY24'], ['Petrol', 'Diesel'], 'AWD', 2.0, 4, 5, 5, 8, 137, 43990, 'KNA', 2022),
  car('Mitsubishi', 'Triton', 'Utility', ['GLX', 'GLX+', 'GLS', 'GSR'], ['MR MY22', 'MV MY24'], ['Diesel'], '4WD', 2.4, 4, 4, 5, 6, 133, 52990, 'MMB'),
  car('Mitsubishi', 'Outlander', 'SUV', ['ES', 'LS', 'Aspire', 'Exceed'], ['ZM MY23'], ['Petrol', 'Hybrid'], 'AWD', 2.5, 4, 5, 7, 8, 135, 42990, 'JMF', 2021),
  car('Nissan', 'Navara', 'Utility', ['SL', 'ST', 'ST-X', 'PRO-4X'], ['D23 S4', 'D23 MY21'], ['Diesel'], '4WD', 2.3, 4, 4, 5, 7, 140, 58990, 'MNT'),
  car('Nissan', 'X-Trail', 'SUV', ['ST', 'ST-L', 'Ti', 'Ti-L'], ['T32', 'T33'], ['Petrol', 'Hybrid'], 'AWD', 2.5, 4, 5, 7, 7, 135, 43990, 'JN1'),
  car('Volkswagen', 'Golf', 'Hatchback', ['110TSI Life', '110TSI R-Line', 'GTI', 'R'], ['8 MY23', '7.5 MY20'], ['Petrol'], 'FWD', 1.4, 4, 5, 5, 8, 110, 38990, 'WVW'),
  car('Volkswagen', 'Amarok', 'Utility', ['Core', 'Life', 'Style', 'Aventura'], ['2H MY20', 'NF MY23'], ['Diesel'], '4WD', 2.0, 4, 4, 5, 10, 154, 64990, 'WV1'),
  car('Subaru', 'Outback', 'Wagon', ['AWD', 'AWD Sport', 'AWD Touring'], ['6GEN MY23'], ['Petrol'], 'AWD', 2.5, 4, 5, 5, 8, 138, 47990, 'JF1', 2021),
  car('Subaru', 'Forester', 'SUV', ['2.5i', '2.5i-L', '2.5i Premium', '2.5i-S'], ['S5 MY22'], ['Petrol', 'Hybrid'], 'AWD', 2.5, 4, 5, 5, 8, 136, 41990, 'JF1'),
  { ...car('Holden', 'Commodore', 'Sedan', ['Evoke', 'SV6', 'SS-V Redline', 'Calais V'], ['VF II MY16', 'VE II MY12'], ['Petrol'], 'RWD', 3.6, 6, 4, 5, 6, 210, 45000, '6G1', 2010), lastYear: 2017 },
  car('Isuzu', 'D-MAX', 'Utility', ['SX', 'LS-M', 'LS-U', 'X-Terrain'], ['RG MY23'], ['Diesel'], '4WD', 3.0, 4, 4, 5, 6, 140, 59990, 'MPA', 2020),
  car('Tesla', 'Model 3', 'Sedan', ['Rear-Wheel Drive', 'Long Range', 'Performance'], ['MY23', 'MY24'], ['Electric'], 'RWD', 0, 0, 4, 5, 1, 208, 61900, 'LRW', 2019),
  car('MG', 'ZS', 'SUV', ['Excite', 'Essence', 'Vibe'], ['AZS1 MY23'], ['Petrol', 'Hybrid'], 'FWD', 1.5, 4, 5, 5, 4, 84, 25990, 'LSJ', 2018),
];

export const OTHER: VehicleModelSpec[] = [
  { stockType: 'M', make: 'Yamaha', model: 'MT-07', body: 'Naked', badges: ['LAMS', 'Pure'], series: ['MY23'], fuel: ['Petrol'], drive: 'Chain', engineL: 0.7, cylinders: 2, doors: null, seats: 2, gears: 6, kw: 52, newPrice: 11999, wmi: 'JYA', firstYear: 2016 },
  { stockType: 'M', make: 'Honda', model: 'CB500X', body: 'Adventure', badges: ['LAMS'], series: ['MY22'], fuel: ['Petrol'], drive: 'Chain', engineL: 0.5, cylinders: 2, doors: null, seats: 2, gears: 6, kw: 35, newPrice: 10499, wmi: 'MLH', firstYear: 2016 },
  { stockType: 'M', make: 'Kawasaki', model: 'Ninja 400', body: 'Sports', badges: ['KRT Edition', 'ABS'], series: ['EX400'], fuel: ['Petrol'], drive: 'Chain', engineL: 0.4, cylinders: 2, doors: null, seats: 2, gears: 6, kw: 33, newPrice: 8999, wmi: 'JKA', firstYear: 2018 },
  { stockType: 'B', make: 'Quintrex', model: '420 Renegade', body: 'Open Boat', badges: ['Side Console'], series: [''], fuel: ['Petrol'], drive: 'Outboard', engineL: 0, cylinders: 0, doors: null, seats: 4, gears: 0, kw: 44, newPrice: 34990, wmi: '', firstYear: 2014 },
  { stockType: 'B', make: 'Stacer', model: '469 Sea Master', body: 'Half Cabin', badges: ['Sport'], series: [''], fuel: ['Petrol'], drive: 'Outboard', engineL: 0, cylinders: 0, doors: null, seats: 5, gears: 0, kw: 67, newPrice: 49990, wmi: '', firstYear: 2015 },
  { stockType: 'C', make: 'Jayco', model: 'Journey', body: 'Caravan', badges: ['21.66-3 Outback', '19.61-3'], series: ['JOURNEY.21'], fuel: [''], drive: '', engineL: 0, cylinders: 0, doors: 1, seats: null, gears: 0, kw: 0, newPrice: 82990, wmi: '6Y9', firstYear: 2012 },
  { stockType: 'C', make: 'Avan', model: 'Aspire', body: 'Camper Trailer', badges: ['503 Touring'], series: ['MY23'], fuel: [''], drive: '', engineL: 0, cylinders: 0, doors: 1, seats: null, gears: 0, kw: 0, newPrice: 54990, wmi: '6F9', firstYear: 2015 },
  { stockType: 'H', make: 'Isuzu', model: 'NPR', body: 'Cab Chassis', badges: ['45-155 AMT'], series: ['N Series'], fuel: ['Diesel'], drive: 'RWD', engineL: 5.2, cylinders: 4, doors: 2, seats: 3, gears: 6, kw: 114, newPrice: 79990, wmi: 'JAA', firstYear: 2012 },
  { stockType: 'H', make: 'Hino', model: '300 Series', body: 'Tipper', badges: ['616 Auto'], series: ['XKU'], fuel: ['Diesel'], drive: 'RWD', engineL: 4.0, cylinders: 4, doors: 2, seats: 3, gears: 6, kw: 110, newPrice: 84990, wmi: 'JHH', firstYear: 2012 },
  { stockType: 'T', make: 'Brian James', model: 'Cargo Star', body: 'Box Trailer', badges: ['7x5'], series: [''], fuel: [''], drive: '', engineL: 0, cylinders: 0, doors: null, seats: null, gears: 0, kw: 0, newPrice: 5990, wmi: '6K9', firstYear: 2012 },
  { stockType: 'T', make: 'Custom', model: 'Tandem Trailer', body: 'Car Carrier', badges: ['14x6'], series: [''], fuel: [''], drive: '', engineL: 0, cylinders: 0, doors: null, seats: null, gears: 0, kw: 0, newPrice: 8990, wmi: '6T9', firstYear: 2012 },
];

export const COLOURS = ['Glacier White', 'Crystal Pearl', 'Eclipse Black', 'Silver Pearl', 'Graphite', 'Soul Red Crystal', 'Deep Blue', 'Arctic White', 'Magnetic Grey', 'Bronze', 'Lunar Silver'];
export const INTERIORS = ['Black Cloth', 'Black Leather', 'Grey Cloth', 'Tan Leather', 'Charcoal', ''];
export const REGO_STATES: Array<readonly [string, number]> = [['NSW', 70], ['VIC', 8], ['QLD', 8], ['ACT', 8], ['SA', 2], ['WA', 2], ['TAS', 1], ['NT', 1]];
export const STANDARD_FEATURES = ['ABS', 'Air Conditioning', 'Bluetooth', 'Cruise Control', 'Reversing Camera', 'Apple CarPlay', 'Android Auto', 'Lane Keep Assist', 'Autonomous Emergency Braking', 'Keyless Entry', 'Power Windows', 'Alloy Wheels', 'Parking Sensors', 'Dual-zone Climate Control', 'Auto Headlights', 'Rain-sensing Wipers'];
export const OPTIONAL_FEATURES = ['Tow Bar', 'Tinted Windows', 'Nudge Bar', 'Canopy', 'Roof Racks', 'Floor Mats', 'Sunroof', 'Premium Paint', 'Bull Bar', 'Weathershields', 'Dash Cam', 'Tonneau Cover'];
export const WARRANTIES = ['Balance of factory warranty', '3 months / 5,000 km statutory warranty', '7 year manufacturer warranty', 'Sold as is', ''];
