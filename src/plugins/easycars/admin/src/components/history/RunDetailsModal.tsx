import { Badge, Box, Button, Flex, Link, Modal, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import { useState } from 'react';
import { useRunItems } from '../../api/history-queries';
import type { SyncRun } from '../../api/stock';
import { useSyncLog } from '../../api/sync-log-queries';
import { toApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';
import { Pager } from '../layout/Pager';
import { RunCounts } from '../stock/RunCounts';
import { duration, outcomeText, statusText, statusVariant, triggerText, when } from '../stock/runLabels';

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box paddingTop={4}>
    <Typography variant="delta" tag="h3">{title}</Typography>
    <Box paddingTop={2}>{children}</Box>
  </Box>
);

const Summary = ({ value }: { value: unknown }) => (
  <Box background="neutral100" padding={3} hasRadius style={{ overflowX: 'auto' }}>
    <Typography tag="pre" variant="pi" style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {JSON.stringify(value, null, 2)}
    </Typography>
  </Box>
);

type RunInFull = SyncRun & {
  requestSummary?: unknown;
  responseSummary?: unknown;
  type?: string;
  errorClass?: string | null;
  errorStack?: string | null;
  timings?: { phases: Array<{ phase: string; ms: number }>; recordsPerMinute: number | null } | null;
};

/** Where the run's time went, phase by phase, and its pace. */
const Timings = ({ timings }: { timings: NonNullable<RunInFull['timings']> }) => {
  const t = useT();
  return (
    <Flex direction="column" alignItems="stretch" gap={1} data-testid="run-timings">
      {timings.phases.map((p) => (
        <Typography key={p.phase}>{p.phase}: {duration(p.ms)}</Typography>
      ))}
      {timings.recordsPerMinute !== null ? <Typography textColor="neutral600">{t('history.details.pace', '{n} records per minute', { n: timings.recordsPerMinute })}</Typography> : null}
    </Flex>
  );
};

/** One run in full: counts, errors and warnings, the redacted request/response summaries, and every record it touched. */
export const RunDetailsModal = ({ id, onClose }: { id: number; onClose: () => void }) => {
  const t = useT();
  const [page, setPage] = useState(1);
  const runQuery = useSyncLog<RunInFull>(id);
  const itemsQuery = useRunItems(id, page);
  const run = runQuery.data;
  const items = itemsQuery.data?.data ?? [];
  const pagination = itemsQuery.data?.meta.pagination;
  const itemsPage = { page, pageCount: pagination?.pageCount ?? 0, total: pagination?.total ?? 0 };
  const failure = runQuery.error ?? itemsQuery.error;
  const error = failure ? toApiError(failure).message : null;

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('history.details.title', 'Sync run #{id}', { id })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {error ? <Typography textColor="danger600" role="alert">{error}</Typography> : null}
          {run ? (
            <>
              <Flex gap={2} wrap="wrap">
                <Badge variant={statusVariant(run.status)}>{statusText(t, run.status)}</Badge>
                <Typography>{when(run.startedAt ?? run.createdAt)} · {triggerText(t, run.trigger, run.triggeredByName)} · {duration(run.durationMs)}</Typography>
              </Flex>
              {run.errorMessage ? <Box paddingTop={3}><Typography tag="p">{run.errorMessage}</Typography></Box> : null}
              {run.errorClass ? (
                <Box paddingTop={2}>
                  <Typography variant="pi" textColor="neutral600" tag="p">{t('history.details.errorClass', 'Error class: {name}', { name: run.errorClass })}</Typography>
                </Box>
              ) : null}
              {run.errorStack ? (
                <Section title={t('history.details.stack', 'Stack (Super Admins only)')}>
                  <Summary value={run.errorStack} />
                </Section>
              ) : null}
              <Box paddingTop={3}><RunCounts run={run} /></Box>
              {run.itemErrors?.length ? (
                <Section title={t('history.details.errors', 'Errors')}>
                  {run.itemErrors.map((e, i) => <Typography key={i} tag="p" variant="pi"><strong>{e.ref}</strong>: {e.message}</Typography>)}
                </Section>
              ) : null}
              {run.warnings?.length ? (
                <Section title={t('history.details.warnings', 'Warnings')}>
                  {run.warnings.map((w, i) => <Typography key={i} tag="p" variant="pi"><strong>{w.ref}</strong>: {w.field ? `${w.field} — ` : ''}{w.message}</Typography>)}
                </Section>
              ) : null}
              {run.timings?.phases.length ? <Section title={t('history.details.timings', 'Time by phase')}><Timings timings={run.timings} /></Section> : null}
              {run.requestSummary ? <Section title={t('history.details.request', 'Request (redacted)')}><Summary value={run.requestSummary} /></Section> : null}
              {run.responseSummary ? <Section title={t('history.details.response', 'Response (redacted)')}><Summary value={run.responseSummary} /></Section> : null}
            </>
          ) : null}
          <Section title={t('history.details.items', 'Records touched ({total})', { total: itemsPage.total })}>
            {items.length === 0 ? (
              <Typography textColor="neutral600">{t('history.details.noItems', 'This run changed no record.')}</Typography>
            ) : (
              <Box tag="ul" data-testid="history-items">
                {items.map((item, i) => (
                  <Box tag="li" key={`${item.ref}-${i}`} paddingBottom={2}>
                    <Typography variant="pi">
                      <strong>{item.ref}</strong>
                      {item.vin ? ` (VIN ${item.vin})` : ''}: {outcomeText(t, item.outcome)}
                      {item.message ? ` — ${item.message}` : ''}
                    </Typography>{' '}
                    {item.entryUrl ? (
                      <Link tag={NavLink} to={item.entryUrl}>
                        {run?.type === 'leads' ? t('history.details.openLead', 'Open the lead') : t('history.details.openVehicle', 'Open the vehicle')}
                      </Link>
                    ) : null}
                    {item.changes
                      ? Object.entries(item.changes).map(([field, c]) => (
                          <Typography key={field} tag="p" variant="pi" textColor="neutral700">
                            {field}: {show(c.before)} → {show(c.after)}
                          </Typography>
                        ))
                      : null}
                  </Box>
                ))}
              </Box>
            )}
            <Pager
              page={itemsPage.page}
              pageCount={itemsPage.pageCount}
              onPage={setPage}
              label={t('history.pageOf', 'Page {page} of {pageCount}', { page: itemsPage.page, pageCount: itemsPage.pageCount })}
              size="S"
              paddingTop={2}
            />
          </Section>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('history.details.close', 'Close')}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
