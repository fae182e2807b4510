import { Accordion, Box, Button, Checkbox, Field, Flex, Grid, Radio, TextInput, Typography } from '@strapi/design-system';
import { Check, Play } from '@strapi/icons';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import type { CredentialFormValues, CredentialView, TestResult } from '../../api/credentials';
import { validateCredentials } from '../../utils/validateCredentials';
import { useT } from '../../utils/useT';
import { TestResultMessage } from './TestResultMessage';

export interface CredentialsFormProps {
  /** The stored credential when editing (its secrets are never known to the browser). */
  stored: CredentialView | null;
  canManage: boolean;
  onTest: (values: CredentialFormValues) => Promise<TestResult>;
  /** Saves; resolves once stored, rejects with server field errors (Record<field, message>) if refused. */
  onSave: (values: CredentialFormValues, tested: boolean) => Promise<void>;
}

const initialValues = (stored: CredentialView | null): CredentialFormValues => ({
  environment: stored?.environment ?? 'test',
  clientId: '',
  clientSecret: '',
  accountNumber: stored?.accountNumber ?? '',
  accountSecret: '',
  yardCode: stored?.yardCode ?? '',
  leadClientId: '',
  leadClientSecret: '',
  removeLeadClient: false,
});

const keyOf = (values: CredentialFormValues) => JSON.stringify(values);

/**
 * Client ID, Client Secret, Account Number, Account Secret, Environment, and yard code under
 * "Advanced". Save needs a successful test of exactly the current values, or the explicit
 * "save without testing" box. When editing, blank secret fields keep the stored values.
 */
