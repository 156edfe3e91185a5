import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionBridge } from '../../electron/main/ipc-bridge';
import { LanClientMode, LanClientSetup, PairingFile, createLanClientHandler, safeStorageSecretStore, type SafeStorageLike } from '../../electron/main/lan-client';
import { APP_ENTRY_URL } from '../../electron/main/app-protocol';
import { requestPairing } from '../../electron/core/lan';
import { freePort } from '../fixtures/lan/processes';
import { ADMIN, FAST_SCRYPT_N, addUser, call, disposeAll, newOffice, ok, onDispose, startCore, tempDir, type Office } from '../fixtures/office';

/**
 * The client PC's main process with stand-ins for Electron's safeStorage, against a real
 * host in this process: what it keeps on disk, and that the page cannot tell the host
 * from a local core.
 */
afterEach(disposeAll);

/** safeStorage's stand-in: reversible, but never the plain text. */
function fakeSafeStorage(available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)),
    decryptString: (b) => Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8'),
  };
}

async function hostingOffice(): Promise<{ office: Office; port: number }> {
  const office = await newOffice({ scryptN: FAST_SCRYPT_N });
  await office.core.lan.activate({ advertise: false });
  onDispose(() => void office.core.lan.close());
  const port = await freePort();
  ok(await call(office.core, office.adminToken, 'lan.enableHost', { port, bindAddress: '127.0.0.1' }));
  await office.core.lan.reconcile();
  return { office, port: office.core.lan.port! };
}

async function confirmAtHost(office: Office, code: string): Promise<void> {
  const request = ok(await call(office.core, office.adminToken, 'lan.pairing.list', {})).find((r) => r.code === code)!;
  ok(await call(office.core, office.adminToken, 'lan.confirmPairing', { requestId: request.id, code }));
}

const appPage = { id: 1, mainFrame: { url: APP_ENTRY_URL, parent: null, processId: 1, routingId: 1 }, isDestroyed: () => false };

