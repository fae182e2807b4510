import { Box, Flex, Typography } from '@strapi/design-system';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTheme } from 'styled-components';
import type { TrendDay } from '../../api/dashboard';
import type { DealershipItem } from '../../api/dealerships';
import { ChartDataTable, percentOrDash } from './ChartDataTable';
import { ChartScopeFields } from './ChartScopeFields';
import { useT } from '../../utils/useT';

/** Runs per day by outcome and the success rate over 30 days, for one type and one dealership or all; the same numbers as a table. */
export const TrendChart = ({
  days,
  type,
  scope,
  dealerships,
  onType,
  onScope,
}: {
  days: TrendDay[];
  type: 'stock' | 'leads';
  scope: string;
  dealerships: DealershipItem[];
  onType: (type: 'stock' | 'leads') => void;
  onScope: (scope: string) => void;
}) => {
  const t = useT();
  const theme = useTheme() as any;
  const colors = theme?.colors ?? {};
  const data = days.filter((d) => d.type === type).map((d) => ({ ...d, label: d.day.slice(5) }));
  const labels = { success: t('dashboard.trend.success', 'Succeeded'), warning: t('dashboard.trend.warning', 'Needs attention'), failed: t('dashboard.trend.failed', 'Failed'), rate: t('dashboard.trend.rate', 'Success rate (%)') };
  return (
    <Box background="neutral0" padding={6} hasRadius shadow="tableShadow" tag="section" aria-labelledby="dashboard-trend">
      <Flex justifyContent="space-between" alignItems="flex-end" wrap="wrap" gap={4} paddingBottom={4}>
        <Typography variant="delta" tag="h2" id="dashboard-trend">{t('dashboard.trend.title', 'Runs in the last 30 days')}</Typography>
        <Flex gap={3} wrap="wrap">
          <ChartScopeFields idPrefix="trend" type={type} scope={scope} dealerships={dealerships} onType={onType} onScope={onScope} />
        </Flex>
      </Flex>
      <Box aria-hidden="true" style={{ width: '100%', height: 280 }} data-testid="trend-chart">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid stroke={colors.neutral200} vertical={false} />
            <XAxis dataKey="label" stroke={colors.neutral600} tick={{ fill: colors.neutral600, fontSize: 12 }} interval="preserveStartEnd" />
            <YAxis yAxisId="runs" allowDecimals={false} stroke={colors.neutral600} tick={{ fill: colors.neutral600, fontSize: 12 }} />
            <YAxis yAxisId="rate" orientation="right" domain={[0, 100]} stroke={colors.neutral600} tick={{ fill: colors.neutral600, fontSize: 12 }} />
            <Tooltip contentStyle={{ background: colors.neutral0, border: `1px solid ${colors.neutral200}`, color: colors.neutral800 }} />
            <Legend />
            <Bar yAxisId="runs" dataKey="success" stackId="runs" name={labels.success} fill={colors.success500} />
            <Bar yAxisId="runs" dataKey="warning" stackId="runs" name={labels.warning} fill={colors.warning500} />
            <Bar yAxisId="runs" dataKey="failed" stackId="runs" name={labels.failed} fill={colors.danger500} />
            <Line yAxisId="rate" dataKey="successRate" name={labels.rate} stroke={colors.primary600} dot={false} connectNulls />
          </ComposedChart>
        </ResponsiveContainer>
      </Box>
      <ChartDataTable
        rows={data}
        testId="trend-table"
        columns={[
          { label: labels.success, cell: (d) => d.success },
          { label: labels.warning, cell: (d) => d.warning },
          { label: labels.failed, cell: (d) => d.failed },
          { label: labels.rate, cell: (d) => percentOrDash(d.successRate) },
        ]}
      />
    </Box>
  );
};
