import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { KeySlot } from './keyslots';

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
const slotSchema = z.object({
  id: z.string(),
  kind: z.enum(['user', 'recovery']),
  userId: z.string().optional(),
  username: z.string().optional(),
  kdf: kdfSchema,
  iv: z.string(),
  tag: z.string(),
  wrapped: z.string(),
  createdAt: z.string(),
});
const pendingAuditSchema = z.object({
  at: z.string(),
  username: z.string().nullable(),
  deviceId: z.string(),
  action: z.string(),
  outcome: z.string(),
  detail: z.string().nullable(),
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
  // Optional: files written before these fields parse as they are.
  problem: problemSchema.nullable().optional(),
  backupHint: backupHintSchema.nullable().optional(),
});

export type VaultFile = z.infer<typeof vaultSchema>;
export type PendingAudit = z.infer<typeof pendingAuditSchema>;
export type RegisterProblem = z.infer<typeof problemSchema>;
export type BackupHint = z.infer<typeof backupHintSchema>;

export const VAULT_FILE = 'keyslots.json';
export const DB_FILE = 'teduh.db';

export function vaultPath(dataDir: string): string {
  return join(dataDir, VAULT_FILE);
}

export function vaultExists(dataDir: string): boolean {
  return existsSync(vaultPath(dataDir));
}

export function emptyVault(): VaultFile {
  return { format: 'teduh-keyslots', version: 1, slots: [], attempts: {}, pendingAudit: [] };
}

export class VaultCorruptError extends Error {}

export function readVault(dataDir: string): VaultFile {
  const file = vaultPath(dataDir);
  for (const candidate of [file, `${file}.bak`]) {
    if (!existsSync(candidate)) continue;
    try {
      return vaultSchema.parse(JSON.parse(readFileSync(candidate, 'utf8')));
    } catch {
      // fall through to the backup copy
    }
  }
  throw new VaultCorruptError('key slot file unreadable');
}

export function writeVault(dataDir: string, vault: VaultFile): void {
  const file = vaultPath(dataDir);
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(vault, null, 1));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (existsSync(file)) copyFileSync(file, `${file}.bak`);
  renameSync(tmp, file);
}

export function findUserSlot(vault: VaultFile, username: string): KeySlot | undefined {
  const u = username.toLowerCase();
  return vault.slots.find((s) => s.kind === 'user' && s.username?.toLowerCase() === u);
}
