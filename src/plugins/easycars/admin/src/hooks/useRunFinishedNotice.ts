import { useNotification } from '@strapi/strapi/admin';
import { useEffect, useRef } from 'react';
import { useT } from '../utils/useT';

interface RunLike {
  id: number;
  status: string;
  fetched?: number | null;
  created?: number | null;
  updated?: number | null;
  removed?: number | null;
  failed?: number | null;
}

const TYPE: Record<string, 'success' | 'warning' | 'danger' | 'info'> = {
  success: 'success',
  warning: 'warning',
  partial: 'warning',
  failed: 'danger',
  interrupted: 'danger',
  cancelled: 'info',
};

/** When a run that was queued or running while the page was open finishes, says so with its summary. */
export function useRunFinishedNotice(kind: 'stock' | 'leads', active: RunLike | null | undefined, last: RunLike | null | undefined, statusWords: (status: string) => string) {
  const t = useT();
  const { toggleNotification } = useNotification();
  const watching = useRef<number | null>(null);
  useEffect(() => {
    if (active) {
      watching.current = active.id;
      return;
    }
    if (watching.current !== null && last && last.id === watching.current) {
      const n = (v: number | null | undefined) => v ?? 0;
      const counts =
        kind === 'stock'
          ? t('run.finished.stockCounts', '{fetched} fetched, {created} created, {updated} updated, {removed} removed, {failed} failed', {
              fetched: n(last.fetched), created: n(last.created), updated: n(last.updated), removed: n(last.removed), failed: n(last.failed),
            })
          : t('run.finished.leadCounts', '{fetched} refreshed, {updated} updated, {failed} failed', { fetched: n(last.fetched), updated: n(last.updated), failed: n(last.failed) });
      toggleNotification({
        type: TYPE[last.status] ?? 'info',
        message:
          kind === 'stock'
            ? t('run.finished.stock', 'Stock sync finished: {status} — {counts}.', { status: statusWords(last.status), counts })
            : t('run.finished.leads', 'Lead sync finished: {status} — {counts}.', { status: statusWords(last.status), counts }),
      });
      watching.current = null;
    }
  }, [active?.id, last?.id]); // eslint-disable-line react-hooks/exhaustive-deps
}
