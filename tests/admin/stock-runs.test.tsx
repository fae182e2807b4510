import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { StockRunsTable } from '../../src/plugins/easycars/admin/src/components/stock/StockRunsTable';
import { api, fetchError, polyfillDom, resetFakes } from './leads-fakes';
import { renderAdmin } from './render';
import { local, stockRun } from './stock-fixtures';

jest.mock('@strapi/strapi/admin', () => require('./leads-fakes').strapiAdminDouble);

beforeAll(polyfillDom);

const RUNS = [
  stockRun({ id: 43, status: 'partial', trigger: 'schedule', triggeredByName: null, startedAt: '2025-03-02T02:00:00.000Z', failed: 3, durationMs: 150_000 }),
  stockRun({ id: 41 }),
];
const count = (scope: HTMLElement, label: string) => within(scope).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;

describe('StockRunsTable', () => {
  it('asks for the last 10 stock runs of the dealership and lists them in words', async () => {
    resetFakes({ '/easycars/sync-logs': { results: RUNS, pagination: { page: 1, pageSize: 10, total: 2, pageCount: 1 } } });
    renderAdmin(<StockRunsTable dealership="dealer-a" refreshKey="k" />);
    expect(await screen.findByText('Partly failed')).toBeInTheDocument();
    expect(api.get).toHaveBeenCalledWith('/easycars/sync-logs', { params: { dealership: 'dealer-a', type: 'stock', pageSize: 10 } });
    const [, first, second] = screen.getAllByRole('row');
    for (const text of [local('2025-03-02T02:00:00.000Z'), 'Schedule', 'Partly failed', '250', '12 / 7 / 2', '3', '3 min']) expect(first).toHaveTextContent(text);
    for (const text of ['Manual (Tess Admin)', 'Success', '42.0 s']) expect(second).toHaveTextContent(text);
  });

  it('says so when there is no run yet', async () => {
    resetFakes({ '/easycars/sync-logs': { results: [] } });
    renderAdmin(<StockRunsTable dealership="dealer-a" refreshKey="k" />);
    expect(await screen.findByText('No stock sync yet.')).toBeInTheDocument();
  });

  it('reloads when the refresh key changes (a run started or finished)', async () => {
    const Harness = () => {
      const [key, setKey] = useState('41:false');
      return (
        <>
          <button type="button" onClick={() => setKey('43:false')}>Run finished</button>
          <StockRunsTable dealership="dealer-a" refreshKey={key} />
        </>
      );
    };
    resetFakes({ '/easycars/sync-logs': { results: [RUNS[1]] } });
    renderAdmin(<Harness />);
    await screen.findByText('Success');
    api.answers['/easycars/sync-logs'] = { results: RUNS };
    await userEvent.click(screen.getByRole('button', { name: 'Run finished' }));
    expect(await screen.findByText('Partly failed')).toBeInTheDocument();
    expect(api.get).toHaveBeenCalledTimes(2);
  });

  it('shows the details of a run: counts, errors, warnings and what happened to each vehicle', async () => {
    resetFakes({
      '/easycars/sync-logs': { results: RUNS },
      '/easycars/sync-logs/43': {
        data: {
          ...RUNS[0],
          errorMessage: '3 vehicles could not be saved.',
          itemErrors: [{ ref: 'SN-1001', message: 'price must be a number' }],
          warnings: [{ ref: 'SN-1002', field: 'Odometer', message: 'not a number, left empty', value: 'abc' }],
          items: [
            { ref: 'SN-1003', outcome: 'created' },
            { ref: 'SN-1004', outcome: 'removed', message: 'left the EasyCars feed: vehicle unpublished' },
          ],
        },
      },
    });
    renderAdmin(<StockRunsTable dealership="dealer-a" refreshKey="k" />);
    const row = (await screen.findByText('Partly failed')).closest('tr') as HTMLElement;
    await userEvent.click(within(row).getByRole('button', { name: 'View details' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading', { name: 'Stock sync #43' })).toBeInTheDocument();
    await waitFor(() => expect(dialog).toHaveTextContent('3 vehicles could not be saved.'));
    expect(dialog).toHaveTextContent('Partly failed');
    expect(count(dialog, 'Fetched')).toBe('250');
    expect(count(dialog, 'Failed')).toBe('3');
    expect(count(dialog, 'API calls')).toBe('2');
    expect(within(dialog).getByRole('heading', { name: 'Errors' }).nextElementSibling).toHaveTextContent('SN-1001: price must be a number');
    expect(within(dialog).getByRole('heading', { name: 'Warnings' }).nextElementSibling).toHaveTextContent('SN-1002: Odometer — not a number, left empty');
    const changes = within(dialog).getByRole('heading', { name: 'Changes' }).nextElementSibling as HTMLElement;
    expect(changes).toHaveTextContent('SN-1003: Created');
    expect(changes).toHaveTextContent('SN-1004: Removed — left the EasyCars feed: vehicle unpublished');
    expect(dialog).not.toHaveTextContent('No errors or warnings.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('says a clean run had no errors or warnings, and shows why details could not be loaded', async () => {
    resetFakes({
      '/easycars/sync-logs': { results: RUNS },
      '/easycars/sync-logs/41': { data: { ...RUNS[1], itemErrors: [], warnings: [] } },
      '/easycars/sync-logs/43': fetchError(404, 'Sync log not found'),
    });
    renderAdmin(<StockRunsTable dealership="dealer-a" refreshKey="k" />);
    const clean = (await screen.findByText('Success')).closest('tr') as HTMLElement;
    await userEvent.click(within(clean).getByRole('button', { name: 'View details' }));
    expect(await within(await screen.findByRole('dialog')).findByText('No errors or warnings.')).toBeInTheDocument();
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const missing = screen.getByText('Partly failed').closest('tr') as HTMLElement;
    await userEvent.click(within(missing).getByRole('button', { name: 'View details' }));
    expect(await within(await screen.findByRole('dialog')).findByText('Sync log not found')).toBeInTheDocument();
  });
});
