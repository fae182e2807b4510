import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { leadsUrl, useLeadsQuery, type LeadConflictItem } from '../../api/leads';
import { toApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';
import { statusLabel, when } from './statusLabels';

/** Status conflicts awaiting a decision, local and EasyCars values side by side. */
export const ConflictsTable = ({ dealership, onChange }: { dealership: string; onChange: () => void }) => {
  const t = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { data, reload } = useLeadsQuery<LeadConflictItem[]>('/leads/conflicts?state=open', dealership, 5000);
  const rows = data ?? [];
  const resolve = async (conflict: LeadConflictItem, choice: 'local' | 'easycars') => {
    try {
      await post(leadsUrl(`/leads/conflicts/${conflict.id}/resolve`), { dealership, choice });
      toggleNotification({ type: 'success', message: t('leads.conflicts.resolved', 'Conflict resolved on both sides') });
    } catch (e) {
      toggleNotification({ type: 'danger', message: toApiError(e).message });
    }
    await reload();
    onChange();
  };
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Typography variant="delta" tag="h3">{t('leads.conflicts.title', 'Status conflicts')}</Typography>
      <Box paddingTop={4}>
        {rows.length === 0 ? (
          <Typography textColor="neutral600">{t('leads.conflicts.empty', 'No conflict to resolve.')}</Typography>
        ) : (
          <Table colCount={5} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{t('leads.conflicts.lead', 'EasyCars lead')}</Typography></Th>
                <Th><Typography variant="sigma">{t('leads.conflicts.base', 'Last agreed')}</Typography></Th>
                <Th><Typography variant="sigma">{t('leads.conflicts.local', 'Here')}</Typography></Th>
                <Th><Typography variant="sigma">{t('leads.conflicts.remote', 'In EasyCars')}</Typography></Th>
                <Th><Typography variant="sigma">{t('leads.conflicts.action', 'Keep')}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((c) => (
                <Tr key={c.id}>
                  <Td><Typography>{c.leadNumber} ({when(c.createdAt)})</Typography></Td>
                  <Td><Typography>{statusLabel(c.baseValue)}</Typography></Td>
                  <Td><Typography fontWeight="bold">{statusLabel(c.localValue)}</Typography></Td>
                  <Td><Typography fontWeight="bold">{statusLabel(c.remoteValue)}</Typography></Td>
                  <Td>
                    <Flex gap={2}>
                      <Button size="S" variant="secondary" onClick={() => resolve(c, 'local')}>
                        {t('leads.conflicts.keepLocal', 'Keep “{value}”', { value: statusLabel(c.localValue) })}
                      </Button>
                      <Button size="S" variant="secondary" onClick={() => resolve(c, 'easycars')}>
                        {t('leads.conflicts.keepRemote', 'Take EasyCars “{value}”', { value: statusLabel(c.remoteValue) })}
                      </Button>
                    </Flex>
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
