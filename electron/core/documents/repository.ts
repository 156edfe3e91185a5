import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DocumentDetail, DocumentListResult, DocumentView } from '../api/contract-documents';
import { ApiError } from '../api/errors';
import type { Db } from '../db/open';
import { cases, documents, documentScans, documentVersions, users, type DocumentRow } from '../db/schema';
import { documentCatalogue } from './catalogue';
import type { StoredTypeCode } from './types';

/** Reading the letter register: one document, a page of the agenda, a version's bytes. */

export function loadDocument(db: Db, id: string): DocumentRow {
  const row = db.select().from(documents).where(eq(documents.id, id)).get();
  if (!row) throw new ApiError('NOT_FOUND', 'Dokumen tidak ditemukan.');
  return row;
}

function names(db: Db, ids: (string | null | undefined)[]): Map<string, string> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  return new Map(db.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, wanted)).all().map((u) => [u.id, u.fullName]));
}

function views(db: Db, rows: DocumentRow[]): DocumentView[] {
  if (rows.length === 0) return [];
  const who = names(db, rows.flatMap((r) => [r.createdBy, r.voidedBy]));
  const caseIds = [...new Set(rows.map((r) => r.caseId).filter((x): x is string => !!x))];
  const registerNos = new Map(
    caseIds.length ? db.select({ id: cases.id, registerNo: cases.registerNo }).from(cases).where(inArray(cases.id, caseIds)).all().map((c) => [c.id, c.registerNo]) : [],
  );
  const scanCounts = new Map(
    db
      .select({ documentId: documentScans.documentId, n: count() })
      .from(documentScans)
      .where(and(inArray(documentScans.documentId, rows.map((r) => r.id)), isNull(documentScans.removedAt)))
      .groupBy(documentScans.documentId)
      .all()
      .map((s) => [s.documentId, s.n]),
  );
  return rows.map((r) => ({
    id: r.id,
    type: r.type as StoredTypeCode,
    typeTitle: documentCatalogue[r.type as StoredTypeCode]?.title ?? r.type,
    number: r.number,
    series: r.series,
    year: r.year,
    seq: r.seq,
    letterDate: r.letterDate,
    hal: r.hal,
    addressee: r.addressee,
    status: r.status as 'active' | 'void',
    voidReason: r.voidReason,
    voidedAt: r.voidedAt,
    voidedBy: r.voidedBy ? (who.get(r.voidedBy) ?? null) : null,
    caseId: r.caseId,
    registerNo: r.caseId ? (registerNos.get(r.caseId) ?? null) : null,
    stepCode: r.stepCode,
    itemId: r.itemId,
    latestVersion: r.latestVersion,
    scans: scanCounts.get(r.id) ?? 0,
    createdAt: r.createdAt,
    createdBy: r.createdBy ? (who.get(r.createdBy) ?? null) : null,
    updatedAt: r.updatedAt,
    version: r.version,
  }));
}

export function documentView(db: Db, row: DocumentRow): DocumentView {
  return views(db, [row])[0]!;
}

export function documentDetail(db: Db, id: string): DocumentDetail {
  const row = loadDocument(db, id);
  const versionRows = db
    .select({
      versionNo: documentVersions.versionNo,
      sha256: documentVersions.sha256,
      size: documentVersions.size,
      createdAt: documentVersions.createdAt,
      createdBy: documentVersions.createdBy,
      signerId: documentVersions.signerId,
      caseVersion: documentVersions.caseVersion,
    })
    .from(documentVersions)
    .where(eq(documentVersions.documentId, id))
    .orderBy(asc(documentVersions.versionNo))
    .all();
  const scanRows = db
    .select({
      id: documentScans.id,
      fileName: documentScans.fileName,
      mime: documentScans.mime,
      size: documentScans.size,
      sha256: documentScans.sha256,
      note: documentScans.note,
      createdAt: documentScans.createdAt,
      createdBy: documentScans.createdBy,
      removedAt: documentScans.removedAt,
      removedBy: documentScans.removedBy,
      removedReason: documentScans.removedReason,
    })
    .from(documentScans)
    .where(eq(documentScans.documentId, id))
    .orderBy(asc(documentScans.createdAt))
    .all();
  const who = names(db, [...versionRows.flatMap((v) => [v.createdBy, v.signerId]), ...scanRows.flatMap((s) => [s.createdBy, s.removedBy])]);
  return {
    ...documentView(db, row),
    versions: versionRows.map((v) => ({
      versionNo: v.versionNo,
      sha256: v.sha256,
      size: v.size,
      generatedAt: v.createdAt,
      generatedBy: v.createdBy ? (who.get(v.createdBy) ?? null) : null,
      signer: v.signerId ? (who.get(v.signerId) ?? null) : null,
      caseVersion: v.caseVersion,
    })),
    scanList: scanRows.map((s) => ({
      id: s.id,
      fileName: s.fileName,
      mime: s.mime,
      size: s.size,
      sha256: s.sha256,
      note: s.note,
      attachedAt: s.createdAt,
      attachedBy: s.createdBy ? (who.get(s.createdBy) ?? null) : null,
      removed: s.removedAt ? { at: s.removedAt, by: s.removedBy ? (who.get(s.removedBy) ?? null) : null, reason: s.removedReason ?? '' } : null,
    })),
  };
}

