import { join, resolve } from 'node:path';
import type { AuditVerifyResult } from '../api/contract';
import { loadMigrations, openDatabase } from '../db/open';
import { existsSync } from 'node:fs';
import { ApiError } from '../api/errors';
import { fileDeviceSecret } from '../vault/device';
import { unwrapWithAnySlot, type DeviceSecret } from '../vault/keyslots';
import { checkSeal } from '../vault/seal';
import { DB_FILE, readVault } from '../vault/store';
import { verifyAuditChain, type AuditAnchor } from './chain';

export interface RegisterCheck {
  /** Lines from PRAGMA integrity_check ("ok" when sound). */
  integrity: string[];
  audit: AuditVerifyResult;
  /**
   * The database against the audit head sealed in the key file: null when there is no seal yet;
   * otherwise whether the database still reaches it, and how many entries it lacks if not.
   */
  sealed: { seq: number; ok: boolean; missingEntries: number | null } | null;
  ok: boolean;
}

const DEFAULT_RESOURCES = resolve(import.meta.dirname, '../../../resources');

/**
 * Checks a register without changing it: unlocks with any user's password or the
 * recovery code, runs SQLite's integrity check and walks the audit chain (and, with an
 * anchor from a printed anchor sheet, checks that the chain still passes through it).
 * Returns null when the secret opens no slot.
 */
export async function verifyRegister(dataDir: string, secret: string, resourcesDir = DEFAULT_RESOURCES, anchor?: AuditAnchor, device: DeviceSecret = fileDeviceSecret()): Promise<RegisterCheck | null> {
  const vault = readVault(dataDir);
  const opened = await unwrapWithAnySlot(vault.slots, secret, device);
  const key = opened?.key ?? null;
  if (!key) return null;
  const migrations = loadMigrations(join(resourcesDir, 'migrations'));
  if (!existsSync(join(dataDir, DB_FILE))) {
    key.fill(0);
    throw new ApiError('REGISTER_PROBLEM', 'Berkas basis data register tidak ditemukan di folder ini (kunci ada, basis datanya tidak). Pulihkan dari cadangan terakhir.');
  }
  const { sqlite } = openDatabase(join(dataDir, DB_FILE), key, migrations, { inspectOnly: true });
  try {
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const audit = verifyAuditChain(sqlite, anchor);
    const seal = vault.seal ? checkSeal(sqlite, key, vault.seal) : null;
    const sealed = vault.seal && seal ? { seq: vault.seal.seq, ok: seal.ok, missingEntries: seal.ok ? null : (seal.missingEntries ?? null) } : null;
    return { integrity, audit, sealed, ok: audit.ok && integrity.length === 1 && integrity[0] === 'ok' && (sealed?.ok ?? true) };
  } finally {
    key.fill(0);
    sqlite.close();
  }
}
