import { Badge, Box, Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { NavLink } from 'react-router-dom';
import { leadsUrl, type LeadPanelData } from '../api/leads';
import { leadStatusText, pushStateText, pushStateVariant } from '../components/leads/labels';
import { PLUGIN_ID } from '../pluginId';
import { toApiError } from '../utils/apiError';
import { useT } from '../utils/useT';
import { LEAD_UID } from './lead-column';

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600" tag="dt">{label}</Typography>
    <Typography tag="dd" style={{ margin: 0, overflowWrap: 'anywhere' }}>{children}</Typography>
  </Flex>
);

export const LeadPanelContent = ({ documentId, version }: { documentId: string; version?: unknown }) => {
  const t = useT();
  const { get } = useFetchClient();
  const [data, setData] = useState<LeadPanelData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    get<{ data: LeadPanelData }>(leadsUrl(`/leads/status/${documentId}`))
      .then((res) => live && (setData(res.data.data), setError(null)))
      .catch((e) => {
        if (!live) return;
        const apiError = toApiError(e);
        setError(apiError.status === 403 || apiError.status === 404 ? t('leads.panel.forbidden', 'You may not see the EasyCars status of this lead.') : apiError.message);
      });
    return () => {
      live = false;
    };
    // `version` (the document's updatedAt) reloads the panel after a save: the push state changes.
  }, [get, documentId, version, tick]);
  // A push runs in the background after a save: look again until it has settled.
  const waiting = data?.pushState === 'pending';
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = setTimeout(() => setTick((n) => n + 1), 2000);
    return () => clearTimeout(timer);
  }, [waiting, tick]);
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
        <Row label={t('leads.panel.leadNumber', 'LeadNumber')}>{data.leadNumber ?? '—'}</Row>
        <Row label={t('leads.panel.customerNo', 'CustomerNo')}>{data.customerNo ?? '—'}</Row>
        <Row label={t('leads.panel.lastPushed', 'Last sent to EasyCars')}>{at(data.lastPushedAt)}</Row>
        <Row label={t('leads.panel.lastPulled', 'Last refreshed from EasyCars')}>{at(data.lastPulledAt)}</Row>
        <Row label={t('leads.panel.status', 'Status agreed with EasyCars')}>{leadStatusText(t, data.syncedStatus)}</Row>
        {data.conflict ? (
          <Box background="warning100" padding={3} hasRadius role="status">
            <Typography fontWeight="bold" tag="p">{t('leads.panel.conflictTitle', 'Open status conflict')}</Typography>
            <Typography tag="p">
              {t('leads.panel.conflict', 'Here: {local}. In EasyCars: {remote}.', {
                local: leadStatusText(t, data.conflict.localValue),
                remote: leadStatusText(t, data.conflict.remoteValue),
              })}
            </Typography>
            <Link tag={NavLink} to={leadsPage}>{t('leads.panel.resolve', 'Resolve it on the Leads page')}</Link>
          </Box>
        ) : null}
      </Flex>
    </Box>
  );
};

/** Edit-view side panel on leads (FR19): what EasyCars knows about this lead. */
export const LeadEasyCarsPanel = ({ model, documentId, document }: { model: string; documentId?: string; document?: { updatedAt?: string } }) => {
  if (model !== LEAD_UID || !documentId) return null;
  return { title: 'EasyCars', content: <LeadPanelContent documentId={documentId} version={document?.updatedAt} /> };
};
