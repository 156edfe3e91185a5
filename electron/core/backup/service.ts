import { createHash, randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readSync, readdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db, OpenDatabase } from '../db/open';
import { loadMigrations, openDatabase, openEncrypted } from '../db/open';
import { settings } from '../db/schema';
import { OFFICE_TIME_ZONES, type OfficeTimeZone } from '../calendar';
import { verifyAuditChain, verifyAuditChainSince } from '../audit/chain';
import { unwrapWithAnySlot } from '../vault/keyslots';
import { DB_FILE, VAULT_FILE, readVault, syncFolder, type VaultFile } from '../vault/store';
import { BackupFileError, checkPassed, readBackupHeader, unpackBackup, writeBackupFile, type BackupCheck, type BackupHeader } from './file';

/**
 * Backups of the register: an encrypted copy of the database (the file itself after a WAL
 * checkpoint, or SQLite's VACUUM INTO, both keeping the register's encryption; SQLite's backup
 * API would not) with the key-slot file, in a
 * folder the office chooses, ideally another disk. Made on request and, when the office
 * switches it on, once a day: when the last person logs out or the screen locks, or during
 * the day on a host that stays open. Each copy is checked once written (integrity, audit chain):
 * one that fails is still kept, marked damaged in its header and its name, and never makes room
 * for itself by removing one that passed. The newest `keep` are kept, and always the newest
 * backup that passed.
 */

export interface BackupSettings {
  /** Absolute path of the folder; null: not set up yet. */
  folder: string | null;
  auto: boolean;
  keep: number;
  /**
   * Names this register's backups (8 hex characters), so registers of several PCs can share
   * one folder without counting or removing each other's backups. Set with the folder.
   */
  registerId: string | null;
}

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { folder: null, auto: true, keep: 14, registerId: null };

export function newRegisterId(): string {
  return randomBytes(4).toString('hex');
}
export const BACKUP_SETTINGS_KEY = 'backup';
/** A daily backup is due this long after the last one (a little under a day, so the same hour each day stays due). */
export const AUTO_INTERVAL_MS = 20 * 60 * 60 * 1000;

const DEFAULT_RESOURCES = resolve(import.meta.dirname, '../../../resources');
/** Register id, time (the office's wall clock, with its zone; older backups: UTC without one), damaged mark. */
const FILE_PATTERN = /^Teduh-cadangan-([0-9a-f]{8})-(\d{8}-\d{6})(?:-(WIB|WITA|WIT))?(-rusak)?\.tdbk$/;
/** Added to the name of a backup whose check failed, so it shows in any file list. */
const DAMAGED_SUFFIX = '-rusak';

export function readBackupSettings(db: Db): BackupSettings & { version: number; exists: boolean } {
  const row = db.select().from(settings).where(eq(settings.id, BACKUP_SETTINGS_KEY)).get();
  return { ...DEFAULT_BACKUP_SETTINGS, ...((row?.value as Partial<BackupSettings>) ?? {}), version: row?.version ?? 1, exists: !!row };
}

export interface BackupEntry {
  fileName: string;
  createdAt: string;
  size: number;
  /** 'unchecked': made before backups were checked; 'damaged' also for a header that cannot be read. */
  check: 'ok' | 'damaged' | 'unchecked';
  checkedAt: string | null;
  /** The newest audit entry in the backup, as checked. */
  auditHead: { seq: number; hash: string } | null;
}

function checkOfFile(path: string, damagedName: boolean): Pick<BackupEntry, 'check' | 'checkedAt' | 'auditHead'> {
  let check: BackupCheck | undefined;
  try {
    check = readBackupHeader(path).header.check;
  } catch {
    return { check: 'damaged', checkedAt: null, auditHead: null };
  }
  if (!check) return { check: damagedName ? 'damaged' : 'unchecked', checkedAt: null, auditHead: null };
  return { check: !damagedName && checkPassed(check) ? 'ok' : 'damaged', checkedAt: check.checkedAt, auditHead: check.auditHead };
}

