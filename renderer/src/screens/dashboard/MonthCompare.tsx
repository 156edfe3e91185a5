import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RecapTable, RecapView } from '../../../../electron/core/api/contract';
import { currentLanguage } from '../../i18n';
import { officeToday } from '../../i18n/format';
import { previousMonth, resolvePeriod } from '../reports/period';
import { useRecap } from '../reports/queries';

/** The grand total of a table: its totals row's row-total cell, or the sum of its totals. */
function grandTotal(table: RecapTable | undefined): number | null {
  if (!table?.totals) return null;
  if (table.rowTotal) return table.totals[table.totals.length - 1] ?? null;
  return table.totals.reduce<number>((sum, v) => sum + (v ?? 0), 0);
}

/** The total of one column of a table, found by its code. */
function columnTotal(table: RecapTable | undefined, code: string): number | null {
  if (!table?.totals) return null;
  const i = table.columns.findIndex((c) => c.code === code);
  return i >= 0 ? (table.totals[i] ?? null) : null;
}

/** The three figures a head compares month on month, read from the recap's own tables. */
export function monthFigures(recap: RecapView | undefined): { cases: number | null; victims: number | null; deadlinesMet: number | null } {
  const table = (id: RecapTable['id']) => recap?.tables.find((x) => x.id === id);
  return {
    cases: grandTotal(table('casesByServiceChannel')),
    victims: grandTotal(table('victimsBySexAge')),
    deadlinesMet: columnTotal(table('deadlinesByService'), 'met'),
  };
}

/** For heads: cases received, victims and deadlines met this month beside last month, with a way into Reports. */
export function MonthCompare() {
  const { t } = useTranslation();
  const today = officeToday();
  const thisMonth = resolvePeriod({ kind: 'month', quarter: 1, year: 0, from: null, to: null }, today)!;
  const lastMonth = previousMonth(thisMonth);
  // Coming back to the dashboard does not read the figures again within a minute (a change to a case does).
  const now = useRecap({ period: thisMonth, serviceCode: null }, 60_000);
  const before = useRecap({ period: lastMonth, serviceCode: null }, 60_000);
  if (now.isError || before.isError) return null;
  const a = monthFigures(now.data);
  const b = monthFigures(before.data);
  const number = (n: number | null) => (n === null ? '–' : new Intl.NumberFormat(currentLanguage() === 'id' ? 'id-ID' : 'en-GB').format(n));
  const change = (x: number | null, y: number | null) => {
    if (x === null || y === null) return '';
    if (x === y) return t('reports.compare.same');
    return t('reports.compare.change', { sign: x > y ? '+' : '−', diff: number(Math.abs(x - y)) });
  };
  const figures = [
    { key: 'cases', label: t('reports.compare.cases'), now: a.cases, before: b.cases },
    { key: 'victims', label: t('reports.compare.victims'), now: a.victims, before: b.victims },
    { key: 'deadlinesMet', label: t('reports.compare.deadlinesMet'), now: a.deadlinesMet, before: b.deadlinesMet },
  ];

  return (
    <Stack gap="sm" data-testid="month-compare">
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h4">
          {t('reports.compare.title')}
        </Title>
        <Anchor component={Link} to="/reports" size="sm">
          {t('reports.compare.open')}
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {figures.map((f) => (
          <Card key={f.key} withBorder padding="sm" data-testid={`compare-${f.key}`}>
            <Text size="sm" c="dimmed">
              {f.label}
            </Text>
            <Group gap="xs" align="baseline">
              <Text size="sm">{t('reports.compare.thisMonth')}:</Text>
              <Text fz={28} fw={700} lh={1.2}>
                {now.isPending ? '…' : number(f.now)}
              </Text>
              <Text size="sm" c="dimmed">
                {t('reports.compare.lastMonth')}: {before.isPending ? '…' : number(f.before)}
              </Text>
            </Group>
            <Text size="xs">{change(f.now, f.before)}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
