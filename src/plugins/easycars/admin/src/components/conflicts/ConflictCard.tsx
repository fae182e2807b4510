import { Badge, Box, Button, Flex, Link, Radio, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { NavLink } from 'react-router-dom';
import type { ConflictChoice, InboxConflict } from '../../api/conflicts';
import { entryEditPath } from '../../api/setup';
import { useHostContentTypes } from '../../api/setup-queries';
import { useT } from '../../utils/useT';
import { formatInZone } from '../../utils/zonedTime';
import { valueText } from './labels';

type Use = 'local' | 'easycars' | 'value';
const WRAP = { whiteSpace: 'normal', verticalAlign: 'top', overflowWrap: 'anywhere', maxWidth: '18rem' } as const;

/** A typed value keeps the field's kind: a number field gets a number. */
const typed = (text: string, like: unknown): unknown => (typeof like === 'number' && text.trim() !== '' && !Number.isNaN(Number(text)) ? Number(text) : text);

/**
 * One vehicle's or lead's open conflicts, field by field: last agreed, this site and EasyCars side by side
 * (what differs highlighted), a choice per field, a preview of the result, then apply.
 */
export const ConflictCard = ({ conflicts, timezone, busy, onApply }: { conflicts: InboxConflict[]; timezone: string; busy: boolean; onApply: (choices: ConflictChoice[]) => Promise<void> }) => {
  const t = useT();
  const { data: types } = useHostContentTypes();
  const first = conflicts[0];
  const [uses, setUses] = useState<Record<number, Use>>(() => Object.fromEntries(conflicts.map((c) => [c.id, 'local'])));
  const [values, setValues] = useState<Record<number, string>>({});
  const [previewing, setPreviewing] = useState(false);
  const open = first.state === 'open';
  const uid = first.kind === 'vehicle' ? types?.vehicle : types?.lead;
  const result = (c: InboxConflict) => (uses[c.id] === 'easycars' ? c.remoteValue : uses[c.id] === 'value' ? typed(values[c.id] ?? '', c.localValue ?? c.remoteValue) : c.localValue);
  const choices = (): ConflictChoice[] => conflicts.map((c) => (uses[c.id] === 'value' ? { kind: c.kind, id: c.id, use: 'value', value: result(c) } : { kind: c.kind, id: c.id, use: uses[c.id] as 'local' | 'easycars' }));
  const setAll = (use: Use) => setUses(Object.fromEntries(conflicts.map((c) => [c.id, use])));
  const when = (iso: string | null) => (iso ? formatInZone(iso, timezone) : '—');

  return (
    <Box tag="li" background="neutral0" padding={5} hasRadius shadow="tableShadow" data-testid="conflict-card">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex justifyContent="space-between" wrap="wrap" gap={2}>
          <Flex gap={2} alignItems="center">
            <Badge>{first.kind === 'vehicle' ? t('inbox.kind.vehicle', 'Vehicle') : t('inbox.kind.lead', 'Lead')}</Badge>
            {first.entryDocumentId && uid ? (
              <Link tag={NavLink} to={entryEditPath(uid, first.entryDocumentId)}>{first.ref}</Link>
            ) : (
              <Typography fontWeight="bold">{first.ref}</Typography>
            )}
          </Flex>
          <Typography variant="pi" textColor="neutral600">
            {t('inbox.changed', 'Changed here {here}{by}; EasyCars changed {easycars}', {
              here: when(first.localChangedAt),
              by: first.localChangedBy ? ` ${t('inbox.by', 'by {name}', { name: first.localChangedBy })}` : '',
              easycars: when(first.remoteChangedAt ?? first.createdAt),
            })}
          </Typography>
        </Flex>
        <Box style={{ overflowX: 'auto' }}>
          <Table colCount={open ? 5 : 4} rowCount={conflicts.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{t('inbox.field', 'Field')}</Typography></Th>
                <Th><Typography variant="sigma">{t('inbox.base', 'Last agreed')}</Typography></Th>
                <Th><Typography variant="sigma">{t('inbox.local', 'This site')}</Typography></Th>
                <Th><Typography variant="sigma">{t('inbox.remote', 'EasyCars')}</Typography></Th>
                {open ? <Th><Typography variant="sigma">{t('inbox.keep', 'Keep')}</Typography></Th> : null}
              </Tr>
            </Thead>
            <Tbody>
              {conflicts.map((c) => (
                <Tr key={c.id} data-testid={`conflict-field-${c.field}`}>
                  <Td><Typography fontWeight="bold">{c.field}</Typography></Td>
                  <Td style={WRAP}><Typography textColor="neutral600">{valueText(c.baseValue)}</Typography></Td>
                  <Td style={WRAP}><Box background="warning100" padding={1} hasRadius><Typography>{valueText(c.localValue)}</Typography></Box></Td>
                  <Td style={WRAP}><Box background="success100" padding={1} hasRadius><Typography>{valueText(c.remoteValue)}</Typography></Box></Td>
                  {open ? (
                    <Td style={WRAP}>
                      <Radio.Group aria-label={t('inbox.keepFor', 'Keep for {field}', { field: c.field })} value={uses[c.id]} onValueChange={(v: string) => { setUses({ ...uses, [c.id]: v as Use }); setPreviewing(false); }}>
                        <Radio.Item value="local">{t('inbox.use.local', 'This site')}</Radio.Item>
                        <Radio.Item value="easycars">{t('inbox.use.easycars', 'EasyCars')}</Radio.Item>
                        {c.kind === 'vehicle' ? <Radio.Item value="value">{t('inbox.use.value', 'Another value')}</Radio.Item> : null}
                      </Radio.Group>
                      {uses[c.id] === 'value' ? (
                        <Box paddingTop={2}>
                          <TextInput aria-label={t('inbox.valueFor', 'Value for {field}', { field: c.field })} value={values[c.id] ?? valueText(c.localValue).replace(/^—$/, '')} onChange={(e: React.ChangeEvent<HTMLInputElement>) => { setValues({ ...values, [c.id]: e.target.value }); setPreviewing(false); }} />
                        </Box>
                      ) : null}
                    </Td>
                  ) : null}
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Box>
        {!open ? (
          <Typography variant="pi" textColor="neutral600">
            {t('inbox.resolvedBy', 'Resolved ({resolution}) by {name} {when}', { resolution: first.resolution ?? '—', name: first.resolvedBy ?? '—', when: when(first.resolvedAt) })}
          </Typography>
        ) : (
          <>
            {previewing ? (
              <Box background="primary100" padding={3} hasRadius data-testid="conflict-preview">
                <Typography fontWeight="bold" tag="p">{t('inbox.preview', 'After applying, this site will have:')}</Typography>
                {conflicts.map((c) => (
                  <Typography key={c.id} tag="p">{`${c.field}: ${valueText(result(c))}`}</Typography>
                ))}
              </Box>
            ) : null}
            <Flex gap={2} wrap="wrap" justifyContent="flex-end">
              <Button size="S" variant="tertiary" onClick={() => { setAll('local'); setPreviewing(false); }}>{t('inbox.allLocal', 'All: this site')}</Button>
              <Button size="S" variant="tertiary" onClick={() => { setAll('easycars'); setPreviewing(false); }}>{t('inbox.allEasycars', 'All: EasyCars')}</Button>
              {first.entryDocumentId && uid ? (
                <Link tag={NavLink} to={entryEditPath(uid, first.entryDocumentId)}>{t('inbox.manual', 'Edit manually')}</Link>
              ) : null}
              {previewing ? (
                <Button size="S" loading={busy} onClick={() => void onApply(choices())}>{t('inbox.apply', 'Apply')}</Button>
              ) : (
                <Button size="S" variant="secondary" onClick={() => setPreviewing(true)}>{t('inbox.previewButton', 'Preview')}</Button>
              )}
            </Flex>
          </>
        )}
      </Flex>
    </Box>
  );
};
