import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupStatusView } from '../api/contract-backup';
import { ApiError } from '../api/errors';
import { defineHandlers, requireSession } from '../api/handler';
import { appendAudit } from '../audit/chain';
import { settings as settingsTable } from '../db/schema';
import { changedFields, updateVersioned } from '../db/versioned';
import type { Register } from '../register';
import { vaultForBackup } from '../vault/store';
import { BackupFileError } from './file';
import {
  BACKUP_SETTINGS_KEY,
  DEFAULT_BACKUP_SETTINGS,
  autoBackupDue,
  backupFolderProblem,
  listBackups,
  makeBackup,
  newRegisterId,
  normalizeFolder,
  readBackupSettings,
  restoreBackup,
  type BackupSettings,
  type MadeBackup,
  type RestoreResult,
} from './service';

function statusOf(reg: Register): BackupStatusView {
  const s = readBackupSettings(reg.db.db);
  return {
    folder: s.folder,
    folderProblem: s.folder ? backupFolderProblem(s.folder, reg.dataDir) : null,
    auto: s.auto,
    keep: s.keep,
    backups: listBackups(s.folder, s.registerId).map(({ fileName, createdAt, size }) => ({ fileName, createdAt, size })),
    due: autoBackupDue(s, reg.clock.now().getTime()),
    version: s.version,
  };
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
  try {
    reg.sealNow();
    return makeBackup(reg.db, reg.databaseKey, vaultForBackup(reg.vault()), {
      folder: s.folder,
      registerId: s.registerId,
      dbFile: reg.dbFile,
      workDir: join(reg.dataDir, '.cadangan-kerja'),
      keep: s.keep,
      nowIso,
      deviceId: reg.deviceId,
    });
  } catch (e) {
    throw new ApiError('VALIDATION', diskMessage(e), { fields: { folder: diskMessage(e) } });
  }
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
      ctx.audit.entityType = 'settings';
      ctx.audit.entityId = BACKUP_SETTINGS_KEY;
      ctx.audit.detail = JSON.stringify({ fields: changedFields(current, next) });
      ctx.changes.push({ type: 'settings.updated' });
      return statusOf(ctx.reg);
    },
  },
  'setup.restore': {
    needsDatabase: false,
    async prepare(input, ctx) {
      const { reg } = ctx;
      if (reg.isInitialized() || reg.isUnlocked()) throw new ApiError('ALREADY_INITIALIZED');
      try {
        const r = await restoreBackup(input.path, reg.dataDir, input.secret, {
          resourcesDir: reg.resourcesDir,
          nowIso: ctx.nowIso,
          // Set up as a new office meanwhile (another window): that register stays.
          beforeReplace: () => {
            if (reg.isInitialized() || reg.isUnlocked()) throw new ApiError('ALREADY_INITIALIZED');
          },
        });
        const idFile = join(reg.dataDir, 'device-id');
        if (!existsSync(idFile)) writeFileSync(idFile, reg.deviceId, { mode: 0o600 });
        return r;
      } catch (e) {
        if (!(e instanceof BackupFileError)) throw e;
        const field = /kata sandi|kode pemulihan/i.test(e.message) ? 'secret' : 'path';
        throw new ApiError('VALIDATION', e.message, { fields: { [field]: e.message } });
      }
    },
    run(_input, ctx, r: RestoreResult) {
      ctx.audit.entityType = 'backup';
      ctx.audit.detail = JSON.stringify({ backupCreatedAt: r.header.createdAt, auditEntries: r.auditEntries, auditBrokenAt: r.auditBroken?.seq ?? null, previousKept: r.previous !== null });
      return { backupCreatedAt: r.header.createdAt, auditEntries: r.auditEntries, auditBroken: r.auditBroken };
    },
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
      ctx.audit.detail = JSON.stringify({ size: made.size, removed: made.removed, sha256: made.header.db.sha256 });
      return { made: { fileName: made.fileName, createdAt: made.createdAt, size: made.size }, status: statusOf(ctx.reg) };
    },
  },
});

const RETRY_AFTER_MS = 60 * 60 * 1000;
const lastFailure = new WeakMap<Register, number>();

/**
 * The daily backup, from the register's housekeeping: just before it locks (the last person
 * logged out, the screen locked), or on its timer on a host that stays open. Recorded in the
 * audit trail either way; a failure never stands in the way of locking.
 */
export function dailyBackup(reg: Register, when: 'timer' | 'lock', log: (line: string) => void): void {
  // On a desktop the timer runs while people work: the backup waits for the lock.
  if (when === 'timer' && !reg.keepUnlocked) return;
  // A folder that failed (the USB disk is not plugged in) is tried again an hour later, not at every lock.
  const failedAt = lastFailure.get(reg);
  if (failedAt !== undefined && reg.clock.now().getTime() - failedAt < RETRY_AFTER_MS) return;
  let s: BackupSettings;
  try {
    s = readBackupSettings(reg.db.db);
    if (!autoBackupDue(s, reg.clock.now().getTime())) return;
  } catch {
    return;
  }
  const at = reg.nowIso();
  const entry = { at, userId: null, username: null, deviceId: reg.deviceId, action: 'backup.auto' } as const;
  try {
    const made = backupNow(reg, s, at);
    appendAudit(reg.db.sqlite, { ...entry, outcome: 'ok', entityType: 'backup', entityId: made.fileName, detail: JSON.stringify({ size: made.size, removed: made.removed, sha256: made.header.db.sha256 }) });
    lastFailure.delete(reg);
  } catch (e) {
    lastFailure.set(reg, reg.clock.now().getTime());
    log(`daily backup failed: ${(e as NodeJS.ErrnoException)?.code ?? (e as Error)?.name ?? 'unknown'}`);
    try {
      appendAudit(reg.db.sqlite, { ...entry, outcome: 'failure', entityType: 'backup', detail: JSON.stringify({ reason: e instanceof ApiError ? e.message : 'disk' }) });
    } catch {
      // the register is going away; the next backup tries again
    }
  }
}

