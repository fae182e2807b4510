import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LeadEasyCarsCell } from '../../src/plugins/easycars/admin/src/content-manager/lead-column';
import { LeadPanelContent } from '../../src/plugins/easycars/admin/src/content-manager/lead-panel';
import LeadsPage from '../../src/plugins/easycars/admin/src/pages/LeadsPage';
import { api, polyfillDom, rbac, resetFakes, toggleNotification } from './leads-fakes';
import { renderAdmin, renderPluginPage } from './render';

jest.mock('@strapi/strapi/admin', () => require('./leads-fakes').strapiAdminDouble);

beforeAll(polyfillDom);

const DEALERSHIPS = [{ documentId: 'dealer-a', name: 'Northside Cars', timezone: 'Australia/Sydney', credential: null }] as any[];
const renderPage = () => renderPluginPage('leads', <LeadsPage />, { dealerships: DEALERSHIPS });

const OVERVIEW = {
  data: {
    credential: { configured: true, isActive: true, leadSyncEnabled: false, leadConflictStrategy: 'manual', leadSchedule: 'hourly' },
    counts: {},
    lastRun: null,
    activeRun: null,
  },
};
const CREDENTIAL = {
  data: { id: 3, isActive: true, sync: { leads: { enabled: false, schedule: 'hourly', time: null, cron: null }, stock: { enabled: true, schedule: 'daily', time: '02:00' } } },
};
const answers = (extra: Record<string, unknown> = {}) => ({
  '/easycars/leads/overview': OVERVIEW,
  '/easycars/credentials': CREDENTIAL,
  '/easycars/leads/conflicts': { data: [] },
  '/easycars/leads/pushes': { data: [] },
  '/easycars/sync-logs': { results: [], pagination: {} },
  ...extra,
});

describe('Leads page settings', () => {
  it('no longer points to controls on another page: lead sync, its schedule and the connection are here', async () => {
    resetFakes(answers());
    renderPage();
    expect(await screen.findByText(/Lead sync is switched off for this dealership/)).toHaveTextContent('Turn it on in the settings below.');
    expect(screen.queryByText(/Credentials page/)).not.toBeInTheDocument();
    expect(await screen.findByText('Lead sync settings')).toBeInTheDocument();
    expect(screen.getByText('Lead sync (send new leads, scheduled refresh)')).toBeInTheDocument();
    expect(screen.queryByText('Download vehicle images')).not.toBeInTheDocument();
    expect(await screen.findByTestId('leads-connection')).toHaveTextContent('EasyCars connection');
  });

  it('saving sends the lead fields of the credential, the same PUT the API checks', async () => {
    resetFakes(answers({ 'PUT /easycars/credentials/3': { data: { id: 3 } } }));
    renderPage();
    await screen.findByText('Lead sync settings');
    const toggle = screen.getByRole('checkbox', { name: 'Lead sync (send new leads, scheduled refresh)' });
    await userEvent.click(toggle);
    await userEvent.click(screen.getByRole('button', { name: 'Save schedule' }));
    await waitFor(() =>
      expect(api.put).toHaveBeenCalledWith('/easycars/credentials/3', { leadSyncEnabled: true, leadSchedule: 'hourly', leadScheduleTime: '02:00', leadScheduleCron: null }),
    );
    await waitFor(() => expect(toggleNotification).toHaveBeenCalledWith({ type: 'success', message: 'Lead sync settings saved.' }));
  });

  it('the connection switch turns the credential off', async () => {
    resetFakes(answers({ 'PUT /easycars/credentials/3': { data: { id: 3, isActive: false } } }));
    renderPage();
    const section = await screen.findByTestId('leads-connection');
    await userEvent.click(within(section).getByRole('checkbox', { name: 'Connection' }));
    await waitFor(() => expect(api.put).toHaveBeenCalledWith('/easycars/credentials/3', { isActive: false }));
    await waitFor(() => expect(toggleNotification).toHaveBeenCalledWith({ type: 'success', message: 'The EasyCars connection is off: nothing is sent to or read from EasyCars.' }));
  });

  it('without "Manage sync settings" the lead settings are read-only, the connection switch is not', async () => {
    resetFakes(answers());
    rbac.allowed = new Set(['plugin::easycars.credentials.manage', 'plugin::easycars.sync-logs.read']);
    renderPage();
    await screen.findByText('Lead sync settings');
    expect(screen.getByRole('checkbox', { name: 'Lead sync (send new leads, scheduled refresh)' })).toBeDisabled();
    expect(screen.getByText('You need the "Manage credentials" and "Manage sync settings" permissions to change this.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save schedule' })).not.toBeInTheDocument();
    expect(within(await screen.findByTestId('leads-connection')).getByRole('checkbox', { name: 'Connection' })).toBeEnabled();
  });

  it('without "Manage credentials" neither the switch nor the lead settings can change (the API needs it for both)', async () => {
    resetFakes(answers());
    rbac.allowed = new Set(['plugin::easycars.sync-settings.manage', 'plugin::easycars.sync-logs.read']);
    renderPage();
    const section = await screen.findByTestId('leads-connection');
    expect(within(section).getByRole('checkbox', { name: 'Connection' })).toBeDisabled();
    expect(section).toHaveTextContent('You need the "Manage credentials" permission to change this.');
    expect(screen.getByRole('checkbox', { name: 'Lead sync (send new leads, scheduled refresh)' })).toBeDisabled();
  });
});

