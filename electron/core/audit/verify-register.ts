import { join, resolve } from 'node:path';
import type { AuditVerifyResult } from '../api/contract';
import { loadMigrations, openDatabase } from '../db/open';
import { unwrapWithAnySlot } from '../vault/keyslots';
import { DB_FILE, readVault } from '../vault/store';
import { verifyAuditChain, type AuditAnchor } from './chain';

export interface RegisterCheck {
  /** Lines from PRAGMA integrity_check ("ok" when sound). */
  integrity: string[];
  audit: AuditVerifyResult;
  ok: boolean;
}

const DEFAULT_RESOURCES = resolve(import.meta.dirname, '../../../resources');

/**
 * Checks a register without changing it: unlocks with any user's password or the
 * recovery code, runs SQLite's integrity check and walks the audit chain (and, with an
 * anchor from a printed anchor sheet, checks that the chain still passes through it).
 * Returns null when the secret opens no slot.
 */
export async function verifyRegister(dataDir: string, secret: string, resourcesDir = DEFAULT_RESOURCES, anchor?: AuditAnchor): Promise<RegisterCheck | null> {
  const opened = await unwrapWithAnySlot(readVault(dataDir).slots, secret);
  const key = opened?.key ?? null;
  if (!key) return null;
  const migrations = loadMigrations(join(resourcesDir, 'migrations'));
  const { sqlite } = openDatabase(join(dataDir, DB_FILE), key, migrations, { inspectOnly: true });
  key.fill(0);
  try {
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const audit = verifyAuditChain(sqlite, anchor);
    return { integrity, audit, ok: audit.ok && integrity.length === 1 && integrity[0] === 'ok' };
  } finally {
    sqlite.close();
  }
}
