import { Badge, Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Page } from '@strapi/strapi/admin';
import type { ContentTypeCheck, FieldCheck, SetupProblem } from '../api/setup';
import { useSetupReport } from '../api/setup-queries';
import { toApiError } from '../utils/apiError';
import { useT } from '../utils/useT';

const STATUS_VARIANT: Record<FieldCheck['status'], 'success' | 'secondary' | 'danger' | 'warning'> = {
  ok: 'success',
  off: 'secondary',
  missing: 'danger',
  incompatible: 'warning',
};

const Snippet = ({ text }: { text: string }) => (
  <Box tag="pre" background="neutral100" padding={3} hasRadius style={{ overflowX: 'auto', margin: 0 }}>
    <Typography tag="code" variant="pi" fontWeight="regular" style={{ fontFamily: 'monospace', whiteSpace: 'pre' }}>{text}</Typography>
  </Box>
);

const ProblemItem = ({ problem }: { problem: SetupProblem }) => {
  const t = useT();
  return (
    <Box tag="li" borderColor={problem.severity === 'error' ? 'danger200' : 'warning200'} padding={4} hasRadius data-testid="setup-problem">
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Flex gap={2}>
          <Badge variant={problem.severity === 'error' ? 'danger' : 'warning'}>
            {problem.severity === 'error' ? t('setup.severity.error', 'Blocks the plugin') : t('setup.severity.warning', 'Field not synced')}
          </Badge>
        </Flex>
        <Typography>{problem.message}</Typography>
        {problem.fix ? (
          <>
            <Typography variant="pi" textColor="neutral600">{t('setup.fixHint', 'To fix it, set this in the plugin config and restart Strapi:')}</Typography>
            <Snippet text={problem.fix} />
          </>
        ) : null}
      </Flex>
    </Box>
  );
};

const ContentTypeSection = ({ check }: { check: ContentTypeCheck }) => {
  const t = useT();
  const statusText: Record<FieldCheck['status'], string> = {
    ok: t('setup.status.ok', 'OK'),
    off: t('setup.status.off', 'Turned off'),
    missing: t('setup.status.missing', 'Missing'),
    incompatible: t('setup.status.incompatible', 'Wrong type'),
  };
  const roleText = { dealership: t('setup.role.dealership', 'Dealership'), vehicle: t('setup.role.vehicle', 'Vehicle'), lead: t('setup.role.lead', 'Lead') }[check.role];
  return (
    <Box background="neutral0" padding={6} hasRadius shadow="tableShadow" tag="section" aria-label={roleText} data-testid={`setup-type-${check.role}`}>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex gap={2} wrap="wrap" alignItems="center">
          <Typography variant="delta" tag="h2">{roleText}</Typography>
          <Typography textColor="neutral600">{check.displayName ? `${check.displayName} · ` : ''}<code>{check.uid}</code></Typography>
          <Badge variant={check.found ? 'success' : 'danger'}>{check.found ? t('setup.found', 'Found') : t('setup.notFound', 'Not found')}</Badge>
        </Flex>
        <Typography variant="pi" textColor="neutral600">
          {t('setup.configKeys', 'Set by {typeKey}; its fields by {mapKey}.', { typeKey: check.configKey, mapKey: check.fieldMapKey })}
        </Typography>
        {check.fields.length ? (
          <Box style={{ overflowX: 'auto' }}>
            <Table colCount={5} rowCount={check.fields.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">{t('setup.col.field', 'Plugin field')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('setup.col.attribute', 'Your attribute')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('setup.col.found', 'Its type')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('setup.col.needs', 'Needs')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('setup.col.status', 'Status')}</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {check.fields.map((f) => (
                  <Tr key={f.target} data-testid={`setup-field-${check.role}-${f.target}`}>
                    <Td><Typography>{f.target}</Typography></Td>
                    <Td><Typography>{f.attribute ?? '—'}</Typography></Td>
                    <Td><Typography textColor="neutral600">{f.actual ?? '—'}</Typography></Td>
                    <Td><Typography variant="pi" textColor="neutral600">{f.expected}</Typography></Td>
                    <Td><Badge variant={STATUS_VARIANT[f.status]}>{statusText[f.status]}</Badge></Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Box>
        ) : null}
      </Flex>
    </Box>
  );
};

/** EasyCars → Settings: the host app's content types against the plugin config. It reads; it never changes the schema. */
const SetupPage = () => {
  const t = useT();
  const { data, error, isLoading } = useSetupReport();
  if (isLoading) return <Page.Loading />;
  if (error && !data) {
    const e = toApiError(error);
    return e.status === 403 ? <Page.NoPermissions /> : <Page.Error content={e.message} />;
  }
  if (!data) return null;
  const errors = data.problems.filter((p) => p.severity === 'error').length;
  const warnings = data.problems.length - errors;
  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Box background="neutral0" padding={6} hasRadius shadow="tableShadow" tag="section" aria-label={t('setup.title', 'Setup check')}>
        <Flex direction="column" alignItems="stretch" gap={3}>
          <Typography variant="beta" tag="h2">{t('setup.title', 'Setup check')}</Typography>
          <Typography textColor="neutral600">
            {t('setup.intro', 'How the plugin uses this app’s content types, read from the plugin config. Nothing here changes your schema: fix a problem in config/plugins and restart Strapi.')}
          </Typography>
          <Box data-testid="setup-summary">
            {data.problems.length === 0 ? (
              <Badge variant="success">{t('setup.allGood', 'Everything the plugin needs is in place')}</Badge>
            ) : (
              <Typography fontWeight="bold" textColor={errors ? 'danger600' : 'warning600'}>
                {t('setup.summary', '{errors, plural, =0 {} one {# problem blocks the plugin. } other {# problems block the plugin. }}{warnings, plural, =0 {} one {# field is not synced.} other {# fields are not synced.}}', { errors, warnings })}
              </Typography>
            )}
          </Box>
          {data.problems.length ? (
            <Flex tag="ul" direction="column" alignItems="stretch" gap={3} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {data.problems.map((p, i) => <ProblemItem key={i} problem={p} />)}
            </Flex>
          ) : null}
        </Flex>
      </Box>
      {data.contentTypes.map((c) => <ContentTypeSection key={c.role} check={c} />)}
    </Flex>
  );
};

export default SetupPage;