describe('origin and "not accepted" in the content manager', () => {
  const PANEL = {
    dealership: 'dealer-a',
    badge: 'sent',
    leadNumber: '000017',
    customerNo: '00004',
    pushState: 'pushed',
    pushError: null,
    lastPushedAt: null,
    lastPulledAt: null,
    syncedStatus: 'new',
    easycarsStatus: null,
    conflict: null,
  };

  it('the panel says where the lead came from and which changes EasyCars did not take', async () => {
    resetFakes({ '/easycars/leads/status/doc-1': { data: { ...PANEL, origin: 'easycars', notAccepted: ['customerMobile', 'customerEmail'] } } });
    renderAdmin(<LeadPanelContent documentId="doc-1" />);
    const panel = await screen.findByTestId('easycars-lead-panel');
    expect(panel).toHaveTextContent('OriginFrom EasyCars');
    expect(screen.getByTestId('easycars-lead-not-accepted')).toHaveTextContent(
      'Not accepted by EasyCarsCustomer mobile, Customer email: EasyCars kept its own value. The change stays here and is not sent again until you change it.',
    );
  });

  it('the panel lists a field conflict next to a status conflict', async () => {
    resetFakes({
      '/easycars/leads/status/doc-2': {
        data: { ...PANEL, origin: 'here', notAccepted: [], conflicts: [{ field: 'status', localValue: 'won', remoteValue: 'lost' }, { field: 'message', localValue: 'Local note', remoteValue: 'EasyCars note' }] },
      },
    });
    renderAdmin(<LeadPanelContent documentId="doc-2" />);
    const panel = await screen.findByTestId('easycars-lead-panel');
    expect(panel).toHaveTextContent('Made here');
    expect(panel).toHaveTextContent('Open status conflictHere: Won. In EasyCars: Lost.');
    expect(panel).toHaveTextContent('Open conflict: MessageHere: Local note. In EasyCars: EasyCars note.');
    expect(screen.queryByTestId('easycars-lead-not-accepted')).not.toBeInTheDocument();
  });

  it('the list column shows the origin next to the LeadNumber', async () => {
    resetFakes({
      '/easycars/leads/status': { data: { a: { badge: 'sent', leadNumber: '000017', origin: 'easycars' }, b: { badge: 'not_sent', leadNumber: null, origin: 'here' } } },
    });
    renderAdmin(
      <>
        <div data-testid="row-a"><LeadEasyCarsCell documentId="a" /></div>
        <div data-testid="row-b"><LeadEasyCarsCell documentId="b" /></div>
      </>,
    );
    await waitFor(() => expect(screen.getByTestId('row-a')).toHaveTextContent('000017From EasyCars'));
    expect(screen.getByTestId('row-b')).toHaveTextContent('Not sentMade here');
    expect(api.get).toHaveBeenCalledTimes(1);
  });
});
