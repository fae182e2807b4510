import { screen, within } from '@testing-library/react';
import SetupPage from '../../src/plugins/easycars/admin/src/pages/SetupPage';
import { renderAdmin } from './render';
import { fetchError, polyfillDom, resetFakes } from './leads-fakes';

jest.mock('@strapi/strapi/admin', () => ({
  ...require('./leads-fakes').strapiAdminDouble,
  Page: { Loading: () => <p>Loading page</p>, Error: ({ content }: { content?: string }) => <p role="alert">{content}</p>, NoPermissions: () => <p>No permissions</p> },
}));

beforeAll(polyfillDom);

const field = (target: string, attribute: string | null, status: string, actual: string | null = 'string') => ({ target, attribute, status, expected: 'text: string, text', actual, message: null });

const report = {
  contentTypes: [
    { role: 'dealership', uid: 'api::branch.branch', configKey: 'contentTypes.dealership', found: true, displayName: 'Branch', fieldMapKey: 'dealershipFields', fields: [field('name', 'title', 'ok')] },
    {
      role: 'vehicle', uid: 'api::car.car', configKey: 'contentTypes.vehicle', found: true, displayName: 'Car', fieldMapKey: 'vehicleFieldMap',
      fields: [field('price', 'price', 'missing', null), field('features', null, 'off', null), field('year', 'year', 'incompatible')],
    },
    { role: 'lead', uid: 'api::enquiry.enquiry', configKey: 'contentTypes.lead', found: false, displayName: null, fieldMapKey: 'leadFieldMap', fields: [] },
  ],
  problems: [
    { severity: 'error', role: 'lead', target: null, message: 'The lead content type api::enquiry.enquiry does not exist (plugin config contentTypes.lead).', fix: "contentTypes: { lead: 'api::<your-lead-type>.<your-lead-type>' }" },
    { severity: 'warning', role: 'vehicle', target: 'price', message: 'api::car.car has no attribute "price" (vehicleFieldMap.price). This field is not synced until it is fixed.', fix: "vehicleFieldMap: { price: 'askingPrice' }" },
  ],
};

describe('EasyCars → Settings: the setup check', () => {
  it('lists each configured type and mapped field with its status, and each problem with the config that fixes it', async () => {
    resetFakes({ 'GET /easycars/setup': { data: report } });
    renderAdmin(<SetupPage />);
    expect(await screen.findByTestId('setup-summary')).toHaveTextContent('1 problem blocks the plugin. 1 field is not synced.');
    const problems = screen.getAllByTestId('setup-problem');
    expect(problems[0]).toHaveTextContent('Blocks the plugin');
    expect(problems[0]).toHaveTextContent('api::enquiry.enquiry does not exist');
    expect(problems[1]).toHaveTextContent('Field not synced');
    expect(within(problems[1]).getByText("vehicleFieldMap: { price: 'askingPrice' }")).toBeInTheDocument();
    const vehicle = screen.getByTestId('setup-type-vehicle');
    expect(vehicle).toHaveTextContent('Car · api::car.car');
    expect(screen.getByTestId('setup-field-vehicle-price')).toHaveTextContent('Missing');
    expect(screen.getByTestId('setup-field-vehicle-features')).toHaveTextContent('Turned off');
    expect(screen.getByTestId('setup-field-vehicle-year')).toHaveTextContent('Wrong type');
    expect(screen.getByTestId('setup-type-lead')).toHaveTextContent('Not found');
  });

  it('says when everything is in place', async () => {
    resetFakes({ 'GET /easycars/setup': { data: { contentTypes: report.contentTypes.slice(0, 1), problems: [] } } });
    renderAdmin(<SetupPage />);
    expect(await screen.findByTestId('setup-summary')).toHaveTextContent('Everything the plugin needs is in place');
    expect(screen.queryByTestId('setup-problem')).not.toBeInTheDocument();
  });

  it('shows the no-permission page to an admin who is not a Super Admin', async () => {
    resetFakes({ 'GET /easycars/setup': fetchError(403, 'Policy Failed') });
    renderAdmin(<SetupPage />);
    expect(await screen.findByText('No permissions')).toBeInTheDocument();
  });
});
