import { Box, Field, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useSetLeadStrategy } from '../../api/leads-queries';
import { toApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';

/** Who wins when the status changed on both sides since the last sync. */
export const StrategySelect = ({ dealership, value }: { dealership: string; value: string }) => {
  const t = useT();
  const setStrategy = useSetLeadStrategy(dealership);
  const { toggleNotification } = useNotification();
  const save = (next: string | number) => {
    if (next === value) return;
    setStrategy.mutate(String(next), {
      onSuccess: () => toggleNotification({ type: 'success', message: t('leads.strategy.saved', 'Conflict strategy saved') }),
      onError: (e) => toggleNotification({ type: 'danger', message: toApiError(e).message }),
    });
  };
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius tag="section" height="100%">
      <Typography variant="delta" tag="h3">{t('leads.strategy.title', 'When a lead changed on both sides')}</Typography>
      <Box paddingTop={4} style={{ maxWidth: '24rem' }}>
        <Field.Root
          name="leadConflictStrategy"
          hint={t('leads.strategy.hint', 'For the status and every synced field changed here and in EasyCars since they last agreed. A deleted status always wins.')}
        >
          <Field.Label>{t('leads.strategy.label', 'Conflict strategy')}</Field.Label>
          <SingleSelect value={value} onChange={save} disabled={setStrategy.isLoading}>
            <SingleSelectOption value="manual">{t('leads.strategy.manual', 'Ask me (manual review)')}</SingleSelectOption>
            <SingleSelectOption value="local_wins">{t('leads.strategy.local', 'This site wins')}</SingleSelectOption>
            <SingleSelectOption value="easycars_wins">{t('leads.strategy.easycars', 'EasyCars wins')}</SingleSelectOption>
          </SingleSelect>
          <Field.Hint />
        </Field.Root>
      </Box>
    </Box>
  );
};
