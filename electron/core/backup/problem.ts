import { eq } from 'drizzle-orm';
import type { RegisterProblemView } from '../api/contract-backup';
import type { Role } from '../api/roles';
import { appendAudit } from '../audit/chain';
import { settings } from '../db/schema';
import type { Register } from '../register';
import { DB_FILE, VAULT_FILE, type BackupHint } from '../vault/store';
import { listBackups, quickCheck, readBackupSettings } from './service';

/**
 * The register's health: SQLite's quick_check of the live file (weekly, and at every backup),
 * its result kept in the database for the schedule and, when damaged, in the key-slot file too,
 * where the login and first-run screens find it even when the database cannot be opened.
 */

const CHECK_KEY = 'integrity-check';
export const WEEKLY_MS = 7 * 24 * 60 * 60 * 1000;

export interface RegisterCheck {
  integrity: 'ok' | 'damaged';
  checkedAt: string;
}

/** The last check, or null (never checked, or the row cannot be read). */
export function lastRegisterCheck(reg: Register): RegisterCheck | null {
  try {
    const row = reg.db.db.select().from(settings).where(eq(settings.id, CHECK_KEY)).get();
    return (row?.value as RegisterCheck | undefined) ?? null;
  } catch {
    return null;
  }
}

/**
 * Records a check's result: in the database (when it can still be written) and, for damage, in
 * the key-slot file. A later check that passes clears only a 'damaged' problem: the others
 * (rolled back, database missing) are not this check's to clear.
 */
export function recordRegisterCheck(reg: Register, check: RegisterCheck): void {
  try {
    const value = { ...check };
    reg.db.db
      .insert(settings)
      .values({ id: CHECK_KEY, value, createdAt: check.checkedAt, updatedAt: check.checkedAt, createdBy: null, updatedBy: null })
      .onConflictDoUpdate({ target: settings.id, set: { value, updatedAt: check.checkedAt } })
      .run();
  } catch {
    // a damaged database may refuse the write: the key-slot file below still says so
  }
  const v = reg.vault();
  if (check.integrity === 'damaged' && !v.problem) {
    v.problem = { kind: 'damaged', detectedAt: check.checkedAt };
    reg.saveVault(v);
  } else if (check.integrity === 'ok' && v.problem?.kind === 'damaged') {
    v.problem = null;
    reg.saveVault(v);
  }
}

/** Keeps the key-slot file's note of where the backups are in step with the settings. */
export function saveBackupHint(reg: Register, hint: BackupHint | null): void {
  const v = reg.vault();
  if (v.backupHint?.folder === hint?.folder && v.backupHint?.registerId === hint?.registerId) return;
  v.backupHint = hint;
  reg.saveVault(v);
}

/**
 * The weekly check of the live register, from the housekeeping at lock (or on a host's timer):
 * recorded, audited when it finds damage, never throws. Returns whether it ran.
 */
export function weeklyRegisterCheck(reg: Register, log: (line: string) => void): boolean {
  try {
    const last = lastRegisterCheck(reg);
    const now = reg.clock.now().getTime();
    if (last && now - Date.parse(last.checkedAt) < WEEKLY_MS && Date.parse(last.checkedAt) <= now) return false;
    const check: RegisterCheck = { integrity: quickCheck(reg.db.sqlite), checkedAt: reg.nowIso() };
    recordRegisterCheck(reg, check);
    // A routine pass is kept in the settings row (Settings shows it); damage goes into the audit trail too.
    if (check.integrity === 'damaged') {
      auditRegisterCheck(reg, check);
      log('register check: damaged');
    }
    return true;
  } catch {
    log('register check failed');
    return false;
  }
}

function auditRegisterCheck(reg: Register, check: RegisterCheck): void {
  try {
    appendAudit(reg.db.sqlite, {
      at: check.checkedAt,
      userId: null,
      username: null,
      deviceId: reg.deviceId,
      action: 'register.check',
      outcome: 'failure',
      detail: JSON.stringify({ integrity: check.integrity }),
    });
  } catch {
    // a damaged audit table: the key-slot file holds the finding
  }
}

const SEES_PROBLEMS: readonly Role[] = ['admin', 'head'];

/** For the session view: the problem, for the roles that must act on it. */
export function registerProblemFor(reg: Register, role: Role): RegisterProblemView | null {
  return SEES_PROBLEMS.includes(role) ? registerProblemView(reg) : null;
}

/** The recorded problem with the newest good backup; works while the register is locked. Never throws. */
export function registerProblemView(reg: Register): RegisterProblemView | null {
  let v;
  try {
    if (!reg.isInitialized()) return null;
    v = reg.vault();
  } catch {
    return null;
  }
  // The register's own reading: a recorded problem, or keys whose database is gone.
  const problem = reg.problem();
  if (!problem) return null;
  const hint = backupHintOf(reg, v.backupHint ?? null);
  const backups = hint ? listBackups(hint.folder, hint.registerId) : [];
  const good = backups.find((b) => b.check === 'ok') ?? null;
  return {
    kind: problem.kind,
    detectedAt: problem.detectedAt,
    missingEntries: problem.missingEntries ?? null,
    newestGoodBackup: good ? { fileName: good.fileName, createdAt: good.createdAt, auditSeq: good.auditHead?.seq ?? null } : null,
    registerAuditSeq: liveAuditSeq(reg) ?? backups.find((b) => b.auditHead)?.auditHead?.seq ?? null,
    files: { dataFolder: reg.dataDir, database: DB_FILE, keySlots: VAULT_FILE, backupFolder: hint?.folder ?? null },
  };
}

/** The hint in the key-slot file; while the register is open, its settings (a hint not written yet). */
export function backupHintOf(reg: Register, fromVault: BackupHint | null): BackupHint | null {
  if (fromVault) return fromVault;
  if (!reg.isUnlocked()) return null;
  try {
    const s = readBackupSettings(reg.db.db);
    return s.folder && s.registerId ? { folder: s.folder, registerId: s.registerId } : null;
  } catch {
    return null;
  }
}

function liveAuditSeq(reg: Register): number | null {
  if (!reg.isUnlocked()) return null;
  try {
    return (reg.db.sqlite.prepare('SELECT max(seq) AS seq FROM audit_log').get() as { seq: number | null }).seq;
  } catch {
    return null;
  }
}
