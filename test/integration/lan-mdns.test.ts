import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureProcess } from '../fixtures/lan/processes';
import { WORKER_PASSWORD, WORKERS } from '../fixtures/lan/accounts';

/**
 * Finding the host by mDNS, between two network namespaces joined by veth pairs to a
 * bridge in a third, as two PCs on an office switch. Needs root and `ip netns`; where the
 * machine does not allow it, the test says so in its name and in the output (loopback has
 * no multicast, so there is no honest stand-in).
 */

const tag = `tdh${process.pid % 100_000}`;
const ns = { bridge: `${tag}br`, host: `${tag}h`, pc: `${tag}c` };
const HOST_IP = '10.77.0.1';
const PC_IP = '10.77.0.2';

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

function setUpNamespaces(): string | null {
  try {
    if (process.getuid?.() !== 0) return 'not running as root';
    ip('netns', 'add', ns.bridge);
    ip('netns', 'add', ns.host);
    ip('netns', 'add', ns.pc);
    ip('-n', ns.bridge, 'link', 'add', 'br0', 'type', 'bridge');
    ip('-n', ns.bridge, 'link', 'set', 'br0', 'up');
    for (const [name, addr] of [
      [ns.host, HOST_IP],
      [ns.pc, PC_IP],
    ] as const) {
      const side = name === ns.host ? 'h' : 'c';
      ip('link', 'add', `veth-${side}`, 'netns', name, 'type', 'veth', 'peer', 'name', `br-${side}`, 'netns', ns.bridge);
      ip('-n', ns.bridge, 'link', 'set', `br-${side}`, 'master', 'br0');
      ip('-n', ns.bridge, 'link', 'set', `br-${side}`, 'up');
      ip('-n', name, 'addr', 'add', `${addr}/24`, 'dev', `veth-${side}`);
      ip('-n', name, 'link', 'set', `veth-${side}`, 'up');
      ip('-n', name, 'link', 'set', 'lo', 'up');
      // No default route in a bare namespace: multicast needs one of its own.
      ip('-n', name, 'route', 'add', '224.0.0.0/4', 'dev', `veth-${side}`);
    }
    return null;
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim();
    return `network namespaces unavailable (${stderr || (e as Error).message})`;
  }
}

function tearDownNamespaces(): void {
  for (const n of Object.values(ns)) {
    try {
      ip('netns', 'del', n);
    } catch {
      // not created
    }
  }
}

const unavailable = setUpNamespaces();
if (unavailable) {
  tearDownNamespaces();
  process.stderr.write(`\n[lan-mdns] mDNS between network namespaces CANNOT RUN here: ${unavailable}\n`);
}

describe.skipIf(unavailable !== null)(
  `mDNS discovery between two network namespaces${unavailable ? ` (CANNOT RUN HERE: ${unavailable})` : ''}`,
  () => {
    let dir: string;
    let host: FixtureProcess;
    let pc: FixtureProcess;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'teduh-mdns-'));
      host = new FixtureProcess('host.ts', ['--data-dir', join(dir, 'host'), '--port', '47470', '--bind', HOST_IP, '--advertise-on', HOST_IP], ns.host);
      await host.waitFor((n) => n.notify === 'ready', 30_000);
      pc = new FixtureProcess('client.ts', ['--identity', join(dir, 'pc.json')], ns.pc);
    }, 60_000);

    afterAll(async () => {
      await Promise.all([pc?.stop(), host?.stop()]);
      tearDownNamespaces();
      rmSync(dir, { recursive: true, force: true });
    });

    it('a PC on the same network finds the host, with its address, port and short fingerprint, then pairs and works', async () => {
      const ready = host.notices.find((n) => n.notify === 'ready')!;
      const found = await pc.send<{ name: string; addresses: string[]; port: number; fingerprintShort: string }[]>('discover', { interface: PC_IP, timeoutMs: 15_000 });
      expect(found.length).toBeGreaterThan(0);
      const teduh = found[0]!;
      expect(teduh.addresses).toContain(HOST_IP);
      expect(teduh.port).toBe(47470);
      expect(teduh.fingerprintShort.replace(/-/g, '')).toBe(String(ready.fingerprint).slice(0, 16));

      // The address found is the one that works: pair and log in through it.
      const { code } = await pc.send<{ code: string }>('pair', { host: teduh.addresses[0], port: teduh.port, deviceName: 'PC Ruang Konseling' });
      const request = (await host.send<{ id: string; code: string }[]>('pairingRequests')).find((r) => r.code === code)!;
      await host.send('confirm', { requestId: request.id, code });
      await pc.waitFor((n) => n.notify === 'paired');
      await pc.send('connect');
      await pc.waitFor((n) => n.notify === 'status' && n.state === 'connected');
      const login = await pc.send('call', { method: 'auth.login', input: { username: WORKERS[0], password: WORKER_PASSWORD } });
      expect(login.ok).toBe(true);
    }, 60_000);
  },
);
