import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ADMIN,
  FAST_SCRYPT_N,
  addUser,
  call,
  disposeAll,
  login,
  newOffice,
  ok,
  refused,
  type Office,
} from '../fixtures/office';
import { anIntake } from '../fixtures/cases';
import { ManualClock } from '../../electron/core';
import { docxText } from '../fixtures/documents';
import { openWithKey } from '../fixtures/raw-db';

// The subject here is the audit log, not key derivation: accounts use the cheaper FAST_SCRYPT_N.
const fast = { scryptN: FAST_SCRYPT_N };

afterEach(disposeAll);

const VICTIM = 'Kartika Anggraeni Putri';

/** A morning at the office: setup, accounts, a case registered and read, a few mistakes. */
async function aMorning(office: Office) {
  const { core, adminToken } = office;
  const office0 = ok(await call(core, adminToken, 'office.get', {}));
  ok(await call(core, adminToken, 'office.update', { name: 'UPTD PPA Kota Mojokerto', address: 'Jl. Gajah Mada 1', version: office0.version }));
  const settings = ok(await call(core, adminToken, 'settings.get', {}));
  ok(await call(core, adminToken, 'settings.update', { idleLockMinutes: 10, version: settings.version }));
  const desk = await addUser(office, 'front_desk');
  const registered = ok(await call(core, desk.token, 'cases.register', anIntake(VICTIM)));
  ok(await call(core, desk.token, 'cases.get', { id: registered.id }));
  // A paired PC at the second desk reads the same case.
  ok(await core.call({ token: desk.token, deviceId: 'pc-loket-2' }, 'cases.get', { id: registered.id }));
  refused(await call(core, desk.token, 'users.list', {}), 'FORBIDDEN');
  refused(await call(core, undefined, 'auth.login', { username: desk.username, password: 'keliru-sekali' }), 'WRONG_PASSWORD');
  ok(await call(core, desk.token, 'auth.logout', {}));
  return { desk, caseId: registered.id };
}

function auditRows(office: Office) {
  return office.core.register.db.sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all() as {
    seq: number;
    username: string | null;
    user_id: string | null;
    device_id: string;
    action: string;
    outcome: string;
    entity_type: string | null;
    entity_id: string | null;
    detail: string | null;
  }[];
}

