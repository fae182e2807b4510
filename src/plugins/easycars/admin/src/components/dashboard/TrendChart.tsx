import { Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTheme } from 'styled-components';
import type { TrendDay } from '../../api/dashboard';
import type { DealershipItem } from '../../api/dealerships';
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
      <Box paddingTop={4} tag="details">
        <Typography tag="summary" style={{ cursor: 'pointer' }}>{t('dashboard.trend.table', 'The same numbers as a table')}</Typography>
        <Box paddingTop={3}>
          <Table colCount={5} rowCount={data.length + 1} data-testid="trend-table">
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{t('dashboard.trend.day', 'Day (UTC)')}</Typography></Th>
                <Th><Typography variant="sigma">{labels.success}</Typography></Th>
                <Th><Typography variant="sigma">{labels.warning}</Typography></Th>
                <Th><Typography variant="sigma">{labels.failed}</Typography></Th>
                <Th><Typography variant="sigma">{labels.rate}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {data.map((d) => (
                <Tr key={d.day}>
                  <Td><Typography>{d.day}</Typography></Td>
                  <Td><Typography>{d.success}</Typography></Td>
                  <Td><Typography>{d.warning}</Typography></Td>
                  <Td><Typography>{d.failed}</Typography></Td>
                  <Td><Typography>{d.successRate === null ? '—' : `${d.successRate}%`}</Typography></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Box>
      </Box>
    </Box>
  );
};
