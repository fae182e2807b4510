import { columnView, originOf, panelView } from '../../../src/plugins/easycars/server/src/leads/views';
import type { LeadRecord } from '../../../src/plugins/easycars/server/src/leads/records';

const rec = (over: Partial<LeadRecord>) => ({ id: 1, leadDocumentId: 'doc-1', pushState: 'pushed', LeadNumber: '000017', ExternalID: 'doc-1', origin: null, refusedValues: null, ...over }) as LeadRecord;

describe('lead origin (FR18/19)', () => {
  it('uses the recorded origin', () => {
    expect(originOf(rec({ origin: 'easycars', ExternalID: 'doc-1' }))).toBe('easycars');
    expect(originOf(rec({ origin: 'here', ExternalID: 'web-9' }))).toBe('here');
  });
  it('reads records from before the attribute: own documentId as ExternalID → made here; otherwise imported', () => {
    expect(originOf(rec({}))).toBe('here');
    expect(originOf(rec({ ExternalID: 'crm-7' }))).toBe('easycars');
    expect(originOf(rec({ ExternalID: null }))).toBe('easycars');
    expect(originOf(rec({ ExternalID: null, LeadNumber: null }))).toBe('here');
    expect(originOf(null)).toBeNull();
  });
  it('is in the column and the panel, with the fields EasyCars did not take (names only)', () => {
    expect(columnView(rec({ origin: 'easycars' }))).toEqual({ badge: 'sent', leadNumber: '000017', origin: 'easycars' });
    const view = panelView(rec({ refusedValues: { customerMobile: 'abc123' } }), []);
    expect(view).toMatchObject({ origin: 'here', notAccepted: ['customerMobile'], conflict: null, conflicts: [] });
    expect(JSON.stringify(view)).not.toContain('abc123');
  });
});