describe('a client PC', () => {
  it('pairs from its settings screen, and keeps only an encrypted pairing file', async () => {
    const { office, port } = await hostingOffice();
    const path = join(tempDir(), 'lan-client.bin');
    const file = new PairingFile(path, fakeSafeStorage());
    const onPaired = vi.fn();
    const setup = new LanClientSetup(file, () => null, onPaired, vi.fn());
    // A new PC: its own register is not set up, so its first-run screen may pair it.
    const fresh = startCore(tempDir(), { scryptN: FAST_SCRYPT_N });
    const bridge = new SessionBridge((caller, method, input) => fresh.call(caller, method, input));
    const handler = createLanClientHandler(setup, (s) => s.id === 1, () => bridge);

    // Only the app's own page may do this.
    const stranger = { sender: { ...appPage, id: 2 }, senderFrame: appPage.mainFrame };
    expect((await handler(stranger, 'status', {})).ok).toBe(false);

    const event = { sender: appPage, senderFrame: appPage.mainFrame };
    expect(await handler(event, 'status', {})).toEqual({ ok: true, value: { role: 'standalone' } });
    const started = await handler(event, 'pair', { host: '127.0.0.1', port, deviceName: 'PC Depan' });
    expect(started.ok).toBe(true);
    const { code } = (started as { value: { code: string } }).value;
    const waiting = handler(event, 'awaitPairing', {});
    await confirmAtHost(office, code);
    expect((await waiting).ok).toBe(true);
    expect(onPaired).toHaveBeenCalledOnce();

    const onDisk = readFileSync(path, 'latin1');
    expect(onDisk).not.toContain('PRIVATE KEY');
    expect(onDisk).not.toContain('CERTIFICATE');
    expect(file.load()?.host).toBe('127.0.0.1');
    setup.close();
  });

  it("only an administrator's page may pair a PC that has its own register, or make it forget its host", async () => {
    const { office: host, port } = await hostingOffice();
    // This PC runs its own register, with its own staff.
    const here = await newOffice({ scryptN: FAST_SCRYPT_N });
    const worker = await addUser(here, 'case_worker');
    const bridge = new SessionBridge((caller, method, input) => here.core.call(caller, method, input));
    const file = new PairingFile(join(tempDir(), 'lan-client.bin'), fakeSafeStorage());
    const onPaired = vi.fn();
    const onForgotten = vi.fn();
    const setup = new LanClientSetup(file, () => null, onPaired, onForgotten);
    onDispose(() => setup.close());
    const handler = createLanClientHandler(setup, (s) => s.id === 1, () => bridge);
    const page = { sender: appPage, senderFrame: appPage.mainFrame };
    const pair = () => handler(page, 'pair', { host: '127.0.0.1', port, deviceName: 'PC Depan' });
    const forbidden = (r: Awaited<ReturnType<typeof pair>>) => {
      expect(r.ok).toBe(false);
      if (!r.ok) expect([r.error.code, r.error.message]).toEqual(['FORBIDDEN', expect.stringContaining('administrator')]);
    };

    // Nobody logged in on the page, then a case worker: refused, and the host hears nothing.
    forbidden(await pair());
    forbidden(await handler(page, 'forget', {}));
    ok(await bridge.call(1, 'auth.login', { username: worker.username, password: worker.password }));
    forbidden(await pair());
    forbidden(await handler(page, 'forget', {}));
    expect(ok(await call(host.core, host.adminToken, 'lan.pairing.list', {}))).toEqual([]);
    expect(onForgotten).not.toHaveBeenCalled();
    // Reading the state is for any page.
    expect((await handler(page, 'status', {})).ok).toBe(true);

    // The administrator, on the same page.
    ok(await bridge.call(1, 'auth.logout', {}));
    ok(await bridge.call(1, 'auth.login', { username: ADMIN.username, password: ADMIN.password }));
    expect((await pair()).ok).toBe(true);
    expect(ok(await call(host.core, host.adminToken, 'lan.pairing.list', {}))).toHaveLength(1);
    ok(await handler(page, 'cancelPairing', {}));
    expect((await handler(page, 'forget', {})).ok).toBe(true);
    expect(onForgotten).toHaveBeenCalledOnce();

    // Before the shell has a session bridge, nothing that changes the role is answered.
    const early = createLanClientHandler(setup, (s) => s.id === 1, () => null);
    forbidden(await early(page, 'forget', {}));
  });

  it('never writes its key without the OS secret storage', () => {
    const file = new PairingFile(join(tempDir(), 'lan-client.bin'), fakeSafeStorage(false));
    expect(() => file.save({ host: 'h', port: 1, deviceId: 'd', deviceKey: 'k', deviceCert: 'c', hostCert: 'h', hostFingerprint: 'f' })).toThrow();
    expect(file.exists()).toBe(false);
    const secrets = safeStorageSecretStore(join(tempDir(), 'secret'), fakeSafeStorage(false));
    expect(secrets.available()).toBe(false);
    expect(() => secrets.save(Buffer.alloc(32))).toThrow();
  });

  it("forwards the page's calls to the host through the session bridge: the page never holds the token, a locked screen ends the session on the host, and a host that is gone is UNAVAILABLE", async () => {
    const { office, port } = await hostingOffice();
    const worker = await addUser(office, 'case_worker');
    const attempt = await requestPairing({ host: '127.0.0.1', port, deviceName: 'PC Konselor' });
    await confirmAtHost(office, attempt.code);
    const paired = await attempt.confirmed;
    const file = new PairingFile(join(tempDir(), 'lan-client.bin'), fakeSafeStorage());
    file.save(paired);
    const mode = new LanClientMode(file.load()!, file, () => {}, () => ({ stop() {} }));
    onDispose(() => void mode.close());
    const bridge = new SessionBridge(mode.call);
    const events: string[] = [];
    mode.subscribe((e) => events.push(e.type));

    const login = await bridge.call(7, 'auth.login', { username: worker.username, password: worker.password });
    expect(login.ok).toBe(true);
    expect(JSON.stringify(login)).not.toContain('token');
    const list = await bridge.call(7, 'cases.list', {});
    expect(list.ok).toBe(true);
    await vi.waitFor(() => expect(mode.status().state).toBe('connected'));
    ok(await call(office.core, office.adminToken, 'settings.update', { version: 1, idleLockMinutes: 7 }));
    await vi.waitFor(() => expect(events).toContain('settings.updated'));

    // The screen locks (idle, or Windows locks): the session ends on the host too.
    const sessionsBefore = office.core.register.sessions.count();
    await bridge.lockAll('idle');
    expect(office.core.register.sessions.count()).toBe(sessionsBefore - 1);
    const locked = await bridge.call(7, 'cases.list', {});
    expect(locked.ok).toBe(false);
    if (!locked.ok) expect(locked.error.code).toBe('UNAUTHENTICATED');

    await office.core.lan.close();
    const gone = await bridge.call(7, 'cases.list', {});
    expect(gone.ok).toBe(false);
    if (!gone.ok) expect(gone.error.code).toBe('UNAVAILABLE');
  });
});
