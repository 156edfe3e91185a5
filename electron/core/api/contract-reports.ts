import { z } from 'zod';
import type { MethodSpec } from './contract-kit';
import { method, pagingFields } from './contract-kit';
import type { CaseListResult } from './contract-cases';
import type { DocumentFile } from './contract-documents';

/**
 * The office's numbers: the SIMFONI-PPA recap, service-standard compliance and workload for a
 * period, every table with every row and column (zeros included), counted in SQL on the
 * register; each count can be opened as the list of cases behind it.
 */

const isoDate = z.iso.date('Tanggal tidak valid (YYYY-MM-DD)');

/** A period on the office's calendar (its time zone): from and to inclusive. */
export const periodSchema = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'Tanggal akhir tidak boleh sebelum tanggal awal', path: ['to'] })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 5 * 366 * 86_400_000, { message: 'Periode paling lama 5 tahun', path: ['to'] });
export type Period = z.infer<typeof periodSchema>;

const recapFilters = {
  period: periodSchema,
  /** One service only (null/absent: all). */
  serviceCode: z.string().max(40).nullable().optional(),
};

/** The tables of the recap, in the order they are shown and exported. */
export const recapTableIds = [
  'casesByServiceChannel',
  'personsSummary',
  'victimsBySexAge',
  'victimsChildAdult',
  'violenceByPlace',
  'perpetratorRelation',
  'perpetratorSexAge',
  'victimEducation',
  'victimOccupation',
  'victimMaritalStatus',
  'victimDisability',
  'servicesByOutcome',
  'victimsServed',
  'byKecamatan',
  'byKelurahan',
  'complianceByService',
  'deadlinesByService',
  'approvalsTurnaround',
  'closureReasons',
  'serviceComplaints',
  'workload',
] as const;
export type RecapTableId = (typeof recapTableIds)[number];

export interface RecapCell {
  /** A count, or a figure (days, hours, percent) when the column says so. */
  value: number | null;
  /** Whether the cases behind it can be listed (reports.cases with this table, row and column). */
  drill: boolean;
  /** Hidden in a copy for outside the Dinas (fewer than 3, in kecamatan/kelurahan tables). */
  suppressed?: boolean;
}

export interface RecapTable {
  id: RecapTableId;
  /** Indonesian title (the report's wording); the renderer translates by id. */
  title: string;
  /** What is counted: cases, victims, perpetrators, both (persons), victim-perpetrator pairs, services, deadlines, approvals, staff. */
  unit: 'cases' | 'victims' | 'perpetrators' | 'persons' | 'pairs' | 'services' | 'deadlines' | 'approvals' | 'complaints' | 'staff';
  /** Columns in order; the last is the row total where `rowTotal` is true. */
  columns: { code: string; label: string; kind: 'count' | 'days' | 'hours' | 'percent' }[];
  rowTotal: boolean;
  /** Every row the category has, zeros included, then "Tidak diketahui" where a value may be unrecorded. */
  rows: { code: string; label: string; cells: RecapCell[] }[];
  /** Column totals (null for a column whose figures do not add up, e.g. medians). */
  totals: (number | null)[] | null;
  /** Said under the table: "Satu korban dapat mengalami lebih dari satu bentuk: dihitung sekali per bentuk", the age basis... */
  notes: string[];
}

export interface RecapView {
  period: Period;
  /** "November 2026", "Triwulan IV 2026", "1 Januari – 15 Maret 2026". */
  periodLabel: string;
  timeZone: string;
  officeName: string;
  serviceCode: string | null;
  /** Ages are taken on the date of the incident where known, else on the date of the report. */
  ageBasis: string;
  generatedAt: string;
  tables: RecapTable[];
  /** Whether a head closed this period after submitting it; then `submitted` holds its figures and `amendments` what changed since. */
  closed: { at: string; by: string; note: string | null } | null;
  amendments: string[];
}

/** Cases received per month for the last 12 months, by service (the dashboard and Reports chart). */
export interface MonthlySeries {
  months: { month: string; label: string; counts: Record<string, number>; total: number }[];
  services: { code: string; label: string }[];
}

export const reportsContract = {
  'reports.recap': method<RecapView>()({
    input: z.object({ ...recapFilters }).strict(),
    access: 'reports.read',
    audit: 'read',
    summary:
      'The recap of a period (SIMFONI-PPA tables, service-standard compliance, workload) counted in SQL in the office time zone: every row and column shown, zeros included, unrecorded values as "Tidak diketahui".',
  }),
  'reports.cases': method<CaseListResult>()({
    input: z
      .object({ ...recapFilters, table: z.enum(recapTableIds), row: z.string().max(80), column: z.string().max(80), ...pagingFields })
      .strict(),
    access: 'reports.read',
    audit: 'read',
    summary: 'The cases behind one count of the recap (masked names, as any list), so a figure can be checked.',
  }),
  'reports.monthly': method<MonthlySeries>()({
    input: z.object({ endMonth: z.string().regex(/^\d{4}-\d{2}$/, 'Bulan tidak valid (YYYY-MM)'), serviceCode: recapFilters.serviceCode }).strict(),
    access: 'reports.read',
    audit: 'read',
    summary: 'Cases received per month for the 12 months ending with endMonth, by service.',
  }),
  'reports.export': method<DocumentFile>()({
    input: z
      .object({
        ...recapFilters,
        format: z.enum(['xlsx', 'csv', 'docx']),
        /** csv: one table. */
        table: z.enum(recapTableIds).optional(),
        /** For copies that leave the Dinas: counts below 3 in the kecamatan and kelurahan tables are hidden. */
        hideSmallCounts: z.boolean().default(false),
      })
      .strict(),
    access: 'reports.read',
    audit: 'read',
    summary:
      'The recap as a file: .xlsx (a sheet per table, office, period, filters and time made on every sheet), CSV of one table, or the Laporan Bulanan (.docx on the letterhead, with a narrative and the head\'s signature block). No name, NIK or address; formula-like cells kept as text.',
  }),
} as const satisfies Record<string, MethodSpec>;
