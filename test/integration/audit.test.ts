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
    const count = auditRows(office).length;
    expect(ok(await call(office.core, office.adminToken, 'audit.verify', {}))).toEqual({ ok: true, checked: count, firstBroken: null });
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
