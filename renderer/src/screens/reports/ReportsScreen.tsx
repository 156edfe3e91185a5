import { Alert, Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileTarget, RecapTableId, RecapView } from '../../../../electron/core/api/contract';
import { useServices } from '../../api/queries';
import { DateField } from '../../components/DateField';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { useUrlFilters } from '../../components/useUrlFilters';
import { formatDate, formatDateTime, officeToday } from '../../i18n/format';
import { useDocumentFiles } from '../documents/useDocumentFiles';
import { DrillDrawer } from './DrillDrawer';
import { endMonthOf, periodKinds, quarterNumerals, readPeriodChoice, resolvePeriod, type PeriodKind } from './period';
import { useMonthly, useRecap, type DrillCell, type ReportFilter } from './queries';
import { RecapTableView } from './RecapTableView';
import { ReportCharts } from './ReportCharts';
import classes from './Reports.module.css';
import './print.css';

/** Prints the report alone (print.css hides the rest of the window while the body has the class). */
function printReport(): void {
  document.body.classList.add('printing-report');
  const done = () => {
    document.body.classList.remove('printing-report');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

const zoneKey = (zone: string) => (zone === 'Asia/Makassar' ? 'wita' : zone === 'Asia/Jayapura' ? 'wit' : 'wib');

/** What produced the figures, said above them on screen and on paper: office, period, filters, age basis. */
function ReportHeading({ recap, serviceName, hideSmallCounts }: { recap: RecapView; serviceName: string | null; hideSmallCounts: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid="report-heading">
      <Stack gap={2}>
        <Text fw={700} size="lg" data-testid="report-period">
          {recap.officeName} — {recap.periodLabel}
        </Text>
        <Text size="sm">
          {t('reports.heading.dates', { from: formatDate(recap.period.from), to: formatDate(recap.period.to), zone: t(`numbering.zones.${zoneKey(recap.timeZone)}`) })}
        </Text>
        <Text size="sm" data-testid="report-filters">
          {t('reports.heading.service')}: {serviceName ?? t('reports.allServices')}
          {hideSmallCounts ? ` · ${t('reports.heading.suppressed')}` : ''}
        </Text>
        <Text size="sm">
          {t('reports.heading.ageBasis')}: {recap.ageBasis}
        </Text>
        <Text size="xs" c="dimmed">
          {t('reports.heading.generated', { when: formatDateTime(recap.generatedAt) })}
        </Text>
        {recap.closed && (
          <Text size="sm" fw={600}>
            {t('reports.heading.closed', { when: formatDateTime(recap.closed.at), by: recap.closed.by })}
            {recap.closed.note ? ` — ${recap.closed.note}` : ''}
          </Text>
        )}
        {recap.amendments.length > 0 && (
          <Stack gap={0}>
            <Text size="sm" fw={600}>
              {t('reports.heading.amendments')}
            </Text>
            {recap.amendments.map((a) => (
              <Text key={a} size="sm">
                • {a}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The office's numbers for a period (Laporan): the SIMFONI-PPA recap, service-standard
 * compliance and workload, every table from the core's data with its totals and notes;
 * charts of what reads better as a picture; each count opens the cases behind it; the whole
 * as .xlsx, a table as CSV, the Laporan Bulanan as .docx, or printed. The period and filters
 * live in the address, on the office's calendar.
 */
export function ReportsScreen() {
  const { t } = useTranslation();
  const filters = useUrlFilters();
  const services = useServices();
  const files = useDocumentFiles();
  const today = officeToday();
  const thisYear = Number(today.slice(0, 4));
  const choice = readPeriodChoice(filters.get, today);
  const period = resolvePeriod(choice, today);
  const serviceCode = filters.get('service') || null;
  const hideSmallCounts = filters.get('hide') === '1';
  const filter: ReportFilter | null = period ? { period, serviceCode } : null;
  const recap = useRecap(filter);
  const monthly = useMonthly(period ? endMonthOf(period) : null, serviceCode);
  const [drill, setDrill] = useState<{ cell: DrillCell; label: string } | null>(null);

  // A period or service chosen again closes the list of the old figure.
  const filterKey = JSON.stringify(filter);
  useEffect(() => setDrill(null), [filterKey]);

  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));
  if (!years.includes(String(choice.year))) years.push(String(choice.year));
  const serviceName = serviceCode ? (services.data?.find((s) => s.code === serviceCode)?.definition.shortName ?? serviceCode) : null;

  const target = (format: 'xlsx' | 'csv' | 'docx', table?: RecapTableId): FileTarget | null =>
    period ? { kind: 'report', period, serviceCode, format, ...(table ? { table } : {}), hideSmallCounts } : null;
  const save = (format: 'xlsx' | 'csv' | 'docx', table?: RecapTableId) => {
    const chosen = target(format, table);
    if (chosen) files.save(chosen);
  };
  // The address names the whole period, so a saved or shared link keeps meaning the same dates;
  // a from–to range starts from the period shown until now.
  // Both ends are written together, from the newest values shown: a change to one end never
  // puts back an older value of the other.
  const range = useRef({ from: choice.from, to: choice.to });
  range.current = { from: choice.from, to: choice.to };
  const setRangeEnd = (end: 'from' | 'to', value: string | null) => {
    range.current = { ...range.current, [end]: value };
    filters.setMany({ from: range.current.from ?? '', to: range.current.to ?? '' });
  };
  const setKind = (kind: PeriodKind) => {
    const parts = { p: kind === 'month' ? '' : kind, q: '', y: '', from: '', to: '' };
    if (kind === 'quarter') Object.assign(parts, { q: String(choice.quarter), y: String(choice.year) });
    if (kind === 'year') parts.y = String(choice.year);
    if (kind === 'range') Object.assign(parts, { from: choice.from ?? period?.from ?? '', to: choice.to ?? period?.to ?? '' });
    filters.setMany(parts);
  };

  return (
    <Stack gap="md" maw={1400} className={classes.report}>
      <Stack gap={2} className={classes.noPrint}>
        <Title order={1} size="h2">
          {t('reports.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('reports.intro')}
        </Text>
      </Stack>

      <Group gap="sm" align="flex-end" wrap="wrap" className={classes.noPrint} role="search" aria-label={t('reports.filters')}>
        <NativeSelect
          label={t('reports.period.label')}
          value={choice.kind}
          onChange={(e) => setKind(e.currentTarget.value as PeriodKind)}
          data={periodKinds.map((k) => ({ value: k, label: t(`reports.period.${k}`) }))}
          data-testid="period-kind"
        />
        {choice.kind === 'quarter' && (
          <NativeSelect
            label={t('reports.period.quarterLabel')}
            value={String(choice.quarter)}
            onChange={(e) => filters.set('q', e.currentTarget.value)}
            data={quarterNumerals.map((n, i) => ({ value: String(i + 1), label: t('reports.period.quarterN', { n }) }))}
            data-testid="period-quarter"
          />
        )}
        {(choice.kind === 'quarter' || choice.kind === 'year') && (
          <NativeSelect
            label={t('reports.period.yearLabel')}
            value={String(choice.year)}
            onChange={(e) => filters.set('y', e.currentTarget.value)}
            data={years}
            data-testid="period-year"
          />
        )}
        {choice.kind === 'range' && (
          <>
            <DateField
              label={t('reports.period.from')}
              value={choice.from}
              onChange={(v) => setRangeEnd('from', v)}
              w={160}
              data-testid="period-from"
            />
            <DateField
              label={t('reports.period.to')}
              value={choice.to}
              onChange={(v) => setRangeEnd('to', v)}
              w={160}
              data-testid="period-to"
            />
          </>
        )}
        <NativeSelect
          label={t('reports.service')}
          value={serviceCode ?? ''}
          onChange={(e) => filters.set('service', e.currentTarget.value)}
          data={[{ value: '', label: t('reports.allServices') }, ...(services.data ?? []).map((s) => ({ value: s.code, label: s.definition.shortName }))]}
          data-testid="report-service"
        />
      </Group>

      <Group gap="sm" className={classes.noPrint} wrap="wrap">
        <Button disabled={!period || files.busy} onClick={() => save('xlsx')} data-testid="export-xlsx">
          {t('reports.exportXlsx')}
        </Button>
        <Button variant="default" disabled={!period || files.busy} onClick={() => save('docx')} data-testid="export-docx">
          {t('reports.exportDocx')}
        </Button>
        <Button variant="default" disabled={!recap.data} onClick={printReport} data-testid="print-report">
          {t('reports.print')}
        </Button>
        <Checkbox
          label={t('reports.hideSmallCounts')}
          description={t('reports.hideSmallCountsHint')}
          checked={hideSmallCounts}
          onChange={(e) => filters.set('hide', e.currentTarget.checked ? '1' : '')}
          data-testid="hide-small"
        />
      </Group>

      {!period ? (
        <Alert color="gray" variant="light">
          {t('reports.period.incomplete')}
        </Alert>
      ) : recap.isPending ? (
        <Loading />
      ) : recap.isError ? (
        <FormError error={recap.error} />
      ) : (
        <Stack gap="lg" data-testid="report">
          <ReportHeading recap={recap.data} serviceName={serviceName} hideSmallCounts={hideSmallCounts} />
          <ReportCharts recap={recap.data} monthly={monthly.data} />
          {recap.data.tables.map((table) => (
            <RecapTableView
              key={table.id}
              table={table}
              hideSmallCounts={hideSmallCounts}
              busy={files.busy}
              onCsv={() => save('csv', table.id)}
              onDrill={(cell, label) => setDrill({ cell, label: `${label} — ${recap.data.periodLabel}` })}
            />
          ))}
        </Stack>
      )}

      <DrillDrawer filter={filter} cell={drill?.cell ?? null} label={drill?.label ?? ''} onClose={() => setDrill(null)} />
      {files.modal}
    </Stack>
  );
}

export default ReportsScreen;