/** This register's backups in the folder, newest first (by the time in their name); none when it cannot be read. */
export function listBackups(folder: string | null, registerId: string | null): BackupEntry[] {
  if (!folder || !registerId) return [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const out: BackupEntry[] = [];
  for (const name of names) {
    const m = FILE_PATTERN.exec(name);
    if (!m || m[1] !== registerId) continue;
    const s = m[2]!;
    const wall = Date.parse(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.000Z`);
    const zone = m[3] ? Object.values(OFFICE_TIME_ZONES).find((z) => z.label === m[3]) : undefined;
    const createdAt = new Date(wall - (zone?.utcOffsetMinutes ?? 0) * 60_000).toISOString();
    try {
      const path = join(folder, name);
      out.push({ fileName: name, createdAt, size: statSync(path).size, ...checkOfFile(path, m[4] !== undefined) });
    } catch {
      // removed meanwhile
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** "E:" as typed means the root of drive E. */
export function normalizeFolder(folder: string): string {
  const f = folder.trim();
  return /^[A-Za-z]:$/.test(f) ? `${f}\\` : f;
}

const realOrResolved = (p: string) => {
  try {
    return realpathSync.native(p);
  } catch {
    return resolve(p);
  }
};

/** Why a folder cannot hold backups, or null. */
export function backupFolderProblem(folderInput: string, dataDir: string): string | null {
  const folder = normalizeFolder(folderInput);
  if (!isAbsolute(folder)) return 'Tulis alamat folder lengkap, dimulai dengan huruf drive (misalnya E: untuk flashdisk, atau folder di disk kedua).';
  // Compared as the disk sees them (junctions, short names, letter case on Windows).
  const rel = relative(realOrResolved(dataDir), realOrResolved(folder));
  const outside = rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  if (!outside) {
    return 'Folder cadangan tidak boleh berada di dalam folder data Teduh: bila komputer atau disk rusak, keduanya hilang bersama. Pilih disk lain atau flashdisk.';
  }
  if (!existsSync(folder)) return 'Folder tidak ditemukan. Buat foldernya dulu, atau pasang flashdisk-nya.';
  try {
    if (!statSync(folder).isDirectory()) return 'Alamat ini bukan folder.';
    readdirSync(folder);
  } catch {
    return 'Folder tidak dapat dibaca.';
  }
  return null;
}

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

export interface MadeBackup extends BackupEntry {
  removed: number;
  header: BackupHeader & { check: BackupCheck };
}

/** The newest of this register's backups that passed its check, or null. */
export function newestGoodBackup(folder: string | null, registerId: string | null): BackupEntry | null {
  return listBackups(folder, registerId).find((b) => b.check === 'ok') ?? null;
}

/** SQLite's quick_check of an open database; a page that cannot even be read counts as damage. Never throws. */
export function quickCheck(sqlite: OpenDatabase['sqlite']): 'ok' | 'damaged' {
  try {
    return sqlite.pragma('quick_check', { simple: true }) === 'ok' ? 'ok' : 'damaged';
  } catch {
    return 'damaged';
  }
}

/**
 * Makes one backup now: the WAL is checkpointed into the database file and the file copied as
 * it is (still encrypted with the register's key), its SHA-256 compared with the original, and
 * the copy opened with the key; then it is packed with the key slots and only the newest `keep`
 * backups are kept. Runs synchronously, so nothing writes to the register meanwhile; when the
 * checkpoint cannot finish, SQLite's VACUUM INTO (slower, same encryption) makes the copy.
 * Must run outside a transaction.
 */
export function makeBackup(
  opened: OpenDatabase,
  key: Buffer,
  vault: VaultFile,
  opts: { folder: string; registerId: string; dbFile: string; workDir: string; keep: number; nowIso: string; deviceId: string; timeZone?: OfficeTimeZone },
): MadeBackup {
  // Named by the office's wall clock, as the office reads it in a file list ("…-20261208-063000-WIB").
  const zone = OFFICE_TIME_ZONES[opts.timeZone ?? 'Asia/Jakarta'];
  const wallIso = new Date(Date.parse(opts.nowIso) + zone.utcOffsetMinutes * 60_000).toISOString();
  const stem = `Teduh-cadangan-${opts.registerId}-${stamp(wallIso)}-${zone.label}`;
  if (existsSync(join(opts.folder, `${stem}.tdbk`)) || existsSync(join(opts.folder, `${stem}${DAMAGED_SUFFIX}.tdbk`))) throw new BackupFileError('Cadangan dengan waktu yang sama sudah ada; coba lagi sebentar lagi.');
  removeLeftovers(opts.folder);
  // The raw copy is made on this disk, beside the register (it is encrypted like it): the backup
  // disk, often a slow USB stick, is written once, with the packed file.
  rmSync(opts.workDir, { recursive: true, force: true });
  mkdirSync(opts.workDir, { recursive: true, mode: 0o700 });
  const copy = join(opts.workDir, 'salinan.db');
  try {
    const exact = copyDatabase(opened, opts.dbFile, copy);
    // The check walks the audit chain on from where the newest good backup's check stopped.
    const since = newestGoodBackup(opts.folder, opts.registerId)?.auditHead ?? null;
    const { schemaVersion, check } = checkCopy(copy, key, since, opts.nowIso);
    // VACUUM INTO rewrote the pages, so the copy's check says nothing of the register's own file.
    if (!exact && check.integrity === 'ok') check.integrity = quickCheck(opened.sqlite);
    const passed = checkPassed(check);
    const name = `${stem}${passed ? '' : DAMAGED_SUFFIX}.tdbk`;
    const target = join(opts.folder, name);
    // A backup restores as a register with no problem recorded and nothing waiting to be audited.
    const header = writeBackupFile(
      target,
      { vault: Buffer.from(JSON.stringify({ ...vault, pendingAudit: [], problem: null })), dbFile: copy },
      { createdAt: opts.nowIso, schemaVersion, deviceId: opts.deviceId, check },
    );
    try {
      readBackupHeader(target);
    } catch (e) {
      rmSync(target, { force: true });
      throw e;
    }
    const removed = prune(opts.folder, opts.registerId, opts.keep, name, passed);
    return {
      fileName: name,
      createdAt: opts.nowIso,
      size: statSync(target).size,
      check: passed ? 'ok' : 'damaged',
      checkedAt: check.checkedAt,
      auditHead: check.auditHead,
      removed,
      header: { ...header, check },
    };
  } finally {
    rmSync(opts.workDir, { recursive: true, force: true });
  }
}

/** Copies the database; true when the copy is the register's file byte for byte (its check is the register's). */
function copyDatabase(opened: OpenDatabase, dbFile: string, copy: string): boolean {
  const [cp] = opened.sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  if (cp && cp.busy === 0 && cp.log <= 0) {
    copyFileSync(dbFile, copy);
    if (sha256File(copy) === sha256File(dbFile)) return true;
    rmSync(copy, { force: true });
  }
  opened.sqlite.prepare('VACUUM INTO ?').run(copy);
  return false;
}

function sha256File(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(1 << 20);
  try {
    for (let n = readSync(fd, buf, 0, buf.length, null); n > 0; n = readSync(fd, buf, 0, buf.length, null)) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** Pieces of a backup cut short (the PC switched off during one): never a backup, always removed. */
function removeLeftovers(folder: string): void {
  for (const n of readdirSync(folder)) {
    if (/^\.Teduh-cadangan-.*\.db-part$/.test(n) || /^Teduh-cadangan-.*\.tdbk\.part$/.test(n)) rmSync(join(folder, n), { force: true });
  }
}

/**
 * Opens a database copy with the key (read-only: nothing is written beside it) and checks it:
 * quick_check, and the audit chain from `since` (the whole chain without one).
 */
function checkCopy(file: string, key: Buffer, since: BackupCheck['auditHead'], nowIso: string): { schemaVersion: number; check: BackupCheck } {
  let db: ReturnType<typeof openEncrypted>;
  let schemaVersion: number;
  try {
    db = openEncrypted(file, key, { fileMustExist: true, readonly: true });
    schemaVersion = db.pragma('user_version', { simple: true }) as number;
  } catch {
    throw new BackupFileError('Salinan basis data tidak dapat dibuka dengan kunci register; cadangan tidak disimpan.');
  }
  try {
    const integrity = quickCheck(db);
    let chain = verifyAuditChainSince(db, since);
    // The checkpoint is only a shortcut: a register put back from an older backup has another
    // entry (or none yet) at its number, so the whole chain decides.
    if (!chain.ok && since && chain.brokenAt === since.seq) chain = verifyAuditChainSince(db, null);
    return {
      schemaVersion,
      check: { integrity, auditChain: chain.ok ? 'ok' : { brokenAt: chain.brokenAt! }, checkedAt: nowIso, auditHead: chain.head },
    };
  } finally {
    db.close();
  }
}

/**
 * Keeps the newest `keep` of this register's backups; never the one just written, whatever the
 * clock says, and never the newest one that passed its check. A backup that failed its check
 * makes room only by removing others that failed: a good one is never lost to a damaged one.
 */
function prune(folder: string, registerId: string, keep: number, justWritten: string, justWrittenPassed: boolean): number {
  let removed = 0;
  const others = listBackups(folder, registerId).filter((b) => b.fileName !== justWritten);
  const newestGood = others.find((b) => b.check === 'ok')?.fileName;
  for (const old of others.slice(Math.max(0, keep - 1))) {
    if (!justWrittenPassed && old.check !== 'damaged') continue;
    if (!justWrittenPassed && old.fileName === newestGood) continue;
    try {
      rmSync(join(folder, old.fileName));
      removed++;
    } catch {
      // kept: read-only media or in use; tried again next time
    }
  }
  return removed;
}

/**
 * Whether the daily backup is due: switched on, a folder set, and none in the last 20 hours.
 * A newest backup dated in the future (the clock was once ahead) does not stop it.
 */
export function autoBackupDue(s: BackupSettings, nowMs: number): boolean {
  if (!s.auto || !s.folder) return false;
  const newest = listBackups(s.folder, s.registerId)[0];
  if (!newest) return true;
  const age = nowMs - Date.parse(newest.createdAt);
  return age >= AUTO_INTERVAL_MS || age < -60 * 60 * 1000;
}

export interface RestoreResult {
  header: BackupHeader;
  auditEntries: number;
  /** The backup's audit chain is broken here: restored all the same (the cases matter more), and said. */
  auditBroken: { seq: number; reason: string } | null;
  /** Where the register that was there before now lies (null: the folder was empty). */
  previous: string | null;
}

/**
 * Puts a backup in place as the register of `dataDir`. Nothing is replaced until the backup
 * is unpacked, checked against its SHA-256, opened with the given password or recovery code,
 * passes SQLite's integrity check and its audit chain verifies; the register that was there
 * is moved aside, never deleted. Throws BackupFileError with the reason otherwise.
 */
export async function restoreBackup(
  file: string,
  dataDir: string,
  secret: string,
  opts: { resourcesDir?: string; nowIso: string; beforeReplace?: () => void },
): Promise<RestoreResult> {
  const target = resolve(dataDir);
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
  } catch {
    throw new BackupFileError('Berkas cadangan tidak ditemukan.');
  }
  const staging = `${target}.pemulihan-${stamp(opts.nowIso)}`;
  mkdirSync(dirname(target), { recursive: true });
  mkdirSync(staging, { mode: 0o700 });
  try {
    const header = unpackBackup(file, { vaultFile: join(staging, VAULT_FILE), dbFile: join(staging, DB_FILE) });
    const migrations = loadMigrations(join(opts.resourcesDir ?? DEFAULT_RESOURCES, 'migrations'));
    if (header.schemaVersion > migrations.length) throw new BackupFileError('Cadangan ini dibuat oleh Teduh versi yang lebih baru. Perbarui Teduh dulu, lalu pulihkan lagi.');
    const vault = readVault(staging);
    const key = (await unwrapWithAnySlot(vault.slots, secret))?.key ?? null;
    if (!key) throw new BackupFileError('Kata sandi atau kode pemulihan tidak membuka cadangan ini (pakai kata sandi yang berlaku saat cadangan dibuat, atau kode pemulihan).');
    const { sqlite } = openDatabase(join(staging, DB_FILE), key, migrations, { inspectOnly: true });
    key.fill(0);
    let auditEntries = 0;
    let auditBroken: RestoreResult['auditBroken'] = null;
    try {
      let integrity: unknown;
      try {
        integrity = sqlite.pragma('integrity_check', { simple: true });
      } catch {
        integrity = 'unreadable';
      }
      if (integrity !== 'ok') throw new BackupFileError('Basis data di dalam cadangan tidak lolos pemeriksaan integritas.');
      const chain = verifyAuditChain(sqlite);
      auditEntries = chain.checked;
      auditBroken = chain.firstBroken;
    } finally {
      sqlite.close();
    }
    // This PC keeps its own device id (the audit trail names the PC an entry came from).
    if (existsSync(join(target, 'device-id'))) copyDurably(join(target, 'device-id'), join(staging, 'device-id'));
    // The checked register's names are made durable before it replaces anything.
    syncFolder(staging);
    opts.beforeReplace?.();
    let previous: string | null = null;
    // Whatever is there is moved aside first (the folder then names a checked backup, see
    // finishInterruptedRestore); a folder with nothing but this PC's device id (a fresh
    // install) is deleted once the backup is in place, anything else is kept.
    const holdsSomething = existsSync(target) && readdirSync(target).some((n) => n !== 'device-id');
    const aside = `${target}.sebelum-pemulihan-${stamp(opts.nowIso)}`;
    if (existsSync(target)) {
      try {
        renamePatiently(target, aside);
        syncFolder(dirname(target));
      } catch {
        throw new BackupFileError('Register yang ada tidak dapat dipindahkan (masih dibuka program lain?). Tutup Teduh dan program lain yang memakai folder data, lalu coba lagi. Tidak ada yang diubah.');
      }
      if (holdsSomething) previous = aside;
    }
    try {
      renamePatiently(staging, target);
      syncFolder(dirname(target));
    } catch {
      // Put the register that was there back where it was: a failed restore changes nothing.
      if (existsSync(aside)) renamePatiently(aside, target);
      throw new BackupFileError('Cadangan tidak dapat dipasang di folder data (sedang dipakai program lain?). Register yang ada tidak diubah; coba lagi.');
    }
    if (!holdsSomething) rmSync(aside, { recursive: true, force: true });
    return { header, auditEntries, auditBroken, previous };
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
}

function copyDurably(from: string, to: string): void {
  copyFileSync(from, to);
  const fd = openSync(to, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Finishes or undoes a restore a power cut interrupted, before the register is opened (so a
 * data folder the restore had moved aside is never taken for a new PC). A restore checks the
 * backup in `<folder>.pemulihan-<time>`, moves the register there aside to
 * `<folder>.sebelum-pemulihan-<time>`, then renames the checked copy into place. Found with
 * the data folder missing: a copy whose register was already moved aside has been checked, and
 * is put in place; one without was not, and goes. Found beside a data folder: the restore never
 * replaced anything, and the copy goes. Returns what was done.
 */
export function finishInterruptedRestore(dataDir: string): 'finished' | 'undone' | null {
  const target = resolve(dataDir);
  const parent = dirname(target);
  const prefix = `${basename(target)}.pemulihan-`;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return null;
  }
  const staged = names.filter((n) => n.startsWith(prefix)).sort().reverse();
  if (staged.length === 0) return null;
  let done: 'finished' | 'undone' = 'undone';
  if (!existsSync(target)) {
    const checked = staged.find((n) => names.includes(`${basename(target)}.sebelum-pemulihan-${n.slice(prefix.length)}`));
    if (checked) {
      renameSync(join(parent, checked), target);
      syncFolder(parent);
      done = 'finished';
    }
  }
  for (const n of staged) if (existsSync(join(parent, n))) rmSync(join(parent, n), { recursive: true, force: true });
  syncFolder(parent);
  return done;
}

/** A rename that waits out a file briefly held by antivirus or the search indexer on Windows. */
function renamePatiently(from: string, to: string): void {
  for (let attempt = 0; ; attempt++) {
    try {
      renameSync(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (attempt >= 10 || (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY')) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}

export { BackupFileError, readBackupHeader };
