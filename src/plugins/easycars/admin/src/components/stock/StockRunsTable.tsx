import { Badge, Box, Button, Flex, Modal, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useState } from 'react';
import type { SyncRun } from '../../api/stock';
import { useStockRuns } from '../../api/stock-queries';
import { useSyncLog } from '../../api/sync-log-queries';
import { toApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';
import { RunCounts } from './RunCounts';
import { duration, outcomeText, statusText, statusVariant, triggerText, when } from './runLabels';

const List = ({ title, rows }: { title: string; rows: Array<{ ref: string; text: string }> }) => (
  <Box paddingTop={4}>
    <Typography variant="delta" tag="h4">{title}</Typography>
    <Box paddingTop={2} tag="ul" style={{ maxHeight: '16rem', overflowY: 'auto' }}>
      {rows.map((r, i) => (
        <Typography key={`${r.ref}-${i}`} tag="li" variant="pi">
          <strong>{r.ref}</strong>: {r.text}
        </Typography>
      ))}
    </Box>
  </Box>
);

/** Details of one run: counts, item errors, warnings, what happened to each listed item. */
const RunDetails = ({ id, onClose }: { id: number; onClose: () => void }) => {
  const t = useT();
  const { data: run, error } = useSyncLog<SyncRun>(id);
  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('stock.details.title', 'Stock sync #{id}', { id })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {error ? <Typography textColor="danger600">{toApiError(error).message}</Typography> : null}
          {run ? (
            <>
              <Flex gap={2} paddingBottom={4} wrap="wrap">
                <Badge variant={statusVariant(run.status)}>{statusText(t, run.status)}</Badge>
                <Typography>{when(run.startedAt)} · {triggerText(t, run.trigger, run.triggeredByName)} · {duration(run.durationMs)}</Typography>
              </Flex>
              {run.errorMessage ? <Typography tag="p">{run.errorMessage}</Typography> : null}
              <Box paddingTop={2}><RunCounts run={run} /></Box>
              {run.itemErrors?.length ? <List title={t('stock.details.errors', 'Errors')} rows={run.itemErrors.map((e) => ({ ref: e.ref, text: e.message }))} /> : null}
              {run.warnings?.length ? (
                <List title={t('stock.details.warnings', 'Warnings')} rows={run.warnings.map((w) => ({ ref: w.ref, text: w.field ? `${w.field} — ${w.message}` : w.message }))} />
              ) : null}
              {run.items?.length ? <List title={t('stock.details.items', 'Changes')} rows={run.items.map((i) => ({ ref: i.ref, text: i.message ? `${outcomeText(t, i.outcome)} — ${i.message}` : outcomeText(t, i.outcome) }))} /> : null}
              {!run.itemErrors?.length && !run.warnings?.length ? (
                <Box paddingTop={4}><Typography textColor="neutral600">{t('stock.details.clean', 'No errors or warnings.')}</Typography></Box>
              ) : null}
            </>
          ) : null}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('stock.details.close', 'Close')}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** The last 10 stock syncs. */
export const StockRunsTable = ({ dealership, refreshKey }: { dealership: string; refreshKey: unknown }) => {
  const t = useT();
  const rows = useStockRuns(dealership, refreshKey).data ?? [];
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius tag="section">
      <Typography variant="delta" tag="h3">{t('stock.runs.title', 'Last 10 stock syncs')}</Typography>
      <Box paddingTop={4}>
        {rows.length === 0 ? (
          <Typography textColor="neutral600">{t('stock.runs.empty', 'No stock sync yet.')}</Typography>
        ) : (
          <Table colCount={8} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{t('stock.runs.when', 'When')}</Typography></Th>
                <Th><Typography variant="sigma">{t('stock.runs.trigger', 'Trigger')}</Typography></Th>
                <Th><Typography variant="sigma">{t('stock.runs.status', 'Status')}</Typography></Th>
                <Th><Typography variant="sigma">{t('stock.runs.fetched', 'Fetched')}</Typography></Th>
                <Th><Typography variant="sigma">{t('stock.runs.changed', 'Created / updated / removed')}</Typography></Th>
                <Th><Typography variant="sigma">{t('stock.runs.failed', 'Failed')}</Typography></Th>
                <Th><Typography variant="sigma">{t('stock.runs.duration', 'Duration')}</Typography></Th>
                <Th><Typography variant="sigma">{t('stock.runs.details', 'Details')}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((run) => (
                <Tr key={run.id}>
                  <Td><Typography>{when(run.startedAt ?? run.createdAt)}</Typography></Td>
                  <Td><Typography>{triggerText(t, run.trigger, run.triggeredByName)}</Typography></Td>
                  <Td><Badge variant={statusVariant(run.status)}>{statusText(t, run.status)}</Badge></Td>
                  <Td><Typography>{run.fetched ?? 0}</Typography></Td>
                  <Td><Typography>{`${run.created ?? 0} / ${run.updated ?? 0} / ${run.removed ?? 0}`}</Typography></Td>
                  <Td><Typography>{run.failed ?? 0}</Typography></Td>
                  <Td><Typography>{duration(run.durationMs)}</Typography></Td>
                  <Td>
                    <Button variant="tertiary" size="S" onClick={() => setOpen(run.id)}>{t('stock.runs.view', 'View details')}</Button>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Box>
      {open !== null ? <RunDetails id={open} onClose={() => setOpen(null)} /> : null}
    </Box>
  );
};
