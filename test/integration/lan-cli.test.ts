import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { requestPairing } from '../../electron/core/lan';
import { freePort } from '../fixtures/lan/processes';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(ROOT, 'electron', 'cli', 'index.ts');

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

async function office(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'teduh-lan-cli-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const core = createCore({ dataDir: dir, scryptN: 2 ** 14 });
  const r = await core.call({}, 'setup.initialize', { office: { name: 'UPTD PPA Kota Batu' }, admin: { username: 'kepala', fullName: 'Kepala', password: 'sandi-kantor-1' } });
  expect(r.ok).toBe(true);
  core.close();
  return dir;
}

function serve(dir: string, port: number, password: string): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(TSX, [CLI, 'serve', '--lan', '--data-dir', dir, '--port', String(port), '--host', '127.0.0.1'], { cwd: ROOT });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  child.stdin!.end(`${password}\n`);
  const exited = new Promise<number | null>((ok) => child.on('close', (code) => ok(code)));
  cleanups.push(() => child.kill('SIGKILL'));
  return { child, output: () => out, exited };
}

async function until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('teduh serve --lan', () => {
  it('opens the register with the password from standard input, prints its fingerprint and how to pair, and takes pairing requests', async () => {
    const dir = await office();
    const port = await freePort();
    const host = serve(dir, port, 'sandi-kantor-1');
    await until(() => host.output().includes('Hentikan dengan Ctrl+C'));
    const fp = /Sidik jari sertifikat host: ([0-9a-f]{4}(-[0-9a-f]{4}){3})/.exec(host.output())?.[1];
    expect(fp).toBeDefined();
    expect(host.output()).toContain(`127.0.0.1:${port}`);
    expect(host.output()).toMatch(/kode 6 angka/);

    // A new PC can ask to be paired: it sees the host's fingerprint and a code.
    const attempt = await requestPairing({ host: '127.0.0.1', port, deviceName: 'PC Baru' });
    expect(attempt.code).toMatch(/^\d{6}$/);
    expect(attempt.hostFingerprint.slice(0, 4)).toBe(fp!.slice(0, 4));
    attempt.cancel();

    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);
  });

  it('a wrong password opens nothing and the command ends with an error', async () => {
    const dir = await office();
    const port = await freePort();
    const host = serve(dir, port, 'bukan-sandinya');
    expect(await host.exited).toBe(1);
    expect(host.output()).toContain('salah');
  });
});
