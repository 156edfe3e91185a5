import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join, relative, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail, DocumentFile } from '../../electron/core/api/contract-documents';
import { bridgeScript } from '../../electron/cli/bridge-script';
import { startWebHarness, type WebHarness } from '../../electron/cli/web-harness';
import { disposeAll, login, officeWithStaff, ok, tempDir, theTeam, type Acting, type StaffedOffice } from '../fixtures/office';
import { wulansComplaint } from '../fixtures/documents';

/**
 * "Open in Word" and "Save as" in the web harness (what the end-to-end tests drive): the
 * same file actions as the desktop app, behind the harness's own guards, with a save folder
 * instead of a dialog and no program launched.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(ROOT, 'electron', 'cli', 'index.ts');

let office: StaffedOffice;
let team: ReturnType<typeof theTeam>;
let letter: DocumentDetail;
let letterFile: DocumentFile;
let rendererDir: string;

beforeAll(async () => {
  office = await officeWithStaff();
  team = theTeam(office);
  const c = await team.desk.register(wulansComplaint());
  letter = ok(await team.worker.call('documents.generate', { caseId: c.id, type: 'laporan_penanganan' }));
  letterFile = ok(await team.worker.call('documents.content', { id: letter.id, purpose: 'preview' }));
  rendererDir = join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><script type="module" src="./app.js"></script></head><body></body></html>');
}, 120_000);
afterAll(disposeAll);

async function harnessWith(opts: { saveDir?: string } = {}): Promise<WebHarness> {
  const copiesDir = join(tempDir(), 'open-documents');
  const harness = await startWebHarness({ core: office.core, rendererDir, port: 0, copiesDir, ...opts });
  return harness;
}

async function tokenOf(person: Acting): Promise<string> {
  if (!person.who.token) person.who.token = await login(office.core, person.who.username, person.who.password);
  return person.who.token;
}

async function post(harness: WebHarness, path: string, body: unknown, token?: string): Promise<any> {
  const res = await fetch(`${harness.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return res.json();
}

function raw(harness: WebHarness, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  const port = Number(new URL(harness.url).port);
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'POST', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end(opts.body);
  });
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

async function purposesRecorded(): Promise<string[]> {
  const entries = ok(await team.admin.call('audit.list', { action: 'documents.content', limit: 500 }));
  return entries.map((e) => String((JSON.parse(e.detail ?? '{}') as { purpose?: string }).purpose));
}

/** A page with the harness's bridge script loaded, its fetch going to `fetchFn`. */
function pageWithBridge(fetchFn: (path: string, init?: RequestInit) => Promise<Response>): { teduh: any } {
  const window: { teduh?: any } = {};
  runInNewContext(bridgeScript, { window, fetch: fetchFn, AbortController, TextDecoder, console, Object, JSON, Set, encodeURIComponent });
  return { teduh: window.teduh };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const target = () => ({ target: { kind: 'document', id: letter.id } });

describe('the web harness: files', () => {
  it('saves into the save folder under the name the core gives, and the core records the save', async () => {
    const saveDir = join(tempDir(), 'tersimpan');
    const harness = await harnessWith({ saveDir });
    try {
      const saves = (await purposesRecorded()).filter((p) => p === 'save').length;
      const r = await post(harness, 'files/save', target(), await tokenOf(team.worker));
      expect(r).toEqual({ ok: true, value: { saved: true, fileName: letterFile.fileName } });
      expect(filesUnder(saveDir)).toEqual([letterFile.fileName]);
      expect(sha256(readFileSync(join(saveDir, letterFile.fileName)))).toBe(letterFile.sha256);
      const after = await purposesRecorded();
      expect(after[0]).toBe('save');
      expect(after.filter((p) => p === 'save').length).toBe(saves + 1);
    } finally {
      await harness.close();
    }
  });

  it('without --save-dir, saving is refused in Indonesian and nothing is read', async () => {
    const harness = await harnessWith();
    try {
      const before = ok(await team.admin.call('audit.list', { limit: 1 }))[0]!.seq;
      const r = await post(harness, 'files/save', target(), await tokenOf(team.worker));
      expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Menyimpan salinan tidak tersedia di harness ini.' } });
      const since = ok(await team.admin.call('audit.list', { limit: 10 })).filter((e) => e.seq > before && e.action !== 'audit.list');
      expect(since).toEqual([]);
    } finally {
      await harness.close();
    }
  });

  it('"opens" a copy in its copies folder without launching anything, and the core records the purpose "open"', async () => {
    const harness = await harnessWith();
    try {
      const r = await post(harness, 'files/open', target(), await tokenOf(team.worker));
      expect(r).toEqual({ ok: true, value: { fileName: letterFile.fileName } });
      expect(harness.opened).toHaveLength(1);
      expect(relative(harness.copiesDir, harness.opened[0]!).startsWith('..')).toBe(false);
      expect(readFileSync(harness.opened[0]!).subarray(0, 2).toString('latin1')).toBe('PK');
      expect((await purposesRecorded())[0]).toBe('open');
    } finally {
      await harness.close();
    }
    expect(filesUnder(harness.copiesDir)).toEqual([]);
  });

  it('answers like /api: bad arguments are VALIDATION, no session is UNAUTHENTICATED', async () => {
    const harness = await harnessWith({ saveDir: join(tempDir(), 'tersimpan') });
    try {
      const bad = await post(harness, 'files/open', { target: { kind: 'document', id: 'x' } }, await tokenOf(team.worker));
      expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'target.id': 'ID tidak valid' } } });
      expect(await post(harness, 'files/open', target())).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      expect(await post(harness, 'files/save', target(), 'not-a-token')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      expect(await post(harness, 'files/print', target(), await tokenOf(team.worker))).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    } finally {
      await harness.close();
    }
  });

  it('keeps the guards of /api: foreign Origin, foreign Host, not JSON, not POST', async () => {
    const saveDir = join(tempDir(), 'tersimpan');
    const harness = await harnessWith({ saveDir });
    try {
      const token = await tokenOf(team.worker);
      const body = JSON.stringify(target());
      const json = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
      expect((await raw(harness, '/files/save', { headers: { ...json, Origin: 'http://attacker.example' }, body })).status).toBe(403);
      expect((await raw(harness, '/files/save', { headers: { ...json, Host: 'attacker.example' }, body })).status).toBe(421);
      expect((await raw(harness, '/files/save', { headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${token}` }, body })).status).toBe(415);
      expect((await raw(harness, '/files/save', { method: 'GET', headers: { Authorization: `Bearer ${token}` } })).status).toBe(405);
      expect(filesUnder(saveDir)).toEqual([]);
    } finally {
      await harness.close();
    }
  });

  it("the page's bridge script carries files.call with the session of its login, and answers UNAVAILABLE when the harness is gone", async () => {
    const saveDir = join(tempDir(), 'tersimpan');
    const harness = await harnessWith({ saveDir });
    let reachable = true;
    const page = pageWithBridge((path, init) => {
      if (!reachable) return Promise.reject(new TypeError('Failed to fetch'));
      return fetch(new URL(path, harness.url), init);
    });
    try {
      const worker = office.staff.caseWorker;
      const login = await page.teduh.call('auth.login', { username: worker.username, password: worker.password });
      expect(login.ok).toBe(true);
      expect(login.value).not.toHaveProperty('token');
      expect(await page.teduh.files.call('save', target())).toEqual({ ok: true, value: { saved: true, fileName: letterFile.fileName } });
      expect(filesUnder(saveDir)).toEqual([letterFile.fileName]);
      ok(await page.teduh.call('auth.logout', {}));
      reachable = false;
      expect(await page.teduh.files.call('open', target())).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    } finally {
      await harness.close();
    }
  });

  it('takes a signed scan of 9 MB through /api (the body limit is above 10 MB as base64)', async () => {
    const harness = await harnessWith();
    try {
      const pdf = Buffer.alloc(9 * 1024 * 1024, 0x20);
      pdf.write('%PDF-1.4\n', 0, 'latin1');
      const r = await post(harness, 'api/documents.attachScan', { id: letter.id, fileName: 'laporan ttd.pdf', mime: 'application/pdf', base64: pdf.toString('base64') }, await tokenOf(team.worker));
      expect(r).toMatchObject({ ok: true, value: { scans: 1 } });
    } finally {
      await harness.close();
    }
  });

  it("a session's lock or logout wipes the copies it opened, and only those; closing wipes the rest", async () => {
    const harness = await harnessWith();
    try {
      ok(await post(harness, 'files/open', target(), await tokenOf(team.worker)));
      ok(await post(harness, 'files/open', target(), await tokenOf(team.head)));
      expect(filesUnder(harness.copiesDir)).toHaveLength(2);
      ok(await post(harness, 'api/auth.lock', { reason: 'manual' }, office.staff.caseWorker.token));
      office.staff.caseWorker.token = '';
      expect(filesUnder(harness.copiesDir)).toHaveLength(1);
      ok(await post(harness, 'files/open', target(), await tokenOf(team.head)));
      expect(filesUnder(harness.copiesDir)).toHaveLength(2);
      ok(await post(harness, 'api/auth.logout', {}, office.staff.head.token));
      office.staff.head.token = '';
      expect(filesUnder(harness.copiesDir)).toEqual([]);
      // Closing the harness (the app quitting) wipes whatever is left.
      ok(await post(harness, 'files/open', target(), await tokenOf(team.secretariat)));
      expect(filesUnder(harness.copiesDir)).toHaveLength(1);
    } finally {
      await harness.close();
    }
    expect(filesUnder(harness.copiesDir)).toEqual([]);
  });
});

describe('teduh serve --web --save-dir', () => {
  it('saves where --save-dir says, and "Open in Word" leaves its copy under the data folder', async () => {
    const root = tempDir('teduh-serve-');
    const saveDir = join(root, 'saved');
    for (const p of Object.values(office.staff)) p.token = '';
    office.core.close();
    const child = spawn(TSX, [CLI, 'serve', '--web', '--data-dir', office.dataDir, '--port', '0', '--save-dir', saveDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((done, fail) => {
        let out = '';
        const timer = setTimeout(() => fail(new Error('harness did not start')), 60_000);
        child.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) {
            clearTimeout(timer);
            done(m[1]!);
          }
        });
        child.on('exit', () => fail(new Error('harness exited')));
      });
      const call = async (path: string, body: unknown, token?: string) =>
        (await fetch(`${url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })).json() as Promise<any>;
      const worker = office.staff.caseWorker;
      const session = await call('api/auth.login', { username: worker.username, password: worker.password });
      expect(session.ok).toBe(true);
      const token = session.value.token as string;
      expect(await call('files/save', target(), token)).toEqual({ ok: true, value: { saved: true, fileName: letterFile.fileName } });
      expect(sha256(readFileSync(join(saveDir, letterFile.fileName)))).toBe(letterFile.sha256);
      expect(await call('files/open', target(), token)).toEqual({ ok: true, value: { fileName: letterFile.fileName } });
      expect(filesUnder(join(office.dataDir, 'open-documents'))).toHaveLength(1);
      ok(await call('api/auth.lock', { reason: 'manual' }, token));
      expect(filesUnder(join(office.dataDir, 'open-documents'))).toEqual([]);
    } finally {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
  }, 90_000);
});
