import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { can, type Role } from '../api/roles';
import { documents, documentScans, documentVersions, users } from '../db/schema';
import { Register } from '../register';
import { unwrapWithAnySlot } from '../vault/keyslots';
import { registerCsv } from './handlers';
import { allDocuments, documentFileName, safeFileName } from './repository';

/**
 * `teduh export-documents`: the newest version of every stored document as a .docx file,
 * the signed scans beside them, and the letter register as CSV, for archiving or handing
 * over. Opened with any user's password (a role that reads cases) or the recovery code;
 * the export is recorded in the audit log. The files written are not encrypted.
 */

export interface ExportResult {
  documents: number;
  scans: number;
  by: string;
}

export class ExportRefused extends Error {}

/** Returns null when the secret opens no key slot. */
export async function exportDocuments(dataDir: string, secret: string, outDir: string, opts: { resourcesDir?: string } = {}): Promise<ExportResult | null> {
  if (existsSync(outDir) && readdirSync(outDir).length > 0) throw new ExportRefused('folder tujuan harus kosong (atau belum ada), agar arsip tidak tercampur');
  const reg = new Register({ dataDir, ...(opts.resourcesDir ? { resourcesDir: opts.resourcesDir } : {}) });
  try {
    if (!reg.isInitialized()) throw new ExportRefused('folder data ini belum berisi register');
    const opened = await unwrapWithAnySlot(reg.vault().slots, secret, reg.device);
    if (!opened) return null;
    const { key, slot } = opened;
    try {
      reg.unlock(key);
    } finally {
      key.fill(0);
    }
    const { db } = reg.db;
    let by = 'kode pemulihan';
    let userId: string | null = null;
    if (slot.kind === 'user') {
      const u = db.select().from(users).where(eq(users.id, slot.userId ?? '')).get();
      if (!u || !u.active || !can(u.role as Role, 'cases.read')) throw new ExportRefused('peran pengguna ini tidak dapat membaca dokumen kasus');
      by = u.username;
      userId = u.id;
    }

    mkdirSync(outDir, { recursive: true, mode: 0o700 });
    const used = new Set<string>();
    const unique = (dir: string, name: string) => {
      let candidate = name;
      for (let n = 2; used.has(`${dir}/${candidate}`); n++) candidate = name.replace(/(\.[a-z]+)$/, ` (${n})$1`);
      used.add(`${dir}/${candidate}`);
      return candidate;
    };
    const write = (dir: string, name: string, bytes: Buffer) => {
      const folder = join(outDir, dir);
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      writeFileSync(join(folder, unique(dir, name)), bytes, { mode: 0o600, flag: 'wx' });
    };

    const rows = allDocuments(db, {});
    let scans = 0;
    for (const r of rows) {
      const v = db
        .select({ bytes: documentVersions.bytes })
        .from(documentVersions)
        .where(and(eq(documentVersions.documentId, r.id), eq(documentVersions.versionNo, r.latestVersion)))
        .get();
      if (!v) continue;
      const year = r.letterDate.slice(0, 4);
      const row = db.select({ type: documents.type, number: documents.number, id: documents.id }).from(documents).where(eq(documents.id, r.id)).get()!;
      const name = documentFileName(row, r.registerNo, r.latestVersion).replace(/\.docx$/, `${r.status === 'void' ? ' DIBATALKAN' : ''}.docx`);
      write(year, name, v.bytes);
      for (const s of db
        .select()
        .from(documentScans)
        .where(and(eq(documentScans.documentId, r.id), isNull(documentScans.removedAt)))
        .orderBy(asc(documentScans.createdAt))
        .all()) {
        const ext = s.mime === 'application/pdf' ? 'pdf' : 'jpg';
        write(join(year, 'pindaian'), safeFileName(`${name.replace(/\.docx$/, '')} pindaian`, ext), s.bytes);
        scans++;
      }
    }
    write('', 'agenda-surat.csv', Buffer.from(registerCsv(rows), 'utf8'));
    reg.auditOrQueue({
      at: reg.nowIso(),
      userId,
      username: slot.kind === 'user' ? by : null,
      deviceId: reg.deviceId,
      action: 'documents.export',
      outcome: 'ok',
      entityType: 'document',
      entityId: null,
      detail: JSON.stringify({ documents: rows.length, scans, by: slot.kind }),
    });
    return { documents: rows.length, scans, by };
  } finally {
    reg.close();
  }
}
