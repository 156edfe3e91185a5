import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Period, RecapTableId } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { keys } from '../../api/queries';

/** The filters every report call shares: the period and, optionally, one service. */
export interface ReportFilter {
  period: Period;
  serviceCode: string | null;
}

/** Cached under 'reports', which a change to any case makes stale (api/queries staleOnChange). */
export const reportKeys = {
  all: keys.reportsAll,
  recap: (f: ReportFilter) => ['reports', 'recap', f] as const,
  monthly: (endMonth: string, serviceCode: string | null) => ['reports', 'monthly', endMonth, serviceCode] as const,
  cases: (f: ReportFilter, cell: DrillCell, page: number) => ['reports', 'cases', f, cell, page] as const,
};

/** One count of the recap, opened as the cases behind it. */
export interface DrillCell {
  table: RecapTableId;
  row: string;
  column: string;
}

/** `staleTime`: how long a recap already read is shown again without asking (each read is audited). */
export function useRecap(filter: ReportFilter | null, staleTime = 0) {
  return useQuery({
    staleTime,
    queryKey: reportKeys.recap(filter ?? { period: { from: '', to: '' }, serviceCode: null }),
    queryFn: () => call('reports.recap', { period: filter!.period, serviceCode: filter!.serviceCode }),
    enabled: filter !== null,
    placeholderData: keepPreviousData,
  });
}

export function useMonthly(endMonth: string | null, serviceCode: string | null) {
  return useQuery({
    queryKey: reportKeys.monthly(endMonth ?? '', serviceCode),
    queryFn: () => call('reports.monthly', { endMonth: endMonth!, serviceCode }),
    enabled: endMonth !== null,
    placeholderData: keepPreviousData,
  });
}

export function useDrillCases(filter: ReportFilter | null, cell: DrillCell | null, page: number, pageSize: number) {
  return useQuery({
    queryKey: reportKeys.cases(filter ?? { period: { from: '', to: '' }, serviceCode: null }, cell ?? { table: 'workload', row: '', column: '' }, page),
    queryFn: () => call('reports.cases', { period: filter!.period, serviceCode: filter!.serviceCode, ...cell!, page, pageSize }),
    enabled: filter !== null && cell !== null,
    placeholderData: keepPreviousData,
  });
}
