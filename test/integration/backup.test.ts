import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core';
import { BackupFileError, restoreBackup } from '../../electron/core/backup';
import { anIntake } from '../fixtures/cases';
import { openWithKey } from '../fixtures/raw-db';
import { damagePage } from '../fixtures/damage';
import { readVault } from '../../electron/core/vault/store';
import { readBackupHeader } from '../../electron/core/backup';
import { ADMIN, DAY, FAST_SCRYPT_N, addUser, call, disposeAll, login, newOffice, ok, refused, startCore, tempDir, type Office } from '../fixtures/office';

// The subject is the backup, not key derivation: accounts use the cheaper FAST_SCRYPT_N.
const fast = { scryptN: FAST_SCRYPT_N };
afterEach(disposeAll);

const VICTIM = 'Ratna Sari Dewi Kusumawardani';
const ROOT = resolve(import.meta.dirname, '../..');

async function officeWithCase(): Promise<Office & { caseId: string; folder: string }> {
  const office = await newOffice(fast);
  const desk = ok(await call(office.core, office.adminToken, 'cases.register', anIntake(VICTIM)));
  const folder = tempDir('teduh-cadangan-');
  return { ...office, caseId: desk.id, folder };
}

async function setFolder(office: Office, folder: string, extra: { auto?: boolean; keep?: number } = {}) {
  const status = ok(await call(office.core, office.adminToken, 'backup.status', {}));
  return ok(await call(office.core, office.adminToken, 'backup.settings.update', { version: status.version, folder, ...extra }));
}

function auditActions(office: Office): { action: string; outcome: string; detail: string | null }[] {
  return office.core.register.db.sqlite.prepare('SELECT action, outcome, detail FROM audit_log ORDER BY seq').all() as never;
}

