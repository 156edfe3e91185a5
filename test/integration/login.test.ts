import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core';
import { defaultMessages } from '../../electron/core/api/errors';
import { readVault } from '../../electron/core/vault/store';
import {
  ADMIN,
  addUser,
  call,
  disposeAll,
  expectSafeError,
  login,
  newOffice,
  ok,
  refused,
  startCore,
  tempDir,
} from '../fixtures/office';
import { anIntake } from '../fixtures/cases';

// Key slots and unlocking are the subject here: every account uses the real key-derivation cost.

afterEach(disposeAll);

const WRONG = 'bukan-sandinya-1';

describe('logging in', () => {
  it('a wrong password is refused, nothing is unlocked, and the failure is audited after the next login', async () => {
    const { core, adminToken, dataDir } = await newOffice();
    ok(await call(core, adminToken, 'auth.logout', {}));
    expect(core.register.isUnlocked()).toBe(false);

    const wrong = refused(await call(core, undefined, 'auth.login', { username: ADMIN.username, password: WRONG }), 'WRONG_PASSWORD');
    expectSafeError(wrong, WRONG);
    expect(core.register.isUnlocked()).toBe(false);
    expect(ok(await call(core, undefined, 'setup.status', {}))).toEqual({ initialized: true, unlocked: false, problem: null });

    // A name that does not exist gets the very same answer: no hint which accounts exist.
    const unknown = refused(await call(core, undefined, 'auth.login', { username: 'tidak.ada', password: WRONG }), 'WRONG_PASSWORD');
    expect(unknown).toEqual(wrong);
    expect(core.register.isUnlocked()).toBe(false);

    // While locked, the failures wait in the key-slot file (which holds no case data)...
    expect(readVault(dataDir).pendingAudit.map((p) => [p.username, p.action, p.outcome])).toEqual([
      [ADMIN.username, 'auth.login', 'failure'],
      ['tidak.ada', 'auth.login', 'failure'],
    ]);

    // ...and are written to the audit log, with the device, as soon as someone unlocks.
    const token = await login(core, ADMIN.username, ADMIN.password);
    expect(readVault(dataDir).pendingAudit).toEqual([]);
    const entries = ok(await call(core, token, 'audit.list', { action: 'auth.login' })).reverse();
    expect(entries.map((e) => [e.username, e.outcome, e.detail, e.deviceId])).toEqual([
      [ADMIN.username, 'failure', JSON.stringify({ code: 'WRONG_PASSWORD' }), core.register.deviceId],
      ['tidak.ada', 'failure', JSON.stringify({ code: 'WRONG_PASSWORD' }), core.register.deviceId],
      [ADMIN.username, 'ok', null, core.register.deviceId],
    ]);
    // No password is ever written down.
    expect(JSON.stringify(entries)).not.toContain(WRONG);
    expect(ok(await call(core, token, 'audit.verify', {})).ok).toBe(true);
  });

  it('repeated failures bring a growing delay, even for the right password, counted per account', async () => {
    const clock = new ManualClock('2025-03-10T01:00:00Z');
    const office = await newOffice({ clock });
    const { core } = office;
    const worker = await addUser(office, 'case_worker', { changePassword: false });
    ok(await call(core, worker.token, 'auth.logout', {}));
    ok(await call(core, office.adminToken, 'auth.logout', {}));

    const attempt = (password: string, username = ADMIN.username) => call(core, undefined, 'auth.login', { username, password });
    for (let i = 0; i < 3; i++) refused(await attempt(WRONG), 'WRONG_PASSWORD');

    const first = refused(await attempt(ADMIN.password), 'RATE_LIMITED');
    expect(first.retryAfter).toBeGreaterThan(0);
    expect(first.message).toContain(`${first.retryAfter} detik`);
    expect(core.register.isUnlocked()).toBe(false);

    // Another account is not held back by the administrator's failures.
    ok(await call(core, await login(core, worker.username, worker.password), 'auth.logout', {}));

    clock.advance(first.retryAfter! * 1000);
    refused(await attempt(WRONG), 'WRONG_PASSWORD');
    const second = refused(await attempt(ADMIN.password), 'RATE_LIMITED');
    expect(second.retryAfter).toBeGreaterThan(first.retryAfter!);

    clock.advance(1000);
    expect(refused(await attempt(ADMIN.password), 'RATE_LIMITED').retryAfter).toBe(second.retryAfter! - 1);

    clock.advance((second.retryAfter! - 1) * 1000);
    const token = await login(core, ADMIN.username, ADMIN.password);
    // A successful login starts the count again.
    refused(await attempt(WRONG), 'WRONG_PASSWORD');

    const limited = ok(await call(core, token, 'audit.list', { action: 'auth.login', username: ADMIN.username }));
    expect(limited.filter((e) => e.detail === JSON.stringify({ code: 'RATE_LIMITED' }))).toHaveLength(3);
  });

  it('guesses sent all at once cannot skip the growing delay', async () => {
    const { core, adminToken } = await newOffice();
    ok(await call(core, adminToken, 'auth.logout', {}));
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => call(core, undefined, 'auth.login', { username: ADMIN.username, password: `${WRONG}-${i}` })),
    );
    const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code)).sort();
    expect(codes).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED', 'WRONG_PASSWORD', 'WRONG_PASSWORD', 'WRONG_PASSWORD']);
    expect(core.register.isUnlocked()).toBe(false);
  });

  it('two staff logging in at the same moment both get in', async () => {
    const office = await newOffice();
    const worker = await addUser(office, 'front_desk', { changePassword: false });
    ok(await call(office.core, worker.token, 'auth.logout', {}));
    ok(await call(office.core, office.adminToken, 'auth.logout', {}));
    expect(office.core.register.isUnlocked()).toBe(false);
    const [a, b] = await Promise.all([
      call(office.core, undefined, 'auth.login', { username: ADMIN.username, password: ADMIN.password }),
      call(office.core, undefined, 'auth.login', { username: worker.username, password: worker.password }),
    ]);
    expect(ok(await call(office.core, ok(a).token, 'session.get', {})).user.username).toBe(ADMIN.username);
    expect(ok(await call(office.core, ok(b).token, 'session.get', {})).user.username).toBe(worker.username);
  });

  it('the register locks itself when the last person logs out or locks the screen', async () => {
    const office = await newOffice();
    const worker = await addUser(office, 'front_desk', { changePassword: false });
    ok(await call(office.core, office.adminToken, 'auth.logout', {}));
    expect(office.core.register.isUnlocked()).toBe(true); // the front desk is still working
    ok(await call(office.core, worker.token, 'auth.lock', { reason: 'idle' }));
    expect(office.core.register.isUnlocked()).toBe(false);
    expect(() => office.core.register.databaseKey).toThrow();
    // An ended session is not a way back in.
    refused(await call(office.core, worker.token, 'session.get', {}), 'UNAUTHENTICATED');
    refused(await call(office.core, office.adminToken, 'cases.register', anIntake('Ani')), 'UNAUTHENTICATED');
  });

  it('a session left idle past the idle-lock time is ended by the core itself, and the register locks', async () => {
    const clock = new ManualClock('2025-03-10T01:00:00Z');
    const { core, adminToken } = await newOffice({ clock });
    const { idleLockMinutes } = ok(await call(core, adminToken, 'settings.get', {}));
    // Working steadily keeps the session alive...
    for (let i = 0; i < 3; i++) {
      clock.advance((idleLockMinutes - 1) * 60_000);
      ok(await call(core, adminToken, 'session.get', {}));
    }
    // ...walking away from the desk does not, whatever the screen does (a minute's grace for clock drift).
    clock.advance((idleLockMinutes + 1) * 60_000 + 1);
    refused(await call(core, adminToken, 'session.get', {}), 'UNAUTHENTICATED');
    expect(core.register.isUnlocked()).toBe(false);
  });

  it('a LAN host stays unlocked for its paired PCs when the last local session ends', async () => {
    const { core, adminToken } = await newOffice({ keepUnlocked: true });
    ok(await call(core, adminToken, 'auth.logout', {}));
    expect(core.register.isUnlocked()).toBe(true);
    // Still, nobody gets in without logging in.
    refused(await call(core, adminToken, 'office.get', {}), 'UNAUTHENTICATED');
    core.close();
    expect(core.register.isUnlocked()).toBe(false);
  });

  it('setting up twice at the same moment (a double click) creates one office; the other attempt is told it is already set up', async () => {
    const office = await newOffice();
    const again = refused(
      await call(office.core, undefined, 'setup.initialize', { office: { name: 'Kantor Lain' }, admin: { ...ADMIN, username: 'admin2' } }),
      'ALREADY_INITIALIZED',
    );
    expect(again.message).toBe(defaultMessages.ALREADY_INITIALIZED);

    const core = startCore(tempDir());
    const input = { office: { name: 'UPTD PPA Kabupaten Sidoarjo' }, admin: ADMIN };
    const answers = await Promise.all([call(core, undefined, 'setup.initialize', input), call(core, undefined, 'setup.initialize', input)]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    refused(answers.find((a) => !a.ok)!, 'ALREADY_INITIALIZED');
    const winner = ok(answers.find((a) => a.ok)!);
    // The one recovery code shown is the one that works.
    ok(await call(core, winner.token, 'auth.logout', {}));
    ok(await call(core, undefined, 'auth.recover', { recoveryCode: winner.recoveryCode, username: ADMIN.username, newPassword: 'Sandi-Pulih-2025' }));
    await login(core, ADMIN.username, 'Sandi-Pulih-2025');
  });
});
