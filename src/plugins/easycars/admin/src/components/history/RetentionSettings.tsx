import { Box, Button, Field, Flex, NumberInput, Radio, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import type { historyApi, RetentionSettings as Settings } from '../../api/history';
import { toApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';

/** How long the history keeps runs, and whether they are archived first; a Super Admin may change it. */
export const RetentionSettings = ({ api }: { api: ReturnType<typeof historyApi> }) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const [current, setCurrent] = useState<(Settings & { canEdit: boolean }) | null>(null);
  const [days, setDays] = useState<number | undefined>(undefined);
  const [mode, setMode] = useState<Settings['mode']>('delete');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    api.retention().then(
      (r) => {
        setCurrent(r);
        setDays(r.days);
        setMode(r.mode);
      },
      (e: unknown) => setError(toApiError(e).message),
    );
  }, [api]);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!current) return null;
  const summary =
    current.mode === 'archive'
      ? t('history.retention.summaryArchive', 'Runs are kept for {days} days, then saved as a gzipped NDJSON file in the media library (EasyCars / Sync history archives) and removed.', { days: current.days })
      : t('history.retention.summaryDelete', 'Runs are kept for {days} days, then deleted.', { days: current.days });
  const invalid = days === undefined || !Number.isInteger(days) || days < 1 || days > 3650;
  const save = async () => {
    if (invalid) return;
    setSaving(true);
    try {
      setCurrent(await api.setRetention({ days: days!, mode }));
      toggleNotification({ type: 'success', message: t('history.retention.saved', 'Retention saved.') });
    } catch (e) {
      toggleNotification({ type: 'danger', message: toApiError(e).message });
    } finally {
      setSaving(false);
    }
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
          <Button onClick={() => void save()} loading={saving} disabled={invalid}>{t('history.retention.save', 'Save retention')}</Button>
        </Flex>
      ) : (
        <Box paddingTop={2}><Typography variant="pi" textColor="neutral600">{t('history.retention.superAdminOnly', 'Only a Super Admin can change it (it applies to every dealership).')}</Typography></Box>
      )}
    </Box>
  );
};