describe('backups', () => {
  it('a backup made now is one encrypted file in the chosen folder; restored elsewhere it opens with the password and holds the case', async () => {
    const office = await officeWithCase();
    await setFolder(office, office.folder);
    // Pieces of a backup cut short by a power cut are cleared; the office's own files are not touched.
    writeFileSync(join(office.folder, '.Teduh-cadangan-0a1b2c3d-20260101-000000.tdbk.db-part'), 'x');
    writeFileSync(join(office.folder, 'Teduh-cadangan-0a1b2c3d-20260101-000000.tdbk.part'), 'x');
    writeFileSync(join(office.folder, 'catatan.txt'), 'milik kantor');
    const { made, status } = ok(await call(office.core, office.adminToken, 'backup.run', {}));
    expect(status.backups.map((b) => b.fileName)).toEqual([made.fileName]);
    expect(readdirSync(office.folder).sort()).toEqual([made.fileName, 'catatan.txt'].sort());
    rmSync(join(office.folder, 'catatan.txt'));
    const file = join(office.folder, made.fileName);
    const bytes = readFileSync(file);
    expect(bytes.length).toBe(made.size);
    // Nothing readable: not the victim's name, not SQLite's plain header.
    expect(bytes.includes(Buffer.from(VICTIM))).toBe(false);
    expect(bytes.includes(Buffer.from('Ratna Sari'))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(readdirSync(office.folder)).toEqual([made.fileName]);
    expect(auditActions(office).at(-1)).toMatchObject({ action: 'backup.run', outcome: 'ok' });

    const elsewhere = join(tempDir(), 'register');
    const restored = await restoreBackup(file, elsewhere, ADMIN.password, { nowIso: new Date().toISOString() });
    expect(restored.previous).toBeNull();
    expect(restored.auditEntries).toBeGreaterThanOrEqual(3);
    const core = startCore(elsewhere, fast);
    const token = await login(core, ADMIN.username, ADMIN.password);
    const c = ok(await call(core, token, 'cases.get', { id: office.caseId }));
    expect(c.persons.map((p) => p.fullName)).toContain(VICTIM);
    expect(ok(await call(core, token, 'audit.verify', {})).ok).toBe(true);
  });

  it('the recovery code opens a backup too; a wrong secret, a damaged or cut file and a non-backup are refused and nothing is replaced', async () => {
    const office = await officeWithCase();
    await setFolder(office, office.folder);
    const { made } = ok(await call(office.core, office.adminToken, 'backup.run', {}));
    const file = join(office.folder, made.fileName);
    const target = join(tempDir(), 'register');
    const now = () => new Date().toISOString();

    await expect(restoreBackup(file, target, 'bukan-sandinya', { nowIso: now() })).rejects.toThrow(/tidak membuka cadangan/);
    const damaged = join(tempDir(), 'rusak.tdbk');
    const copy = Buffer.from(readFileSync(file));
    copy[copy.length - 5000]! ^= 0xff;
    writeFileSync(damaged, copy);
    await expect(restoreBackup(damaged, target, ADMIN.password, { nowIso: now() })).rejects.toThrow(/SHA-256/);
    const cut = join(tempDir(), 'terpotong.tdbk');
    writeFileSync(cut, readFileSync(file));
    truncateSync(cut, statSync(cut).size - 100);
    await expect(restoreBackup(cut, target, ADMIN.password, { nowIso: now() })).rejects.toThrow(/terpotong/);
    const other = join(tempDir(), 'foto.jpg');
    writeFileSync(other, Buffer.from('\xff\xd8\xff\xe0 bukan cadangan', 'latin1'));
    await expect(restoreBackup(other, target, ADMIN.password, { nowIso: now() })).rejects.toBeInstanceOf(BackupFileError);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(join(target, '..')).filter((n) => n.includes('pemulihan'))).toEqual([]);

    const r = await restoreBackup(file, target, office.recoveryCode.toLowerCase(), { nowIso: now() });
    expect(r.previous).toBeNull();
    expect(existsSync(join(target, 'teduh.db'))).toBe(true);
  });

  it('restoring over a register moves that register aside, never deletes it', async () => {
    const office = await officeWithCase();
    await setFolder(office, office.folder);
    const { made } = ok(await call(office.core, office.adminToken, 'backup.run', {}));
    // A case registered after the backup: the restore goes back to before it, and the moved-aside register still has it.
    const later = ok(await call(office.core, office.adminToken, 'cases.register', anIntake('Sesudah Cadangan')));
    office.core.close();
    const r = await restoreBackup(join(office.folder, made.fileName), office.dataDir, ADMIN.password, { nowIso: new Date().toISOString() });
    expect(r.previous).not.toBeNull();
    expect(existsSync(join(r.previous!, 'teduh.db'))).toBe(true);
    const restored = startCore(office.dataDir, fast);
    const token = await login(restored, ADMIN.username, ADMIN.password);
    refused(await call(restored, token, 'cases.get', { id: later.id }), 'NOT_FOUND');
    ok(await call(restored, token, 'cases.get', { id: office.caseId }));
    const before = startCore(r.previous!, fast);
    ok(await call(before, await login(before, ADMIN.username, ADMIN.password), 'cases.get', { id: later.id }));
  });

  it('keeps the newest backups only, as many as set', async () => {
    const clock = new ManualClock('2026-11-02T01:00:00.000Z');
    const office = await newOffice({ ...fast, clock });
    const folder = tempDir('teduh-cadangan-');
    await setFolder(office, folder, { keep: 3 });
    const made: string[] = [];
    let token = office.adminToken;
    for (let i = 0; i < 5; i++) {
      made.push(ok(await call(office.core, token, 'backup.run', {})).made.fileName);
      clock.advance(60_000);
      token = await login(office.core, ADMIN.username, ADMIN.password);
    }
    expect(readdirSync(folder).sort()).toEqual(made.slice(2).sort());
    // Named by the office's wall clock (01:00 UTC is 08:00 WIB), so the office reads it as its own time.
    expect(made[0]).toMatch(/^Teduh-cadangan-[0-9a-f]{8}-20261102-080000-WIB\.tdbk$/);
    expect(auditActions(office).filter((a) => a.action === 'backup.run').at(-1)!.detail).toContain('"removed":1');
  });

  it('a backup named by an older Teduh (UTC, no zone) is still listed at its right time beside the new ones', async () => {
    const office = await officeWithCase();
    const folder = office.folder;
    await setFolder(office, folder);
    const made = ok(await call(office.core, office.adminToken, 'backup.run', {})).made;
    const registerId = /^Teduh-cadangan-([0-9a-f]{8})-/.exec(made.fileName)![1]!;
    copyFileSync(join(folder, made.fileName), join(folder, `Teduh-cadangan-${registerId}-20260101-000000.tdbk`));
    const listed = ok(await call(office.core, office.adminToken, 'backup.status', {})).backups;
    expect(listed.find((b) => b.fileName.endsWith('-20260101-000000.tdbk'))?.createdAt).toBe('2026-01-01T00:00:00.000Z');
    // The name keeps the time to the second.
    expect(listed.find((b) => b.fileName === made.fileName)?.createdAt).toBe(`${made.createdAt.slice(0, 19)}.000Z`);
  });

  it('two registers share one backup folder without counting or removing each other\'s backups', async () => {
    const a = await officeWithCase();
    const b = await newOffice(fast);
    await setFolder(a, a.folder, { keep: 3 });
    await setFolder(b, a.folder, { keep: 3, auto: true });
    const fromA = ok(await call(a.core, a.adminToken, 'backup.run', {})).made.fileName;
    const statusB = ok(await call(b.core, b.adminToken, 'backup.status', {}));
    expect(statusB.backups).toEqual([]);
    expect(statusB.due).toBe(true);
    ok(await call(b.core, b.adminToken, 'auth.logout', {}));
    const names = readdirSync(a.folder);
    expect(names).toHaveLength(2);
    expect(names).toContain(fromA);
    expect(ok(await call(a.core, a.adminToken, 'backup.status', {})).backups.map((x) => x.fileName)).toEqual([fromA]);
  });

  it('a PC clock set back (a flat CMOS battery) never makes the new backup the one removed', async () => {
    const clock = new ManualClock('2026-11-02T01:00:00.000Z');
    const office = await newOffice({ ...fast, clock });
    const folder = tempDir('teduh-cadangan-');
    await setFolder(office, folder, { keep: 3, auto: false });
    let token = office.adminToken;
    for (let i = 0; i < 3; i++) {
      ok(await call(office.core, token, 'backup.run', {}));
      clock.advance(60_000);
      token = await login(office.core, ADMIN.username, ADMIN.password);
    }
    clock.set('2025-12-01T01:00:00.000Z');
    token = await login(office.core, ADMIN.username, ADMIN.password);
    const { made, status } = ok(await call(office.core, token, 'backup.run', {}));
    expect(readdirSync(folder)).toContain(made.fileName);
    expect(readdirSync(folder)).toHaveLength(3);
    // Its newest backup is dated in the future: the daily one is still due.
    expect(status.due).toBe(false);
    ok(await call(office.core, token, 'backup.settings.update', { version: status.version, auto: true }));
    expect(ok(await call(office.core, token, 'backup.status', {})).due).toBe(true);
  });

  it('a backup whose audit chain is broken is still restored (the cases matter more), and the break is said', async () => {
    const office = await officeWithCase();
    await setFolder(office, office.folder, { auto: false });
    const key = Buffer.from(office.core.register.databaseKey);
    ok(await call(office.core, office.adminToken, 'auth.logout', {}));
    const db = openWithKey(office.dataDir, key);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET username = 'tidak.ada' WHERE seq = 2").run();
    db.close();
    const token = await login(office.core, ADMIN.username, ADMIN.password);
    const { made } = ok(await call(office.core, token, 'backup.run', {}));
    const fresh = startCore(join(tempDir(), 'register'), fast);
    const r = ok(await call(fresh, undefined, 'setup.restore', { path: join(office.folder, made.fileName), secret: ADMIN.password }));
    expect(r.auditBroken).toMatchObject({ seq: 2 });
    ok(await call(fresh, await login(fresh, ADMIN.username, ADMIN.password), 'cases.get', { id: office.caseId }));
  });

  it('the folder must be a full path outside the data folder, and must exist', async () => {
    const office = await officeWithCase();
    const status = ok(await call(office.core, office.adminToken, 'backup.status', {}));
    const attempt = async (folder: string) =>
      refused(await call(office.core, office.adminToken, 'backup.settings.update', { version: status.version, folder }), 'VALIDATION').fields?.folder;
    expect(await attempt('cadangan')).toContain('alamat folder lengkap');
    expect(await attempt(join(office.dataDir, 'cadangan'))).toContain('di dalam folder data Teduh');
    expect(await attempt(join(office.dataDir, '..cadangan'))).toContain('di dalam folder data Teduh');
    expect(await attempt(office.dataDir)).toContain('di dalam folder data Teduh');
    expect(await attempt(join(office.folder, 'belum-ada'))).toContain('Folder tidak ditemukan');
    // Not set up: making one says what to do.
    expect(refused(await call(office.core, office.adminToken, 'backup.run', {}), 'VALIDATION').message).toContain('Atur folder cadangan');
    // The flash disk is unplugged after it was set: the status says so.
    const usb = tempDir('teduh-usb-');
    await setFolder(office, usb);
    expect(ok(await call(office.core, office.adminToken, 'backup.status', {})).folderProblem).toBeNull();
  });

  it('the daily backup is made when the last person logs out, once a day, and recorded in the audit trail', async () => {
    const office = await officeWithCase();
    await setFolder(office, office.folder, { auto: true });
    ok(await call(office.core, office.adminToken, 'auth.logout', {}));
    expect(readdirSync(office.folder)).toHaveLength(1);
    // Back within the day: no second backup at the next logout.
    let token = await login(office.core, ADMIN.username, ADMIN.password);
    ok(await call(office.core, token, 'auth.logout', {}));
    expect(readdirSync(office.folder)).toHaveLength(1);
    token = await login(office.core, ADMIN.username, ADMIN.password);
    const actions = auditActions(office).filter((a) => a.action === 'backup.auto');
    expect(actions).toEqual([expect.objectContaining({ outcome: 'ok' })]);
    // Switched off: none at logout even when due.
    const status = ok(await call(office.core, token, 'backup.status', {}));
    expect(status.due).toBe(false);
    ok(await call(office.core, token, 'backup.settings.update', { version: status.version, auto: false }));
    ok(await call(office.core, token, 'auth.logout', {}));
    expect(readdirSync(office.folder)).toHaveLength(1);
  });

  it('a daily backup that cannot be written (the USB disk is out) is recorded as failed, and tried again an hour later, not at every lock', async () => {
    const clock = new ManualClock('2026-11-02T08:00:00.000Z');
    const office = await newOffice({ ...fast, clock });
    const usb = tempDir('teduh-usb-');
    await setFolder(office, usb, { auto: true });
    rmSync(usb, { recursive: true });
    ok(await call(office.core, office.adminToken, 'auth.logout', {}));
    let token = await login(office.core, ADMIN.username, ADMIN.password);
    ok(await call(office.core, token, 'auth.logout', {}));
    token = await login(office.core, ADMIN.username, ADMIN.password);
    expect(auditActions(office).filter((a) => a.action === 'backup.auto')).toEqual([expect.objectContaining({ outcome: 'failure' })]);
    expect(ok(await call(office.core, token, 'backup.status', {})).folderProblem).toContain('Folder tidak ditemukan');
    ok(await call(office.core, token, 'auth.logout', {}));
    // Plugged in again, an hour later: the next lock makes it.
    mkdirSync(usb);
    clock.advance(61 * 60_000);
    token = await login(office.core, ADMIN.username, ADMIN.password);
    ok(await call(office.core, token, 'auth.logout', {}));
    expect(readdirSync(usb)).toHaveLength(1);
  });

  it('a new PC restores the register from a backup on its first-run screen, and the restore is in the audit trail', async () => {
    const office = await officeWithCase();
    await setFolder(office, office.folder);
    const { made } = ok(await call(office.core, office.adminToken, 'backup.run', {}));
    const file = join(office.folder, made.fileName);
    // The office's own PC still refuses: it has a register.
    refused(await call(office.core, undefined, 'setup.restore', { path: file, secret: ADMIN.password }), 'ALREADY_INITIALIZED');

    const fresh = startCore(join(tempDir(), 'register'), fast);
    const missing = refused(await call(fresh, undefined, 'setup.restore', { path: join(office.folder, 'tidak-ada.tdbk'), secret: ADMIN.password }), 'VALIDATION');
    expect(missing.fields).toEqual({ path: 'Berkas cadangan tidak ditemukan.' });
    const wrong = refused(await call(fresh, undefined, 'setup.restore', { path: file, secret: 'bukan-sandinya' }), 'VALIDATION');
    expect(Object.keys(wrong.fields ?? {})).toEqual(['secret']);
    expect(ok(await call(fresh, undefined, 'setup.status', {}))).toEqual({ initialized: false, unlocked: false, problem: null });

    const r = ok(await call(fresh, undefined, 'setup.restore', { path: file, secret: office.recoveryCode }));
    expect(r.backupCreatedAt).toBe(made.createdAt);
    expect(ok(await call(fresh, undefined, 'setup.status', {}))).toEqual({ initialized: true, unlocked: false, problem: null });
    const token = await login(fresh, ADMIN.username, ADMIN.password);
    expect(ok(await call(fresh, token, 'cases.get', { id: office.caseId })).persons.map((p) => p.fullName)).toContain(VICTIM);
    const entries = ok(await call(fresh, token, 'audit.list', { action: 'setup.restore' }));
    // The refused tries came before there was a register to record them in; the restore itself is recorded.
    expect(entries.map((e) => e.outcome)).toEqual(['ok']);
    expect(entries[0]!.deviceId).toBe(fresh.register.deviceId);
    expect(ok(await call(fresh, token, 'audit.verify', {})).ok).toBe(true);
  });

  it('teduh restore puts a backup in place from the command line, and refuses a wrong password', async () => {
    const office = await officeWithCase();
    await setFolder(office, office.folder);
    const { made } = ok(await call(office.core, office.adminToken, 'backup.run', {}));
    const target = join(tempDir(), 'register');
    const run = (password: string) =>
      new Promise<{ code: number | null; out: string; err: string }>((done) => {
        const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'electron', 'cli', 'index.ts'), 'restore', '--data-dir', target, '--from', join(office.folder, made.fileName)], { cwd: ROOT });
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.stdin.end(`${password}\n`);
        child.on('close', (code) => done({ code, out, err }));
      });
    const wrong = await run('salah-sandi-sekali');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('tidak membuka cadangan');
    const right = await run(ADMIN.password);
    expect(right.code).toBe(0);
    expect(right.out).toContain('Register dipulihkan dari cadangan');
    expect(existsSync(join(target, 'keyslots.json'))).toBe(true);
  });

  describe('a damaged register', () => {
    /** An office with enough cases that one page of them can be damaged unnoticed; the register closed, its key kept. */
    async function officeToDamage(clock: ManualClock) {
      const office = await newOffice({ ...fast, clock });
      for (let i = 0; i < 40; i++) ok(await call(office.core, office.adminToken, 'cases.register', anIntake(`Korban Nomor ${i}`)));
      const key = Buffer.from(office.core.register.databaseKey);
      return { ...office, key };
    }

    it('a damaged page is caught by the next backup and the last good backup is kept', async () => {
      const clock = new ManualClock('2026-11-02T09:00:00.000Z');
      const office = await officeToDamage(clock);
      const folder = tempDir('teduh-cadangan-');
      await setFolder(office, folder, { keep: 3, auto: true });
      ok(await call(office.core, office.adminToken, 'auth.logout', {}));
      const [good] = readdirSync(folder);
      expect(good).toMatch(/^Teduh-cadangan-[0-9a-f]{8}-20261102-160000-WIB\.tdbk$/);
      const goodCheck = readBackupHeader(join(folder, good!)).header.check!;
      expect(goodCheck).toMatchObject({ integrity: 'ok', auditChain: 'ok', checkedAt: '2026-11-02T09:00:00.000Z' });
      expect(goodCheck.auditHead!.seq).toBeGreaterThan(40);

      office.core.close();
      damagePage(office.dataDir, office.key, 'case_steps');
      const core = startCore(office.dataDir, { ...fast, clock });
      // Three working days: people log in and out as usual, and notice nothing.
      for (let day = 1; day <= 3; day++) {
        clock.advance(DAY);
        const token = await login(core, ADMIN.username, ADMIN.password);
        ok(await call(core, token, 'cases.register', anIntake(`Hari ${day}`)));
        ok(await call(core, token, 'auth.logout', {}));
      }
      const names = readdirSync(folder).sort();
      // The good backup is still there though keep = 3; the three later ones are marked damaged.
      expect(names).toContain(good);
      expect(names.filter((n) => n.endsWith('-rusak.tdbk'))).toHaveLength(3);
      for (const n of names.filter((x) => x !== good)) expect(readBackupHeader(join(folder, n)).header.check).toMatchObject({ integrity: 'damaged' });
      // A fourth day: an older damaged one goes, the good one stays.
      clock.advance(DAY);
      ok(await call(core, await login(core, ADMIN.username, ADMIN.password), 'auth.logout', {}));
      expect(readdirSync(folder)).toHaveLength(4);
      expect(readdirSync(folder)).toContain(good);

      // Recorded: in the audit trail, and in the key-slot file (readable while locked).
      expect(readVault(office.dataDir).problem).toMatchObject({ kind: 'damaged', detectedAt: '2026-11-03T09:00:00.000Z' });
      expect(readVault(office.dataDir).backupHint).toEqual({ folder, registerId: expect.stringMatching(/^[0-9a-f]{8}$/) });
      const status = ok(await call(core, undefined, 'setup.status', {}));
      expect(status.problem).toMatchObject({ kind: 'damaged', newestGoodBackup: { fileName: good, auditSeq: goodCheck.auditHead!.seq }, files: { database: 'teduh.db', keySlots: 'keyslots.json', backupFolder: folder } });
      expect(status.problem!.registerAuditSeq).toBeGreaterThan(goodCheck.auditHead!.seq);
      const token = await login(core, ADMIN.username, ADMIN.password);
      const autos = auditActions({ ...office, core }).filter((a) => a.action === 'backup.auto');
      expect(autos.map((a) => JSON.parse(a.detail!).check.integrity)).toEqual(['ok', 'damaged', 'damaged', 'damaged', 'damaged']);
      const backup = ok(await call(core, token, 'backup.status', {}));
      expect(backup.lastGood?.fileName).toBe(good);
      expect(backup.registerCheck).toMatchObject({ integrity: 'damaged' });
      expect(backup.backups.filter((b) => b.check === 'damaged')).toHaveLength(3);

      // The good one restores; a damaged one is refused.
      const damaged = readdirSync(folder).find((n) => n.endsWith('-rusak.tdbk'))!;
      await expect(restoreBackup(join(folder, damaged), join(tempDir(), 'r'), ADMIN.password, { nowIso: clock.now().toISOString() })).rejects.toThrow(/integritas/);
      ok(await call(core, token, 'auth.logout', {}));
      const r = ok(await call(core, undefined, 'setup.restoreNewestGood', { fileName: good!, secret: ADMIN.password }));
      expect(r.backupCreatedAt).toBe('2026-11-02T09:00:00.000Z');
      expect(ok(await call(core, undefined, 'setup.status', {})).problem).toBeNull();
      const after = await login(core, ADMIN.username, ADMIN.password);
      expect(ok(await call(core, after, 'audit.verify', {})).ok).toBe(true);
      expect((core.register.db.sqlite.pragma('quick_check', { simple: true }) as string)).toBe('ok');
      expect(readdirSync(join(office.dataDir, '..')).some((n) => n.includes('sebelum-pemulihan'))).toBe(true);
    });

    it('a damaged register is reported to the administrator at login and on the dashboard', async () => {
      const clock = new ManualClock('2026-11-02T09:00:00.000Z');
      const office = await officeToDamage(clock);
      const head = await addUser(office, 'head', { username: 'kepala' });
      const desk = await addUser(office, 'front_desk', { username: 'loket' });
      const folder = tempDir('teduh-cadangan-');
      await setFolder(office, folder, { auto: false });
      ok(await call(office.core, office.adminToken, 'backup.run', {}));
      expect(ok(await call(office.core, office.adminToken, 'session.get', {})).registerProblem).toBeNull();
      office.core.close();
      damagePage(office.dataDir, office.key, 'case_steps');

      // No daily backup: the weekly check at the lock finds it.
      const core = startCore(office.dataDir, { ...fast, clock });
      clock.advance(8 * DAY);
      ok(await call(core, await login(core, head.username, head.password), 'auth.logout', {}));
      expect(readVault(office.dataDir).problem).toMatchObject({ kind: 'damaged' });
      const admin = await login(core, ADMIN.username, ADMIN.password);
      const seen = ok(await call(core, admin, 'session.get', {})).registerProblem;
      expect(seen).toMatchObject({ kind: 'damaged', newestGoodBackup: { createdAt: '2026-11-02T09:00:00.000Z' } });
      expect(ok(await call(core, await login(core, head.username, head.password), 'session.get', {})).registerProblem).toMatchObject({ kind: 'damaged' });
      // Staff do not come in until it is dealt with: what they typed would be lost by the restore.
      refused(await call(core, undefined, 'auth.login', { username: desk.username, password: desk.password }), 'REGISTER_PROBLEM');
      const checks = auditActions({ ...office, core }).filter((a) => a.action === 'register.check');
      expect(checks).toEqual([expect.objectContaining({ outcome: 'failure' })]);
      // A backup made by hand now is written, marked damaged, and does not replace the good one.
      const { made, status } = ok(await call(core, admin, 'backup.run', {}));
      expect(made).toMatchObject({ check: 'damaged', fileName: expect.stringMatching(/-rusak\.tdbk$/) });
      expect(status.lastGood?.createdAt).toBe('2026-11-02T09:00:00.000Z');
      // While the register is open, its restore waits until everyone has logged out.
      refused(await call(core, undefined, 'setup.restoreNewestGood', { fileName: status.lastGood!.fileName, secret: ADMIN.password }), 'CONFLICT');
    });

    it('a register put back from an older backup is not taken for a damaged one at its next backup', async () => {
      const clock = new ManualClock('2026-11-02T09:00:00.000Z');
      const office = await newOffice({ ...fast, clock });
      const folder = tempDir('teduh-cadangan-');
      await setFolder(office, folder, { keep: 5, auto: false });
      const older = ok(await call(office.core, office.adminToken, 'backup.run', {})).made;
      clock.advance(60_000);
      ok(await call(office.core, office.adminToken, 'cases.register', anIntake(VICTIM)));
      expect(ok(await call(office.core, office.adminToken, 'backup.run', {})).made.check).toBe('ok');
      office.core.close();
      await restoreBackup(join(folder, older.fileName), office.dataDir, ADMIN.password, { nowIso: clock.now().toISOString() });
      const core = startCore(office.dataDir, { ...fast, clock });
      clock.advance(60_000);
      const token = await login(core, ADMIN.username, ADMIN.password);
      const { made } = ok(await call(core, token, 'backup.run', {}));
      expect(made.check).toBe('ok');
      expect(ok(await call(core, token, 'session.get', {})).registerProblem).toBeNull();
    });

    it('backups written before they were checked still list and restore, as unchecked', async () => {
      const office = await officeWithCase();
      await setFolder(office, office.folder, { keep: 3 });
      const { made } = ok(await call(office.core, office.adminToken, 'backup.run', {}));
      // Rewritten as the previous version wrote it: the same file without the check in its header.
      const file = join(office.folder, made.fileName);
      const bytes = readFileSync(file);
      const end = bytes.indexOf(0x0a, 17);
      const header = JSON.parse(bytes.subarray(17, end).toString('latin1'));
      delete header.check;
      writeFileSync(file, Buffer.concat([bytes.subarray(0, 17), Buffer.from(JSON.stringify(header)), bytes.subarray(end)]));
      const status = ok(await call(office.core, office.adminToken, 'backup.status', {}));
      expect(status.backups).toEqual([expect.objectContaining({ fileName: made.fileName, check: 'unchecked' })]);
      expect(status.lastGood).toBeNull();
      const r = await restoreBackup(file, join(tempDir(), 'r'), ADMIN.password, { nowIso: new Date().toISOString() });
      expect(r.header.check).toBeUndefined();
    });
  });
});
