import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { DocContext, FigureTable, Row } from './context';
import { FIXED_MARGINS_CM } from './options';
import type { DocumentSettings } from './settings';
import type { Block, DocumentTypeDef, FieldValue, SignatureLayout, Template } from './types';

/**
 * The one layout engine: letterhead (kop surat), the header of a letter or the title of a
 * titled document, the body blocks of the type's description, signatures and Tembusan,
 * on F4 or A4 with the office's font. Reads a `DocumentTypeDef`; knows no document type.
 */

export interface Letterhead {
  governmentLine: string;
  name: string;
  address: string;
  city: string;
  postcode: string;
  phone: string;
  email: string;
  website: string;
  logo: { bytes: Buffer; mime: string } | null;
}

export interface LetterHeader {
  number: string;
  sifat: string;
  lampiran: string;
  hal: string;
  addressee: string;
  addresseePlace: string;
  tembusan: string[];
}

export interface RenderInput {
  type: DocumentTypeDef;
  ctx: DocContext;
  letterhead: Letterhead;
  header: LetterHeader;
  settings: Pick<DocumentSettings, 'paper' | 'font' | 'fontSizePt' | 'marginTopCm'>;
  /** Receives every placeholder the context has no value for (a layout mistake). */
  onUnknownKey?: (key: string) => void;
}

/** What an empty value prints as: a line to be completed by hand. */
export const BLANK = '....................';

const TWIPS_PER_CM = 566.929;
const cm = (x: number) => Math.round(x * TWIPS_PER_CM);
const PAPER = { F4: { width: cm(21.5), height: cm(33) }, A4: { width: 11906, height: 16838 } } as const;

type Scope = Row | null;
type Body = (Paragraph | Table)[];

/** Fills `{key}` placeholders: the row first, then the document's values. */
export function fillTemplate(template: Template, ctx: DocContext, scope: Scope = null, onUnknown?: (key: string) => void): string {
  return template.replace(/\{([A-Za-z0-9_.]+)\}/g, (_m, key: string) => {
    const v = scope && key in scope ? scope[key] : ctx.values[key];
    if (v === undefined) {
      onUnknown?.(key);
      return BLANK;
    }
    // Clauses are optional by nature ("", or ", dengan mediator ..."); anything else empty is a blank to fill in.
    if (v === '' && !/clause$/i.test(key)) return BLANK;
    return v;
  });
}

export function isShown(key: string | undefined, ctx: DocContext, scope: Scope): boolean {
  if (key === undefined) return true;
  if (scope && key in scope) return scope[key] !== '';
  if (key in ctx.lists) return (ctx.lists[key]?.length ?? 0) > 0;
  return (ctx.values[key] ?? '') !== '';
}

const NO_BORDERS = TableBorders.NONE;

/** Width and height of a PNG or JPEG, for keeping the logo's proportions. */
export function imageSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length > 24 && bytes.readUInt32BE(0) === 0x89504e47) return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    let p = 2;
    while (p + 9 < bytes.length) {
      if (bytes[p] !== 0xff) return null;
      const marker = bytes[p + 1]!;
      const len = bytes.readUInt16BE(p + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: bytes.readUInt16BE(p + 5), width: bytes.readUInt16BE(p + 7) };
      }
      p += 2 + len;
    }
  }
  return null;
}

class Layout {
  private readonly size: number;
  readonly width: number;

  constructor(private readonly input: RenderInput) {
    this.size = input.settings.fontSizePt * 2;
    const paper = PAPER[input.settings.paper];
    this.width = paper.width - cm(FIXED_MARGINS_CM.left) - cm(FIXED_MARGINS_CM.right);
  }

  fill(t: Template, scope: Scope = null): string {
    return fillTemplate(t, this.input.ctx, scope, this.input.onUnknownKey);
  }

  shown(b: { when?: string; unless?: string }, scope: Scope): boolean {
    if (b.when !== undefined && !isShown(b.when, this.input.ctx, scope)) return false;
    if (b.unless !== undefined && isShown(b.unless, this.input.ctx, scope)) return false;
    return true;
  }

  /** Text runs with line breaks where the text has them. */
  runs(text: string, opts: { bold?: boolean; underline?: boolean; size?: number; font?: string } = {}): TextRun[] {
    return text.split('\n').map(
      (line, i) =>
        new TextRun({
          text: line,
          ...(i > 0 ? { break: 1 } : {}),
          ...(opts.bold ? { bold: true } : {}),
          ...(opts.underline ? { underline: {} } : {}),
          ...(opts.size ? { size: opts.size } : {}),
          ...(opts.font ? { font: opts.font } : {}),
        }),
    );
  }

