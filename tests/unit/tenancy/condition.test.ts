import { dealershipConditionQuery } from '../../../src/plugins/easycars/server/src/tenancy/condition';
import { resolveHostConfig } from '../../../src/plugins/easycars/server/src/host/config';
import { linkedTargets, parseRelationInput } from '../../../src/plugins/easycars/server/src/tenancy/relation-targets';

const types = { dealership: 'api::dealership.dealership', vehicle: 'api::vehicle.vehicle', lead: 'api::lead.lead' };
const host = resolveHostConfig({ contentTypes: types });

describe('the "manages the entry\'s dealership" condition', () => {
  it('filters a dealership by its own managers, and vehicles and leads by their dealership', () => {
    expect(dealershipConditionQuery(host, { id: 7, permission: { subject: types.dealership } })).toEqual({ managers: { $elemMatch: { id: 7 } } });
    expect(dealershipConditionQuery(host, { id: 7, permission: { subject: types.lead } })).toEqual({ 'dealership.managers': { $elemMatch: { id: 7 } } });
    expect(dealershipConditionQuery(host, { id: 7, permission: { subject: types.vehicle } })).toEqual({ 'dealership.managers': { $elemMatch: { id: 7 } } });
  });

  it('never grants on a type that is not dealership-owned, nor for plugin actions without a subject', () => {
    expect(dealershipConditionQuery(host, { id: 7, permission: { subject: 'api::page.page' } })).toBe(false);
    expect(dealershipConditionQuery(host, { id: 7, permission: { subject: null } })).toBe(false);
  });

  it('follows configured content-type uids, relations and managers attribute', () => {
    const custom = resolveHostConfig({
      contentTypes: { dealership: 'api::branch.branch', vehicle: 'api::car.car', lead: 'api::enquiry.enquiry' },
      dealershipFields: { managers: 'staff' },
      vehicleFieldMap: { dealership: 'branch' },
      leadFieldMap: { dealership: 'site' },
    });
    expect(dealershipConditionQuery(custom, { id: 1, permission: { subject: 'api::branch.branch' } })).toEqual({ staff: { $elemMatch: { id: 1 } } });
    expect(dealershipConditionQuery(custom, { id: 1, permission: { subject: 'api::car.car' } })).toEqual({ 'branch.staff': { $elemMatch: { id: 1 } } });
    expect(dealershipConditionQuery(custom, { id: 1, permission: { subject: 'api::enquiry.enquiry' } })).toEqual({ 'site.staff': { $elemMatch: { id: 1 } } });
    expect(dealershipConditionQuery(custom, { id: 1, permission: { subject: types.lead } })).toBe(false);
  });
});

describe('relation input targets', () => {
  it('reads every shape the Document Service accepts', () => {
    expect(linkedTargets(parseRelationInput('doc1'))).toEqual([{ documentId: 'doc1' }]);
    expect(linkedTargets(parseRelationInput(4))).toEqual([{ id: 4 }]);
    expect(linkedTargets(parseRelationInput({ documentId: 'doc1' }))).toEqual([{ documentId: 'doc1' }]);
    expect(linkedTargets(parseRelationInput([{ id: '5' }, { id: 6 }]))).toEqual([{ id: 5 }, { id: 6 }]);
    expect(linkedTargets(parseRelationInput({ connect: [{ id: 2, position: { end: true } }], disconnect: [{ id: 1 }] }))).toEqual([{ id: 2 }]);
    expect(parseRelationInput({ set: ['a'] })).toEqual({ set: [{ documentId: 'a' }], connect: [], disconnect: [] });
  });

  it('treats null as "unlink everything" and an empty connect/disconnect as no change', () => {
    expect(parseRelationInput(null)).toEqual({ set: [], connect: [], disconnect: [] });
    expect(parseRelationInput({ connect: [], disconnect: [] })).toEqual({ connect: [], disconnect: [] });
  });
});
