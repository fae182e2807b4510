import { Badge, Box, Button, Dialog, Flex, Link, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { NavLink } from 'react-router-dom';
import type { LeadPush } from '../../api/leads';
import { useLeadEditPath } from '../../api/setup-queries';
import { useLeadPushes, useRetryPush } from '../../api/leads-queries';
import { toApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';
import { pushStateText, pushStateVariant, when } from './labels';
import { LeadsSection } from './LeadsSection';

/** "Retry" on a lead in review: EasyCars may already have it, so sending it again is a decision, confirmed first. */
const ReviewRetry = ({ onConfirm, busy }: { onConfirm: () => Promise<void>; busy: boolean }) => {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        <Button size="S" variant="secondary" loading={busy} disabled={busy}>{t('leads.pushes.sendAgain', 'Send again')}</Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{t('leads.pushes.reviewTitle', 'Send this lead again?')}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="warning600" />}>
          {t(
            'leads.pushes.reviewConfirm',
            'EasyCars may already have this lead: the last attempt got no answer. Look for it in EasyCars first (its ExternalID is the lead’s id here) and use “Import a lead by number” if it is there. Sending it again may create a second lead.',
          )}
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">{t('leads.pushes.cancel', 'Cancel')}</Button>
          </Dialog.Cancel>
          <Button
            fullWidth
            variant="danger-light"
            onClick={(e: React.MouseEvent) => {
              e.preventDefault();
              setOpen(false);
              void onConfirm();
            }}
          >
            {t('leads.pushes.reviewAction', 'Send it again')}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};

/** Leads waiting to be sent, failed (with the reason) or flagged for review, each failed/review one with Retry. */
export const PendingPushesTable = ({ dealership, onChange }: { dealership: string; onChange?: () => void }) => {
  const t = useT();
  const leadEditPath = useLeadEditPath();
  const { toggleNotification } = useNotification();
  const { data, error } = useLeadPushes(dealership);
  const retryPush = useRetryPush(dealership);
  const busy = retryPush.isLoading ? retryPush.variables?.id ?? null : null;
  const retry = async (push: LeadPush) => {
    try {
      await retryPush.mutateAsync(push);
      toggleNotification({ type: 'success', message: t('leads.pushes.retried', 'Lead queued to be sent again') });
    } catch (e) {
      toggleNotification({ type: 'danger', message: toApiError(e).message });
    }
    onChange?.();
  };
  const rows = data ?? [];
  return (
    <LeadsSection title={t('leads.pushes.title', 'Leads not in EasyCars yet')} ready={data !== undefined} error={error} testId="leads-pushes">
      {rows.length === 0 ? (
        <Typography textColor="neutral600">{t('leads.pushes.empty', 'Every lead has reached EasyCars.')}</Typography>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={3} tag="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {rows.map((push) => {
            const name = [push.customerName, push.vehicle].filter(Boolean).join(' — ') || t('leads.pushes.unnamed', 'Lead without a name');
            return (
              <Box key={push.id} tag="li" borderColor="neutral200" padding={4} hasRadius data-testid="leads-push">
                <Flex justifyContent="space-between" alignItems="flex-start" wrap="wrap" gap={3}>
                  <Flex direction="column" alignItems="flex-start" gap={1} style={{ flex: '1 1 16rem', minWidth: 0 }}>
                    <Flex gap={2} wrap="wrap">
                      <Badge variant={pushStateVariant(push.pushState)}>{pushStateText(t, push.pushState)}</Badge>
                      <Typography fontWeight="bold">
                        {push.leadDocumentId && leadEditPath(push.leadDocumentId) ? <Link tag={NavLink} to={leadEditPath(push.leadDocumentId)!}>{name}</Link> : name}
                      </Typography>
                    </Flex>
                    {push.pushError ? (
                      <Typography variant="pi" tag="p" style={{ overflowWrap: 'anywhere' }}>
                        {t('leads.pushes.reason', 'Reason: {reason}', { reason: push.pushError })}
                      </Typography>
                    ) : null}
                    <Typography variant="pi" textColor="neutral600">
                      {push.pushAttempts > 0
                        ? t('leads.pushes.attempts', '{n, plural, one {# attempt} other {# attempts}}, last change {when}', { n: push.pushAttempts, when: when(push.updatedAt) })
                        : t('leads.pushes.changed', 'Last change {when}', { when: when(push.updatedAt) })}
                    </Typography>
                  </Flex>
                  {push.pushState === 'failed' ? (
                    <Button size="S" variant="secondary" loading={busy === push.id} disabled={busy !== null} onClick={() => retry(push)}>
                      {t('leads.pushes.retry', 'Retry')}
                    </Button>
                  ) : push.pushState === 'review' ? (
                    <ReviewRetry busy={busy === push.id} onConfirm={() => retry(push)} />
                  ) : null}
                </Flex>
              </Box>
            );
          })}
        </Flex>
      )}
    </LeadsSection>
  );
};
