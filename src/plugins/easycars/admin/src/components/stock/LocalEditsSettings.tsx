import { Box, Button, Field, Flex, Radio, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { FIELD_STRATEGIES, type FieldStrategy } from '../../api/conflicts';
import { useSaveStockEditSettings, useStockEditSettings } from '../../api/conflicts-queries';
import { toApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';
import { strategyHelp, strategyText } from '../conflicts/labels';

const DEFAULT = 'default';

/** FR20: what the stock sync does with a field edited here when EasyCars changes it too; per field if needed. */
export const LocalEditsSettings = ({ dealership, canEdit }: { dealership: string; canEdit: boolean }) => {
  const t = useT();
  const { data, error } = useStockEditSettings(dealership);
  const save = useSaveStockEditSettings(dealership);
  const { toggleNotification } = useNotification();
  const [strategy, setStrategy] = useState<FieldStrategy>('easycars');
  const [fields, setFields] = useState<Record<string, FieldStrategy>>({});
  useEffect(() => {
    if (!data) return;
    setStrategy(data.stockConflictStrategy);
    setFields(data.stockFieldStrategies);
  }, [data]);

  if (error) return <Typography textColor="danger600">{toApiError(error).message}</Typography>;
  if (!data) return null;
  const submit = async () => {
    try {
      await save.mutateAsync({ stockConflictStrategy: strategy, stockFieldStrategies: fields });
      toggleNotification({ type: 'success', message: t('edits.saved', 'Local-edit settings saved.') });
    } catch (e) {
      toggleNotification({ type: 'danger', message: toApiError(e).message });
    }
  };
  const overrides = Object.keys(fields).length;
  return (
    <Box background="neutral0" padding={6} hasRadius shadow="tableShadow" tag="section" aria-label={t('edits.title', 'Local edits')} data-testid="local-edits">
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Box>
          <Typography variant="delta" tag="h2">{t('edits.title', 'Local edits')}</Typography>
          <Typography textColor="neutral600" tag="p">
            {t('edits.intro', 'When an editor changes a field EasyCars owns (a better description, a corrected colour) and EasyCars later changes it too:')}
          </Typography>
        </Box>
        <Radio.Group aria-label={t('edits.default', 'Default for every field')} value={strategy} onValueChange={(v: string) => setStrategy(v as FieldStrategy)} disabled={!canEdit}>
          {FIELD_STRATEGIES.map((s) => (
            <Radio.Item key={s} value={s}>
              <Typography fontWeight="bold">{strategyText(t, s)}</Typography> <Typography textColor="neutral600">— {strategyHelp(t, s)}</Typography>
            </Radio.Item>
          ))}
        </Radio.Group>
        <Typography variant="pi" textColor="neutral600">
          {t('edits.pinsHint', 'Editors can also keep their value of one field of one vehicle from the vehicle’s EasyCars panel (pin).')}
        </Typography>
        <details>
          <summary style={{ cursor: 'pointer' }}>
            <Typography fontWeight="semiBold">{t('edits.perField', 'Per field ({count, plural, =0 {no exceptions} one {# exception} other {# exceptions}})', { count: overrides })}</Typography>
          </summary>
          <Box paddingTop={3} style={{ overflowX: 'auto' }}>
            <Table colCount={2} rowCount={data.fields.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">{t('edits.field', 'Field')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('edits.fieldStrategy', 'When both change')}</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {data.fields.map((f) => (
                  <Tr key={f.target}>
                    <Td><Typography>{f.target === f.attribute ? f.target : `${f.target} (${f.attribute})`}</Typography></Td>
                    <Td>
                      <Field.Root name={`strategy-${f.target}`} id={`strategy-${f.target}`}>
                        <SingleSelect
                          aria-label={t('edits.fieldStrategyFor', 'When {field} changes on both sides', { field: f.target })}
                          size="S"
                          disabled={!canEdit}
                          value={fields[f.target] ?? DEFAULT}
                          onChange={(v: string | number) => {
                            const next = { ...fields };
                            if (String(v) === DEFAULT) delete next[f.target];
                            else next[f.target] = String(v) as FieldStrategy;
                            setFields(next);
                          }}
                        >
                          <SingleSelectOption value={DEFAULT}>{t('edits.useDefault', 'As the default ({strategy})', { strategy: strategyText(t, strategy) })}</SingleSelectOption>
                          {FIELD_STRATEGIES.map((s) => <SingleSelectOption key={s} value={s}>{strategyText(t, s)}</SingleSelectOption>)}
                        </SingleSelect>
                      </Field.Root>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Box>
        </details>
        {canEdit ? (
          <Flex justifyContent="flex-end">
            <Button onClick={() => void submit()} loading={save.isLoading}>{t('edits.save', 'Save local-edit settings')}</Button>
          </Flex>
        ) : null}
      </Flex>
    </Box>
  );
};
