import { copyFileSync, cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../electron/core/db/open';
import { fileDeviceSecret } from '../../electron/core/vault/device';
import { unwrapKey, unwrapWithAnySlot, type KeySlot } from '../../electron/core/vault/keyslots';
import { DB_FILE, VAULT_FILE, findUserSlot, readVault, type VaultFile } from '../../electron/core/vault/store';
import { unpackBackup } from '../../electron/core/backup/file';
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
  startCore,
  tempDir,
  type Office,
} from '../fixtures/office';

/**
 * The register's keys as an attacker with a copy of the files, and a clumsy office, would try
 * them: a copied folder, a removed colleague's old key file, files copied over or deleted.
 */

afterEach(disposeAll);

const vaultOf = (dir: string): VaultFile => JSON.parse(readFileSync(join(dir, VAULT_FILE), 'utf8')) as VaultFile;

/** The data folder copied as it is on disk, e.g. onto a USB stick. */
function copyFolder(from: string): string {
  const to = tempDir('teduh-copy-');
  cpSync(from, to, { recursive: true });
  return to;
}

async function officeWithDesk(): Promise<{ office: Office; desk: Awaited<ReturnType<typeof addUser>> }> {
  const office = await newOffice({ scryptN: FAST_SCRYPT_N });
  const desk = await addUser(office, 'front_desk');
  return { office, desk };
}

function opensWith(dataDir: string, key: Buffer): boolean {
  try {
    openEncrypted(join(dataDir, DB_FILE), key, { fileMustExist: true, readonly: true }).close();
    return true;
  } catch {
    return false;
  }
}

async function userCount(office: Office): Promise<number> {
  return ok(await call(office.core, office.adminToken, 'users.list', { includeInactive: true })).length;
}

describe('key slots a colleague cannot take home', () => {
  it('a copied folder does not open elsewhere with a front-desk password, while the administrator can restore it there', async () => {
    const { office, desk } = await officeWithDesk();
    office.core.register.lock();
    const copy = copyFolder(office.dataDir);

    // On another PC (its own secret storage), the front-desk password opens nothing, and says why.
    const elsewhere = startCore(copy, { scryptN: FAST_SCRYPT_N, deviceSecret: fileDeviceSecret(tempDir('teduh-other-pc-')) });
    const r = await call(elsewhere, undefined, 'auth.login', { username: desk.username, password: desk.password });
    const error = refused(r, 'PASSWORD_REISSUE_NEEDED');
    expect(error.message).toMatch(/terikat pada PC/);
    expect(elsewhere.register.isUnlocked()).toBe(false);
    // Nor with the command-line tools' "any password or the recovery code".
    expect(await unwrapWithAnySlot(readVault(copy).slots as KeySlot[], desk.password, fileDeviceSecret(tempDir()))).toBeNull();
    // The staff slot holds no password wrap in the clear that could be tried offline.
    const slot = findUserSlot(readVault(copy), desk.username)!;
    expect(slot.bound).toBeTruthy();
    expect(slot.wrapped).toBeUndefined();
    // The administrator's slot is portable: a new PC can be set up from the folder.
    await login(elsewhere, ADMIN.username, ADMIN.password);
  });

  it('on the office PC the same front-desk password still works', async () => {
    const { office, desk } = await officeWithDesk();
    office.core.register.lock();
    const again = startCore(office.dataDir, { scryptN: FAST_SCRYPT_N });
    await login(again, desk.username, desk.password);
  });

  it('a backup carries no PC-bound slot: only a stub that tells its owner to ask for a new password', async () => {
    const { office, desk } = await officeWithDesk();
    const folder = tempDir('teduh-backups-');
    const status = ok(await call(office.core, office.adminToken, 'backup.status', {}));
    ok(await call(office.core, office.adminToken, 'backup.settings.update', { version: status.version, folder }));
    const made = ok(await call(office.core, office.adminToken, 'backup.run', {})).made;
    const out = tempDir();
    unpackBackup(join(folder, made.fileName), { vaultFile: join(out, VAULT_FILE), dbFile: join(out, DB_FILE) });
    const carried = readVault(out);
    const deskSlot = findUserSlot(carried, desk.username)!;
    expect(deskSlot.reissue).toBe(true);
    expect(deskSlot.bound ?? deskSlot.wrapped ?? deskSlot.sealed).toBeUndefined();
    expect(carried.slots.some((s) => s.kind === 'recovery' && s.sealed)).toBe(true);

    const restored = startCore(out, { scryptN: FAST_SCRYPT_N });
    refused(await call(restored, undefined, 'auth.login', { username: desk.username, password: desk.password }), 'PASSWORD_REISSUE_NEEDED');
    await login(restored, ADMIN.username, ADMIN.password);
  });
});

