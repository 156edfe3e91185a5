import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { settings } from '../db/schema';
import { documentCatalogue } from './catalogue';
import { numberedTypeCodes, type DocumentFont, type NumberedTypeCode, type PaperSize } from './options';

/**
 * How the office's documents look and are numbered: paper, font, top margin (left 3 cm,
 * right 2 cm and bottom 2.5 cm are fixed by Tata Naskah Dinas), the letter number pattern,
 * and per numbered type its series (types naming the same series share one sequence), its
 * classification code and unit code. Stored as the `documents` settings row.
 */

export interface TypeNumbering {
  /** Types naming the same series share one sequence. */
  series: string;
  /** Kode klasifikasi arsip, e.g. "400.10". */
  classification: string;
  /** Unit code for this type; empty: the office's unit code. */
  unitCode: string;
  /** Pattern for this type; empty: the office's pattern. */
  pattern: string;
}

export interface DocumentSettings {
  paper: PaperSize;
  font: DocumentFont;
  fontSizePt: number;
  marginTopCm: number;
  /** Tokens: {klasifikasi} {urut} {urut:N} {unit} {tahun} {bulan} {bulan_romawi} {kode}. */
  numberPattern: string;
  unitCode: string;
  /** The official who signs letters when the person making one names nobody else. */
  defaultSignerId: string | null;
  types: Record<NumberedTypeCode, TypeNumbering>;
}

export const DEFAULT_DOCUMENT_SETTINGS: DocumentSettings = {
  paper: 'F4',
  font: 'Arial',
  fontSizePt: 12,
  marginTopCm: 2,
  numberPattern: '{klasifikasi}/{urut:3}/{unit}/{tahun}',
  unitCode: 'UPTD-PPA',
  defaultSignerId: null,
  // Letters share the office pattern; decrees, assignment orders, minutes, agreements and
  // reports run their own series and carry their code at the end, so no two series can
  // print the same number.
  types: Object.fromEntries(
    numberedTypeCodes.map((c) => {
      const series = documentCatalogue[c].defaultSeries;
      return [c, { series, classification: '400.10', unitCode: '', pattern: series === 'surat_keluar' ? '' : '{klasifikasi}/{urut:3}/{unit}/{tahun}/{kode}' }];
    }),
  ) as Record<NumberedTypeCode, TypeNumbering>,
};

export const DOCUMENT_SETTINGS_KEY = 'documents';

export function readDocumentSettings(db: Db): DocumentSettings & { version: number } {
  const row = db.select().from(settings).where(eq(settings.id, DOCUMENT_SETTINGS_KEY)).get();
  const stored = (row?.value as Partial<DocumentSettings> | undefined) ?? {};
  const types = { ...DEFAULT_DOCUMENT_SETTINGS.types };
  for (const c of numberedTypeCodes) types[c] = { ...types[c], ...(stored.types?.[c] ?? {}) };
  return { ...DEFAULT_DOCUMENT_SETTINGS, ...stored, types, version: row?.version ?? 1 };
}
