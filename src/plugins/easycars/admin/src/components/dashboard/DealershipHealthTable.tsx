import { Badge, Box, Button, Field, Flex, Link, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { NavLink } from 'react-router-dom';
import type { DashboardRow, ServiceHealth } from '../../api/dashboard';
import { formatInZone, sinceText } from '../../utils/zonedTime';
import { useT } from '../../utils/useT';
import { PLUGIN_ID } from '../../pluginId';
import { Pager } from '../layout/Pager';
import { healthText, healthVariant } from './healthLabels';

const PAGE = 20;

const ServiceCell = ({ s, timezone }: { s: ServiceHealth; timezone: string }) => {
  const t = useT();
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Badge variant={healthVariant(s.health)}>{healthText(t, s.health)}</Badge>
      {s.health !== 'ok' ? <Typography variant="pi" textColor="neutral600" style={{ maxWidth: '18rem', whiteSpace: 'normal', overflowWrap: 'anywhere' }}>{s.reason}</Typography> : null}
      <Typography variant="pi">
        {t('dashboard.lastSync', 'Last: {when}', { when: formatInZone(s.lastRun?.completedAt, timezone) })}
        {s.lastRun ? ` · ${t('dashboard.processed', '{n} processed', { n: s.lastRun.processed })}` : ''}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        {t('dashboard.lastSuccess', 'Last success: {since}', { since: sinceText(s.lastSuccessAt) })}
      </Typography>
      {s.nextRunAt ? <Typography variant="pi" textColor="neutral600">{t('dashboard.nextRun', 'Next: {when}', { when: formatInZone(s.nextRunAt, timezone) })}</Typography> : null}
    </Flex>
  );
};

/** Every dealership in scope, searchable, 20 a page, with its stock and lead state and quick actions. */
export const DealershipHealthTable = ({
  rows,
  canSync,
  syncing,
  onSync,
}: {
  rows: DashboardRow[];
  canSync: boolean;
  syncing: string | null;
  onSync: (dealership: string, type: 'stock' | 'leads') => void;
}) => {
  const t = useT();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const matching = rows.filter((r) => r.dealership.name.toLowerCase().includes(q.trim().toLowerCase()));
  const pageCount = Math.max(1, Math.ceil(matching.length / PAGE));
  const current = Math.min(page, pageCount);
  const shown = matching.slice((current - 1) * PAGE, current * PAGE);
  return (
    <Box background="neutral0" padding={6} hasRadius shadow="tableShadow" tag="section" aria-labelledby="dashboard-dealerships">
      <Flex justifyContent="space-between" alignItems="flex-end" wrap="wrap" gap={4} paddingBottom={4}>
        <Typography variant="delta" tag="h2" id="dashboard-dealerships">{t('dashboard.dealerships', 'Dealerships')}</Typography>
        {rows.length > PAGE ? (
          <Box style={{ minWidth: '16rem' }}>
            <Field.Root name="dealership-search" id="dashboard-search">
              <Field.Label>{t('dashboard.search', 'Find a dealership')}</Field.Label>
              <TextInput type="search" value={q} onChange={(e: React.ChangeEvent<HTMLInputElement>) => (setQ(e.target.value), setPage(1))} />
            </Field.Root>
          </Box>
        ) : null}
      </Flex>
      <Table colCount={5} rowCount={shown.length + 1} data-testid="dashboard-table">
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">{t('dashboard.col.dealership', 'Dealership')}</Typography></Th>
            <Th><Typography variant="sigma">{t('dashboard.stock', 'Stock')}</Typography></Th>
            <Th><Typography variant="sigma">{t('dashboard.leads', 'Leads')}</Typography></Th>
            <Th><Typography variant="sigma">{t('dashboard.col.leadQueue', 'Conflicts / waiting / in review')}</Typography></Th>
            <Th><Typography variant="sigma">{t('dashboard.col.actions', 'Actions')}</Typography></Th>
          </Tr>
        </Thead>
        <Tbody>
          {shown.map((row) => {
            const id = row.dealership.documentId;
            const q = `?dealership=${encodeURIComponent(id)}`;
            const configured = row.connection !== 'not_configured';
            return (
              <Tr key={id}>
                <Td>
                  <Typography fontWeight="bold">{row.dealership.name}</Typography>
                  <Typography variant="pi" textColor="neutral600" tag="p">{row.dealership.timezone}</Typography>
                </Td>
                <Td><ServiceCell s={row.stock} timezone={row.dealership.timezone} /></Td>
                <Td><ServiceCell s={row.leads} timezone={row.dealership.timezone} /></Td>
                <Td>
                  <Typography>{`${row.openConflicts} / ${row.leadsWaiting} / ${row.leadsInReview}`}</Typography>
                </Td>
                <Td>
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    {configured && canSync ? (
                      <>
                        <Button size="S" variant="secondary" loading={syncing === `${id}:stock`} onClick={() => onSync(id, 'stock')}>{t('dashboard.syncStock', 'Sync stock now')}</Button>
                        <Button size="S" variant="secondary" loading={syncing === `${id}:leads`} onClick={() => onSync(id, 'leads')}>{t('dashboard.syncLeads', 'Sync leads now')}</Button>
                      </>
                    ) : null}
                    {configured ? (
                      <Link tag={NavLink} to={`/plugins/${PLUGIN_ID}/history${q}&scope=${encodeURIComponent(id)}`}>{t('dashboard.viewHistory', 'View history')}</Link>
                    ) : (
                      <Link tag={NavLink} to={`/plugins/${PLUGIN_ID}/credentials${q}`}>{t('dashboard.connect', 'Add credentials')}</Link>
                    )}
                  </Flex>
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
      {matching.length === 0 ? <Box paddingTop={4}><Typography textColor="neutral600">{t('dashboard.noMatch', 'No dealership matches.')}</Typography></Box> : null}
      <Pager page={current} pageCount={pageCount} onPage={setPage} label={t('history.pageOf', 'Page {page} of {pageCount}', { page: current, pageCount })} />
    </Box>
  );
};
