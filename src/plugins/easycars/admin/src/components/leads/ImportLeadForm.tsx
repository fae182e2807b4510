import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useState, type FormEvent } from 'react';
import { useImportLead } from '../../api/leads-queries';
import { toApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';

/** Same rules as the server (POST /leads/import): required, at most 20 characters (EasyCars' LeadNumber [20]). */
export function leadNumberProblem(value: string): 'required' | 'tooLong' | null {
  const trimmed = value.trim();
  if (!trimmed) return 'required';
  if (trimmed.length > 20) return 'tooLong';
  return null;
}

/** EasyCars cannot list leads: an admin brings one in by its LeadNumber. */
export const ImportLeadForm = ({ dealership, onChange }: { dealership: string; onChange?: () => void }) => {
  const t = useT();
  const importLead = useImportLead(dealership);
  const { toggleNotification } = useNotification();
  const [leadNumber, setLeadNumber] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = leadNumberProblem(leadNumber);
    if (problem) {
      setError(
        problem === 'required'
          ? t('leads.import.required', 'Enter the EasyCars LeadNumber, e.g. 000017.')
          : t('leads.import.tooLong', 'A LeadNumber has at most 20 characters.'),
      );
      return;
    }
    setError(null);
    try {
      const { leadNumber: n, outcome } = await importLead.mutateAsync(leadNumber.trim());
      toggleNotification({
        type: 'success',
        message:
          outcome === 'linked'
            ? t('leads.import.linked', 'EasyCars lead {n} linked to the lead it came from.', { n })
            : t('leads.import.done', 'EasyCars lead {n} imported.', { n }),
      });
      setLeadNumber('');
      onChange?.();
    } catch (e) {
      const apiError = toApiError(e);
      setError(apiError.fieldErrors.leadNumber ?? apiError.message);
    }
  };
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius tag="section" height="100%">
      <form onSubmit={submit} noValidate>
        <Typography variant="delta" tag="h3">{t('leads.import.title', 'Import a lead by number')}</Typography>
        <Box paddingTop={2}>
          <Typography variant="pi" textColor="neutral600">
            {t('leads.import.help', 'For a lead made in EasyCars by this lead source, or one that may have reached EasyCars without an answer.')}
          </Typography>
        </Box>
        <Flex paddingTop={4} gap={2} alignItems="flex-start" wrap="wrap">
          <Box style={{ flex: '1 1 12rem' }}>
            <Field.Root name="leadNumber" error={error ?? undefined} hint={t('leads.import.hint', 'The LeadNumber shown in EasyCars, e.g. 000017')}>
              <Field.Label>{t('leads.import.label', 'Lead number')}</Field.Label>
              <TextInput
                value={leadNumber}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
                  setLeadNumber(e.target.value);
                  setError(null);
                }}
              />
              <Field.Error />
              <Field.Hint />
            </Field.Root>
          </Box>
          <Box paddingTop={6}>
            <Button type="submit" loading={importLead.isLoading} disabled={importLead.isLoading}>{t('leads.import.submit', 'Import')}</Button>
          </Box>
        </Flex>
      </form>
    </Box>
  );
};