describe('a removed key is really gone', () => {
  it("a deactivated user's old password opens nothing, not even with the .bak or a copy of the old key file", async () => {
    const { office } = await officeWithDesk();
    const worker = await addUser(office, 'case_worker');
    const head = await addUser(office, 'head');
    // What a leaving colleague could have copied on their last day.
    const oldVault = readFileSync(join(office.dataDir, VAULT_FILE));
    const oldSlot = findUserSlot(readVault(office.dataDir), worker.username)!;
    const device = office.core.register.device;
    const oldKey = (await unwrapKey(oldSlot, worker.password, device))!;
    const usersBefore = await userCount(office);

    const version = ok(await call(office.core, office.adminToken, 'users.list', {})).find((u) => u.id === worker.id)!.version;
    ok(await call(office.core, office.adminToken, 'users.deactivate', { id: worker.id, version, reason: 'Pindah tugas' }));

    // No file beside the register holds their slot any more.
    for (const name of [VAULT_FILE, `${VAULT_FILE}.bak`]) {
      const text = readFileSync(join(office.dataDir, name), 'utf8');
      expect(text, name).not.toContain(oldSlot.id);
    }
    expect(existsSync(join(office.dataDir, `${VAULT_FILE}.tmp`))).toBe(false);
    // The key their old slot held no longer opens the database: it was changed.
    office.core.register.lock();
    expect(opensWith(office.dataDir, oldKey)).toBe(false);
    // Putting their old key file back does not help them either.
    const attempt = tempDir();
    cpSync(office.dataDir, attempt, { recursive: true });
    writeFileSync(join(attempt, VAULT_FILE), oldVault);
    rmSync(join(attempt, `${VAULT_FILE}.bak`));
    const withOldFile = startCore(attempt, { scryptN: FAST_SCRYPT_N });
    const r = await call(withOldFile, undefined, 'auth.login', { username: worker.username, password: worker.password });
    expect(r.ok).toBe(false);
    expect(withOldFile.register.isUnlocked()).toBe(false);

    // Everyone else logs in as before, and nothing was lost.
    const again = startCore(office.dataDir, { scryptN: FAST_SCRYPT_N });
    const token = await login(again, ADMIN.username, ADMIN.password);
    await login(again, head.username, head.password);
    expect(ok(await call(again, token, 'users.list', { includeInactive: true }))).toHaveLength(usersBefore);
    refused(await call(again, undefined, 'auth.login', { username: worker.username, password: worker.password }), 'WRONG_PASSWORD');
  });

  it('the administrator changes the register key: every account still opens it, the old key opens nothing', async () => {
    const { office, desk } = await officeWithDesk();
    const before = Buffer.from(office.core.register.databaseKey);
    const result = ok(await call(office.core, office.adminToken, 'register.changeKey', {}));
    expect(result.reissue).toEqual([]);
    const after = office.core.register.databaseKey;
    expect(after.equals(before)).toBe(false);
    // The sessions open during the change carry on.
    ok(await call(office.core, office.adminToken, 'users.list', {}));
    office.core.register.lock();
    expect(opensWith(office.dataDir, before)).toBe(false);
    const again = startCore(office.dataDir, { scryptN: FAST_SCRYPT_N });
    await login(again, desk.username, desk.password);
    const audit = ok(await call(again, await login(again, ADMIN.username, ADMIN.password), 'audit.list', { action: 'register.changeKey', limit: 5 }));
    expect(audit.map((a) => a.outcome)).toEqual(['ok']);
    // The recovery code opens the new key too.
    expect((await unwrapWithAnySlot(readVault(office.dataDir).slots as KeySlot[], office.recoveryCode))?.key.equals(again.register.databaseKey)).toBe(true);
  });

  it('a key change cut short by a power cut is settled at the next login, whichever half was durable', async () => {
    const { office, desk } = await officeWithDesk();
    const reg = office.core.register;
    // Cut after the new key was sealed beside the old one, before the database was re-keyed:
    // simulated by keeping the key file of that moment and the database from before.
    reg.lock();
    const beforeDb = tempDir();
    for (const f of [DB_FILE]) copyFileSync(join(office.dataDir, f), join(beforeDb, f));
    const token = await login(office.core, ADMIN.username, ADMIN.password);
    const midway = tempDir();
    const originalSave = reg.saveVault.bind(reg);
    let sealedBesideOld: VaultFile | null = null;
    reg.saveVault = (v, opts) => {
      if (!sealedBesideOld && v.slots.some((s) => s.next)) sealedBesideOld = structuredClone(v);
      originalSave(v, opts);
    };
    ok(await call(office.core, token, 'register.changeKey', {}));
    reg.saveVault = originalSave;
    reg.lock();
    expect(sealedBesideOld).not.toBeNull();

    // Half 1: the database still has the old key; the key file holds both.
    cpSync(office.dataDir, midway, { recursive: true });
    copyFileSync(join(beforeDb, DB_FILE), join(midway, DB_FILE));
    writeFileSync(join(midway, VAULT_FILE), JSON.stringify(sealedBesideOld));
    rmSync(join(midway, `${VAULT_FILE}.bak`), { force: true });
    for (const f of ['-wal', '-shm']) rmSync(join(midway, DB_FILE + f), { force: true });
    const first = startCore(midway, { scryptN: FAST_SCRYPT_N });
    await login(first, desk.username, desk.password);
    expect(vaultOf(midway).slots.some((s) => s.next)).toBe(false);

    // Half 2: the database was re-keyed; the key file still names the old key first.
    const rekeyed = tempDir();
    cpSync(office.dataDir, rekeyed, { recursive: true });
    writeFileSync(join(rekeyed, VAULT_FILE), JSON.stringify(sealedBesideOld));
    rmSync(join(rekeyed, `${VAULT_FILE}.bak`), { force: true });
    const second = startCore(rekeyed, { scryptN: FAST_SCRYPT_N });
    await login(second, desk.username, desk.password);
    expect(vaultOf(rekeyed).slots.some((s) => s.next)).toBe(false);
    second.register.lock();
    await login(startCore(rekeyed, { scryptN: FAST_SCRYPT_N }), ADMIN.username, ADMIN.password);
  });
});

