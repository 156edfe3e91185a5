import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import type { Caller } from '../../electron/core/api/dispatcher';
import type { ApiResult } from '../../electron/core/api/errors';
import {
  APP_CONTENT_SECURITY_POLICY,
  APP_ENTRY_URL,
  createAppProtocolHandler,
  resolveAppFile,
} from '../../electron/main/app-protocol';
import { SessionBridge, createCallHandler, createFilesHandler, trackPageLifetime, type FileShell } from '../../electron/main/ipc-bridge';
import { OpenCopies } from '../../electron/core/files';
import {
  blockDownloads,
  blockRemoteRequests,
  denyAllPermissions,
  hardenWebContents,
  isTrustedSender,
  secureWebPreferences,
} from '../../electron/main/security';

// ---------- small stand-ins for Electron's objects ----------

let nextRoutingId = 1;

class FakeFrame {
  readonly processId = 7;
  constructor(
    readonly url: string,
    readonly parent: FakeFrame | null = null,
    readonly routingId = nextRoutingId++,
  ) {}

  /** Another object for the same frame, as Electron may hand out. */
  sameFrameAgain(): FakeFrame {
    return new FakeFrame(this.url, this.parent, this.routingId);
  }
}

let nextId = 1;

/** A WebContents as far as the shell uses it: events, a main frame, a window-open handler. */
class FakePage extends EventEmitter {
  readonly id = nextId++;
  mainFrame: FakeFrame;
  destroyed = false;
  openHandler: ((details: { url: string }) => { action: string }) | null = null;

  constructor(url = APP_ENTRY_URL) {
    super();
    this.mainFrame = new FakeFrame(url);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }

  /** The page asks to go somewhere: true if the shell let it. */
  tryNavigate(url: string, eventName: 'will-navigate' | 'will-redirect' | 'will-frame-navigate' = 'will-navigate'): boolean {
    const event = preventable({ url, isMainFrame: true });
    this.emit(eventName, event);
    if (event.defaultPrevented) return false;
    this.startDocument(url);
    return true;
  }

  /** A new document starts in the main frame (navigation or reload). */
  startDocument(url = this.mainFrame.url): void {
    this.emit('did-start-navigation', { url, isMainFrame: true, isSameDocument: false });
    this.mainFrame = new FakeFrame(url);
  }

  reload(): void {
    this.startDocument();
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }

  /** What `event` the IPC layer would see for a message from `frame` (the main frame by default). */
  ipcEvent(frame: FakeFrame | null = this.mainFrame) {
    return { sender: this, senderFrame: frame };
  }
}

