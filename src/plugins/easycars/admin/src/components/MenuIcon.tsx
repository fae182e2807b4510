import { Car } from '@strapi/icons';
import { styled } from 'styled-components';
import { useAlertCount } from '../api/alerts-queries';
import { useT } from '../utils/useT';

const REFRESH_MS = 60_000;

const Wrapper = styled.span`
  position: relative;
  display: inline-flex;
`;

const Count = styled.span`
  position: absolute;
  top: -0.6rem;
  right: -0.9rem;
  min-width: 1.6rem;
  height: 1.6rem;
  padding: 0 0.4rem;
  border-radius: 0.8rem;
  background: ${({ theme }) => theme.colors.danger600};
  color: ${({ theme }) => theme.colors.neutral0};
  font-size: 1rem;
  font-weight: 700;
  line-height: 1.6rem;
  text-align: center;
`;

/** The EasyCars menu icon, with the number of open alerts nobody acknowledged or snoozed (refreshed when one changes). */
export const MenuIcon = () => {
  const t = useT();
  // The badge is a hint: a failed count shows none.
  const open = useAlertCount(REFRESH_MS).data ?? 0;
  return (
    <Wrapper>
      <Car />
      {open > 0 ? (
        <Count data-testid="easycars-alert-count" role="status" aria-label={t('menu.alerts', '{n, plural, one {# open EasyCars alert} other {# open EasyCars alerts}}', { n: open })}>
          {open > 99 ? '99+' : open}
        </Count>
      ) : null}
    </Wrapper>
  );
};
