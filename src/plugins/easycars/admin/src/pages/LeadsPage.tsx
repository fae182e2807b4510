import { Box, Flex, LinkButton, Typography } from '@strapi/design-system';
import { Page, useRBAC } from '@strapi/strapi/admin';
import { Link, useLocation } from 'react-router-dom';
import { useLeadsOverview } from '../api/leads-queries';
import { ConflictsTable } from '../components/leads/ConflictsTable';
import { ConnectionSwitch } from '../components/leads/ConnectionSwitch';
import { ImportLeadForm } from '../components/leads/ImportLeadForm';
import { LeadRunsTable } from '../components/leads/LeadRunsTable';
import { LeadsStatusCard } from '../components/leads/LeadsStatusCard';
import { PendingPushesTable } from '../components/leads/PendingPushesTable';
import { StrategySelect } from '../components/leads/StrategySelect';
import { ScheduleSettings } from '../components/stock/ScheduleSettings';
import { useSelectedDealership } from '../context/DealershipContext';
import { PERMISSIONS } from '../permissions';
import { toApiError } from '../utils/apiError';
import { useT } from '../utils/useT';

/** Lead sync for the selected dealership: status first, then what needs a person. */
const LeadsPage = () => {
  const t = useT();
  const { search } = useLocation();
  const { dealership } = useSelectedDealership();
  const id = dealership?.documentId;
  const { data: overview, error } = useLeadsOverview(id);
  // The same checks as PUT /credentials/:id: "Manage credentials", plus "Manage sync settings" for sync fields.
  // Two calls: useRBAC names both credentials.manage and sync-settings.manage "canManage".
  const credentialsRbac = useRBAC(PERMISSIONS.manageCredentials);
  const settingsRbac = useRBAC(PERMISSIONS.manageSyncSettings);
  const canManageCredentials = Boolean(credentialsRbac.allowedActions.canManage);
  const canManageSettings = canManageCredentials && Boolean(settingsRbac.allowedActions.canManage);

  if (!overview && error) {
    return (
      <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius role="alert">
        <Typography variant="delta" tag="h2">{t('leads.error.title', 'The lead sync status could not be loaded')}</Typography>
        <Box paddingTop={2}>
          <Typography textColor="danger600">{toApiError(error).message}</Typography>
        </Box>
      </Box>
    );
  }
  if (!overview || !id) return <Page.Loading />;
  if (!overview.credential.configured) {
    return (
      <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius tag="section" data-testid="leads-no-credentials">
        <Typography variant="beta" tag="h2">{t('leads.noCredentials.title', 'Lead sync needs EasyCars credentials')}</Typography>
        <Flex paddingTop={4} direction="column" alignItems="flex-start" gap={4}>
          <Typography textColor="neutral600">
            {t('leads.noCredentials.body', '{name} is not connected to EasyCars yet. Leads made here stay local (“Not sent”) until it is.', { name: dealership?.name ?? '' })}
          </Typography>
          <LinkButton tag={Link} to={{ pathname: '../credentials', search }}>{t('leads.noCredentials.link', 'Add EasyCars credentials')}</LinkButton>
        </Flex>
      </Box>
    );
  }
  const syncOff = !overview.credential.isActive || !overview.credential.leadSyncEnabled;
  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      {syncOff ? (
        <Box background="warning100" borderColor="warning200" padding={4} hasRadius role="status">
          <Typography>
            {t('leads.off', 'Lead sync is switched off for this dealership: new leads are not sent to EasyCars.')}{' '}
            {t('leads.off.below', 'Turn it on in the settings below.')}
          </Typography>
        </Box>
      ) : null}
      {error ? (
        <Box background="danger100" padding={4} hasRadius role="alert">
          <Typography textColor="danger700">{t('leads.error.stale', 'Could not refresh the lead sync status: {message}', { message: toApiError(error).message })}</Typography>
        </Box>
      ) : null}
      <LeadsStatusCard overview={overview} dealership={id} timezone={dealership?.timezone ?? 'Australia/Sydney'} />
      <ConflictsTable dealership={id} />
      <PendingPushesTable dealership={id} />
      <LeadRunsTable dealership={id} />
      <Flex gap={6} alignItems="stretch" wrap="wrap">
        <Box style={{ flex: '1 1 20rem', minWidth: 0 }}>
          <ImportLeadForm dealership={id} />
        </Box>
        <Box style={{ flex: '1 1 20rem', minWidth: 0 }}>
          <StrategySelect dealership={id} value={overview.credential.leadConflictStrategy ?? 'manual'} />
        </Box>
      </Flex>
      <Flex gap={6} alignItems="stretch" wrap="wrap">
        <Box style={{ flex: '2 1 24rem', minWidth: 0 }}>
          <ScheduleSettings service="lead" dealership={id} timezone={dealership?.timezone ?? 'Australia/Sydney'} canEdit={canManageSettings} />
        </Box>
        <Box style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <ConnectionSwitch dealership={id} canEdit={canManageCredentials} />
        </Box>
      </Flex>
    </Flex>
  );
};

export default LeadsPage;
