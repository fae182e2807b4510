import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StockStatusCard } from '../../src/plugins/easycars/admin/src/components/stock/StockStatusCard';
import { polyfillDom, resetFakes } from './leads-fakes';
import { renderAdmin } from './render';
import { local, stockRun, stockStatus } from './stock-fixtures';

jest.mock('@strapi/strapi/admin', () => require('./leads-fakes').strapiAdminDouble);

beforeAll(polyfillDom);
beforeEach(() => resetFakes());

const syncButton = () => screen.getByRole('button', { name: /Sync now|Syncing…/ });
/** The number shown under a count's label (RunCounts is a <dl>). */
const count = (scope: HTMLElement, label: string) => within(scope).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;

describe('StockStatusCard: status first', () => {
  it('shows when the last sync ran, its status in words, who started it, its counts and the next scheduled run', () => {
    renderAdmin(<StockStatusCard status={stockStatus()} canSync onSync={jest.fn()} />);
    expect(screen.getByTestId('stock-last-time')).toHaveTextContent(local('2025-03-01T10:00:42.000Z'));
    expect(screen.getByTestId('stock-last-status')).toHaveTextContent('Success');
    expect(screen.getByText('Manual (Tess Admin), took 42.0 s')).toBeInTheDocument();
    expect(screen.getByTestId('stock-next-run')).toHaveTextContent(local('2025-03-02T02:00:00.000Z'));
  });

  it('shows times in the dealership’s timezone with the zone written out', () => {
    // 15:00 UTC is 2:00 am the next day in Sydney: the schedule's own time, not the browser's.
    const status = stockStatus();
    status.stock.nextRunAt = '2025-03-01T15:00:00.000Z';
    renderAdmin(<StockStatusCard status={status} canSync onSync={jest.fn()} timezone="Australia/Sydney" />);
    expect(screen.getByTestId('stock-next-run')).toHaveTextContent('2 Mar 2025, 2:00 am AEDT');
    expect(screen.getByTestId('stock-last-time')).toHaveTextContent('1 Mar 2025, 9:00 pm AEDT');
    const result = screen.getByTestId('stock-last-result');
    expect(count(result, 'Fetched')).toBe('250');
    expect(count(result, 'Created')).toBe('12');
    expect(count(result, 'Updated')).toBe('7');
    expect(count(result, 'Removed')).toBe('2');
    expect(count(result, 'Images downloaded')).toBe('30');
    expect(screen.queryByTestId('stock-progress')).not.toBeInTheDocument();
  });

  it.each([
    ['warning', 'Needs attention'],
    ['partial', 'Partly failed'],
    ['failed', 'Failed'],
    ['interrupted', 'Interrupted'],
  ] as const)('writes a %s run as "%s" and shows its error message', (status, words) => {
    const last = stockRun({ status, errorMessage: 'EasyCars rejected the account secret.' });
    renderAdmin(<StockStatusCard status={stockStatus({ last })} canSync onSync={jest.fn()} />);
    expect(screen.getByTestId('stock-last-status')).toHaveTextContent(words);
    expect(screen.getByTestId('stock-last-result')).toHaveTextContent('EasyCars rejected the account secret.');
  });

  it('says "Never synced" before the first run, and why nothing is scheduled', () => {
    const { unmount } = renderAdmin(<StockStatusCard status={stockStatus({ last: null, enabled: false, nextRunAt: null })} canSync onSync={jest.fn()} />);
    expect(screen.getByText('Never synced')).toBeInTheDocument();
    expect(screen.getByTestId('stock-next-run')).toHaveTextContent('Scheduled stock sync is off for this dealership');
    expect(screen.queryByTestId('stock-last-result')).not.toBeInTheDocument();
    unmount();
    renderAdmin(<StockStatusCard status={stockStatus({}, { globallyDisabled: true })} canSync onSync={jest.fn()} />);
    expect(screen.getByTestId('stock-next-run')).toHaveTextContent('Scheduled syncs are switched off for this site');
  });
});

describe('StockStatusCard: Sync now', () => {
  it('asks first, explaining that EasyCars-owned fields are overwritten; cancelling does nothing', async () => {
    const onSync = jest.fn(async () => undefined);
    renderAdmin(<StockStatusCard status={stockStatus()} canSync onSync={onSync} />);
    await userEvent.click(syncButton());
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent('Sync stock from EasyCars now?');
    expect(dialog).toHaveTextContent(/changes made here to EasyCars-owned fields .* are overwritten/);
    expect(dialog).toHaveTextContent('Fields EasyCars does not own are left as they are.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(onSync).not.toHaveBeenCalled();
  });

  it('starts the sync on confirmation and closes the dialog once it is accepted', async () => {
    const onSync = jest.fn(async () => undefined);
    renderAdmin(<StockStatusCard status={stockStatus()} canSync onSync={onSync} />);
    await userEvent.click(syncButton());
    await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Yes, sync now' }));
    expect(onSync).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
  });

  it('is disabled with the phase and "n of total" while a run is active', () => {
    const active = stockRun({ id: 42, status: 'running', phase: 'saving', progressDone: 120, progressTotal: 250, completedAt: null, durationMs: null });
    renderAdmin(<StockStatusCard status={stockStatus({ active })} canSync onSync={jest.fn()} />);
    expect(syncButton()).toBeDisabled();
    expect(syncButton()).toHaveTextContent('Syncing…');
    expect(screen.getByTestId('stock-progress')).toHaveTextContent('Saving vehicles: 120 of 250');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '48');
    // The last result gives way to the live progress.
    expect(screen.queryByTestId('stock-last-result')).not.toBeInTheDocument();
  });

  it('says a queued run is waiting for a worker', () => {
    const active = stockRun({ id: 42, status: 'queued', startedAt: null, completedAt: null, durationMs: null });
    renderAdmin(<StockStatusCard status={stockStatus({ active })} canSync onSync={jest.fn()} />);
    expect(syncButton()).toBeDisabled();
    expect(screen.getByTestId('stock-progress')).toHaveTextContent('Waiting for a worker…');
  });

  it('is disabled without the "Trigger sync" permission', () => {
    renderAdmin(<StockStatusCard status={stockStatus()} canSync={false} onSync={jest.fn()} />);
    expect(syncButton()).toBeDisabled();
    expect(syncButton()).toHaveTextContent('Sync now');
  });
});
