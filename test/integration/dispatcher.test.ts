import { randomBytes } from 'node:crypto';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiErrorBody, ApiResult } from '../../electron/core/api/errors';
import { errorCodes } from '../../electron/core/api/errors';
import type { Core } from '../../electron/core';
import type { MethodName } from '../../electron/core/api/contract';
import { can, roles, type Permission, type Role } from '../../electron/core/api/roles';
import { VAULT_FILE } from '../../electron/core/vault/store';
import {
  ADMIN,
  FAST_SCRYPT_N,
  addUser,
  call,
  disposeAll,
  expectSafeError,
  newOffice,
  ok,
  refused,
  startCore,
} from '../fixtures/office';
import { anIntake } from '../fixtures/cases';
import { dbFile } from '../fixtures/raw-db';

// The subject here is the dispatcher, not key derivation: accounts use the cheaper FAST_SCRYPT_N.
const fast = { scryptN: FAST_SCRYPT_N };

afterEach(disposeAll);

/** Every refusal seen in this file, checked for leaks at the end of each test. */
const seen: ApiErrorBody[] = [];
afterEach(() => {
  for (const e of seen.splice(0)) {
    expect(errorCodes).toContain(e.code);
    expectSafeError(e);
  }
});
function collect<T>(r: ApiResult<T>): ApiResult<T> {
  if (!r.ok) seen.push(r.error);
  return r;
}

async function auditCount(core: Core): Promise<number> {
  return core.register.db.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
}

const aCase = anIntake('Wulan Sari');

