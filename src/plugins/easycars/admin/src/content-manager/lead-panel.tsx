import { Badge, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';
import { LEAD_UID } from './lead-column';

interface PanelData {
  badge: string;
  leadNumber: string | null;
  customerNo: string | null;
  pushState: string | null;
  pushError: string | null;
  lastPushedAt: string | null;
  lastPulledAt: string | null;
  syncedStatus: string | null;
  easycarsStatus: string | null;
  conflict: { localValue: string | null; remoteValue: string | null } | null;
}

const Row = ({ label, value }: { label: string; value: string }) => (
  <Flex direction="column" alignItems="flex-start" gap={0}>
    <Typography variant="sigma" textColor="neutral600">{label}</Typography>
    <Typography>{value}</Typography>
  </Flex>
);

const LeadPanelContent = ({ documentId }: { documentId: string }) => {
  const { get } = useFetchClient();
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string>) => formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const [data, setData] = useState<PanelData | null>(null);
  const [denied, setDenied] = useState(false);
  useEffect(() => {
    get<{ data: PanelData }>(`/easycars/leads/status/${documentId}`)
      .then((res) => setData(res.data.data))
      .catch(() => setDenied(true));
  }, [get, documentId]);
  if (denied) return <Typography textColor="neutral600">{t('leads.panel.unavailable', 'EasyCars status unavailable.')}</Typography>;
  if (!data) return <Typography textColor="neutral600">…</Typography>;
  const at = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : t('leads.panel.never', 'never'));
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="easycars-lead-panel">
      <Row label={t('leads.panel.leadNumber', 'LeadNumber')} value={data.leadNumber ?? t('leads.badge.notSent', 'Not sent')} />
      <Row label={t('leads.panel.customerNo', 'CustomerNo')} value={data.customerNo ?? '—'} />
      <Row label={t('leads.panel.pushState', 'Push')} value={data.pushState ?? t('leads.badge.notSent', 'Not sent')} />
      {data.pushError ? <Typography variant="pi" textColor="danger600">{data.pushError}</Typography> : null}
      <Row label={t('leads.panel.lastPushed', 'Last sent')} value={at(data.lastPushedAt)} />
      <Row label={t('leads.panel.lastPulled', 'Last refreshed')} value={at(data.lastPulledAt)} />
      <Row label={t('leads.panel.status', 'Status agreed with EasyCars')} value={data.syncedStatus ?? '—'} />
      {data.conflict ? (
        <Badge backgroundColor="warning100" textColor="warning700">
          {t('leads.panel.conflict', 'Status conflict: here {local}, EasyCars {remote}', { local: data.conflict.localValue ?? '', remote: data.conflict.remoteValue ?? '' })}
        </Badge>
      ) : null}
    </Flex>
  );
};

/** Edit-view side panel on leads (FR19): what EasyCars knows about this lead. */
export const LeadEasyCarsPanel = ({ model, documentId }: { model: string; documentId?: string }) => {
  if (model !== LEAD_UID || !documentId) return null;
  return { title: 'EasyCars', content: <LeadPanelContent documentId={documentId} /> };
};
