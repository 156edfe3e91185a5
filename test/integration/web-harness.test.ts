import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { startWebHarness } from '../../electron/cli/web-harness';

let dir: string;
let core: Core;
let harness: { url: string; close(): Promise<void> };
let port: number;

function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', fail);
    req.end(opts.body);
  });
}

async function api(method: string, input: unknown, token?: string) {
  const res = await fetch(`${harness.url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; value?: any; error?: { code: string } };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'teduh-web-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head><body></body></html>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'not for the browser');
  core = createCore({ dataDir: join(dir, 'data') });
  harness = await startWebHarness({ core, rendererDir, port: 0 });
  port = Number(new URL(harness.url).port);
});

afterEach(async () => {
  await harness.close();
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('web harness', () => {
  it('serves the renderer with the bridge script injected before the app and a strict CSP header', async () => {
    const page = await raw('/');
    expect(page.status).toBe(200);
    expect(page.body.indexOf('teduh-bridge.js')).toBeLessThan(page.body.indexOf('assets/app.js'));
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'self'");
    const bridge = await raw('/teduh-bridge.js');
    expect(bridge.body).toContain("Object.defineProperty(window, 'teduh'");
    expect((await raw('/assets/app.js')).status).toBe(200);
  });

  it('answers the API with the envelope, authenticating by bearer token', async () => {
    expect(await api('setup.status', {})).toEqual({ ok: true, value: { initialized: false, unlocked: false, problem: null } });
    const setup = await api('setup.initialize', {
      office: { name: 'UPTD PPA Kota Pasuruan' },
      admin: { username: 'admin', fullName: 'Admin', password: 'sandi-kantor-1' },
    });
    expect(setup.ok).toBe(true);
    expect((await api('session.get', {})).error?.code).toBe('UNAUTHENTICATED');
    const me = await api('session.get', {}, setup.value.token);
    expect(me.value.user.username).toBe('admin');
    expect((await api('no.such.method', {})).error?.code).toBe('UNKNOWN_METHOD');
  });

  it('refuses files outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/..%2fsecret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt']) {
      const r = await raw(p);
      expect(r.body).not.toContain('not for the browser');
    }
  });

  it('refuses foreign host names (DNS rebinding), foreign origins and non-JSON posts', async () => {
    expect((await raw('/', { headers: { Host: 'attacker.example' } })).status).toBe(421);
    const foreign = await raw('/api/setup.status', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://attacker.example' },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
    const form = await raw('/api/setup.status', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(form.status).toBe(415);
    const bad = await raw('/api/setup.status', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{not json' });
    expect(JSON.parse(bad.body).error.code).toBe('VALIDATION');
  });

  it('pushes change events to a logged-in page and to nobody else', async () => {
    const setup = await api('setup.initialize', {
      office: { name: 'UPTD PPA' },
      admin: { username: 'admin', fullName: 'Admin', password: 'sandi-kantor-1' },
    });
    expect((await raw('/api/events')).status).toBe(401);
    const ctrl = new AbortController();
    const res = await fetch(`${harness.url}api/events`, { headers: { Authorization: `Bearer ${setup.value.token}` }, signal: ctrl.signal });
    const reader = res.body!.getReader();
    await reader.read(); // ": connected"
    await api('settings.update', { version: 1, idleLockMinutes: 7 }, setup.value.token);
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('"type":"settings.updated"');
    ctrl.abort();
  });
});
