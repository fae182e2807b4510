import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { addVehicleColumn, VehicleSyncCell } from '../../src/plugins/easycars/admin/src/content-manager/vehicle-column';
import { VehicleEasyCarsDetails, VehicleEasyCarsPanel } from '../../src/plugins/easycars/admin/src/content-manager/vehicle-side-panel';
import type { VehicleLink } from '../../src/plugins/easycars/admin/src/content-manager/vehicle-links';
import { api, fetchError, polyfillDom, resetFakes } from './leads-fakes';
import { renderAdmin } from './render';
import { local } from './stock-fixtures';

jest.mock('@strapi/strapi/admin', () => require('./leads-fakes').strapiAdminDouble);

beforeAll(polyfillDom);

const link = (over: Partial<VehicleLink> = {}): VehicleLink => ({
  vehicleDocumentId: 'veh-1',
  stockNumber: 'SN-1001',
  yardCode: 'MAIN',
  yardName: 'Main yard',
  inFeed: true,
  removedAt: null,
  firstSeenAt: '2025-02-01T00:00:00.000Z',
  lastSyncedAt: '2025-03-01T10:00:42.000Z',
  imageSyncedAt: null,
  ownedFields: ['price', 'description', 'images'],
  ...over,
});

// The column caches links for 15 s per document: each test uses its own document ids.
describe('vehicle list column', () => {
  it('asks for every cell of a render in one request and writes EasyCars + last synced, or Manual', async () => {
    resetFakes({
      'POST /easycars/vehicles/status': {
        data: { 'col-1': link({ vehicleDocumentId: 'col-1' }), 'col-2': link({ vehicleDocumentId: 'col-2', inFeed: false, removedAt: '2025-03-01T10:00:42.000Z' }) },
      },
    });
    renderAdmin(
      <>
        <div data-testid="cell-1"><VehicleSyncCell documentId="col-1" /></div>
        <div data-testid="cell-2"><VehicleSyncCell documentId="col-2" /></div>
        <div data-testid="cell-3"><VehicleSyncCell documentId="col-3" /></div>
      </>,
    );
    expect(await screen.findByText('Manual')).toBeInTheDocument();
    expect(api.post).toHaveBeenCalledTimes(1);
    expect(api.post).toHaveBeenCalledWith('/easycars/vehicles/status', { documentIds: ['col-1', 'col-2', 'col-3'] });
    expect(screen.getByTestId('cell-1')).toHaveTextContent(`EasyCarsSynced ${local('2025-03-01T10:00:42.000Z')}`);
    expect(screen.getByTestId('cell-1').querySelector('[data-source]')).toHaveAttribute('data-source', 'easycars');
    expect(screen.getByTestId('cell-2')).toHaveTextContent('EasyCars · removed');
    expect(screen.getByTestId('cell-3')).toHaveTextContent('Manual');
    expect(screen.getByTestId('cell-3')).not.toHaveTextContent('Synced');
    expect(screen.getByTestId('cell-3').querySelector('[data-source]')).toHaveAttribute('data-source', 'manual');
  });

  it('says "Unknown" rather than guessing when the status cannot be loaded', async () => {
    resetFakes({ 'POST /easycars/vehicles/status': fetchError(500, 'Internal Server Error') });
    renderAdmin(<VehicleSyncCell documentId="col-err" />);
    expect(await screen.findByText('Unknown')).toBeInTheDocument();
    expect(screen.queryByText('Manual')).not.toBeInTheDocument();
  });

  it('adds the column on the list of the type the server tagged as the vehicle type, whatever its uid', () => {
    const headers = [{ name: 'title' }];
    // The content manager merges a schema's pluginOptions into the list layout's options.
    expect(addVehicleColumn({ displayedHeaders: headers, layout: { options: { easycars: { role: 'lead' } } } }).displayedHeaders).toEqual(headers);
    expect(addVehicleColumn({ displayedHeaders: headers, layout: { options: {} } }).displayedHeaders).toEqual(headers);
    const column = addVehicleColumn({ displayedHeaders: headers, layout: { options: { easycars: { role: 'vehicle' } } } }).displayedHeaders[1];
    expect(column).toMatchObject({ name: 'easycars', sortable: false, searchable: false, label: { defaultMessage: 'EasyCars' } });
    expect((column.cellFormatter({ documentId: 'x' }) as ReactElement).props).toEqual({ documentId: 'x' });
  });
});

