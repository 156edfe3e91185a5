import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * The shell's wiring (electron/main/index.ts) run against stand-ins for Electron's
 * modules and the real core: what the app does at start, when a page calls, when the
 * screen locks, when a second copy starts, when it quits.
 */
const fake = await vi.hoisted(async () => {
  // vi.hoisted runs before the imports above, so it loads what it needs itself.
  const { EventEmitter: Emitter } = await import('node:events');
  let nextId = 100;

  class Frame {
    readonly processId = 1;
    constructor(
      public url: string,
      readonly routingId: number,
      readonly parent: Frame | null = null,
    ) {}
  }

  class Contents extends Emitter {
    readonly id = nextId++;
    mainFrame = new Frame('', nextId++);
    openHandler: unknown = null;
    sent: [string, unknown][] = [];
    reloads = 0;
    isDestroyed = () => false;
    setWindowOpenHandler(h: unknown) {
      this.openHandler = h;
    }
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    }
    reload() {
      this.reloads++;
      this.emit('did-start-navigation', { url: this.mainFrame.url, isMainFrame: true, isSameDocument: false });
    }
  }

  class Window extends Emitter {
    static all: Window[] = [];
    static getAllWindows = () => Window.all;
    readonly webContents = new Contents();
    loaded: string[] = [];
    focused = 0;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      Window.all.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    async loadURL(url: string) {
      this.loaded.push(url);
      this.webContents.emit('did-start-navigation', { url, isMainFrame: true, isSameDocument: false });
      this.webContents.mainFrame.url = url;
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    restore() {}
    show() {}
    focus() {
      this.focused++;
    }
  }

  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    paths: {} as Record<string, string>,
    quit: vi.fn(),
    exit: vi.fn(),
    enableSandbox: vi.fn(),
    setAppUserModelId: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => app.paths[name] ?? app.paths.base!,
    getAppPath: () => process.cwd(),
  });

  const ipcHandlers = new Map<string, (...args: any[]) => unknown>();
  const webRequestListeners: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)[] = [];

  const electron = {
    app,
    BrowserWindow: Window,
    Menu: { setApplicationMenu: vi.fn() },
    dialog: { showErrorBox: vi.fn(), showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })) },
    shell: { openPath: vi.fn(async (_path: string) => '') },
    ipcMain: { handle: (channel: string, h: (...args: any[]) => unknown) => void ipcHandlers.set(channel, h) },
    powerMonitor: new Emitter(),
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    safeStorage: { isEncryptionAvailable: () => false, encryptString: vi.fn(), decryptString: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        webRequest: { onBeforeRequest: (l: (typeof webRequestListeners)[number]) => void webRequestListeners.push(l) },
        on: vi.fn(),
      },
    },
  };
  return { electron, Window, Frame, ipcHandlers, webRequestListeners };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

let dir: string;
let listenersBefore: unknown[];

function page() {
  const win = fake.Window.all[0]!;
  return win.webContents;
}

function filesFrom(sender: InstanceType<typeof fake.Window>['webContents'], frame: unknown, op: string, args: unknown) {
  return fake.ipcHandlers.get('teduh:files')!({ sender, senderFrame: frame }, op, args) as Promise<any>;
}

function callFrom(sender: InstanceType<typeof fake.Window>['webContents'], frame: unknown, method: string, input: unknown = {}) {
  return fake.ipcHandlers.get('teduh:call')!({ sender, senderFrame: frame }, method, input) as Promise<any>;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'teduh-main-'));
  fake.electron.app.paths.base = dir;
  listenersBefore = process.listeners('uncaughtException');
  await import('../../electron/main/index');
  await vi.waitFor(() => expect(fake.Window.all.length).toBe(1));
});

afterAll(() => {
  fake.electron.app.emit('will-quit');
  for (const l of process.listeners('uncaughtException')) {
    if (!listenersBefore.includes(l)) process.off('uncaughtException', l as (e: Error) => void);
  }
  for (const l of process.listeners('unhandledRejection')) process.off('unhandledRejection', l as never);
  rmSync(dir, { recursive: true, force: true });
});

