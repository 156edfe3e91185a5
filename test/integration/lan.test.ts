import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect as tlsConnect } from 'node:tls';
import { createServer as createNetServer, connect as netConnect, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLanClient, createTlsIdentity, API_SERVERNAME, type PairedHost } from '../../electron/core/lan';
import { anIntake } from '../fixtures/cases';
import { ADMIN, WORKER_PASSWORD, WORKERS } from '../fixtures/lan/accounts';
import { FixtureProcess, freePort, type Notice } from '../fixtures/lan/processes';

/**
 * LAN sharing end to end: a host and two client PCs, each its own process, on loopback,
 * with real TLS 1.3 sockets. The story of an office's day: pairing, two colleagues on one
 * case, a cable pulled at the wrong moment, the host switched off and on, a PC revoked.
 */

let dir: string;
let hostPort: number;
let host: FixtureProcess;
let a: FixtureProcess;
let b: FixtureProcess;
let hostFingerprint: string;
const tokens: Record<'a' | 'b' | 'adminA', string> = { a: '', b: '', adminA: '' };

function startHost(extra: string[] = []): FixtureProcess {
  return new FixtureProcess('host.ts', ['--data-dir', join(dir, 'host'), '--port', String(hostPort), ...extra]);
}

async function pair(client: FixtureProcess, deviceName: string): Promise<void> {
  const { code, hostFingerprint: seen } = await client.send<{ code: string; hostFingerprint: string }>('pair', {
    host: '127.0.0.1',
    port: hostPort,
    deviceName,
  });
  expect(seen).toBe(hostFingerprint);
  // The administrator at the host sees the request with the same code, and types it.
  const requests = await host.send<{ id: string; deviceName: string; code: string }[]>('pairingRequests');
  const mine = requests.find((r) => r.deviceName === deviceName)!;
  expect(mine.code).toBe(code);
  await host.send('confirm', { requestId: mine.id, code });
  await client.waitFor((n) => n.notify === 'paired');
}

/** Whether a status notice is the process's latest one. */
function isLatestStatus(pc: FixtureProcess, n: Notice): boolean {
  return pc.notices.filter((x) => x.notify === 'status').at(-1) === n;
}

async function login(client: FixtureProcess, username: string, password: string): Promise<string> {
  const r = await client.send('call', { method: 'auth.login', input: { username, password } });
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return r.value.token as string;
}

