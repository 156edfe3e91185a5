import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(ROOT, 'electron', 'cli', 'index.ts');

function teduh(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    const p = spawn(TSX, [CLI, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => ok({ code: code ?? -1, stdout, stderr }));
    p.stdin.end(stdin);
  });
}

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'teduh-cli-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('teduh command line', () => {
  it('init creates an office whose administrator can log in, and prints the recovery code', async () => {
    const dir = tempDir();
    const r = await teduh(['init', '--data-dir', dir, '--office', 'UPTD PPA Kota Malang', '--admin', 'kepala'], 'sandi-kantor-1\n');
    expect(r.code).toBe(0);
    const code = /([2-9A-Z]{5}-){4}[2-9A-Z]{5}/.exec(r.stdout)?.[0];
    expect(code).toBeDefined();
    const core = createCore({ dataDir: dir });
    const login = await core.call({}, 'auth.login', { username: 'kepala', password: 'sandi-kantor-1' });
    expect(login.ok).toBe(true);
    core.close();
    // and the printed code really is the recovery code
    const core2 = createCore({ dataDir: dir });
    const rec = await core2.call({}, 'auth.recover', { recoveryCode: code!.toLowerCase(), username: 'kepala', newPassword: 'sandi-baru-22' });
    expect(rec.ok).toBe(true);
    core2.close();
  });

  it('init refuses a weak password with a readable message and creates nothing', async () => {
    const dir = tempDir();
    const r = await teduh(['init', '--data-dir', dir, '--office', 'X', '--admin', 'admin'], 'pendek\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Kata sandi minimal 8 karakter');
    expect(createCore({ dataDir: dir }).register.isInitialized()).toBe(false);
  });

  it('init refuses a password that is easy to guess, such as the office name, and says why in Indonesian', async () => {
    const dir = tempDir();
    for (const password of ['12345678', 'UPTD PPA Kota Malang']) {
      const r = await teduh(['init', '--data-dir', dir, '--office', 'UPTD PPA Kota Malang', '--admin', 'kepala'], `${password}\n`);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('Kata sandi terlalu mudah ditebak:');
    }
    expect(createCore({ dataDir: dir }).register.isInitialized()).toBe(false);
  });

  it('verify exits 0 on a sound register and 1 naming the first broken audit entry after tampering', async () => {
    const dir = tempDir();
    const core = createCore({ dataDir: dir });
    const setup = await core.call({}, 'setup.initialize', {
      office: { name: 'Dinas Sosial Kota Singkawang' },
      admin: { username: 'admin', fullName: 'Admin', password: 'sandi-kantor-1' },
    });
    expect(setup.ok).toBe(true);
    const token = (setup as { value: { token: string } }).value.token;
    for (let i = 0; i < 3; i++) await core.call({ token }, 'settings.update', { version: i + 1, idleLockMinutes: 5 + i });
    const key = Buffer.from(core.register.databaseKey);
    core.close();

    const sound = await teduh(['verify', '--data-dir', dir], 'sandi-kantor-1\n');
    expect(sound.stdout).toContain('Rantai audit: 4 entri diperiksa, utuh');
    expect(sound.code).toBe(0);

    // Someone with the key edits entry 3 behind the application's back.
    const db = new Database(join(dir, 'teduh.db'));
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key.toString('hex')}'"`);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET username = 'orang-lain' WHERE seq = 3").run();
    db.close();

    const broken = await teduh(['verify', '--data-dir', dir], 'sandi-kantor-1\n');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('Entri rusak pertama: #3');
  });

  it('verify exits 1 when an older copy of the database was put over the current one, saying how many entries are missing', async () => {
    const dir = tempDir();
    const core = createCore({ dataDir: dir });
    await core.call({}, 'setup.initialize', {
      office: { name: 'Dinas Sosial Kota Singkawang' },
      admin: { username: 'admin', fullName: 'Admin', password: 'sandi-kantor-1' },
    });
    core.register.lock();
    const older = join(tempDir(), 'teduh.db');
    copyFileSync(join(dir, 'teduh.db'), older);
    const again = createCore({ dataDir: dir });
    const relog = (await again.call({}, 'auth.login', { username: 'admin', password: 'sandi-kantor-1' })) as { value: { token: string } };
    for (let i = 0; i < 3; i++) await again.call({ token: relog.value.token }, 'settings.update', { version: i + 1, idleLockMinutes: 5 + i });
    again.close();
    expect((await teduh(['verify', '--data-dir', dir], 'sandi-kantor-1\n')).code).toBe(0);

    copyFileSync(older, join(dir, 'teduh.db'));
    const behind = await teduh(['verify', '--data-dir', dir], 'sandi-kantor-1\n');
    expect(behind.code).toBe(1);
    expect(behind.stdout).toMatch(/BASIS DATA TERTINGGAL — \d+ entri hilang/);
    // The chain itself is whole: without the seal this copy would pass.
    expect(behind.stdout).toContain('utuh');

    rmSync(join(dir, 'teduh.db'));
    const missing = await teduh(['verify', '--data-dir', dir], 'sandi-kantor-1\n');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Berkas basis data register tidak ditemukan');
  });

  it('verify --anchor checks the chain still passes through the entry and hash on the printed anchor', async () => {
    const dir = tempDir();
    await teduh(['init', '--data-dir', dir, '--office', 'X', '--admin', 'admin'], 'sandi-kantor-1\n');
    const sound = await teduh(['verify', '--data-dir', dir], 'sandi-kantor-1\n');
    const [, seq, hash] = /Entri terakhir yang utuh: #(\d+) ([0-9a-f]{64})/.exec(sound.stdout)!;
    const typed = `${seq}:${hash!.slice(0, 8).toUpperCase()} ${hash!.slice(8, 16)}`;
    const matching = await teduh(['verify', '--data-dir', dir, '--anchor', typed], 'sandi-kantor-1\n');
    expect(matching.stdout).toContain(`Titik pembanding #${seq}: cocok`);
    expect(matching.code).toBe(0);
    const other = await teduh(['verify', '--data-dir', dir, '--anchor', `${seq}:${'0'.repeat(16)}`], 'sandi-kantor-1\n');
    expect(other.stdout).toContain('TIDAK COCOK');
    expect(other.code).toBe(1);
    const malformed = await teduh(['verify', '--data-dir', dir, '--anchor', 'kemarin'], 'sandi-kantor-1\n');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('--anchor harus NOMOR:HASH');
  });

  it('verify refuses a wrong password', async () => {
    const dir = tempDir();
    await teduh(['init', '--data-dir', dir, '--office', 'X', '--admin', 'admin'], 'sandi-kantor-1\n');
    const r = await teduh(['verify', '--data-dir', dir], 'salah-sandi\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('salah');
  });

  it('serve --web refuses to listen on anything but loopback', async () => {
    const dir = tempDir();
    const r = await teduh(['serve', '--web', '--data-dir', dir, '--port', '0', '--host', '0.0.0.0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('127.0.0.1');
  });

  it('unknown commands and options are refused with the usage text', async () => {
    expect((await teduh(['frobnicate'])).code).toBe(2);
    const r = await teduh(['init', '--data-dir', tempDir(), '--bogus', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('opsi tidak dikenal: --bogus');
  });
});
