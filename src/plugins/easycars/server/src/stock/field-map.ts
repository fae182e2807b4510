/**
 * Which vehicle attributes the stock sync owns, and under which names.
 *
 * The keys are the sync's logical targets (named after this app's `api::vehicle.vehicle`);
 * plugin config `vehicleFieldMap` renames a target (`{ price: 'listPrice' }`) or turns it off
 * (`{ features: false }`). Attributes not in the resolved map are never written by the sync.
 */
export const VEHICLE_TARGETS = [
  'title',
  'stockNumber',
  'vin',
  'registration',
  'registrationState',
  'registrationExpiry',
  'vehicleType',
  'make',
  'model',
  'badge',
  'series',
  'year',
  'price',
  'specialPrice',
  'driveAway',
  'odometer',
  'odometerUnit',
  'bodyType',
  'colour',
  'interiorColour',
  'transmission',
  'fuelType',
  'driveType',
  'engine',
  'doors',
  'seats',
  'condition',
  'saleStatus',
  'description',
  'features',
  'videoUrl',
  'yard',
  'dealership',
  'images',
] as const;

export type VehicleTarget = (typeof VEHICLE_TARGETS)[number];

/** Logical target -> attribute name in the vehicle content type. */
export type ResolvedFieldMap = Partial<Record<VehicleTarget, string>>;

export type FieldMapOverrides = Record<string, string | false> | undefined;

export function resolveFieldMap(overrides: FieldMapOverrides): ResolvedFieldMap {
  const known = new Set<string>(VEHICLE_TARGETS);
  const unknown = Object.keys(overrides ?? {}).filter((k) => !known.has(k));
  if (unknown.length) {
    throw new Error(
      `EasyCars vehicleFieldMap: unknown target(s) ${unknown.join(', ')}. Known targets: ${VEHICLE_TARGETS.join(', ')}.`,
    );
  }
  const map: ResolvedFieldMap = {};
  for (const target of VEHICLE_TARGETS) {
    const override = overrides?.[target];
    if (override === false) continue;
    map[target] = typeof override === 'string' && override.trim() !== '' ? override.trim() : target;
  }
  return map;
}

/** A stable text of the map: part of the change hash, so a changed map re-maps every vehicle once. */
export function fieldMapSignature(map: ResolvedFieldMap): string {
  return VEHICLE_TARGETS.map((t) => `${t}=${map[t] ?? '-'}`).join(';');
}

/**
 * Checks that every mapped attribute exists on the vehicle content type, so a typo in the
 * config stops the sync with a clear message instead of silently dropping values.
 */
export function assertFieldMapFits(map: ResolvedFieldMap, attributes: Record<string, unknown>, uid: string): void {
  const missing = Object.entries(map)
    .filter(([, attr]) => !(attr! in attributes))
    .map(([target, attr]) => `${target} -> ${attr}`);
  if (missing.length) {
    throw new Error(
      `EasyCars vehicleFieldMap does not fit ${uid}: no attribute for ${missing.join(', ')}. ` +
        'Rename the target to an existing attribute or set it to false in the plugin config.',
    );
  }
}

/** The owned fields whose values are compared and can be edited here (FR20): all but the relation and the images. */
export const comparedTargets = (map: ResolvedFieldMap): Array<{ target: string; attribute: string }> =>
  Object.entries(map)
    .filter(([target, attr]) => attr && target !== 'dealership' && target !== 'images')
    .map(([target, attribute]) => ({ target, attribute: attribute as string }));