export interface RegisterFilter {
  type?: StoredTypeCode | undefined;
  caseId?: string | undefined;
  year?: number | undefined;
  status?: 'active' | 'void' | undefined;
  numbered?: boolean | undefined;
  search?: string | undefined;
}

function where(f: RegisterFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (f.type) parts.push(eq(documents.type, f.type));
  if (f.caseId) parts.push(eq(documents.caseId, f.caseId));
  if (f.year) parts.push(sql`substr(${documents.letterDate}, 1, 4) = ${String(f.year)}`);
  if (f.status) parts.push(eq(documents.status, f.status));
  if (f.numbered === true) parts.push(sql`${documents.number} IS NOT NULL`);
  if (f.numbered === false) parts.push(isNull(documents.number));
  if (f.search) {
    const term = `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(or(sql`${documents.number} LIKE ${term} ESCAPE '\\'`, sql`${documents.hal} LIKE ${term} ESCAPE '\\'`));
  }
  return parts.length ? and(...parts) : undefined;
}

/** The agenda of outgoing letters: newest letter date first, then by series and number. */
export function listDocuments(db: Db, f: RegisterFilter & { page: number; pageSize: number }): DocumentListResult {
  const w = where(f);
  const total = db.select({ n: count() }).from(documents).where(w).get()?.n ?? 0;
  const rows = db
    .select()
    .from(documents)
    .where(w)
    .orderBy(desc(documents.letterDate), asc(documents.series), desc(documents.seq), desc(documents.createdAt))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .all();
  return { rows: views(db, rows), total, page: f.page, pageSize: f.pageSize };
}

/** Every matching entry (for the CSV export), oldest first as an agenda book reads. */
export function allDocuments(db: Db, f: RegisterFilter): DocumentView[] {
  const rows = db.select().from(documents).where(where(f)).orderBy(asc(documents.letterDate), asc(documents.series), asc(documents.seq), asc(documents.createdAt)).all();
  return views(db, rows);
}

export function versionBytes(db: Db, documentId: string, versionNo: number): { bytes: Buffer; sha256: string; size: number } {
  const v = db
    .select({ bytes: documentVersions.bytes, sha256: documentVersions.sha256, size: documentVersions.size })
    .from(documentVersions)
    .where(and(eq(documentVersions.documentId, documentId), eq(documentVersions.versionNo, versionNo)))
    .get();
  if (!v) throw new ApiError('NOT_FOUND', 'Versi dokumen tidak ditemukan.');
  return v;
}

/** A file name that is safe on Windows and says what the file is, never whom it is about. */
export function safeFileName(base: string, ext: string): string {
  const clean = base
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[^A-Za-z0-9._ -]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/-{2,}/g, '-')
    .trim()
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 120);
  return `${clean || 'dokumen'}.${ext}`;
}

export function documentFileName(row: Pick<DocumentRow, 'type' | 'number' | 'id'>, registerNo: string | null, versionNo: number): string {
  const def = documentCatalogue[row.type as StoredTypeCode];
  const ref = row.number ?? registerNo ?? row.id.slice(-8);
  return safeFileName(`${def?.shortCode ?? 'DOK'} ${ref} v${versionNo}`, 'docx');
}

/** A signed scan's file: the name it was attached with, and the extension its content has. */
export function scanFileName(attachedAs: string, mime: string): string {
  return safeFileName(attachedAs.replace(/\.[A-Za-z0-9]{1,5}$/, ''), mime === 'application/pdf' ? 'pdf' : 'jpg');
}

/** The letter register as a CSV file. */
export function registerFileName(year?: number): string {
  return safeFileName(`Agenda surat keluar${year ? ` ${year}` : ''}`, 'csv');
}
