import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, TextInput, Toggle, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { stockUrl } from '../../api/stock';
import { toApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';

interface StockSettings {
  enabled: boolean;
  schedule: 'hourly' | 'daily' | 'custom';
  time: string;
  cron: string;
  images: boolean;
}

/** Per-dealership stock schedule (hourly, daily at a time in the dealership's timezone, or cron) and image sync. */
export const ScheduleSettings = ({ dealership, timezone, canEdit, onSaved }: { dealership: string; timezone: string; canEdit: boolean; onSaved: () => void }) => {
  const t = useT();
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [values, setValues] = useState<StockSettings | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const [credentialId, setCredentialId] = useState<number | null>(null);
  useEffect(() => {
    // The credential's public view carries the sync settings (sync.stock).
    get<any>(stockUrl('/credentials'), { params: { dealership } })
      .then((res) => {
        const c = res.data.data;
        if (!c) return;
        const s = c.sync?.stock ?? {};
        setCredentialId(c.id);
        setValues({ enabled: Boolean(s.enabled), schedule: s.schedule ?? 'daily', time: s.time ?? '02:00', cron: s.cron ?? '', images: s.images !== false });
      })
      .catch(() => setValues(null));
  }, [get, dealership]);

  if (!values || credentialId === null) return null;
  const set = <K extends keyof StockSettings>(key: K, value: StockSettings[K]) => setValues({ ...values, [key]: value });

  const save = async () => {
    setSaving(true);
    setErrors({});
    try {
      await put(stockUrl(`/credentials/${credentialId}`), {
        stockSyncEnabled: values.enabled,
        stockSchedule: values.schedule,
        stockScheduleTime: values.time,
        stockScheduleCron: values.schedule === 'custom' ? values.cron : null,
        imageSyncEnabled: values.images,
      });
      toggleNotification({ type: 'success', message: t('stock.schedule.saved', 'Stock sync settings saved.') });
      onSaved();
    } catch (e) {
      const err = toApiError(e);
      setErrors(err.fieldErrors);
      toggleNotification({ type: 'danger', message: err.message });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius tag="section">
      <Typography variant="delta" tag="h3">{t('stock.schedule.title', 'Schedule')}</Typography>
      <Flex paddingTop={4} gap={4} direction="column" alignItems="stretch" style={{ maxWidth: '36rem' }}>
        <Field.Root name="stockSyncEnabled">
          <Field.Label>{t('stock.schedule.enabled', 'Scheduled stock sync')}</Field.Label>
          <Toggle
            checked={values.enabled}
            onLabel={t('stock.schedule.on', 'On')}
            offLabel={t('stock.schedule.off', 'Off')}
            disabled={!canEdit}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('enabled', e.target.checked)}
          />
        </Field.Root>
        <Field.Root name="stockSchedule" error={errors.stockSchedule}>
          <Field.Label>{t('stock.schedule.kind', 'How often')}</Field.Label>
          <SingleSelect value={values.schedule} disabled={!canEdit} onChange={(v: string | number) => set('schedule', String(v) as StockSettings['schedule'])}>
            <SingleSelectOption value="hourly">{t('stock.schedule.hourly', 'Every hour')}</SingleSelectOption>
            <SingleSelectOption value="daily">{t('stock.schedule.daily', 'Every day at a set time')}</SingleSelectOption>
            <SingleSelectOption value="custom">{t('stock.schedule.custom', 'Custom (cron expression)')}</SingleSelectOption>
          </SingleSelect>
          <Field.Error />
        </Field.Root>
        {values.schedule === 'daily' ? (
          <Field.Root name="stockScheduleTime" error={errors.stockScheduleTime} hint={t('stock.schedule.timeHint', 'HH:MM, {timezone} time', { timezone })}>
            <Field.Label>{t('stock.schedule.time', 'Time of day')}</Field.Label>
            <TextInput value={values.time} disabled={!canEdit} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('time', e.target.value)} />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        ) : null}
        {values.schedule === 'custom' ? (
          <Field.Root name="stockScheduleCron" error={errors.stockScheduleCron} hint={t('stock.schedule.cronHint', 'Five fields, e.g. "30 */4 * * *", in {timezone} time', { timezone })}>
            <Field.Label>{t('stock.schedule.cron', 'Cron expression')}</Field.Label>
            <TextInput value={values.cron} disabled={!canEdit} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('cron', e.target.value)} />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        ) : null}
        <Field.Root name="imageSyncEnabled">
          <Field.Label>{t('stock.schedule.images', 'Download vehicle images')}</Field.Label>
          <Toggle
            checked={values.images}
            onLabel={t('stock.schedule.on', 'On')}
            offLabel={t('stock.schedule.off', 'Off')}
            disabled={!canEdit}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('images', e.target.checked)}
          />
        </Field.Root>
        {canEdit ? (
          <Box>
            <Button onClick={save} loading={saving}>{t('stock.schedule.save', 'Save schedule')}</Button>
          </Box>
        ) : (
          <Typography variant="pi" textColor="neutral600">{t('stock.schedule.readOnly', 'You need the "Manage sync settings" permission to change this.')}</Typography>
        )}
      </Flex>
    </Box>
  );
};
