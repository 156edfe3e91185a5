import { closeSync, existsSync, fchmodSync, fsyncSync, openSync, readFileSync, renameSync, writeSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensurePrivateFile } from '../private-files';
import { z } from 'zod';
import { stubOf, type KeySlot } from './keyslots';

/**
 * The key-slot file beside the database. It holds no case data: wrapped keys, staff
 * usernames, failed-attempt counters and failed-login audit entries waiting for the
 * database to be unlocked. Written atomically (temp file, fsync, rename), with the
 * previous version kept as `.bak` so a power cut never loses the only copy.
 */
const kdfSchema = z.object({
  name: z.literal('scrypt'),
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
  salt: z.string(),
});
const sealedSchema = z.object({ epk: z.string(), iv: z.string(), tag: z.string(), ct: z.string() });
const slotSchema = z.object({
  id: z.string(),
  kind: z.enum(['user', 'recovery']),
  userId: z.string().optional(),
  username: z.string().optional(),
  kdf: kdfSchema,
  pub: z.string().optional(),
  iv: z.string().optional(),
  tag: z.string().optional(),
  wrapped: z.string().optional(),
  bound: z.string().optional(),
  sealed: sealedSchema.optional(),
  next: sealedSchema.optional(),
  reissue: z.literal(true).optional(),
  createdAt: z.string(),
});
/** The newest audit entry this register is known to have reached, MACed with a key derived from the database key. */
const sealSchema = z.object({ seq: z.number().int().nonnegative(), hash: z.string(), mac: z.string() });
const pendingAuditSchema = z.object({
  at: z.string(),
  username: z.string().nullable(),
  deviceId: z.string(),
  action: z.string(),
  outcome: z.string(),
  detail: z.string().nullable(),
  /** A summary of this many entries of the same kind, the last one at `lastAt` (absent: one entry). */
  count: z.number().int().positive().optional(),
  lastAt: z.string().optional(),
});
/**
 * What is wrong with the register, written here because the database itself may not open:
 * the first-run and login screens read it while the register is locked.
 */
const problemSchema = z.object({
  kind: z.enum(['damaged', 'rolled-back', 'database-missing']),
  detectedAt: z.string(),
  missingEntries: z.number().int().nonnegative().optional(),
});
/** Where this register's backups are, so the newest good one can be found without the database. */
const backupHintSchema = z.object({ folder: z.string(), registerId: z.string() });
const vaultSchema = z.object({
  format: z.literal('teduh-keyslots'),
  version: z.literal(1),
  slots: z.array(slotSchema),
  attempts: z.record(z.string(), z.object({ failures: z.number().int(), lastAt: z.string() })),
  pendingAudit: z.array(pendingAuditSchema),
  seal: sealSchema.optional(),
  // Optional: files written before these fields parse as they are.
  problem: problemSchema.nullable().optional(),
  backupHint: backupHintSchema.nullable().optional(),
});

export type VaultFile = z.infer<typeof vaultSchema>;
export type AuditSeal = z.infer<typeof sealSchema>;
export type RegisterProblem = z.infer<typeof problemSchema>;
export type PendingAudit = z.infer<typeof pendingAuditSchema>;
export type BackupHint = z.infer<typeof backupHintSchema>;

export const VAULT_FILE = 'keyslots.json';
export const DB_FILE = 'teduh.db';

export function vaultPath(dataDir: string): string {
  return join(dataDir, VAULT_FILE);
}

/** The register's key file exists (or only its previous copy survived, which then stands in for it). */
export function vaultExists(dataDir: string): boolean {
  const file = vaultPath(dataDir);
  return existsSync(file) || existsSync(`${file}.bak`);
}

export function emptyVault(): VaultFile {
  return { format: 'teduh-keyslots', version: 1, slots: [], attempts: {}, pendingAudit: [] };
}

export class VaultCorruptError extends Error {}

/**
 * Reads the key file, or its previous copy when the file is missing or unreadable (a power cut,
 * a deleted file): then the copy is put back as the file, and `onFallback` is told so that the
 * audit trail records it.
 */
export function readVault(dataDir: string, onFallback?: () => void): VaultFile {
  const file = vaultPath(dataDir);
  const parse = (path: string): VaultFile | null => {
    try {
      return vaultSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    } catch {
      return null;
    }
  };
  const main = existsSync(file) ? parse(file) : null;
  if (main) return main;
  const bak = existsSync(`${file}.bak`) ? parse(`${file}.bak`) : null;
  if (!bak) throw new VaultCorruptError('key slot file unreadable');
  writeDurably(file, JSON.stringify(bak, null, 1));
  onFallback?.();
  return bak;
}

function writeDurably(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    fchmodSync(fd, 0o600); // a leftover temp file keeps its own mode when opened
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  syncFolder(dirname(file));
}

/** Makes a rename durable: on POSIX the folder entry is synced too (Windows has no folder handle to sync). */
export function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort: some file systems refuse to sync a folder
  }
}

/**
 * Writes the key file atomically (temp file, fsync, rename), keeping the previous version as
 * `.bak`. With `forget` (a removed slot, a changed register key) the previous version is not
 * kept: the `.bak` gets the new content too, so no copy of a removed slot stays behind.
 */
export function writeVault(dataDir: string, vault: VaultFile, opts: { forget?: boolean } = {}): void {
  const file = vaultPath(dataDir);
  const text = JSON.stringify(vault, null, 1);
  if (opts.forget) {
    writeDurably(file, text);
    writeDurably(`${file}.bak`, text);
    return;
  }
  if (existsSync(file)) {
    copyFileSync(file, `${file}.bak`);
    ensurePrivateFile(`${file}.bak`); // the copy takes the original's mode, which an older Teduh left wider
    const fd = openSync(`${file}.bak`, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  writeDurably(file, text);
}

/**
 * The key file as a backup carries it: the recovery code's and the administrators' slots
 * (portable, so a new PC can be restored), and for each PC-bound staff slot only a stub with
 * its name (its owner is told to ask an administrator for a new password); no failure
 * counters, no queued entries, no problem.
 */
export function vaultForBackup(vault: VaultFile): VaultFile {
  const { problem: _problem, ...rest } = vault;
  return { ...rest, slots: (vault.slots as KeySlot[]).map((s) => (s.bound ? stubOf(s) : s)), attempts: {}, pendingAudit: [] };
}

export function findUserSlot(vault: VaultFile, username: string): KeySlot | undefined {
  const u = username.toLowerCase();
  return vault.slots.find((s) => s.kind === 'user' && s.username?.toLowerCase() === u);
}
