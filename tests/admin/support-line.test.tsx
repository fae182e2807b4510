import { act, screen, waitFor } from '@testing-library/react';
import { SupportLine } from '../../src/plugins/easycars/admin/src/components/layout/SupportLine';
import { renderAdmin } from './render';
import { api, polyfillDom, resetFakes } from './leads-fakes';

jest.mock('@strapi/strapi/admin', () => require('./leads-fakes').strapiAdminDouble);

beforeAll(polyfillDom);

describe('"Need help?" at the bottom of the plugin pages', () => {
  it('shows the configured contact and link', async () => {
    resetFakes({ 'GET /easycars/support': { data: { contact: 'Web team, ext. 42', url: 'https://help.example.com/easycars' } } });
    renderAdmin(<SupportLine />);
    const line = await screen.findByTestId('support-line');
    expect(line).toHaveTextContent('Need help? Web team, ext. 42 · https://help.example.com/easycars');
    expect(screen.getByRole('link', { name: /help\.example\.com/ })).toHaveAttribute('href', 'https://help.example.com/easycars');
  });

  it('shows nothing while no support is configured', async () => {
    resetFakes({ 'GET /easycars/support': { data: { contact: null, url: null } } });
    renderAdmin(<SupportLine />);
    await waitFor(() => expect(api.get).toHaveBeenCalledWith('/easycars/support'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(screen.queryByTestId('support-line')).not.toBeInTheDocument();
  });
});