export const CredentialsForm = ({ stored, canManage, onTest, onSave }: CredentialsFormProps) => {
  const t = useT();
  const { formatMessage } = useIntl();
  const [values, setValues] = useState<CredentialFormValues>(() => initialValues(stored));
  const [touched, setTouched] = useState<Partial<Record<keyof CredentialFormValues, boolean>>>({});
  const [showAllErrors, setShowAllErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [testing, setTesting] = useState(false);
  const [saving, setSaving] = useState(false);
  const [test, setTest] = useState<{ key: string; result: TestResult } | null>(null);
  const [skipTest, setSkipTest] = useState(false);

  const editing = stored !== null;
  const storedSecrets = stored
    ? { clientId: stored.hasClientId, clientSecret: stored.hasClientSecret, accountSecret: stored.hasAccountSecret, leadClient: Boolean(stored.leadClient) }
    : null;
  const errors = useMemo(() => validateCredentials(values, storedSecrets), [values, stored]); // eslint-disable-line react-hooks/exhaustive-deps
  const valid = Object.keys(errors).length === 0;
  const dirty = keyOf(values) !== keyOf(initialValues(stored));
  const currentKey = keyOf(values);
  const testedOk = test?.key === currentKey && test.result.ok;
  const canSave = canManage && valid && (!editing || dirty) && (testedOk || skipTest) && !saving && !testing;

  const errorFor = (field: keyof CredentialFormValues): string | undefined => {
    if (serverErrors[field]) return serverErrors[field];
    const e = errors[field];
    return e && (touched[field] || showAllErrors) ? formatMessage({ id: e.id, defaultMessage: e.defaultMessage }) : undefined;
  };

  const set = (field: keyof CredentialFormValues) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.target.value;
    setValues((prev) => ({ ...prev, [field]: value }));
    setServerErrors((prev) => ({ ...prev, [field]: '' }));
  };
  const blur = (field: keyof CredentialFormValues) => () => setTouched((prev) => ({ ...prev, [field]: true }));

  const runTest = async () => {
    setShowAllErrors(true);
    if (!valid) return;
    setTesting(true);
    try {
      const key = currentKey;
      setTest({ key, result: await onTest(values) });
    } catch {
      setTest(null); // the page already showed the error notification
    } finally {
      setTesting(false);
    }
  };

  const save = async () => {
    setShowAllErrors(true);
    if (!canSave) return;
    setSaving(true);
    try {
      await onSave(values, testedOk);
      setSkipTest(false);
    } catch (err) {
      if (err && typeof err === 'object' && 'fieldErrors' in err) setServerErrors((err as { fieldErrors: Record<string, string> }).fieldErrors);
    } finally {
      setSaving(false);
    }
  };

  const storedHint = t('credentials.form.storedHint', 'Stored — leave blank to keep');
  type SecretKey = 'clientId' | 'clientSecret' | 'accountSecret' | 'leadClientId' | 'leadClientSecret';
  const isStored = (field: SecretKey) =>
    field === 'leadClientId' || field === 'leadClientSecret' ? Boolean(stored?.leadClient) && !values.removeLeadClient : Boolean(storedSecrets?.[field]);
  const optional = (field: SecretKey) => field === 'leadClientId' || field === 'leadClientSecret';
  const placeholderOf = (field: SecretKey) =>
    !editing ? undefined : field === 'clientId' ? stored?.clientId ?? undefined : field === 'leadClientId' && isStored(field) ? stored?.leadClient?.clientId ?? undefined : undefined;
  const secretField = (field: SecretKey, label: string, hint: string, type: 'text' | 'password') => (
    <Field.Root name={field} id={`easycars-${field}`} error={errorFor(field)} hint={editing && isStored(field) ? storedHint : hint} required={!editing && !optional(field)}>
      <Field.Label>{label}</Field.Label>
      <TextInput
        type={type}
        value={values[field]}
        onChange={set(field)}
        onBlur={blur(field)}
        autoComplete={type === 'password' ? 'new-password' : 'off'}
        spellCheck={false}
        disabled={!canManage || (optional(field) && values.removeLeadClient)}
        placeholder={placeholderOf(field)}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );

  return (
    <Box background="neutral0" padding={6} hasRadius shadow="tableShadow" tag="section" aria-labelledby="easycars-form-title">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Flex direction="column" alignItems="stretch" gap={5}>
          <Typography variant="delta" tag="h2" id="easycars-form-title">
            {editing ? t('credentials.form.editTitle', 'Update credentials') : t('credentials.form.createTitle', 'Connect to EasyCars')}
          </Typography>

          <Field.Root name="environment" id="easycars-environment" error={errorFor('environment')}>
            <Field.Label id="easycars-environment-label">{t('credentials.form.environment', 'Environment')}</Field.Label>
            <Radio.Group
              aria-labelledby="easycars-environment-label"
              value={values.environment}
              onValueChange={(value: string) => setValues((prev) => ({ ...prev, environment: value as CredentialFormValues['environment'] }))}
              disabled={!canManage}
            >
              <Flex gap={6} wrap="wrap">
                <Radio.Item value="test">{t('credentials.environment.test', 'Test')}</Radio.Item>
                <Radio.Item value="production">{t('credentials.environment.production', 'Production')}</Radio.Item>
              </Flex>
            </Radio.Group>
            <Field.Error />
          </Field.Root>

          <Grid.Root gap={5}>
            <Grid.Item col={6} s={12} xs={12} direction="column" alignItems="stretch">
              {secretField('clientId', t('credentials.form.clientId', 'Client ID'), t('credentials.form.clientIdHint', 'Also called PublicID, e.g. 45FEBB0B-C09A-4166-9C99-8A26F3E7316E'), 'text')}
            </Grid.Item>
            <Grid.Item col={6} s={12} xs={12} direction="column" alignItems="stretch">
              {secretField('clientSecret', t('credentials.form.clientSecret', 'Client Secret'), t('credentials.form.clientSecretHint', 'Also called SecretKey'), 'password')}
            </Grid.Item>
            <Grid.Item col={6} s={12} xs={12} direction="column" alignItems="stretch">
              <Field.Root name="accountNumber" id="easycars-accountNumber" error={errorFor('accountNumber')} hint={t('credentials.form.accountNumberHint', 'EC followed by digits, e.g. EC114575')} required>
                <Field.Label>{t('credentials.form.accountNumber', 'Account Number')}</Field.Label>
                <TextInput value={values.accountNumber} onChange={set('accountNumber')} onBlur={blur('accountNumber')} autoComplete="off" disabled={!canManage} />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={6} s={12} xs={12} direction="column" alignItems="stretch">
              {secretField('accountSecret', t('credentials.form.accountSecret', 'Account Secret'), t('credentials.form.accountSecretHint', 'The dealer account’s secret (a UUID)'), 'password')}
            </Grid.Item>
          </Grid.Root>

          <Accordion.Root>
            <Accordion.Item value="advanced">
              <Accordion.Header>
                <Accordion.Trigger description={t('credentials.form.advancedDescription', 'Yard filter, lead service client')}>
                  {t('credentials.form.advanced', 'Advanced options')}
                </Accordion.Trigger>
              </Accordion.Header>
              <Accordion.Content>
                <Box padding={4}>
                  <Field.Root name="yardCode" id="easycars-yardCode" error={errorFor('yardCode')} hint={t('credentials.form.yardCodeHint', 'Only sync stock from this yard. Leave blank for all yards.')}>
                    <Field.Label>{t('credentials.form.yardCode', 'Yard code')}</Field.Label>
                    <TextInput value={values.yardCode} onChange={set('yardCode')} onBlur={blur('yardCode')} autoComplete="off" disabled={!canManage} />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                  <Box paddingTop={6} tag="fieldset" aria-labelledby="easycars-lead-client-title">
                    <Typography variant="sigma" tag="legend" id="easycars-lead-client-title" textColor="neutral800">
                      {t('credentials.form.leadClient', 'Lead service client (if different)')}
                    </Typography>
                    <Box paddingTop={2} paddingBottom={3}>
                      <Typography variant="pi" textColor="neutral600" tag="p">
                        {stored?.leadClient
                          ? t('credentials.form.leadClientStored', 'A lead service client is stored (Client ID {clientId}).', { clientId: stored.leadClient.clientId ?? '••••' })
                          : t(
                              'credentials.form.leadClientIntro',
                              'Leave blank to use the client above for leads too. Set both values only if EasyCars gave this dealership a separate ClientID for the LeadService.',
                            )}
                      </Typography>
                    </Box>
                    <Grid.Root gap={5}>
                      <Grid.Item col={6} s={12} xs={12} direction="column" alignItems="stretch">
                        {secretField('leadClientId', t('credentials.form.leadClientId', 'Lead service Client ID'), t('credentials.form.leadClientIdHint', 'Optional'), 'text')}
                      </Grid.Item>
                      <Grid.Item col={6} s={12} xs={12} direction="column" alignItems="stretch">
                        {secretField('leadClientSecret', t('credentials.form.leadClientSecret', 'Lead service Client Secret'), t('credentials.form.leadClientSecretHint', 'Optional'), 'password')}
                      </Grid.Item>
                    </Grid.Root>
                    {stored?.leadClient && canManage && (
                      <Box paddingTop={3}>
                        <Checkbox
                          checked={values.removeLeadClient}
                          onCheckedChange={(checked: boolean | 'indeterminate') =>
                            setValues((prev) => ({ ...prev, removeLeadClient: checked === true, leadClientId: '', leadClientSecret: '' }))
                          }
                        >
                          {t('credentials.form.removeLeadClient', 'Remove the lead service client (use the client above for leads)')}
                        </Checkbox>
                      </Box>
                    )}
                  </Box>
                </Box>
              </Accordion.Content>
            </Accordion.Item>
          </Accordion.Root>

          {test && test.key === currentKey && <TestResultMessage result={test.result} />}
          {test && test.key !== currentKey && (
            <Typography textColor="neutral600" variant="pi" role="status">
              {t('credentials.form.retest', 'The values changed since the last test: test them again before saving.')}
            </Typography>
          )}

          {canManage && (
            <Flex gap={4} wrap="wrap" justifyContent="space-between" alignItems="center">
              <Checkbox checked={skipTest} onCheckedChange={(checked: boolean | 'indeterminate') => setSkipTest(checked === true)}>
                {t('credentials.form.skipTest', 'Save without testing')}
              </Checkbox>
              <Flex gap={2} wrap="wrap">
                <Button type="button" variant="secondary" startIcon={<Play />} loading={testing} disabled={saving} onClick={() => void runTest()}>
                  {t('credentials.form.test', 'Test connection')}
                </Button>
                <Button type="submit" startIcon={<Check />} loading={saving} disabled={!canSave}>
                  {editing ? t('credentials.form.update', 'Save changes') : t('credentials.form.save', 'Save')}
                </Button>
              </Flex>
            </Flex>
          )}
          {canManage && !canSave && !saving && (
            <Typography variant="pi" textColor="neutral600" data-testid="save-hint">
              {editing && !dirty
                ? t('credentials.form.noChanges', 'No changes to save.')
                : t('credentials.form.saveHint', 'Save is enabled after a successful test of these values, or with “Save without testing”.')}
            </Typography>
          )}
        </Flex>
      </form>
    </Box>
  );
};
