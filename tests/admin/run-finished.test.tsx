import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { LeadsStatusCard } from '../../src/plugins/easycars/admin/src/components/leads/LeadsStatusCard';
import { useRunFinishedNotice } from '../../src/plugins/easycars/admin/src/hooks/useRunFinishedNotice';
import { polyfillDom, resetFakes, toggleNotification } from './leads-fakes';
import { renderAdmin } from './render';

jest.mock('@strapi/strapi/admin', () => require('./leads-fakes').strapiAdminDouble);

beforeAll(polyfillDom);
beforeEach(() => resetFakes());

const Probe = ({ active, last }: { active: any; last: any }) => {
  useRunFinishedNotice('stock', active, last, (s) => (s === 'success' ? 'Success' : s));
  return null;
};
const Providers = ({ children }: { children: ReactNode }) => (
  <IntlProvider locale="en" messages={{}}>
    {children}
  </IntlProvider>
);
const renderProbe = (ui: JSX.Element) => render(ui, { wrapper: Providers });
const run = (id: number, over: Record<string, unknown> = {}) => ({ id, status: 'success', fetched: 30, created: 2, updated: 1, removed: 0, failed: 0, ...over });

describe('a run that finishes while the page is open', () => {
  it('says so once, with its summary', () => {
    const view = renderProbe(<Probe active={run(7, { status: 'running' })} last={run(6)} />);
    expect(toggleNotification).not.toHaveBeenCalled();
    view.rerender(<Probe active={null} last={run(7)} />);
    expect(toggleNotification).toHaveBeenCalledTimes(1);
    expect(toggleNotification).toHaveBeenCalledWith({ type: 'success', message: 'Stock sync finished: Success — 30 fetched, 2 created, 1 updated, 0 removed, 0 failed.' });
    view.rerender(<Probe active={null} last={run(7)} />);
    expect(toggleNotification).toHaveBeenCalledTimes(1);
  });

  it('stays quiet about runs that finished before the page was opened', () => {
    const view = renderProbe(<Probe active={null} last={run(6)} />);
    view.rerender(<Probe active={null} last={run(6)} />);
    expect(toggleNotification).not.toHaveBeenCalled();
  });

  it('a failed run is a danger notice', () => {
    const view = renderProbe(<Probe active={run(8, { status: 'queued' })} last={null} />);
    view.rerender(<Probe active={null} last={run(8, { status: 'failed', fetched: 0 })} />);
    expect(toggleNotification).toHaveBeenCalledWith(expect.objectContaining({ type: 'danger' }));
  });
});

describe('the lead card', () => {
  it('shows the next scheduled run in the dealership’s timezone, the records processed and the direction', () => {
    const overview = {
      credential: { configured: true, isActive: true, leadSyncEnabled: true },
      counts: { known: 3 },
      lastRun: { id: 4, trigger: 'schedule', triggeredByName: null, status: 'success', phase: 'done', progressDone: 3, progressTotal: 3, startedAt: '2026-11-27T15:00:00.000Z', completedAt: '2026-11-27T15:00:02.000Z', createdAt: '2026-11-27T15:00:00.000Z', errorMessage: null, fetched: 3, updated: 1, unchanged: 2, failed: 0 },
      activeRun: null,
      nextRunAt: '2026-11-27T16:00:00.000Z',
    } as any;
    renderAdmin(<LeadsStatusCard overview={overview} dealership="dealer-a" onChange={jest.fn()} timezone="Australia/Sydney" />);
    expect(screen.getByTestId('leads-next-run')).toHaveTextContent('Next scheduled sync: 28 Nov 2026, 3:00 am AEDT');
    expect(screen.getByTestId('leads-last-processed')).toHaveTextContent('3 processed, both ways (to and from EasyCars)');
  });
});
