import type { RecapTable, RecapTableId, RecapView } from '../api/contract-reports';
import { requireSession, type CallContext } from '../api/handler';
import { renderReportDocument, type FigureTable } from '../documents';
import { formatNumber } from '../text';
import type { ExportMeta, Figure, TableGrid } from './files';
import { currentServices } from './recap';

/**
 * The Laporan Bulanan: the recap's tables on the letterhead, a short account written from the
 * figures, and the head's signature block. Laid out by the documents' engine from its
 * description (documents/catalogue.ts, `laporan_bulanan`).
 */

/** Indonesian figures: 1.234 and 9,5. */
export function figureText(v: Figure): string {
  if (v === null) return '-';
  if (typeof v === 'string') return v;
  if (Number.isInteger(v)) return formatNumber(v);
  return v.toFixed(1).replace('.', ',');
}

const table = (view: RecapView, id: RecapTableId): RecapTable => view.tables.find((t) => t.id === id)!;
const cell = (t: RecapTable, row: string, col: string): number => {
  const c = t.columns.findIndex((x) => x.code === col);
  return t.rows.find((r) => r.code === row)?.cells[c]?.value ?? 0;
};
const total = (t: RecapTable, col: string): number => t.totals?.[t.columns.findIndex((x) => x.code === col)] ?? 0;
const n = (v: number): string => formatNumber(v);
const list = (parts: string[]): string => (parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} dan ${parts.at(-1)}`);

/** A few sentences a head can read out: what was received, who the victims were, what was done. */
export function narrative(view: RecapView, shortNames: Record<string, string> = {}): string[] {
  const when = /^[A-Z][a-z]+ \d{4}$/.test(view.periodLabel) ? `Pada bulan ${view.periodLabel}` : `Pada periode ${view.periodLabel}`;
  const out: string[] = [];
  const received = table(view, 'casesByServiceChannel');
  const byService = received.rows.filter((r) => (r.cells.at(-1)?.value ?? 0) > 0).map((r) => `${n(r.cells.at(-1)!.value!)} ${shortNames[r.code] ?? r.label}`);
  const cases = total(received, 'total');
  out.push(`${when} ${view.officeName} menerima ${n(cases)} pengaduan${cases > 0 ? `: ${list(byService)}` : ''}.`);

  const persons = table(view, 'personsSummary');
  const victims = cell(persons, 'victims', 'total');
  if (victims > 0) {
    const sexes = [['P', 'perempuan'], ['L', 'laki-laki'], ['unknown', 'tidak diketahui jenis kelaminnya']]
      .map(([code, word]) => [cell(persons, 'victims', code!), word] as const)
      .filter(([v]) => v > 0)
      .map(([v, word]) => `${n(v)} ${word}`);
    const ages = table(view, 'victimsChildAdult');
    const groups = [['anak', 'anak'], ['dewasa', 'dewasa'], ['unknown', 'tidak diketahui umurnya']]
      .map(([code, word]) => [cell(ages, code!, 'total'), word] as const)
      .filter(([v]) => v > 0)
      .map(([v, word]) => `${n(v)} ${word}`);
    out.push(`Korban tercatat ${n(victims)} orang (${sexes.join(', ')}), terdiri dari ${list(groups)}; pelaku tercatat ${n(cell(persons, 'perpetrators', 'total'))} orang.`);
    const forms = table(view, 'violenceByPlace');
    const top = forms.rows.filter((r) => r.code !== 'unknown').sort((a, b) => (b.cells.at(-1)?.value ?? 0) - (a.cells.at(-1)?.value ?? 0))[0];
    const topCount = top?.cells.at(-1)?.value ?? 0;
    if (top && topCount > 0) out.push(`Bentuk kekerasan yang paling banyak dialami korban adalah kekerasan ${top.label.toLowerCase()} (${n(topCount)} korban).`);
    const served = table(view, 'victimsServed');
    const pct = served.totals?.[2];
    out.push(`Sebanyak ${n(total(served, 'served'))} dari ${n(total(served, 'victims'))} korban${pct === null || pct === undefined ? '' : ` (${figureText(pct)}%)`} telah mendapat layanan.`);
  }

  const compliance = table(view, 'complianceByService');
  out.push(`Pada periode ini ${n(total(compliance, 'closed'))} kasus ditutup, dan ${n(total(compliance, 'open'))} kasus masih berjalan pada akhir periode.`);
  const complaints = table(view, 'serviceComplaints');
  const got = total(complaints, 'received');
  if (got > 0) out.push(`Pengaduan tentang layanan diterima ${n(got)} kali; ${n(total(complaints, 'in_time'))} dijawab tepat waktu, ${n(total(complaints, 'late'))} terlambat, ${n(total(complaints, 'running') + total(complaints, 'overdue'))} belum dijawab.`);
  return out;
}

const printed = (g: TableGrid): FigureTable => ({
  title: g.title,
  header: g.header,
  rows: g.rows.map((r) => r.map(figureText)),
  total: g.totals ? g.totals.map(figureText) : null,
  notes: g.notes,
});

export async function recapDocx(ctx: CallContext, view: RecapView, grids: TableGrid[], meta: ExportMeta): Promise<Buffer> {
  const me = requireSession(ctx);
  const monthly = /^[A-Z][a-z]+ \d{4}$/.test(view.periodLabel);
  return renderReportDocument(ctx.reg.db.db, 'laporan_bulanan', ctx.now, me.userId, {
    values: {
      kind: monthly ? 'BULANAN' : 'BERKALA',
      period: meta.period,
      periodUpper: view.periodLabel.toUpperCase(),
      filters: meta.filters,
      made: meta.made,
      ageBasis: view.ageBasis,
    },
    lists: { narrative: narrative(view, Object.fromEntries(currentServices(ctx.reg.db.sqlite).map((s) => [s.code, s.def.shortName]))).map((text) => ({ text })) },
    figures: { tables: grids.map(printed) },
  });
}
