import ExcelJS from 'exceljs';
import type { RecapTable, RecapTableId, RecapView } from '../api/contract-reports';
import { localDateOf, localTimeOfDayMs, OFFICE_TIME_ZONES, type OfficeTimeZone } from '../calendar';
import { csvCell } from '../documents';
import { formatDate } from '../text';

/**
 * The recap as files for outside the register: the tables' labels and counts only (no name,
 * NIK or address is ever in a recap), with the office, the period, the filters and the time
 * made on every sheet.
 */

/** Tables whose small counts could point at a person in a small place. */
export const SMALL_AREA_TABLES: readonly RecapTableId[] = ['byKecamatan', 'byKelurahan'];
export const SMALL_COUNT = 3;
const HIDDEN = '< 3';

export type Figure = string | number | null;

/** A table as rows of figures, ready for any format; small counts already hidden when asked. */
export interface TableGrid {
  id: RecapTableId;
  title: string;
  header: string[];
  rows: Figure[][];
  totals: Figure[] | null;
  notes: string[];
}

export function tableGrid(t: RecapTable, hideSmallCounts: boolean): TableGrid {
  const hide = hideSmallCounts && SMALL_AREA_TABLES.includes(t.id);
  const shown = (v: number | null, kind: string): Figure => (hide && kind === 'count' && v !== null && v > 0 && v < SMALL_COUNT ? HIDDEN : v);
  const notes = hide ? [...t.notes, `Angka 1 dan 2 ditampilkan sebagai "${HIDDEN}" agar tidak menunjuk orang tertentu.`] : t.notes;
  return {
    id: t.id,
    title: t.title,
    header: ['Uraian', ...t.columns.map((c) => c.label + (c.kind === 'percent' ? ' (%)' : ''))],
    rows: t.rows.map((r) => [r.label, ...r.cells.map((c, i) => shown(c.value, t.columns[i]!.kind))]),
    totals: t.totals ? ['Jumlah', ...t.totals] : null,
    notes,
  };
}

export interface ExportMeta {
  office: string;
  period: string;
  filters: string;
  made: string;
}

/** "7 Desember 2026 23.40 WIB" */
export function madeAt(iso: string, tz: OfficeTimeZone): string {
  const at = new Date(iso);
  const minutes = Math.floor(localTimeOfDayMs(at, tz) / 60_000);
  return `${formatDate(localDateOf(at, tz))} ${String(Math.floor(minutes / 60)).padStart(2, '0')}.${String(minutes % 60).padStart(2, '0')} ${OFFICE_TIME_ZONES[tz].label}`;
}

export function exportMeta(view: RecapView, serviceName: string | null, hideSmallCounts: boolean): ExportMeta {
  const tz = view.timeZone as OfficeTimeZone;
  const filters = [serviceName ? `Layanan: ${serviceName}` : 'Semua layanan', hideSmallCounts ? 'angka kecil per wilayah disembunyikan' : ''].filter(Boolean).join('; ');
  return {
    office: view.officeName,
    period: `${view.periodLabel} (${formatDate(view.period.from)} – ${formatDate(view.period.to)}, ${OFFICE_TIME_ZONES[tz].label})`,
    filters,
    made: madeAt(view.generatedAt, tz),
  };
}

const metaLines = (m: ExportMeta): [string, string][] => [
  ['Kantor', m.office],
  ['Periode', m.period],
  ['Filter', m.filters],
  ['Dibuat', m.made],
];

/** Text a spreadsheet would read as a formula. */
const FORMULA_LIKE = /^[=+\-@\t\r]/;

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28).trim();
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 26)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

/** The recap as a workbook: one sheet per table, header rows frozen, figures as numbers, text as text. */
export async function recapXlsx(grids: TableGrid[], meta: ExportMeta, ageBasis: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Teduh';
  wb.created = new Date(0);
  const used = new Set<string>();
  for (const g of grids) {
    const ws = wb.addWorksheet(sheetName(g.title, used));
    const put = (row: ExcelJS.Row, values: Figure[], bold = false) => {
      values.forEach((v, i) => {
        const cell = row.getCell(i + 1);
        cell.value = v;
        // A string is stored as text, never as a formula; the text format keeps a spreadsheet
        // from re-reading "=..." as one when the cell is edited.
        if (typeof v === 'string' && FORMULA_LIKE.test(v)) cell.numFmt = '@';
        if (bold) cell.font = { bold: true };
      });
    };
    put(ws.addRow([]), [g.title], true);
    for (const [k, v] of metaLines(meta)) put(ws.addRow([]), [k, v]);
    ws.addRow([]);
    const header = ws.addRow([]);
    put(header, g.header, true);
    const frozen = header.number;
    for (const r of g.rows) put(ws.addRow([]), r);
    if (g.totals) put(ws.addRow([]), g.totals, true);
    ws.addRow([]);
    for (const n of [...g.notes, ageBasis]) put(ws.addRow([]), [n]);
    ws.views = [{ state: 'frozen', xSplit: 1, ySplit: frozen }];
    ws.getColumn(1).width = 42;
    for (let i = 2; i <= g.header.length; i++) ws.getColumn(i).width = Math.min(24, Math.max(10, g.header[i - 1]!.length + 2));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One table as CSV: semicolons and a BOM, as the letter register's CSV. */
export function recapCsv(g: TableGrid, meta: ExportMeta): string {
  const lines: Figure[][] = [[g.title], ...metaLines(meta), [], g.header, ...g.rows, ...(g.totals ? [g.totals] : []), [], ...g.notes.map((n) => [n])];
  return `\ufeff${lines.map((l) => l.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
