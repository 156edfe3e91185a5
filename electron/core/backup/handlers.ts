import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupStatusView } from '../api/contract-backup';
import { ApiError } from '../api/errors';
import { defineHandlers, requireSession } from '../api/handler';
import { appendAudit } from '../audit/chain';
import { settings as settingsTable } from '../db/schema';
import { changedFields, updateVersioned } from '../db/versioned';
import type { Register } from '../register';
import { readGeneralSettings } from '../settings/general';
import { vaultForBackup } from '../vault/store';
import { BackupFileError, checkPassed } from './file';
import { lastRegisterCheck, recordRegisterCheck, registerProblemView, saveBackupHint, weeklyRegisterCheck } from './problem';
import {
  BACKUP_SETTINGS_KEY,
  DEFAULT_BACKUP_SETTINGS,
  autoBackupDue,
  backupFolderProblem,
  listBackups,
  makeBackup,
  quickCheck,
  newRegisterId,
  normalizeFolder,
  readBackupSettings,
  restoreBackup,
  type BackupEntry,
  type BackupSettings,
  type MadeBackup,
  type RestoreResult,
} from './service';

const fileView = ({ fileName, createdAt, size, check, checkedAt }: BackupEntry) => ({ fileName, createdAt, size, check, checkedAt });

function statusOf(reg: Register): BackupStatusView {
  const s = readBackupSettings(reg.db.db);
  const backups = listBackups(s.folder, s.registerId);
  const lastGood = backups.find((b) => b.check === 'ok');
  return {
    folder: s.folder,
    folderProblem: s.folder ? backupFolderProblem(s.folder, reg.dataDir) : null,
    auto: s.auto,
    keep: s.keep,
    backups: backups.map(fileView),
    due: autoBackupDue(s, reg.clock.now().getTime()),
    lastGood: lastGood ? fileView(lastGood) : null,
    registerCheck: lastRegisterCheck(reg),
    version: s.version,
  };
}

/** What a backup's audit entry says of its check: the results, never content. */
function auditDetailOf(made: MadeBackup): string {
  const { integrity, auditChain } = made.header.check;
  return JSON.stringify({ size: made.size, removed: made.removed, sha256: made.header.db.sha256, check: { integrity, auditChain } });
}

/** A disk refusing is the office's problem to fix, in words: never a path or an error class. */
function diskMessage(e: unknown): string {
  if (e instanceof BackupFileError) return e.message;
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC') return 'Ruang disk di folder cadangan tidak cukup.';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'Folder cadangan tidak boleh ditulisi. Pilih folder lain.';
  if (code === 'ENOENT') return 'Folder cadangan tidak ditemukan (flashdisk dicabut?).';
  return 'Cadangan tidak dapat dibuat di folder itu.';
}

function backupNow(reg: Register, s: BackupSettings, nowIso: string): MadeBackup {
  if (!s.folder || !s.registerId) throw new ApiError('VALIDATION', 'Atur folder cadangan dulu.', { fields: { folder: 'Folder cadangan wajib diisi' } });
  const problem = backupFolderProblem(s.folder, reg.dataDir);
  if (problem) throw new ApiError('VALIDATION', problem, { fields: { folder: problem } });
  // Settings written before the key-slot file kept the folder: noted now.
  saveBackupHint(reg, { folder: s.folder, registerId: s.registerId });
  let made: MadeBackup;
  try {
    reg.sealNow();
    made = makeBackup(reg.db, reg.databaseKey, vaultForBackup(reg.vault()), {
      folder: s.folder,
      registerId: s.registerId,
      dbFile: reg.dbFile,
      workDir: join(reg.dataDir, '.cadangan-kerja'),
      keep: s.keep,
      nowIso,
      deviceId: reg.deviceId,
      timeZone: readGeneralSettings(reg.db.db).timeZone,
    });
  } catch (e) {
    // A copy that cannot be made at all may be the register's own damage: found and recorded.
    if (quickCheck(reg.db.sqlite) === 'damaged') recordRegisterCheck(reg, { integrity: 'damaged', checkedAt: nowIso });
    throw new ApiError('VALIDATION', diskMessage(e), { fields: { folder: diskMessage(e) } });
  }
  // The backup's check is the register's: a broken audit chain counts as damage too.
  recordRegisterCheck(reg, { integrity: checkPassed(made.header.check) ? 'ok' : 'damaged', checkedAt: nowIso });
  return made;
}

