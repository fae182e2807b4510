import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ConflictsPage from '../../src/plugins/easycars/admin/src/pages/ConflictsPage';
import { LocalEditsSettings } from '../../src/plugins/easycars/admin/src/components/stock/LocalEditsSettings';
import { VehiclePins } from '../../src/plugins/easycars/admin/src/content-manager/vehicle-pins';
import { api, polyfillDom, resetFakes, toggleNotification } from './leads-fakes';
import { renderAdmin, renderPluginPage } from './render';

jest.mock('@strapi/strapi/admin', () => require('./leads-fakes').strapiAdminDouble);

beforeAll(polyfillDom);

const DEALERSHIPS = [{ documentId: 'dealer-a', name: 'Harbour Motors', slug: 'harbour', timezone: 'Australia/Sydney', credential: { configured: true } }] as any[];
const conflict = (over: Record<string, unknown>) => ({
  kind: 'vehicle', id: 1, ref: 'SN-1', entryDocumentId: 'veh-1', field: 'description', baseValue: 'Old EasyCars text', localValue: 'Our words', remoteValue: 'New EasyCars text',
  localChangedAt: '2026-11-28T01:00:00.000Z', localChangedBy: 'Ada Editor', remoteChangedAt: '2026-11-28T02:00:00.000Z', createdAt: '2026-11-28T02:00:00.000Z',
  state: 'open', resolution: null, resolvedBy: null, resolvedAt: null, ...over,
});
const INBOX = {
  data: {
    conflicts: [conflict({}), conflict({ id: 2, field: 'price', baseValue: 20000, localValue: 19500, remoteValue: 21000 }), conflict({ kind: 'lead', id: 7, ref: '000042', entryDocumentId: 'lead-1', field: 'status', baseValue: 'new', localValue: 'won', remoteValue: 'in_progress', localChangedBy: null })],
    counts: { vehicle: 2, lead: 1 },
    pagination: { page: 1, pageSize: 25, total: 3, pageCount: 1 },
    active: null,
  },
};

