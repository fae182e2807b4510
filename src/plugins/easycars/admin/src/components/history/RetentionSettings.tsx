import { Box, Button, Field, Flex, NumberInput, Radio, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import type { RetentionSettings as Settings } from '../../api/history';
import { useRetention, useSaveRetention } from '../../api/history-queries';
import { toApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';

/** How long the history keeps runs, and whether they are archived first; a Super Admin may change it. */
export const RetentionSettings = () => {
  const { data: current, error } = useRetention();
  if (error) return <Typography textColor="danger600">{toApiError(error).message}</Typography>;
  if (!current) return null;
  return <RetentionForm current={current} />;
};

/** The summary of what is stored, and (for a Super Admin) the form, starting from the stored values. */
const RetentionForm = ({ current }: { current: Settings & { canEdit: boolean } }) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const [days, setDays] = useState<number | undefined>(current.days);
  const [mode, setMode] = useState<Settings['mode']>(current.mode);
  const saveRetention = useSaveRetention();
  const summary =
    current.mode === 'archive'
      ? t('history.retention.summaryArchive', 'Runs are kept for {days} days, then saved as a gzipped NDJSON file in the media library (EasyCars / Sync history archives) and removed.', { days: current.days })
      : t('history.retention.summaryDelete', 'Runs are kept for {days} days, then deleted.', { days: current.days });
  const invalid = days === undefined || !Number.isInteger(days) || days < 1 || days > 3650;
  const save = () => {
    if (invalid) return;
    saveRetention.mutate(
      { days: days!, mode },
      {
        onSuccess: () => toggleNotification({ type: 'success', message: t('history.retention.saved', 'Retention saved.') }),
        onError: (e) => toggleNotification({ type: 'danger', message: toApiError(e).message }),
      },
    );
  };
  return (
    <Box background="neutral0" padding={6} hasRadius shadow="tableShadow" tag="section" aria-labelledby="history-retention" data-testid="history-retention">
      <Typography variant="delta" tag="h2" id="history-retention">{t('history.retention.title', 'Retention')}</Typography>
      <Box paddingTop={2}><Typography textColor="neutral600">{summary}</Typography></Box>
      {current.canEdit ? (
        <Flex paddingTop={4} gap={6} wrap="wrap" alignItems="flex-end">
          <Field.Root name="retention-days" id="retention-days" error={invalid ? t('history.retention.daysInvalid', 'Between 1 and 3650 days') : undefined}>
            <Field.Label>{t('history.retention.days', 'Keep runs for (days)')}</Field.Label>
            <NumberInput value={days} onValueChange={(v: number | undefined) => setDays(v)} step={1} />
            <Field.Error />
          </Field.Root>
          <Field.Root name="retention-mode" id="retention-mode">
            <Field.Label id="retention-mode-label">{t('history.retention.mode', 'Then')}</Field.Label>
            <Radio.Group aria-labelledby="retention-mode-label" value={mode} onValueChange={(v: string) => setMode(v as Settings['mode'])}>
              <Flex gap={4} wrap="wrap">
                <Radio.Item value="delete">{t('history.retention.delete', 'Delete them')}</Radio.Item>
                <Radio.Item value="archive">{t('history.retention.archive', 'Archive to the media library, then delete')}</Radio.Item>
              </Flex>
            </Radio.Group>
          </Field.Root>
          <Button onClick={save} loading={saveRetention.isLoading} disabled={invalid}>{t('history.retention.save', 'Save retention')}</Button>
        </Flex>
      ) : (
        <Box paddingTop={2}><Typography variant="pi" textColor="neutral600">{t('history.retention.superAdminOnly', 'Only a Super Admin can change it (it applies to every dealership).')}</Typography></Box>
      )}
    </Box>
  );
};
