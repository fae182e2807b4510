import '@testing-library/jest-dom';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import DashboardPage from '../../src/plugins/easycars/admin/src/pages/DashboardPage';
import { HealthWidget } from '../../src/plugins/easycars/admin/src/components/dashboard/HealthWidget';
import { formatInZone } from '../../src/plugins/easycars/admin/src/utils/zonedTime';
import { api, polyfillDom, resetFakes, toggleNotification } from './leads-fakes';
import { renderAdmin, renderPluginPage } from './render';

jest.mock('@strapi/strapi/admin', () => require('./leads-fakes').strapiAdminDouble);

beforeAll(polyfillDom);

const DEALERSHIPS = [
  { documentId: 'dealer-a', name: 'Harbour Motors', slug: 'harbour', timezone: 'Australia/Sydney', credential: { configured: true } },
  { documentId: 'dealer-b', name: 'North Shore Autos', slug: 'north', timezone: 'Australia/Perth', credential: { configured: true } },
] as any[];

const service = (over: Record<string, unknown> = {}) => ({
  health: 'ok',
  reason: 'Healthy',
  lastRun: { id: 1, status: 'success', completedAt: '2026-11-27T15:00:00.000Z', processed: 12 },
  lastSuccessAt: '2026-11-27T15:00:00.000Z',
  nextRunAt: '2026-11-28T15:00:00.000Z',
  intervalHours: 24,
  ...over,
});
const OVERVIEW = {
  generatedAt: '2026-11-28T01:00:00.000Z',
  rows: [
    { dealership: { documentId: 'dealer-a', name: 'Harbour Motors', timezone: 'Australia/Sydney' }, connection: 'active', stock: service(), leads: service({ intervalHours: 1 }), openConflicts: 1, leadsWaiting: 2, leadsInReview: 0 },
    {
      dealership: { documentId: 'dealer-b', name: 'North Shore Autos', timezone: 'Australia/Perth' },
      connection: 'auth_failing',
      stock: service({ health: 'failing', reason: 'Last run failed: EasyCars rejected the client ID / client secret.' }),
      leads: service({ health: 'stale', reason: 'No successful sync for 3 days (more than twice the schedule)' }),
      openConflicts: 0,
      leadsWaiting: 0,
      leadsInReview: 2,
    },
  ],
  stats: { vehiclesInFeed: 212, vehiclesRemoved: 7, leadsLinked: 40, connections: { active: 1, off: 0, authFailing: 1, notConfigured: 0 }, dealerships: { healthy: 1, attention: 0, failing: 1, stale: 0 } },
};
const TREND = [
  { day: '2026-11-27', type: 'stock', success: 3, warning: 1, failed: 1, other: 0, total: 5, successRate: 80 },
  { day: '2026-11-28', type: 'stock', success: 0, warning: 0, failed: 0, other: 0, total: 0, successRate: null },
  { day: '2026-11-27', type: 'leads', success: 9, warning: 0, failed: 0, other: 0, total: 9, successRate: 100 },
];

const PERFORMANCE = [
  { day: '2026-11-27', type: 'stock', runs: 4, successRate: 75, avgDurationMs: 42_000, p95DurationMs: 60_000, apiCalls: 12, apiErrors: 1, avgLatencyMs: 380, p95LatencyMs: 1000, throttled: 3 },
  { day: '2026-11-28', type: 'stock', runs: 0, successRate: null, avgDurationMs: null, p95DurationMs: null, apiCalls: 0, apiErrors: 0, avgLatencyMs: null, p95LatencyMs: null, throttled: 0 },
  { day: '2026-11-27', type: 'leads', runs: 24, successRate: 100, avgDurationMs: 900, p95DurationMs: 1000, apiCalls: 30, apiErrors: 0, avgLatencyMs: 120, p95LatencyMs: 250, throttled: 0 },
];

const renderPage = () => renderPluginPage('dashboard', <DashboardPage />, { dealerships: DEALERSHIPS });

