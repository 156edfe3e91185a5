import { createHash, randomBytes } from 'node:crypto';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { InputOf, MethodName, OutputOf } from '../api/contract';
import type { DocumentFile } from '../api/contract-documents';
import { fileOpsSchemas, type FileOps, type FileTarget } from '../api/contract-files';
import { zodFields } from '../api/dispatcher';
import { errorBody, type ApiResult } from '../api/errors';
import { documentFileName, registerFileName, scanFileName } from '../documents';
import { safeCopyName, type OpenCopies } from './open-copies';

/**
 * The kinds of file that leave the register, with the extensions a copy of each may have.
 * A copy is always named with its kind's extension: what the PC opens it with follows the
 * content, never a name that came in with a scan.
 */
export const fileKinds = {
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], label: 'Dokumen Word' },
  pdf: { mime: 'application/pdf', extensions: ['pdf'], label: 'Dokumen PDF' },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'Gambar JPEG' },
  csv: { mime: 'text/csv', extensions: ['csv'], label: 'CSV (lembar kerja)' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], label: 'Buku kerja Excel' },
} as const;
export type FileKind = keyof typeof fileKinds;

/** The core methods a file action reads through. */
type ReadMethod = 'documents.get' | 'documents.content' | 'documents.exportRegister' | 'reports.export';

export interface FileActionDeps {
  /** A call to the core with the page's own session (the reads are audited there). */
  call(method: ReadMethod, input: unknown): Promise<ApiResult<unknown>>;
  copies: OpenCopies;
  /** The save dialog: the path the user chose, or null when they cancelled. */
  chooseSavePath(defaultName: string, kind: FileKind): Promise<string | null>;
  /** Opens a file with the PC's program for it: '' on success, else an error text (Electron's shell.openPath). */
  openPath(path: string): Promise<string>;
  /** The open dialog for a backup file: its path, or null (cancelled, or no dialog on this transport). */
  chooseBackupPath?(): Promise<string | null>;
  /**
   * Whether the page that asked still holds its session. A copy is written and opened only
   * then: a lock that came while the file was read has already wiped the copies.
   */
  sessionStillLive?(): boolean;
  /** Operational lines: the operation and an error code only, never a file name or path. */
  log?: (line: string) => void;
}

type OpName = keyof FileOps;
type OpValue = FileOps[OpName]['value'];
export type FileActions = (op: unknown, args: unknown) => Promise<ApiResult<OpValue>>;

export const fileMessages = {
  incomplete: 'Berkas yang diterima tidak utuh. Coba lagi.',
  unknownKind: 'Jenis berkas ini tidak dapat dibuka di luar Teduh.',
  copyFailed: 'Salinan sementara tidak dapat dibuat di PC ini. Periksa ruang disk, lalu coba lagi.',
  noProgram: (ext: string) => `Berkas tidak dapat dibuka: tidak ada program untuk berkas .${ext} di PC ini.`,
  openFailed: (ext: string) => `Berkas tidak dapat dibuka oleh program di PC ini. Coba lagi; bila tetap gagal, periksa program untuk berkas .${ext}.`,
  dialogFailed: 'Jendela untuk memilih tempat menyimpan tidak dapat dibuka. Coba lagi.',
  saveInUse: 'Berkas tidak dapat disimpan: berkas dengan nama itu sedang dibuka di program lain. Tutup berkas itu atau pilih nama lain.',
  saveDenied: 'Berkas tidak dapat disimpan: folder itu tidak boleh ditulisi, atau berkas dengan nama itu sedang dibuka. Pilih folder atau nama lain.',
  saveNoSpace: 'Berkas tidak dapat disimpan: ruang disk tidak cukup.',
  saveNoFolder: 'Berkas tidak dapat disimpan: folder tujuan tidak ditemukan.',
  saveReadOnly: 'Berkas tidak dapat disimpan: media itu hanya dapat dibaca.',
  saveFailed: 'Berkas tidak dapat disimpan di lokasi itu. Pilih folder lain, lalu coba lagi.',
} as const;

const failure = (message: string): ApiResult<never> => ({ ok: false, error: errorBody('INTERNAL', message) });

function isOpName(op: unknown): op is OpName {
  return typeof op === 'string' && Object.hasOwn(fileOpsSchemas, op);
}

