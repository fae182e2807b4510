import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useState, type FormEvent } from 'react';
import { leadsUrl } from '../../api/leads';
import { toApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';

/** EasyCars cannot list leads: an admin brings one in by its LeadNumber. */
export const ImportLeadForm = ({ dealership, onChange }: { dealership: string; onChange: () => void }) => {
  const t = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [leadNumber, setLeadNumber] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await post<{ data: { leadNumber: string } }>(leadsUrl('/leads/import'), { dealership, leadNumber });
      toggleNotification({ type: 'success', message: t('leads.import.done', 'Lead {n} imported', { n: res.data.data.leadNumber }) });
      setLeadNumber('');
      onChange();
    } catch (e) {
      const apiError = toApiError(e);
      setError(apiError.fieldErrors.leadNumber ?? apiError.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <form onSubmit={submit}>
        <Typography variant="delta" tag="h3">{t('leads.import.title', 'Import a lead by number')}</Typography>
        <Flex paddingTop={4} gap={2} alignItems="flex-end">
          <Field.Root name="leadNumber" error={error ?? undefined} hint={t('leads.import.hint', 'The LeadNumber shown in EasyCars, e.g. 000017')}>
            <Field.Label>{t('leads.import.label', 'Lead number')}</Field.Label>
            <TextInput value={leadNumber} maxLength={20} onChange={(e: any) => setLeadNumber(e.target.value)} />
            <Field.Error />
            <Field.Hint />
          </Field.Root>
          <Button type="submit" loading={busy} disabled={!leadNumber.trim()}>{t('leads.import.submit', 'Import')}</Button>
        </Flex>
      </form>
    </Box>
  );
};
