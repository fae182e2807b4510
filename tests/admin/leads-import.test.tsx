import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ImportLeadForm, leadNumberProblem } from '../../src/plugins/easycars/admin/src/components/leads/ImportLeadForm';
import { api, fetchError, polyfillDom, resetFakes, toggleNotification } from './leads-fakes';
import { renderAdmin } from './render';

jest.mock('@strapi/strapi/admin', () => require('./leads-fakes').strapiAdminDouble);

beforeAll(polyfillDom);

const input = () => screen.getByRole('textbox', { name: 'Lead number' });
const submit = () => userEvent.click(screen.getByRole('button', { name: 'Import' }));

describe('ImportLeadForm', () => {
  it('validates like the server: required, at most 20 characters', () => {
    expect(leadNumberProblem('   ')).toBe('required');
    expect(leadNumberProblem('1'.repeat(21))).toBe('tooLong');
    expect(leadNumberProblem(' 000017 ')).toBeNull();
  });

  it('refuses an empty or too long number without calling the API', async () => {
    resetFakes();
    renderAdmin(<ImportLeadForm dealership="dealer-a" onChange={jest.fn()} />);
    await submit();
    expect(await screen.findByText('Enter the EasyCars LeadNumber, e.g. 000017.')).toBeInTheDocument();
    expect(input()).toHaveAttribute('aria-invalid', 'true');
    await userEvent.type(input(), '1'.repeat(21));
    await submit();
    expect(await screen.findByText('A LeadNumber has at most 20 characters.')).toBeInTheDocument();
    expect(api.post).not.toHaveBeenCalled();
  });

  it('imports the trimmed number, says so and clears the field', async () => {
    const onChange = jest.fn();
    resetFakes({ 'POST /easycars/leads/import': { data: { leadNumber: '000017', leadDocumentId: 'doc-9', outcome: 'created' } } });
    renderAdmin(<ImportLeadForm dealership="dealer-a" onChange={onChange} />);
    await userEvent.type(input(), ' 000017 ');
    await submit();
    expect(api.post).toHaveBeenCalledWith('/easycars/leads/import', { dealership: 'dealer-a', leadNumber: '000017' });
    await waitFor(() => expect(toggleNotification).toHaveBeenCalledWith({ type: 'success', message: 'EasyCars lead 000017 imported.' }));
    expect(input()).toHaveValue('');
    expect(onChange).toHaveBeenCalled();
  });

  it('shows the server message on the field (unknown number, already linked)', async () => {
    resetFakes({
      'POST /easycars/leads/import': fetchError(400, 'Validation', {
        errors: [{ path: ['leadNumber'], message: 'EasyCars has no lead 999999 that this account can read' }],
      }),
    });
    renderAdmin(<ImportLeadForm dealership="dealer-a" onChange={jest.fn()} />);
    await userEvent.type(input(), '999999');
    await submit();
    expect(await screen.findByText('EasyCars has no lead 999999 that this account can read')).toBeInTheDocument();

    api.answers['POST /easycars/leads/import'] = fetchError(409, 'EasyCars lead 000017 is already linked to a local lead.');
    await userEvent.clear(input());
    await userEvent.type(input(), '000017');
    await submit();
    expect(await screen.findByText('EasyCars lead 000017 is already linked to a local lead.')).toBeInTheDocument();
    expect(toggleNotification).not.toHaveBeenCalled();
  });
});
