import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(ROOT, 'electron', 'cli', 'index.ts');

export const admin = { username: 'admin', fullName: 'Siti Rahmawati', password: 'Teduh-Admin-2025' };
export const officeName = 'UPTD PPA Kota Mojokerto';

export interface Harness {
  /** Base URL of the web harness, e.g. http://127.0.0.1:41234/ */
  url: string;
  dataDir: string;
  /** Where "Save as" writes (the harness's --save-dir): `<dataDir>/../saved`, inside the test's own temp folder. */
  saveDir: string;
  /** Where "Open in Word" leaves its copies (nothing is launched): `<dataDir>/open-documents`; wiped when nobody is logged in. */
  copiesDir: string;
  /** The office's recovery code when the office was created from the command line. */
  recoveryCode: string | null;
  /**
   * Stops the harness and starts it again on the same data directory, with extra environment
   * (e.g. TEDUH_FAKE_NOW to run its clock from another instant). The address changes.
   */
  restart(env?: Record<string, string>): Promise<void>;
}

/** Creates an office from the command line (password on stdin); returns the recovery code. */
export async function initOffice(
  dataDir: string,
  opts: { office?: string; username?: string; fullName?: string; password?: string } = {},
): Promise<string> {
  const args = [
    CLI,
    'init',
    '--data-dir',
    dataDir,
    '--office',
    opts.office ?? officeName,
    '--admin',
    opts.username ?? admin.username,
    '--full-name',
    opts.fullName ?? admin.fullName,
  ];
  const child = spawn(TSX, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end(`${opts.password ?? admin.password}\n`);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0) throw new Error(`teduh init failed (${code}): ${err}`);
  const match = /([A-Z0-9]{5}(?:-[A-Z0-9]{5}){4})/.exec(out);
  if (!match) throw new Error(`teduh init printed no recovery code: ${out}`);
  return match[1]!;
}

/**
 * Starts `teduh serve --web` on a port the system picks (port 0) and reads the address it
 * prints, so two harnesses can never race for one port.
 */
export async function startHarness(dataDir: string, env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(TSX, [CLI, 'serve', '--web', '--data-dir', dataDir, '--port', '0', '--save-dir', saveDirOf(dataDir)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`harness did not start in time: ${err}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/?)/.exec(out);
      if (match) {
        clearTimeout(timer);
        done(match[1]!.endsWith('/') ? match[1]! : `${match[1]}/`);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`harness exited (${code}): ${err}`));
    });
  });
  // It said it is ready; make sure it answers before the browser goes there.
  for (let i = 0; i < 50; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return { url, child };
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`harness at ${url} does not answer`);
}

/** The harness's --save-dir: beside the data folder, inside the test's temp folder. */
function saveDirOf(dataDir: string): string {
  return join(dataDir, '..', 'saved');
}

export async function stopHarness(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Keeps a full-page screenshot of the moment as a test artifact. */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

export const test = base.extend<{ office: 'ready' | 'none'; harness: Harness }>({
  /** `ready`: an office with an administrator exists before the page opens; `none`: first run. */
  office: ['ready', { option: true }],
  harness: async ({ office }, use) => {
    const root = mkdtempSync(join(tmpdir(), 'teduh-e2e-'));
    const dataDir = join(root, 'data');
    const recoveryCode = office === 'ready' ? await initOffice(dataDir) : null;
    let { url, child } = await startHarness(dataDir);
    const harness: Harness = {
      url,
      dataDir,
      saveDir: saveDirOf(dataDir),
      copiesDir: join(dataDir, 'open-documents'),
      recoveryCode,
      async restart(env = {}) {
        await stopHarness(child);
        ({ url, child } = await startHarness(dataDir, env));
        harness.url = url;
      },
    };
    try {
      await use(harness);
    } finally {
      await stopHarness(child);
      rmSync(root, { recursive: true, force: true });
    }
  },
});

export { expect };

/** Logs in through the login screen. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}
