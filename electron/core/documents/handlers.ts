import { verifyAuditChain } from '../audit/chain';
import { and, eq } from 'drizzle-orm';
import type { DocumentFile, DocumentSettingsView, DocumentView } from '../api/contract-documents';
import { MAX_SCAN_BYTES } from '../api/contract-documents';
import { ApiError } from '../api/errors';
import { defineHandlers, requireSession } from '../api/handler';
import type { Role } from '../api/roles';
import { localDateOf, type OfficeTimeZone } from '../calendar';
import type { Db } from '../db/open';
import { documents, documentScans, sequences, settings as settingsTable, users } from '../db/schema';
import { changedFields, updateVersioned } from '../db/versioned';
import { uuidv7 } from '../ids';
import { readGeneralSettings } from '../settings/general';
import { normalizeRecoveryCode, unwrapKey } from '../vault/keyslots';
import { documentCatalogue } from './catalogue';
import { buildContext } from './context';
import { commitGeneration, loadOffice, mayKeepRegister, mayMake, prepareGeneration, renderFromContext, sha256, typesForCase } from './generate';
import { formatLetterNumber } from './letter-number';
import { seriesKey } from './numbering';
import { numberedTypeCodes } from './options';
import { allDocuments, documentDetail, documentFileName, listDocuments, loadDocument, registerFileName, scanFileName, versionBytes } from './repository';
import { DEFAULT_DOCUMENT_SETTINGS, DOCUMENT_SETTINGS_KEY, readDocumentSettings, type DocumentSettings } from './settings';
import type { StoredTypeCode } from './types';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function settingsView(db: Db, s: DocumentSettings & { version: number }, today: string): DocumentSettingsView {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const types: DocumentSettingsView['types'] = {};
  for (const c of numberedTypeCodes) {
    const t = s.types[c];
    const last = db
      .select({ last: sequences.last })
      .from(sequences)
      .where(and(eq(sequences.series, seriesKey(t.series)), eq(sequences.year, year)))
      .get()?.last ?? 0;
    types[c] = {
      ...t,
      next: formatLetterNumber(t.pattern || s.numberPattern, {
        seq: last + 1,
        year,
        month,
        classification: t.classification,
        unit: t.unitCode || s.unitCode,
        code: documentCatalogue[c].shortCode,
      }),
    };
  }
  return {
    paper: s.paper,
    font: s.font,
    fontSizePt: s.fontSizePt,
    marginTopCm: s.marginTopCm,
    numberPattern: s.numberPattern,
    unitCode: s.unitCode,
    defaultSignerId: s.defaultSignerId,
    types,
    version: s.version,
  };
}

function todayOf(db: Db, now: Date): string {
  return localDateOf(now, readGeneralSettings(db).timeZone as OfficeTimeZone);
}

/** PDF or JPEG, judged by the first bytes: the declared type must match the content. */
export function checkScan(mime: string, bytes: Buffer): void {
  const pdf = bytes.subarray(0, 5).toString('latin1') === '%PDF-';
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if ((mime === 'application/pdf' && !pdf) || (mime === 'image/jpeg' && !jpeg)) {
    throw new ApiError('VALIDATION', 'Berkas pindaian harus PDF atau JPEG.', { fields: { base64: 'Isi berkas bukan PDF atau JPEG' } });
  }
  if (bytes.length === 0 || bytes.length > MAX_SCAN_BYTES) {
    throw new ApiError('VALIDATION', 'Berkas pindaian maksimal 10 MB.', { fields: { base64: 'Berkas pindaian maksimal 10 MB' } });
  }
}

