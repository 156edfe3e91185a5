import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core';
import { UNKNOWN_USERNAME } from '../../electron/core/auth/throttle';
import { readVault, vaultPath } from '../../electron/core/vault/store';
import { ADMIN, FAST_SCRYPT_N, call, disposeAll, login, newOffice, ok, refused, type Office } from '../fixtures/office';

/**
 * Flooding the login screen with guesses at invented usernames can neither lift the delay on
 * a real account nor erase what was recorded about it, and a name that is no account (perhaps
 * a password typed into the wrong box) is never written down.
 */
afterEach(disposeAll);

const WRONG = 'bukan-sandinya-1';

async function lockedOffice(): Promise<{ office: Office; clock: ManualClock }> {
  const clock = new ManualClock('2026-03-10T01:00:00Z');
  const office = await newOffice({ clock, scryptN: FAST_SCRYPT_N });
  ok(await call(office.core, office.adminToken, 'auth.logout', {}));
  expect(office.core.register.isUnlocked()).toBe(false);
  return { office, clock };
}

const attempt = (office: Office, username: string, password = WRONG) => call(office.core, undefined, 'auth.login', { username, password });

describe('guessing at the login screen', () => {
  it("1,000 unknown usernames do not reset a user's delay or erase the record of guesses", async () => {
    const { office, clock } = await lockedOffice();
    for (let i = 0; i < 3; i++) refused(await attempt(office, ADMIN.username), 'WRONG_PASSWORD');
    const held = refused(await attempt(office, ADMIN.username, ADMIN.password), 'RATE_LIMITED');

    // Sent twenty at a time, as a script on the LAN would.
    for (let i = 0; i < 1000; i += 20) {
      const batch = await Promise.all(Array.from({ length: 20 }, (_, j) => attempt(office, `tebakan.${i + j}`)));
      for (const r of batch) refused(r, 'WRONG_PASSWORD');
    }

    // Still held back, for exactly as long as before.
    expect(refused(await attempt(office, ADMIN.username, ADMIN.password), 'RATE_LIMITED').retryAfter).toBe(held.retryAfter);
    const vault = readVault(office.dataDir);
    expect(Object.keys(vault.attempts).sort()).toEqual([UNKNOWN_USERNAME, ADMIN.username].sort());
    expect(vault.attempts[UNKNOWN_USERNAME]!.failures).toBe(1000);
    // The file stays small: the guesses are counted, not listed.
    expect(vault.pendingAudit.length).toBeLessThan(110);

    clock.advance(held.retryAfter! * 1000);
    const token = await login(office.core, ADMIN.username, ADMIN.password);
    const own = ok(await call(office.core, token, 'audit.list', { action: 'auth.login', username: ADMIN.username, limit: 500 })).reverse();
    expect(own.map((e) => [e.outcome, e.detail])).toEqual([
      ['failure', JSON.stringify({ code: 'WRONG_PASSWORD' })],
      ['failure', JSON.stringify({ code: 'WRONG_PASSWORD' })],
      ['failure', JSON.stringify({ code: 'WRONG_PASSWORD' })],
      ['failure', JSON.stringify({ code: 'RATE_LIMITED' })],
      ['failure', JSON.stringify({ code: 'RATE_LIMITED' })],
      ['ok', null],
    ]);
    // Every guess at an unknown name is accounted for: one by one, then in one summary entry.
    const unknown = ok(await call(office.core, token, 'audit.list', { action: 'auth.login', username: UNKNOWN_USERNAME, limit: 500 }));
    const summaries = unknown.filter((e) => e.detail?.includes('percobaan gagal lainnya'));
    expect(summaries).toHaveLength(1);
    const counted = unknown.length - 1 + (JSON.parse(summaries[0]!.detail!) as { count: number }).count;
    expect(counted).toBe(1000);
    expect(JSON.parse(summaries[0]!.detail!).summary).toMatch(/^\d+ percobaan gagal lainnya$/);
    expect(ok(await call(office.core, token, 'audit.verify', {})).ok).toBe(true);
  }, 120_000);

  it('a password typed into the username box is written nowhere: not in the key-slot file, not in the audit log', async () => {
    const { office } = await lockedOffice();
    const typed = 'Rahasia-Ku-2026';
    refused(await attempt(office, typed), 'WRONG_PASSWORD');
    const onDisk = readFileSync(vaultPath(office.dataDir), 'utf8');
    expect(onDisk.toLowerCase()).not.toContain(typed.toLowerCase());
    expect(readVault(office.dataDir).pendingAudit.map((p) => p.username)).toEqual([UNKNOWN_USERNAME]);

    // Also when the register is open (someone else is logged in), straight into the audit log.
    const token = await login(office.core, ADMIN.username, ADMIN.password);
    refused(await attempt(office, 'Sandi-Lain-2026'), 'WRONG_PASSWORD');
    refused(await call(office.core, undefined, 'auth.recover', { recoveryCode: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA', username: 'Sandi-Ketiga-9', newPassword: 'kuda lari di pasar pagi' }), 'WRONG_PASSWORD');
    const all = JSON.stringify(ok(await call(office.core, token, 'audit.list', { limit: 500 })));
    for (const secret of [typed, 'Sandi-Lain-2026', 'Sandi-Ketiga-9']) expect(all.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(readFileSync(vaultPath(office.dataDir), 'utf8').toLowerCase()).not.toContain('sandi-lain-2026');
  });

  it('an unknown name earns the same delay as a real account, so the answers tell nobody which accounts exist', async () => {
    const { office } = await lockedOffice();
    const answers = async (username: string) => {
      const out = [];
      for (let i = 0; i < 4; i++) {
        const r = await attempt(office, username);
        out.push(r.ok ? 'ok' : [r.error.code, r.error.retryAfter ?? null]);
      }
      return out;
    };
    const real = await answers(ADMIN.username);
    expect(await answers('tidak.ada')).toEqual(real);
    expect(real.at(-1)).toEqual(['RATE_LIMITED', 5]);
  });

  it('a key-slot file from an older Teduh, with names typed at the login screen, still opens and loses those names', async () => {
    const { office } = await lockedOffice();
    const file = vaultPath(office.dataDir);
    const old = JSON.parse(readFileSync(file, 'utf8'));
    old.attempts['sandi-lama-77'] = { failures: 2, lastAt: '2026-03-09T01:00:00.000Z' };
    old.pendingAudit.push({ at: '2026-03-09T01:00:00.000Z', username: 'sandi-lama-77', deviceId: office.core.register.deviceId, action: 'auth.login', outcome: 'failure', detail: '{"code":"WRONG_PASSWORD"}' });
    writeFileSync(file, JSON.stringify(old));

    const token = await login(office.core, ADMIN.username, ADMIN.password);
    expect(JSON.stringify(ok(await call(office.core, token, 'audit.list', { limit: 500 })))).not.toContain('sandi-lama-77');
    refused(await attempt(office, 'tidak.ada'), 'WRONG_PASSWORD');
    const after = readVault(office.dataDir);
    expect(JSON.stringify(after)).not.toContain('sandi-lama-77');
    expect(after.attempts[UNKNOWN_USERNAME]!.failures).toBe(3);
  });
});
