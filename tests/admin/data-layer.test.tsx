import '@testing-library/jest-dom';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import DashboardPage from '../../src/plugins/easycars/admin/src/pages/DashboardPage';
import LeadsPage from '../../src/plugins/easycars/admin/src/pages/LeadsPage';
import { api, polyfillDom, resetFakes } from './leads-fakes';
import { renderPluginPage } from './render';

jest.mock('@strapi/strapi/admin', () => require('./leads-fakes').strapiAdminDouble);

beforeAll(polyfillDom);

const DEALERSHIPS = [{ documentId: 'dealer-a', name: 'Harbour Motors', slug: 'harbour', timezone: 'Australia/Sydney', credential: { configured: true } }] as any[];

/** What the browser says about the tab; react-query's focus manager reads it on every tick and on visibilitychange. */
let visibility: DocumentVisibilityState = 'visible';
const setVisibility = (state: DocumentVisibilityState) => {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
};
beforeAll(() => Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility }));
afterEach(() => {
  visibility = 'visible';
});

describe('polling follows the tab', () => {
  const OVERVIEW = {
    generatedAt: '2026-11-28T01:00:00.000Z',
    rows: [],
    stats: { vehiclesInFeed: 0, vehiclesRemoved: 0, leadsLinked: 0, connections: { active: 0, off: 0, authFailing: 0, notConfigured: 0 }, dealerships: { healthy: 0, attention: 0, failing: 0, stale: 0 } },
  };

  it('the dashboard stops refreshing while the tab is hidden, refreshes at once when it is shown again, then every 30 s', async () => {
    resetFakes({ '/easycars/dashboard': { data: OVERVIEW }, '/easycars/dashboard/trend': { data: [] } });
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      renderPluginPage('dashboard', <DashboardPage />, { dealerships: DEALERSHIPS });
      await screen.findByTestId('dashboard');
      const calls = () => api.get.mock.calls.filter(([url]: [string]) => url === '/easycars/dashboard').length;
      const loaded = calls();

      act(() => setVisibility('hidden'));
      await act(async () => {
        jest.advanceTimersByTime(120_000);
      });
      expect(calls()).toBe(loaded);

      act(() => setVisibility('visible'));
      await waitFor(() => expect(calls()).toBe(loaded + 1));
      await act(async () => {
        jest.advanceTimersByTime(30_000);
      });
      await waitFor(() => expect(calls()).toBe(loaded + 2));
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('a mutation refreshes what it changed', () => {
  const CONFLICT = {
    id: 5,
    leadDocumentId: 'lead-doc-1',
    leadNumber: '000017',
    field: 'status',
    baseValue: 'new',
    localValue: 'won',
    remoteValue: 'lost',
    state: 'open',
    createdAt: '2025-03-01T10:00:00.000Z',
  };

  it('resolving a conflict reloads the conflict list and the status card’s count, with no reload wired between them', async () => {
    let open = [CONFLICT];
    const overview = () => ({
      data: {
        credential: { configured: true, isActive: true, leadSyncEnabled: true, leadConflictStrategy: 'manual' },
        counts: { known: 3, openConflicts: open.length },
        lastRun: null,
        activeRun: null,
      },
    });
    resetFakes({
      '/easycars/leads/overview': overview,
      '/easycars/leads/conflicts': () => ({ data: open }),
      '/easycars/leads/pushes': { data: [] },
      '/easycars/sync-logs': { results: [] },
      '/easycars/credentials': { data: null },
      'POST /easycars/leads/conflicts/5/resolve': () => {
        open = [];
        return { data: { ...CONFLICT, state: 'resolved' } };
      },
    });
    renderPluginPage('leads', <LeadsPage />, { dealerships: DEALERSHIPS });
    const status = await screen.findByTestId('leads-status');
    expect(within(status).getByText('1 open conflict')).toBeInTheDocument();
    const overviewLoads = api.get.mock.calls.filter(([url]: [string]) => url === '/easycars/leads/overview').length;

    await userEvent.click(await screen.findByRole('button', { name: 'Keep “Won” (this site)' }));

    expect(await screen.findByText('No conflict to resolve.')).toBeInTheDocument();
    expect(await within(status).findByText('0 open conflicts')).toBeInTheDocument();
    // Reloaded by the invalidation, not by its 3 s poll.
    expect(api.get.mock.calls.filter(([url]: [string]) => url === '/easycars/leads/overview').length).toBe(overviewLoads + 1);
  });
});