describe('vehicle edit-view side panel', () => {
  it('shows stock number, yard, last synced, that it is in the feed, and the fields EasyCars owns', async () => {
    resetFakes({ '/easycars/vehicles/veh-1/easycars': { data: link() } });
    renderAdmin(<VehicleEasyCarsDetails documentId="veh-1" />);
    const panel = await screen.findByTestId('easycars-panel');
    for (const text of ['In the EasyCars feed', 'Stock numberSN-1001', 'YardMain yard (MAIN)', `Last synced${local('2025-03-01T10:00:42.000Z')}`, 'price, description, images']) {
      expect(panel).toHaveTextContent(text);
    }
    expect(panel).not.toHaveTextContent('Removed from EasyCars');
  });

  it('says when a vehicle was removed from the feed', async () => {
    resetFakes({ '/easycars/vehicles/veh-2/easycars': { data: link({ vehicleDocumentId: 'veh-2', inFeed: false, yardName: null, removedAt: '2025-03-02T02:00:00.000Z' }) } });
    renderAdmin(<VehicleEasyCarsDetails documentId="veh-2" />);
    const panel = await screen.findByTestId('easycars-panel');
    expect(panel).toHaveTextContent('Removed from EasyCars');
    expect(panel).toHaveTextContent(`Removed${local('2025-03-02T02:00:00.000Z')}`);
    expect(panel).toHaveTextContent('Yard(MAIN)');
    expect(panel).not.toHaveTextContent('In the EasyCars feed');
  });

  it('calls a vehicle EasyCars does not know (404) Manual, and a failed load an error', async () => {
    resetFakes({ '/easycars/vehicles/veh-3/easycars': fetchError(404, 'Not Found'), '/easycars/vehicles/veh-4/easycars': fetchError(500, 'Internal Server Error') });
    const { unmount } = renderAdmin(<VehicleEasyCarsDetails documentId="veh-3" />);
    expect(await screen.findByTestId('easycars-panel')).toHaveTextContent('ManualEntered by hand');
    unmount();
    renderAdmin(<VehicleEasyCarsDetails documentId="veh-4" />);
    expect(await screen.findByText('EasyCars details could not be loaded.')).toBeInTheDocument();
  });

  it('is a panel titled EasyCars on vehicles only; a vehicle not saved yet is Manual without a request', async () => {
    resetFakes();
    const Probe = ({ model, documentId }: { model: string; documentId?: string }) => {
      const panel = VehicleEasyCarsPanel({ model, documentId });
      return panel ? <section><h2>{panel.title}</h2>{panel.content}</section> : <p>No panel</p>;
    };
    const { unmount } = renderAdmin(<Probe model="api::lead.lead" documentId="veh-1" />);
    expect(screen.getByText('No panel')).toBeInTheDocument();
    unmount();
    renderAdmin(<Probe model="api::vehicle.vehicle" />);
    expect(await screen.findByRole('heading', { name: 'EasyCars' })).toBeInTheDocument();
    expect(await screen.findByTestId('easycars-panel')).toHaveTextContent('Manual');
    // Only the configured content types were asked for: no vehicle look-up.
    expect(new Set(api.get.mock.calls.map((c) => c[0]))).toEqual(new Set(['/easycars/setup/content-types']));
  });

  it('follows the configured vehicle type of another host app (api::car.car)', async () => {
    resetFakes({ 'GET /easycars/setup/content-types': { data: { dealership: 'api::branch.branch', vehicle: 'api::car.car', lead: 'api::enquiry.enquiry' } } });
    const Probe = ({ model }: { model: string }) => {
      const panel = VehicleEasyCarsPanel({ model });
      return panel ? <h2>{panel.title}</h2> : <p>No panel</p>;
    };
    const { unmount } = renderAdmin(<Probe model="api::car.car" />);
    expect(await screen.findByRole('heading', { name: 'EasyCars' })).toBeInTheDocument();
    unmount();
    renderAdmin(<Probe model="api::vehicle.vehicle" />);
    expect(screen.getByText('No panel')).toBeInTheDocument();
  });
});

