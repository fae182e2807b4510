/** The kind of attribute each mapped field needs in the host's content types, and the enum values the plugin writes. */
import type { VehicleTarget } from '../stock/field-map';
import { FINANCE_STATUS, INTEREST, RATING, STATUS, VEHICLE_TYPE } from '../leads/enums';
import type { LeadTarget } from './lead-field-map';

export type AttributeKind = 'text' | 'choice' | 'number' | 'boolean' | 'date' | 'json' | 'media' | 'relation';

/** Strapi attribute types that can hold each kind of value. */
export const TYPES_OF_KIND: Record<AttributeKind, string[]> = {
  text: ['string', 'text', 'richtext', 'email', 'uid'],
  choice: ['enumeration', 'string', 'text'],
  number: ['integer', 'biginteger', 'decimal', 'float'],
  boolean: ['boolean'],
  date: ['date', 'datetime', 'string'],
  json: ['json'],
  media: ['media'],
  relation: ['relation'],
};

export interface Expected {
  kind: AttributeKind;
  /** For `choice`: the values the plugin writes (an enumeration must list them all). */
  values?: string[];
  /** For `relation`: which configured type it must point at. */
  target?: 'dealership' | 'vehicle';
  /** For `media`: several files. */
  multiple?: boolean;
}

const text: Expected = { kind: 'text' };
const number: Expected = { kind: 'number' };

export const VEHICLE_EXPECTED: Record<VehicleTarget, Expected> = {
  title: text, stockNumber: text, vin: text, registration: text, registrationState: text,
  registrationExpiry: { kind: 'date' },
  vehicleType: { kind: 'choice', values: ['car', 'motorbike', 'boat', 'caravan', 'truck', 'trailer', 'other'] },
  make: text, model: text, badge: text, series: text,
  year: number, price: number, specialPrice: number,
  driveAway: { kind: 'boolean' },
  odometer: number,
  odometerUnit: { kind: 'choice', values: ['km', 'miles'] },
  bodyType: text, colour: text, interiorColour: text, transmission: text, fuelType: text, driveType: text, engine: text,
  doors: number, seats: number,
  condition: { kind: 'choice', values: ['new', 'used', 'demo'] },
  saleStatus: { kind: 'choice', values: ['available', 'under_offer', 'sold', 'withdrawn'] },
  description: text,
  features: { kind: 'json' },
  videoUrl: text, yard: text,
  dealership: { kind: 'relation', target: 'dealership' },
  images: { kind: 'media', multiple: true },
};

export const LEAD_EXPECTED: Record<LeadTarget, Expected> = {
  customerName: text, customerEmail: text, customerPhone: text, customerMobile: text, customerAddress: text,
  customerCity: text, customerState: text, customerPostCode: text,
  message: text, sourcePageUrl: text, vehicleMake: text, vehicleModel: text,
  vehiclePrice: number, vehicleYear: number,
  interest: { kind: 'choice', values: Object.keys(INTEREST) },
  financeStatus: { kind: 'choice', values: Object.keys(FINANCE_STATUS) },
  rating: { kind: 'choice', values: Object.keys(RATING) },
  vehicleType: { kind: 'choice', values: Object.keys(VEHICLE_TYPE) },
  isVehicleNew: { kind: 'boolean' },
  status: { kind: 'choice', values: Object.keys(STATUS) },
  vehicle: { kind: 'relation', target: 'vehicle' },
  dealership: { kind: 'relation', target: 'dealership' },
};