describe('the conflict inbox', () => {
  beforeEach(() => resetFakes({ '/easycars/conflicts': INBOX, 'POST /easycars/conflicts/resolve': { data: { resolved: 2, failed: [] } } }));

  it('groups a vehicle’s fields in one card, shows last agreed, this site and EasyCars side by side, and who changed it here', async () => {
    renderPluginPage('conflicts', <ConflictsPage />, { dealerships: DEALERSHIPS });
    const cards = await screen.findAllByTestId('conflict-card');
    expect(cards).toHaveLength(2);
    expect(within(cards[0]).getByTestId('conflict-field-description')).toHaveTextContent('descriptionOld EasyCars textOur wordsNew EasyCars text');
    expect(within(cards[0]).getByTestId('conflict-field-price')).toHaveTextContent('price200001950021000');
    expect(cards[0]).toHaveTextContent('by Ada Editor');
    // The links need the host's content types, a query of its own that may answer after the inbox.
    expect(await within(cards[0]).findByRole('link', { name: 'SN-1' })).toHaveAttribute('href', '/content-manager/collection-types/api::vehicle.vehicle/veh-1');
    expect(await within(cards[1]).findByRole('link', { name: '000042' })).toHaveAttribute('href', '/content-manager/collection-types/api::lead.lead/lead-1');
    expect(screen.getByTestId('inbox-counts')).toHaveTextContent('Open: 2 on vehicles, 1 on leads.');
  });

  it('merges field by field: a preview of the result first, then apply', async () => {
    renderPluginPage('conflicts', <ConflictsPage />, { dealerships: DEALERSHIPS });
    const [card] = await screen.findAllByTestId('conflict-card');
    await userEvent.click(within(within(card).getByTestId('conflict-field-description')).getByRole('radio', { name: 'Another value' }));
    const input = within(card).getByRole('textbox', { name: 'Value for description' });
    fireEvent.change(input, { target: { value: 'Our words, plus the news' } });
    await userEvent.click(within(within(card).getByTestId('conflict-field-price')).getByRole('radio', { name: 'EasyCars' }));
    await userEvent.click(within(card).getByRole('button', { name: 'Preview' }));
    expect(within(card).getByTestId('conflict-preview')).toHaveTextContent('description: Our words, plus the newsprice: 21000');
    expect(api.post).not.toHaveBeenCalled();
    await userEvent.click(within(card).getByRole('button', { name: 'Apply' }));
    await waitFor(() =>
      expect(api.post).toHaveBeenCalledWith('/easycars/conflicts/resolve', {
        dealership: 'dealer-a',
        choices: [{ kind: 'vehicle', id: 1, use: 'value', value: 'Our words, plus the news' }, { kind: 'vehicle', id: 2, use: 'easycars' }],
      }),
    );
    await waitFor(() => expect(toggleNotification).toHaveBeenCalledWith({ type: 'success', message: '2 conflicts resolved.' }));
  });

  it('offers no typed value for a lead (edit the lead instead), and resolves everything shown in bulk after confirming', async () => {
    api.answers['POST /easycars/conflicts/resolve-all'] = { data: { syncLogId: 12, status: 'queued' } };
    renderPluginPage('conflicts', <ConflictsPage />, { dealerships: DEALERSHIPS });
    const cards = await screen.findAllByTestId('conflict-card');
    expect(within(cards[1]).queryByRole('radio', { name: 'Another value' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Take EasyCars for all 3' }));
    await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Resolve all' }));
    await waitFor(() => expect(api.post).toHaveBeenCalledWith('/easycars/conflicts/resolve-all', { dealership: 'dealer-a', use: 'easycars' }));
  });

  it('shows the progress of a bulk resolution that is running', async () => {
    resetFakes({ '/easycars/conflicts': { data: { ...INBOX.data, active: { id: 12, status: 'running', done: 40, total: 160 } } } });
    renderPluginPage('conflicts', <ConflictsPage />, { dealerships: DEALERSHIPS });
    const progress = await screen.findByTestId('inbox-progress');
    expect(progress).toHaveTextContent('Resolving in bulk: 40 of 160');
    expect(within(progress).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25');
    expect(screen.queryByRole('button', { name: /for all/ })).not.toBeInTheDocument();
  });
});

describe('Local edits settings', () => {
  it('saves the default strategy and a per-field exception', async () => {
    resetFakes({
      '/easycars/stock/settings': { data: { stockConflictStrategy: 'easycars', stockFieldStrategies: {}, fields: [{ target: 'price', attribute: 'price' }, { target: 'description', attribute: 'description' }] } },
      'PUT /easycars/stock/settings': (body: any) => ({ data: { ...body, fields: [] } }),
    });
    renderAdmin(<LocalEditsSettings dealership="dealer-a" canEdit />);
    await userEvent.click(await screen.findByRole('radio', { name: /This site wins/ }));
    await userEvent.click(screen.getByText(/Per field/));
    await userEvent.click(screen.getByRole('combobox', { name: 'When description changes on both sides' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Manual review' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save local-edit settings' }));
    await waitFor(() => expect(api.put).toHaveBeenCalledWith('/easycars/stock/settings', { dealership: 'dealer-a', stockConflictStrategy: 'local', stockFieldStrategies: { description: 'review' } }));
  });
});

describe('pins in the vehicle panel', () => {
  it('keeps a chosen field and releases a pinned one', async () => {
    resetFakes({ 'PUT /easycars/vehicles/veh-1/pins': (body: any) => ({ data: { pinnedFields: body.pinned ? ['description', body.field] : [] } }) });
    const link = { vehicleDocumentId: 'veh-1', pinnable: [{ target: 'description', attribute: 'description' }, { target: 'colour', attribute: 'colour' }], pinnedFields: ['description'] } as any;
    renderAdmin(<VehiclePins link={link} />);
    await userEvent.click(screen.getByRole('combobox', { name: 'Keep this site’s value of' }));
    await userEvent.click(await screen.findByRole('option', { name: 'colour' }));
    await userEvent.click(screen.getByRole('button', { name: 'Keep' }));
    await waitFor(() => expect(api.put).toHaveBeenCalledWith('/easycars/vehicles/veh-1/pins', { field: 'colour', pinned: true }));
    await userEvent.click(screen.getByRole('button', { name: /Let EasyCars update description again/ }));
    await waitFor(() => expect(api.put).toHaveBeenLastCalledWith('/easycars/vehicles/veh-1/pins', { field: 'description', pinned: false }));
  });
});
