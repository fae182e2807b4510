import { Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';
import type { LeadConflictItem } from '../../api/leads';
import { useLeadEditPath } from '../../api/setup-queries';
import { useLeadConflicts, useResolveConflict } from '../../api/leads-queries';
import { toApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';
import { conflictValueText, leadFieldText, when } from './labels';
import { LeadsSection } from './LeadsSection';

const Value = ({ label, value, strong }: { label: string; value: string; strong?: boolean }) => (
  <Box style={{ flex: '1 1 7rem' }} padding={3} background={strong ? 'neutral100' : undefined} hasRadius>
    <Typography variant="sigma" textColor="neutral600" tag="p">{label}</Typography>
    <Typography fontWeight={strong ? 'bold' : undefined} tag="p">{value}</Typography>
  </Box>
);

/** Conflicts awaiting a decision, one per lead and field: last agreed, this site and EasyCars side by side, keep either. */
export const ConflictsTable = ({ dealership, onChange }: { dealership: string; onChange?: () => void }) => {
  const t = useT();
  const leadEditPath = useLeadEditPath();
  const { toggleNotification } = useNotification();
  const { data, error } = useLeadConflicts(dealership);
  const resolveConflict = useResolveConflict(dealership);
  const busy = resolveConflict.isLoading ? resolveConflict.variables?.id ?? null : null;
  const resolve = async (conflict: LeadConflictItem, choice: 'local' | 'easycars') => {
    try {
      await resolveConflict.mutateAsync({ id: conflict.id, choice });
      const value = conflictValueText(t, conflict.field, choice === 'local' ? conflict.localValue : conflict.remoteValue);
      toggleNotification({ type: 'success', message: t('leads.conflicts.resolvedField', 'Conflict resolved: {field} is now “{value}” here and in EasyCars.', { field: leadFieldText(t, conflict.field), value }) });
    } catch (e) {
      toggleNotification({ type: 'danger', message: toApiError(e).message });
    }
    onChange?.();
  };
  const rows = data ?? [];
  return (
    <LeadsSection title={t('leads.conflicts.titleFields', 'Conflicts')} ready={data !== undefined} error={error} testId="leads-conflicts">
      {rows.length === 0 ? (
        <Typography textColor="neutral600">{t('leads.conflicts.empty', 'No conflict to resolve.')}</Typography>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={4} tag="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {rows.map((c) => {
            const local = conflictValueText(t, c.field, c.localValue);
            const remote = conflictValueText(t, c.field, c.remoteValue);
            return (
              <Box key={c.id} tag="li" borderColor="neutral200" padding={4} hasRadius data-testid="leads-conflict">
                <Flex justifyContent="space-between" wrap="wrap" gap={2}>
                  <Typography fontWeight="bold">
                    {c.leadDocumentId && leadEditPath(c.leadDocumentId) ? (
                      <Link tag={NavLink} to={leadEditPath(c.leadDocumentId)!}>
                        {t('leads.conflicts.lead', 'EasyCars lead {number}', { number: c.leadNumber ?? '—' })}
                      </Link>
                    ) : (
                      t('leads.conflicts.lead', 'EasyCars lead {number}', { number: c.leadNumber ?? '—' })
                    )}
                  </Typography>
                  <Typography variant="pi" textColor="neutral600">{t('leads.conflicts.since', 'Found {when}', { when: when(c.createdAt) })}</Typography>
                </Flex>
                <Typography variant="omega" fontWeight="semiBold" tag="p" data-testid="leads-conflict-field">
                  {t('leads.conflicts.field', 'Field: {field}', { field: leadFieldText(t, c.field) })}
                </Typography>
                <Flex paddingTop={3} gap={2} wrap="wrap" alignItems="stretch">
                  <Value label={t('leads.conflicts.base', 'Last agreed')} value={conflictValueText(t, c.field, c.baseValue)} />
                  <Value label={t('leads.conflicts.local', 'Here')} value={local} strong />
                  <Value label={t('leads.conflicts.remote', 'In EasyCars')} value={remote} strong />
                </Flex>
                <Flex paddingTop={3} gap={2} wrap="wrap">
                  <Button size="S" variant="secondary" loading={busy === c.id} disabled={busy !== null} onClick={() => resolve(c, 'local')}>
                    {t('leads.conflicts.keepLocal', 'Keep “{value}” (this site)', { value: local })}
                  </Button>
                  <Button size="S" variant="secondary" disabled={busy !== null} onClick={() => resolve(c, 'easycars')}>
                    {t('leads.conflicts.keepRemote', 'Take “{value}” (EasyCars)', { value: remote })}
                  </Button>
                </Flex>
              </Box>
            );
          })}
        </Flex>
      )}
    </LeadsSection>
  );
};
