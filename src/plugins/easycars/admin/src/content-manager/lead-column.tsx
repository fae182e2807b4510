import { Badge, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useLeadColumnStatus } from '../api/leads-queries';
import { getTranslation } from '../utils/getTranslation';
import type { LeadColumnStatus } from './lead-status-store';

import { hasHostRole } from './host-role';

const LABELS: Record<LeadColumnStatus['badge'], { id: string; defaultMessage: string }> = {
  sent: { id: 'leads.badge.sent', defaultMessage: 'Sent' },
  sending: { id: 'leads.badge.sending', defaultMessage: 'Sending…' },
  not_sent: { id: 'leads.badge.notSent', defaultMessage: 'Not sent' },
  failed: { id: 'leads.badge.failed', defaultMessage: 'Failed' },
  review: { id: 'leads.badge.review', defaultMessage: 'Review' },
};

/** FR18/19: where the lead came from. */
export const ORIGIN: Record<'here' | 'easycars', { id: string; defaultMessage: string }> = {
  here: { id: 'leads.origin.here', defaultMessage: 'Made here' },
  easycars: { id: 'leads.origin.easycars', defaultMessage: 'From EasyCars' },
};

export const LeadEasyCarsCell = ({ documentId }: { documentId: string }) => {
  const { formatMessage } = useIntl();
  const { data: status } = useLeadColumnStatus(documentId);
  if (!status) return <Typography textColor="neutral500">—</Typography>;
  const origin = status.origin ? ORIGIN[status.origin] : null;
  const originText = origin ? (
    <Typography variant="pi" textColor="neutral600" data-testid="easycars-lead-origin">
      {formatMessage({ id: getTranslation(origin.id), defaultMessage: origin.defaultMessage })}
    </Typography>
  ) : null;
  if (status.badge === 'sent' && status.leadNumber) {
    return (
      <Flex gap={2}>
        <Badge backgroundColor="success100" textColor="success700" data-testid="easycars-lead-badge">{status.leadNumber}</Badge>
        {originText}
      </Flex>
    );
  }
  const tone = status.badge === 'failed' ? ['danger100', 'danger700'] : status.badge === 'review' ? ['warning100', 'warning700'] : ['neutral150', 'neutral700'];
  const label = LABELS[status.badge];
  return (
    <Flex gap={2}>
      <Badge backgroundColor={tone[0]} textColor={tone[1]} data-testid="easycars-lead-badge">
        {formatMessage({ id: getTranslation(label.id), defaultMessage: label.defaultMessage })}
      </Badge>
      {originText}
    </Flex>
  );
};

/** Hook for 'Admin/CM/pages/ListView/inject-column-in-table': an "EasyCars" column on the lead list only. */
export const addLeadColumn = ({ displayedHeaders, layout }: { displayedHeaders: any[]; layout: any }) => {
  if (!hasHostRole(layout, 'lead')) return { displayedHeaders, layout };
  return {
    displayedHeaders: [
      ...displayedHeaders,
      {
        attribute: { type: 'string' },
        label: { id: getTranslation('leads.column'), defaultMessage: 'EasyCars' },
        searchable: false,
        sortable: false,
        name: 'easycars',
        cellFormatter: (doc: { documentId: string }) => <LeadEasyCarsCell documentId={doc.documentId} />,
      },
    ],
    layout,
  };
};
