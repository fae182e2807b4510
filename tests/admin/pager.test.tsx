import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Pager } from '../../src/plugins/easycars/admin/src/components/layout/Pager';
import { polyfillDom } from './leads-fakes';
import { renderAdmin } from './render';

beforeAll(polyfillDom);

const renderPager = (page: number, pageCount: number, onPage = jest.fn()) => {
  renderAdmin(<Pager page={page} pageCount={pageCount} onPage={onPage} label={`Page ${page} of ${pageCount} (60 runs)`} />);
  return onPage;
};

describe('Pager', () => {
  it('renders nothing when the list fits on one page', () => {
    renderPager(1, 1);
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Next' })).not.toBeInTheDocument();
  });

  it('is a navigation landmark named Pages, with the label it is given', () => {
    renderPager(2, 3);
    const nav = screen.getByRole('navigation', { name: 'Pages' });
    expect(nav).toHaveTextContent('Page 2 of 3 (60 runs)');
  });

  it('cannot go before the first page', () => {
    renderPager(1, 3);
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled();
  });

  it('cannot go past the last page', () => {
    renderPager(3, 3);
    expect(screen.getByRole('button', { name: 'Previous' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  });

  it('asks for the page before and after the one shown', async () => {
    const onPage = renderPager(2, 3);
    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(onPage).toHaveBeenLastCalledWith(1);
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(onPage).toHaveBeenLastCalledWith(3);
    expect(onPage).toHaveBeenCalledTimes(2);
  });
});
