import { Badge, Box, Button, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { leadsUrl, useLeadsQuery, type LeadPush } from '../../api/leads';
import { toApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';

/** Leads waiting to be pushed, failed (with the reason) or flagged for review, each with Retry. */
export const PendingPushesTable = ({ dealership, onChange }: { dealership: string; onChange: () => void }) => {
  const t = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { data, reload } = useLeadsQuery<LeadPush[]>('/leads/pushes', dealership, 5000);
  const rows = data ?? [];
  const retry = async (push: LeadPush) => {
    if (push.pushState === 'review' && !window.confirm(t('leads.pushes.reviewConfirm', 'This lead may already exist in EasyCars. Send it again anyway?'))) return;
    try {
      await post(leadsUrl(`/leads/pushes/${push.id}/retry`), { dealership });
      toggleNotification({ type: 'success', message: t('leads.pushes.retried', 'Lead queued to be sent again') });
    } catch (e) {
      toggleNotification({ type: 'danger', message: toApiError(e).message });
    }
    await reload();
    onChange();
  };
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Typography variant="delta" tag="h3">{t('leads.pushes.title', 'Leads not in EasyCars yet')}</Typography>
      <Box paddingTop={4}>
        {rows.length === 0 ? (
          <Typography textColor="neutral600">{t('leads.pushes.empty', 'Every lead has reached EasyCars.')}</Typography>
        ) : (
          <Table colCount={4} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{t('leads.pushes.lead', 'Lead')}</Typography></Th>
                <Th><Typography variant="sigma">{t('leads.pushes.state', 'State')}</Typography></Th>
                <Th><Typography variant="sigma">{t('leads.pushes.reason', 'Reason')}</Typography></Th>
                <Th><Typography variant="sigma">{t('leads.pushes.action', 'Action')}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((push) => (
                <Tr key={push.id}>
                  <Td><Typography>{[push.customerName, push.vehicle].filter(Boolean).join(' — ') || push.leadDocumentId}</Typography></Td>
                  <Td><Badge>{push.pushState}</Badge></Td>
                  <Td style={{ whiteSpace: 'normal' }}><Typography variant="pi">{push.pushError ?? '—'}</Typography></Td>
                  <Td>
                    {push.pushState !== 'pending' ? (
                      <Button size="S" variant="secondary" onClick={() => retry(push)}>{t('leads.pushes.retry', 'Retry')}</Button>
                    ) : null}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Box>
    </Box>
  );
};