describe('the API dispatcher', () => {
  it('an unknown method is refused as such, for anyone, and leaves no trace', async () => {
    const { core, adminToken } = await newOffice(fast);
    const before = await auditCount(core);
    for (const name of ['cases.delete', 'cases.Register', '', ' auth.login', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 42, null, undefined, {}, ['auth.login']]) {
      for (const token of [undefined, adminToken]) {
        const r = collect(await core.call({ token }, name, {}));
        refused(r, 'UNKNOWN_METHOD');
      }
    }
    expect(await auditCount(core)).toBe(before);
  });

  it('invalid input is refused with a message for each field, in Indonesian', async () => {
    const { core, adminToken } = await newOffice(fast);
    const bad = refused(
      collect(await core.call({ token: adminToken }, 'users.create', { username: 'a b', fullName: '  ', role: 'boss', initialPassword: 'pendek' })),
      'VALIDATION',
    );
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['fullName', 'initialPassword', 'role', 'username']);
    expect(bad.fields!.fullName).toBe('Nama lengkap wajib diisi');
    expect(bad.fields!.initialPassword).toBe('Kata sandi minimal 8 karakter');

    const nested = refused(
      collect(await core.call({ token: adminToken }, 'cases.register', { ...aCase, victims: [{ fullName: 'Wulan', nik: '12345' }] })),
      'VALIDATION',
    );
    expect(nested.fields).toEqual({ 'victims.0.nik': 'NIK harus 16 digit angka' });

    // Unknown fields are not silently accepted, and neither is something that is not an object.
    const extra = refused(collect(await core.call({ token: adminToken }, 'settings.get', { admin: true, 'C:\\Users\\x': 1 })), 'VALIDATION');
    // Named in Indonesian, without repeating what was sent.
    expect(extra.fields).toEqual({ _: 'Isian tidak dikenal' });
    refused(collect(await core.call({ token: adminToken }, 'cases.get', 'DROP TABLE cases')), 'VALIDATION');
    refused(collect(await core.call({ token: adminToken }, 'cases.get', [])), 'VALIDATION');
    // No record was created on the way.
    expect(ok(await call(core, adminToken, 'users.list', {}))).toHaveLength(1);
  });

  it('a caller who is not logged in is asked to log in, whatever they send', async () => {
    const office = await newOffice(fast);
    const { core, adminToken } = office;
    const desk = await addUser(office, 'front_desk', { changePassword: false });
    for (const token of [undefined, '', 'x', randomBytes(32).toString('base64url'), `${adminToken}x`, adminToken.slice(1)]) {
      refused(collect(await core.call({ token }, 'cases.register', aCase)), 'UNAUTHENTICATED');
      refused(collect(await core.call({ token }, 'users.list', {})), 'UNAUTHENTICATED');
      refused(collect(await core.call({ token }, 'session.get', {})), 'UNAUTHENTICATED');
      // Even malformed input: who is calling is checked first.
      refused(collect(await core.call({ token }, 'users.create', { username: 1 })), 'UNAUTHENTICATED');
    }
    // A token stops working once its session has ended.
    ok(await call(core, desk.token, 'auth.logout', {}));
    refused(collect(await call(core, desk.token, 'session.get', {})), 'UNAUTHENTICATED');
    // Public methods need no session.
    expect(ok(await call(core, undefined, 'setup.status', {}))).toEqual({ initialized: true, unlocked: true, problem: null });
  });

  it('a front-desk officer cannot create accounts; the refusal is audited with who and where', async () => {
    const office = await newOffice(fast);
    const desk = await addUser(office, 'front_desk');
    const r = refused(
      collect(
        await call(office.core, desk.token, 'users.create', { username: 'teman', fullName: 'Teman', role: 'admin', initialPassword: 'Sandi-Teman-1' }),
      ),
      'FORBIDDEN',
    );
    expect(r.message).toMatch(/hak akses/);
    expect(ok(await call(office.core, office.adminToken, 'users.list', {})).map((u) => u.username)).not.toContain('teman');
    const [entry] = ok(await call(office.core, office.adminToken, 'audit.list', { action: 'users.create', limit: 1 }));
    expect(entry).toMatchObject({ username: desk.username, outcome: 'denied', deviceId: office.core.register.deviceId, detail: JSON.stringify({ code: 'FORBIDDEN' }) });
  });

  it('each role may do what its duties need and is refused the rest (a head cannot manage accounts or verify the audit chain)', async () => {
    const office = await newOffice(fast);
    const nobody = '01900000-0000-7000-8000-000000000000';
    // One harmless call per permission (the compiler keeps the list complete).
    const probes: Record<Permission, [MethodName, unknown]> = {
      'users.manage': ['users.list', {}],
      'office.manage': ['office.update', { name: 'X', version: 1 }],
      'settings.manage': ['settings.update', { idleLockMinutes: 7, version: 1 }],
      'audit.read': ['audit.list', {}],
      'audit.verify': ['audit.verify', {}],
      'cases.create': ['cases.register', aCase],
      'cases.read': ['cases.get', { id: nobody }],
      'cases.approve': ['approvals.list', {}],
      'cases.work': ['cases.update', { caseId: nobody, caseVersion: 1, chronology: 'x' }],
      'reports.read': ['reports.monthly', { endMonth: '2026-11' }],
    };
    for (const role of roles.filter((r): r is Exclude<Role, 'admin'> => r !== 'admin')) {
      const person = await addUser(office, role);
      for (const [permission, [method, input]] of Object.entries(probes)) {
        const r = collect(await office.core.call({ token: person.token }, method, input));
        const allowed = can(role, permission as Permission);
        if (allowed) expect(r.ok || r.error.code !== 'FORBIDDEN', `${role} should be allowed ${method}`).toBe(true);
        else expect(!r.ok && r.error.code, `${role} should be refused ${method}`).toBe('FORBIDDEN');
      }
    }
    // Nobody but the administrator changed the office or the settings.
    expect(ok(await call(office.core, office.adminToken, 'office.get', {})).version).toBe(1);
    expect(ok(await call(office.core, office.adminToken, 'settings.get', {})).version).toBe(1);
  });

  it('saving over a newer version is refused with CONFLICT and the record as it is now', async () => {
    const office = await newOffice(fast);
    const { core, adminToken } = office;
    const second = await addUser(office, 'admin');
    const seenByBoth = ok(await call(core, adminToken, 'office.get', {}));

    const first = ok(await call(core, second.token, 'office.update', { name: 'UPTD PPA Kota Mojokerto (baru)', version: seenByBoth.version }));
    expect(first.version).toBe(seenByBoth.version + 1);
    const stale = refused(collect(await call(core, adminToken, 'office.update', { name: 'Nama Lain', version: seenByBoth.version })), 'CONFLICT');
    expect(stale.current).toMatchObject({ name: 'UPTD PPA Kota Mojokerto (baru)', version: first.version });
    expect(ok(await call(core, adminToken, 'office.get', {})).name).toBe('UPTD PPA Kota Mojokerto (baru)');

    const settings = ok(await call(core, adminToken, 'settings.get', {}));
    ok(await call(core, second.token, 'settings.update', { idleLockMinutes: 10, version: settings.version }));
    const staleSettings = refused(collect(await call(core, adminToken, 'settings.update', { idleLockMinutes: 3, version: settings.version })), 'CONFLICT');
    expect(staleSettings.current).toMatchObject({ idleLockMinutes: 10, version: settings.version + 1 });

    const secondView = ok(await call(core, adminToken, 'users.list', {})).find((u) => u.id === second.id)!;
    ok(await call(core, adminToken, 'users.update', { id: second.id, version: secondView.version, fullName: 'Nama Baru', role: 'admin' }));
    const staleUser = refused(
      collect(await call(core, adminToken, 'users.update', { id: second.id, version: secondView.version, fullName: 'Nama Lama', role: 'admin' })),
      'CONFLICT',
    );
    expect(staleUser.current).toMatchObject({ id: second.id, fullName: 'Nama Baru', version: secondView.version + 1 });

    // The overwritten states are kept in history, not lost.
    const history = core.register.db.sqlite.prepare('SELECT entity_type, version FROM history ORDER BY changed_at, entity_type').all();
    expect(history).toEqual(
      expect.arrayContaining([
        { entity_type: 'office', version: 1 },
        { entity_type: 'settings', version: 1 },
        { entity_type: 'user', version: secondView.version },
      ]),
    );
  });

  it('a damaged key-slot file or a foreign database file gives a plain message, never internals', async () => {
    const office = await newOffice(fast);
    const other = await newOffice(fast);
    ok(await call(office.core, office.adminToken, 'auth.logout', {}));
    ok(await call(other.core, other.adminToken, 'auth.logout', {}));
    const login = async () => collect(await office.core.call({}, 'auth.login', { username: ADMIN.username, password: ADMIN.password }));

    // Another office's database file copied over ours: our key does not open it.
    copyFileSync(dbFile(other.dataDir), dbFile(office.dataDir));
    const foreign = refused(await login(), 'INTERNAL');
    expect(foreign.message).toMatch(/Kunci tidak cocok|rusak/);
    expect(office.core.register.isUnlocked()).toBe(false);

    // A key-slot file (and its backup) damaged beyond reading.
    for (const f of [VAULT_FILE, `${VAULT_FILE}.bak`]) writeFileSync(join(office.dataDir, f), '{"format":"teduh-keyslots", "slots": [');
    const damaged = refused(await login(), 'INTERNAL');
    expect(damaged.message).not.toMatch(/key slot/);
    const restarted = startCore(office.dataDir, fast);
    refused(collect(await restarted.call({}, 'auth.login', { username: ADMIN.username, password: ADMIN.password })), 'INTERNAL');
    expect(restarted.register.isUnlocked()).toBe(false);
  });
});