/** One CSV cell: quoted where needed, and text that starts like a formula kept as text. */
export const csvCell = (v: string | number | null) => {
  let s = v === null ? '' : String(v);
  // A text typed into a letter (its Hal, its addressee) that starts like a formula would be run by
  // the spreadsheet that opens the file: it is kept as text.
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The letter register as CSV: semicolons (spreadsheets in Indonesian settings expect them) and a BOM for UTF-8. */
export function registerCsv(rows: DocumentView[]): string {
  const header = ['Nomor', 'Tanggal', 'Jenis', 'Hal', 'Tujuan', 'Nomor register kasus', 'Status', 'Alasan pembatalan', 'Versi', 'Dibuat oleh', 'Pindaian bertanda tangan'];
  const lines = rows.map((r) =>
    [
      r.number,
      r.letterDate,
      r.typeTitle,
      r.hal,
      r.addressee.replace(/\n/g, '; '),
      r.registerNo,
      r.status === 'void' ? 'Dibatalkan' : 'Berlaku',
      r.voidReason,
      r.latestVersion,
      r.createdBy,
      r.scans,
    ]
      .map(csvCell)
      .join(';'),
  );
  return `\ufeff${[header.join(';'), ...lines].join('\r\n')}\r\n`;
}

export const documentsHandlers = defineHandlers({
  'documents.types.list': {
    run: (input, ctx) => typesForCase(ctx, input.caseId),
  },

  'documents.generate': {
    prepare: (input, ctx) => prepareGeneration(input, ctx),
    run: (input, ctx, prepared) => commitGeneration(input, ctx, prepared),
  },

  'documents.list': {
    run(input, ctx) {
      ctx.audit.entityType = 'document';
      ctx.audit.detail = JSON.stringify({ filters: Object.keys(input).filter((k) => !['page', 'pageSize'].includes(k)) });
      return listDocuments(ctx.reg.db.db, input);
    },
  },

  'documents.get': {
    run(input, ctx) {
      ctx.audit.entityType = 'document';
      ctx.audit.entityId = input.id;
      return documentDetail(ctx.reg.db.db, input.id);
    },
  },

  'documents.content': {
    run(input, ctx) {
      const { db } = ctx.reg.db;
      const row = loadDocument(db, input.id);
      ctx.audit.entityType = 'document';
      ctx.audit.entityId = row.id;
      if (input.scanId) {
        const scan = db.select().from(documentScans).where(and(eq(documentScans.id, input.scanId), eq(documentScans.documentId, row.id))).get();
        if (!scan) throw new ApiError('NOT_FOUND', 'Pindaian tidak ditemukan.');
        ctx.audit.detail = JSON.stringify({ scanId: scan.id, purpose: input.purpose });
        return { fileName: scanFileName(scan.fileName, scan.mime), mime: scan.mime, base64: scan.bytes.toString('base64'), sha256: scan.sha256, size: scan.size };
      }
      const versionNo = input.versionNo ?? row.latestVersion;
      const v = versionBytes(db, row.id, versionNo);
      ctx.audit.detail = JSON.stringify({ version: versionNo, purpose: input.purpose });
      const registerNo = row.caseId ? (documentDetail(db, row.id).registerNo ?? null) : null;
      const file: DocumentFile = { fileName: documentFileName(row, registerNo, versionNo), mime: DOCX_MIME, base64: v.bytes.toString('base64'), sha256: v.sha256, size: v.size };
      return file;
    },
  },

  'documents.void': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { db } = ctx.reg.db;
      if (!mayKeepRegister(me.role as Role)) throw new ApiError('FORBIDDEN', 'Pembatalan dokumen dilakukan oleh sekretariat atau pimpinan.');
      const row = loadDocument(db, input.id);
      if (row.status === 'void') throw new ApiError('VALIDATION', 'Dokumen ini sudah dibatalkan.');
      updateVersioned(db, documents, 'document', row.id, input.version, { status: 'void', voidReason: input.reason, voidedAt: ctx.nowIso, voidedBy: me.userId }, me.userId, ctx.nowIso, (r) =>
        documentDetail(db, (r as { id: string }).id),
      );
      ctx.audit.entityType = 'document';
      ctx.audit.entityId = row.id;
      ctx.audit.detail = JSON.stringify({ number: row.number, fields: ['status', 'voidReason'] });
      ctx.changes.push({ type: 'document.updated', id: row.id });
      return documentDetail(db, row.id);
    },
  },

  'documents.attachScan': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { db } = ctx.reg.db;
      const row = loadDocument(db, input.id);
      const def = documentCatalogue[row.type as StoredTypeCode];
      if (!mayKeepRegister(me.role as Role) && !(def && mayMake(def, me.role as Role))) throw new ApiError('FORBIDDEN', 'Anda tidak dapat melampirkan pindaian pada dokumen ini.');
      if (row.status === 'void') throw new ApiError('VALIDATION', 'Dokumen ini sudah dibatalkan.');
      const bytes = Buffer.from(input.base64, 'base64');
      checkScan(input.mime, bytes);
      const id = uuidv7(ctx.now.getTime());
      db.insert(documentScans)
        .values({ id, documentId: row.id, fileName: input.fileName, mime: input.mime, bytes, sha256: sha256(bytes), size: bytes.length, note: input.note, createdAt: ctx.nowIso, createdBy: me.userId })
        .run();
      ctx.audit.entityType = 'document';
      ctx.audit.entityId = row.id;
      ctx.audit.detail = JSON.stringify({ scanId: id, mime: input.mime, size: bytes.length });
      ctx.changes.push({ type: 'document.updated', id: row.id });
      return documentDetail(db, row.id);
    },
  },

  'documents.removeScan': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { db } = ctx.reg.db;
      const row = loadDocument(db, input.id);
      const def = documentCatalogue[row.type as StoredTypeCode];
      if (!mayKeepRegister(me.role as Role) && !(def && mayMake(def, me.role as Role))) throw new ApiError('FORBIDDEN', 'Anda tidak dapat menghapus pindaian pada dokumen ini.');
      const scan = db.select().from(documentScans).where(and(eq(documentScans.id, input.scanId), eq(documentScans.documentId, row.id))).get();
      if (!scan) throw new ApiError('NOT_FOUND', 'Pindaian tidak ditemukan.');
      if (scan.removedAt) throw new ApiError('VALIDATION', 'Pindaian ini sudah dihapus.');
      db.update(documentScans).set({ removedAt: ctx.nowIso, removedBy: me.userId, removedReason: input.reason }).where(eq(documentScans.id, scan.id)).run();
      ctx.audit.entityType = 'document';
      ctx.audit.entityId = row.id;
      ctx.audit.detail = JSON.stringify({ scanId: scan.id, removed: true });
      ctx.changes.push({ type: 'document.updated', id: row.id });
      return documentDetail(db, row.id);
    },
  },

  'documents.exportRegister': {
    run(input, ctx) {
      const rows = allDocuments(ctx.reg.db.db, input);
      const csv = Buffer.from(registerCsv(rows), 'utf8');
      ctx.audit.entityType = 'document';
      ctx.audit.detail = JSON.stringify({ export: 'csv', rows: rows.length });
      return { fileName: registerFileName(input.year), mime: 'text/csv', base64: csv.toString('base64'), sha256: sha256(csv), size: csv.length };
    },
  },

  'documents.settings.get': {
    run: (_i, ctx) => {
      const { db } = ctx.reg.db;
      return settingsView(db, readDocumentSettings(db), todayOf(db, ctx.now));
    },
  },

  'documents.settings.update': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { db } = ctx.reg.db;
      const before = readDocumentSettings(db);
      const { version, types, ...rest } = input;
      if (rest.defaultSignerId) {
        const u = db.select({ active: users.active }).from(users).where(eq(users.id, rest.defaultSignerId)).get();
        if (!u?.active) throw new ApiError('VALIDATION', 'Penanda tangan tidak ditemukan atau tidak aktif.', { fields: { defaultSignerId: 'Pilih pejabat yang aktif' } });
      }
      const { version: _v, ...current } = before;
      const next: DocumentSettings = { ...current, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)), types: { ...current.types } };
      for (const [code, t] of Object.entries(types ?? {})) {
        const c = code as keyof DocumentSettings['types'];
        next.types[c] = { ...next.types[c], ...Object.fromEntries(Object.entries(t ?? {}).filter(([, v]) => v !== undefined)) };
      }
      // The row appears with the first change: until then the defaults apply.
      if (!db.select({ id: settingsTable.id }).from(settingsTable).where(eq(settingsTable.id, DOCUMENT_SETTINGS_KEY)).get()) {
        db.insert(settingsTable)
          .values({ id: DOCUMENT_SETTINGS_KEY, value: DEFAULT_DOCUMENT_SETTINGS, createdAt: ctx.nowIso, createdBy: me.userId, updatedAt: ctx.nowIso, updatedBy: me.userId })
          .run();
      }
      updateVersioned(db, settingsTable, 'settings', DOCUMENT_SETTINGS_KEY, version, { value: next }, me.userId, ctx.nowIso, () => settingsView(db, before, todayOf(db, ctx.now)));
      ctx.audit.entityType = 'settings';
      ctx.audit.entityId = DOCUMENT_SETTINGS_KEY;
      ctx.audit.detail = JSON.stringify({ fields: changedFields(current, next) });
      ctx.changes.push({ type: 'settings.updated' });
      return settingsView(db, readDocumentSettings(db), todayOf(db, ctx.now));
    },
  },

  'audit.anchorSheet': {
    async prepare(_input, ctx) {
      const me = requireSession(ctx);
      const { db, sqlite } = ctx.reg.db;
      const check = verifyAuditChain(sqlite);
      if (!check.ok || !check.head) {
        const at = check.firstBroken ? ` (entri #${check.firstBroken.seq}: ${check.firstBroken.reason})` : '';
        throw new ApiError('VALIDATION', `Jejak audit tidak utuh${at}; titik pembanding tidak dapat dicetak.`);
      }
      const def = documentCatalogue.titik_jejak_audit;
      const office = loadOffice(db);
      const author = db.select().from(users).where(eq(users.id, me.userId)).get();
      if (!author) throw new ApiError('UNAUTHENTICATED');
      const tz = readGeneralSettings(db).timeZone as OfficeTimeZone;
      const auditAnchor = { ...check.head, checked: check.checked };
      const c = buildContext({ type: def, office, timeZone: tz, date: localDateOf(ctx.now, tz), number: '', signer: null, author, auditAnchor });
      const { bytes } = await renderFromContext(def, c, office, readDocumentSettings(db), '', {});
      return { bytes, seq: check.head.seq };
    },
    run(_input, ctx, made: { bytes: Buffer; seq: number }) {
      ctx.audit.entityType = 'audit';
      ctx.audit.entityId = String(made.seq);
      ctx.audit.detail = JSON.stringify({ printed: 'audit_anchor', seq: made.seq });
      const { bytes } = made;
      return { fileName: `Titik jejak audit ${made.seq}.docx`, mime: DOCX_MIME, base64: bytes.toString('base64'), sha256: sha256(bytes), size: bytes.length };
    },
  },

  'documents.recoverySheet': {
    async prepare(input, ctx) {
      const me = requireSession(ctx);
      let code: string;
      try {
        code = normalizeRecoveryCode(input.recoveryCode);
      } catch {
        throw new ApiError('VALIDATION', 'Kode pemulihan harus 25 karakter (5 kelompok).', { fields: { recoveryCode: 'Kode pemulihan tidak valid' } });
      }
      // A sheet with a mistyped code would fail the office on the one day it is needed.
      const slot = ctx.reg.vault().slots.find((s) => s.kind === 'recovery');
      const key = slot ? await unwrapKey(slot, code) : null;
      if (!key) throw new ApiError('VALIDATION', 'Kode pemulihan ini tidak membuka register ini.', { fields: { recoveryCode: 'Kode pemulihan tidak cocok' } });
      key.fill(0);
      const { db } = ctx.reg.db;
      const def = documentCatalogue.lembar_kode_pemulihan;
      const office = loadOffice(db);
      const author = db.select().from(users).where(eq(users.id, me.userId)).get();
      if (!author) throw new ApiError('UNAUTHENTICATED');
      const tz = readGeneralSettings(db).timeZone as OfficeTimeZone;
      const c = buildContext({ type: def, office, timeZone: tz, date: localDateOf(ctx.now, tz), number: '', signer: null, author, recoveryCode: code });
      const { bytes } = await renderFromContext(def, c, office, readDocumentSettings(db), '', {});
      return bytes;
    },
    run(_input, ctx, bytes: Buffer) {
      ctx.audit.entityType = 'office';
      ctx.audit.entityId = '1';
      ctx.audit.detail = JSON.stringify({ printed: 'recovery_sheet' });
      return { fileName: 'Lembar kode pemulihan.docx', mime: DOCX_MIME, base64: bytes.toString('base64'), sha256: sha256(bytes), size: bytes.length };
    },
  },
});