  para(text: string, opts: { align?: 'justify' | 'center' | 'left' | 'right'; bold?: boolean; underline?: boolean; size?: number; indentCm?: number; after?: number; keepNext?: boolean } = {}): Paragraph {
    const alignment = { justify: AlignmentType.JUSTIFIED, center: AlignmentType.CENTER, left: AlignmentType.LEFT, right: AlignmentType.RIGHT }[opts.align ?? 'left'];
    return new Paragraph({
      alignment,
      spacing: { after: opts.after ?? 0 },
      ...(opts.indentCm ? { indent: { left: cm(opts.indentCm) } } : {}),
      ...(opts.keepNext ? { keepNext: true } : {}),
      children: this.runs(text, opts),
    });
  }

  blank(): Paragraph {
    return new Paragraph({ children: [] });
  }

  /** A numbered or lettered item with a hanging indent. */
  item(marker: string, text: string, leftCm = 0): Paragraph {
    const hang = cm(0.75);
    return new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      spacing: { after: 60 },
      indent: { left: cm(leftCm) + hang, hanging: hang },
      tabStops: [{ type: TabStopType.LEFT, position: cm(leftCm) + hang }],
      children: this.runs(`${marker}\t${text}`),
    });
  }

  cell(children: Paragraph[], widthTwips: number, opts: { shade?: boolean; borders?: boolean } = {}): TableCell {
    return new TableCell({
      width: { size: widthTwips, type: WidthType.DXA },
      ...(opts.borders ? {} : { borders: NO_BORDERS }),
      ...(opts.shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' } } : {}),
      margins: { top: 20, bottom: 20, left: 80, right: 80 },
      verticalAlign: VerticalAlignTable.TOP,
      children: children.length ? children : [this.blank()],
    });
  }

  table(rows: TableRow[], widths: number[], opts: { borders?: boolean; indent?: number } = {}): Table {
    return new Table({
      rows,
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      ...(opts.indent ? { indent: { size: opts.indent, type: WidthType.DXA } } : {}),
      borders: opts.borders
        ? {
            top: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
            bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
            left: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
            right: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
            insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
            insideVertical: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
          }
        : NO_BORDERS,
    });
  }

  // ---------- the letterhead ----------

  letterhead(): Body {
    const h = this.input.letterhead;
    const small = this.size - 4;
    const contact = [
      h.phone ? `Telepon ${h.phone}` : '',
      h.email ? `Pos-el ${h.email}` : '',
      h.website ? `Laman ${h.website}` : '',
    ].filter(Boolean);
    const addressLine = [h.address, h.city && !h.address.includes(h.city) ? h.city : '', h.postcode ? `Kode Pos ${h.postcode}` : ''].filter(Boolean).join(', ');
    const lines: Paragraph[] = [];
    if (h.governmentLine) lines.push(this.para(h.governmentLine.toUpperCase(), { align: 'center', bold: true, size: this.size + 2 }));
    lines.push(this.para(h.name.toUpperCase(), { align: 'center', bold: true, size: this.size + 4 }));
    if (addressLine) lines.push(this.para(addressLine, { align: 'center', size: small }));
    if (contact.length) lines.push(this.para(contact.join(' | '), { align: 'center', size: small }));

    const logoWidth = cm(2.6);
    const out: Body = [];
    const dims = h.logo ? imageSize(h.logo.bytes) : null;
    if (h.logo && dims && dims.width > 0 && dims.height > 0) {
      // Fit within 2.4 × 2.4 cm, keeping proportions (pixels at 96 per inch).
      const box = 2.4 * (96 / 2.54);
      const scale = Math.min(box / dims.width, box / dims.height);
      const image = new ImageRun({
        type: h.logo.mime === 'image/png' ? 'png' : 'jpg',
        data: h.logo.bytes,
        transformation: { width: Math.round(dims.width * scale), height: Math.round(dims.height * scale) },
      });
      const middle = this.width - 2 * logoWidth;
      out.push(
        this.table(
          [
            new TableRow({
              children: [
                this.cell([new Paragraph({ alignment: AlignmentType.CENTER, children: [image] })], logoWidth),
                this.cell(lines, middle),
                this.cell([], logoWidth),
              ],
            }),
          ],
          [logoWidth, middle, logoWidth],
        ),
      );
    } else {
      out.push(...lines);
    }
    // The rule under the letterhead: a thick line over a thin one.
    out.push(
      new Paragraph({
        spacing: { after: 240 },
        border: { bottom: { style: BorderStyle.THICK_THIN_MEDIUM_GAP, size: 24, color: '000000', space: 1 } },
        children: [],
      }),
    );
    return out;
  }

  // ---------- the top of the page: a letter's header, or a title ----------

  letterHeader(): Body {
    const { header, ctx } = this.input;
    const place = `${ctx.values['letter.place'] || BLANK}, ${ctx.values['letter.date']}`;
    const label = cm(2.6);
    const colon = cm(0.5);
    const row = (l: string, v: string, bold = false) =>
      new TableRow({
        children: [this.cell([this.para(l)], label), this.cell([this.para(':')], colon), this.cell([this.para(v, { bold })], this.width - label - colon)],
      });
    const addressee = (header.addressee || BLANK).split('\n');
    return [
      this.para(place, { align: 'right', after: 120 }),
      this.table(
        [row('Nomor', header.number || BLANK), row('Sifat', header.sifat || '-'), row('Lampiran', header.lampiran || '-'), row('Hal', header.hal || BLANK, true)],
        [label, colon, this.width - label - colon],
      ),
      this.blank(),
      this.para(`Yth. ${addressee[0]}`),
      ...addressee.slice(1).map((l) => this.para(l, { indentCm: 0.95 })),
      this.para('di'),
      this.para(header.addresseePlace || 'Tempat', { indentCm: 0.95, after: 240 }),
    ];
  }

  titleBlock(): Body {
    const { type, header } = this.input;
    const heading = this.fill(type.heading ?? type.title.toUpperCase()).split('\n');
    const out: Body = heading.map((line, i) => this.para(line, { align: 'center', bold: true, underline: i === heading.length - 1 && !type.numbered, size: this.size + 2 }));
    if (type.numbered) out.push(this.para(`Nomor: ${header.number || BLANK}`, { align: 'center' }));
    if (type.subheading) for (const line of this.fill(type.subheading).split('\n')) out.push(this.para(line, { align: 'center', bold: true }));
    out.push(this.blank());
    return out;
  }

  // ---------- body blocks ----------

  blocks(blocks: Block[], scope: Scope = null): Body {
    return blocks.flatMap((b) => this.block(b, scope));
  }

  block(b: Block, scope: Scope): Body {
    if ('when' in b || 'unless' in b) {
      if (!this.shown(b as { when?: string; unless?: string }, scope)) return [];
    }
    switch (b.kind) {
      case 'paragraph':
        return [this.para(this.fill(b.text, scope), { align: b.align ?? 'justify', bold: b.bold ?? false, after: 120, indentCm: b.indent ? 0.95 : 0 })];
      case 'heading':
        return [this.para(this.fill(b.text, scope), { bold: true, align: b.center ? 'center' : 'left', after: 60, keepNext: true })];
      case 'space':
        return [this.blank()];
      case 'code':
        return [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 240, after: 240 },
            children: [new TextRun({ text: this.fill(b.text, scope), bold: true, size: 40, font: 'Courier New' })],
          }),
        ];
      case 'fields':
        return this.fields(b, scope);
      case 'list': {
        const items = Array.isArray(b.items)
          ? b.items.map((t) => this.fill(t, scope))
          : (this.input.ctx.lists[b.items.from] ?? []).map((row) => this.fill((b.items as { item: Template }).item, row));
        return items.map((t, i) => this.item(marker(i, b.style ?? 'numbers'), t, b.indent ? 0.95 : 0));
      }
      case 'table':
        return this.dataTable(b, scope);
      case 'figures':
        return (this.input.ctx.figures?.[b.from] ?? []).flatMap((t) => this.figureTable(t));
      case 'each':
        return (this.input.ctx.lists[b.from] ?? []).flatMap((row) => this.blocks(b.blocks, row));
      case 'signatures':
        return this.signatures(b.layout, scope);
      case 'tembusan':
        return this.tembusan();
    }
  }

  fields(b: Extract<Block, { kind: 'fields' }>, scope: Scope): Body {
    const indent = b.indent ? cm(0.95) : 0;
    const label = cm(b.labelWidthCm ?? 4.5);
    const colon = cm(0.5);
    const value = this.width - indent - label - colon;
    const rows = b.rows
      .filter((r) => this.shown(r, scope))
      .map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: [
              this.cell([this.para(this.fill(r.label, scope))], label),
              this.cell([this.para(':')], colon),
              this.cell(this.fieldValue(r.value, scope), value),
            ],
          }),
      );
    if (rows.length === 0) return [];
    return [this.table(rows, [label, colon, value], { indent }), this.para('', { after: 120 })];
  }

  fieldValue(v: FieldValue, scope: Scope): Paragraph[] {
    if (typeof v === 'string') return [this.para(this.fill(v, scope), { align: 'justify' })];
    return v.list.map((t, i) => this.item(marker(i, v.style), this.fill(t, scope)));
  }

  dataTable(b: Extract<Block, { kind: 'table' }>, scope: Scope): Body {
    const rows = this.input.ctx.lists[b.from] ?? [];
    if (rows.length === 0) return b.empty ? [this.para(this.fill(b.empty, scope), { after: 120 })] : [];
    const columns = [...(b.numbered ? [{ header: 'No.', value: '{no}', widthCm: 1.1 }] : []), ...b.columns];
    const total = columns.reduce((s, c) => s + c.widthCm, 0);
    const widths = columns.map((c) => Math.floor((c.widthCm / total) * this.width));
    const size = this.size - 2;
    const header = new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: columns.map((c, i) => this.cell([this.para(c.header, { bold: true, size, align: 'center' })], widths[i]!, { shade: true, borders: true })),
    });
    const body = rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: columns.map((c, i) => {
            const text = fillTemplate(c.value, this.input.ctx, row, this.input.onUnknownKey).replace(BLANK, '-');
            return this.cell([this.para(text, { size })], widths[i]!, { borders: true });
          }),
        }),
    );
    return [this.table([header, ...body], widths, { borders: true }), this.para('', { after: 120 })];
  }

  /** A table of figures: its title, a shaded header repeated on each page, the label column wider, figures right-aligned. */
  figureTable(t: FigureTable): Body {
    const size = this.size - (t.header.length > 7 ? 6 : 4);
    const first = Math.floor(this.width * (t.header.length > 7 ? 0.24 : 0.36));
    const rest = t.header.length - 1;
    const each = rest > 0 ? Math.floor((this.width - first) / rest) : 0;
    const widths = [rest > 0 ? first : this.width, ...Array.from({ length: rest }, () => each)];
    const line = (cells: string[], opts: { header?: boolean; bold?: boolean } = {}) =>
      new TableRow({
        tableHeader: opts.header ?? false,
        cantSplit: true,
        children: cells.map((text, i) =>
          this.cell([this.para(text, { size, bold: opts.header || opts.bold || false, align: opts.header ? 'center' : i === 0 ? 'left' : 'right' })], widths[i]!, {
            borders: true,
            ...(opts.header ? { shade: true } : {}),
          }),
        ),
      });
    const rows = [line(t.header, { header: true }), ...t.rows.map((r) => line(r)), ...(t.total ? [line(t.total, { bold: true })] : [])];
    return [
      this.para(t.title, { bold: true, after: 60, keepNext: true }),
      this.table(rows, widths, { borders: true }),
      ...t.notes.map((n) => this.para(n, { size, after: 0 })),
      this.para('', { after: 120 }),
    ];
  }

  // ---------- signatures and Tembusan ----------

  /** Position, room for signature and stamp, name (bold, underlined), rank, NIP. */
  signatureLines(position: string, name: string, rank = '', nip = ''): Paragraph[] {
    const out = [this.para(position, { align: 'center' }), this.blank(), this.blank(), this.blank()];
    out.push(this.para(name || BLANK, { align: 'center', bold: true, underline: !!name }));
    if (rank) out.push(this.para(rank, { align: 'center' }));
    if (nip) out.push(this.para(`NIP ${nip}`, { align: 'center' }));
    return out;
  }

  twoColumns(left: Paragraph[], right: Paragraph[]): Table {
    const half = Math.floor(this.width / 2);
    return this.table([new TableRow({ cantSplit: true, children: [this.cell(left, half), this.cell(right, this.width - half)] })], [half, this.width - half]);
  }

  signer(): { position: string; name: string; rank: string; nip: string } {
    const v = this.input.ctx.values;
    return { position: v['signer.position'] ? `${v['signer.position']},` : BLANK, name: v['signer.name'] ?? '', rank: v['signer.rank'] ?? '', nip: v['signer.nip'] ?? '' };
  }

  signatures(layout: SignatureLayout, scope: Scope): Body {
    const v = this.input.ctx.values;
    const placeDate = `${v['letter.place'] || BLANK}, ${v['letter.date']}`;
    const s = this.signer();
    switch (layout.kind) {
      case 'signer': {
        const lines: Paragraph[] = [];
        const dateLine = layout.dateLine ?? (this.input.type.form === 'letter' ? 'none' : 'place_date');
        if (dateLine === 'place_date') lines.push(this.para(placeDate, { align: 'center' }));
        if (dateLine === 'ditetapkan' || dateLine === 'dikeluarkan') {
          const word = dateLine === 'ditetapkan' ? 'Ditetapkan' : 'Dikeluarkan';
          lines.push(this.para(`${word} di ${v['letter.place'] || BLANK}`, { align: 'center' }), this.para(`pada tanggal ${v['letter.date']}`, { align: 'center' }));
        }
        lines.push(...this.signatureLines(s.position, s.name, s.rank, s.nip));
        return [this.blank(), this.twoColumns([], lines), this.blank()];
      }
      case 'author_and_signer': {
        const right = [
          this.para(placeDate, { align: 'center' }),
          this.para(this.fill(layout.authorCaption, scope), { align: 'center' }),
          ...this.signatureLines(v['author.position'] || '', v['author.name'] ?? '', '', v['author.nip'] ?? ''),
        ];
        const left = [this.blank(), this.para('Mengetahui,', { align: 'center' }), ...this.signatureLines(s.position, s.name, s.rank, s.nip)];
        return [this.blank(), this.twoColumns(left, right)];
      }
      case 'author': {
        const right = [this.para(placeDate, { align: 'center' }), ...this.signatureLines(this.fill(layout.caption, scope), v['author.name'] ?? '')];
        return [this.blank(), this.twoColumns([], right)];
      }
      case 'pair': {
        const name = (t: Template) => {
          const filled = t ? this.fill(t, scope) : '';
          return filled === BLANK ? '' : filled;
        };
        const left = [this.blank(), ...this.signatureLines(this.fill(layout.left.caption, scope), name(layout.left.name))];
        const right = [
          layout.dateLine ? this.para(placeDate, { align: 'center' }) : this.blank(),
          ...this.signatureLines(this.fill(layout.right.caption, scope), name(layout.right.name)),
        ];
        return [this.blank(), this.twoColumns(left, right)];
      }
      case 'everyone': {
        const people = this.input.ctx.lists[layout.from] ?? [];
        const half = Math.floor(this.width / 2);
        const rows: TableRow[] = [];
        for (let i = 0; i < people.length; i += 2) {
          const pair = people.slice(i, i + 2);
          rows.push(
            new TableRow({
              cantSplit: true,
              children: [0, 1].map((k) => {
                const p = pair[k];
                return this.cell(p ? [...this.signatureLines(p.caption ?? '', p.name ?? ''), this.blank()] : [], k === 0 ? half : this.width - half);
              }),
            }),
          );
        }
        const out: Body = [this.blank(), this.para('Yang bertanda tangan:', { bold: true, keepNext: true }), this.table(rows, [half, this.width - half])];
        if (layout.acknowledge) {
          out.push(this.blank(), this.twoColumns([], [this.para('Mengetahui,', { align: 'center' }), ...this.signatureLines(s.position, s.name, s.rank, s.nip)]));
        }
        return out;
      }
    }
  }

  tembusan(): Body {
    const copies = this.input.header.tembusan.filter((t) => t.trim());
    if (copies.length === 0) return [];
    const out: Body = [this.blank(), this.para('Tembusan:', { keepNext: true })];
    if (copies.length === 1) out.push(this.para(copies[0]!));
    else out.push(...copies.map((c, i) => this.item(`${i + 1}.`, c)));
    return out;
  }

  footer(): Footer {
    return new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          children: [new TextRun({ children: ['Halaman ', PageNumber.CURRENT, ' dari ', PageNumber.TOTAL_PAGES], size: 16 })],
        }),
      ],
    });
  }
}

