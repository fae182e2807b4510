import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ReconciliationPage from '../../src/plugins/easycars/admin/src/pages/ReconciliationPage';
import { api, polyfillDom, resetFakes, toggleNotification } from './leads-fakes';
import { renderPluginPage } from './render';

jest.mock('@strapi/strapi/admin', () => require('./leads-fakes').strapiAdminDouble);

beforeAll(polyfillDom);

const DEALERSHIPS = [{ documentId: 'dealer-a', name: 'Harbour Motors', slug: 'harbour', timezone: 'Australia/Sydney', credential: { configured: true } }] as any[];

const finding = (over: Record<string, unknown>) => ({
  id: 1, subject: 'vehicle', category: 'field_diff', severity: 'conflicting', ref: 'SN-1', entryDocumentId: 'veh-1', title: '2022 Mazda CX-5',
  reason: 'Changed here since the last sync wrote it (description).', state: 'open', ignoredReason: null, actedBy: null, actedAt: null, actions: ['sync', 'ignore'],
  details: { fields: [{ field: 'description', attribute: 'description', here: 'Our words', easycars: 'Their words' }] },
  ...over,
});
const counts = { total: 2, ignored: 1, missing_here: 1, extra_here: 0, field_diff: 1, images: 0, lead: 0, bySeverity: { missing: 1, outdated: 0, conflicting: 1 } };
const REPORT = {
  data: {
    run: { id: 9, status: 'warning', phase: 'done', progressDone: 1, progressTotal: 1, trigger: 'manual', triggeredByName: 'Ada', createdAt: '2026-11-28T01:00:00.000Z', completedAt: '2026-11-28T01:00:05.000Z', errorMessage: null },
    active: null,
    counts,
    findings: [finding({}), finding({ id: 2, category: 'missing_here', severity: 'missing', ref: 'SN-2', entryDocumentId: null, reason: 'Never synced: new in EasyCars since the last stock sync.', details: null })],
    pagination: { page: 1, pageSize: 50, total: 2, pageCount: 1 },
    notes: ['EasyCars offers no way to list an account’s leads.'],
    schedule: 'off',
    nextRunAt: null,
  },
};

describe('EasyCars reconciliation page', () => {
  beforeEach(() => resetFakes({ '/easycars/reconciliation': REPORT }));

  it('shows the counts first, then each difference with its severity, reason and actions', async () => {
    renderPluginPage('reconciliation', <ReconciliationPage />, { dealerships: DEALERSHIPS });
    const summary = await screen.findByTestId('recon-summary');
    expect(within(screen.getByTestId('recon-count-field_diff')).getByText('1')).toBeInTheDocument();
    expect(summary).toHaveTextContent('2 open differences: 1 missing, 0 outdated, 1 conflicting; 1 ignored.');
    const rows = screen.getAllByTestId('recon-row');
    expect(rows[0]).toHaveTextContent('Conflicting');
    expect(rows[0]).toHaveTextContent('Changed here since the last sync');
    // The link needs the host's content types, a query of its own that may answer after the report.
    expect(await within(rows[0]).findByRole('link', { name: 'SN-1' })).toHaveAttribute('href', '/content-manager/collection-types/api::vehicle.vehicle/veh-1');
    expect(rows[1]).toHaveTextContent('Never synced');
    expect(screen.getByText('EasyCars offers no way to list an account’s leads.')).toBeInTheDocument();
  });

  it('filters by category from the summary cards, through the URL', async () => {
    renderPluginPage('reconciliation', <ReconciliationPage />, { dealerships: DEALERSHIPS });
    await userEvent.click(await screen.findByTestId('recon-count-missing_here'));
    await waitFor(() => expect(api.get).toHaveBeenLastCalledWith('/easycars/reconciliation', { params: expect.objectContaining({ dealership: 'dealer-a', category: 'missing_here', page: 1 }) }));
  });

  it('shows a difference side by side', async () => {
    renderPluginPage('reconciliation', <ReconciliationPage />, { dealerships: DEALERSHIPS });
    await userEvent.click((await screen.findAllByRole('button', { name: 'View details' }))[0]);
    const details = await screen.findByTestId('recon-details');
    expect(details).toHaveTextContent('descriptionOur wordsTheir words');
  });

  it('asks for a reason before ignoring, then sends the chosen rows', async () => {
    api.answers['POST /easycars/reconciliation/ignore'] = { data: { affected: 1, skipped: 0, syncLogId: null, message: '1 difference(s) ignored.' } };
    renderPluginPage('reconciliation', <ReconciliationPage />, { dealerships: DEALERSHIPS });
    await userEvent.click((await screen.findAllByRole('button', { name: 'Ignore' }))[0]);
    const dialog = await screen.findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ignore' }));
    expect(await within(dialog).findByText('Say why these differences are fine.')).toBeInTheDocument();
    expect(api.post).not.toHaveBeenCalled();
    await userEvent.type(within(dialog).getByRole('textbox'), 'Our copywriter rewrote it');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ignore' }));
    await waitFor(() => expect(api.post).toHaveBeenCalledWith('/easycars/reconciliation/ignore', { dealership: 'dealer-a', ids: [1], reason: 'Our copywriter rewrote it' }));
    await waitFor(() => expect(toggleNotification).toHaveBeenCalledWith({ type: 'success', message: '1 difference(s) ignored.' }));
  });

  it('syncs the chosen rows from EasyCars in one batch', async () => {
    api.answers['POST /easycars/reconciliation/sync'] = { data: { affected: 1, skipped: 0, syncLogId: 41, message: 'Stock run 41 applies EasyCars to 1 vehicle(s).' } };
    renderPluginPage('reconciliation', <ReconciliationPage />, { dealerships: DEALERSHIPS });
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Choose SN-1' }));
    await userEvent.click(screen.getByRole('button', { name: 'Sync chosen from EasyCars' }));
    await waitFor(() => expect(api.post).toHaveBeenCalledWith('/easycars/reconciliation/sync', { dealership: 'dealer-a', ids: [1] }));
    await waitFor(() => expect(toggleNotification).toHaveBeenCalledWith({ type: 'success', message: 'Stock run 41 applies EasyCars to 1 vehicle(s).' }));
  });

  it('turns on a weekly scheduled run', async () => {
    api.answers['PUT /easycars/reconciliation/settings'] = { data: { schedule: 'weekly' } };
    renderPluginPage('reconciliation', <ReconciliationPage />, { dealerships: DEALERSHIPS });
    await userEvent.click(await screen.findByRole('combobox', { name: 'Scheduled runs' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Weekly, Sundays at 03:00' }));
    await waitFor(() => expect(api.put).toHaveBeenCalledWith('/easycars/reconciliation/settings', { dealership: 'dealer-a', schedule: 'weekly' }));
    await waitFor(() => expect(toggleNotification).toHaveBeenCalledWith({ type: 'success', message: 'Reconciliation schedule saved.' }));
  });

  it('shows the progress of a running reconciliation', async () => {
    resetFakes({ '/easycars/reconciliation': { data: { ...REPORT.data, active: { ...REPORT.data.run, id: 10, status: 'running', phase: 'comparing', progressDone: 30, progressTotal: 120, completedAt: null } } } });
    renderPluginPage('reconciliation', <ReconciliationPage />, { dealerships: DEALERSHIPS });
    const progress = await screen.findByTestId('recon-progress');
    expect(progress).toHaveTextContent('Comparing with EasyCars… comparing');
    expect(within(progress).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25');
    expect(screen.getByRole('button', { name: 'Run reconciliation' })).toBeDisabled();
  });
});
