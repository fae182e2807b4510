import vehicleSchema from '../../../src/api/vehicle/content-types/vehicle/schema.json';
import leadSchema from '../../../src/api/lead/content-types/lead/schema.json';
import dealershipSchema from '../../../src/api/dealership/content-types/dealership/schema.json';
import { resolveHostConfig } from '../../../src/plugins/easycars/server/src/host/config';
import { blockingSetupMessage, checkHostSetup, type HostSchema } from '../../../src/plugins/easycars/server/src/host/setup-check';
import { resolveLeadFieldMap, toHostAttributes, toLogical } from '../../../src/plugins/easycars/server/src/host/lead-field-map';

const TYPES = { dealership: 'api::dealership.dealership', vehicle: 'api::vehicle.vehicle', lead: 'api::lead.lead' };
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));
const schemas = (): Record<string, HostSchema> => ({
  [TYPES.dealership]: { displayName: 'Dealership', attributes: clone(dealershipSchema.attributes) as HostSchema['attributes'] },
  [TYPES.vehicle]: { displayName: 'Vehicle', attributes: clone(vehicleSchema.attributes) as HostSchema['attributes'] },
  [TYPES.lead]: { displayName: 'Lead', attributes: clone(leadSchema.attributes) as HostSchema['attributes'] },
});

describe('the setup check', () => {
  it('finds nothing wrong with this host app and the default config', () => {
    const all = schemas();
    const report = checkHostSetup(resolveHostConfig({ contentTypes: TYPES }), (uid) => all[uid]);
    expect(report.problems).toEqual([]);
    expect(report.contentTypes.map((c) => [c.role, c.found])).toEqual([['dealership', true], ['vehicle', true], ['lead', true]]);
    const lead = report.contentTypes.find((c) => c.role === 'lead')!;
    expect(lead.fields.find((f) => f.target === 'status')).toMatchObject({ attribute: 'leadStatus', status: 'ok', actual: 'enumeration' });
  });

  it('stops start-up when a content type or a dealership relation is missing, naming the config key', () => {
    const all = schemas();
    delete all[TYPES.vehicle].attributes.dealership;
    const config = resolveHostConfig({ contentTypes: { ...TYPES, lead: 'api::enquiry.enquiry' } });
    const report = checkHostSetup(config, (uid) => all[uid]);
    const message = blockingSetupMessage(report)!;
    expect(message).toContain('The lead content type api::enquiry.enquiry does not exist (plugin config contentTypes.lead)');
    expect(message).toContain('api::vehicle.vehicle has no attribute "dealership" (vehicleFieldMap.dealership)');
  });

  it('warns about a mapped field that is missing or of the wrong type, with a snippet that fixes it', () => {
    const all = schemas();
    all[TYPES.vehicle].attributes.askingPrice = all[TYPES.vehicle].attributes.price;
    delete all[TYPES.vehicle].attributes.price;
    all[TYPES.vehicle].attributes.year = { type: 'string' };
    all[TYPES.lead].attributes.leadStatus = { type: 'enumeration', enum: ['new', 'won', 'lost'] };
    const report = checkHostSetup(resolveHostConfig({ contentTypes: TYPES }), (uid) => all[uid]);
    expect(blockingSetupMessage(report)).toBeNull();
    const byTarget = Object.fromEntries(report.problems.map((p) => [p.target, p]));
    expect(byTarget.price).toMatchObject({ severity: 'warning', role: 'vehicle' });
    expect(byTarget.price.message).toContain('has no attribute "price"');
    expect(byTarget.price.fix).toContain("vehicleFieldMap: { price: 'askingPrice' }");
    expect(byTarget.year.message).toContain('is string, needs a number');
    expect(byTarget.status.message).toContain('does not list in_progress, deleted');
    const vehicle = report.contentTypes.find((c) => c.role === 'vehicle')!;
    expect(vehicle.fields.find((f) => f.target === 'price')).toMatchObject({ status: 'missing', attribute: 'price' });
    expect(vehicle.fields.find((f) => f.target === 'year')).toMatchObject({ status: 'incompatible', actual: 'string' });
  });

  it('checks that relations point at the configured types, and shows a field turned off as off', () => {
    const all = schemas();
    all[TYPES.lead].attributes.vehicle = { type: 'relation', relation: 'manyToOne', target: 'api::page.page' };
    const report = checkHostSetup(resolveHostConfig({ contentTypes: TYPES, vehicleFieldMap: { features: false } }), (uid) => all[uid]);
    expect(report.problems.map((p) => p.message)).toEqual([expect.stringContaining('points at api::page.page, needs api::vehicle.vehicle')]);
    const vehicle = report.contentTypes.find((c) => c.role === 'vehicle')!;
    expect(vehicle.fields.find((f) => f.target === 'features')).toMatchObject({ status: 'off', attribute: null });
  });
});

describe('the lead field map', () => {
  it('renames, turns off and names unknown fields', () => {
    const map = resolveLeadFieldMap({ customerName: 'fullName', rating: false, status: 'stage' });
    expect(map).toMatchObject({ customerName: 'fullName', status: 'stage', dealership: 'dealership', customerEmail: 'customerEmail' });
    expect(map.rating).toBeUndefined();
    expect(() => resolveLeadFieldMap({ nmae: 'x' })).toThrow(/unknown field\(s\) nmae/);
    expect(() => resolveLeadFieldMap({ dealership: false })).toThrow(/dealership cannot be turned off/);
  });

  it('translates documents both ways and drops fields the host does not have', () => {
    const map = resolveLeadFieldMap({ customerName: 'fullName', rating: false, status: 'stage' });
    expect(toLogical(map, { documentId: 'd1', fullName: 'Ava', stage: 'new' })).toEqual({ documentId: 'd1', customerName: 'Ava', status: 'new' });
    expect(toHostAttributes(map, { customerName: 'Ava', status: 'won', rating: 'hot' })).toEqual({ fullName: 'Ava', stage: 'won' });
  });
});