function marker(i: number, style: 'numbers' | 'letters'): string {
  return style === 'letters' ? `${String.fromCharCode(97 + (i % 26))}.` : `${i + 1}.`;
}

/** Lays the document out and packs it as .docx bytes. */
export async function renderDocument(input: RenderInput): Promise<Buffer> {
  const layout = new Layout(input);
  const children: Body = [...layout.letterhead(), ...(input.type.form === 'letter' ? layout.letterHeader() : layout.titleBlock()), ...layout.blocks(input.type.body)];
  const paper = PAPER[input.settings.paper];
  const doc = new Document({
    creator: input.letterhead.name,
    title: input.type.title,
    styles: {
      default: {
        document: {
          run: { font: input.settings.font, size: input.settings.fontSizePt * 2 },
          // Auto line spacing, stated: a line height without its rule clips the logo in LibreOffice.
          paragraph: { spacing: { line: 264, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: paper.width, height: paper.height },
            margin: {
              top: cm(input.settings.marginTopCm),
              right: cm(FIXED_MARGINS_CM.right),
              bottom: cm(FIXED_MARGINS_CM.bottom),
              left: cm(FIXED_MARGINS_CM.left),
              header: cm(1),
              footer: cm(1),
            },
          },
        },
        footers: { default: layout.footer() },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

