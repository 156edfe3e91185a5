import { afterEach, describe, expect, it } from 'vitest';
import { passwordStrength } from '../../electron/core/api/password-strength';
import {
  ADMIN,
  FAST_SCRYPT_N,
  OFFICE_NAME,
  addUser,
  call,
  disposeAll,
  login,
  newOffice,
  ok,
  refused,
  startCore,
  tempDir,
} from '../fixtures/office';

/**
 * Every way of choosing a password refuses one that is easy to guess, with the reason in
 * Indonesian under the field; the person's own names and the office's count as easy.
 */
afterEach(disposeAll);

const EASY = ['12345678', 'password', 'admin123', 'Password1', 'bismillah', 'sayang123', 'aaaaaaaa'];
const PASSPHRASE = 'kuda lari di pasar pagi';

function expectRefusedField(r: Awaited<ReturnType<typeof call>>, field: string): string {
  const error = refused(r, 'VALIDATION');
  const message = error.fields?.[field] ?? '';
  expect(message).toMatch(/^Kata sandi terlalu mudah ditebak: .+\.$/);
  // Never the library's own English words.
  expect(message).not.toMatch(/\b(the|is|are|password|common|guess|words?)\b/i);
  return message;
}

describe('choosing a password', () => {
  it('an administrator cannot give a new user a common password, their username, their name or the office name', async () => {
    const office = await newOffice({ scryptN: FAST_SCRYPT_N });
    const user = { fullName: 'Dewi Lestari', role: 'case_worker' as const };
    for (const initialPassword of [...EASY, 'dewi.lestari', 'DewiLestari', 'Dewi Lestari 1', OFFICE_NAME, 'uptdppakotamojokerto']) {
      expectRefusedField(await call(office.core, office.adminToken, 'users.create', { ...user, username: 'dewi.lestari', initialPassword }), 'initialPassword');
    }
    const named = expectRefusedField(
      await call(office.core, office.adminToken, 'users.create', { ...user, username: 'dewi.lestari', initialPassword: 'dewi.lestari' }),
      'initialPassword',
    );
    expect(named).toContain('nama pengguna');
    // Nothing was created by the refusals; a real passphrase is accepted.
    expect(ok(await call(office.core, office.adminToken, 'users.list', {})).map((u) => u.username)).toEqual([ADMIN.username]);
    ok(await call(office.core, office.adminToken, 'users.create', { ...user, username: 'dewi.lestari', initialPassword: PASSPHRASE }));
  });

  it('setting up the office refuses an easy administrator password, and creates nothing', async () => {
    const core = startCore(tempDir(), { scryptN: FAST_SCRYPT_N });
    for (const password of [...EASY, 'admin', 'Kota-Mojokerto', OFFICE_NAME]) {
      if (password.length < 8) continue;
      const r = await call(core, undefined, 'setup.initialize', { office: { name: OFFICE_NAME }, admin: { ...ADMIN, password } });
      expectRefusedField(r, 'admin.password');
    }
    expect(core.register.isInitialized()).toBe(false);
    ok(await call(core, undefined, 'setup.initialize', { office: { name: OFFICE_NAME }, admin: { ...ADMIN, password: PASSPHRASE } }));
  });

  it('a user cannot change their own password to an easy one, and the old one still works', async () => {
    const office = await newOffice({ scryptN: FAST_SCRYPT_N });
    const worker = await addUser(office, 'case_worker', { username: 'budi.santoso' });
    for (const newPassword of [...EASY, 'budi.santoso1', 'Budi Santoso']) {
      expectRefusedField(await call(office.core, worker.token, 'auth.changePassword', { currentPassword: worker.password, newPassword }), 'newPassword');
    }
    await login(office.core, worker.username, worker.password);
  });

  it('an administrator cannot reset a password to an easy temporary one', async () => {
    const office = await newOffice({ scryptN: FAST_SCRYPT_N });
    const worker = await addUser(office, 'front_desk', { username: 'sri.wahyuni' });
    const u = ok(await call(office.core, office.adminToken, 'users.list', {})).find((x) => x.id === worker.id)!;
    for (const temporaryPassword of [...EASY, 'sri.wahyuni']) {
      expectRefusedField(await call(office.core, office.adminToken, 'users.resetPassword', { id: u.id, version: u.version, temporaryPassword }), 'temporaryPassword');
    }
    ok(await call(office.core, office.adminToken, 'users.resetPassword', { id: u.id, version: u.version, temporaryPassword: PASSPHRASE }));
  });

  it('the recovery code cannot set an easy administrator password', async () => {
    const office = await newOffice({ scryptN: FAST_SCRYPT_N });
    for (const newPassword of ['12345678', 'Password1', 'admin123', 'Rina Wulandari']) {
      const r = await call(office.core, undefined, 'auth.recover', { recoveryCode: office.recoveryCode, username: ADMIN.username, newPassword });
      expectRefusedField(r, 'newPassword');
    }
    await login(office.core, ADMIN.username, ADMIN.password);
  });

  it('the meter and the core agree: the same rule, with the same names counted', async () => {
    const ctx = { username: 'admin', fullName: ADMIN.fullName, officeName: OFFICE_NAME };
    for (const p of EASY) expect((await passwordStrength(p, ctx)).strongEnough).toBe(false);
    expect(await passwordStrength('Wulandari2025', ctx)).toMatchObject({ strongEnough: false, hint: 'userInputs' });
    expect(await passwordStrength(PASSPHRASE, ctx)).toMatchObject({ strongEnough: true, hint: null });
    expect(await passwordStrength('Kantor-Teduh-2025', ctx)).toMatchObject({ strongEnough: true });
  });
});
