import { screen } from '@testing-library/react';
import { LeadPanelContent } from '../../src/plugins/easycars/admin/src/content-manager/lead-panel';
import LeadsPage from '../../src/plugins/easycars/admin/src/pages/LeadsPage';
import { polyfillDom, resetFakes, fetchError } from './leads-fakes';
import { renderAdmin, renderPluginPage } from './render';

jest.mock('@strapi/strapi/admin', () => require('./leads-fakes').strapiAdminDouble);

beforeAll(polyfillDom);

const DEALERSHIPS = [{ documentId: 'dealer-a', name: 'Northside Cars', credential: null }] as any[];
// Mounted like the admin mounts it: the plugin at plugins/easycars/*, the page at its "leads" route.
const renderPage = () => renderPluginPage('leads', <LeadsPage />, { dealerships: DEALERSHIPS });

describe('Leads page states', () => {
  it('without credentials says so and links to the Credentials page of the same dealership', async () => {
    resetFakes({ '/easycars/leads/overview': { data: { credential: { configured: false }, counts: {}, lastRun: null, activeRun: null } } });
    renderPage();
    expect(await screen.findByText('Lead sync needs EasyCars credentials')).toBeInTheDocument();
    expect(screen.getByText(/Northside Cars is not connected to EasyCars yet/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Add EasyCars credentials' })).toHaveAttribute('href', '/plugins/easycars/credentials?dealership=dealer-a');
    expect(screen.queryByRole('button', { name: 'Sync leads now' })).not.toBeInTheDocument();
  });

  it('shows the server message when the status cannot be loaded', async () => {
    resetFakes({ '/easycars/leads/overview': fetchError(403, 'You do not manage this dealership.') });
    renderPage();
    expect(await screen.findByText('You do not manage this dealership.')).toBeInTheDocument();
  });
});

describe('lead edit-view panel', () => {
  it('writes the sync state and links an open conflict to the Leads page of its dealership', async () => {
    resetFakes({
      '/easycars/leads/status/doc-1': {
        data: {
          dealership: 'dealer-a',
          badge: 'sent',
          leadNumber: '000017',
          customerNo: '00004',
          pushState: 'pushed',
          pushError: null,
          lastPushedAt: '2025-03-01T10:00:00.000Z',
          lastPulledAt: null,
          syncedStatus: 'new',
          easycarsStatus: 'lost',
          conflict: { localValue: 'won', remoteValue: 'lost' },
        },
      },
    });
    renderAdmin(<LeadPanelContent documentId="doc-1" />);
    const panel = await screen.findByTestId('easycars-lead-panel');
    for (const text of ['Sent', '000017', '00004', 'Never', 'New', 'Here: Won. In EasyCars: Lost.']) expect(panel).toHaveTextContent(text);
    expect(screen.getByRole('link', { name: 'Resolve it on the Leads page' })).toHaveAttribute('href', '/plugins/easycars/leads?dealership=dealer-a');
  });
});
