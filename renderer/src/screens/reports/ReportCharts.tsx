import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MonthlySeries, RecapTable, RecapView } from '../../../../electron/core/api/contract';
import { currentLanguage } from '../../i18n';
import classes from './Reports.module.css';

/**
 * Colours whose greys differ clearly (about 30 steps apart when printed in black and white),
 * dark and light alternating; every bar also carries its number, so nothing depends on colour.
 */
const shades = ['teal.9', 'orange.5', 'indigo.5', 'yellow.4', 'gray.9', 'cyan.1'] as const;

const wholeNumber = (v: number) => new Intl.NumberFormat(currentLanguage() === 'id' ? 'id-ID' : 'en-GB').format(v);

/** "Des 25": a month short enough that all twelve fit under the chart. */
function shortMonth(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  return new Intl.DateTimeFormat(currentLanguage() === 'id' ? 'id-ID' : 'en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(date);
}

/** The count columns of a table as chart series (only `only`, where given), the row-total column left out. */
function countColumns(table: RecapTable, only?: readonly string[]) {
  const last = table.columns.length - 1;
  return table.columns
    .map((c, i) => ({ ...c, i }))
    .filter((c) => c.kind === 'count' && !(table.rowTotal && c.i === last) && (!only || only.includes(c.code)));
}

/** A table's rows as bars: one bar per count column (or only the row total with `totalOnly`). */
function tableData(table: RecapTable, totalOnly: boolean, only?: readonly string[]) {
  const columns = countColumns(table, only);
  const totalIndex = table.rowTotal ? table.columns.length - 1 : -1;
  const data = table.rows.map((row) => {
    const point: Record<string, string | number> = { category: row.label };
    if (totalOnly) point.total = totalIndex >= 0 ? (row.cells[totalIndex]?.value ?? 0) : row.cells.reduce((s, c) => s + (c.value ?? 0), 0);
    else for (const c of columns) point[c.code] = row.cells[c.i]?.value ?? 0;
    return point;
  });
  return { data, columns };
}

function ChartCard(props: { title: string; caption?: string; testId: string; children: React.ReactNode }) {
  return (
    <Card withBorder padding="sm" className={classes.chartCard} data-testid={props.testId} component="figure" m={0}>
      <Stack gap={4}>
        <Title order={3} size="h5">
          {props.title}
        </Title>
        {props.caption && (
          <Text size="xs" c="dimmed">
            {props.caption}
          </Text>
        )}
        {props.children}
      </Stack>
    </Card>
  );
}

const chartCommon = {
  h: 240,
  withBarValueLabel: true,
  withLegend: true,
  legendProps: { verticalAlign: 'bottom' as const, height: 40 },
  // Lines across the bars' direction only.
  gridAxis: 'x' as const,
  tickLine: 'y' as const,
  // The figures are whole numbers of cases or people.
  yAxisProps: { allowDecimals: false },
  // Every category named under its bars, not every other one.
  xAxisProps: { interval: 0, fontSize: 11 },
  valueFormatter: wholeNumber,
  // A zero needs no label over a bar that is not there.
  valueLabelProps: { formatter: (v: unknown) => (typeof v === 'number' && v > 0 ? wholeNumber(v) : ''), fill: 'var(--mantine-color-black)' },
  // An outline keeps the light shades visible on white paper.
  barProps: { stroke: 'var(--mantine-color-dark-7)', strokeOpacity: 1, strokeWidth: 0.75 },
};

/** A recap table as a bar chart, when it is there; nothing when the recap does not have it. */
function TableChart(props: { table: RecapTable | undefined; title: string; totalOnly?: boolean; horizontal?: boolean; testId: string; columns?: readonly string[] }) {
  const { t } = useTranslation();
  if (!props.table || props.table.rows.length === 0) return null;
  const { data, columns } = tableData(props.table, props.totalOnly ?? false, props.columns);
  const series = props.totalOnly
    ? [{ name: 'total', label: t('reports.total'), color: shades[0] }]
    : columns.map((c, i) => ({ name: c.code, label: c.label, color: shades[i % shades.length]! }));
  return (
    <ChartCard title={props.title} testId={props.testId} caption={t('reports.counted', { unit: t(`reports.units.${props.table.unit}`) })}>
      <BarChart
        {...chartCommon}
        // Room for every category's bars side by side, and for the legend.
        h={props.horizontal ? Math.max(200, (10 + 14 * series.length) * data.length + 70) : chartCommon.h}
        orientation={props.horizontal ? 'vertical' : 'horizontal'}
        gridAxis={props.horizontal ? 'y' : 'x'}
        yAxisProps={props.horizontal ? { width: 190, interval: 0, fontSize: 11 } : chartCommon.yAxisProps}
        xAxisProps={props.horizontal ? { allowDecimals: false } : chartCommon.xAxisProps}
        withLegend={!props.totalOnly}
        data={data}
        dataKey="category"
        series={series}
        aria-label={props.title}
      />
    </ChartCard>
  );
}

/**
 * What a person would rather look at than read: cases per month over the last twelve months
 * by service, forms of violence, victims' age bands by sex, and deadlines met against late.
 */
export function ReportCharts({ recap, monthly }: { recap: RecapView; monthly: MonthlySeries | undefined }) {
  const { t } = useTranslation();
  const table = (id: RecapTable['id']) => recap.tables.find((x) => x.id === id);
  const monthlyData = (monthly?.months ?? []).map((m) => ({ month: shortMonth(m.month), ...m.counts }));

  return (
    <Stack gap="md">
      {monthly && (
        <ChartCard title={t('reports.charts.monthly')} caption={t('reports.charts.monthlyCaption')} testId="chart-monthly">
          <BarChart
            {...chartCommon}
            h={280}
            type="stacked"
            withBarValueLabel={false}
            data={monthlyData}
            dataKey="month"
            series={monthly.services.map((s, i) => ({ name: s.code, label: s.label, color: shades[i % shades.length]! }))}
            aria-label={t('reports.charts.monthly')}
          />
          {/* The month totals in words too: stacked bars hide the figures of thin segments. */}
          <Text size="xs" c="dimmed" data-testid="monthly-totals">
            {monthly.months.map((m) => `${m.label}: ${m.total}`).join(' · ')}
          </Text>
        </ChartCard>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <TableChart table={table('violenceByPlace')} title={t('reports.charts.violence')} totalOnly horizontal testId="chart-violence" />
        <TableChart table={table('victimsBySexAge')} title={t('reports.charts.ageSex')} horizontal testId="chart-age-sex" />
        <TableChart table={table('deadlinesByService')} title={t('reports.charts.deadlines')} columns={['met', 'late']} horizontal testId="chart-deadlines" />
      </SimpleGrid>
    </Stack>
  );
}
