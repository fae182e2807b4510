import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PendingPushesTable } from '../../src/plugins/easycars/admin/src/components/leads/PendingPushesTable';
import { api, polyfillDom, resetFakes, toggleNotification } from './leads-fakes';
import { renderAdmin } from './render';

jest.mock('@strapi/strapi/admin', () => require('./leads-fakes').strapiAdminDouble);

beforeAll(polyfillDom);

const push = (over: Record<string, unknown>) => ({
  id: 1,
  leadDocumentId: 'doc-1',
  customerName: 'Ava Brown',
  vehicle: '2021 Toyota Corolla',
  pushState: 'pending',
  pushError: null,
  pushAttempts: 0,
  leadNumber: null,
  updatedAt: '2025-03-01T10:00:00.000Z',
  ...over,
});
const FAILED = push({ id: 3, customerName: 'Noah Smith', pushState: 'failed', pushAttempts: 1, pushError: 'VehicleMake is required (lead field: vehicleMake)' });
const PENDING = push({ id: 4, customerName: 'Mia Chen' });
const REVIEW = push({ id: 6, customerName: 'Leo Park', pushState: 'review', pushError: 'No answer to CreateLead: look for ExternalID doc-6 in EasyCars' });

const card = async (name: string) => (await screen.findByText(name)).closest('[data-testid="leads-push"]') as HTMLElement;

describe('PendingPushesTable', () => {
  it('writes each state and the reason, and offers Retry on failed and Send again on review only', async () => {
    resetFakes({ '/easycars/leads/pushes': { data: [FAILED, PENDING, REVIEW] } });
    renderAdmin(<PendingPushesTable dealership="dealer-a" onChange={jest.fn()} />);
    const failed = await card('Noah Smith — 2021 Toyota Corolla');
    expect(within(failed).getByText('Failed')).toBeInTheDocument();
    expect(within(failed).getByText('Reason: VehicleMake is required (lead field: vehicleMake)')).toBeInTheDocument();
    expect(within(failed).getByText(/1 attempt,/)).toBeInTheDocument();
    const pending = await card('Mia Chen — 2021 Toyota Corolla');
    expect(within(pending).getByText('Waiting to be sent')).toBeInTheDocument();
    expect(within(pending).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    const review = await card('Leo Park — 2021 Toyota Corolla');
    expect(within(review).getByText('Needs review')).toBeInTheDocument();
    expect(within(review).getByRole('button', { name: 'Send again' })).toBeInTheDocument();
    expect(within(review).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('Retry on a failed push sends it again and reloads the list', async () => {
    const onChange = jest.fn();
    let rows = [FAILED];
    resetFakes({
      '/easycars/leads/pushes': () => ({ data: rows }),
      'POST /easycars/leads/pushes/3/retry': () => {
        rows = [{ ...FAILED, pushState: 'pending', pushError: null }];
        return { data: { id: 3, pushState: 'pending' } };
      },
    });
    renderAdmin(<PendingPushesTable dealership="dealer-a" onChange={onChange} />);
    await userEvent.click(within(await card('Noah Smith — 2021 Toyota Corolla')).getByRole('button', { name: 'Retry' }));
    expect(api.post).toHaveBeenCalledWith('/easycars/leads/pushes/3/retry', { dealership: 'dealer-a' });
    await waitFor(() => expect(toggleNotification).toHaveBeenCalledWith({ type: 'success', message: 'Lead queued to be sent again' }));
    expect(await screen.findByText('Waiting to be sent')).toBeInTheDocument();
    expect(onChange).toHaveBeenCalled();
  });

  it('Send again on a lead in review asks first: cancel sends nothing, confirm sends it with confirmResend', async () => {
    resetFakes({ '/easycars/leads/pushes': { data: [REVIEW] }, 'POST /easycars/leads/pushes/6/retry': { data: { id: 6, pushState: 'pending' } } });
    renderAdmin(<PendingPushesTable dealership="dealer-a" onChange={jest.fn()} />);
    await userEvent.click(within(await card('Leo Park — 2021 Toyota Corolla')).getByRole('button', { name: 'Send again' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent('EasyCars may already have this lead');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.post).not.toHaveBeenCalled();

    await userEvent.click(within(await card('Leo Park — 2021 Toyota Corolla')).getByRole('button', { name: 'Send again' }));
    await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Send it again' }));
    await waitFor(() => expect(api.post).toHaveBeenCalledWith('/easycars/leads/pushes/6/retry', { dealership: 'dealer-a', confirmResend: true }));
  });
});
