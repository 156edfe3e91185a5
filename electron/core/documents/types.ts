import type { Role } from '../api/roles';
import type { CollectionKind } from '../services/types';

/**
 * The office's documents as data: each type is one description (header form, numbering,
 * who may make it, whose identity it may show, its body as blocks of text with `{key}`
 * placeholders). One engine lays every one of them out.
 */

export const documentTypeCodes = [
  'surat_undangan_mediasi',
  'surat_pemberitahuan_penolakan',
  'surat_pemberitahuan_tidak_dapat_dimediasi',
  'surat_keputusan',
  'surat_perintah_tugas',
  'surat_rujukan',
  'berita_acara_mediasi',
  'nota_kesepakatan_pendampingan',
  'laporan_penanganan',
  'laporan_terminasi_monitoring',
  'formulir_pengaduan',
  'tanda_terima_pengaduan',
  'balasan_pengaduan_layanan',
  'lembar_kode_pemulihan',
  'titik_jejak_audit',
  'laporan_bulanan',
] as const;
export type DocumentTypeCode = (typeof documentTypeCodes)[number];

/**
 * Sheets made on request and never stored: the recovery code (it would hold the key to the
 * register) and the audit anchor (its worth is being kept outside the register).
 */
export const sheetTypeCodes = ['lembar_kode_pemulihan', 'titik_jejak_audit', 'laporan_bulanan'] as const;
export type SheetTypeCode = (typeof sheetTypeCodes)[number];

/** Types stored in the register. */
export type StoredTypeCode = Exclude<DocumentTypeCode, SheetTypeCode>;

export function isStoredType(code: DocumentTypeCode): code is StoredTypeCode {
  return !(sheetTypeCodes as readonly string[]).includes(code);
}

/** The stored types, for schemas: a non-empty tuple. */
export const storedTypeCodes = documentTypeCodes.filter(isStoredType) as [StoredTypeCode, ...StoredTypeCode[]];

/**
 * A text with placeholders: `{case.registerNo}`, or `{name}` for a field of the row being
 * repeated. An empty value prints as a dotted line to be filled in by hand.
 */
export type Template = string;

/** Shown only when the value under this key is non-empty (a text) or has rows (a list). */
interface Conditional {
  when?: string;
  unless?: string;
}

export type FieldValue = Template | { list: Template[]; style: 'numbers' | 'letters' };

export type Block =
  /** A paragraph of the body, justified. */
  | ({ kind: 'paragraph'; text: Template; align?: 'justify' | 'center' | 'left' | 'right'; bold?: boolean; indent?: boolean } & Conditional)
  /** A section heading ("A. IDENTITAS PELAPOR"). */
  | ({ kind: 'heading'; text: Template; center?: boolean } & Conditional)
  /** Label : value lines, without borders. */
  | ({ kind: 'fields'; rows: ({ label: Template; value: FieldValue } & Conditional)[]; indent?: boolean; labelWidthCm?: number } & Conditional)
  /** A numbered (or lettered) list of fixed items, or one item per row of a list. */
  | ({ kind: 'list'; items: Template[] | { from: string; item: Template }; style?: 'numbers' | 'letters'; indent?: boolean } & Conditional)
  /** A bordered table, one row per row of a list. */
  | ({ kind: 'table'; from: string; columns: { header: string; value: Template; widthCm: number }[]; numbered?: boolean; empty?: Template } & Conditional)
  /** Tables of figures whose columns come with the data (a report's recap tables): title, header, rows, total row, notes. */
  | ({ kind: 'figures'; from: string } & Conditional)
  /** The blocks again for each row of a list (each party with their details). */
  | ({ kind: 'each'; from: string; blocks: Block[] } & Conditional)
  /** Signature blocks: see `SignatureLayout`. */
  | ({ kind: 'signatures'; layout: SignatureLayout } & Conditional)
  /** "Tembusan:" and the copies, when there are any. */
  | { kind: 'tembusan' }
  /** Large fixed-width characters (the recovery code). */
  | { kind: 'code'; text: Template }
  /** An empty line. */
  | { kind: 'space' };

export type SignatureLayout =
  /** The signing official alone, on the right: date line, position, name, rank, NIP. */
  | { kind: 'signer'; dateLine?: 'none' | 'place_date' | 'ditetapkan' | 'dikeluarkan' }
  /** The author on the right under the place and date, "Mengetahui," the signing official on the left. */
  | { kind: 'author_and_signer'; authorCaption: Template }
  /** The author alone on the right under the place and date (receipts). */
  | { kind: 'author'; caption: Template }
  /** Two named persons side by side: left and right (the form's reporter and officer). */
  | { kind: 'pair'; left: { caption: Template; name: Template }; right: { caption: Template; name: Template }; dateLine?: boolean }
  /** Everyone in a list signs, two to a row; then "Mengetahui," the signing official. */
  | { kind: 'everyone'; from: string; acknowledge: boolean };

/** Which names a document may print: children (UU SPPA art. 19, UU PDP) or every person by initials. */
export type IdentityPolicy = 'full' | 'children_initials' | 'initials';

/** The layout the page starts with. */
export type DocumentForm =
  /** A letter: Nomor / Sifat / Lampiran / Hal, place and date, "Yth." and the addressee. */
  | 'letter'
  /** A titled document: the title centred, its number under it. */
  | 'titled';

export interface DocumentTypeDef {
  code: DocumentTypeCode;
  /** "Surat Undangan Mediasi" */
  title: string;
  /** Short code for the `{kode}` token of a letter number and for file names. */
  shortCode: string;
  form: DocumentForm;
  /** Printed title of a titled document (capitals), when not the title itself. */
  heading?: Template;
  /** Second title line under the heading (the "TENTANG ..." of a decree). */
  subheading?: Template;
  /** Whether it takes a number from a series (an entry in the letter register). */
  numbered: boolean;
  /** The series it shares by default (types with the same series share one sequence). */
  defaultSeries: string;
  /** Who may make it; heads and the secretariat may void any. */
  makers: readonly Role[];
  identity: IdentityPolicy;
  /** Whether NIKs may be printed (adults only; a child's never unless identity is full). */
  showNik: boolean;
  /** Where it can be made from: the steps whose products name it, steps keeping these collections, or anywhere in a case. */
  sources: { collections?: CollectionKind[]; anyStepOf?: ('case' | 'service_complaint')[]; none?: boolean };
  /** What must exist before it can be made at all (otherwise it is refused with the reason). */
  requires?: ('referral' | 'parties' | 'reporter' | 'agreement_points')[];
  /** Letter header defaults (overridable per document). */
  defaults: {
    sifat?: string;
    lampiran?: string;
    hal?: Template;
    addressee?: Template;
    addresseePlace?: Template;
    tembusan?: string[];
  };
  /** Context keys whose emptiness the screen should warn about before making it. */
  expects?: { key: string; label: string }[];
  body: Block[];
}
