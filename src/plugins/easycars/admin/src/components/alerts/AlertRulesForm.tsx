import { Box, Button, Checkbox, Field, Flex, Grid, NumberInput, Textarea, Typography } from '@strapi/design-system';
import { useEffect, useState } from 'react';
import { ALERT_RULES, type AlertRule, type AlertSettings } from '../../api/alerts';
import { useT } from '../../utils/useT';
import { ruleTitle } from './alertLabels';

type Rules = AlertSettings['rules'];
type NumberParam = { key: string; label: string; hint: string; min: number; max: number; nullable?: boolean };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A rule's numeric parameter (every rule's settings are `enabled` plus numbers). */
const paramOf = (rules: Rules, rule: AlertRule, key: string) => (rules[rule] as unknown as Record<string, number | null | undefined>)[key];

/** The editable settings of one dealership's alert rules, the extra mail addresses, and whether its managers are mailed. */
export const AlertRulesForm = ({
  settings,
  canEdit,
  saving,
  serverError,
  onSave,
}: {
  settings: AlertSettings;
  canEdit: boolean;
  saving: boolean;
  serverError: string | null;
  onSave: (settings: AlertSettings) => void;
}) => {
  const t = useT();
  const [rules, setRules] = useState<Rules>(settings.rules);
  const [emails, setEmails] = useState(settings.emails.join('\n'));
  const [emailManagers, setEmailManagers] = useState(settings.emailManagers);
  useEffect(() => {
    setRules(settings.rules);
    setEmails(settings.emails.join('\n'));
    setEmailManagers(settings.emailManagers);
  }, [settings]);

  const params: Partial<Record<AlertRule, NumberParam[]>> = {
    consecutive_failures: [{ key: 'runs', label: t('alerts.param.runs', 'Failed runs in a row'), hint: t('alerts.param.runsHint', 'Of the same type (stock or leads).'), min: 1, max: 20 }],
    stale_sync: [{ key: 'hours', label: t('alerts.param.staleHours', 'Hours without a successful stock sync'), hint: t('alerts.param.staleHint', 'Empty: the schedule’s interval plus 2 hours (26 hours for a daily sync).'), min: 1, max: 720, nullable: true }],
    slow_run: [{ key: 'minutes', label: t('alerts.param.slowMinutes', 'Longer than (minutes)'), hint: '', min: 1, max: 1440 }],
    api_error_rate: [
      { key: 'percent', label: t('alerts.param.percent', 'Failed calls over (%)'), hint: t('alerts.param.percentHint', 'In the last hour.'), min: 1, max: 100 },
      { key: 'minCalls', label: t('alerts.param.minCalls', 'Only with at least this many calls'), hint: '', min: 1, max: 100000 },
    ],
    throttling: [{ key: 'perHour', label: t('alerts.param.perHour', 'Rate-limited requests an hour over'), hint: '', min: 1, max: 1000000 }],
    leads_stuck: [{ key: 'minutes', label: t('alerts.param.stuckMinutes', 'Failed, in review or waiting longer than (minutes)'), hint: '', min: 1, max: 1440 }],
  };

  const setRule = (rule: AlertRule, patch: Record<string, unknown>) => setRules((r) => ({ ...r, [rule]: { ...r[rule], ...patch } }) as Rules);
  const addressList = emails.split(/[\s,;]+/).map((e) => e.trim()).filter(Boolean);
  const badAddress = addressList.find((e) => !EMAIL.test(e));
  const problems: string[] = [];
  for (const rule of ALERT_RULES) {
    for (const p of params[rule] ?? []) {
      const value = paramOf(rules, rule, p.key);
      if (value === null && p.nullable) continue;
      if (value === null || value === undefined || !Number.isInteger(value) || value < p.min || value > p.max) {
        problems.push(t('alerts.form.range', '{rule}: {label} must be a whole number from {min} to {max}.', { rule: ruleTitle(t, rule), label: p.label, min: p.min, max: p.max }));
      }
    }
  }
  if (badAddress) problems.push(t('alerts.form.badEmail', '“{address}” is not an email address.', { address: badAddress }));

  return (
    <Box background="neutral0" padding={6} hasRadius shadow="tableShadow" tag="section" aria-labelledby="alert-rules-title" data-testid="alert-rules">
      <Typography variant="delta" tag="h3" id="alert-rules-title">{t('alerts.rules.title', 'Alert rules')}</Typography>
      <Box paddingTop={1} paddingBottom={4}>
        <Typography textColor="neutral600">
          {t('alerts.rules.intro', 'Checked after every sync and every five minutes. An alert opens when its rule holds, shows on the dashboard, is sent to the webhooks subscribed to EasyCars events and mailed; it resolves by itself when the condition clears.')}
        </Typography>
      </Box>
      <Grid.Root gap={4}>
        {ALERT_RULES.map((rule) => (
          <Grid.Item key={rule} col={6} s={12} xs={12} direction="column" alignItems="stretch">
            <Box padding={4} hasRadius borderColor="neutral200" style={{ height: '100%' }}>
              <Checkbox checked={rules[rule].enabled} disabled={!canEdit} onCheckedChange={(v: boolean | 'indeterminate') => setRule(rule, { enabled: v === true })}>
                {ruleTitle(t, rule)}
              </Checkbox>
              {(params[rule] ?? []).map((p) => (
                <Box paddingTop={3} key={p.key}>
                  <Field.Root name={`${rule}.${p.key}`} id={`alert-${rule}-${p.key}`} hint={p.hint || undefined}>
                    <Field.Label>{p.label}</Field.Label>
                    <NumberInput
                      value={paramOf(rules, rule, p.key) ?? undefined}
                      disabled={!canEdit || !rules[rule].enabled}
                      onValueChange={(v: number | undefined) => setRule(rule, { [p.key]: v === undefined ? (p.nullable ? null : undefined) : v })}
                    />
                    <Field.Hint />
                  </Field.Root>
                </Box>
              ))}
            </Box>
          </Grid.Item>
        ))}
      </Grid.Root>
      <Flex direction="column" alignItems="stretch" gap={4} paddingTop={6} style={{ maxWidth: '40rem' }}>
        <Checkbox checked={emailManagers} disabled={!canEdit} onCheckedChange={(v: boolean | 'indeterminate') => setEmailManagers(v === true)}>
          {t('alerts.form.emailManagers', 'Mail the dealership’s managers')}
        </Checkbox>
        <Field.Root name="alert-emails" id="alert-emails" hint={t('alerts.form.emailsHint', 'One per line. Mails go out when an alert opens, every few hours while it stays open and unacknowledged, and when it resolves.')}>
          <Field.Label>{t('alerts.form.emails', 'Also mail these addresses')}</Field.Label>
          <Textarea value={emails} disabled={!canEdit} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setEmails(e.target.value)} />
          <Field.Hint />
        </Field.Root>
        {problems.length || serverError ? (
          <Box role="alert">
            {[...problems, ...(serverError ? [serverError] : [])].map((p) => (
              <Typography key={p} tag="p" textColor="danger600">{p}</Typography>
            ))}
          </Box>
        ) : null}
        {canEdit ? (
          <Box>
            <Button loading={saving} disabled={problems.length > 0} onClick={() => onSave({ rules, emails: addressList, emailManagers })}>
              {t('alerts.form.save', 'Save alert rules')}
            </Button>
          </Box>
        ) : (
          <Typography textColor="neutral600">{t('alerts.form.readOnly', 'You can read these rules; changing them needs the “Manage alerts” permission.')}</Typography>
        )}
      </Flex>
    </Box>
  );
};