describe('the audit log', () => {
  it('every change, login, failure and case read leaves an entry naming the user and the device', async () => {
    const office = await newOffice(fast);
    const { desk, caseId } = await aMorning(office);
    const here = office.core.register.deviceId;
    const rows = auditRows(office).map((r) => [r.action, r.username, r.outcome, r.device_id, r.entity_type, r.entity_id]);
    expect(rows).toEqual([
      ['setup.initialize', ADMIN.username, 'ok', here, 'office', '1'],
      ['office.update', ADMIN.username, 'ok', here, 'office', '1'],
      ['settings.update', ADMIN.username, 'ok', here, 'settings', 'general'],
      ['users.create', ADMIN.username, 'ok', here, 'user', desk.id],
      ['auth.login', desk.username, 'ok', here, null, null],
      ['auth.changePassword', desk.username, 'ok', here, 'user', desk.id],
      ['cases.register', desk.username, 'ok', here, 'case', caseId],
      ['cases.get', desk.username, 'ok', here, 'case', caseId],
      ['cases.get', desk.username, 'ok', 'pc-loket-2', 'case', caseId],
      ['users.list', desk.username, 'denied', here, null, null],
      ['auth.login', desk.username, 'failure', here, null, null],
      ['auth.logout', desk.username, 'ok', here, null, null],
    ]);
    // Entries made by a logged-in person carry their account id as well as their name.
    for (const r of auditRows(office).filter((r) => r.outcome === 'ok')) expect(r.user_id).toMatch(/^[0-9a-f-]{36}$/);
    // The log says what happened to which record, never what the record says.
    expect(JSON.stringify(auditRows(office))).not.toContain(VICTIM);
    // Reading the log is itself logged.
    ok(await call(office.core, office.adminToken, 'audit.list', {}));
    expect(auditRows(office).at(-1)).toMatchObject({ action: 'audit.list', username: ADMIN.username });
  });

  it('the hash chain verifies over the whole log', async () => {
    const office = await newOffice(fast);
    await aMorning(office);
    const rows = auditRows(office) as unknown as { seq: number; at: string; hash: string }[];
    const last = rows[rows.length - 1]!;
    expect(ok(await call(office.core, office.adminToken, 'audit.verify', {}))).toEqual({
      ok: true,
      checked: rows.length,
      firstBroken: null,
      head: { seq: last.seq, hash: last.hash, at: last.at },
      anchor: null,
    });
  });

  it('an entry edited outside the application is detected at that entry', async () => {
    const office = await newOffice(fast);
    await aMorning(office);
    const read = auditRows(office).find((r) => r.action === 'cases.get')!;
    const key = Buffer.from(office.core.register.databaseKey);
    ok(await call(office.core, office.adminToken, 'auth.logout', {}));
    expect(office.core.register.isUnlocked()).toBe(false);

    // Someone with the key hides who read the case.
    const db = openWithKey(office.dataDir, key);
    expect(() => db.prepare("UPDATE audit_log SET username = 'tidak.ada' WHERE seq = ?").run(read.seq)).toThrow(/append-only/);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET username = 'tidak.ada' WHERE seq = ?").run(read.seq);
    db.close();

    const token = await login(office.core, ADMIN.username, ADMIN.password);
    const verdict = ok(await call(office.core, token, 'audit.verify', {}));
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBroken?.seq).toBe(read.seq);
    expect(verdict.checked).toBe(read.seq - 1);
  });

  it('an entry deleted outside the application is detected where the gap is', async () => {
    const office = await newOffice(fast);
    await aMorning(office);
    const denied = auditRows(office).find((r) => r.outcome === 'denied')!;
    const key = Buffer.from(office.core.register.databaseKey);
    ok(await call(office.core, office.adminToken, 'auth.logout', {}));

    const db = openWithKey(office.dataDir, key);
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq = ?').run(denied.seq);
    db.close();

    const token = await login(office.core, ADMIN.username, ADMIN.password);
    const verdict = ok(await call(office.core, token, 'audit.verify', {}));
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBroken).toEqual({ seq: denied.seq + 1, reason: expect.stringContaining(String(denied.seq)) });
  });

  it('the database itself refuses to update or delete audit and history entries, even by replacing them', async () => {
    const office = await newOffice(fast);
    await aMorning(office);
    const sqlite = office.core.register.db.sqlite;
    const before = JSON.stringify(auditRows(office));
    const attempts = [
      "UPDATE audit_log SET detail = 'x' WHERE seq = 2",
      'DELETE FROM audit_log WHERE seq = 2',
      'DELETE FROM audit_log',
      "INSERT OR REPLACE INTO audit_log SELECT seq, at, user_id, 'orang.lain', device_id, action, outcome, entity_type, entity_id, detail, prev_hash, hash FROM audit_log WHERE seq = 2",
      "INSERT INTO audit_log SELECT * FROM audit_log WHERE seq = 2 ON CONFLICT(seq) DO UPDATE SET username = 'orang.lain'",
      "UPDATE history SET data = '{}'",
      'DELETE FROM history',
      'INSERT OR REPLACE INTO history SELECT * FROM history',
    ];
    expect((sqlite.prepare('SELECT count(*) FROM history').pluck().get() as number) > 0).toBe(true);
    for (const statement of attempts) expect(() => sqlite.exec(statement), statement).toThrow(/append-only/);
    expect(JSON.stringify(auditRows(office))).toBe(before);
    expect(ok(await call(office.core, office.adminToken, 'audit.verify', {})).ok).toBe(true);
  });
});

describe('reading the audit log as a person would', () => {
  it('names a case by its register number and a user by name, and filters by office-calendar dates', async () => {
    const clock = new ManualClock('2026-11-30T16:30:00.000Z'); // 23:30 WIB on 30 November
    const office = await newOffice({ ...fast, clock });
    const { core } = office;
    const c = ok(await call(core, office.adminToken, 'cases.register', anIntake(VICTIM)));
    const worker = await addUser(office, 'case_worker', { changePassword: false });
    clock.advance(60 * 60 * 1000); // 00:30 WIB on 1 December
    const adminToken = await login(core, ADMIN.username, ADMIN.password);
    ok(await call(core, adminToken, 'cases.get', { id: c.id }));

    const all = ok(await call(core, adminToken, 'audit.list', {}));
    const registered = all.find((e) => e.action === 'cases.register')!;
    expect(registered.entityLabel).toBe(c.registerNo);
    expect(all.find((e) => e.action === 'users.create')!.entityLabel).toBe(`Petugas ${worker.username} (${worker.username})`);

    const november = ok(await call(core, adminToken, 'audit.list', { from: '2026-11-30', to: '2026-11-30' }));
    expect(november.some((e) => e.action === 'cases.register')).toBe(true);
    expect(november.some((e) => e.action === 'cases.get')).toBe(false);
    const december = ok(await call(core, adminToken, 'audit.list', { from: '2026-12-01' }));
    expect(december.map((e) => e.action)).toContain('cases.get');
    expect(december.some((e) => e.action === 'cases.register')).toBe(false);
    refused(await call(core, adminToken, 'audit.list', { from: '2026-02-30' }), 'VALIDATION');
  });
});

