import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { useUrlFilters } from '../../src/plugins/easycars/admin/src/hooks/useUrlFilters';
import { renderAdmin } from './render';

/** One button per change to make, and the URL's query as it stands. */
const Filters = ({ changes }: { changes: Array<Record<string, string | undefined>> }) => {
  const [params, change] = useUrlFilters();
  return (
    <>
      <output data-testid="search">{useLocation().search}</output>
      <output data-testid="status">{params.get('status') ?? ''}</output>
      {changes.map((next, i) => (
        <button key={i} type="button" onClick={() => change(next)}>{`change ${i}`}</button>
      ))}
    </>
  );
};

const renderFilters = (search: string, ...changes: Array<Record<string, string | undefined>>) =>
  renderAdmin(<Filters changes={changes} />, `/plugins/easycars/history${search}`);
const search = () => new URLSearchParams(screen.getByTestId('search').textContent ?? '');
const press = (i: number) => userEvent.click(screen.getByRole('button', { name: `change ${i}` }));

describe('useUrlFilters', () => {
  it('reads the filters from the URL', () => {
    renderFilters('?dealership=dealer-a&status=failed');
    expect(screen.getByTestId('status')).toHaveTextContent('failed');
  });

  it('sets a filter, keeps the other params and goes back to the first page', async () => {
    renderFilters('?dealership=dealer-a&type=stock&page=3', { status: 'failed' });
    await press(0);
    expect(Object.fromEntries(search())).toEqual({ dealership: 'dealer-a', type: 'stock', status: 'failed' });
    expect(screen.getByTestId('status')).toHaveTextContent('failed');
  });

  it('removes a filter given empty or undefined', async () => {
    renderFilters('?dealership=dealer-a&type=stock&status=failed&page=2', { type: '', status: undefined });
    await press(0);
    expect(Object.fromEntries(search())).toEqual({ dealership: 'dealer-a' });
  });

  it('keeps the page it is given', async () => {
    renderFilters('?dealership=dealer-a&status=failed&page=2', { page: '3' });
    await press(0);
    expect(Object.fromEntries(search())).toEqual({ dealership: 'dealer-a', status: 'failed', page: '3' });
  });

  it('builds on the URL as the last change left it', async () => {
    renderFilters('?dealership=dealer-a', { status: 'failed' }, { page: '2' }, { q: '10001' });
    await press(0);
    await press(1);
    expect(Object.fromEntries(search())).toEqual({ dealership: 'dealer-a', status: 'failed', page: '2' });
    await press(2);
    expect(Object.fromEntries(search())).toEqual({ dealership: 'dealer-a', status: 'failed', q: '10001' });
  });
});
