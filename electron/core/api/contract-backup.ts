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
} as const satisfies Record<string, MethodSpec>;
