import { Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { useT } from '../../utils/useT';

export interface ChartColumn<Row> {
  label: string;
  cell: (row: Row) => ReactNode;
}

/** A chart's numbers as a table, folded under "The same numbers as a table" (for screen readers and exact values). */
export const ChartDataTable = <Row extends { day: string }>({ rows, columns, testId }: { rows: Row[]; columns: ChartColumn<Row>[]; testId: string }) => {
  const t = useT();
  return (
    <Box paddingTop={4} tag="details">
      <Typography tag="summary" style={{ cursor: 'pointer' }}>{t('dashboard.trend.table', 'The same numbers as a table')}</Typography>
      <Box paddingTop={3}>
        <Table colCount={columns.length + 1} rowCount={rows.length + 1} data-testid={testId}>
          <Thead>
            <Tr>
              <Th><Typography variant="sigma">{t('dashboard.trend.day', 'Day (UTC)')}</Typography></Th>
              {columns.map((c) => (
                <Th key={c.label}><Typography variant="sigma">{c.label}</Typography></Th>
              ))}
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((row) => (
              <Tr key={row.day}>
                <Td><Typography>{row.day}</Typography></Td>
                {columns.map((c) => (
                  <Td key={c.label}><Typography>{c.cell(row)}</Typography></Td>
                ))}
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Box>
    </Box>
  );
};

/** A percentage, or a dash for a day without runs. */
export const percentOrDash = (value: number | null) => (value === null ? '—' : `${value}%`);
