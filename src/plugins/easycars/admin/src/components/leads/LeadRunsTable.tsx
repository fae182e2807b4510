import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import { useState } from 'react';
import type { LeadRun } from '../../api/leads';
import { useLeadRuns } from '../../api/leads-queries';
import { useSyncLog } from '../../api/sync-log-queries';
import { toApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';
import { outcomeText, runStatusText, runStatusVariant, triggerText, when } from './labels';
import { LeadsSection } from './LeadsSection';

/** What happened to each lead in one run (sync-log items), its warnings and its error. */
const RunDetails = ({ id }: { id: number }) => {
  const t = useT();
  const { data: run, error } = useSyncLog<LeadRun>(id);
  if (error) return <Typography textColor="danger600">{toApiError(error).message}</Typography>;
  if (!run) return <Typography textColor="neutral600">{t('leads.section.loading', 'Loading…')}</Typography>;
  const items = run.items ?? [];
  const notDue = run.responseSummary?.notDue;
  return (
    <Box data-testid="leads-run-details">
      {run.errorMessage ? <Typography tag="p" textColor="danger600">{run.errorMessage}</Typography> : null}
      {notDue && notDue.deleted + notDue.closed > 0 ? (
        <Typography tag="p" variant="pi" textColor="neutral600" data-testid="leads-run-not-due">
          {t('leads.runs.notDue', 'Not refreshed this run (they are refreshed weekly): {deleted} deleted, {closed} won or lost more than {days} days ago.', {
            deleted: notDue.deleted,
            closed: notDue.closed,
            days: run.responseSummary?.closedDays ?? 30,
          })}
        </Typography>
      ) : null}
      {items.length === 0 ? (
        <Typography textColor="neutral600">{t('leads.runs.noItems', 'No lead was processed.')}</Typography>
      ) : (
        <Box tag="ul" style={{ maxHeight: '16rem', overflowY: 'auto', paddingLeft: 0, listStyle: 'none' }}>
          {items.map((item, i) => (
            <Typography key={`${item.ref}-${i}`} tag="li" variant="pi">
              <strong>{t('leads.runs.lead', 'Lead {number}', { number: item.ref })}</strong>: {outcomeText(t, item.outcome)}
              {item.message ? ` — ${item.message}` : ''}
            </Typography>
          ))}
        </Box>
      )}
      {run.warnings?.length ? (
        <Box paddingTop={2} tag="ul" style={{ paddingLeft: 0, listStyle: 'none' }}>
          {run.warnings.map((w, i) => (
            <Typography key={`${w.ref}-${i}`} tag="li" variant="pi" textColor="warning700">
              {t('leads.runs.warning', 'Warning, lead {number}: {message}', { number: w.ref, message: w.field ? `${w.field} — ${w.message}` : w.message })}
            </Typography>
          ))}
        </Box>
      ) : null}
    </Box>
  );
};

/** The last 10 lead syncs; "Details" lists each lead's outcome. */
export const LeadRunsTable = ({ dealership }: { dealership: string }) => {
  const t = useT();
  const [open, setOpen] = useState<number | null>(null);
  const { data, error } = useLeadRuns(dealership);
  const rows = data ?? [];
  return (
    <LeadsSection title={t('leads.runs.title', 'Last 10 lead syncs')} ready={data !== undefined} error={error} testId="leads-runs">
      {rows.length === 0 ? (
        <Typography textColor="neutral600">{t('leads.runs.empty', 'No lead sync yet.')}</Typography>
      ) : (
        // A list rather than a table: it stays readable without sideways scrolling on a phone.
        <Flex direction="column" alignItems="stretch" gap={0} tag="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {rows.map((run, i) => (
            <Box key={run.id} tag="li" paddingTop={3} paddingBottom={3} borderColor={i ? 'neutral150' : undefined} style={i ? { borderWidth: '1px 0 0 0' } : undefined} data-testid="leads-run">
              <Flex justifyContent="space-between" alignItems="center" wrap="wrap" gap={3}>
                <Flex gap={3} wrap="wrap" style={{ flex: '1 1 18rem', minWidth: 0 }}>
                  <Typography fontWeight="bold">{when(run.startedAt ?? run.createdAt)}</Typography>
                  <Badge variant={runStatusVariant(run.status)}>{runStatusText(t, run.status)}</Badge>
                  <Typography textColor="neutral700">
                    {t('leads.runs.counts', '{fetched} processed · {updated} updated · {failed} failed', {
                      fetched: run.fetched ?? 0,
                      updated: run.updated ?? 0,
                      failed: run.failed ?? 0,
                    })}
                  </Typography>
                  <Typography textColor="neutral600">{triggerText(t, run.trigger, run.triggeredByName)}</Typography>
                </Flex>
                <Button variant="tertiary" size="S" aria-expanded={open === run.id} onClick={() => setOpen(open === run.id ? null : run.id)}>
                  {open === run.id ? t('leads.runs.hide', 'Hide details') : t('leads.runs.show', 'Show details')}
                </Button>
              </Flex>
              {open === run.id ? (
                <Box paddingTop={3}>
                  <RunDetails key={`${run.id}-${run.status}`} id={run.id} />
                </Box>
              ) : null}
            </Box>
          ))}
        </Flex>
      )}
    </LeadsSection>
  );
};
