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

/** The credential fields and labels of each scheduled sync (the same PUT /credentials/:id, the same checks). */
const SERVICES = {
  stock: {
    view: 'stock',
    fields: { enabled: 'stockSyncEnabled', schedule: 'stockSchedule', time: 'stockScheduleTime', cron: 'stockScheduleCron' },
    title: ['stock.schedule.title', 'Schedule'],
    enabled: ['stock.schedule.enabled', 'Scheduled stock sync'],
    saved: ['stock.schedule.saved', 'Stock sync settings saved.'],
    readOnly: ['stock.schedule.readOnly', 'You need the "Manage sync settings" permission to change this.'],
  },
  lead: {
    view: 'leads',
    fields: { enabled: 'leadSyncEnabled', schedule: 'leadSchedule', time: 'leadScheduleTime', cron: 'leadScheduleCron' },
    title: ['leads.schedule.title', 'Lead sync settings'],
    enabled: ['leads.schedule.enabled', 'Lead sync (send new leads, scheduled refresh)'],
    saved: ['leads.schedule.saved', 'Lead sync settings saved.'],
    readOnly: ['leads.schedule.readOnly', 'You need the "Manage credentials" and "Manage sync settings" permissions to change this.'],
  },
} as const;

/**
 * Per-dealership sync schedule (hourly, daily at a time in the dealership's timezone, or cron) for stock
 * (with image sync) or leads.
 */
export const ScheduleSettings = ({
  dealership,
  timezone,
  canEdit,
  onSaved,
  service = 'stock',
}: {
  dealership: string;
  timezone: string;
  canEdit: boolean;
  onSaved: () => void;
  service?: keyof typeof SERVICES;
}) => {
  const spec = SERVICES[service];
  const f = spec.fields;
  const t = useT();
  const say = (message: readonly [string, string]) => t(message[0], message[1]);
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
        const s = c.sync?.[spec.view] ?? {};
        setCredentialId(c.id);
        setValues({ enabled: Boolean(s.enabled), schedule: s.schedule ?? 'daily', time: s.time ?? '02:00', cron: s.cron ?? '', images: s.images !== false });
      })
      .catch(() => setValues(null));
  }, [get, dealership, spec]);

  if (!values || credentialId === null) return null;
  const set = <K extends keyof StockSettings>(key: K, value: StockSettings[K]) => setValues({ ...values, [key]: value });

  const save = async () => {
    setSaving(true);
    setErrors({});
    try {
      await put(stockUrl(`/credentials/${credentialId}`), {
        [f.enabled]: values.enabled,
        [f.schedule]: values.schedule,
        [f.time]: values.time,
        [f.cron]: values.schedule === 'custom' ? values.cron : null,
        ...(service === 'stock' ? { imageSyncEnabled: values.images } : {}),
      });
      toggleNotification({ type: 'success', message: say(spec.saved) });
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
      <Typography variant="delta" tag="h3">{say(spec.title)}</Typography>
      <Flex paddingTop={4} gap={4} direction="column" alignItems="stretch" style={{ maxWidth: '36rem' }}>
        <Field.Root name={f.enabled}>
          <Field.Label>{say(spec.enabled)}</Field.Label>
          <Toggle
            checked={values.enabled}
            onLabel={t('stock.schedule.on', 'On')}
            offLabel={t('stock.schedule.off', 'Off')}
            disabled={!canEdit}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('enabled', e.target.checked)}
          />
        </Field.Root>
        <Field.Root name={f.schedule} error={errors[f.schedule]}>
          <Field.Label>{t('stock.schedule.kind', 'How often')}</Field.Label>
          <SingleSelect value={values.schedule} disabled={!canEdit} onChange={(v: string | number) => set('schedule', String(v) as StockSettings['schedule'])}>
            <SingleSelectOption value="hourly">{t('stock.schedule.hourly', 'Every hour')}</SingleSelectOption>
            <SingleSelectOption value="daily">{t('stock.schedule.daily', 'Every day at a set time')}</SingleSelectOption>
            <SingleSelectOption value="custom">{t('stock.schedule.custom', 'Custom (cron expression)')}</SingleSelectOption>
          </SingleSelect>
          <Field.Error />
        </Field.Root>
        {values.schedule === 'daily' ? (
          <Field.Root name={f.time} error={errors[f.time]} hint={t('stock.schedule.timeHint', 'HH:MM, {timezone} time', { timezone })}>
            <Field.Label>{t('stock.schedule.time', 'Time of day')}</Field.Label>
            <TextInput value={values.time} disabled={!canEdit} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('time', e.target.value)} />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        ) : null}
        {values.schedule === 'custom' ? (
          <Field.Root name={f.cron} error={errors[f.cron]} hint={t('stock.schedule.cronHint', 'Five fields, e.g. "30 */4 * * *", in {timezone} time', { timezone })}>
            <Field.Label>{t('stock.schedule.cron', 'Cron expression')}</Field.Label>
            <TextInput value={values.cron} disabled={!canEdit} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('cron', e.target.value)} />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        ) : null}
        {service === 'stock' ? (
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
        ) : null}
        {canEdit ? (
          <Box>
            <Button onClick={save} loading={saving}>{t('stock.schedule.save', 'Save schedule')}</Button>
          </Box>
        ) : (
          <Typography variant="pi" textColor="neutral600">{say(spec.readOnly)}</Typography>
        )}
      </Flex>
    </Box>
  );
};
