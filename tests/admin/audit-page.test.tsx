import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import AuditPage from '../../src/plugins/easycars/admin/src/pages/AuditPage';
import { api, polyfillDom, resetFakes } from './leads-fakes';
import { renderPluginPage } from './render';

jest.mock('@strapi/strapi/admin', () => require('./leads-fakes').strapiAdminDouble);

beforeAll(polyfillDom);

const DEALERSHIPS = [
  { documentId: 'dealer-a', name: 'Harbour Motors', slug: 'harbour', timezone: 'Australia/Sydney', credential: { configured: true } },
  { documentId: 'dealer-b', name: 'North Shore Autos', slug: 'north', timezone: 'Australia/Perth', credential: { configured: true } },
] as any[];

const entry = (over: Record<string, unknown>) => ({
  id: 1,
  createdAt: '2026-11-27T15:00:00.000Z',
  dealership: 'dealer-a',
  dealershipName: 'Harbour Motors',
  action: 'credentials.update',
  entityType: 'credential',
  entityId: '4',
  actorName: 'Ada Admin',
  changedFields: ['clientSecret'],
  result: 'success',
  message: 'Credentials updated',
  ...over,
});
const PAGE = {
  data: {
    results: [entry({}), entry({ id: 2, dealership: null, dealershipName: null, action: 'history.retention', actorName: 'Ada Admin', changedFields: [], entityType: null, entityId: null, message: 'Retention set to 30 days' }), entry({ id: 3, action: 'lead.push.create', actorName: null, result: 'failure', message: 'EasyCars did not answer', changedFields: [] })],
    pagination: { page: 1, pageSize: 25, total: 3, pageCount: 1 },
    actions: ['credentials.update', 'history.retention', 'lead.push.create'],
  },
};

describe('EasyCars audit trail page', () => {
  beforeEach(() => resetFakes({ '/easycars/audit': PAGE }));

  it('lists who did what, when (in the dealership’s timezone), to which dealership, and the result', async () => {
    renderPluginPage('audit', <AuditPage />, { dealerships: DEALERSHIPS });
    const table = await screen.findByTestId('audit-table');
    const update = within(table).getByText('credentials.update').closest('tr')!;
    expect(within(update).getByText('28 Nov 2026, 2:00 am AEDT')).toBeInTheDocument();
    expect(within(update).getByText('Harbour Motors')).toBeInTheDocument();
    expect(within(update).getByText('Ada Admin')).toBeInTheDocument();
    expect(within(update).getByText('Succeeded')).toBeInTheDocument();
    expect(within(update).getByText('Fields: clientSecret')).toBeInTheDocument();
    expect(within(within(table).getByText('history.retention').closest('tr')!).getByText('Every dealership')).toBeInTheDocument();
    const push = within(table).getByText('lead.push.create').closest('tr')!;
    expect(within(push).getByText('The plugin (no admin)')).toBeInTheDocument();
    expect(within(push).getByText('Failed')).toBeInTheDocument();
  });

  it('keeps its filters in the URL and sends them to the server', async () => {
    renderPluginPage('audit', <AuditPage />, { dealerships: DEALERSHIPS, search: '?dealership=dealer-a&result=failure&actor=ada' });
    await screen.findByTestId('audit-table');
    expect(api.get).toHaveBeenCalledWith('/easycars/audit', { params: { page: 1, pageSize: 25, result: 'failure', actor: 'ada' } });
    const actor = screen.getByRole('searchbox', { name: 'Admin' });
    await userEvent.clear(actor);
    await userEvent.type(actor, 'ben{enter}');
    await waitFor(() => expect(api.get).toHaveBeenLastCalledWith('/easycars/audit', { params: { page: 1, pageSize: 25, result: 'failure', actor: 'ben' } }));
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(api.get).toHaveBeenLastCalledWith('/easycars/audit', { params: { page: 1, pageSize: 25 } }));
  });
});
