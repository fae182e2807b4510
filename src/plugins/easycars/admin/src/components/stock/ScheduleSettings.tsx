import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, TextInput, Toggle, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import type { CredentialView } from '../../api/credentials';
import { useCredential, useUpdateCredentialFields } from '../../api/credentials-queries';
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

type Service = keyof typeof SERVICES;

interface ScheduleSettingsProps {
  dealership: string;
  timezone: string;
  canEdit: boolean;
  service?: Service;
}

/** The form's starting values: what the credential's public view says (sync.stock / sync.leads). */
function initialSettings(credential: CredentialView, service: Service): StockSettings {
  const s: { enabled?: boolean; schedule?: StockSettings['schedule']; time?: string | null; cron?: string | null; images?: boolean } =
    credential.sync?.[SERVICES[service].view] ?? {};
  return { enabled: Boolean(s.enabled), schedule: s.schedule ?? 'daily', time: s.time ?? '02:00', cron: s.cron ?? '', images: s.images !== false };
}

/**
 * Per-dealership sync schedule (hourly, daily at a time in the dealership's timezone, or cron) for stock
 * (with image sync) or leads. Nothing shows until the credential has loaded (or when there is none).
 */
export const ScheduleSettings = ({ service = 'stock', ...props }: ScheduleSettingsProps) => {
  const { data: credential } = useCredential(props.dealership);
  if (!credential) return null;
  // Keyed by credential: a reload after saving keeps what is on screen, another dealership starts afresh.
  return <ScheduleForm key={`${props.dealership}:${credential.id}`} {...props} service={service} credential={credential} />;
};

const ScheduleForm = ({ dealership, timezone, canEdit, service, credential }: ScheduleSettingsProps & { service: Service; credential: CredentialView }) => {
  const spec = SERVICES[service];
  const f = spec.fields;
  const t = useT();
  const say = (message: readonly [string, string]) => t(message[0], message[1]);
  const { toggleNotification } = useNotification();
  const [values, setValues] = useState<StockSettings>(() => initialSettings(credential, service));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const update = useUpdateCredentialFields(dealership);

  const set = <K extends keyof StockSettings>(key: K, value: StockSettings[K]) => setValues({ ...values, [key]: value });

  const save = () => {
    setErrors({});
    const fields = {
      [f.enabled]: values.enabled,
      [f.schedule]: values.schedule,
      [f.time]: values.time,
      [f.cron]: values.schedule === 'custom' ? values.cron : null,
      ...(service === 'stock' ? { imageSyncEnabled: values.images } : {}),
    };
    update.mutate(
      { id: credential.id, fields },
      {
        onSuccess: () => toggleNotification({ type: 'success', message: say(spec.saved) }),
        onError: (e) => {
          const err = toApiError(e);
          setErrors(err.fieldErrors);
          toggleNotification({ type: 'danger', message: err.message });
        },
      },
    );
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
            <Button onClick={save} loading={update.isLoading}>{t('stock.schedule.save', 'Save schedule')}</Button>
          </Box>
        ) : (
          <Typography variant="pi" textColor="neutral600">{say(spec.readOnly)}</Typography>
        )}
      </Flex>
    </Box>
  );
};
