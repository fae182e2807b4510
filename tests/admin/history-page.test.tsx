import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import HistoryPage from '../../src/plugins/easycars/admin/src/pages/HistoryPage';
import { api, polyfillDom, resetFakes } from './leads-fakes';
import { renderPluginPage } from './render';

jest.mock('@strapi/strapi/admin', () => require('./leads-fakes').strapiAdminDouble);

beforeAll(polyfillDom);

const DEALERSHIPS = [
  { documentId: 'dealer-a', name: 'Harbour Motors', slug: 'harbour', timezone: 'Australia/Sydney', credential: null },
  { documentId: 'dealer-b', name: 'North Shore Autos', slug: 'north', timezone: 'Australia/Sydney', credential: null },
] as any[];

const run = (id: number, over: Record<string, unknown> = {}) => ({
  id,
  dealership: 'dealer-a',
  dealershipName: 'Harbour Motors',
  type: 'stock',
  direction: 'inbound',
  trigger: 'manual',
  triggeredByName: 'Ava Admin',
  status: 'success',
  createdAt: '2026-11-20T01:00:00.000Z',
  startedAt: '2026-11-20T01:00:00.000Z',
  completedAt: '2026-11-20T01:00:04.000Z',
  durationMs: 4200,
  processed: 3,
  fetched: 12,
  created: 2,
  updated: 1,
  removed: 0,
  failed: 0,
  errorMessage: null,
  ...over,
});
const page = (data: unknown[], total = data.length, pageCount = 1, p = 1) => ({ data, meta: { pagination: { page: p, pageSize: 25, pageCount, total } } });

let location = '';
const LocationSpy = () => {
  location = `${useLocation().pathname}${useLocation().search}`;
  return null;
};
const renderPage = (search = '?dealership=dealer-a') => renderPluginPage('history', <HistoryPage />, { dealerships: DEALERSHIPS, search, beside: <LocationSpy /> });

