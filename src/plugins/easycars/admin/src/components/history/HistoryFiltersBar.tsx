import { Box, Button, Field, Grid, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { useEffect, useState } from 'react';
import { RUN_STATUSES, RUN_TRIGGERS, RUN_TYPES } from '../../api/history';
import type { DealershipItem } from '../../api/dealerships';
import { statusText, triggerText } from '../stock/runLabels';
import { useT } from '../../utils/useT';

export interface FilterValues {
  scope: string;
  type: string;
  status: string;
  trigger: string;
  from: string;
  to: string;
  q: string;
}

const ALL = 'all';

/** The history's filters; each change goes to the URL (so a link can be shared), the search on submit. */
export const HistoryFiltersBar = ({
  values,
  dealerships,
  onChange,
}: {
  values: FilterValues;
  dealerships: DealershipItem[];
  onChange: (next: Partial<FilterValues>) => void;
}) => {
  const t = useT();
  const [q, setQ] = useState(values.q);
  useEffect(() => setQ(values.q), [values.q]);
  const typeText: Record<string, string> = {
    stock: t('history.type.stock', 'Stock'),
    leads: t('history.type.leads', 'Leads'),
    images: t('history.type.images', 'Images'),
    reconciliation: t('history.type.reconciliation', 'Reconciliation'),
    conflicts: t('history.type.conflicts', 'Conflict resolution'),
  };
  const select = (name: keyof FilterValues, label: string, options: Array<{ value: string; label: string }>, anyLabel: string) => (
    <Field.Root name={name} id={`history-${name}`}>
      <Field.Label>{label}</Field.Label>
      <SingleSelect value={values[name] || ALL} onChange={(v) => onChange({ [name]: String(v) === ALL ? '' : String(v) })}>
        <SingleSelectOption value={ALL}>{anyLabel}</SingleSelectOption>
        {options.map((o) => (
          <SingleSelectOption key={o.value} value={o.value}>
            {o.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Field.Root>
  );
  return (
    <Box tag="form" role="search" aria-label={t('history.filters.label', 'Filter the sync history')} onSubmit={(e: React.FormEvent) => (e.preventDefault(), onChange({ q: q.trim() }))}>
      <Grid.Root gap={4}>
        <Grid.Item col={4} s={6} xs={12} direction="column" alignItems="stretch">
          {select('scope', t('history.filters.dealership', 'Dealership'), dealerships.map((d) => ({ value: d.documentId, label: d.name })), t('history.filters.allDealerships', 'All my dealerships'))}
        </Grid.Item>
        <Grid.Item col={2} s={6} xs={12} direction="column" alignItems="stretch">
          {select('type', t('history.filters.type', 'Type'), RUN_TYPES.map((v) => ({ value: v, label: typeText[v] ?? v })), t('history.filters.any', 'Any'))}
        </Grid.Item>
        <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
          {select('status', t('history.filters.status', 'Status'), RUN_STATUSES.map((v) => ({ value: v, label: statusText(t, v) })), t('history.filters.any', 'Any'))}
        </Grid.Item>
        <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
          {select('trigger', t('history.filters.trigger', 'Trigger'), RUN_TRIGGERS.map((v) => ({ value: v, label: v === 'manual' ? t('history.trigger.manual', 'Manual') : v === 'event' ? t('history.trigger.event', 'Event') : triggerText(t, v, null) })), t('history.filters.any', 'Any'))}
        </Grid.Item>
        <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
          <Field.Root name="from" id="history-from">
            <Field.Label>{t('history.filters.from', 'From')}</Field.Label>
            <TextInput type="date" value={values.from} onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ from: e.target.value })} />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
          <Field.Root name="to" id="history-to">
            <Field.Label>{t('history.filters.to', 'To')}</Field.Label>
            <TextInput type="date" value={values.to} onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange({ to: e.target.value })} />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={4} s={9} xs={12} direction="column" alignItems="stretch">
          <Field.Root name="q" id="history-q" hint={t('history.filters.searchHint', 'Stock number, VIN, lead number or customer email')}>
            <Field.Label>{t('history.filters.search', 'Runs that touched')}</Field.Label>
            <TextInput type="search" value={q} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setQ(e.target.value)} />
            <Field.Hint />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={2} s={3} xs={12} direction="column" alignItems="stretch" style={{ justifyContent: 'center' }}>
          <Button type="submit" variant="secondary" fullWidth>
            {t('history.filters.apply', 'Search')}
          </Button>
        </Grid.Item>
      </Grid.Root>
    </Box>
  );
};
