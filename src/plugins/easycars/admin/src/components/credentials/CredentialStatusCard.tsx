import { Badge, Box, Flex, Grid, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { CredentialView } from '../../api/credentials';
import { useT } from '../../utils/useT';

const Item = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600" tag="dt">
      {label}
    </Typography>
    <Typography tag="dd" style={{ margin: 0 }}>
      {children}
    </Typography>
  </Flex>
);

/** Status first: configured or not, environment, account, last test. Text everywhere, never colour alone. */
export const CredentialStatusCard = ({ credential }: { credential: CredentialView | null }) => {
  const t = useT();
  const { formatDate } = useIntl();
  const when = (iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  const lastTest = credential?.lastTest;

  return (
    <Box background="neutral0" padding={6} hasRadius shadow="tableShadow" tag="section" aria-labelledby="easycars-status-title">
      <Flex gap={3} wrap="wrap" paddingBottom={4}>
        <Typography variant="delta" tag="h2" id="easycars-status-title">
          {t('credentials.status.title', 'Connection status')}
        </Typography>
        {credential ? (
          <Badge backgroundColor="success100" textColor="success700">
            {t('credentials.status.configured', 'Configured')}
          </Badge>
        ) : (
          <Badge backgroundColor="neutral150" textColor="neutral700">
            {t('credentials.status.notConfigured', 'Not configured')}
          </Badge>
        )}
        {credential && !credential.isActive && (
          <Badge backgroundColor="warning100" textColor="warning700">
            {t('credentials.status.paused', 'Paused')}
          </Badge>
        )}
      </Flex>
      {credential ? (
        <Grid.Root gap={4} tag="dl" style={{ margin: 0 }}>
          <Grid.Item col={3} s={6} xs={12}>
            <Item label={t('credentials.status.environment', 'Environment')}>
              {credential.environment === 'production'
                ? t('credentials.environment.production', 'Production')
                : t('credentials.environment.test', 'Test')}
            </Item>
          </Grid.Item>
          <Grid.Item col={3} s={6} xs={12}>
            <Item label={t('credentials.status.accountNumber', 'Account number')}>{credential.accountNumber ?? '—'}</Item>
          </Grid.Item>
          <Grid.Item col={3} s={6} xs={12}>
            <Item label={t('credentials.status.clientId', 'Client ID')}>{credential.clientId ?? '—'}</Item>
          </Grid.Item>
          <Grid.Item col={3} s={6} xs={12}>
            <Item label={t('credentials.status.lastTest', 'Last test')}>
              {!lastTest
                ? t('credentials.status.neverTested', 'Not tested yet')
                : lastTest.ok
                  ? t('credentials.status.testOk', 'Succeeded on {when}', { when: when(lastTest.at) })
                  : t('credentials.status.testFailed', 'Failed on {when}', { when: when(lastTest.at) })}
            </Item>
          </Grid.Item>
          {lastTest?.message && (
            <Grid.Item col={12} xs={12}>
              <Typography textColor="neutral600" variant="pi">
                {lastTest.message}
              </Typography>
            </Grid.Item>
          )}
        </Grid.Root>
      ) : (
        <Typography textColor="neutral600">
          {t(
            'credentials.status.notConfiguredHelp',
            'This dealership is not connected to EasyCars yet. Enter the four values EasyCars gave you, test them, then save.',
          )}
        </Typography>
      )}
    </Box>
  );
};
