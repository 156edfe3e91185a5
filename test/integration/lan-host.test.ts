import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { connect as netConnect } from 'node:net';
import { fileSecretStore, requestPairing } from '../../electron/core/lan';
import { freePort } from '../fixtures/lan/processes';
import { ADMIN, FAST_SCRYPT_N, addUser, call, disposeAll, newOffice, ok, onDispose, refused, startCore, tempDir } from '../fixtures/office';

/** The host's side in one process: when it listens, what it keeps, automatic unlock. */
afterEach(disposeAll);

describe('the LAN host', () => {
  it('keeps its key in the database, keeps the register open while hosting, and after a restart stays silent until unlocked unless automatic unlock was chosen', async () => {
    const dataDir = tempDir();
    const secretFile = join(tempDir(), 'os-secret');
    const store = fileSecretStore(secretFile);
    const office = await newOffice({ dataDir, scryptN: FAST_SCRYPT_N });
    await office.core.lan.activate({ advertise: false, unlockSecrets: store });
    const port = await freePort();
    ok(await call(office.core, office.adminToken, 'lan.enableHost', { port, bindAddress: '127.0.0.1' }));
    await office.core.lan.reconcile();
    expect(office.core.lan.status().listening).toBe(true);
    // The key is in the database, never in a file beside it.
    const key = ok(await call(office.core, office.adminToken, 'lan.status', {})).fingerprint;
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    for (const f of ['keyslots.json', 'device-id']) expect(readFileSync(join(dataDir, f), 'utf8')).not.toContain('PRIVATE KEY');

    ok(await call(office.core, office.adminToken, 'auth.logout', {}));
    expect(office.core.register.isUnlocked()).toBe(true);
    await office.core.lan.close();
    office.core.close();

    // Restart without automatic unlock: nothing listens.
    const locked = startCore(dataDir, { scryptN: FAST_SCRYPT_N });
    await locked.lan.activate({ advertise: false });
    expect(locked.register.isUnlocked()).toBe(false);
    expect(locked.lan.port).toBeNull();
    // An administrator opts in to automatic unlock.
    const admin = ok(await call(locked, undefined, 'auth.login', { username: 'admin', password: ADMIN.password })).token;
    expect(locked.lan.status().autoUnlock.available).toBe(false);
    refused(await call(locked, admin, 'lan.setAutoUnlock', { enabled: true }), 'UNAVAILABLE');
    await locked.lan.close();
    locked.close();

    const withStore = startCore(dataDir, { scryptN: FAST_SCRYPT_N });
    await withStore.lan.activate({ advertise: false, unlockSecrets: store });
    const admin2 = ok(await call(withStore, undefined, 'auth.login', { username: 'admin', password: ADMIN.password })).token;
    expect(ok(await call(withStore, admin2, 'lan.setAutoUnlock', { enabled: true })).autoUnlock).toEqual({ available: true, enabled: true });
    expect(existsSync(secretFile)).toBe(true);
    await withStore.lan.close();
    withStore.close();

    // Restart: open and listening with nobody typing a password.
    const auto = startCore(dataDir, { scryptN: FAST_SCRYPT_N });
    await auto.lan.activate({ advertise: false, unlockSecrets: store });
    expect(auto.register.isUnlocked()).toBe(true);
    expect(auto.lan.port).toBe(port);
    // Turning sharing off turns automatic unlock off too.
    const admin3 = ok(await call(auto, undefined, 'auth.login', { username: 'admin', password: ADMIN.password })).token;
    ok(await call(auto, admin3, 'lan.disableHost', {}));
    expect(existsSync(secretFile)).toBe(false);
    await auto.lan.reconcile();
    expect(auto.lan.port).toBeNull();
    ok(await call(auto, admin3, 'auth.logout', {}));
    expect(auto.register.isUnlocked()).toBe(false);
    await auto.lan.close();
  });

  it('a host with automatic unlock still opens by itself after the administrator changed the register key', async () => {
    const dataDir = tempDir();
    const store = fileSecretStore(join(tempDir(), 'os-secret'));
    const office = await newOffice({ dataDir, scryptN: FAST_SCRYPT_N });
    await office.core.lan.activate({ advertise: false, unlockSecrets: store });
    ok(await call(office.core, office.adminToken, 'lan.enableHost', { port: await freePort(), bindAddress: '127.0.0.1' }));
    ok(await call(office.core, office.adminToken, 'lan.setAutoUnlock', { enabled: true }));
    ok(await call(office.core, office.adminToken, 'register.changeKey', {}));
    await new Promise((r) => setImmediate(r));
    await office.core.lan.close();
    office.core.close();

    const restarted = startCore(dataDir, { scryptN: FAST_SCRYPT_N });
    await restarted.lan.activate({ advertise: false, unlockSecrets: store });
    expect(restarted.register.isUnlocked()).toBe(true);
    await restarted.lan.close();
  });

  it("a change sent twice with one idempotency key is done once, and its answer goes only to the session that sent it", async () => {
    const office = await newOffice({ scryptN: FAST_SCRYPT_N });
    const other = await addUser(office, 'admin');
    const pc = { id: '01900000-0000-7000-8000-0000000000aa', name: 'PC Depan', fingerprint: 'ab'.repeat(32) };
    const input = { name: 'RSUD Dua Kali', kind: 'hospital' };
    const first = await office.core.lan.serveCall(pc, office.adminToken, 'institutions.save', input, 'kunci-permintaan-1');
    const again = await office.core.lan.serveCall(pc, office.adminToken, 'institutions.save', input, 'kunci-permintaan-1');
    expect(again).toEqual(first);
    const count = () => (office.core.register.db.sqlite.prepare('SELECT count(*) AS n FROM institutions').get() as { n: number }).n;
    expect(count()).toBe(1);
    refused(await office.core.lan.serveCall(pc, other.token, 'institutions.save', input, 'kunci-permintaan-1'), 'VALIDATION');
    expect(count()).toBe(1);
  });

  it('strangers on the LAN sending junk, half handshakes or nothing at all do not disturb it', async () => {
    const office = await newOffice({ scryptN: FAST_SCRYPT_N });
    await office.core.lan.activate({ advertise: false });
    onDispose(() => void office.core.lan.close());
    ok(await call(office.core, office.adminToken, 'lan.enableHost', { port: await freePort(), bindAddress: '127.0.0.1' }));
    await office.core.lan.reconcile();
    const port = office.core.lan.port!;
    const hello = Buffer.from('16030100c8010000c40303', 'hex');
    const payloads = [Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'), hello, Buffer.alloc(70_000, 0x16), Buffer.from([0x16, 0x03, 0x01, 0xff, 0xff]), randomBytes(3000)];
    await Promise.all(
      payloads.map(
        (p) =>
          new Promise<void>((done) => {
            const s = netConnect(port, '127.0.0.1', () => {
              s.write(p);
              setTimeout(() => s.destroy(), 200);
            });
            s.on('error', () => {});
            s.on('close', () => done());
          }),
      ),
    );
    expect(office.core.lan.status().listening).toBe(true);
    // And a PC can still ask to be paired.
    const attempt = await requestPairing({ host: '127.0.0.1', port, deviceName: 'PC Baru' });
    expect(attempt.code).toMatch(/^\d{6}$/);
    attempt.cancel();
  });

  it('only an administrator manages sharing', async () => {
    const office = await newOffice({ scryptN: FAST_SCRYPT_N });
    const worker = await addUser(office, 'case_worker');
    refused(await call(office.core, worker.token, 'lan.enableHost', { port: 47_472 }), 'FORBIDDEN');
    refused(await call(office.core, worker.token, 'lan.devices.list', {}), 'FORBIDDEN');
  });

  it('a desktop that does not host answers that sharing is set up elsewhere', async () => {
    const office = await newOffice({ scryptN: FAST_SCRYPT_N });
    refused(await call(office.core, office.adminToken, 'lan.enableHost', { port: 47_473 }), 'UNAVAILABLE');
  });
});
