import { Badge, Box, Button, Checkbox, Flex, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import type { Finding } from '../../api/reconciliation';
import { entryEditPath } from '../../api/setup';
import { useHostContentTypes } from '../../api/setup-queries';
import { useT } from '../../utils/useT';
import { categoryText, severityText, severityVariant, stateText } from './labels';

export interface RowActions {
  canSync: boolean;
  canIgnore: boolean;
  busy: boolean;
  onSync: (f: Finding) => void;
  onPush: (f: Finding) => void;
  onIgnore: (f: Finding) => void;
  onDetails: (f: Finding) => void;
}

/** The differences of the current filter: one row each, chosen with a checkbox for batch actions. */
export const FindingsTable = ({ findings, selected, onSelect, actions }: { findings: Finding[]; selected: Set<number>; onSelect: (ids: Set<number>) => void; actions: RowActions }) => {
  const t = useT();
  const { data: types } = useHostContentTypes();
  const openIds = findings.filter((f) => f.state === 'open').map((f) => f.id);
  const allChosen = openIds.length > 0 && openIds.every((id) => selected.has(id));
  const toggle = (id: number) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };
  const entryLink = (f: Finding) => {
    const uid = f.subject === 'vehicle' ? types?.vehicle : types?.lead;
    return f.entryDocumentId && uid ? <Link tag={NavLink} to={entryEditPath(uid, f.entryDocumentId)}>{f.ref}</Link> : <Typography>{f.ref}</Typography>;
  };
  return (
    <Box style={{ overflowX: 'auto' }}>
      <Table colCount={7} rowCount={findings.length + 1}>
        <Thead>
          <Tr>
            <Th>
              <Checkbox aria-label={t('recon.table.selectAll', 'Choose every open row on this page')} checked={allChosen} onCheckedChange={() => onSelect(allChosen ? new Set() : new Set(openIds))} />
            </Th>
            <Th><Typography variant="sigma">{t('recon.table.severity', 'Severity')}</Typography></Th>
            <Th><Typography variant="sigma">{t('recon.table.category', 'Kind')}</Typography></Th>
            <Th><Typography variant="sigma">{t('recon.table.ref', 'Stock or lead number')}</Typography></Th>
            <Th><Typography variant="sigma">{t('recon.table.reason', 'What differs')}</Typography></Th>
            <Th><Typography variant="sigma">{t('recon.table.state', 'State')}</Typography></Th>
            <Th><Typography variant="sigma">{t('recon.table.actions', 'Actions')}</Typography></Th>
          </Tr>
        </Thead>
        <Tbody>
          {findings.map((f) => (
            <Tr key={f.id} data-testid="recon-row">
              <Td>
                <Checkbox aria-label={t('recon.table.select', 'Choose {ref}', { ref: f.ref })} disabled={f.state !== 'open'} checked={selected.has(f.id)} onCheckedChange={() => toggle(f.id)} />
              </Td>
              <Td><Badge variant={severityVariant[f.severity]}>{severityText(t, f.severity)}</Badge></Td>
              <Td><Typography>{categoryText(t, f.category)}</Typography></Td>
              <Td>
                <Flex direction="column" alignItems="flex-start">
                  {entryLink(f)}
                  {f.title ? <Typography variant="pi" textColor="neutral600">{f.title}</Typography> : null}
                </Flex>
              </Td>
              <Td style={{ whiteSpace: 'normal', maxWidth: '32rem' }}>
                <Typography>{f.reason}</Typography>
                {f.ignoredReason ? <Typography variant="pi" textColor="neutral600" tag="p">{t('recon.table.ignoredBecause', 'Ignored: {reason}', { reason: f.ignoredReason })}</Typography> : null}
              </Td>
              <Td><Typography>{stateText(t, f.state)}</Typography></Td>
              <Td>
                <Flex gap={2} wrap="wrap">
                  {f.actions.includes('sync') && actions.canSync ? (
                    <Button size="S" variant="secondary" disabled={actions.busy} onClick={() => actions.onSync(f)}>{t('recon.action.sync', 'Sync from EasyCars')}</Button>
                  ) : null}
                  {f.actions.includes('push') && actions.canSync ? (
                    <Button size="S" variant="secondary" disabled={actions.busy} onClick={() => actions.onPush(f)}>{t('recon.action.push', 'Push to EasyCars')}</Button>
                  ) : null}
                  {f.actions.includes('ignore') && actions.canIgnore ? (
                    <Button size="S" variant="tertiary" disabled={actions.busy} onClick={() => actions.onIgnore(f)}>{t('recon.action.ignore', 'Ignore')}</Button>
                  ) : null}
                  <Button size="S" variant="tertiary" onClick={() => actions.onDetails(f)}>{t('recon.action.details', 'View details')}</Button>
                </Flex>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Box>
  );
};
