import { Badge, Box, Button, Field, Flex, Grid, SingleSelect, SingleSelectOption, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Page } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { AUDIT_PARAMS, AUDIT_RESULTS, auditFiltersFromParams } from '../api/audit';
import { useAuditTrail } from '../api/audit-queries';
import { Pager } from '../components/layout/Pager';
import { useSelectedDealership } from '../context/DealershipContext';
import { useUrlFilters } from '../hooks/useUrlFilters';
import { toApiError } from '../utils/apiError';
import { useT } from '../utils/useT';
import { formatInZone } from '../utils/zonedTime';

const ALL = 'all';
const RESULT_VARIANT: Record<string, 'success' | 'danger' | 'secondary'> = { success: 'success', failure: 'danger', info: 'secondary' };

/** Who did what, when, to which dealership: the plugin's audit trail, filtered through the URL so a link can be shared. */
const AuditPage = () => {
  const t = useT();
  const { dealerships } = useSelectedDealership();
  const [params, change] = useUrlFilters();
  const { page, ...filters } = auditFiltersFromParams(params);
  const query = useAuditTrail(filters, page);
  const [actor, setActor] = useState(filters.actor ?? '');
  useEffect(() => setActor(filters.actor ?? ''), [filters.actor]);

  const zoneOf = (dealership: string | null) => dealerships.find((d) => d.documentId === dealership)?.timezone ?? 'Australia/Sydney';
  const resultText: Record<string, string> = {
    success: t('audit.result.success', 'Succeeded'),
    failure: t('audit.result.failure', 'Failed'),
    info: t('audit.result.info', 'Information'),
  };

  if (query.error && !query.data) return <Page.Error content={toApiError(query.error).message} />;
  const data = query.data;
  const select = (name: string, label: string, options: Array<{ value: string; label: string }>, anyLabel: string) => (
    <Field.Root name={name} id={`audit-${name}`}>
      <Field.Label>{label}</Field.Label>
      <SingleSelect value={params.get(name) || ALL} onChange={(v) => change({ [name]: String(v) === ALL ? '' : String(v) })}>
        <SingleSelectOption value={ALL}>{anyLabel}</SingleSelectOption>
        {options.map((o) => (
          <SingleSelectOption key={o.value} value={o.value}>{o.label}</SingleSelectOption>
        ))}
      </SingleSelect>
    </Field.Root>
  );
  return (
    <Flex direction="column" alignItems="stretch" gap={6} data-testid="audit-page">
      <Typography variant="beta" tag="h2">{t('audit.title', 'Audit trail')}</Typography>
      <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
        <Box tag="form" role="search" aria-label={t('audit.filters.label', 'Filter the audit trail')} onSubmit={(e: React.FormEvent) => (e.preventDefault(), change({ actor: actor.trim() }))}>
          <Grid.Root gap={4}>
            <Grid.Item col={4} s={6} xs={12} direction="column" alignItems="stretch">
              {select('scope', t('history.filters.dealership', 'Dealership'), dealerships.map((d) => ({ value: d.documentId, label: d.name })), t('history.filters.allDealerships', 'All my dealerships'))}
            </Grid.Item>
            <Grid.Item col={4} s={6} xs={12} direction="column" alignItems="stretch">
              {select('action', t('audit.filters.action', 'Action'), (data?.actions ?? []).map((a) => ({ value: a, label: a })), t('history.filters.any', 'Any'))}
            </Grid.Item>
            <Grid.Item col={4} s={6} xs={12} direction="column" alignItems="stretch">
              {select('result', t('audit.filters.result', 'Result'), AUDIT_RESULTS.map((r) => ({ value: r, label: resultText[r] ?? r })), t('history.filters.any', 'Any'))}
            </Grid.Item>
            <Grid.Item col={4} s={6} xs={12} direction="column" alignItems="stretch">
              <Field.Root name="actor" id="audit-actor">
                <Field.Label>{t('audit.filters.actor', 'Admin')}</Field.Label>
                <TextInput type="search" value={actor} placeholder={t('audit.filters.actorHint', 'Part of a name, then Enter')} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setActor(e.target.value)} />
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={4} s={6} xs={12} direction="column" alignItems="stretch">
              <Field.Root name="from" id="audit-from">
                <Field.Label>{t('history.filters.from', 'From')}</Field.Label>
                <TextInput type="date" value={params.get('from') ?? ''} onChange={(e: React.ChangeEvent<HTMLInputElement>) => change({ from: e.target.value })} />
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={4} s={6} xs={12} direction="column" alignItems="stretch">
              <Field.Root name="to" id="audit-to">
                <Field.Label>{t('history.filters.to', 'To')}</Field.Label>
                <TextInput type="date" value={params.get('to') ?? ''} onChange={(e: React.ChangeEvent<HTMLInputElement>) => change({ to: e.target.value })} />
              </Field.Root>
            </Grid.Item>
          </Grid.Root>
          <Flex paddingTop={4} gap={2}>
            <Button type="submit" variant="secondary">{t('audit.filters.apply', 'Search')}</Button>
            {AUDIT_PARAMS.some((p) => params.get(p)) ? (
              <Button variant="tertiary" onClick={() => change(Object.fromEntries(AUDIT_PARAMS.map((p) => [p, ''])))}>{t('audit.filters.clear', 'Clear filters')}</Button>
            ) : null}
          </Flex>
        </Box>
      </Box>
      <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
        {!data ? (
          <Typography textColor="neutral600">{t('history.loading', 'Loading…')}</Typography>
        ) : data.results.length === 0 ? (
          <Typography textColor="neutral600">{t('audit.empty', 'Nothing recorded matches these filters.')}</Typography>
        ) : (
          <>
            <Table colCount={6} rowCount={data.results.length + 1} data-testid="audit-table">
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">{t('audit.col.when', 'When')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('audit.col.dealership', 'Dealership')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('audit.col.action', 'Action')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('audit.col.who', 'Who')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('audit.col.result', 'Result')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('audit.col.details', 'Details')}</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {data.results.map((e) => (
                  <Tr key={e.id}>
                    <Td><Typography>{formatInZone(e.createdAt, zoneOf(e.dealership))}</Typography></Td>
                    <Td><Typography>{e.dealershipName ?? t('audit.siteWide', 'Every dealership')}</Typography></Td>
                    <Td><Typography fontWeight="bold">{e.action}</Typography></Td>
                    <Td><Typography>{e.actorName ?? t('audit.system', 'The plugin (no admin)')}</Typography></Td>
                    <Td><Badge variant={RESULT_VARIANT[e.result] ?? 'secondary'}>{resultText[e.result] ?? e.result}</Badge></Td>
                    <Td style={{ whiteSpace: 'normal', maxWidth: '32rem' }}>
                      {e.message ? <Typography tag="p" style={{ overflowWrap: 'anywhere' }}>{e.message}</Typography> : null}
                      {e.changedFields.length ? (
                        <Typography variant="pi" textColor="neutral600">{t('audit.fields', 'Fields: {fields}', { fields: e.changedFields.join(', ') })}</Typography>
                      ) : null}
                      {e.entityType ? <Typography variant="pi" textColor="neutral600" tag="p">{`${e.entityType} ${e.entityId ?? ''}`.trim()}</Typography> : null}
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            <Pager
              page={page}
              pageCount={data.pagination.pageCount}
              onPage={(next) => change({ page: String(next) })}
              label={t('audit.pageOf', 'Page {page} of {pageCount} ({total} entries)', { page: data.pagination.page, pageCount: data.pagination.pageCount, total: data.pagination.total })}
            />
          </>
        )}
      </Box>
    </Flex>
  );
};

export default AuditPage;