/**
 * Both restores: the backup is checked before anything is replaced, and a register already
 * there is moved aside (restoreBackup). `busy` is asked once more just before the replacement.
 */
async function restoreInto(reg: Register, path: string, secret: string, nowIso: string, fileField: string, busy: () => boolean): Promise<RestoreResult> {
  try {
    const r = await restoreBackup(path, reg.dataDir, secret, {
      resourcesDir: reg.resourcesDir,
      nowIso,
      beforeReplace: () => {
        if (busy()) throw new ApiError(reg.isUnlocked() ? 'CONFLICT' : 'ALREADY_INITIALIZED');
      },
    });
    const idFile = join(reg.dataDir, 'device-id');
    if (!existsSync(idFile)) writeFileSync(idFile, reg.deviceId, { mode: 0o600 });
    return r;
  } catch (e) {
    if (!(e instanceof BackupFileError)) throw e;
    const field = /kata sandi|kode pemulihan/i.test(e.message) ? 'secret' : fileField;
    throw new ApiError('VALIDATION', e.message, { fields: { [field]: e.message } });
  }
}

function restored(audit: { entityType?: string; detail?: string }, r: RestoreResult) {
  audit.entityType = 'backup';
  audit.detail = JSON.stringify({ backupCreatedAt: r.header.createdAt, auditEntries: r.auditEntries, auditBrokenAt: r.auditBroken?.seq ?? null, previousKept: r.previous !== null });
  return { backupCreatedAt: r.header.createdAt, auditEntries: r.auditEntries, auditBroken: r.auditBroken };
}

export const backupHandlers = defineHandlers({
  'backup.status': {
    run: (_input, ctx) => statusOf(ctx.reg),
  },
  'backup.settings.update': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { db } = ctx.reg.db;
      const before = readBackupSettings(db);
      const folder = input.folder ? normalizeFolder(input.folder) : input.folder;
      if (folder) {
        const problem = backupFolderProblem(folder, ctx.reg.dataDir);
        if (problem) throw new ApiError('VALIDATION', problem, { fields: { folder: problem } });
      }
      const { version: _v, exists: _e, ...current } = before;
      const next: BackupSettings = {
        folder: folder === undefined ? current.folder : folder,
        auto: input.auto ?? current.auto,
        keep: input.keep ?? current.keep,
        registerId: current.registerId ?? newRegisterId(),
      };
      if (!before.exists) {
        db.insert(settingsTable)
          .values({ id: BACKUP_SETTINGS_KEY, value: DEFAULT_BACKUP_SETTINGS, createdAt: ctx.nowIso, createdBy: me.userId, updatedAt: ctx.nowIso, updatedBy: me.userId })
          .run();
      }
      updateVersioned(db, settingsTable, 'settings', BACKUP_SETTINGS_KEY, input.version, { value: next }, me.userId, ctx.nowIso, () => statusOf(ctx.reg));
      saveBackupHint(ctx.reg, next.folder && next.registerId ? { folder: next.folder, registerId: next.registerId } : null);
      ctx.audit.entityType = 'settings';
      ctx.audit.entityId = BACKUP_SETTINGS_KEY;
      ctx.audit.detail = JSON.stringify({ fields: changedFields(current, next) });
      ctx.changes.push({ type: 'settings.updated' });
      return statusOf(ctx.reg);
    },
  },
  'setup.restore': {
    needsDatabase: false,
    prepare(input, ctx) {
      const { reg } = ctx;
      if (reg.isInitialized() || reg.isUnlocked()) throw new ApiError('ALREADY_INITIALIZED');
      // Set up as a new office meanwhile (another window): that register stays.
      return restoreInto(reg, input.path, input.secret, ctx.nowIso, 'path', () => reg.isInitialized() || reg.isUnlocked());
    },
    run: (_input, ctx, r: RestoreResult) => restored(ctx.audit, r),
  },
  'setup.restoreNewestGood': {
    needsDatabase: false,
    prepare(input, ctx) {
      const { reg } = ctx;
      const problem = registerProblemView(reg);
      if (!problem) throw new ApiError('CONFLICT', 'Register ini tidak bermasalah; tidak ada yang perlu dipulihkan.');
      if (reg.isUnlocked()) throw new ApiError('CONFLICT', 'Register masih dibuka. Semua pengguna harus keluar dulu, lalu pulihkan dari layar masuk.');
      const good = problem.newestGoodBackup;
      // Only the backup the screen showed: a newer good one found meanwhile is shown first.
      if (!good || good.fileName !== input.fileName || !problem.files.backupFolder) {
        throw new ApiError('CONFLICT', 'Cadangan terbaik yang lolos pemeriksaan sudah berubah. Muat ulang layar ini.');
      }
      return restoreInto(reg, join(problem.files.backupFolder, good.fileName), input.secret, ctx.nowIso, 'fileName', () => reg.isUnlocked());
    },
    run: (_input, ctx, r: RestoreResult) => restored(ctx.audit, r),
  },
  'backup.run': {
    // VACUUM cannot run inside the handler's transaction: the copy is made before it.
    prepare(_input, ctx) {
      requireSession(ctx);
      return Promise.resolve(backupNow(ctx.reg, readBackupSettings(ctx.reg.db.db), ctx.nowIso));
    },
    run(_input, ctx, made: MadeBackup) {
      ctx.audit.entityType = 'backup';
      ctx.audit.entityId = made.fileName;
      ctx.audit.detail = auditDetailOf(made);
      return { made: fileView(made), status: statusOf(ctx.reg) };
    },
  },
});

