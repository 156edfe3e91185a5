import { Button, Group, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecapTable } from '../../../../electron/core/api/contract';
import { currentLanguage } from '../../i18n';
import type { DrillCell } from './queries';
import classes from './Reports.module.css';

type Column = RecapTable['columns'][number];

/** A figure as the column counts it: "1.234", "4,5 hari", "92,3%". */
export function formatFigure(value: number | null, kind: Column['kind'], t: (key: 'reports.days' | 'reports.hours', o: { value: string }) => string): string {
  if (value === null) return '–';
  const number = new Intl.NumberFormat(currentLanguage() === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: kind === 'count' ? 0 : 1 });
  switch (kind) {
    case 'count':
      return number.format(value);
    case 'percent':
      return `${number.format(value)}%`;
    case 'days':
      return t('reports.days', { value: number.format(value) });
    case 'hours':
      return t('reports.hours', { value: number.format(value) });
  }
}

/**
 * One table of the recap, whatever it counts: its columns, every row (zeros shown), the
 * totals row and the notes under it. A count whose cases can be listed is a button (reached
 * by Tab) that opens them; with `hideSmallCounts`, the counts a copy for outside the Dinas
 * leaves out show as "< 3".
 */
export function RecapTableView(props: { table: RecapTable; hideSmallCounts: boolean; onDrill: (cell: DrillCell, label: string) => void; onCsv: () => void; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const { table } = props;
  // The core's title is the report's own Indonesian wording; other languages translate it by id.
  const title = i18n.language === 'id' ? table.title : t(`reports.tables.${table.id}`);
  const unit = t(`reports.units.${table.unit}`);

  return (
    <Stack gap="xs" className={classes.tableBlock} data-testid={`recap-${table.id}`} component="section" aria-labelledby={`recap-title-${table.id}`}>
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Stack gap={0}>
          <Title order={3} size="h5" id={`recap-title-${table.id}`}>
            {title}
          </Title>
          <Text size="xs" c="dimmed">
            {t('reports.counted', { unit })}
          </Text>
        </Stack>
        <Button variant="subtle" size="compact-xs" className={classes.noPrint} disabled={props.busy} onClick={props.onCsv} aria-label={t('reports.csvOf', { title })}>
          {t('reports.csv')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={Math.min(1200, 220 + table.columns.length * 90)}>
        <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm" className={classes.recapTable}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reports.category')}</Table.Th>
              {table.columns.map((c, i) => (
                <Table.Th key={c.code} scope="col" ta="right" className={table.rowTotal && i === table.columns.length - 1 ? classes.totalCol : undefined}>
                  {c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((row) => (
              <Table.Tr key={row.code}>
                <Table.Th scope="row" fw={400}>
                  {row.label}
                </Table.Th>
                {row.cells.map((cell, i) => {
                  const column = table.columns[i]!;
                  const hidden = props.hideSmallCounts && cell.suppressed === true;
                  const text = hidden ? '< 3' : formatFigure(cell.value, column.kind, t);
                  const isTotal = table.rowTotal && i === table.columns.length - 1;
                  const drillable = cell.drill && !hidden && (cell.value ?? 0) > 0;
                  return (
                    <Table.Td key={column.code} ta="right" className={isTotal ? classes.totalCol : undefined} c={cell.value === 0 ? 'dimmed' : undefined}>
                      {drillable ? (
                        <UnstyledButton
                          className={classes.count}
                          data-testid={`count-${table.id}-${row.code}-${column.code}`}
                          aria-label={t('reports.openCount', { count: cell.value ?? 0, text, row: row.label, column: column.label })}
                          onClick={() => props.onDrill({ table: table.id, row: row.code, column: column.code }, `${title}: ${row.label} · ${column.label}`)}
                        >
                          {text}
                        </UnstyledButton>
                      ) : (
                        text
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
          {table.totals && (
            <Table.Tfoot>
              <Table.Tr className={classes.totalsRow}>
                <Table.Th scope="row">{t('reports.total')}</Table.Th>
                {table.totals.map((value, i) => (
                  <Table.Td key={table.columns[i]?.code ?? i} ta="right" fw={700}>
                    {formatFigure(value, table.columns[i]?.kind ?? 'count', t)}
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
      </Table.ScrollContainer>
      {table.notes.length > 0 && (
        <Stack gap={0} component="ul" className={classes.notes}>
          {table.notes.map((note) => (
            <Text key={note} component="li" size="xs" c="dimmed">
              {note}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