describe('the audit anchor: a point of the chain kept on paper', () => {
  /** What someone holding the key could do: rewrite an entry and chain every later one anew. */
  function rewriteAndRechain(dataDir: string, key: Buffer, seq: number, username: string): void {
    const db = openWithKey(dataDir, key);
    db.exec('DROP TRIGGER audit_log_no_update');
    type Row = { seq: number; at: string; user_id: string | null; username: string | null; device_id: string; action: string; outcome: string; entity_type: string | null; entity_id: string | null; detail: string | null; prev_hash: string };
    const rows = db.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').all(seq) as Row[];
    let prev = (db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(seq - 1) as { hash: string }).hash;
    for (const r of rows) {
      const row: Row = { ...r, username: r.seq === seq ? username : r.username, prev_hash: prev };
      const canonical = JSON.stringify([row.seq, row.at, row.user_id, row.username, row.device_id, row.action, row.outcome, row.entity_type, row.entity_id, row.detail, row.prev_hash]);
      const hash = createHash('sha256').update(canonical).digest('hex');
      db.prepare('UPDATE audit_log SET username = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(row.username, prev, hash, r.seq);
      prev = hash;
    }
    db.close();
  }

  it('the printed sheet carries the newest entry and its hash; checking against it catches a log rewritten and chained anew', async () => {
    const office = await newOffice(fast);
    await aMorning(office);
    const sheet = ok(await call(office.core, office.adminToken, 'audit.anchorSheet', {}));
    const text = docxText(Buffer.from(sheet.base64, 'base64'));
    const head = ok(await call(office.core, office.adminToken, 'audit.verify', {})).head!;
    // The verify call itself was audited after the sheet: the sheet names the entry before its own.
    const printed = auditRows(office).find((r) => r.action === 'audit.anchorSheet')!;
    const anchorSeq = printed.seq - 1;
    const anchorHash = (auditRows(office).find((r) => r.seq === anchorSeq) as unknown as { hash: string }).hash;
    expect(head.seq).toBeGreaterThan(anchorSeq);
    expect(text).toContain('TITIK JEJAK AUDIT');
    expect(text).toContain(String(anchorSeq));
    expect(text).toContain(anchorHash.slice(0, 8) + ' ' + anchorHash.slice(8, 16));
    expect(text).toContain(anchorHash.slice(56));
    expect(printed.detail).toBe(JSON.stringify({ printed: 'audit_anchor', seq: anchorSeq }));

    // Typed back from paper, with its spaces and in capitals: the first 16 characters are enough.
    const typed = { seq: anchorSeq, hash: `${anchorHash.slice(0, 8).toUpperCase()} ${anchorHash.slice(8, 16)}` };
    const sound = ok(await call(office.core, office.adminToken, 'audit.verify', { anchor: typed }));
    expect(sound).toMatchObject({ ok: true, anchor: { seq: anchorSeq, found: true, matches: true } });
    const wrong = ok(await call(office.core, office.adminToken, 'audit.verify', { anchor: { seq: anchorSeq, hash: 'ffffffffffffffff' } }));
    expect(wrong).toMatchObject({ ok: false, firstBroken: null, anchor: { found: true, matches: false } });
    const later = ok(await call(office.core, office.adminToken, 'audit.verify', { anchor: { seq: 99_999, hash: typed.hash } }));
    expect(later).toMatchObject({ ok: false, anchor: { found: false, matches: false } });
    const bad = refused(await call(office.core, office.adminToken, 'audit.verify', { anchor: { seq: anchorSeq, hash: 'bukan hash' } }), 'VALIDATION');
    expect(bad.fields?.['anchor.hash']).toBe('Hash hanya berisi angka 0–9 dan huruf a–f');

    // Someone with the key hides who read the case, and chains every later entry anew.
    const key = Buffer.from(office.core.register.databaseKey);
    ok(await call(office.core, office.adminToken, 'auth.logout', {}));
    rewriteAndRechain(office.dataDir, key, 5, 'tidak.ada');
    const token = await login(office.core, ADMIN.username, ADMIN.password);
    const rechained = ok(await call(office.core, token, 'audit.verify', {}));
    expect(rechained.ok).toBe(true); // the chain alone cannot tell
    const caught = ok(await call(office.core, token, 'audit.verify', { anchor: typed }));
    expect(caught).toMatchObject({ ok: false, firstBroken: null, anchor: { seq: anchorSeq, found: true, matches: false } });
  });

  it('is printed only from a chain that holds, and only by whoever may verify it', async () => {
    const office = await newOffice(fast);
    await aMorning(office);
    const head = await addUser(office, 'head');
    refused(await call(office.core, head.token, 'audit.anchorSheet', {}), 'FORBIDDEN');
    const key = Buffer.from(office.core.register.databaseKey);
    ok(await call(office.core, office.adminToken, 'auth.logout', {}));
    ok(await call(office.core, head.token, 'auth.logout', {}));
    const db = openWithKey(office.dataDir, key);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET username = 'tidak.ada' WHERE seq = 3").run();
    db.close();
    const token = await login(office.core, ADMIN.username, ADMIN.password);
    expect(refused(await call(office.core, token, 'audit.anchorSheet', {}), 'VALIDATION').message).toContain('entri #3');
  });
});
