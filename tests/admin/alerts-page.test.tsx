import '@testing-library/jest-dom';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_ALERT_SETTINGS } from '../../src/plugins/easycars/shared/alerts';
import AlertsPage from '../../src/plugins/easycars/admin/src/pages/AlertsPage';
import { AlertBanner } from '../../src/plugins/easycars/admin/src/components/dashboard/AlertBanner';
import { api, fetchError, polyfillDom, rbac, resetFakes, toggleNotification } from './leads-fakes';
import { renderAdmin, renderPluginPage } from './render';

jest.mock('@strapi/strapi/admin', () => require('./leads-fakes').strapiAdminDouble);

beforeAll(polyfillDom);

const DEALERSHIPS = [
  { documentId: 'dealer-a', name: 'Harbour Motors', slug: 'harbour', timezone: 'Australia/Sydney', credential: { configured: true } },
  { documentId: 'dealer-b', name: 'North Shore Autos', slug: 'north', timezone: 'Australia/Perth', credential: { configured: true } },
] as any[];

const alert = (over: Record<string, unknown>) => ({
  id: 1,
  dealership: { documentId: 'dealer-a', name: 'Harbour Motors' },
  rule: 'auth_failure',
  severity: 'critical',
  status: 'open',
  message: 'EasyCars refused the credentials in the last stock sync',
  openedAt: '2026-11-27T15:00:00.000Z',
  lastSeenAt: '2026-11-27T15:05:00.000Z',
  acknowledgedAt: null,
  acknowledgedBy: null,
  snoozedUntil: null,
  resolvedAt: null,
  ...over,
});
const page = (results: unknown[]) => ({ data: { results, pagination: { page: 1, pageSize: 20, total: results.length, pageCount: 1 } } });
const OPEN = [alert({}), alert({ id: 2, dealership: { documentId: 'dealer-b', name: 'North Shore Autos' }, rule: 'leads_stuck', severity: 'warning', message: '3 leads not in EasyCars for more than 15 minutes: 3 in review' })];
const RESOLVED = [alert({ id: 3, rule: 'slow_run', severity: 'warning', status: 'resolved', message: 'The last stock sync took 45 minutes (the limit is 30)', resolvedAt: '2026-11-27T18:00:00.000Z' })];

const answers = (over: Record<string, unknown> = {}) => ({
  '/easycars/alerts': (config: { params: { status: string } }) => (config.params.status === 'resolved' ? page(RESOLVED) : page(OPEN)),
  '/easycars/alerts/settings': { data: DEFAULT_ALERT_SETTINGS },
  'PUT /easycars/alerts/settings': (body: any) => ({ data: body.settings }),
  '/easycars/alerts/webhooks': { data: [{ id: 4, name: 'Ops channel', host: 'hooks.example.test', isEnabled: true, events: ['easycars.alert.opened'] }] },
  'PUT /easycars/alerts/webhooks/4': (body: any) => ({ data: { id: 4, name: 'Ops channel', host: 'hooks.example.test', isEnabled: true, events: body.events } }),
  'POST /easycars/alerts/1/acknowledge': { data: alert({ status: 'acknowledged', acknowledgedBy: 'Ada Admin' }) },
  'POST /easycars/alerts/2/snooze': { data: alert({ id: 2, snoozedUntil: '2030-01-01T00:00:00.000Z' }) },
  ...over,
});

const renderPage = () => renderPluginPage('alerts', <AlertsPage />, { dealerships: DEALERSHIPS });