describe('EasyCars dashboard', () => {
  beforeEach(() =>
    resetFakes({
      '/easycars/dashboard': { data: OVERVIEW },
      '/easycars/dashboard/trend': { data: TREND },
      '/easycars/dashboard/performance': { data: PERFORMANCE },
      'POST /easycars/sync/stock': { data: { syncLogId: 5 } },
    }),
  );

  it('shows each dealership’s state in words, times in its own timezone with the zone named', async () => {
    renderPage();
    const table = await screen.findByTestId('dashboard-table');
    const north = within(table).getByText('North Shore Autos').closest('tr')!;
    expect(within(north).getByText('Failing')).toBeInTheDocument();
    expect(within(north).getByText('Stale')).toBeInTheDocument();
    expect(within(north).getByText('Last run failed: EasyCars rejected the client ID / client secret.')).toBeInTheDocument();
    const harbour = within(table).getByText('Harbour Motors').closest('tr')!;
    expect(within(harbour).getAllByText('Healthy')).toHaveLength(2);
    expect(within(harbour).getByText('1 / 2 / 0')).toBeInTheDocument();
    // 15:00 UTC is 2:00 am the next day in Sydney (AEDT), and 11:00 pm in Perth.
    expect(within(harbour).getAllByText(/Next: 29 Nov 2026, 2:00 am AEDT/).length).toBeGreaterThan(0);
    expect(within(north).getAllByText(/Next: 28 Nov 2026, 11:00 pm AWST/).length).toBeGreaterThan(0);
    expect(formatInZone('2026-11-27T15:00:00.000Z', 'Australia/Sydney')).toBe('28 Nov 2026, 2:00 am AEDT');
  });

  it('puts what needs attention in a banner, with links', async () => {
    renderPage();
    const banner = await screen.findByTestId('dashboard-alerts');
    expect(within(banner).getByText('4 things need attention')).toBeInTheDocument();
    expect(within(banner).getByText(/North Shore Autos: EasyCars refused the credentials/)).toBeInTheDocument();
    expect(within(banner).getByText(/North Shore Autos — Stock: Failing\. Last run failed/)).toBeInTheDocument();
    expect(within(banner).getByText(/North Shore Autos: 2 lead\(s\) may have reached EasyCars/)).toBeInTheDocument();
    expect(within(banner).getAllByRole('link', { name: 'Open' })[0]).toHaveAttribute('href', '/plugins/easycars/credentials?dealership=dealer-b');
  });

  it('shows quick stats and the 30-day numbers as a table too', async () => {
    renderPage();
    expect(await screen.findByText('212')).toBeInTheDocument();
    expect(screen.getByText('7 removed from the feed')).toBeInTheDocument();
    expect(screen.getByText('active · 0 switched off · 1 failing authentication · 0 not configured')).toBeInTheDocument();
    const table = screen.getByTestId('trend-table');
    const row = within(table).getByText('2026-11-27').closest('tr')!;
    expect(within(row).getByText('80%')).toBeInTheDocument();
    expect(within(table).getByText('—')).toBeInTheDocument();
  });

  it('charts sync time, API latency, success rate and rate limiting from the rollups, with a table for screen readers', async () => {
    renderPage();
    const table = await screen.findByTestId('performance-table');
    const row = within(table).getByText('2026-11-27').closest('tr')!;
    expect(within(row).getAllByRole('gridcell').map((c) => c.textContent)).toEqual(['2026-11-27', '4', '42', '60', '1', '75%', '3']);
    const empty = within(table).getByText('2026-11-28').closest('tr')!;
    expect(within(empty).getAllByRole('gridcell').map((c) => c.textContent)).toEqual(['2026-11-28', '0', '—', '—', '—', '—', '0']);
    expect(api.get).toHaveBeenCalledWith('/easycars/dashboard/performance', { params: { days: 30 } });
  });

  it('syncs from the table and refreshes; refreshes itself every 30 s while visible', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      renderPage();
      await screen.findByTestId('dashboard-table');
      const calls = () => api.get.mock.calls.filter(([url]: [string]) => url === '/easycars/dashboard').length;
      const before = calls();
      await act(async () => {
        jest.advanceTimersByTime(30_000);
      });
      await waitFor(() => expect(calls()).toBe(before + 1));
    } finally {
      jest.useRealTimers();
    }
    const harbour = screen.getByText('Harbour Motors').closest('tr')!;
    await userEvent.click(within(harbour).getByRole('button', { name: 'Sync stock now' }));
    await waitFor(() => expect(api.post).toHaveBeenCalledWith('/easycars/sync/stock', { dealership: 'dealer-a' }));
    await waitFor(() => expect(toggleNotification).toHaveBeenCalledWith({ type: 'success', message: 'Stock sync started.' }));
  });

  it('homepage widget: counts and the worst dealerships with their reason', async () => {
    renderAdmin(<HealthWidget />, '/');
    const widget = await screen.findByTestId('easycars-widget');
    expect(within(widget).getByText('North Shore Autos')).toBeInTheDocument();
    expect(within(widget).getByText('Failing')).toBeInTheDocument();
    expect(within(widget).queryByText('Harbour Motors')).not.toBeInTheDocument();
    expect(within(widget).getByRole('link', { name: 'Open the EasyCars dashboard' })).toHaveAttribute('href', '/plugins/easycars/dashboard');
  });
});
