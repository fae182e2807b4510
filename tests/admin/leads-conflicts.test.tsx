import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConflictsTable } from '../../src/plugins/easycars/admin/src/components/leads/ConflictsTable';
import { api, fetchError, polyfillDom, resetFakes, toggleNotification } from './leads-fakes';
import { renderAdmin } from './render';

jest.mock('@strapi/strapi/admin', () => require('./leads-fakes').strapiAdminDouble);

beforeAll(polyfillDom);

const OPEN = {
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

describe('ConflictsTable', () => {
  it('shows the last agreed, local and EasyCars values side by side, in words', async () => {
    resetFakes({ '/easycars/leads/conflicts': { data: [OPEN] } });
    renderAdmin(<ConflictsTable dealership="dealer-a" onChange={jest.fn()} />);
    const card = await screen.findByTestId('leads-conflict');
    expect(within(card).getByText('EasyCars lead 000017').closest('a')).toHaveAttribute('href', '/content-manager/collection-types/api::lead.lead/lead-doc-1');
    expect(within(card).getByText('Last agreed').nextSibling).toHaveTextContent('New');
    expect(within(card).getByText('Here').nextSibling).toHaveTextContent('Won');
    expect(within(card).getByText('In EasyCars').nextSibling).toHaveTextContent('Lost');
    expect(api.get).toHaveBeenCalledWith('/easycars/leads/conflicts', { params: { state: 'open', dealership: 'dealer-a' } });
  });

  it.each([
    ['Keep “Won” (this site)', 'local', 'Won'],
    ['Take “Lost” (EasyCars)', 'easycars', 'Lost'],
  ])('"%s" resolves with choice %s and reloads', async (button, choice, value) => {
    const onChange = jest.fn();
    let open = [OPEN];
    resetFakes({
      '/easycars/leads/conflicts': () => ({ data: open }),
      'POST /easycars/leads/conflicts/5/resolve': () => {
        open = [];
        return { data: { ...OPEN, state: 'resolved', resolution: choice } };
      },
    });
    renderAdmin(<ConflictsTable dealership="dealer-a" onChange={onChange} />);
    await userEvent.click(await screen.findByRole('button', { name: button }));
    expect(api.post).toHaveBeenCalledTimes(1);
    expect(api.post).toHaveBeenCalledWith('/easycars/leads/conflicts/5/resolve', { dealership: 'dealer-a', choice });
    await screen.findByText('No conflict to resolve.');
    await waitFor(() => expect(toggleNotification).toHaveBeenCalledWith({ type: 'success', message: `Conflict resolved: Status is now “${value}” here and in EasyCars.` }));
    expect(onChange).toHaveBeenCalled();
  });

  it('a field conflict names the field, shows its plain values and resolves that field only', async () => {
    const field = { ...OPEN, id: 6, field: 'customerMobile', baseValue: '0400 111 222', localValue: '0499 000 111', remoteValue: null };
    resetFakes({
      '/easycars/leads/conflicts': { data: [OPEN, field] },
      'POST /easycars/leads/conflicts/6/resolve': { data: { ...field, state: 'resolved', resolution: 'local' } },
    });
    renderAdmin(<ConflictsTable dealership="dealer-a" onChange={jest.fn()} />);
    const cards = await screen.findAllByTestId('leads-conflict');
    expect(within(cards[0]!).getByTestId('leads-conflict-field')).toHaveTextContent('Field: Status');
    const card = cards[1]!;
    expect(within(card).getByTestId('leads-conflict-field')).toHaveTextContent('Field: Customer mobile');
    expect(within(card).getByText('Last agreed').nextSibling).toHaveTextContent('0400 111 222');
    expect(within(card).getByText('Here').nextSibling).toHaveTextContent('0499 000 111');
    expect(within(card).getByText('In EasyCars').nextSibling).toHaveTextContent('—');
    await userEvent.click(within(card).getByRole('button', { name: 'Keep “0499 000 111” (this site)' }));
    expect(api.post).toHaveBeenCalledWith('/easycars/leads/conflicts/6/resolve', { dealership: 'dealer-a', choice: 'local' });
    await waitFor(() =>
      expect(toggleNotification).toHaveBeenCalledWith({ type: 'success', message: 'Conflict resolved: Customer mobile is now “0499 000 111” here and in EasyCars.' }),
    );
  });

  it('tells why a resolution was refused (already resolved elsewhere)', async () => {
    resetFakes({
      '/easycars/leads/conflicts': { data: [OPEN] },
      'POST /easycars/leads/conflicts/5/resolve': fetchError(409, 'This conflict was already resolved.'),
    });
    renderAdmin(<ConflictsTable dealership="dealer-a" onChange={jest.fn()} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Keep “Won” (this site)' }));
    await waitFor(() => expect(toggleNotification).toHaveBeenCalledWith({ type: 'danger', message: 'This conflict was already resolved.' }));
  });

  it('says so when the list cannot be loaded instead of claiming there is nothing to resolve', async () => {
    resetFakes({ '/easycars/leads/conflicts': fetchError(403, 'Policy Failed') });
    renderAdmin(<ConflictsTable dealership="dealer-a" onChange={jest.fn()} />);
    expect(await screen.findByText('Could not load this list: Policy Failed')).toBeInTheDocument();
    expect(screen.queryByText('No conflict to resolve.')).not.toBeInTheDocument();
  });
});
