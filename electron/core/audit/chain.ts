import { createHash } from 'node:crypto';
import type { Sqlite } from '../db/open';
import type { AuditVerifyResult } from '../api/contract';

/** One audit entry as written. `detail` names fields and codes, never case content. */
export interface AuditInput {
  at: string;
  userId: string | null;
  username: string | null;
  deviceId: string;
  action: string;
  outcome: 'ok' | 'failure' | 'denied';
  entityType?: string | null;
  entityId?: string | null;
  detail?: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

interface Row {
  seq: number;
  at: string;
  user_id: string | null;
  username: string | null;
  device_id: string;
  action: string;
  outcome: string;
  entity_type: string | null;
  entity_id: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

function hashOf(seq: number, e: Omit<Row, 'seq' | 'hash'>): string {
  const canonical = JSON.stringify([
    seq,
    e.at,
    e.user_id,
    e.username,
    e.device_id,
    e.action,
    e.outcome,
    e.entity_type,
    e.entity_id,
    e.detail,
    e.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

const statements = new WeakMap<Sqlite, { last: import('better-sqlite3').Statement; insert: import('better-sqlite3').Statement }>();

function prepared(sqlite: Sqlite) {
  let s = statements.get(sqlite);
  if (!s) {
    s = {
      last: sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
      insert: sqlite.prepare(
        `INSERT INTO audit_log (seq, at, user_id, username, device_id, action, outcome, entity_type, entity_id, detail, prev_hash, hash)
         VALUES (@seq, @at, @user_id, @username, @device_id, @action, @outcome, @entity_type, @entity_id, @detail, @prev_hash, @hash)`,
      ),
    };
    statements.set(sqlite, s);
  }
  return s;
}

/** Appends one entry, chained to the previous one. Call inside the transaction of the change it records. */
export function appendAudit(sqlite: Sqlite, e: AuditInput): number {
  const s = prepared(sqlite);
  const last = s.last.get() as { seq: number; hash: string } | undefined;
  const seq = (last?.seq ?? 0) + 1;
  const row = {
    at: e.at,
    user_id: e.userId,
    username: e.username,
    device_id: e.deviceId,
    action: e.action,
    outcome: e.outcome,
    entity_type: e.entityType ?? null,
    entity_id: e.entityId ?? null,
    detail: e.detail ?? null,
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  s.insert.run({ seq, ...row, hash: hashOf(seq, row) });
  return seq;
}

/** A point of the chain written down outside the register (on paper): an entry and its hash, or the hash's first characters. */
export interface AuditAnchor {
  seq: number;
  hash: string;
}

/** "a1b2 c3d4-..." as typed from paper → "a1b2c3d4..." */
export function normalizeAnchorHash(hash: string): string {
  return hash.replace(/[\s-]/g, '').toLowerCase();
}

/**
 * Walks the whole chain; reports the first entry whose hash or link does not hold. With an
 * anchor, also whether that entry still has the hash written down: someone holding the key
 * could rewrite the log and chain it anew, but not to the hash already on paper.
 */
export function verifyAuditChain(sqlite: Sqlite, anchor?: AuditAnchor): AuditVerifyResult {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let head: AuditVerifyResult['head'] = null;
  let anchorHash: string | null = null;
  const wanted = anchor ? normalizeAnchorHash(anchor.hash) : '';
  const withAnchor = (r: Omit<AuditVerifyResult, 'anchor' | 'head'>): AuditVerifyResult => {
    const matches = anchorHash !== null && anchorHash.startsWith(wanted);
    return {
      ...r,
      ok: r.ok && (!anchor || matches),
      head,
      anchor: anchor ? { seq: anchor.seq, found: anchorHash !== null, matches } : null,
    };
  };
  for (const row of sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<Row>) {
    if (row.seq !== expectedSeq) {
      return withAnchor({ ok: false, checked, firstBroken: { seq: row.seq, reason: `entri ${expectedSeq} hilang` } });
    }
    if (row.prev_hash !== prev) {
      return withAnchor({ ok: false, checked, firstBroken: { seq: row.seq, reason: 'tautan ke entri sebelumnya tidak cocok' } });
    }
    const { hash, seq, ...rest } = row;
    if (hashOf(seq, rest) !== hash) {
      return withAnchor({ ok: false, checked, firstBroken: { seq: row.seq, reason: 'isi entri telah diubah' } });
    }
    if (anchor && seq === anchor.seq) anchorHash = hash;
    head = { seq, hash, at: row.at };
    prev = hash;
    expectedSeq++;
    checked++;
  }
  return withAnchor({ ok: true, checked, firstBroken: null });
}

/**
 * Walks the chain from a point already verified (an entry and its hash) to its newest entry,
 * so a check that runs every day reads only what was added since; from the start without one.
 * The checkpoint's own entry must still have its hash. An entry that cannot even be read (a
 * damaged page) counts as broken there; never throws.
 */
export function verifyAuditChainSince(
  sqlite: Sqlite,
  from: AuditAnchor | null,
): { ok: boolean; checked: number; brokenAt: number | null; head: AuditAnchor | null } {
  let prev = from?.hash ?? GENESIS_HASH;
  let expectedSeq = (from?.seq ?? 0) + 1;
  let checked = 0;
  let head: AuditAnchor | null = from;
  const broken = (seq: number) => ({ ok: false, checked, brokenAt: seq, head });
  try {
    if (from) {
      const at = sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(from.seq) as { hash: string } | undefined;
      if (at?.hash !== from.hash) return broken(from.seq);
    }
    for (const row of sqlite.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq').iterate(from?.seq ?? 0) as IterableIterator<Row>) {
      const { hash, seq, ...rest } = row;
      if (seq !== expectedSeq || row.prev_hash !== prev || hashOf(seq, rest) !== hash) return broken(Math.min(seq, expectedSeq));
      head = { seq, hash };
      prev = hash;
      expectedSeq++;
      checked++;
    }
  } catch {
    return broken(expectedSeq);
  }
  return { ok: true, checked, brokenAt: null, head };
}