function preventable<T extends object>(fields: T) {
  let prevented = false;
  return {
    ...fields,
    preventDefault() {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

/**
 * A core that knows sessions and nothing else: enough to see which token each call
 * carried and whether a session is still alive.
 */
function fakeCore() {
  const live = new Set<string>();
  let issued = 0;
  const calls: { caller: Caller; method: unknown; input: unknown }[] = [];
  const call = vi.fn(async (caller: Caller, method: unknown, input: unknown): Promise<ApiResult<unknown>> => {
    calls.push({ caller: { ...caller }, method, input });
    switch (method) {
      case 'auth.login':
      case 'setup.initialize': {
        const token = `secret-token-${++issued}`;
        live.add(token);
        const value: Record<string, unknown> = { token, session: { user: { username: 'petugas' } } };
        if (method === 'setup.initialize') value.recoveryCode = 'RECOVERY-CODE';
        return { ok: true, value };
      }
      case 'auth.logout':
      case 'auth.lock':
        if (!caller.token || !live.delete(caller.token)) return { ok: false, error: { code: 'UNAUTHENTICATED', message: '' } };
        return { ok: true, value: {} };
      default:
        if (!caller.token || !live.has(caller.token)) return { ok: false, error: { code: 'UNAUTHENTICATED', message: '' } };
        return { ok: true, value: { user: { username: 'petugas' } } };
    }
  });
  return { call, calls, live };
}

/** Lets fire-and-forget core calls (ending a forgotten session) settle. */
const settle = () => new Promise((r) => setTimeout(r, 0));

function containsToken(value: unknown, token: string): boolean {
  return JSON.stringify(value).includes(token);
}

// ---------- window settings ----------

describe('every window is sandboxed and isolated', () => {
  it('uses exactly the agreed web preferences', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    // Nothing that would re-open Node or remote code to the page.
    for (const risky of ['nodeIntegrationInSubFrames', 'experimentalFeatures', 'enableBlinkFeatures', 'additionalArguments']) {
      expect(prefs).not.toHaveProperty(risky);
    }
  });
});

// ---------- IPC sender checks ----------

describe('only the app page itself can reach the core', () => {
  function setup() {
    const core = fakeCore();
    const bridge = new SessionBridge(core.call);
    const ours = new Set<number>();
    const handle = createCallHandler(bridge, (sender) => ours.has(sender.id));
    const page = new FakePage();
    ours.add(page.id);
    return { core, bridge, handle, page, ours };
  }

  it("answers the app's own top-level page", async () => {
    const { core, handle, page } = setup();
    const result = await handle(page.ipcEvent(), 'setup.status', {});
    expect(result.ok).toBe(false); // not logged in, but it was the core that said so
    expect(core.call).toHaveBeenCalledTimes(1);
    expect(result).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  const foreign: [string, (page: FakePage) => { sender: FakePage; senderFrame: FakeFrame | null }][] = [
    ['a page of another origin', (p) => ((p.mainFrame = new FakeFrame('https://evil.example/index.html')), p.ipcEvent())],
    ['a look-alike host', (p) => ((p.mainFrame = new FakeFrame('app://teduh.evil/index.html')), p.ipcEvent())],
    ['a file:// page', (p) => ((p.mainFrame = new FakeFrame('file:///C:/Teduh/out/renderer/index.html')), p.ipcEvent())],
    ['a dev server on localhost', (p) => ((p.mainFrame = new FakeFrame('http://localhost:5173/')), p.ipcEvent())],
    ['a subframe, even of the app origin', (p) => p.ipcEvent(new FakeFrame(APP_ENTRY_URL, p.mainFrame))],
    ['a frame that is not the main frame', (p) => p.ipcEvent(new FakeFrame(APP_ENTRY_URL))],
    ['a frame that has gone (null)', (p) => p.ipcEvent(null)],
  ];

  for (const [who, makeEvent] of foreign) {
    it(`refuses ${who} without calling the core`, async () => {
      const { core, handle, page } = setup();
      const result = await handle(makeEvent(page), 'setup.status', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(core.call).not.toHaveBeenCalled();
    });
  }

  it('recognises the main frame even when Electron hands out another object for it', async () => {
    const { core, handle, page } = setup();
    await handle(page.ipcEvent(page.mainFrame.sameFrameAgain()), 'setup.status', {});
    expect(core.call).toHaveBeenCalledTimes(1);
  });

  it('refuses an app-origin page in a window the app did not open', async () => {
    const { core, handle } = setup();
    const stranger = new FakePage();
    const result = await handle(stranger.ipcEvent(), 'auth.login', { username: 'a', password: 'b' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(core.call).not.toHaveBeenCalled();
  });

  it('refuses a page that is being destroyed', async () => {
    const { core, handle, page } = setup();
    page.destroyed = true;
    expect((await handle(page.ipcEvent(), 'setup.status', {})).ok).toBe(false);
    expect(core.call).not.toHaveBeenCalled();
  });

  it('judges the frame, not just the page: same checks through isTrustedSender', () => {
    const page = new FakePage();
    const mine = () => true;
    expect(isTrustedSender(page.ipcEvent(), mine)).toBe(true);
    expect(isTrustedSender(page.ipcEvent(), () => false)).toBe(false);
    page.mainFrame = new FakeFrame('app://teduh:8080/index.html');
    expect(isTrustedSender(page.ipcEvent(), mine)).toBe(false);
    page.mainFrame = new FakeFrame('app://user:pw@teduh/index.html');
    expect(isTrustedSender(page.ipcEvent(), mine)).toBe(false);
    page.mainFrame = new FakeFrame('app://teduh/index.html#/cases');
    expect(isTrustedSender(page.ipcEvent(), mine)).toBe(true);
    // A frame with a parent is never the top-level page, whatever else it claims.
    page.mainFrame = new FakeFrame(APP_ENTRY_URL, new FakeFrame(APP_ENTRY_URL));
    expect(isTrustedSender(page.ipcEvent(), mine)).toBe(false);
  });
});

// ---------- navigation, windows, webviews, permissions ----------

describe('the page cannot leave the app or open anything', () => {
  function hardened() {
    const page = new FakePage();
    hardenWebContents(page);
    return page;
  }

  it('denies window.open and target=_blank links', () => {
    const page = hardened();
    expect(page.openHandler).not.toBeNull();
    expect(page.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(page.openHandler!({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
  });

  it('prevents navigation to external URLs, file:// and other app paths', () => {
    const page = hardened();
    for (const url of [
      'https://example.com/',
      'http://localhost:5173/',
      'file:///C:/Windows/win.ini',
      'app://teduh.evil/index.html',
      'app://teduh/assets/other.html',
      'javascript:alert(1)',
    ]) {
      expect(page.tryNavigate(url), url).toBe(false);
    }
    expect(page.mainFrame.url).toBe(APP_ENTRY_URL);
  });

  it('prevents redirects and subframe navigations away from the app', () => {
    const page = hardened();
    expect(page.tryNavigate('https://example.com/', 'will-redirect')).toBe(false);
    expect(page.tryNavigate('https://example.com/', 'will-frame-navigate')).toBe(false);
  });

  it('lets the app page reload itself (that is how a lock discards its memory)', () => {
    const page = hardened();
    expect(page.tryNavigate(APP_ENTRY_URL)).toBe(true);
    expect(page.tryNavigate('app://teduh/')).toBe(true);
  });

  it('refuses to attach a webview', () => {
    const page = hardened();
    const event = preventable({});
    page.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every permission request and check', () => {
    const handlers: Record<string, (...args: any[]) => unknown> = {};
    denyAllPermissions({
      setPermissionRequestHandler: (h) => void (handlers.request = h!),
      setPermissionCheckHandler: (h) => void (handlers.check = h!),
      setDevicePermissionHandler: (h) => void (handlers.device = h!),
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      handlers.request!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(handlers.check!({}, permission, 'app://teduh', {})).toBe(false);
    }
    expect(handlers.device!({ deviceType: 'usb', origin: 'app://teduh' })).toBe(false);
  });

  it('refuses every download, so no copy leaves but through Save as', () => {
    let listener: ((e: { preventDefault(): void }) => void) | undefined;
    blockDownloads({ on: (_event, l) => void (listener = l) });
    const event = preventable({});
    listener!(event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('cancels every request for remote content', () => {
    let listener: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    blockRemoteRequests({ webRequest: { onBeforeRequest: (l) => void (listener = l) } });
    const cancelled = (url: string) => {
      let answer: boolean | undefined;
      listener!({ url }, (r) => (answer = r.cancel));
      return answer;
    };
    expect(cancelled('https://fonts.example.com/font.woff2')).toBe(true);
    expect(cancelled('http://192.168.1.10/x.png')).toBe(true);
    expect(cancelled('file:///C:/Users/x/secret.docx')).toBe(true);
    expect(cancelled('app://teduh/assets/index.js')).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
  });
});

// ---------- the session token stays in main ----------

describe('the session token never reaches the page', () => {
  function setup() {
    const core = fakeCore();
    const bridge = new SessionBridge(core.call);
    const page = new FakePage();
    trackPageLifetime(bridge, page);
    const handle = createCallHandler(bridge, (s) => s.id === page.id);
    return { core, bridge, page, call: (method: string, input: unknown = {}) => handle(page.ipcEvent(), method, input) };
  }

  it('logs in, shows the page its session but not the token, and attaches the token to later calls', async () => {
    const { core, call } = setup();
    const login = await call('auth.login', { username: 'petugas', password: 'rahasia-sekali' });
    expect(login.ok).toBe(true);
    expect(login).toMatchObject({ value: { session: { user: { username: 'petugas' } } } });
    expect(login.ok && 'token' in (login.value as object)).toBe(false);
    expect(containsToken(login, 'secret-token-1')).toBe(false);

    const me = await call('session.get');
    expect(me.ok).toBe(true);
    expect(core.calls.at(-1)!.caller.token).toBe('secret-token-1');
  });

  it('keeps the recovery code of the first setup but strips the token', async () => {
    const { core, call } = setup();
    const result = await call('setup.initialize', { office: {}, admin: {} });
    expect(result).toMatchObject({ ok: true, value: { recoveryCode: 'RECOVERY-CODE' } });
    expect(containsToken(result, 'secret-token')).toBe(false);
    await call('office.get');
    expect(core.calls.at(-1)!.caller.token).toBe('secret-token-1');
  });

  it('sends no token before login', async () => {
    const { core, call } = setup();
    await call('session.get');
    expect(core.calls[0]!.caller.token).toBeUndefined();
  });

  it('forgets the token on logout and on lock', async () => {
    const { core, call } = setup();
    await call('auth.login', {});
    await call('auth.logout');
    expect(core.calls.at(-1)!.caller.token).toBe('secret-token-1');
    expect((await call('session.get')).ok).toBe(false);
    expect(core.calls.at(-1)!.caller.token).toBeUndefined();

    await call('auth.login', {});
    await call('auth.lock', { reason: 'idle' });
    expect((await call('session.get')).ok).toBe(false);
    expect(core.calls.at(-1)!.caller.token).toBeUndefined();
  });

  it('a reload is a logout: the token is forgotten and the session ended in the core', async () => {
    const { core, page, call } = setup();
    await call('auth.login', {});
    expect(core.live.has('secret-token-1')).toBe(true);
    page.reload();
    await settle();
    expect(core.live.has('secret-token-1')).toBe(false);
    const after = await call('session.get');
    expect(after).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(core.calls.at(-1)!.caller.token).toBeUndefined();
  });

  it('in-page (hash) navigation keeps the session', async () => {
    const { page, call } = setup();
    await call('auth.login', {});
    page.emit('did-start-navigation', { url: `${APP_ENTRY_URL}#/cases`, isMainFrame: true, isSameDocument: true });
    page.emit('did-start-navigation', { url: 'about:blank', isMainFrame: false, isSameDocument: false });
    expect((await call('session.get')).ok).toBe(true);
  });

  it('a closed window or crashed page leaves no session behind', async () => {
    const { core, bridge, page, call } = setup();
    await call('auth.login', {});
    page.emit('render-process-gone', {}, { reason: 'crashed' });
    await settle();
    expect(core.live.size).toBe(0);
    await call('auth.login', {});
    page.destroy();
    await settle();
    expect(core.live.size).toBe(0);
    expect(bridge.hasSession(page.id)).toBe(false);
  });

  it('a login answer that arrives after the page reloaded is not given to the new page', async () => {
    const core = fakeCore();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = async (caller: Caller, method: unknown, input: unknown) => {
      if (method === 'auth.login') await gate;
      return core.call(caller, method, input);
    };
    const bridge = new SessionBridge(slow);
    const page = new FakePage();
    trackPageLifetime(bridge, page);
    const pending = bridge.call(page.id, 'auth.login', {});
    page.reload();
    release();
    await pending;
    await settle();
    expect(bridge.hasSession(page.id)).toBe(false);
    expect(core.live.size).toBe(0);
  });

  it('two windows hold separate sessions', async () => {
    const core = fakeCore();
    const bridge = new SessionBridge(core.call);
    const a = new FakePage();
    const b = new FakePage();
    await bridge.call(a.id, 'auth.login', {});
    await bridge.call(b.id, 'auth.login', {});
    await bridge.call(a.id, 'session.get', {});
    expect(core.calls.at(-1)!.caller.token).toBe('secret-token-1');
    await bridge.call(b.id, 'session.get', {});
    expect(core.calls.at(-1)!.caller.token).toBe('secret-token-2');
  });

  it('screen lock or sleep locks every session with reason "system"', async () => {
    const core = fakeCore();
    const bridge = new SessionBridge(core.call);
    const a = new FakePage();
    const b = new FakePage();
    await bridge.call(a.id, 'auth.login', {});
    await bridge.call(b.id, 'auth.login', {});
    await bridge.lockAll('system');
    const locks = core.calls.filter((c) => c.method === 'auth.lock');
    expect(locks.map((c) => c.caller.token).sort()).toEqual(['secret-token-1', 'secret-token-2']);
    expect(locks.every((c) => (c.input as { reason: string }).reason === 'system')).toBe(true);
    expect(core.live.size).toBe(0);
    expect(bridge.pagesWithSession()).toEqual([]);
  });
});

describe('when the last session ends, what was opened outside the register is wiped', () => {
  function setup() {
    const core = fakeCore();
    const ended = vi.fn();
    const bridge = new SessionBridge(core.call, () => {}, { onAllSessionsEnded: ended });
    const a = new FakePage();
    const b = new FakePage();
    trackPageLifetime(bridge, a);
    trackPageLifetime(bridge, b);
    return { core, bridge, ended, a, b };
  }

  it('a logout of the only session', async () => {
    const { bridge, ended, a } = setup();
    await bridge.call(a.id, 'session.get', {});
    await bridge.call(a.id, 'auth.logout', {});
    expect(ended).not.toHaveBeenCalled();
    await bridge.call(a.id, 'auth.login', {});
    expect(ended).not.toHaveBeenCalled();
    await bridge.call(a.id, 'auth.logout', {});
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('a lock (idle or by hand)', async () => {
    const { bridge, ended, a } = setup();
    await bridge.call(a.id, 'auth.login', {});
    await bridge.call(a.id, 'auth.lock', { reason: 'idle' });
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('only when the last of two windows is out', async () => {
    const { bridge, ended, a, b } = setup();
    await bridge.call(a.id, 'auth.login', {});
    await bridge.call(b.id, 'auth.login', {});
    await bridge.call(a.id, 'auth.logout', {});
    expect(ended).not.toHaveBeenCalled();
    b.reload();
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('a closed window or a crashed page', async () => {
    const { bridge, ended, a, b } = setup();
    await bridge.call(a.id, 'auth.login', {});
    a.destroy();
    expect(ended).toHaveBeenCalledTimes(1);
    await bridge.call(b.id, 'auth.login', {});
    b.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(ended).toHaveBeenCalledTimes(2);
  });

  it('the screen lock, once for every window', async () => {
    const { bridge, ended, a, b } = setup();
    await bridge.lockAll('system');
    expect(ended).not.toHaveBeenCalled();
    await bridge.call(a.id, 'auth.login', {});
    await bridge.call(b.id, 'auth.login', {});
    await bridge.lockAll('system');
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('a wipe that throws does not stop the logout', async () => {
    const core = fakeCore();
    const lines: string[] = [];
    const bridge = new SessionBridge(core.call, (l) => lines.push(l), {
      onAllSessionsEnded: () => {
        throw new Error('disk');
      },
    });
    const page = new FakePage();
    await bridge.call(page.id, 'auth.login', {});
    expect(await bridge.call(page.id, 'auth.logout', {})).toEqual({ ok: true, value: {} });
    expect(bridge.hasSession(page.id)).toBe(false);
    expect(lines).toEqual(['bridge: the end-of-sessions task threw']);
  });
});

describe('opening and saving files: only the app page, with its own session', () => {
  function setup() {
    const core = fakeCore();
    const bridge = new SessionBridge(core.call);
    const page = new FakePage();
    trackPageLifetime(bridge, page);
    const dir = mkdtempSync(join(tmpdir(), 'teduh-files-'));
    const shell: FileShell = { copies: new OpenCopies(join(dir, 'open-documents')), chooseSavePath: vi.fn(async () => null), openPath: vi.fn(async () => '') };
    const handle = createFilesHandler(bridge, (s) => s.id === page.id, () => shell);
    return { core, bridge, page, shell, handle, dispose: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const target = { kind: 'document', id: '0190a5b0-0000-7000-8000-000000000001' };

  it('refuses a subframe, another origin and a window the app did not open, without reading anything', async () => {
    const { core, page, shell, handle, dispose } = setup();
    try {
      const stranger = new FakePage();
      const calls = [
        handle(page.ipcEvent(new FakeFrame(APP_ENTRY_URL, page.mainFrame)), 'open', { target }),
        handle(new FakePage('https://evil.example/').ipcEvent(), 'open', { target }),
        handle(stranger.ipcEvent(), 'save', { target }),
      ];
      for (const r of await Promise.all(calls)) expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(core.calls).toEqual([]);
      expect(shell.openPath).not.toHaveBeenCalled();
      expect(shell.chooseSavePath).not.toHaveBeenCalled();
    } finally {
      dispose();
    }
  });

  it("a page's session mark changes when it locks and logs in again, so a copy read before a lock is not opened after it", async () => {
    const { bridge, page, dispose } = setup();
    try {
      expect(bridge.sessionMark(page.id)).toBeNull();
      await bridge.call(page.id, 'auth.login', {});
      const before = bridge.sessionMark(page.id);
      expect(before).not.toBeNull();
      expect(bridge.sessionMark(page.id)).toBe(before);
      await bridge.call(page.id, 'auth.lock', { reason: 'idle' });
      expect(bridge.sessionMark(page.id)).toBeNull();
      await bridge.call(page.id, 'auth.login', {});
      expect(bridge.sessionMark(page.id)).not.toBe(before);
    } finally {
      dispose();
    }
  });

  it("reads the file with the page's own token", async () => {
    const { core, bridge, page, handle, dispose } = setup();
    try {
      await bridge.call(page.id, 'auth.login', {});
      await handle(page.ipcEvent(), 'open', { target });
      expect(core.calls.at(-1)).toMatchObject({ caller: { token: 'secret-token-1' }, method: 'documents.content', input: { id: target.id, purpose: 'open' } });
    } finally {
      dispose();
    }
  });
});

describe('with the real core', () => {
  let dir: string | null = null;
  let core: Core | null = null;
  afterEach(() => {
    core?.close();
    core = null;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it('an office sets up through the bridge, works, and a reload locks the register', async () => {
    dir = mkdtempSync(join(tmpdir(), 'teduh-bridge-'));
    core = createCore({ dataDir: dir, resourcesDir: resolve('resources'), scryptN: 1024 });
    const realCore = core;
    const seen: unknown[] = [];
    const bridge = new SessionBridge(async (caller, method, input) => {
      const result = await realCore.call(caller, method, input);
      seen.push(result);
      return result;
    });
    const page = new FakePage();
    trackPageLifetime(bridge, page);
    const handle = createCallHandler(bridge, (s) => s.id === page.id);
    const call = (method: string, input: unknown = {}) => handle(page.ipcEvent(), method, input);

    const setup = await call('setup.initialize', {
      office: { name: 'UPTD PPA Kota Contoh' },
      admin: { username: 'admin', fullName: 'Admin Kantor', password: 'kata-sandi-kuat-1' },
    });
    expect(setup.ok).toBe(true);
    const issued = (seen[0] as { value: { token: string } }).value.token;
    expect(typeof issued).toBe('string');
    expect(containsToken(setup, issued)).toBe(false);

    expect(await call('session.get')).toMatchObject({ ok: true, value: { user: { username: 'admin' } } });

    page.reload();
    await settle();
    expect(await call('session.get')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await call('setup.status')).toMatchObject({ ok: true, value: { initialized: true, unlocked: false } });
  });
});

// ---------- the app:// protocol ----------

describe('app:// serves the built renderer and nothing else', () => {
  const root = resolve('/srv/teduh/out/renderer');
  const files: Record<string, string> = {
    [join(root, 'index.html')]: '<!doctype html><title>Teduh</title>',
    [join(root, 'assets', 'index-abc.js')]: 'console.log(1)',
    [join(root, 'assets', 'index-abc.css')]: 'body{}',
    [join(root, 'assets', 'logo.svg')]: '<svg/>',
  };
  const handler = createAppProtocolHandler({
    rootDir: root,
    readFile: async (file) => {
      const text = files[file];
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return new TextEncoder().encode(text);
    },
  });
  const get = (url: string, method = 'GET') => handler({ url, method });

  it("serves the app's page with its MIME type and CSP", async () => {
    const res = await get(APP_ENTRY_URL);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Teduh</title>');
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(APP_CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get('app://teduh/')).status).toBe(200);
  });

  it('gives scripts, styles and images their MIME types', async () => {
    expect((await get('app://teduh/assets/index-abc.js')).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await get('app://teduh/assets/index-abc.css')).headers.get('content-type')).toMatch(/^text\/css/);
    expect((await get('app://teduh/assets/logo.svg')).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('answers 404 for missing files and refuses writes', async () => {
    expect((await get('app://teduh/assets/missing.js')).status).toBe(404);
    expect((await get(APP_ENTRY_URL, 'POST')).status).toBe(405);
  });

  it('refuses path traversal in every spelling', async () => {
    const attempts = [
      'app://teduh/..%2f..%2fmain%2findex.js',
      'app://teduh/assets/..%2f..%2f..%2fpackage.json',
      'app://teduh/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
      'app://teduh/assets/%2e%2e%5c%2e%2e%5cpackage.json',
      'app://teduh/..%5c..%5cpackage.json',
      'app://teduh/C:%5cWindows%5cwin.ini',
      'app://teduh/%2fetc%2fpasswd',
      'app://teduh/index.html%00.js',
      'app://teduh/%E0%A4%A',
    ];
    for (const url of attempts) {
      expect(resolveAppFile(root, url), url).toBeNull();
      expect((await get(url)).status, url).toBe(404);
    }
    // The URL parser's own `..` folding never climbs above the root either.
    expect(resolveAppFile(root, 'app://teduh/../../etc/passwd')).toBe(join(root, 'etc', 'passwd'));
    expect(resolveAppFile(root, 'app://teduh/%2e%2e/%2e%2e/package.json')).toBe(join(root, 'package.json'));
  });

  it('serves nothing for another host or scheme', () => {
    expect(resolveAppFile(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppFile(root, 'file:///srv/teduh/out/renderer/index.html')).toBeNull();
    expect(resolveAppFile(root, 'https://teduh/index.html')).toBeNull();
  });

  it("sends the same policy as renderer/index.html's meta tag (plus frame-ancestors)", () => {
    const html = readFileSync(resolve('renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
    expect(meta).toBeTruthy();
    const directives = (csp: string) =>
      new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d.replace(/\s+/g, ' ')]));
    const header = directives(APP_CONTENT_SECURITY_POLICY);
    expect(header.get('frame-ancestors')).toBe("frame-ancestors 'none'");
    header.delete('frame-ancestors');
    expect(header).toEqual(directives(meta!));
  });
});
