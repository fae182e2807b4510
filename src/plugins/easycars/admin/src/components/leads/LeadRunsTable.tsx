import { Box, Button, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { Fragment, useState } from 'react';
import { leadsUrl, useLeadsQuery } from '../../api/leads';
import { useT } from '../../utils/useT';
import { when } from './statusLabels';

/** The last 10 lead syncs; "Details" shows each lead's outcome. */
export const LeadRunsTable = ({ dealership }: { dealership: string }) => {
  const t = useT();
  const { get } = useFetchClient();
  const [open, setOpen] = useState<{ id: number; items: Array<{ ref: string; outcome: string; message?: string }> } | null>(null);
  const { data } = useLeadsQuery<any[]>(`/sync-logs?type=leads&pageSize=10`, dealership, 3000);
  const rows = Array.isArray(data) ? data : ((data as any)?.results ?? []);
  const details = async (id: number) => {
    if (open?.id === id) return setOpen(null);
    const res = await get<{ data: { items?: Array<{ ref: string; outcome: string; message?: string }> } }>(leadsUrl(`/sync-logs/${id}`));
    setOpen({ id, items: res.data.data.items ?? [] });
  };
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Typography variant="delta" tag="h3">{t('leads.runs.title', 'Last 10 lead syncs')}</Typography>
      <Box paddingTop={4}>
        {rows.length === 0 ? (
          <Typography textColor="neutral600">{t('leads.runs.empty', 'No lead sync yet.')}</Typography>
        ) : (
          <Table colCount={7} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{t('leads.runs.when', 'When')}</Typography></Th>
                <Th><Typography variant="sigma">{t('leads.runs.trigger', 'Trigger')}</Typography></Th>
                <Th><Typography variant="sigma">{t('leads.runs.status', 'Status')}</Typography></Th>
                <Th><Typography variant="sigma">{t('leads.runs.processed', 'Processed')}</Typography></Th>
                <Th><Typography variant="sigma">{t('leads.runs.updated', 'Updated')}</Typography></Th>
                <Th><Typography variant="sigma">{t('leads.runs.failed', 'Failed')}</Typography></Th>
                <Th><Typography variant="sigma">{t('leads.runs.details', 'Details')}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((run: any) => (
                <Fragment key={run.id}>
                  <Tr>
                    <Td><Typography>{when(run.startedAt ?? run.createdAt)}</Typography></Td>
                    <Td><Typography>{run.trigger}</Typography></Td>
                    <Td><Typography>{run.status}</Typography></Td>
                    <Td><Typography>{run.fetched ?? 0}</Typography></Td>
                    <Td><Typography>{run.updated ?? 0}</Typography></Td>
                    <Td><Typography>{run.failed ?? 0}</Typography></Td>
                    <Td>
                      <Button variant="tertiary" size="S" onClick={() => details(run.id)}>
                        {open?.id === run.id ? t('leads.runs.hide', 'Hide') : t('leads.runs.show', 'Details')}
                      </Button>
                    </Td>
                  </Tr>
                  {open && open.id === run.id ? (
                    <Tr>
                      <Td colSpan={7}>
                        {open.items.length === 0 ? (
                          <Typography textColor="neutral600">{t('leads.runs.noItems', 'No lead was processed.')}</Typography>
                        ) : (
                          open.items.map((item) => (
                            <Typography key={item.ref} tag="p" variant="pi">
                              {item.ref}: {item.outcome}
                              {item.message ? ` — ${item.message}` : ''}
                            </Typography>
                          ))
                        )}
                      </Td>
                    </Tr>
                  ) : null}
                </Fragment>
              ))}
            </Tbody>
          </Table>
        )}
      </Box>
    </Box>
  );
};
