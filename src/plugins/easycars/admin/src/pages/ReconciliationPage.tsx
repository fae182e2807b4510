import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { FINDING_SEVERITIES, FINDING_STATES, RECONCILIATION_SCHEDULES, type ReconciliationSchedule, type Finding, type FindingCategory, type FindingSeverity, type FindingState, type ReconciliationFilters } from '../api/reconciliation';
import { useReconciliationAction, useReconciliationApi, useReconciliationReport } from '../api/reconciliation-queries';
import { Pager } from '../components/layout/Pager';
import { ProgressBar } from '../components/ProgressBar';
import { FindingDetails } from '../components/reconciliation/FindingDetails';
import { FindingsTable } from '../components/reconciliation/FindingsTable';
import { IgnoreDialog } from '../components/reconciliation/IgnoreDialog';
import { severityText, stateText } from '../components/reconciliation/labels';
import { SummaryCards } from '../components/reconciliation/SummaryCards';
import { useSelectedDealership } from '../context/DealershipContext';
import { useUrlFilters } from '../hooks/useUrlFilters';
import { PERMISSIONS } from '../permissions';
import { toApiError } from '../utils/apiError';
import { useT } from '../utils/useT';
import { formatInZone } from '../utils/zonedTime';

const ALL = 'all';

/** "Is our site the same as EasyCars?": run a reconciliation, read the differences, act on them. */
const ReconciliationPage = () => {
  const t = useT();
  const { dealership } = useSelectedDealership();
  const id = dealership?.documentId ?? '';
  const timezone = dealership?.timezone ?? 'Australia/Sydney';
  const [params, change] = useUrlFilters();
  const filter: ReconciliationFilters = {
    category: (params.get('category') || undefined) as FindingCategory | undefined,
    severity: (params.get('severity') || undefined) as FindingSeverity | undefined,
    state: (params.get('state') || undefined) as FindingState | undefined,
  };
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const { data, error } = useReconciliationReport(id, filter, page);
  const { run, act, schedule } = useReconciliationAction(id);
  const api = useReconciliationApi();
  const { toggleNotification } = useNotification();
  // sync.trigger → canTrigger; conflicts.resolve → canResolve.
  const { allowedActions } = useRBAC([...PERMISSIONS.triggerSync, ...PERMISSIONS.resolveConflicts, ...PERMISSIONS.manageSyncSettings]);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [ignoring, setIgnoring] = useState<{ ids?: number[]; all?: boolean } | null>(null);
  const [details, setDetails] = useState<Finding | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const filterKey = JSON.stringify(filter);
  useEffect(() => setSelected(new Set()), [filterKey, page, id]);

  const notify = (e: unknown) => toggleNotification({ type: 'danger', message: toApiError(e).message });

  const startRun = async () => {
    try {
      await run.mutateAsync();
      toggleNotification({ type: 'success', message: t('recon.started', 'Reconciliation started: it reads the feed and compares; it changes nothing.') });
    } catch (e) {
      const err = toApiError(e);
      toggleNotification({ type: err.status === 409 ? 'info' : 'danger', message: err.message });
    }
  };
  const doAction = async (action: 'sync' | 'push' | 'ignore', target: { ids?: number[]; all?: boolean }, reason?: string) => {
    try {
      const result = await act.mutateAsync({ action, ...(target.all ? { filter: { category: filter.category, severity: filter.severity } } : { ids: target.ids }), ...(reason ? { reason } : {}) });
      toggleNotification({ type: result.affected ? 'success' : 'info', message: result.message });
      setSelected(new Set());
    } catch (e) {
      notify(e);
    }
  };
  const download = async (format: 'csv' | 'pdf') => {
    setExporting(format);
    try {
      const blob = await api.export(id, filter, format);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `easycars-reconciliation-${dealership?.slug ?? id}-${new Date().toISOString().slice(0, 10)}.${format}`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      notify(e);
    } finally {
      setExporting(null);
    }
  };

  const scheduleText: Record<ReconciliationSchedule, string> = {
    off: t('recon.schedule.off', 'Off (run it by hand)'),
    daily: t('recon.schedule.daily', 'Daily at 03:00'),
    weekly: t('recon.schedule.weekly', 'Weekly, Sundays at 03:00'),
  };

  if (error && !data) return <Page.Error content={toApiError(error).message} />;
  if (!data) return <Page.Loading />;
  const active = data.active;
  const percent = active?.progressTotal ? Math.round(((active.progressDone ?? 0) / active.progressTotal) * 100) : 0;
  const chosen = [...selected];
  const viewingOpen = (filter.state ?? 'open') === 'open';
  const rowActions = {
    canSync: Boolean(allowedActions.canTrigger),
    canIgnore: Boolean(allowedActions.canResolve),
    busy: act.isLoading,
    onSync: (f: Finding) => void doAction('sync', { ids: [f.id] }),
    onPush: (f: Finding) => void doAction('push', { ids: [f.id] }),
    onIgnore: (f: Finding) => setIgnoring({ ids: [f.id] }),
    onDetails: setDetails,
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Box background="neutral0" padding={6} hasRadius shadow="tableShadow" tag="section" aria-label={t('recon.title', 'Reconciliation')}>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex justifyContent="space-between" wrap="wrap" gap={3}>
            <Box>
              <Typography variant="beta" tag="h2">{t('recon.title', 'Reconciliation')}</Typography>
              <Typography textColor="neutral600" tag="p" data-testid="recon-last-run">
                {data.run
                  ? t('recon.lastRun', 'Last run {when}', { when: formatInZone(data.run.completedAt ?? data.run.createdAt, timezone) })
                  : t('recon.never', 'No reconciliation has run yet for {name}.', { name: dealership?.name ?? '' })}
                {data.run?.status === 'failed' && data.run.errorMessage ? ` — ${data.run.errorMessage}` : ''}
              </Typography>
            </Box>
            <Flex gap={2} wrap="wrap">
              <Button variant="secondary" startIcon={<Download />} loading={exporting === 'csv'} disabled={!data.run} onClick={() => void download('csv')}>{t('recon.export.csv', 'Export CSV')}</Button>
              <Button variant="secondary" startIcon={<Download />} loading={exporting === 'pdf'} disabled={!data.run} onClick={() => void download('pdf')}>{t('recon.export.pdf', 'Export PDF')}</Button>
              {allowedActions.canTrigger ? (
                <Button onClick={() => void startRun()} loading={run.isLoading} disabled={Boolean(active)}>{t('recon.run', 'Run reconciliation')}</Button>
              ) : null}
            </Flex>
          </Flex>
          <Flex gap={3} alignItems="flex-end" wrap="wrap">
            <Field.Root name="schedule" id="recon-schedule" hint={data.nextRunAt ? t('recon.schedule.next', 'Next run {when}', { when: formatInZone(data.nextRunAt, timezone) }) : t('recon.schedule.hint', 'Differences a scheduled run finds are alerted like sync failures (banner, webhooks, email).')}>
              <Field.Label>{t('recon.schedule.label', 'Scheduled runs')}</Field.Label>
              <SingleSelect
                disabled={!allowedActions.canManage || schedule.isLoading}
                value={data.schedule}
                onChange={(v: string | number) =>
                  void schedule.mutateAsync(String(v) as ReconciliationSchedule).then(
                    () => toggleNotification({ type: 'success', message: t('recon.schedule.saved', 'Reconciliation schedule saved.') }),
                    notify,
                  )
                }
              >
                {RECONCILIATION_SCHEDULES.map((s) => <SingleSelectOption key={s} value={s}>{scheduleText[s]}</SingleSelectOption>)}
              </SingleSelect>
              <Field.Hint />
            </Field.Root>
          </Flex>
          {active ? (
            <Flex direction="column" alignItems="flex-start" gap={2} data-testid="recon-progress">
              <Typography>{t('recon.progress', 'Comparing with EasyCars… {phase}', { phase: active.phase ?? active.status })}</Typography>
              <ProgressBar percent={percent} label={t('recon.progressLabel', 'Reconciliation progress')} />
            </Flex>
          ) : null}
          {data.counts ? <SummaryCards counts={data.counts} selected={filter.category} onSelect={(c) => change({ category: c })} /> : null}
          {data.notes.map((n) => (
            <Typography key={n} variant="pi" textColor="neutral600" tag="p">{n}</Typography>
          ))}
        </Flex>
      </Box>

      {data.run ? (
        <Box background="neutral0" padding={6} hasRadius shadow="tableShadow" tag="section" aria-label={t('recon.differences', 'Differences')}>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Flex gap={4} wrap="wrap" alignItems="flex-end">
              <Field.Root name="severity" id="recon-severity">
                <Field.Label>{t('recon.filter.severity', 'Severity')}</Field.Label>
                <SingleSelect value={filter.severity ?? ALL} onChange={(v: string | number) => change({ severity: String(v) === ALL ? undefined : String(v) })}>
                  <SingleSelectOption value={ALL}>{t('recon.filter.any', 'Any')}</SingleSelectOption>
                  {FINDING_SEVERITIES.map((s) => <SingleSelectOption key={s} value={s}>{severityText(t, s)}</SingleSelectOption>)}
                </SingleSelect>
              </Field.Root>
              <Field.Root name="state" id="recon-state">
                <Field.Label>{t('recon.filter.state', 'State')}</Field.Label>
                <SingleSelect value={filter.state ?? 'open'} onChange={(v: string | number) => change({ state: String(v) === 'open' ? undefined : String(v) })}>
                  {FINDING_STATES.map((s) => <SingleSelectOption key={s} value={s}>{stateText(t, s)}</SingleSelectOption>)}
                </SingleSelect>
              </Field.Root>
            </Flex>
            {viewingOpen && data.pagination.total > 0 && (allowedActions.canTrigger || allowedActions.canResolve) ? (
              <Flex gap={2} wrap="wrap" alignItems="center" data-testid="recon-batch">
                <Typography fontWeight="bold">{t('recon.batch.selected', '{count} chosen', { count: chosen.length })}</Typography>
                {allowedActions.canTrigger ? (
                  <>
                    <Button size="S" variant="secondary" disabled={!chosen.length || act.isLoading} onClick={() => void doAction('sync', { ids: chosen })}>{t('recon.batch.sync', 'Sync chosen from EasyCars')}</Button>
                    <Button size="S" variant="secondary" disabled={!chosen.length || act.isLoading} onClick={() => void doAction('push', { ids: chosen })}>{t('recon.batch.push', 'Push chosen leads')}</Button>
                    <Button size="S" variant="tertiary" disabled={act.isLoading} onClick={() => void doAction('sync', { all: true })}>{t('recon.batch.syncAll', 'Sync all {total} shown by the filter', { total: data.pagination.total })}</Button>
                  </>
                ) : null}
                {allowedActions.canResolve ? (
                  <>
                    <Button size="S" variant="tertiary" disabled={!chosen.length || act.isLoading} onClick={() => setIgnoring({ ids: chosen })}>{t('recon.batch.ignore', 'Ignore chosen')}</Button>
                    <Button size="S" variant="tertiary" disabled={act.isLoading} onClick={() => setIgnoring({ all: true })}>{t('recon.batch.ignoreAll', 'Ignore all {total} shown by the filter', { total: data.pagination.total })}</Button>
                  </>
                ) : null}
              </Flex>
            ) : null}
            {data.findings.length ? (
              <FindingsTable findings={data.findings} selected={selected} onSelect={setSelected} actions={rowActions} />
            ) : (
              <Typography textColor="neutral600" data-testid="recon-empty">
                {viewingOpen ? t('recon.empty', 'No differences here: this site matches EasyCars for this filter.') : t('recon.emptyState', 'No rows in this state.')}
              </Typography>
            )}
            <Pager
              page={page}
              pageCount={data.pagination.pageCount}
              onPage={(next) => change({ page: String(next) })}
              label={t('recon.page.of', 'Page {page} of {count}', { page, count: data.pagination.pageCount })}
              paddingTop={0}
            />
          </Flex>
        </Box>
      ) : null}

      <IgnoreDialog
        key={ignoring ? JSON.stringify(ignoring) : 'closed'}
        open={Boolean(ignoring)}
        count={ignoring?.all ? data.pagination.total : ignoring?.ids?.length ?? 0}
        busy={act.isLoading}
        onClose={() => setIgnoring(null)}
        onConfirm={(reason) => {
          const target = ignoring!;
          setIgnoring(null);
          void doAction('ignore', target, reason);
        }}
      />
      <FindingDetails finding={details} onClose={() => setDetails(null)} />
    </Flex>
  );
};

export default ReconciliationPage;
