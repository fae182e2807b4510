import { Box, Flex, Typography } from '@strapi/design-system';
import { FINDING_CATEGORIES, type FindingCategory, type FindingCounts } from '../../api/reconciliation';
import { useT } from '../../utils/useT';
import { categoryText, severityText } from './labels';

/** Counts first: one card per category (a button that filters the table), then the severities. */
export const SummaryCards = ({ counts, selected, onSelect }: { counts: FindingCounts; selected?: FindingCategory; onSelect: (c?: FindingCategory) => void }) => {
  const t = useT();
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="recon-summary">
      <Flex gap={3} wrap="wrap">
        {FINDING_CATEGORIES.map((c) => (
          <Box
            key={c}
            tag="button"
            type="button"
            onClick={() => onSelect(selected === c ? undefined : c)}
            aria-pressed={selected === c}
            background={selected === c ? 'primary100' : 'neutral0'}
            borderColor={selected === c ? 'primary600' : 'neutral200'}
            hasRadius
            padding={4}
            style={{ minWidth: '12rem', textAlign: 'left', cursor: 'pointer' }}
            data-testid={`recon-count-${c}`}
          >
            <Typography variant="pi" textColor="neutral600" tag="p">{categoryText(t, c)}</Typography>
            <Typography variant="beta" tag="p" textColor={counts[c] ? 'neutral800' : 'neutral500'}>{counts[c]}</Typography>
          </Box>
        ))}
      </Flex>
      <Typography textColor="neutral600">
        {t('recon.summary', '{total, plural, =0 {No open differences} one {# open difference} other {# open differences}}: {missing} {missingLabel}, {outdated} {outdatedLabel}, {conflicting} {conflictingLabel}; {ignored} ignored.', {
          total: counts.total,
          missing: counts.bySeverity.missing,
          outdated: counts.bySeverity.outdated,
          conflicting: counts.bySeverity.conflicting,
          missingLabel: severityText(t, 'missing').toLowerCase(),
          outdatedLabel: severityText(t, 'outdated').toLowerCase(),
          conflictingLabel: severityText(t, 'conflicting').toLowerCase(),
          ignored: counts.ignored,
        })}
      </Typography>
    </Flex>
  );
};
