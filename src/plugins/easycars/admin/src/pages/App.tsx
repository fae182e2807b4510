import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router-dom';
import { DealershipPicker } from '../components/layout/DealershipPicker';
import { PluginNav } from '../components/layout/PluginNav';
import { SupportLine } from '../components/layout/SupportLine';
import { DealershipProvider, useSelectedDealership } from '../context/DealershipContext';
import { useDealerships } from '../api/dealerships-queries';
import { useT } from '../utils/useT';
import CredentialsPage from './CredentialsPage';
import LeadsPage from './LeadsPage';
import StockPage from './StockPage';
import HistoryPage from './HistoryPage';
import DashboardPage from './DashboardPage';
import AlertsPage from './AlertsPage';
import AuditPage from './AuditPage';
import SetupPage from './SetupPage';
import ReconciliationPage from './ReconciliationPage';
import ConflictsPage from './ConflictsPage';

/** The index is the dashboard once any dealership is connected; before that, the Credentials page (first run). */
const IndexPage = () => {
  const { search } = useLocation();
  const { dealerships } = useSelectedDealership();
  const anyConnected = dealerships.some((d) => d.credential?.configured);
  return <Navigate to={{ pathname: anyConnected ? 'dashboard' : 'credentials', search }} replace />;
};

const NoDealerships = () => {
  const t = useT();
  return (
    <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
      <Typography variant="delta" tag="h2">
        {t('layout.noDealerships.title', 'No dealership to manage')}
      </Typography>
      <Box paddingTop={2}>
        <Typography textColor="neutral600">
          {t(
            'layout.noDealerships.body',
            'You are not a manager of any dealership yet. A Super Admin can add you to a dealership’s managers in the Content Manager.',
          )}
        </Typography>
      </Box>
      <Box paddingTop={2}>
        <Link tag={NavLink} to="settings">{t('layout.noDealerships.setup', 'Setting up the plugin? Open the setup check')}</Link>
      </Box>
    </Box>
  );
};

const App = () => {
  const t = useT();
  const { status, dealerships, error } = useDealerships();

  if (status === 'loading') return <Page.Loading />;
  if (status === 'forbidden') return <Page.NoPermissions />;
  if (status === 'error') return <Page.Error content={error?.message} />;

  return (
    <DealershipProvider dealerships={dealerships}>
      <Page.Main>
        <Page.Title>{t('plugin.name', 'EasyCars')}</Page.Title>
        <Layouts.Header
          title={t('plugin.name', 'EasyCars')}
          subtitle={t('layout.subtitle', 'Vehicle stock and customer leads kept in step with EasyCars')}
        />
        <Layouts.Content>
          <Routes>
            {/* The setup check needs no dealership: it is how a new install finds what is missing. */}
            <Route
              path="settings"
              element={
                <Flex direction="column" alignItems="stretch" gap={6}>
                  <Flex justifyContent="flex-end">
                    <PluginNav />
                  </Flex>
                  <SetupPage />
                </Flex>
              }
            />
            <Route path="*" element={dealerships.length === 0 ? <NoDealerships /> : <DealershipSections />} />
          </Routes>
          <SupportLine />
        </Layouts.Content>
      </Page.Main>
    </DealershipProvider>
  );
};

/** The pages about one dealership at a time, with the dealership picker. */
const DealershipSections = () => (
  <Flex direction="column" alignItems="stretch" gap={6}>
    <Flex gap={4} wrap="wrap" alignItems="flex-end" justifyContent="space-between">
      <Box style={{ flex: '1 1 16rem', maxWidth: '32rem' }}>
        <DealershipPicker />
      </Box>
      <PluginNav />
    </Flex>
    <Routes>
      <Route index element={<IndexPage />} />
      <Route path="dashboard" element={<DashboardPage />} />
      <Route path="stock" element={<StockPage />} />
      <Route path="leads" element={<LeadsPage />} />
      <Route path="credentials" element={<CredentialsPage />} />
      <Route path="history" element={<HistoryPage />} />
      <Route path="reconciliation" element={<ReconciliationPage />} />
      <Route path="conflicts" element={<ConflictsPage />} />
      <Route path="alerts" element={<AlertsPage />} />
      <Route path="audit" element={<AuditPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Flex>
);

export default App;