describe('the Electron shell', () => {
  it('registers app:// as a privileged scheme and sandboxes every renderer before the app is ready', () => {
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.electron.app.enableSandbox).toHaveBeenCalled();
    expect(fake.electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(fake.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('opens one window on the app page, isolated, with the CommonJS preload', () => {
    const win = fake.Window.all[0]!;
    expect(win.loaded).toEqual(['app://teduh/index.html']);
    const prefs = win.options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(String(prefs.preload).replaceAll('\\', '/')).toMatch(/\/preload\/index\.cjs$/);
  });

  it('hardens the window it created (window.open is denied)', () => {
    const handler = page().openHandler as (d: { url: string }) => { action: string };
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('denies permissions and cancels remote requests on the default session', () => {
    const s = fake.electron.session.defaultSession;
    const request = s.setPermissionRequestHandler.mock.calls[0]![0] as (...a: unknown[]) => void;
    const callback = vi.fn();
    request({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    let cancel: boolean | undefined;
    fake.webRequestListeners[0]!({ url: 'https://cdn.example.com/x.js' }, (r) => (cancel = r.cancel));
    expect(cancel).toBe(true);
    // And downloads: a copy leaves only through Save as.
    const [event, onDownload] = s.on.mock.calls.find((c) => c[0] === 'will-download') as [string, (e: { preventDefault(): void }) => void];
    expect(event).toBe('will-download');
    const preventDefault = vi.fn();
    onDownload({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
  });

  it("answers the page's calls from the real core, and refuses a subframe", async () => {
    const contents = page();
    expect(await callFrom(contents, contents.mainFrame, 'setup.status')).toEqual({
      ok: true,
      value: { initialized: false, unlocked: false, problem: null },
    });
    const sub = new fake.Frame('app://teduh/index.html', 999, contents.mainFrame);
    expect(await callFrom(contents, sub, 'setup.status')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('keeps the register under userData/register, with migrations from the repository', async () => {
    const { existsSync } = await import('node:fs');
    expect(existsSync(join(dir, 'register', 'device-id'))).toBe(true);
    expect(existsSync(resolve('resources', 'migrations'))).toBe(true);
  });

  it('sets up the office through the window without handing it the token, and forwards change events', async () => {
    const contents = page();
    const result = await callFrom(contents, contents.mainFrame, 'setup.initialize', {
      office: { name: 'UPTD PPA Kota Contoh' },
      admin: { username: 'admin', fullName: 'Admin Kantor', password: 'kata-sandi-kuat-1' },
    });
    expect(result.ok).toBe(true);
    expect(result.value).not.toHaveProperty('token');
    expect(typeof result.value.recoveryCode).toBe('string');
    expect(await callFrom(contents, contents.mainFrame, 'session.get')).toMatchObject({ ok: true });

    const settings = await callFrom(contents, contents.mainFrame, 'settings.get');
    const update = await callFrom(contents, contents.mainFrame, 'settings.update', {
      version: settings.value.version,
      idleLockMinutes: 10,
    });
    expect(update).toMatchObject({ ok: true });
    expect(contents.sent).toContainEqual(['teduh:event', { type: 'settings.updated' }]);
  });

  it("opens and saves files through the page's session: the copy under userData, the save dialog on the page's window", async () => {
    const { existsSync, readdirSync, readFileSync } = await import('node:fs');
    const contents = page();
    const win = fake.Window.all[0]!;
    const sub = new fake.Frame('app://teduh/index.html', 998, contents.mainFrame);
    expect(await filesFrom(contents, sub, 'open', { target: { kind: 'register' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const opened = await filesFrom(contents, contents.mainFrame, 'open', { target: { kind: 'register', year: 2026 } });
    expect(opened).toEqual({ ok: true, value: { fileName: 'Agenda surat keluar 2026.csv' } });
    const copy = fake.electron.shell.openPath.mock.calls.at(-1)![0];
    expect(copy.startsWith(join(dir, 'open-documents'))).toBe(true);
    expect(existsSync(copy)).toBe(true);

    const chosen = join(dir, 'agenda.csv');
    fake.electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen });
    expect(await filesFrom(contents, contents.mainFrame, 'save', { target: { kind: 'register' } })).toEqual({ ok: true, value: { saved: true, fileName: 'agenda.csv' } });
    const [parent, options] = fake.electron.dialog.showSaveDialog.mock.calls.at(-1)! as [unknown, { defaultPath: string; filters: unknown }];
    expect(parent).toBe(win);
    expect(options).toMatchObject({ defaultPath: join(dir, 'Agenda surat keluar.csv'), filters: [{ name: 'CSV (lembar kerja)', extensions: ['csv'] }] });
    expect(readFileSync(chosen, 'utf8')).toContain('Nomor;Tanggal');
    expect(readdirSync(join(dir, 'open-documents'))).toHaveLength(1);
  });

  it('locks every session and reloads the window when the screen locks', async () => {
    const contents = page();
    const { readdirSync } = await import('node:fs');
    const reloadsBefore = contents.reloads;
    fake.electron.powerMonitor.emit('lock-screen');
    await vi.waitFor(() => expect(contents.reloads).toBe(reloadsBefore + 1));
    expect(await callFrom(contents, contents.mainFrame, 'session.get')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    // Nobody is in: the copies opened in Word are gone.
    expect(readdirSync(join(dir, 'open-documents'))).toEqual([]);
  });

  it('a second copy of the app brings the first window forward', () => {
    const win = fake.Window.all[0]!;
    const before = win.focused;
    fake.electron.app.emit('second-instance');
    expect(win.focused).toBe(before + 1);
  });

  it('a page-created web contents (e.g. devtools) is hardened too', () => {
    const other = new EventEmitter() as EventEmitter & { setWindowOpenHandler: (h: unknown) => void; handler?: unknown };
    other.setWindowOpenHandler = (h) => (other.handler = h);
    fake.electron.app.emit('web-contents-created', {}, other);
    expect((other.handler as (d: { url: string }) => unknown)({ url: 'https://x.example/' })).toEqual({ action: 'deny' });
  });
});
