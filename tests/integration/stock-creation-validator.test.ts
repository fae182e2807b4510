/**
 * The bulk create's validator (stock/creation-validator.ts) reuses the schema Strapi's entity
 * validator builds. It must answer exactly what `strapi.entityValidator.validateEntityCreation`
 * answers — same output (casts, defaults), same rejections with the same messages and details —
 * while asking Strapi to build a schema only once.
 */
import { startStrapi, type TestApp } from '../helpers/strapi';
import { createCreationValidator } from '../../src/plugins/easycars/server/src/stock/creation-validator';

const VEHICLE = 'api::vehicle.vehicle';

const valid = (n: number): Record<string, unknown> => ({
  title: `2024 Toyota Corolla Ascent ${n}`,
  stockNumber: `S${n}`,
  vin: `JTNKU3JE60J0${String(n).padStart(5, '0')}`,
  make: 'Toyota',
  model: 'Corolla',
  year: 2024,
  price: 25990 + n,
  specialPrice: null,
  driveAway: n % 2 === 0,
  odometer: 1000 * n,
  odometerUnit: 'km',
  vehicleType: 'car',
  condition: n % 3 === 0 ? 'demo' : 'used',
  saleStatus: 'available',
  features: { standard: ['Bluetooth'], optional: [] },
  registrationExpiry: '2027-03-31',
  description: 'One owner.\n\nLog books.',
});

const invalid: Array<[string, Record<string, unknown>]> = [
  ['a string over its 255-character limit', { ...valid(1), make: 'x'.repeat(300) }],
  ['a value outside an enumeration', { ...valid(2), saleStatus: 'gone' }],
  ['a fractional number for an integer', { ...valid(3), year: 2024.5 }],
  ['a word for a decimal', { ...valid(4), price: 'cheap' }],
  ['several problems at once', { ...valid(6), year: 'new', saleStatus: 'gone', model: 'y'.repeat(256) }],
];

const withoutClock = (o: Record<string, unknown>) => {
  const { publishedAt, ...rest } = o;
  return rest;
};

async function outcome(fn: () => Promise<unknown>) {
  try {
    return { ok: true as const, value: withoutClock((await fn()) as Record<string, unknown>) };
  } catch (error) {
    const e = error as { name?: string; message?: string; details?: unknown };
    return { ok: false as const, name: e.name, message: e.message, details: e.details };
  }
}

describe(`bulk create's validator (${process.env.DB_TEST_CLIENT ?? 'sqlite'})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startStrapi();
  });
  afterAll(async () => {
    await app?.destroy();
  });

  const strapiValidates = (data: Record<string, unknown>) =>
    app.strapi.entityValidator.validateEntityCreation(app.strapi.contentType(VEHICLE as any) as any, data as any, { isDraft: false } as any);

  it('gives what Strapi gives for valid data, asking Strapi to build its schema once', async () => {
    const spy = jest.spyOn(app.strapi.entityValidator, 'validateEntityCreation');
    try {
      const validate = createCreationValidator(app.strapi, VEHICLE as any);
      const ours = [];
      for (let n = 1; n <= 25; n++) ours.push(await outcome(() => validate(valid(n))));
      expect(spy).toHaveBeenCalledTimes(1);
      spy.mockRestore();
      for (let n = 1; n <= 25; n++) expect(ours[n - 1]).toEqual(await outcome(() => strapiValidates(valid(n))));
      // Casts and defaults are Strapi's: the published-at default is evaluated per entity.
      expect(ours[0]).toMatchObject({ ok: true, value: expect.objectContaining({ year: 2024, registrationExpiry: '2027-03-31' }) });
      const [a, b] = [await validate(valid(1)), await validate(valid(2))];
      expect(a.publishedAt).toBeInstanceOf(Date);
      expect(a.publishedAt).not.toBe(b.publishedAt);
    } finally {
      spy.mockRestore();
    }
  });

  it.each(invalid)('rejects %s exactly as Strapi does', async (_label, data) => {
    const validate = createCreationValidator(app.strapi, VEHICLE as any);
    await validate(valid(99)); // the first call is Strapi's own; the next ones reuse its schema
    const ours = await outcome(() => validate(data));
    expect(ours.ok).toBe(false);
    expect(ours).toEqual(await outcome(() => strapiValidates(data)));
  });

  it('rejects a bad first entity the way Strapi does and still reuses the schema afterwards', async () => {
    const spy = jest.spyOn(app.strapi.entityValidator, 'validateEntityCreation');
    try {
      const validate = createCreationValidator(app.strapi, VEHICLE as any);
      const first = await outcome(() => validate(invalid[0]![1]));
      expect(first).toMatchObject({ ok: false, name: 'ValidationError' });
      await validate(valid(7));
      await validate(valid(8));
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('leaves data with relation values to Strapi for every entity (its schema depends on them)', async () => {
    const dealership = await app.strapi.documents('api::dealership.dealership' as any).create({ data: { name: 'Relation Motors', timezone: 'Australia/Sydney' } as any });
    const spy = jest.spyOn(app.strapi.entityValidator, 'validateEntityCreation');
    try {
      const validate = createCreationValidator(app.strapi, VEHICLE as any);
      // Below the Document Service a relation is given by row id.
      await validate({ ...valid(10), dealership: dealership.id });
      await validate({ ...valid(11), dealership: dealership.id });
      expect(spy).toHaveBeenCalledTimes(2);
      await expect(validate({ ...valid(12), dealership: 987654 })).rejects.toMatchObject({ name: 'ValidationError' });
    } finally {
      spy.mockRestore();
    }
  });
});
