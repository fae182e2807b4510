import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LeadsOverview } from '../../src/plugins/easycars/admin/src/api/leads';
import { LeadRunsTable } from '../../src/plugins/easycars/admin/src/components/leads/LeadRunsTable';
import { LeadsStatusCard } from '../../src/plugins/easycars/admin/src/components/leads/LeadsStatusCard';
import { api, fetchError, polyfillDom, resetFakes, toggleNotification } from './leads-fakes';
import { renderAdmin } from './render';

jest.mock('@strapi/strapi/admin', () => require('./leads-fakes').strapiAdminDouble);

beforeAll(polyfillDom);

const run = (over: Record<string, unknown> = {}) => ({
  id: 12,
  trigger: 'manual',
  triggeredByName: 'Tess Admin',
  status: 'warning',
  phase: null,
  progressDone: 0,
  progressTotal: 0,
  startedAt: '2025-03-01T10:00:00.000Z',
  completedAt: '2025-03-01T10:00:05.000Z',
  createdAt: '2025-03-01T10:00:00.000Z',
  errorMessage: null,
  fetched: 3,
  updated: 1,
  unchanged: 1,
  failed: 0,
  ...over,
});
const overview = (over: Partial<LeadsOverview> = {}): LeadsOverview => ({
  credential: { configured: true, isActive: true, leadSyncEnabled: true, leadConflictStrategy: 'manual' },
  counts: { known: 3, pending: 0, failed: 1, review: 0, openConflicts: 1 },
  lastRun: run() as LeadsOverview['lastRun'],
  activeRun: null,
  ...over,
});
const syncButton = () => screen.getByRole('button', { name: /Sync leads now|Syncing leads…/ });

describe('LeadsStatusCard', () => {
  it('puts the status first, in words: last run, counts', () => {
    resetFakes();
    renderAdmin(<LeadsStatusCard overview={overview()} dealership="dealer-a" onChange={jest.fn()} />);
    expect(screen.getByTestId('leads-last-run')).toHaveTextContent('Needs attention');
    for (const text of ['3 leads in EasyCars', '0 waiting to be sent', '1 failed', '0 to review', '1 open conflict']) {
      expect(screen.getByText(text)).toBeInTheDocument();
    }
  });

  it('"Sync leads now" starts a run and is disabled until the request is answered', async () => {
    const onChange = jest.fn();
    let answer!: (v: unknown) => void;
    resetFakes({ 'POST /easycars/sync/leads': () => new Promise((resolve) => (answer = resolve)) });
    renderAdmin(<LeadsStatusCard overview={overview()} dealership="dealer-a" onChange={onChange} />);
    expect(syncButton()).toBeEnabled();
    await userEvent.click(syncButton());
    expect(api.post).toHaveBeenCalledWith('/easycars/sync/leads', { dealership: 'dealer-a' });
    expect(syncButton()).toBeDisabled();
    expect(syncButton()).toHaveTextContent('Syncing leads…');
    await userEvent.click(syncButton());
    expect(api.post).toHaveBeenCalledTimes(1);
    answer({ data: { syncLogId: 13, status: 'queued' } });
    await waitFor(() => expect(syncButton()).toBeEnabled());
    await waitFor(() => expect(toggleNotification).toHaveBeenCalledWith({ type: 'success', message: 'Lead sync started' }));
    expect(onChange).toHaveBeenCalled();
  });

  it('is disabled while a run is going, with its progress in words', () => {
    resetFakes();
    const active = run({ id: 13, status: 'running', phase: 'refreshing leads', progressDone: 3, progressTotal: 10, completedAt: null });
    renderAdmin(<LeadsStatusCard overview={overview({ activeRun: active as LeadsOverview['activeRun'] })} dealership="dealer-a" onChange={jest.fn()} />);
    expect(syncButton()).toBeDisabled();
    expect(screen.getByTestId('leads-progress')).toHaveTextContent('Refreshing leads from EasyCars: 3 of 10');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '30');
  });

  it('shows why a sync could not start (already running elsewhere)', async () => {
    resetFakes({ 'POST /easycars/sync/leads': fetchError(409, 'A leads sync is already queued or running for this dealership.') });
    renderAdmin(<LeadsStatusCard overview={overview()} dealership="dealer-a" onChange={jest.fn()} />);
    await userEvent.click(syncButton());
    await waitFor(() =>
      expect(toggleNotification).toHaveBeenCalledWith({ type: 'danger', message: 'A leads sync is already queued or running for this dealership.' }),
    );
  });
});

describe('LeadRunsTable', () => {
  it('lists the last 10 runs in words and shows each lead\'s outcome on demand', async () => {
    resetFakes({
      '/easycars/sync-logs': { results: [run()], pagination: { page: 1, pageSize: 10, total: 1, pageCount: 1 } },
      '/easycars/sync-logs/12': {
        data: { ...run(), items: [{ ref: '000017', outcome: 'conflict', message: 'Status changed on both sides' }, { ref: '000018', outcome: 'updated' }] },
      },
    });
    renderAdmin(<LeadRunsTable dealership="dealer-a" />);
    const row = await screen.findByTestId('leads-run');
    expect(api.get).toHaveBeenCalledWith('/easycars/sync-logs', { params: { type: 'leads', pageSize: 10, dealership: 'dealer-a' } });
    expect(row).toHaveTextContent('Needs attention');
    expect(row).toHaveTextContent('3 processed · 1 updated · 0 failed');
    expect(row).toHaveTextContent('Manual (Tess Admin)');
    await userEvent.click(within(row).getByRole('button', { name: 'Show details' }));
    const details = await screen.findByTestId('leads-run-details');
    expect(details).toHaveTextContent('Lead 000017: Conflict — Status changed on both sides');
    expect(details).toHaveTextContent('Lead 000018: Updated here');
    expect(within(row).getByRole('button', { name: 'Hide details' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('says how many known leads a run did not refresh, and why (bounded refresh)', async () => {
    resetFakes({
      '/easycars/sync-logs': { results: [run()], pagination: { page: 1, pageSize: 10, total: 1, pageCount: 1 } },
      '/easycars/sync-logs/12': { data: { ...run(), items: [], responseSummary: { notDue: { deleted: 2, closed: 4800 }, closedDays: 30 } } },
    });
    renderAdmin(<LeadRunsTable dealership="dealer-a" />);
    await userEvent.click(within(await screen.findByTestId('leads-run')).getByRole('button', { name: 'Show details' }));
    expect(await screen.findByTestId('leads-run-not-due')).toHaveTextContent(
      'Not refreshed this run (they are refreshed weekly): 2 deleted, 4800 won or lost more than 30 days ago.',
    );
  });
});
