import { Flex, Typography } from '@strapi/design-system';
import { NavLink, useLocation } from 'react-router-dom';
import { styled } from 'styled-components';
import { useT } from '../../utils/useT';

const Tab = styled(NavLink)`
  display: inline-flex;
  align-items: center;
  min-height: 4rem;
  padding: 0 ${({ theme }) => theme.spaces[4]};
  border-radius: ${({ theme }) => theme.borderRadius};
  border: 1px solid ${({ theme }) => theme.colors.neutral200};
  background: ${({ theme }) => theme.colors.neutral0};
  color: ${({ theme }) => theme.colors.neutral800};
  text-decoration: none;

  &[aria-current='page'] {
    border-color: ${({ theme }) => theme.colors.primary600};
    background: ${({ theme }) => theme.colors.primary100};
    color: ${({ theme }) => theme.colors.primary700};
    font-weight: 600;
  }
  &:focus-visible {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 2px;
  }
`;

/** Stock / Leads / Credentials, keeping ?dealership= so the selection survives navigation and reload. */
export const PluginNav = () => {
  const t = useT();
  const { search } = useLocation();
  const items = [
    { to: 'dashboard', label: t('nav.dashboard', 'Dashboard') },
    { to: 'stock', label: t('nav.stock', 'Stock') },
    { to: 'leads', label: t('nav.leads', 'Leads') },
    { to: 'credentials', label: t('nav.credentials', 'Credentials') },
    { to: 'history', label: t('nav.history', 'History') },
    { to: 'reconciliation', label: t('nav.reconciliation', 'Reconciliation') },
    { to: 'conflicts', label: t('nav.conflicts', 'Conflicts') },
    { to: 'alerts', label: t('nav.alerts', 'Alerts') },
    { to: 'audit', label: t('nav.audit', 'Audit trail') },
    { to: 'settings', label: t('nav.settings', 'Settings') },
  ];
  return (
    <nav aria-label={t('nav.label', 'EasyCars sections')}>
      <Flex gap={2} wrap="wrap" tag="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((item) => (
          <li key={item.to}>
            <Tab to={{ pathname: item.to, search }}>
              <Typography fontWeight="inherit" textColor="inherit">
                {item.label}
              </Typography>
            </Tab>
          </li>
        ))}
      </Flex>
    </nav>
  );
};