function kindOfMime(mime: string): FileKind | null {
  for (const [kind, k] of Object.entries(fileKinds)) if (k.mime === mime) return kind as FileKind;
  return null;
}

/** The file's name with its kind's extension (kept when it already has one of them), made safe. */
export function copyNameFor(fileName: string, kind: FileKind): string {
  const allowed: readonly string[] = fileKinds[kind].extensions;
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
  const base = m ? fileName.slice(0, -m[0].length) : fileName;
  const ext = m && allowed.includes(m[1]!.toLowerCase()) ? m[1]! : allowed[0]!;
  return safeCopyName(`${base}.${ext}`);
}

/**
 * The name offered for a copy of the recap, from what was asked (the dialog opens before
 * anything is read): what it is, the period, and the table for a CSV.
 */
export function reportFileName(target: Extract<FileTarget, { kind: 'report' }>): string {
  const what = target.format === 'docx' ? 'Laporan Bulanan' : target.format === 'csv' ? `Rekap ${target.table ?? 'tabel'}` : 'Rekap';
  const period = target.period.from === target.period.to ? target.period.from : `${target.period.from} sd ${target.period.to}`;
  const copy = target.hideSmallCounts ? ' (untuk luar Dinas)' : '';
  return safeCopyName(`${what} ${period}${copy}.${target.format}`);
}

/** The bytes, if they are the ones the core described. */
function bytesOf(file: DocumentFile): Buffer | null {
  const bytes = Buffer.from(file.base64, 'base64');
  if (bytes.length !== file.size) return null;
  return createHash('sha256').update(bytes).digest('hex') === file.sha256 ? bytes : null;
}

function errnoOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : 'unknown';
}

function saveFailureMessage(code: string): string {
  switch (code) {
    case 'EBUSY':
      return fileMessages.saveInUse;
    case 'EACCES':
    case 'EPERM':
      return fileMessages.saveDenied;
    case 'ENOSPC':
    case 'EDQUOT':
      return fileMessages.saveNoSpace;
    case 'ENOENT':
    case 'ENOTDIR':
      return fileMessages.saveNoFolder;
    case 'EROFS':
      return fileMessages.saveReadOnly;
    default:
      return fileMessages.saveFailed;
  }
}

/**
 * Writes beside the chosen path under a temporary name, then renames it into place: the
 * user finds the whole file or none, and an existing file they chose to replace is kept
 * until the new one is complete.
 */
function writeWhole(path: string, bytes: Buffer): void {
  const temp = join(dirname(path), `.teduh-${randomBytes(6).toString('hex')}.sementara`);
  try {
    writeFileSync(temp, bytes, { mode: 0o600, flag: 'wx', flush: true });
    renameSync(temp, path);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // never written
    }
    throw e;
  }
}

/**
 * "Open in Word" and "Save as" for a page: validates what the page asked, reads the file
 * through the page's own session (so the core checks access and audits the read with its
 * purpose), and carries it out on this PC. An error from the core comes back unchanged;
 * a problem with the disk or the PC's programs comes back as an envelope in Indonesian.
 * Never throws.
 */
