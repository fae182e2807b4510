import { Box, Field, Flex, Grid, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTheme } from 'styled-components';
import { usePerformance } from '../../api/alerts-queries';
import type { DealershipItem } from '../../api/dealerships';
import { ChartDataTable, percentOrDash } from './ChartDataTable';
import { ChartScopeFields } from './ChartScopeFields';
import { toApiError } from '../../utils/apiError';
import { useT } from '../../utils/useT';

const REFRESH_MS = 60_000;
const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);

/**
 * Sync time (average and p95), EasyCars API latency (p95), success rate and throttled requests per
 * day over 30 or 90 days, from the metric rollups (kept 400 days); the same numbers as a table.
 */
export const PerformanceCharts = ({ dealerships }: { dealerships: DealershipItem[] }) => {
  const t = useT();
  const theme = useTheme() as any;
  const colors = theme?.colors ?? {};
  const [days, setDays] = useState(30);
  const [type, setType] = useState<'stock' | 'leads'>('stock');
  const [scope, setScope] = useState('all');
  const query = usePerformance(scope === 'all' ? null : scope, days, REFRESH_MS);
  const series = query.data ?? null;
  const error = query.error ? toApiError(query.error).message : null;

  const data = (series ?? [])
    .filter((d) => d.type === type)
    .map((d) => ({ ...d, label: d.day.slice(5), avgS: seconds(d.avgDurationMs), p95S: seconds(d.p95DurationMs), latencyP95S: seconds(d.p95LatencyMs), latencyAvgS: seconds(d.avgLatencyMs) }));
  const axis = { stroke: colors.neutral600, tick: { fill: colors.neutral600, fontSize: 12 } };
  const tooltip = { contentStyle: { background: colors.neutral0, border: `1px solid ${colors.neutral200}`, color: colors.neutral800 } };
  const labels = {
    avg: t('dashboard.perf.avg', 'Average sync time (s)'),
    p95: t('dashboard.perf.p95', 'p95 sync time (s)'),
    latency: t('dashboard.perf.latency', 'API latency p95 (s)'),
    latencyAvg: t('dashboard.perf.latencyAvg', 'API latency average (s)'),
    rate: t('dashboard.trend.rate', 'Success rate (%)'),
    throttled: t('dashboard.perf.throttled', 'Rate-limited requests'),
  };
  const chart = (title: string, lines: Array<{ key: string; name: string; color: string }>, domain?: [number, number]) => (
    <Grid.Item col={6} s={12} xs={12} direction="column" alignItems="stretch">
      <Typography variant="omega" fontWeight="bold" tag="h3">{title}</Typography>
      <Box aria-hidden="true" style={{ width: '100%', height: 200 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid stroke={colors.neutral200} vertical={false} />
            <XAxis dataKey="label" {...axis} interval="preserveStartEnd" />
            <YAxis {...axis} domain={domain ?? [0, 'auto']} />
            <Tooltip {...tooltip} />
            <Legend />
            {lines.map((l) => (
              <Line key={l.key} dataKey={l.key} name={l.name} stroke={l.color} dot={false} connectNulls isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </Box>
    </Grid.Item>
  );

  return (
    <Box background="neutral0" padding={6} hasRadius shadow="tableShadow" tag="section" aria-labelledby="dashboard-performance" data-testid="performance">
      <Flex justifyContent="space-between" alignItems="flex-end" wrap="wrap" gap={4} paddingBottom={4}>
        <Typography variant="delta" tag="h2" id="dashboard-performance">
          {t('dashboard.perf.title', 'Performance over {days} days', { days })}
        </Typography>
        <Flex gap={3} wrap="wrap">
          <Field.Root name="perf-days" id="perf-days">
            <Field.Label>{t('dashboard.perf.period', 'Period')}</Field.Label>
            <SingleSelect value={String(days)} onChange={(v) => setDays(Number(v))}>
              <SingleSelectOption value="30">{t('dashboard.perf.30', 'Last 30 days')}</SingleSelectOption>
              <SingleSelectOption value="90">{t('dashboard.perf.90', 'Last 90 days')}</SingleSelectOption>
            </SingleSelect>
          </Field.Root>
          <ChartScopeFields idPrefix="perf" type={type} scope={scope} dealerships={dealerships} onType={setType} onScope={setScope} />
        </Flex>
      </Flex>
      {error ? <Typography textColor="danger600" role="alert">{t('dashboard.perf.error', 'Could not load the performance figures: {message}', { message: error })}</Typography> : null}
      {series === null && !error ? <Typography textColor="neutral600">{t('history.loading', 'Loading…')}</Typography> : null}
      {series ? (
        <>
          <Grid.Root gap={6}>
            {chart(t('dashboard.perf.durationTitle', 'Sync time'), [
              { key: 'avgS', name: labels.avg, color: colors.primary600 },
              { key: 'p95S', name: labels.p95, color: colors.warning600 },
            ])}
            {chart(t('dashboard.perf.latencyTitle', 'EasyCars API latency'), [
              { key: 'latencyAvgS', name: labels.latencyAvg, color: colors.primary600 },
              { key: 'latencyP95S', name: labels.latency, color: colors.warning600 },
            ])}
            {chart(t('dashboard.perf.rateTitle', 'Success rate'), [{ key: 'successRate', name: labels.rate, color: colors.success600 }], [0, 100])}
            {chart(t('dashboard.perf.throttledTitle', 'Rate limiting'), [{ key: 'throttled', name: labels.throttled, color: colors.danger600 }])}
          </Grid.Root>
          <ChartDataTable
            rows={data}
            testId="performance-table"
            columns={[
              { label: t('dashboard.perf.runs', 'Runs'), cell: (d) => d.runs },
              { label: labels.avg, cell: (d) => d.avgS ?? '—' },
              { label: labels.p95, cell: (d) => d.p95S ?? '—' },
              { label: labels.latency, cell: (d) => d.latencyP95S ?? '—' },
              { label: labels.rate, cell: (d) => percentOrDash(d.successRate) },
              { label: labels.throttled, cell: (d) => d.throttled },
            ]}
          />
        </>
      ) : null}
    </Box>
  );
};