describe('Sync history page', () => {
  it('lists the runs with every column, in words', async () => {
    resetFakes({ '/easycars/history/retention': { data: { days: 90, mode: 'delete', canEdit: false } }, '/easycars/history': page([run(9, { status: 'partial', failed: 1, processed: 4 }), run(8, { type: 'leads', direction: 'both', trigger: 'schedule', dealershipName: 'North Shore Autos' })]) });
    renderPage();
    const table = await screen.findByTestId('history-table');
    for (const header of ['When', 'Dealership', 'Type', 'Direction', 'Trigger', 'Status', 'Records processed', 'Duration', 'Details']) {
      expect(within(table).getByText(header)).toBeInTheDocument();
    }
    expect(within(table).getByText('Partly failed')).toBeInTheDocument();
    expect(within(table).getByText('4 (1 failed)')).toBeInTheDocument();
    expect(within(table).getByText('Both ways')).toBeInTheDocument();
    expect(within(table).getByText('Schedule')).toBeInTheDocument();
    expect(within(table).getByText('Manual (Ava Admin)')).toBeInTheDocument();
    expect(within(table).getByText('North Shore Autos')).toBeInTheDocument();
    expect(api.get).toHaveBeenCalledWith('/easycars/history', { params: { page: 1, pageSize: 25 } });
  });

  it('reads its filters from the URL and writes changes back, so a link can be shared', async () => {
    resetFakes({ '/easycars/history/retention': { data: { days: 90, mode: 'delete', canEdit: false } }, '/easycars/history': page([run(9)]) });
    renderPage('?dealership=dealer-a&scope=dealer-b&status=failed&q=10001');
    await screen.findByTestId('history-table');
    expect(api.get).toHaveBeenLastCalledWith('/easycars/history', { params: { dealership: 'dealer-b', status: 'failed', q: '10001', page: 1, pageSize: 25 } });
    const search = screen.getByRole('searchbox', { name: /Runs that touched/ });
    expect(search).toHaveValue('10001');
    await userEvent.clear(search);
    await userEvent.type(search, '6T1BF3EK5CU123456{enter}');
    await waitFor(() => expect(location).toContain('q=6T1BF3EK5CU123456'));
    expect(location).toContain('scope=dealer-b');
    await waitFor(() =>
      expect(api.get).toHaveBeenLastCalledWith('/easycars/history', { params: { dealership: 'dealer-b', status: 'failed', q: '6T1BF3EK5CU123456', page: 1, pageSize: 25 } }),
    );
  });

  it('pages on the server', async () => {
    resetFakes({ '/easycars/history/retention': { data: { days: 90, mode: 'delete', canEdit: false } }, '/easycars/history': page([run(30)], 60, 3) });
    renderPage();
    expect(await screen.findByText('Page 1 of 3 (60 runs)')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(location).toContain('page=2'));
    await waitFor(() => expect(api.get).toHaveBeenLastCalledWith('/easycars/history', { params: { page: 2, pageSize: 25 } }));
  });

  it('opens a run: counts, redacted summaries, every touched record with what changed', async () => {
    resetFakes({
      '/easycars/history': page([run(9)]),
      '/easycars/sync-logs/9': { data: { ...run(9), unchanged: 9, restored: 0, apiCalls: 2, imagesDownloaded: 0, imagesReused: 0, imagesRemoved: 0, imagesFailed: 0, requestSummary: { yardCode: 'all yards' }, responseSummary: { code: 0, items: 12 } } },
      '/easycars/sync-logs/9/items': page([{ ref: '10001', vin: 'VIN1', outcome: 'updated', message: null, changes: { Price: { before: 25990, after: 19990 } }, entryUrl: '/content-manager/collection-types/api::vehicle.vehicle/veh-1' }]),
    });
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'View details of run 9' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('Price: 25990 → 19990')).toBeInTheDocument();
    expect(within(dialog).getByText('Records touched (1)')).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: 'Open the vehicle' })).toHaveAttribute('href', '/content-manager/collection-types/api::vehicle.vehicle/veh-1');
    // The run and its records are two requests; either may answer first.
    expect(await within(dialog).findByText('Request (redacted)')).toBeInTheDocument();
    expect(within(dialog).getByText(/"items": 12/)).toBeInTheDocument();
  });

  it('shows where a run’s time went, phase by phase, and its pace', async () => {
    resetFakes({
      '/easycars/history': page([run(9)]),
      '/easycars/sync-logs/9': { data: { ...run(9), timings: { phases: [{ phase: 'fetching', ms: 2400 }, { phase: 'applying', ms: 61_000 }], recordsPerMinute: 118.5 } } },
      '/easycars/sync-logs/9/items': page([]),
    });
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'View details of run 9' }));
    const timings = await within(await screen.findByRole('dialog')).findByTestId('run-timings');
    expect(within(timings).getByText(/^fetching: /)).toBeInTheDocument();
    expect(within(timings).getByText(/^applying: /)).toBeInTheDocument();
    expect(within(timings).getByText('118.5 records per minute')).toBeInTheDocument();
  });

  it('says what to do when there are no runs, and offers to clear filters that match nothing', async () => {
    resetFakes({ '/easycars/history/retention': { data: { days: 90, mode: 'delete', canEdit: false } }, '/easycars/history': page([]) });
    renderPage();
    expect(await screen.findByText('No syncs yet. Connect a dealership to EasyCars, then run its first stock sync.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Add credentials' })).toHaveAttribute('href', '/plugins/easycars/credentials?dealership=dealer-a');
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
  });

  it('clears every filter and the page, keeping the chosen dealership', async () => {
    resetFakes({ '/easycars/history/retention': { data: { days: 90, mode: 'delete', canEdit: false } }, '/easycars/history': page([]) });
    renderPage('?dealership=dealer-a&scope=dealer-b&status=failed&q=10001&page=2');
    expect(await screen.findByText('No sync run matches these filters.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(location).toBe('/plugins/easycars/history?dealership=dealer-a'));
  });

  it('exports the current filter as a file', async () => {
    const blob = new Blob(['id\n9\n'], { type: 'text/csv' });
    resetFakes({ '/easycars/history/retention': { data: { days: 90, mode: 'delete', canEdit: false } }, '/easycars/history': page([run(9)]), '/easycars/history/export': blob });
    const createObjectURL = jest.fn(() => 'blob:history');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined); // jsdom cannot download
    renderPage('?dealership=dealer-a&type=stock');
    await screen.findByTestId('history-table');
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(api.get).toHaveBeenCalledWith('/easycars/history/export', { params: { type: 'stock', format: 'csv' }, responseType: 'blob' }));
    expect(createObjectURL).toHaveBeenCalledWith(blob);
    expect(click).toHaveBeenCalled();
    click.mockRestore();
  });

  it('shows the retention, and lets a Super Admin archive old runs instead of deleting them', async () => {
    let saved: unknown = null;
    resetFakes({
      '/easycars/history': page([run(9)]),
      '/easycars/history/retention': { data: { days: 90, mode: 'delete', canEdit: true } },
      'PUT /easycars/history/retention': (body: unknown) => ((saved = body), { data: { ...(body as object), canEdit: true } }),
    });
    renderPage();
    const section = await screen.findByTestId('history-retention');
    expect(within(section).getByText('Runs are kept for 90 days, then deleted.')).toBeInTheDocument();
    const days = within(section).getByRole('textbox', { name: /Keep runs for/ });
    await userEvent.clear(days);
    await userEvent.type(days, '365');
    await userEvent.click(within(section).getByRole('radio', { name: 'Archive to the media library, then delete' }));
    await userEvent.click(within(section).getByRole('button', { name: 'Save retention' }));
    await waitFor(() => expect(saved).toEqual({ days: 365, mode: 'archive' }));
    expect(await within(section).findByText(/Runs are kept for 365 days, then saved as a gzipped NDJSON file in the media library/)).toBeInTheDocument();
  });

  it('says only a Super Admin may change the retention', async () => {
    resetFakes({ '/easycars/history': page([run(9)]), '/easycars/history/retention': { data: { days: 30, mode: 'archive', canEdit: false } } });
    renderPage();
    const section = await screen.findByTestId('history-retention');
    expect(within(section).getByText('Only a Super Admin can change it (it applies to every dealership).')).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Save retention' })).not.toBeInTheDocument();
  });
});
