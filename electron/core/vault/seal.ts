import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Sqlite } from '../db/open';
import type { AuditSeal } from './store';

/**
 * The sealed audit head (see Register.sealNow): the newest audit entry's number and hash, with
 * an HMAC under a key derived from the database key, so only someone holding the key can
 * write a seal that checks, and the key file cannot be edited to hide a rollback.
 */
export interface AuditHead {
  seq: number;
  hash: string;
}

function macKey(dbKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dbKey, Buffer.alloc(0), 'teduh-audit-seal', 32));
}

function macOf(dbKey: Buffer, head: AuditHead): string {
  const k = macKey(dbKey);
  try {
    return createHmac('sha256', k).update(`teduh-audit-seal:${head.seq}:${head.hash}`).digest('hex');
  } finally {
    k.fill(0);
  }
}

export function makeSeal(dbKey: Buffer, head: AuditHead): AuditSeal {
  return { seq: head.seq, hash: head.hash, mac: macOf(dbKey, head) };
}

export function auditHeadOf(sqlite: Sqlite): AuditHead {
  const row = sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as AuditHead | undefined;
  return row ?? { seq: 0, hash: '' };
}

export type SealCheck = { ok: true } | { ok: false; missingEntries?: number; reason: 'behind' | 'diverged' | 'forged' };

/**
 * Whether the database still holds the sealed entry: its head at or past the seal, and the
 * entry at the sealed number the one sealed. Behind: `missingEntries` were lost. Diverged: the
 * log was replaced by another. A seal whose MAC does not check was not written by this register.
 */
export function checkSeal(sqlite: Sqlite, dbKey: Buffer, seal: AuditSeal): SealCheck {
  const expected = Buffer.from(macOf(dbKey, seal), 'hex');
  const given = Buffer.from(seal.mac, 'hex');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' };
  const head = auditHeadOf(sqlite);
  if (head.seq < seal.seq) return { ok: false, reason: 'behind', missingEntries: seal.seq - head.seq };
  if (seal.seq === 0) return { ok: true };
  const at = sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(seal.seq) as { hash: string } | undefined;
  return at?.hash === seal.hash ? { ok: true } : { ok: false, reason: 'diverged' };
}
