import Database from 'better-sqlite3';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, GENESIS_HASH, verifyAuditChain, type AuditInput } from '../../electron/core/audit';
import { loadMigrations } from '../../electron/core/db/open';

// The chain's logic on its own: an in-memory database with the shipped schema.

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  for (const m of loadMigrations(join(resolve(import.meta.dirname, '../../resources'), 'migrations'))) {
    for (const stmt of m.sql) if (stmt.trim()) db.exec(stmt);
  }
});
afterEach(() => db.close());

function entry(i: number): AuditInput {
  return {
    at: new Date(Date.UTC(2025, 2, 10, 1, i)).toISOString(),
    userId: `user-${i % 2}`,
    username: i % 2 ? 'rina' : 'budi',
    deviceId: 'pc-loket-1',
    action: i % 3 ? 'cases.get' : 'cases.register',
    outcome: 'ok',
    entityType: 'case',
    entityId: `case-${i}`,
    detail: null,
  };
}

function fill(n: number): void {
  for (let i = 1; i <= n; i++) expect(appendAudit(db, entry(i))).toBe(i);
}

/** Edits a row the way someone holding the key could, triggers out of the way. */
function tamper(sql: string, ...params: unknown[]): void {
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  db.prepare(sql).run(...params);
}

describe('the audit hash chain', () => {
  it('starts from the genesis hash and links each entry to the one before', () => {
    fill(3);
    const rows = db.prepare('SELECT seq, at, prev_hash, hash FROM audit_log ORDER BY seq').all() as { seq: number; at: string; prev_hash: string; hash: string }[];
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(rows[2]!.prev_hash).toBe(rows[1]!.hash);
    expect(verifyAuditChain(db)).toEqual({ ok: true, checked: 3, firstBroken: null, head: { seq: 3, hash: rows[2]!.hash, at: rows[2]!.at }, anchor: null });
  });

  it('an empty log verifies', () => {
    expect(verifyAuditChain(db)).toEqual({ ok: true, checked: 0, firstBroken: null, head: null, anchor: null });
  });

  it.each(['at', 'user_id', 'username', 'device_id', 'action', 'outcome', 'entity_type', 'entity_id', 'detail'])(
    'a change to %s is found at the entry that was changed',
    (column) => {
      fill(6);
      tamper(`UPDATE audit_log SET ${column} = 'diubah' WHERE seq = 4`);
      expect(verifyAuditChain(db)).toMatchObject({ ok: false, checked: 3, firstBroken: { seq: 4, reason: 'isi entri telah diubah' } });
    },
  );

  it('an entry replaced by a forgery with a correct hash of its own still breaks the link to the next one', () => {
    fill(5);
    const rest = db.prepare('SELECT * FROM audit_log WHERE seq > 3 ORDER BY seq').all();
    tamper('DELETE FROM audit_log WHERE seq >= 3');
    appendAudit(db, { ...entry(3), username: 'orang.lain' });
    const insert = db.prepare(
      `INSERT INTO audit_log (seq, at, user_id, username, device_id, action, outcome, entity_type, entity_id, detail, prev_hash, hash)
       VALUES (@seq, @at, @user_id, @username, @device_id, @action, @outcome, @entity_type, @entity_id, @detail, @prev_hash, @hash)`,
    );
    for (const r of rest) insert.run(r);
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, checked: 3, firstBroken: { seq: 4, reason: 'tautan ke entri sebelumnya tidak cocok' } });
  });

  it('a removed entry is found where the gap is', () => {
    fill(5);
    tamper('DELETE FROM audit_log WHERE seq = 2');
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, checked: 1, firstBroken: { seq: 3, reason: 'entri 2 hilang' } });
  });

  it('an entry pointed at a different predecessor is found', () => {
    fill(4);
    tamper("UPDATE audit_log SET prev_hash = (SELECT prev_hash FROM audit_log WHERE seq = 2) WHERE seq = 3");
    expect(verifyAuditChain(db).firstBroken).toEqual({ seq: 3, reason: 'tautan ke entri sebelumnya tidak cocok' });
  });
});
