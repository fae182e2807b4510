import { Badge, Box, Flex, Link, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import { useLeadPanel } from '../api/leads-queries';
import { conflictValueText, leadFieldText, leadStatusText, pushStateText, pushStateVariant } from '../components/leads/labels';
import { PLUGIN_ID } from '../pluginId';
import { toApiError } from '../utils/apiError';
import { useT } from '../utils/useT';
import { ORIGIN } from './lead-column';
import { useHostContentTypes } from '../api/setup-queries';

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600" tag="dt">{label}</Typography>
    <Typography tag="dd" style={{ margin: 0, overflowWrap: 'anywhere' }}>{children}</Typography>
  </Flex>
);

export const LeadPanelContent = ({ documentId, version }: { documentId: string; version?: unknown }) => {
  const t = useT();
  // `version` (the document's updatedAt) reloads the panel after a save; while the push that follows a
  // save is pending, the panel looks again until it has settled.
  const { data, error: failure } = useLeadPanel(documentId, version);
  const apiError = failure ? toApiError(failure) : null;
  const error = apiError && (apiError.status === 403 || apiError.status === 404 ? t('leads.panel.forbidden', 'You may not see the EasyCars status of this lead.') : apiError.message);
  if (error) return <Typography textColor="neutral600">{t('leads.panel.unavailable', 'EasyCars status unavailable: {message}', { message: error })}</Typography>;
  if (!data) return <Typography textColor="neutral600">{t('leads.section.loading', 'Loading…')}</Typography>;
  const at = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : t('leads.panel.never', 'Never'));
  const leadsPage = `/plugins/${PLUGIN_ID}/leads${data.dealership ? `?dealership=${encodeURIComponent(data.dealership)}` : ''}`;
  return (
    <Box tag="dl" width="100%" style={{ margin: 0 }} data-testid="easycars-lead-panel">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Row label={t('leads.panel.pushState', 'Sync state')}>
          <Badge variant={pushStateVariant(data.pushState)}>{pushStateText(t, data.pushState)}</Badge>
        </Row>
        {data.pushError ? (
          <Typography variant="pi" textColor="danger600" tag="p" style={{ overflowWrap: 'anywhere' }}>
            {t('leads.pushes.reason', 'Reason: {reason}', { reason: data.pushError })}
          </Typography>
        ) : null}
        {data.origin ? (
          <Row label={t('leads.panel.origin', 'Origin')}>{t(ORIGIN[data.origin].id, ORIGIN[data.origin].defaultMessage)}</Row>
        ) : null}
        {data.notAccepted?.length ? (
          <Box background="warning100" padding={3} hasRadius role="status" data-testid="easycars-lead-not-accepted">
            <Typography fontWeight="bold" tag="p">{t('leads.panel.notAcceptedTitle', 'Not accepted by EasyCars')}</Typography>
            <Typography tag="p">
              {t('leads.panel.notAccepted', '{fields}: EasyCars kept its own value. The change stays here and is not sent again until you change it.', {
                fields: data.notAccepted.map((f) => leadFieldText(t, f)).join(', '),
              })}
            </Typography>
          </Box>
        ) : null}
        <Row label={t('leads.panel.leadNumber', 'LeadNumber')}>{data.leadNumber ?? '—'}</Row>
        <Row label={t('leads.panel.customerNo', 'CustomerNo')}>{data.customerNo ?? '—'}</Row>
        <Row label={t('leads.panel.lastPushed', 'Last sent to EasyCars')}>{at(data.lastPushedAt)}</Row>
        <Row label={t('leads.panel.lastPulled', 'Last refreshed from EasyCars')}>{at(data.lastPulledAt)}</Row>
        <Row label={t('leads.panel.status', 'Status agreed with EasyCars')}>{leadStatusText(t, data.syncedStatus)}</Row>
        {(data.conflicts ?? (data.conflict ? [{ field: 'status', ...data.conflict }] : [])).map((c) => (
          <Box key={c.field ?? 'status'} background="warning100" padding={3} hasRadius role="status">
            <Typography fontWeight="bold" tag="p">
              {c.field && c.field !== 'status'
                ? t('leads.panel.conflictFieldTitle', 'Open conflict: {field}', { field: leadFieldText(t, c.field) })
                : t('leads.panel.conflictTitle', 'Open status conflict')}
            </Typography>
            <Typography tag="p">
              {t('leads.panel.conflict', 'Here: {local}. In EasyCars: {remote}.', {
                local: conflictValueText(t, c.field ?? 'status', c.localValue),
                remote: conflictValueText(t, c.field ?? 'status', c.remoteValue),
              })}
            </Typography>
            <Link tag={NavLink} to={leadsPage}>{t('leads.panel.resolve', 'Resolve it on the Leads page')}</Link>
          </Box>
        ))}
      </Flex>
    </Box>
  );
};

/** Edit-view side panel on leads (FR19): what EasyCars knows about this lead. */
export const LeadEasyCarsPanel = ({ model, documentId, document }: { model: string; documentId?: string; document?: { updatedAt?: string } }) => {
  const { data: types } = useHostContentTypes();
  if (!types || model !== types.lead || !documentId) return null;
  return { title: 'EasyCars', content: <LeadPanelContent documentId={documentId} version={document?.updatedAt} /> };
};
