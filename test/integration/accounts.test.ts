import { afterEach, describe, expect, it } from 'vitest';
import { unwrapKey, type KeySlot } from '../../electron/core/vault/keyslots';
import { findUserSlot, readVault } from '../../electron/core/vault/store';
import { anIntake } from '../fixtures/cases';
import { ADMIN, addUser, call, disposeAll, login, newOffice, ok, refused, type Office } from '../fixtures/office';

// Key slots are the subject here: every account uses the real key-derivation cost.

afterEach(disposeAll);

function slots(office: Office): KeySlot[] {
  return readVault(office.dataDir).slots;
}

/** Each slot exactly as serialized in keyslots.json, by id. */
function serializedSlots(office: Office): Map<string, string> {
  return new Map(slots(office).map((s) => [s.id, JSON.stringify(s)]));
}

async function versionOf(office: Office, userId: string): Promise<number> {
  const all = ok(await call(office.core, office.adminToken, 'users.list', {}));
  return all.find((u) => u.id === userId)!.version;
}

const loginAttempt = (office: Office, username: string, password: string) =>
  call(office.core, undefined, 'auth.login', { username, password });

describe('key slots and accounts', () => {
  it("changing a password re-wraps only that user's key slot: the old password stops working, the new one works", async () => {
    const office = await newOffice();
    const worker = await addUser(office, 'case_worker');
    await addUser(office, 'head', { changePassword: false });
    const before = serializedSlots(office);
    const workerSlot = findUserSlot(readVault(office.dataDir), worker.username)!;

    const newPassword = 'Ganti-Lagi-2025';
    ok(await call(office.core, worker.token, 'auth.changePassword', { currentPassword: worker.password, newPassword }));

    const after = serializedSlots(office);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [id, text] of before) {
      if (id === workerSlot.id) expect(after.get(id)).not.toBe(text);
      else expect(after.get(id), `slot ${id} was rewritten`).toBe(text);
    }
    const rewrapped = findUserSlot(readVault(office.dataDir), worker.username)!;
    expect(rewrapped.kdf.salt).not.toBe(workerSlot.kdf.salt);
    const device = office.core.register.device;
    expect(await unwrapKey(rewrapped, worker.password, device)).toBeNull();
    expect((await unwrapKey(rewrapped, newPassword, device))!.equals(office.core.register.databaseKey)).toBe(true);

    refused(await loginAttempt(office, worker.username, worker.password), 'WRONG_PASSWORD');
    await login(office.core, worker.username, newPassword);
  });

  it('a user created by the administrator must change the initial password before doing anything else', async () => {
    const office = await newOffice();
    const desk = await addUser(office, 'front_desk', { changePassword: false });
    const session = ok(await call(office.core, desk.token, 'session.get', {}));
    expect(session.mustChangePassword).toBe(true);

    const register = anIntake('Nur Aini');
    refused(await call(office.core, desk.token, 'cases.register', register), 'PASSWORD_CHANGE_REQUIRED');
    refused(await call(office.core, desk.token, 'office.get', {}), 'PASSWORD_CHANGE_REQUIRED');
    refused(await call(office.core, desk.token, 'settings.get', {}), 'PASSWORD_CHANGE_REQUIRED');

    // The new password must differ from the initial one, and the current one must be right.
    const same = refused(
      await call(office.core, desk.token, 'auth.changePassword', { currentPassword: desk.password, newPassword: desk.password }),
      'VALIDATION',
    );
    expect(same.fields?.newPassword).toBeTruthy();
    refused(
      await call(office.core, desk.token, 'auth.changePassword', { currentPassword: 'Salah-Sandi-9', newPassword: 'Sandi-Saya-2025' }),
      'WRONG_PASSWORD',
    );

    const changed = ok(
      await call(office.core, desk.token, 'auth.changePassword', { currentPassword: desk.password, newPassword: 'Sandi-Saya-2025' }),
    );
    expect(changed.mustChangePassword).toBe(false);
    ok(await call(office.core, desk.token, 'cases.register', register));
    // The next login does not ask again.
    expect(ok(await loginAttempt(office, desk.username, 'Sandi-Saya-2025')).session.mustChangePassword).toBe(false);
  });

  it("the administrator's reset gives a temporary password, ends the user's sessions and asks for a new one", async () => {
    const office = await newOffice();
    const worker = await addUser(office, 'case_worker', { changePassword: false });
    const reset = ok(
      await call(office.core, office.adminToken, 'users.resetPassword', {
        id: worker.id,
        version: await versionOf(office, worker.id),
        temporaryPassword: 'Sementara-123',
      }),
    );
    expect(reset.mustChangePassword).toBe(true);
    refused(await call(office.core, worker.token, 'session.get', {}), 'UNAUTHENTICATED');
    refused(await loginAttempt(office, worker.username, worker.password), 'WRONG_PASSWORD');
    const token = await login(office.core, worker.username, 'Sementara-123');
    refused(await call(office.core, token, 'office.get', {}), 'PASSWORD_CHANGE_REQUIRED');
    // Not for one's own account: that is "change password".
    refused(
      await call(office.core, office.adminToken, 'users.resetPassword', {
        id: office.adminId,
        version: await versionOf(office, office.adminId),
        temporaryPassword: 'Sementara-123',
      }),
      'SELF_ACTION',
    );
  });

  it('deactivating a user deletes their key slot and ends their sessions: they can no longer log in', async () => {
    const office = await newOffice();
    const worker = await addUser(office, 'case_worker', { changePassword: false });
    const other = await addUser(office, 'secretariat', { changePassword: false });
    const otherSlot = findUserSlot(readVault(office.dataDir), other.username)!;
    ok(await call(office.core, worker.token, 'session.get', {}));

    const view = ok(
      await call(office.core, office.adminToken, 'users.deactivate', {
        id: worker.id,
        version: await versionOf(office, worker.id),
        reason: 'Pindah tugas ke dinas lain',
      }),
    );
    expect(view.active).toBe(false);
    expect(view.deactivationReason).toBe('Pindah tugas ke dinas lain');
    expect(slots(office).some((s) => s.userId === worker.id)).toBe(false);
    // The colleague's slot keeps its password wrap; only the register key sealed in it is new.
    const otherAfter = findUserSlot(readVault(office.dataDir), other.username)!;
    expect({ ...otherAfter, sealed: null }).toEqual({ ...otherSlot, sealed: null });
    expect(otherAfter.sealed).not.toEqual(otherSlot.sealed);

    refused(await call(office.core, worker.token, 'session.get', {}), 'UNAUTHENTICATED');
    refused(await loginAttempt(office, worker.username, worker.password), 'WRONG_PASSWORD');
    // The other colleague is unaffected.
    ok(await call(office.core, other.token, 'session.get', {}));
    // The account stays on record (soft delete), shown as inactive.
    const listed = ok(await call(office.core, office.adminToken, 'users.list', { includeInactive: true }));
    expect(listed.find((u) => u.id === worker.id)?.active).toBe(false);
    const activeOnly = ok(await call(office.core, office.adminToken, 'users.list', { includeInactive: false }));
    expect(activeOnly.some((u) => u.id === worker.id)).toBe(false);
  });

  it("the recovery code resets the administrator's password and ends the administrator's open sessions", async () => {
    const office = await newOffice();
    const desk = await addUser(office, 'front_desk', { changePassword: false }); // keeps the register open meanwhile
    const recoverySlot = JSON.stringify(slots(office).find((s) => s.kind === 'recovery'));
    const deskSlot = JSON.stringify(findUserSlot(readVault(office.dataDir), desk.username));

    const recover = (recoveryCode: string, username = ADMIN.username, newPassword = 'Sandi-Pulih-2025') =>
      call(office.core, undefined, 'auth.recover', { recoveryCode, username, newPassword });

    const malformed = refused(await recover('ABCDE-FGHJK'), 'WRONG_PASSWORD');
    expect(malformed.message).toMatch(/25 karakter/);
    const wrongCode = office.recoveryCode.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    refused(await recover(wrongCode), 'WRONG_PASSWORD');

    // As typed on paper: lower case, without dashes.
    ok(await recover(office.recoveryCode.replace(/-/g, '').toLowerCase()));
    refused(await call(office.core, office.adminToken, 'session.get', {}), 'UNAUTHENTICATED');
    refused(await loginAttempt(office, ADMIN.username, ADMIN.password), 'WRONG_PASSWORD');
    const token = await login(office.core, ADMIN.username, 'Sandi-Pulih-2025');
    ok(await call(office.core, token, 'users.list', {}));

    // The recovery code itself keeps working, and nobody else's slot was touched.
    expect(JSON.stringify(slots(office).find((s) => s.kind === 'recovery'))).toBe(recoverySlot);
    expect(JSON.stringify(findUserSlot(readVault(office.dataDir), desk.username))).toBe(deskSlot);

    const audit = ok(await call(office.core, token, 'audit.list', { action: 'auth.recover' })).reverse();
    expect(audit.map((e) => [e.username, e.outcome])).toEqual([
      [ADMIN.username, 'failure'],
      [ADMIN.username, 'failure'],
      [ADMIN.username, 'ok'],
    ]);
  });

  it("the recovery code cannot be used to take over a non-administrator's account", async () => {
    const office = await newOffice();
    const worker = await addUser(office, 'case_worker', { changePassword: false });
    const before = serializedSlots(office);
    ok(await call(office.core, worker.token, 'auth.logout', {}));
    ok(await call(office.core, office.adminToken, 'auth.logout', {}));

    const denied = refused(
      await call(office.core, undefined, 'auth.recover', {
        recoveryCode: office.recoveryCode,
        username: worker.username,
        newPassword: 'Ambil-Alih-2025',
      }),
      'FORBIDDEN',
    );
    expect(denied.message).toMatch(/administrator/);
    expect(office.core.register.isUnlocked()).toBe(false);
    expect(serializedSlots(office)).toEqual(before);
    refused(await loginAttempt(office, worker.username, 'Ambil-Alih-2025'), 'WRONG_PASSWORD');
    await login(office.core, worker.username, worker.password);
  });

  it('an administrator cannot deactivate themselves', async () => {
    const office = await newOffice();
    const self = refused(
      await call(office.core, office.adminToken, 'users.deactivate', {
        id: office.adminId,
        version: await versionOf(office, office.adminId),
        reason: 'coba',
      }),
      'SELF_ACTION',
    );
    expect(self.message).toMatch(/sendiri/);
    const me = ok(await call(office.core, office.adminToken, 'users.list', {})).find((u) => u.id === office.adminId)!;
    expect(me.active).toBe(true);
    expect(slots(office).some((s) => s.userId === office.adminId)).toBe(true);
  });

  it('the last administrator cannot be demoted; another administrator can be, and their sessions end', async () => {
    const office = await newOffice();
    const second = await addUser(office, 'admin');
    const adminFields = { fullName: ADMIN.fullName, nip: '', position: '', rank: '' };

    // Demoting another administrator is fine while one remains; the new role applies from the next login.
    const demoted = ok(
      await call(office.core, office.adminToken, 'users.update', {
        id: second.id,
        version: await versionOf(office, second.id),
        fullName: 'Petugas Kedua',
        role: 'case_worker',
      }),
    );
    expect(demoted.role).toBe('case_worker');
    refused(await call(office.core, second.token, 'users.list', {}), 'UNAUTHENTICATED');
    const again = await login(office.core, second.username, second.password);
    refused(await call(office.core, again, 'users.list', {}), 'FORBIDDEN');

    // Now the first administrator is the only one: they cannot step down.
    const last = refused(
      await call(office.core, office.adminToken, 'users.update', {
        id: office.adminId,
        version: await versionOf(office, office.adminId),
        ...adminFields,
        role: 'head',
      }),
      'SELF_ACTION',
    );
    expect(last.message).toMatch(/administrator/);
    const admins = ok(await call(office.core, office.adminToken, 'users.list', {})).filter((u) => u.role === 'admin' && u.active);
    expect(admins.map((u) => u.id)).toEqual([office.adminId]);
  });
});