function call(client: FixtureProcess, token: string | undefined, method: string, input: unknown) {
  return client.send<{ ok: boolean; value?: any; error?: { code: string; message: string; current?: any } }>('call', { token, method, input });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'teduh-lan-'));
  hostPort = await freePort();
  host = startHost();
  const ready = await host.waitFor((n) => n.notify === 'ready', 30_000);
  hostFingerprint = ready.fingerprint as string;
  a = new FixtureProcess('client.ts', ['--identity', join(dir, 'a.json')]);
  b = new FixtureProcess('client.ts', ['--identity', join(dir, 'b.json')]);
  await pair(a, 'PC Depan');
  await pair(b, 'PC Konselor');
  await a.send('connect');
  await b.send('connect');
  await a.waitFor((n) => n.notify === 'status' && n.state === 'connected');
  await b.waitFor((n) => n.notify === 'status' && n.state === 'connected');
  tokens.a = await login(a, WORKERS[0], WORKER_PASSWORD);
  tokens.b = await login(b, WORKERS[1], WORKER_PASSWORD);
}, 90_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop(), host?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('pairing and the TLS layer', () => {
  it('a paired PC keeps only its pairing file: its key, its certificate and the host\'s certificate', () => {
    const kept = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')) as PairedHost;
    expect(Object.keys(kept).sort()).toEqual(['deviceCert', 'deviceId', 'deviceKey', 'host', 'hostCert', 'hostFingerprint', 'port']);
  });

  it('an unpaired PC is refused during the TLS handshake, before any API call', async () => {
    const stranger = await createTlsIdentity('device', 'PC Asing');
    // Raw TLS: the handshake fails; no HTTP answer ever comes.
    const outcome = await new Promise<string>((done) => {
      const s = tlsConnect({
        host: '127.0.0.1',
        port: hostPort,
        servername: API_SERVERNAME,
        key: stranger.keyPem,
        cert: stranger.certPem,
        rejectUnauthorized: false,
        minVersion: 'TLSv1.3',
      });
      s.on('secureConnect', () => s.write('POST /api/setup.status HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}'));
      s.on('data', (d) => done(`answered: ${d.toString().slice(0, 40)}`));
      s.on('error', (e) => done(`error: ${(e as NodeJS.ErrnoException).code ?? e.message}`));
      s.on('close', () => done('closed'));
    });
    expect(outcome).not.toMatch(/^answered/);
    // Through the client transport: a clear refusal, never an exception.
    const client = createLanClient({
      host: '127.0.0.1',
      port: hostPort,
      deviceKey: stranger.keyPem,
      deviceCert: stranger.certPem,
      hostCert: (JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')) as PairedHost).hostCert,
      retryDelaysMs: [],
    });
    const r = await client.call(undefined, 'setup.status', {});
    await client.close();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('UNAVAILABLE');
    expect(host.stderr.some((l) => l.includes('refused during the TLS handshake'))).toBe(true);
  });

  it('a paired PC refuses an impostor host: another certificate at the host\'s address', async () => {
    const impostor = await createTlsIdentity('host', 'Teduh host');
    const accepted: string[] = [];
    const fake = createTlsServer({ key: impostor.keyPem, cert: impostor.certPem, minVersion: 'TLSv1.3', requestCert: true, rejectUnauthorized: false }, (s) => {
      s.on('data', (d) => accepted.push(d.toString()));
    });
    await new Promise<void>((ok) => fake.listen(0, '127.0.0.1', () => ok()));
    const fakePort = (fake.address() as { port: number }).port;
    const since = a.notices.length;
    await a.send('setAddress', { host: '127.0.0.1', port: fakePort });
    const r = await call(a, tokens.a, 'cases.list', {});
    expect(r.ok).toBe(false);
    expect(r.error!.code).toBe('UNAVAILABLE');
    expect(r.error!.message).toMatch(/bukan host yang dipasangkan/);
    await a.waitFor((n) => n.notify === 'status' && n.state === 'host-mismatch', 5_000, since);
    // Nothing was sent to it: not the token, not the request.
    expect(accepted.join('')).toBe('');
    await a.send('setAddress', { host: '127.0.0.1', port: hostPort });
    await a.waitFor((n) => n.notify === 'status' && n.state === 'connected', 10_000, since);
    fake.close();
  });
});

describe('two colleagues, one case', () => {
  let caseId: string;

  it("client A edits a case; client B's subscription sees the change within one second", async () => {
    const created = await call(a, tokens.a, 'cases.register', anIntake('Korban LAN'));
    expect(created.ok, JSON.stringify(created)).toBe(true);
    caseId = created.value.id;
    const since = b.notices.length;
    const sentAt = Date.now();
    const edit = await call(a, tokens.a, 'cases.update', { caseId, caseVersion: created.value.version, chronology: 'Kronologi dari PC Depan' });
    expect(edit.ok, JSON.stringify(edit)).toBe(true);
    const seen = await b.waitFor((n) => n.notify === 'event' && (n.event as { type: string; id?: string }).id === caseId && (n.event as { type: string }).type === 'case.updated', 5_000, since);
    process.stderr.write(`[lan] the edit on PC A reached PC B's subscription ${seen.at - sentAt} ms after it was sent\n`);
    expect(seen.at - sentAt).toBeLessThan(1_000);
    const view = await call(b, tokens.b, 'cases.get', { id: caseId });
    expect(view.value.chronology).toBe('Kronologi dari PC Depan');
  });

  it('two PCs edit the same version: the second gets CONFLICT with the case as it is now', async () => {
    const [va, vb] = await Promise.all([call(a, tokens.a, 'cases.get', { id: caseId }), call(b, tokens.b, 'cases.get', { id: caseId })]);
    expect(va.value.version).toBe(vb.value.version);
    const first = await call(a, tokens.a, 'cases.update', { caseId, caseVersion: va.value.version, chronology: 'Versi A' });
    expect(first.ok).toBe(true);
    const second = await call(b, tokens.b, 'cases.update', { caseId, caseVersion: vb.value.version, chronology: 'Versi B' });
    expect(second.ok).toBe(false);
    expect(second.error!.code).toBe('CONFLICT');
    expect(second.error!.current).toBeTruthy();
    const now = await call(b, tokens.b, 'cases.get', { id: caseId });
    expect(now.value.chronology).toBe('Versi A');
  });

  it('events reach only PCs with a live session: after logging out, B hears nothing', async () => {
    const other = await login(b, WORKERS[1], WORKER_PASSWORD);
    expect((await call(b, other, 'auth.logout', {})).ok).toBe(true);
    expect((await call(b, tokens.b, 'auth.logout', {})).ok).toBe(true);
    const since = b.notices.length;
    const cur = await call(a, tokens.a, 'cases.get', { id: caseId });
    expect((await call(a, tokens.a, 'cases.update', { caseId, caseVersion: cur.value.version, chronology: 'Tanpa saksi' })).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    expect(b.notices.slice(since).filter((n) => n.notify === 'event')).toEqual([]);
    tokens.b = await login(b, WORKERS[1], WORKER_PASSWORD);
  });
});

/**
 * A TCP relay between client A and the host that can be told to swallow the host's
 * answers and cut the connections: the request arrives and is done, the answer is lost.
 */
class CuttingRelay {
  server: Server;
  port = 0;
  private armed = false;
  private swallowing = false;
  private readonly pairs = new Set<[Socket, Socket]>();
  cuts = 0;

  constructor(target: number) {
    this.server = createNetServer((inbound) => {
      const outbound = netConnect(target, '127.0.0.1');
      const pair: [Socket, Socket] = [inbound, outbound];
      this.pairs.add(pair);
      inbound.on('data', (d) => outbound.write(d));
      outbound.on('data', (d) => {
        if (this.swallowing) return;
        if (!this.armed) return void inbound.write(d);
        // From the first byte of the answer on, everything is lost; shortly after, the connections break.
        this.armed = false;
        this.swallowing = true;
        setTimeout(() => this.cutAll(), 100);
      });
      const close = () => {
        inbound.destroy();
        outbound.destroy();
        this.pairs.delete(pair);
      };
      inbound.on('close', close);
      outbound.on('close', close);
      inbound.on('error', close);
      outbound.on('error', close);
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((ok) => this.server.listen(0, '127.0.0.1', () => ok()));
    this.port = (this.server.address() as { port: number }).port;
  }

  arm(): void {
    this.armed = true;
  }

  private cutAll(): void {
    this.cuts++;
    this.swallowing = false;
    for (const [i, o] of this.pairs) {
      i.destroy();
      o.destroy();
    }
  }
}

describe('no edit lost, none done twice', () => {
  let relay: CuttingRelay;

  beforeAll(async () => {
    relay = new CuttingRelay(hostPort);
    await relay.listen();
    const since = a.notices.length;
    await a.send('setAddress', { host: '127.0.0.1', port: relay.port });
    await a.waitFor((n) => n.notify === 'status' && n.state === 'connected', 10_000, since).catch(() => undefined);
    tokens.adminA = await login(a, ADMIN.username, ADMIN.password);
  });

  afterAll(async () => {
    await a.send('setAddress', { host: '127.0.0.1', port: hostPort });
    relay.server.close();
  });

  it('a new case whose answer is lost with the connection is retried and registered once', async () => {
    const before = await host.send<number>('count', { table: 'cases' });
    // Without the intake's own request id: the transport's idempotency key alone must hold.
    await call(a, tokens.a, 'cases.get', { id: '01900000-0000-7000-8000-000000000000' });
    relay.arm();
    const r = await call(a, tokens.a, 'cases.register', anIntake('Korban Terputus'));
    expect(relay.cuts).toBeGreaterThan(0);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(await host.send<number>('count', { table: 'cases' })).toBe(before + 1);
  });

  it('an institution saved through a cut connection is one institution', async () => {
    const before = await host.send<number>('count', { table: 'institutions' });
    relay.arm();
    const cutsBefore = relay.cuts;
    const r = await call(a, tokens.adminA, 'institutions.save', { name: 'RSUD Terputus', kind: 'hospital' });
    expect(relay.cuts).toBeGreaterThan(cutsBefore);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(await host.send<number>('count', { table: 'institutions' })).toBe(before + 1);
  });
});

describe('faults', () => {
  it('host switched off: calls answer UNAVAILABLE; when it is back and unlocked, the PCs reconnect by themselves', async () => {
    for (const pc of [a, b]) await pc.waitFor((n) => n.notify === 'status' && n.state === 'connected' && isLatestStatus(pc, n));
    const since = a.notices.length;
    const sinceB = b.notices.length;
    await host.stop('SIGKILL');
    const r = await call(a, tokens.a, 'cases.list', {});
    expect(r.ok).toBe(false);
    expect(r.error!.code).toBe('UNAVAILABLE');
    expect(r.error!.message).toMatch(/tidak dapat dihubungi/);
    await a.waitFor((n) => n.notify === 'status' && n.state === 'unreachable', 5_000, since);

    // Back on, but locked: still unreachable, since the host's key is inside the locked register.
    host = startHost(['--no-login']);
    await host.waitFor((n) => n.notify === 'locked', 30_000);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await a.send('state')).toBe('unreachable');

    // The administrator unlocks the host: the PCs come back without anyone touching them.
    await host.send('login');
    await a.waitFor((n) => n.notify === 'status' && n.state === 'connected', 10_000, since);
    await b.waitFor((n) => n.notify === 'status' && n.state === 'connected', 10_000, sinceB);
    // Sessions lived in the old host process: the user logs in again.
    expect((await call(a, tokens.a, 'cases.list', {})).error?.code).toBe('UNAUTHENTICATED');
    tokens.a = await login(a, WORKERS[0], WORKER_PASSWORD);
    expect((await call(a, tokens.a, 'cases.list', {})).ok).toBe(true);
  }, 60_000);

  it('a revoked PC is refused at the handshake from then on', async () => {
    const since = b.notices.length;
    await host.send('revoke', { name: 'PC Konselor' });
    await b.waitFor((n) => n.notify === 'status' && n.state !== 'connected', 5_000, since);
    const r = await call(b, tokens.b, 'cases.list', {});
    expect(r.ok).toBe(false);
    expect(r.error!.code).toBe('UNAVAILABLE');
    await b.waitFor((n) => n.notify === 'status' && n.state === 'refused', 5_000, since);
    // A keeps working.
    expect((await call(a, tokens.a, 'cases.list', {})).ok).toBe(true);
  });

  it('every call from a PC is audited with that PC as its device', async () => {
    const devices = await host.send<{ id: string; name: string; lastSeenAt: string | null }[]>('devices');
    const pcA = devices.find((d) => d.name === 'PC Depan')!;
    expect(pcA.lastSeenAt).not.toBeNull();
    const audit = await host.send<{ action: string; deviceId: string }[]>('audit');
    expect(audit.some((e) => e.action === 'auth.login' && e.deviceId === pcA.id)).toBe(true);
  });
});

export type { Notice };
