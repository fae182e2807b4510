import { Box, Button, Flex, LinkButton, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { Page, useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { filtersFromParams } from '../api/history';
import { useHistoryApi, useHistoryRuns } from '../api/history-queries';
import { HistoryFiltersBar, type FilterValues } from '../components/history/HistoryFiltersBar';
import { HistoryTable } from '../components/history/HistoryTable';
import { RunDetailsModal } from '../components/history/RunDetailsModal';
import { RetentionSettings } from '../components/history/RetentionSettings';
import { Pager } from '../components/layout/Pager';
import { DEALERSHIP_PARAM, useSelectedDealership } from '../context/DealershipContext';
import { useUrlFilters } from '../hooks/useUrlFilters';
import { toApiError } from '../utils/apiError';
import { useT } from '../utils/useT';

const PAGE_SIZE = 25;
const FILTERS = ['scope', 'type', 'status', 'trigger', 'from', 'to', 'q'] as const satisfies ReadonlyArray<keyof FilterValues>;

/** Every sync run of the admin's dealerships, filtered on the server; the filters live in the URL. */
const HistoryPage = () => {
  const t = useT();
  const api = useHistoryApi();
  const { toggleNotification } = useNotification();
  const { dealerships } = useSelectedDealership();
  const [params, change] = useUrlFilters<keyof FilterValues>();
  const filters = filtersFromParams(params);
  const { page: currentPage, ...currentFilters } = filters;
  const runs = useHistoryRuns(currentFilters, currentPage, PAGE_SIZE);
  const data = runs.data;
  const error = runs.error ? toApiError(runs.error).message : null;
  const [open, setOpen] = useState<number | null>(null);
  const [exporting, setExporting] = useState<'csv' | 'json' | null>(null);

  const values: FilterValues = {
    scope: params.get('scope') ?? '',
    type: params.get('type') ?? '',
    status: params.get('status') ?? '',
    trigger: params.get('trigger') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    q: params.get('q') ?? '',
  };
  const filtered = FILTERS.some((n) => params.get(n));

  const download = async (format: 'csv' | 'json') => {
    setExporting(format);
    try {
      const blob = await api.export(currentFilters, format);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `easycars-sync-history-${new Date().toISOString().slice(0, 10)}.${format}`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      toggleNotification({ type: 'danger', message: toApiError(e).message });
    } finally {
      setExporting(null);
    }
  };

  if (error && !data) return <Page.Error content={error} />;
  const pagination = data?.meta.pagination;
  const dealershipSearch = params.get(DEALERSHIP_PARAM) ? `?${DEALERSHIP_PARAM}=${encodeURIComponent(params.get(DEALERSHIP_PARAM)!)}` : '';

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius tag="section" aria-labelledby="history-title">
        <Flex justifyContent="space-between" wrap="wrap" gap={4} paddingBottom={4}>
          <Typography variant="beta" tag="h2" id="history-title">{t('history.title', 'Sync history')}</Typography>
          <Flex gap={2} wrap="wrap">
            <Button variant="secondary" startIcon={<Download />} loading={exporting === 'csv'} disabled={!pagination?.total} onClick={() => void download('csv')}>
              {t('history.export.csv', 'Export CSV')}
            </Button>
            <Button variant="secondary" startIcon={<Download />} loading={exporting === 'json'} disabled={!pagination?.total} onClick={() => void download('json')}>
              {t('history.export.json', 'Export JSON')}
            </Button>
          </Flex>
        </Flex>
        <HistoryFiltersBar values={values} dealerships={dealerships} onChange={change} />
      </Box>

      <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius tag="section" aria-live="polite">
        {!data ? (
          <Typography textColor="neutral600">{t('history.loading', 'Loading…')}</Typography>
        ) : data.data.length === 0 ? (
          <Flex direction="column" alignItems="flex-start" gap={4} data-testid="history-empty">
            <Typography textColor="neutral600">
              {filtered
                ? t('history.empty.filtered', 'No sync run matches these filters.')
                : t('history.empty.none', 'No syncs yet. Connect a dealership to EasyCars, then run its first stock sync.')}
            </Typography>
            {filtered ? (
              <Button variant="tertiary" onClick={() => change(Object.fromEntries(FILTERS.map((n) => [n, ''])))}>
                {t('history.clear', 'Clear filters')}
              </Button>
            ) : (
              <Flex gap={2} wrap="wrap">
                <LinkButton tag={Link} to={`../credentials${dealershipSearch}`} variant="secondary">{t('history.empty.credentials', 'Add credentials')}</LinkButton>
                <LinkButton tag={Link} to={`../stock${dealershipSearch}`}>{t('history.empty.sync', 'Go to Sync stock')}</LinkButton>
              </Flex>
            )}
          </Flex>
        ) : (
          <>
            <HistoryTable runs={data.data} onDetails={setOpen} />
            {pagination ? (
              <Pager
                page={pagination.page}
                pageCount={pagination.pageCount}
                onPage={(next) => change({ page: String(next) })}
                label={t('history.pageOfTotal', 'Page {page} of {pageCount} ({total} runs)', { page: pagination.page, pageCount: pagination.pageCount, total: pagination.total })}
              />
            ) : null}
          </>
        )}
      </Box>
      <RetentionSettings />
      {open !== null ? <RunDetailsModal id={open} onClose={() => setOpen(null)} /> : null}
    </Flex>
  );
};

export default HistoryPage;
