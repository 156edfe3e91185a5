import { z } from 'zod';
import type { MethodSpec } from './contract-kit';
import { method } from './contract-kit';

/**
 * Backups of the register: where they go, whether the daily one is made, how many are kept,
 * and making one now. Restoring is done with `teduh restore` while the app is closed.
 */

export interface BackupFileView {
  fileName: string;
  createdAt: string;
  size: number;
  /** Its check once written: passed, failed (kept, never in place of a good one), or made before backups were checked. */
  check: 'ok' | 'damaged' | 'unchecked';
  checkedAt: string | null;
}

/**
 * What is wrong with the register, from the key-slot file (so it is known while locked): for
 * the screen that explains it and offers the newest good backup, and for the administrator's
 * and heads' notice after login.
 */
export interface RegisterProblemView {
  kind: 'damaged' | 'rolled-back' | 'database-missing';
  detectedAt: string;
  /** Audit entries known to be missing from the register (rolled back), when known. */
  missingEntries: number | null;
  newestGoodBackup: {
    fileName: string;
    createdAt: string;
    /** The newest audit entry in it. */
    auditSeq: number | null;
  } | null;
  /**
   * The register's newest audit entry: the open register's, or while locked the newest
   * backup's (damaged ones too), which is a lower bound. Null when unknown.
   */
  registerAuditSeq: number | null;
  /** What to tell whoever helps (the administrator, IT): where the files are, never an error trace. */
  files: { dataFolder: string; database: string; keySlots: string; backupFolder: string | null };
}

export interface BackupStatusView {
  /** Absolute path on the PC that holds the register (the host, with LAN sharing). */
  folder: string | null;
  /** Why backups cannot be written there now (folder missing, USB disk not plugged in...), or null. */
  folderProblem: string | null;
  auto: boolean;
  keep: number;
  /** Newest first. */
  backups: BackupFileView[];
  /** The daily backup is switched on and due (none in the last 20 hours). */
  due: boolean;
  /** The newest backup that passed its check (never removed, whatever `keep` says). */
  lastGood: BackupFileView | null;
  /** The register's last check (at a backup, or weekly): its integrity and when. */
  registerCheck: { integrity: 'ok' | 'damaged'; checkedAt: string } | null;
  version: number;
}

export const backupContract = {
  'backup.status': method<BackupStatusView>()({
    input: z.object({}).strict(),
    access: 'settings.manage',
    audit: 'none',
    summary: 'Where backups go, whether the daily backup is on and due, and the backups in the folder, newest first.',
  }),
  'backup.settings.update': method<BackupStatusView>()({
    input: z
      .object({
        version: z.number().int().positive(),
        folder: z.string().trim().min(1, 'Folder cadangan wajib diisi').max(500).nullable().optional(),
        auto: z.boolean().optional(),
        keep: z.number().int().min(3, 'Simpan paling sedikit 3 cadangan').max(365).optional(),
      })
      .strict(),
    access: 'settings.manage',
    audit: 'change',
    summary: 'Sets the backup folder (an absolute path outside the data folder, which must exist), the daily backup and how many backups are kept.',
  }),
  'backup.run': method<{ made: BackupFileView; status: BackupStatusView }>()({
    input: z.object({}).strict(),
    access: 'settings.manage',
    audit: 'change',
    summary: 'Makes a backup now: an encrypted copy of the register with its key slots, checked before it is kept; older backups beyond the number kept are removed.',
  }),
  'setup.restoreNewestGood': method<{ backupCreatedAt: string; auditEntries: number; auditBroken: { seq: number; reason: string } | null }>()({
    input: z
      .object({
        /** The backup the problem screen showed (setup.status), so what is restored is what was shown. */
        fileName: z
          .string()
          .max(100)
          .regex(/^Teduh-cadangan-[0-9a-f]{8}-\d{8}-\d{6}(-(WIB|WITA|WIT))?\.tdbk$/, 'Bukan nama berkas cadangan Teduh'),
        /** A password valid when the backup was made, or the recovery code. */
        secret: z.string().min(1, 'Kata sandi atau kode pemulihan wajib diisi').max(256),
      })
      .strict(),
    access: 'public',
    audit: 'auth',
    summary:
      'While the register is locked and a problem is recorded (damaged, rolled back, database missing): puts the newest backup that passed its check in place, checked again first; the register that was there is moved aside, never deleted.',
  }),
} as const satisfies Record<string, MethodSpec>;
