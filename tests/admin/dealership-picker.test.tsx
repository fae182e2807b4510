import { screen } from '@testing-library/react';
import { DealershipPicker } from '../../src/plugins/easycars/admin/src/components/layout/DealershipPicker';
import { DealershipProvider } from '../../src/plugins/easycars/admin/src/context/DealershipContext';
import type { DealershipItem } from '../../src/plugins/easycars/admin/src/api/dealerships';
import { polyfillDom } from './leads-fakes';
import { renderAdmin } from './render';

beforeAll(polyfillDom);

const base = { slug: null, timezone: 'Australia/Sydney' };
const readable: DealershipItem = {
  ...base,
  documentId: 'dealer-a',
  name: 'Harbour Motors',
  credential: { configured: true, id: 1, environment: 'test', accountNumber: 'EC••••75', isActive: true, lastTest: null, readable: true },
};
const broken: DealershipItem = {
  ...base,
  documentId: 'dealer-b',
  name: 'Broken Key Motors',
  credential: { configured: true, id: 2, environment: 'test', accountNumber: null, isActive: true, lastTest: null, readable: false, error: 'x' },
};

const renderPicker = (route: string) =>
  renderAdmin(
    <DealershipProvider dealerships={[readable, broken]}>
      <DealershipPicker />
    </DealershipProvider>,
    route,
  );

describe('dealership picker', () => {
  it('says when the chosen dealership’s credentials cannot be read', () => {
    renderPicker('/plugins/easycars/stock?dealership=dealer-b');
    expect(screen.getByText('Credentials cannot be read — check the encryption key.')).toBeTruthy();
  });

  it('says nothing for a dealership whose credentials are readable', () => {
    renderPicker('/plugins/easycars/stock?dealership=dealer-a');
    expect(screen.queryByText(/cannot be read/)).toBeNull();
  });
});