describe('a register that notices when it is missing records', () => {
  it('an older database copied over the current one is reported at unlock, with the number of entries missing', async () => {
    const { office, desk } = await officeWithDesk();
    const reg = office.core.register;
    reg.lock();
    const old = tempDir();
    copyFileSync(join(office.dataDir, DB_FILE), join(old, DB_FILE));
    // Work goes on: three more accounts, several audit entries.
    const token = await login(office.core, ADMIN.username, ADMIN.password);
    for (const n of [1, 2, 3]) ok(await call(office.core, token, 'users.create', { username: `baru${n}`, fullName: `Baru ${n}`, role: 'case_worker', initialPassword: 'Sandi-Awal-Kantor-9' }));
    reg.lock();
    const sealed = vaultOf(office.dataDir).seal!;

    copyFileSync(join(old, DB_FILE), join(office.dataDir, DB_FILE));
    const again = startCore(office.dataDir, { scryptN: FAST_SCRYPT_N });
    // Staff cannot come in on a register that lost records; the administrator can, to act on it.
    refused(await call(again, undefined, 'auth.login', { username: desk.username, password: desk.password }), 'REGISTER_PROBLEM');
    const status = ok(await call(again, undefined, 'setup.status', {}));
    expect(status.problem?.kind).toBe('rolled-back');
    expect(status.problem?.missingEntries).toBeGreaterThan(3);
    expect(status.problem?.missingEntries).toBeLessThanOrEqual(sealed.seq);
    const adminToken = await login(again, ADMIN.username, ADMIN.password);
    const audit = ok(await call(again, adminToken, 'audit.list', { action: 'register.rolledBack', limit: 5 }));
    expect(audit).toHaveLength(1);
    // The evidence stays until an administrator decides: the seal is not moved back to the old head.
    expect(vaultOf(office.dataDir).seal).toEqual(sealed);
    ok(await call(again, adminToken, 'register.acknowledgeProblem', { reason: 'Tidak ada cadangan yang lebih baru; diterima.' }));
    expect(ok(await call(again, undefined, 'setup.status', {})).problem).toBeNull();
    await login(again, desk.username, desk.password);
  });

  it('a deleted WAL is reported: the commits it held are missing', async () => {
    const { office } = await officeWithDesk();
    const token = office.adminToken;
    office.core.register.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    for (const n of [1, 2]) ok(await call(office.core, token, 'users.create', { username: `wal${n}`, fullName: `Wal ${n}`, role: 'head', initialPassword: 'Sandi-Awal-Kantor-9' }));
    office.core.register.sealNow();
    // The PC goes off with the register open; then the WAL is lost (a disk check, a clumsy clean-up).
    const copy = copyFolder(office.dataDir);
    expect(existsSync(join(copy, `${DB_FILE}-wal`))).toBe(true);
    rmSync(join(copy, `${DB_FILE}-wal`));
    rmSync(join(copy, `${DB_FILE}-shm`), { force: true });
    const after = startCore(copy, { scryptN: FAST_SCRYPT_N });
    await login(after, ADMIN.username, ADMIN.password);
    const status = ok(await call(after, undefined, 'setup.status', {}));
    expect(status.problem?.kind).toBe('rolled-back');
    expect(status.problem?.missingEntries).toBeGreaterThan(0);
  });

  it('a deleted database is not replaced by an empty one', async () => {
    const { office, desk } = await officeWithDesk();
    office.core.register.lock();
    rmSync(join(office.dataDir, DB_FILE));
    const again = startCore(office.dataDir, { scryptN: FAST_SCRYPT_N });
    const status = ok(await call(again, undefined, 'setup.status', {}));
    expect(status.initialized).toBe(true);
    expect(status.problem?.kind).toBe('database-missing');
    for (const who of [{ username: ADMIN.username, password: ADMIN.password }, desk]) {
      const error = refused(await call(again, undefined, 'auth.login', { username: who.username, password: who.password }), 'REGISTER_PROBLEM');
      expect(error.message).toMatch(/cadangan/);
    }
    expect(existsSync(join(office.dataDir, DB_FILE))).toBe(false);
  });

  it('a missing key file is replaced by its previous copy, and the audit trail says so', async () => {
    const { office, desk } = await officeWithDesk();
    office.core.register.lock();
    rmSync(join(office.dataDir, VAULT_FILE));
    const again = startCore(office.dataDir, { scryptN: FAST_SCRYPT_N });
    expect(ok(await call(again, undefined, 'setup.status', {})).initialized).toBe(true);
    await login(again, desk.username, desk.password);
    const token = await login(again, ADMIN.username, ADMIN.password);
    expect(existsSync(join(office.dataDir, VAULT_FILE))).toBe(true);
    const audit = ok(await call(again, token, 'audit.list', { action: 'vault.restoredFromCopy', limit: 5 }));
    expect(audit).toHaveLength(1);
  });
});
