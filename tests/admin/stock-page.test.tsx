import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import StockPage from '../../src/plugins/easycars/admin/src/pages/StockPage';
import { api, fetchError, polyfillDom, resetFakes, toggleNotification } from './leads-fakes';
import { renderPluginPage } from './render';
import { stockRun, stockStatus } from './stock-fixtures';

// useRBAC names allowed actions after the action's last segment (sync.trigger → canTrigger).
let mockAllowedActions: Record<string, boolean> = {};
jest.mock('@strapi/strapi/admin', () => ({
  ...require('./leads-fakes').strapiAdminDouble,
  useRBAC: () => ({ allowedActions: mockAllowedActions, isLoading: false }),
}));

beforeAll(polyfillDom);
beforeEach(() => {
  mockAllowedActions = { canTrigger: true, canManage: true };
});

const DEALERSHIPS = [{ documentId: 'dealer-a', name: 'Northside Cars', slug: 'northside', timezone: 'Australia/Sydney', credential: null }] as any[];
const CREDENTIAL = { data: { id: 7, sync: { stock: { enabled: true, schedule: 'daily', time: '02:00', cron: null, images: true } } } };
// Mounted like the admin mounts it: the plugin at plugins/easycars/*, the page at its "stock" route.
const renderPage = () => renderPluginPage('stock', <StockPage />, { dealerships: DEALERSHIPS });
const syncButton = () => screen.getByRole('button', { name: /Sync now|Syncing…/ });
const confirmSync = async () => {
  await userEvent.click(syncButton());
  await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Yes, sync now' }));
};

describe('Stock page states', () => {
  it('without credentials says so and links to the Credentials page of the same dealership', async () => {
    resetFakes({ '/easycars/sync/status': { data: { ...stockStatus(), configured: false } } });
    renderPage();
    expect(await screen.findByText('Stock sync needs EasyCars credentials')).toBeInTheDocument();
    expect(screen.getByText(/Northside Cars is not connected to EasyCars yet/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Add credentials' })).toHaveAttribute('href', '/plugins/easycars/credentials?dealership=dealer-a');
    expect(screen.queryByRole('button', { name: 'Sync now' })).not.toBeInTheDocument();
    expect(api.get).toHaveBeenCalledWith('/easycars/sync/status', { params: { dealership: 'dealer-a' } });
  });

  it('shows the server message when the status cannot be loaded', async () => {
    resetFakes({ '/easycars/sync/status': fetchError(403, 'You do not manage this dealership.') });
    renderPage();
    expect(await screen.findByText('You do not manage this dealership.')).toBeInTheDocument();
  });

  it('disables "Sync now" and the schedule without the permissions', async () => {
    mockAllowedActions = {};
    resetFakes({ '/easycars/sync/status': { data: stockStatus() }, '/easycars/sync-logs': { results: [] }, '/easycars/credentials': CREDENTIAL });
    renderPage();
    await screen.findByTestId('stock-last-status');
    expect(syncButton()).toBeDisabled();
    expect(await screen.findByText('You need the "Manage sync settings" permission to change this.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save schedule' })).not.toBeInTheDocument();
  });
});

describe('Stock page: Sync now', () => {
  it('confirming posts to /easycars/sync/stock for the dealership, then shows the run in progress', async () => {
    const active = stockRun({ id: 42, status: 'running', phase: 'fetching', progressDone: 0, progressTotal: 0, completedAt: null, durationMs: null });
    let started = false;
    resetFakes({
      '/easycars/sync/status': () => ({ data: stockStatus(started ? { active } : {}) }),
      'POST /easycars/sync/stock': () => {
        started = true;
        return { data: { syncLogId: 42 } };
      },
      '/easycars/sync-logs': { results: [] },
      '/easycars/credentials': CREDENTIAL,
    });
    renderPage();
    await screen.findByTestId('stock-last-status');
    expect(syncButton()).toBeEnabled();
    await confirmSync();
    expect(api.post).toHaveBeenCalledWith('/easycars/sync/stock', { dealership: 'dealer-a' });
    await waitFor(() => expect(toggleNotification).toHaveBeenCalledWith({ type: 'success', message: 'Stock sync started.' }));
    expect(await screen.findByTestId('stock-progress')).toHaveTextContent('Fetching stock from EasyCars');
    expect(syncButton()).toBeDisabled();
  });

  it('answers a 409 with "already running" instead of failing', async () => {
    resetFakes({
      '/easycars/sync/status': { data: stockStatus() },
      'POST /easycars/sync/stock': fetchError(409, 'A stock sync is already queued or running for this dealership.', { syncLogId: 42 }),
      '/easycars/sync-logs': { results: [] },
      '/easycars/credentials': CREDENTIAL,
    });
    renderPage();
    await screen.findByTestId('stock-last-status');
    await confirmSync();
    await waitFor(() =>
      expect(toggleNotification).toHaveBeenCalledWith({ type: 'info', message: 'A stock sync is already running for this dealership.' }),
    );
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    // The page stays as it was: status card and a usable button, no error page.
    expect(screen.getByTestId('stock-last-status')).toHaveTextContent('Success');
    expect(syncButton()).toBeEnabled();
  });

  it('shows any other refusal with the server message', async () => {
    resetFakes({
      '/easycars/sync/status': { data: stockStatus() },
      'POST /easycars/sync/stock': fetchError(403, 'Policy Failed'),
      '/easycars/sync-logs': { results: [] },
      '/easycars/credentials': CREDENTIAL,
    });
    renderPage();
    await screen.findByTestId('stock-last-status');
    await confirmSync();
    await waitFor(() => expect(toggleNotification).toHaveBeenCalledWith({ type: 'danger', message: 'Policy Failed' }));
  });
});
