import { Box, Field, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { leadsUrl } from '../../api/leads';
import { toApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';

/** Who wins when the status changed on both sides since the last sync. */
export const StrategySelect = ({ dealership, value, onChange }: { dealership: string; value: string; onChange: () => void }) => {
  const t = useT();
  const { put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const save = async (next: string | number) => {
    try {
      await put(leadsUrl('/leads/settings'), { dealership, leadConflictStrategy: next });
      toggleNotification({ type: 'success', message: t('leads.strategy.saved', 'Conflict strategy saved') });
    } catch (e) {
      toggleNotification({ type: 'danger', message: toApiError(e).message });
    }
    onChange();
  };
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Typography variant="delta" tag="h3">{t('leads.strategy.title', 'When the status changed on both sides')}</Typography>
      <Box paddingTop={4} style={{ maxWidth: '24rem' }}>
        <Field.Root name="leadConflictStrategy">
          <Field.Label>{t('leads.strategy.label', 'Conflict strategy')}</Field.Label>
          <SingleSelect value={value} onChange={save}>
            <SingleSelectOption value="manual">{t('leads.strategy.manual', 'Ask me (manual review)')}</SingleSelectOption>
            <SingleSelectOption value="local_wins">{t('leads.strategy.local', 'This site wins')}</SingleSelectOption>
            <SingleSelectOption value="easycars_wins">{t('leads.strategy.easycars', 'EasyCars wins')}</SingleSelectOption>
          </SingleSelect>
        </Field.Root>
      </Box>
    </Box>
  );
};