const RETRY_AFTER_MS = 60 * 60 * 1000;
const lastFailure = new WeakMap<Register, number>();

/**
 * The register's housekeeping: just before it locks (the last person logged out, the screen
 * locked), or on its timer on a host that stays open. The daily backup, which checks the
 * register; without one, the weekly check of the register. Never stands in the way of locking.
 */
export function dailyBackup(reg: Register, when: 'timer' | 'lock', log: (line: string) => void): void {
  // On a desktop the timer runs while people work: both wait for the lock.
  if (when === 'timer' && !reg.keepUnlocked) return;
  // Checked at the lock for now; a worker thread will take it off the lock later.
  if (!backupIfDue(reg, log)) weeklyRegisterCheck(reg, log);
}

/** The daily backup when due, recorded in the audit trail either way: true when one was written. */
function backupIfDue(reg: Register, log: (line: string) => void): boolean {
  // A folder that failed (the USB disk is not plugged in) is tried again an hour later, not at every lock.
  const failedAt = lastFailure.get(reg);
  if (failedAt !== undefined && reg.clock.now().getTime() - failedAt < RETRY_AFTER_MS) return false;
  let s: BackupSettings;
  try {
    s = readBackupSettings(reg.db.db);
    if (!autoBackupDue(s, reg.clock.now().getTime())) return false;
  } catch {
    return false;
  }
  const at = reg.nowIso();
  const entry = { at, userId: null, username: null, deviceId: reg.deviceId, action: 'backup.auto' } as const;
  try {
    const made = backupNow(reg, s, at);
    appendAudit(reg.db.sqlite, { ...entry, outcome: made.check === 'ok' ? 'ok' : 'failure', entityType: 'backup', entityId: made.fileName, detail: auditDetailOf(made) });
    lastFailure.delete(reg);
    return true;
  } catch (e) {
    lastFailure.set(reg, reg.clock.now().getTime());
    log(`daily backup failed: ${(e as NodeJS.ErrnoException)?.code ?? (e as Error)?.name ?? 'unknown'}`);
    try {
      appendAudit(reg.db.sqlite, { ...entry, outcome: 'failure', entityType: 'backup', detail: JSON.stringify({ reason: e instanceof ApiError ? e.message : 'disk' }) });
    } catch {
      // the register is going away; the next backup tries again
    }
    return false;
  }
}

