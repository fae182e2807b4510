import type { FieldStrategy } from '../../api/conflicts';
import type { useT } from '../../utils/useT';

type T = ReturnType<typeof useT>;

export const strategyText = (t: T, s: FieldStrategy) =>
  ({
    easycars: t('edits.strategy.easycars', 'EasyCars wins'),
    local: t('edits.strategy.local', 'This site wins'),
    review: t('edits.strategy.review', 'Manual review'),
  })[s];

export const strategyHelp = (t: T, s: FieldStrategy) =>
  ({
    easycars: t('edits.strategy.easycars.help', 'EasyCars’ new value replaces the edit; every replaced edit is logged with before and after.'),
    local: t('edits.strategy.local.help', 'The edit stays; EasyCars’ change is recorded in the run, not applied.'),
    review: t('edits.strategy.review.help', 'The edit stays and a conflict waits in the inbox until someone decides.'),
  })[s];

/** A stored value in words: empty as a dash, lists and objects as compact JSON. */
export const valueText = (v: unknown): string => (v === null || v === undefined || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