export function createFileActions(deps: FileActionDeps): FileActions {
  const log = deps.log ?? (() => {});
  const read = <M extends ReadMethod>(method: M & MethodName, input: InputOf<M>) => deps.call(method, input) as Promise<ApiResult<OutputOf<M>>>;

  function readFile(target: FileTarget, purpose: 'open' | 'save'): Promise<ApiResult<DocumentFile>> {
    if (target.kind === 'register') {
      const { kind: _kind, ...filter } = target;
      return read('documents.exportRegister', { numbered: true, ...filter });
    }
    if (target.kind === 'report') {
      const { kind: _kind, ...input } = target;
      return read('reports.export', input);
    }
    return read('documents.content', {
      id: target.id,
      purpose,
      ...(target.versionNo !== undefined ? { versionNo: target.versionNo } : {}),
      ...(target.scanId !== undefined ? { scanId: target.scanId } : {}),
    });
  }

  /**
   * The name and kind to offer in the save dialog, before any bytes are read: a cancelled
   * dialog leaves no copy and no "save" in the audit trail. For a stored document this
   * reads its register entry (as its detail panel does), which the core records as a read.
   */
  async function savePlan(target: FileTarget): Promise<ApiResult<{ name: string; kind: FileKind }>> {
    if (target.kind === 'register') return { ok: true, value: { name: registerFileName(target.year), kind: 'csv' } };
    if (target.kind === 'report') return { ok: true, value: { name: reportFileName(target), kind: target.format } };
    const got = await read('documents.get', { id: target.id });
    if (!got.ok) return got;
    const doc = got.value;
    if (target.scanId !== undefined) {
      const scan = doc.scanList.find((s) => s.id === target.scanId);
      if (!scan) return { ok: false, error: errorBody('NOT_FOUND', 'Pindaian tidak ditemukan.') };
      return { ok: true, value: { name: scanFileName(scan.fileName, scan.mime), kind: scan.mime === 'application/pdf' ? 'pdf' : 'jpeg' } };
    }
    return { ok: true, value: { name: documentFileName(doc, doc.registerNo, target.versionNo ?? doc.latestVersion), kind: 'docx' } };
  }

  async function open(target: FileTarget): Promise<ApiResult<FileOps['open']['value']>> {
    const got = await readFile(target, 'open');
    if (!got.ok) return got;
    const file = got.value;
    const kind = kindOfMime(file.mime);
    if (!kind) return failure(fileMessages.unknownKind);
    if (!bytesOf(file)) return failure(fileMessages.incomplete);
    if (deps.sessionStillLive && !deps.sessionStillLive()) return { ok: false, error: errorBody('UNAUTHENTICATED') };
    let path: string;
    try {
      path = deps.copies.write({ ...file, fileName: copyNameFor(file.fileName, kind) });
    } catch (e) {
      log(`files: open: the copy could not be written (${errnoOf(e)})`);
      return failure(fileMessages.copyFailed);
    }
    if (deps.sessionStillLive && !deps.sessionStillLive()) {
      deps.copies.remove(path);
      return { ok: false, error: errorBody('UNAUTHENTICATED') };
    }
    let problem: string;
    try {
      problem = await deps.openPath(path);
    } catch {
      problem = 'failed';
    }
    if (problem) {
      deps.copies.remove(path);
      log('files: open: no program opened the copy');
      const ext = fileKinds[kind].extensions[0];
      return failure(/associat|no application|no program/i.test(problem) ? fileMessages.noProgram(ext) : fileMessages.openFailed(ext));
    }
    return { ok: true, value: { fileName: basename(path) } };
  }

  async function save(target: FileTarget): Promise<ApiResult<FileOps['save']['value']>> {
    const plan = await savePlan(target);
    if (!plan.ok) return plan;
    const { name, kind } = plan.value;
    let path: string | null;
    try {
      path = await deps.chooseSavePath(name, kind);
    } catch {
      log('files: save: the dialog failed');
      return failure(fileMessages.dialogFailed);
    }
    if (!path) return { ok: true, value: { saved: false, fileName: name } };
    const got = await readFile(target, 'save');
    if (!got.ok) return got;
    const bytes = bytesOf(got.value);
    if (!bytes) return failure(fileMessages.incomplete);
    try {
      writeWhole(path, bytes);
    } catch (e) {
      const code = errnoOf(e);
      log(`files: save: the file could not be written (${code})`);
      return failure(saveFailureMessage(code));
    }
    return { ok: true, value: { saved: true, fileName: basename(path) } };
  }

  return async (op, args) => {
    try {
      if (!isOpName(op)) return { ok: false, error: errorBody('UNKNOWN_METHOD') };
      const parsed = fileOpsSchemas[op].safeParse(args ?? {});
      if (!parsed.success) return { ok: false, error: { ...errorBody('VALIDATION'), fields: zodFields(parsed.error) } };
      if (op === 'chooseBackup') return { ok: true, value: { path: (await deps.chooseBackupPath?.()) ?? null } };
      const { target } = parsed.data as { target: FileTarget };
      return op === 'open' ? await open(target) : await save(target);
    } catch (e) {
      log(`files: ${isOpName(op) ? op : 'unknown'} threw ${(e as Error)?.name ?? 'unknown'}`);
      return { ok: false, error: errorBody('INTERNAL') };
    }
  };
}
