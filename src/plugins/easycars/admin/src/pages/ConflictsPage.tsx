import { Box, Button, Dialog, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import type { ConflictChoice, InboxConflict } from '../api/conflicts';
import { useConflictInbox, useResolveConflicts } from '../api/conflicts-queries';
import { ConflictCard } from '../components/conflicts/ConflictCard';
import { Pager } from '../components/layout/Pager';
import { ProgressBar } from '../components/ProgressBar';
import { useSelectedDealership } from '../context/DealershipContext';
import { useUrlFilters } from '../hooks/useUrlFilters';
import { PERMISSIONS } from '../permissions';
import { toApiError } from '../utils/apiError';
import { useT } from '../utils/useT';

const ALL = 'all';

/** One entry's conflicts together, so a vehicle's fields are merged in one go. */
function byEntry(conflicts: InboxConflict[]): InboxConflict[][] {
  const groups = new Map<string, InboxConflict[]>();
  for (const c of conflicts) {
    const key = `${c.kind}:${c.entryDocumentId ?? c.ref}:${c.state === 'open' ? 'open' : c.id}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()];
}

/** The conflict inbox: vehicles and leads whose field changed here and in EasyCars, decided side by side. */
const ConflictsPage = () => {
  const t = useT();
  const { dealership } = useSelectedDealership();
  const id = dealership?.documentId ?? '';
  const [params, change] = useUrlFilters();
  const kind = (params.get('kind') || undefined) as 'vehicle' | 'lead' | undefined;
  const state = params.get('state') === 'resolved' ? 'resolved' : 'open';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const { data, error } = useConflictInbox(id, { kind, state }, page);
  const { resolve, resolveAll } = useResolveConflicts(id);
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC(PERMISSIONS.resolveConflicts);
  const [bulk, setBulk] = useState<'local' | 'easycars' | null>(null);

  const report = (r: { resolved: number; failed: Array<{ message: string }> }) =>
    toggleNotification({
      type: r.failed.length ? 'warning' : 'success',
      message: r.failed.length
        ? t('inbox.partly', '{resolved} resolved; {failed} could not be: {reasons}', { resolved: r.resolved, failed: r.failed.length, reasons: r.failed.map((f) => f.message).join('; ') })
        : t('inbox.done', '{resolved, plural, one {# conflict resolved.} other {# conflicts resolved.}}', { resolved: r.resolved }),
    });
  const apply = async (choices: ConflictChoice[]) => {
    try {
      report(await resolve.mutateAsync(choices));
    } catch (e) {
      toggleNotification({ type: 'danger', message: toApiError(e).message });
    }
  };
  const applyAll = async (use: 'local' | 'easycars') => {
    setBulk(null);
    try {
      await resolveAll.mutateAsync({ kind, use });
      toggleNotification({ type: 'success', message: t('inbox.bulk.started', 'Resolving every conflict shown: the list updates as it goes (EasyCars → History has the run).') });
    } catch (e) {
      const err = toApiError(e);
      toggleNotification({ type: err.status === 409 ? 'info' : 'danger', message: err.message });
    }
  };

  if (error && !data) return <Page.Error content={toApiError(error).message} />;
  if (!data) return <Page.Loading />;
  const groups = byEntry(data.conflicts);
  const canResolve = Boolean(allowedActions.canResolve);

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Box background="neutral0" padding={6} hasRadius shadow="tableShadow" tag="section" aria-label={t('inbox.title', 'Conflicts')}>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box>
            <Typography variant="beta" tag="h2">{t('inbox.title', 'Conflicts')}</Typography>
            <Typography textColor="neutral600" tag="p" data-testid="inbox-counts">
              {t('inbox.counts', 'Open: {vehicles} on vehicles, {leads} on leads.', { vehicles: state === 'open' ? data.counts.vehicle : '—', leads: state === 'open' ? data.counts.lead : '—' })}
            </Typography>
          </Box>
          <Flex gap={4} wrap="wrap" alignItems="flex-end">
            <Field.Root name="kind" id="inbox-kind">
              <Field.Label>{t('inbox.filter.kind', 'Show')}</Field.Label>
              <SingleSelect value={kind ?? ALL} onChange={(v: string | number) => change({ kind: String(v) === ALL ? undefined : String(v) })}>
                <SingleSelectOption value={ALL}>{t('inbox.filter.all', 'Vehicles and leads')}</SingleSelectOption>
                <SingleSelectOption value="vehicle">{t('inbox.filter.vehicles', 'Vehicles')}</SingleSelectOption>
                <SingleSelectOption value="lead">{t('inbox.filter.leads', 'Leads')}</SingleSelectOption>
              </SingleSelect>
            </Field.Root>
            <Field.Root name="state" id="inbox-state">
              <Field.Label>{t('inbox.filter.state', 'State')}</Field.Label>
              <SingleSelect value={state} onChange={(v: string | number) => change({ state: String(v) === 'open' ? undefined : String(v) })}>
                <SingleSelectOption value="open">{t('inbox.filter.open', 'Open')}</SingleSelectOption>
                <SingleSelectOption value="resolved">{t('inbox.filter.resolved', 'Resolved')}</SingleSelectOption>
              </SingleSelect>
            </Field.Root>
            {canResolve && state === 'open' && data.pagination.total > 0 && !data.active ? (
              <Flex gap={2}>
                <Button variant="secondary" onClick={() => setBulk('local')}>{t('inbox.bulk.local', 'Keep this site for all {total}', { total: data.pagination.total })}</Button>
                <Button variant="secondary" onClick={() => setBulk('easycars')}>{t('inbox.bulk.easycars', 'Take EasyCars for all {total}', { total: data.pagination.total })}</Button>
              </Flex>
            ) : null}
          </Flex>
          {data.active ? (
            <Flex direction="column" alignItems="flex-start" gap={2} data-testid="inbox-progress">
              <Typography>{t('inbox.bulk.progress', 'Resolving in bulk: {done} of {total}', { done: data.active.done, total: data.active.total || '…' })}</Typography>
              <ProgressBar percent={data.active.total ? Math.round((data.active.done / data.active.total) * 100) : 0} label={t('inbox.bulk.progressLabel', 'Bulk resolution progress')} />
            </Flex>
          ) : null}
        </Flex>
      </Box>

      {groups.length ? (
        <Flex tag="ul" direction="column" alignItems="stretch" gap={4} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {groups.map((g) => (
            <ConflictCard key={`${g[0].kind}:${g[0].id}`} conflicts={g} timezone={dealership?.timezone ?? 'Australia/Sydney'} busy={resolve.isLoading} onApply={canResolve ? apply : async () => undefined} />
          ))}
        </Flex>
      ) : (
        <Typography textColor="neutral600" data-testid="inbox-empty">
          {state === 'open' ? t('inbox.empty', 'No conflicts: nothing is waiting for a decision.') : t('inbox.emptyResolved', 'No resolved conflicts yet.')}
        </Typography>
      )}
      <Pager
        page={page}
        pageCount={data.pagination.pageCount}
        onPage={(next) => change({ page: String(next) })}
        label={t('recon.page.of', 'Page {page} of {count}', { page, count: data.pagination.pageCount })}
        paddingTop={0}
      />

      <Dialog.Root open={Boolean(bulk)} onOpenChange={(o: boolean) => (o ? undefined : setBulk(null))}>
        <Dialog.Content>
          <Dialog.Header>{t('inbox.bulk.title', 'Resolve every conflict shown?')}</Dialog.Header>
          <Dialog.Body icon={<WarningCircle fill="warning600" />}>
            {bulk === 'local'
              ? t('inbox.bulk.localBody', 'Every open conflict shown keeps this site’s value. Each resolution is in the audit trail.')
              : t('inbox.bulk.easycarsBody', 'Every open conflict shown takes EasyCars’ value, replacing the edits made here. Each resolution is in the audit trail.')}
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel><Button variant="tertiary">{t('recon.cancel', 'Cancel')}</Button></Dialog.Cancel>
            <Button loading={resolveAll.isLoading} onClick={() => void applyAll(bulk!)}>{t('inbox.bulk.confirm', 'Resolve all')}</Button>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
    </Flex>
  );
};

export default ConflictsPage;
