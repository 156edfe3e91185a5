import { describe, expect, it } from 'vitest';
import { documentCatalogue, formatLetterNumber, letterPatternProblem, NUMBER_PLACEHOLDER, readZip, registerCsv } from '../../electron/core/documents';
import { stampNumber } from '../../electron/core/documents/generate';
import { BLANK, fillTemplate, imageSize } from '../../electron/core/documents/render';
import { safeFileName } from '../../electron/core/documents/repository';
import { deflatedEntry, writeZip } from '../../electron/core/documents/zip';
import type { DocumentView } from '../../electron/core/api/contract-documents';
import { tinyPng } from '../fixtures/documents';

describe('letter numbers', () => {
  it('fill the pattern: classification / sequence / unit / year, and the optional tokens', () => {
    const v = { seq: 7, year: 2026, month: 11, classification: '400.10', unit: 'UPTD-PPA', code: 'SK' };
    expect(formatLetterNumber('{klasifikasi}/{urut:3}/{unit}/{tahun}', v)).toBe('400.10/007/UPTD-PPA/2026');
    expect(formatLetterNumber('{klasifikasi}/{urut}/{unit}/{bulan_romawi}/{tahun}/{kode}', v)).toBe('400.10/7/UPTD-PPA/XI/2026/SK');
    expect(formatLetterNumber('{urut:4}-{bulan}-{tahun}', v)).toBe('0007-11-2026');
  });

  it('a pattern must restart each year and use only known tokens', () => {
    expect(letterPatternProblem('{klasifikasi}/{urut:3}/{unit}/{tahun}')).toBeNull();
    expect(letterPatternProblem('{klasifikasi}/{unit}/{tahun}')).toContain('{urut}');
    expect(letterPatternProblem('{klasifikasi}/{urut}')).toContain('{tahun}');
    expect(letterPatternProblem('{urut}/{tahun}/{nama}')).toContain('{nama}');
  });

  it('is written over the placeholder in every XML part, escaped, in a file that still unzips', () => {
    const doc = Buffer.from(`<w:t>Nomor: ${NUMBER_PLACEHOLDER}</w:t>`);
    const zip = writeZip([deflatedEntry('[Content_Types].xml', Buffer.from('<Types/>')), deflatedEntry('word/document.xml', doc), deflatedEntry('word/media/image1.png', tinyPng())]);
    const stamped = readZip(stampNumber(zip, '400.10/001/P&A/2026'));
    expect(stamped.get('word/document.xml')!.toString()).toBe('<w:t>Nomor: 400.10/001/P&amp;A/2026</w:t>');
    expect(stamped.get('word/media/image1.png')!.equals(tinyPng())).toBe(true);
    expect([...stamped.keys()]).toEqual(['[Content_Types].xml', 'word/document.xml', 'word/media/image1.png']);
  });
});

describe('the layout engine', () => {
  it('prints an empty value as a line to fill in by hand, and an empty clause as nothing', () => {
    const ctx = { values: { 'a.name': 'Siti', 'a.empty': '', 'a.clauseEmpty': '', 'mediator.clause': '' }, lists: {} };
    expect(fillTemplate('Yth. {a.name}', ctx)).toBe('Yth. Siti');
    expect(fillTemplate('Tanggal: {a.empty}', ctx)).toBe(`Tanggal: ${BLANK}`);
    expect(fillTemplate('difasilitasi{mediator.clause}.', ctx)).toBe('difasilitasi.');
    const unknown: string[] = [];
    expect(fillTemplate('{no.such}', ctx, null, (k) => unknown.push(k))).toBe(BLANK);
    expect(unknown).toEqual(['no.such']);
    expect(fillTemplate('{name}', ctx, { name: 'Baris' })).toBe('Baris');
  });

  it('reads a logo’s size from PNG and JPEG headers', () => {
    expect(imageSize(tinyPng(12))).toEqual({ width: 12, height: 12 });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x30, 0x00, 0x40, 0x03]);
    expect(imageSize(jpeg)).toEqual({ width: 64, height: 48 });
    expect(imageSize(Buffer.from('GIF89a'))).toBeNull();
  });

  it('every type is described as data: a title, who makes it, and blocks the engine knows', () => {
    const kinds = new Set(['paragraph', 'heading', 'fields', 'list', 'table', 'figures', 'each', 'signatures', 'tembusan', 'code', 'space']);
    for (const def of Object.values(documentCatalogue)) {
      expect(def.title.length, def.code).toBeGreaterThan(5);
      expect(def.makers.length, def.code).toBeGreaterThan(0);
      expect(def.body.every((b) => kinds.has(b.kind)), def.code).toBe(true);
      expect(def.body.some((b) => b.kind === 'signatures'), `${def.code} is signed`).toBe(true);
      if (def.numbered) expect(def.defaultSeries, def.code).not.toBe('');
    }
    // Outgoing letters are for the secretariat and heads; the recovery sheet for the administrator alone.
    expect(documentCatalogue.surat_undangan_mediasi.makers).toEqual(['secretariat', 'head']);
    expect(documentCatalogue.lembar_kode_pemulihan.makers).toEqual(['admin']);
  });
});

describe('files that leave the register', () => {
  it('are named safely for Windows, without anyone’s name', () => {
    expect(safeFileName('SK 400.10/001/UPTD-PPA/2026/SK v1', 'docx')).toBe('SK 400.10-001-UPTD-PPA-2026-SK v1.docx');
    expect(safeFileName('..\\..\\con:*?', 'pdf')).toBe('con.pdf');
    expect(safeFileName('', 'docx')).toBe('dokumen.docx');
  });

  it('the register CSV escapes separators and quotes', () => {
    const row = { number: '1/2', letterDate: '2026-11-23', typeTitle: 'Surat', hal: 'Hal; "penting"', addressee: 'A\nB', registerNo: 'REG/1', status: 'void', voidReason: 'salah', latestVersion: 2, createdBy: 'x', scans: 0 } as unknown as DocumentView;
    const csv = registerCsv([row]);
    expect(csv.split('\r\n')[1]).toBe('1/2;2026-11-23;Surat;"Hal; ""penting""";"A; B";REG/1;Dibatalkan;salah;2;x;0');
  });
});

describe('the register CSV opened in a spreadsheet', () => {
  it('keeps a Hal that looks like a formula as text, so the spreadsheet does not run it', () => {
    const row = { number: '1/2', letterDate: '2026-11-23', typeTitle: 'Surat', hal: '=HYPERLINK("http://x","klik")', addressee: '+62 812', registerNo: '-', status: 'active', voidReason: '@x', latestVersion: 1, createdBy: 'x', scans: 0 } as unknown as DocumentView;
    const cells = registerCsv([row]).split('\r\n')[1]!;
    expect(cells).toContain(`"'=HYPERLINK(""http://x"",""klik"")"`);
    expect(cells).toContain(";'+62 812;'-;Berlaku;'@x;");
  });
});