describe('EasyCars alerts page', () => {
  beforeEach(() => resetFakes(answers()));

  it('lists open alerts with severity, status and the dealership’s own time, and the resolved ones apart', async () => {
    renderPage();
    const open = await screen.findByRole('region', { name: 'Open alerts (2)' });
    const auth = within(open).getByTestId('alert-auth_failure');
    expect(within(auth).getByText('Critical')).toBeInTheDocument();
    expect(within(auth).getByText('EasyCars refused the credentials')).toBeInTheDocument();
    expect(within(auth).getByText('Open')).toBeInTheDocument();
    expect(within(auth).getByText('28 Nov 2026, 2:00 am AEDT')).toBeInTheDocument();
    const north = within(open).getByTestId('alert-leads_stuck');
    expect(within(north).getByText('Warning')).toBeInTheDocument();
    expect(within(north).getByText('27 Nov 2026, 11:00 pm AWST')).toBeInTheDocument();
    const resolved = screen.getByRole('region', { name: 'Resolved alerts' });
    expect(within(resolved).getByText('The last stock sync took 45 minutes (the limit is 30)')).toBeInTheDocument();
    expect(within(resolved).getByText('Resolved')).toBeInTheDocument();
    expect(within(resolved).queryByRole('button')).toBeNull();
  });

  it('acknowledges and snoozes, then reloads', async () => {
    renderPage();
    const open = await screen.findByRole('region', { name: 'Open alerts (2)' });
    const loads = () => api.get.mock.calls.filter(([url]: [string]) => url === '/easycars/alerts').length;
    const before = loads();
    await userEvent.click(within(within(open).getByTestId('alert-auth_failure')).getByRole('button', { name: 'Acknowledge' }));
    await waitFor(() => expect(api.post).toHaveBeenCalledWith('/easycars/alerts/1/acknowledge', {}));
    await waitFor(() => expect(toggleNotification).toHaveBeenCalledWith({ type: 'success', message: 'Alert acknowledged: no more reminder mails while it stays open.' }));
    await waitFor(() => expect(loads()).toBe(before + 2));
    await userEvent.click(within(within(open).getByTestId('alert-leads_stuck')).getByRole('button', { name: 'Snooze 1 day' }));
    await waitFor(() => expect(api.post).toHaveBeenCalledWith('/easycars/alerts/2/snooze', { hours: 24 }));
  });

  it('edits the selected dealership’s rules, refusing what the server would refuse', async () => {
    renderPage();
    const form = await screen.findByTestId('alert-rules');
    const runs = within(form).getByLabelText('Failed runs in a row');
    await userEvent.clear(runs);
    await userEvent.type(runs, '3');
    const emails = within(form).getByLabelText('Also mail these addresses');
    await userEvent.type(emails, 'ops@dealer-group.test{enter}not-an-address');
    expect(within(form).getByText('“not-an-address” is not an email address.')).toBeInTheDocument();
    expect(within(form).getByRole('button', { name: 'Save alert rules' })).toBeDisabled();
    await userEvent.clear(emails);
    await userEvent.type(emails, 'ops@dealer-group.test');
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Slow sync' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Save alert rules' }));
    await waitFor(() => expect(api.put).toHaveBeenCalled());
    const [url, body] = api.put.mock.calls[0];
    expect(url).toBe('/easycars/alerts/settings');
    expect(body.dealership).toBe('dealer-a');
    expect(body.settings.rules.consecutive_failures).toEqual({ enabled: true, runs: 3 });
    expect(body.settings.rules.slow_run.enabled).toBe(false);
    expect(body.settings.emails).toEqual(['ops@dealer-group.test']);
    await waitFor(() => expect(toggleNotification).toHaveBeenCalledWith({ type: 'success', message: 'Alert rules saved for Harbour Motors.' }));
  });

  it('shows the server’s message when saving fails', async () => {
    resetFakes(answers({ 'PUT /easycars/alerts/settings': fetchError(400, 'settings.rules.slow_run.minutes: minutes must be at most 1440') }));
    renderPage();
    const form = await screen.findByTestId('alert-rules');
    await userEvent.click(within(form).getByRole('button', { name: 'Save alert rules' }));
    expect(await within(form).findByText('settings.rules.slow_run.minutes: minutes must be at most 1440')).toBeInTheDocument();
  });

  it('lets a Super Admin choose which webhooks receive EasyCars events; hides them from others', async () => {
    renderPage();
    const hooks = await screen.findByTestId('alert-webhooks');
    expect(await within(hooks).findByText('Ops channel')).toBeInTheDocument();
    expect(within(hooks).getByRole('checkbox', { name: 'Ops channel: Alert opened' })).toBeChecked();
    await userEvent.click(within(hooks).getByRole('checkbox', { name: 'Ops channel: Sync failed' }));
    await waitFor(() => expect(api.put).toHaveBeenCalledWith('/easycars/alerts/webhooks/4', { events: ['easycars.alert.opened', 'easycars.sync.failed'] }));
    await waitFor(() => expect(toggleNotification).toHaveBeenCalledWith({ type: 'success', message: 'Ops channel now receives: easycars.alert.opened, easycars.sync.failed.' }));
  });

  it('shows no webhook section to an admin the server refuses it to', async () => {
    resetFakes(answers({ '/easycars/alerts/webhooks': fetchError(403, 'Only a Super Admin may change site-wide EasyCars settings') }));
    renderPage();
    await screen.findByTestId('alert-rules');
    await waitFor(() => expect(api.get).toHaveBeenCalledWith('/easycars/alerts/webhooks'));
    const asked = api.get.mock.calls.findIndex(([url]: [string]) => url === '/easycars/alerts/webhooks');
    await act(async () => {
      await api.get.mock.results[asked].value.catch(() => undefined);
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(screen.queryByTestId('alert-webhooks')).toBeNull();
  });

  it('is read-only without the “Manage alerts” permission', async () => {
    rbac.allowed = new Set(['plugin::easycars.sync-logs.read']);
    renderPage();
    const form = await screen.findByTestId('alert-rules');
    expect(within(form).queryByRole('button', { name: 'Save alert rules' })).toBeNull();
    expect(within(form).getByText(/changing them needs the “Manage alerts” permission/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).toBeNull();
  });
});

describe('dashboard banner with alerts', () => {
  const rows = [
    {
      dealership: { documentId: 'dealer-a', name: 'Harbour Motors', timezone: 'Australia/Sydney' },
      connection: 'auth_failing',
      stock: { health: 'failing', reason: 'Last run failed: refused', lastRun: null, lastSuccessAt: null, nextRunAt: null, intervalHours: 24 },
      leads: { health: 'ok', reason: 'Healthy', lastRun: null, lastSuccessAt: null, nextRunAt: null, intervalHours: 1 },
      openConflicts: 0,
      leadsWaiting: 0,
      leadsInReview: 2,
    },
  ] as any[];

  it('shows open alerts first and does not repeat what an open alert already says; snoozed alerts stay out', () => {
    resetFakes();
    renderAdmin(<AlertBanner rows={rows} openAlerts={[alert({}) as any, alert({ id: 9, rule: 'new_conflicts', snoozedUntil: '2999-01-01T00:00:00.000Z' }) as any]} />, '/');
    const banner = screen.getByTestId('dashboard-alerts');
    expect(within(banner).getByText('2 things need attention')).toBeInTheDocument();
    expect(within(banner).getByText(/Harbour Motors — EasyCars refused the credentials: EasyCars refused the credentials in the last stock sync/)).toBeInTheDocument();
    expect(within(banner).getByText(/Harbour Motors: 2 lead\(s\) may have reached EasyCars/)).toBeInTheDocument();
    expect(within(banner).getAllByRole('link', { name: 'Open' })[0]).toHaveAttribute('href', '/plugins/easycars/alerts?dealership=dealer-a');
  });
});
