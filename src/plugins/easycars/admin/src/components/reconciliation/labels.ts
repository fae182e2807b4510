import type { FindingCategory, FindingSeverity, FindingState } from '../../api/reconciliation';
import type { useT } from '../../utils/useT';

type T = ReturnType<typeof useT>;

export const categoryText = (t: T, c: FindingCategory) =>
  ({
    missing_here: t('recon.category.missing_here', 'In EasyCars, not here'),
    extra_here: t('recon.category.extra_here', 'Here, not in EasyCars'),
    field_diff: t('recon.category.field_diff', 'Field differences'),
    images: t('recon.category.images', 'Images'),
    lead: t('recon.category.lead', 'Leads'),
  })[c];

export const severityText = (t: T, s: FindingSeverity) =>
  ({ missing: t('recon.severity.missing', 'Missing'), outdated: t('recon.severity.outdated', 'Outdated'), conflicting: t('recon.severity.conflicting', 'Conflicting') })[s];

export const severityVariant: Record<FindingSeverity, 'danger' | 'warning' | 'secondary'> = { missing: 'danger', conflicting: 'warning', outdated: 'secondary' };

export const stateText = (t: T, s: FindingState) =>
  ({ open: t('recon.state.open', 'Open'), ignored: t('recon.state.ignored', 'Ignored'), fixed: t('recon.state.fixed', 'Fixed') })[s];

/** A value in a side-by-side view: empty shown as a dash, objects as compact JSON. */
export const shown = (v: unknown): string => (v === null || v === undefined || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
