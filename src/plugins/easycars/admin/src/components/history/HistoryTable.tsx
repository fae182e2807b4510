import { Badge, Button, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { HistoryRun } from '../../api/history';
import { useT } from '../../utils/useT';
import { duration, statusText, statusVariant, triggerText, when } from '../stock/runLabels';

/** One row per run, newest first; status in words and colour. */
export const HistoryTable = ({ runs, onDetails }: { runs: HistoryRun[]; onDetails: (id: number) => void }) => {
  const t = useT();
  const typeText = (type: string) => (type === 'stock' ? t('history.type.stock', 'Stock') : type === 'leads' ? t('history.type.leads', 'Leads') : type);
  const directionText = (d: string) =>
    d === 'inbound' ? t('history.direction.inbound', 'From EasyCars') : d === 'outbound' ? t('history.direction.outbound', 'To EasyCars') : t('history.direction.both', 'Both ways');
  const headers = [
    t('history.col.when', 'When'),
    t('history.col.dealership', 'Dealership'),
    t('history.col.type', 'Type'),
    t('history.col.direction', 'Direction'),
    t('history.col.trigger', 'Trigger'),
    t('history.col.status', 'Status'),
    t('history.col.processed', 'Records processed'),
    t('history.col.duration', 'Duration'),
    t('history.col.details', 'Details'),
  ];
  return (
    <Table colCount={headers.length} rowCount={runs.length + 1} data-testid="history-table">
      <Thead>
        <Tr>
          {headers.map((h) => (
            <Th key={h}><Typography variant="sigma">{h}</Typography></Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {runs.map((run) => (
          <Tr key={run.id}>
            <Td><Typography>{when(run.startedAt ?? run.createdAt)}</Typography></Td>
            <Td><Typography>{run.dealershipName ?? run.dealership}</Typography></Td>
            <Td><Typography>{typeText(run.type)}</Typography></Td>
            <Td><Typography>{directionText(run.direction)}</Typography></Td>
            <Td><Typography>{triggerText(t, run.trigger, run.triggeredByName)}</Typography></Td>
            <Td><Badge variant={statusVariant(run.status)}>{statusText(t, run.status)}</Badge></Td>
            <Td><Typography>{run.processed}{run.failed ? ` (${t('history.failedCount', '{n} failed', { n: run.failed })})` : ''}</Typography></Td>
            <Td><Typography>{duration(run.durationMs)}</Typography></Td>
            <Td>
              <Button variant="tertiary" size="S" onClick={() => onDetails(run.id)} aria-label={t('history.viewRun', 'View details of run {id}', { id: run.id })}>
                {t('history.view', 'View details')}
              </Button>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
