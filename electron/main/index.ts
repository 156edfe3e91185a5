import { join } from 'node:path';
import { BrowserWindow, Menu, app, dialog, ipcMain, powerMonitor, protocol, safeStorage, session, shell } from 'electron';
import { createCore, type Core } from '../core';
import { safeStorageDeviceSecret } from './device-secret';
import { OpenCopies, fileKinds, type FileKind } from '../core/files';
import { APP_ENTRY_URL, APP_SCHEME, createAppProtocolHandler } from './app-protocol';
import { SessionBridge, createCallHandler, createFilesHandler, trackPageLifetime, type CoreCall, type FileShell } from './ipc-bridge';
import { LanClientMode, LanClientSetup, PairingFile, createLanClientHandler, safeStorageSecretStore } from './lan-client';
import { createLineLog } from './log';
import { blockDownloads, blockRemoteRequests, denyAllPermissions, hardenWebContents, secureWebPreferences, type SenderLike } from './security';

const APP_USER_MODEL_ID = 'id.go.teduh';

// Both must happen before the app is ready.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

const rendererDir = join(import.meta.dirname, '../renderer');
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
// Packaged: migrations are copied beside app.asar (extraResources). Otherwise: the repository's resources/.
const resourcesDir = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');

/** The webContents ids of the app's own windows: the only pages whose calls reach the core. */
const appPages = new Set<number>();
let core: Core | null = null;
let bridge: SessionBridge | null = null;
/** Set when this PC is a LAN client: it has no register of its own in use, only the host's. */
let lanClient: LanClientMode | null = null;
let lanSetup: LanClientSetup | null = null;
/** Temporary copies of documents opened in Word: wiped at start, when nobody is logged in, and at quit. */
let openCopies: OpenCopies | null = null;

function appWindows(): BrowserWindow[] {
  return BrowserWindow.getAllWindows().filter((w) => !w.isDestroyed() && appPages.has(w.webContents.id));
}

function createWindow(sessionBridge: SessionBridge): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Teduh',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  });
  const pageId = win.webContents.id;
  appPages.add(pageId);
  trackPageLifetime(sessionBridge, win.webContents);
  win.webContents.on('destroyed', () => appPages.delete(pageId));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

/** Screen locked or PC asleep: end every session, and reload so the pages' memory is discarded. */
async function lockEveryPage(sessionBridge: SessionBridge): Promise<void> {
  await sessionBridge.lockAll('system');
  for (const win of appWindows()) win.webContents.reload();
}

function wipeOpenCopies(log: (line: string) => void): void {
  const left = openCopies?.wipe().left ?? 0;
  // A copy Word still holds on Windows stays until the next wipe; its name is never logged.
  if (left > 0) log(`open copies: ${left} still in use, left for the next wipe`);
}

/** The page's own window for the save dialog, the Documents folder, and the PC's programs. */
function fileShellFor(sender: SenderLike, copies: OpenCopies): FileShell {
  return {
    copies,
    async chooseSavePath(defaultName: string, kind: FileKind) {
      let defaultPath = defaultName;
      try {
        defaultPath = join(app.getPath('documents'), defaultName);
      } catch {
        // no Documents folder: the dialog starts where it likes
      }
      const { label, extensions } = fileKinds[kind];
      const options: Electron.SaveDialogOptions = {
        defaultPath,
        filters: [{ name: label, extensions: [...extensions] }],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const win = appWindows().find((w) => w.webContents.id === sender.id);
      const chosen = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
    },
    openPath: (path) => shell.openPath(path),
    async chooseBackupPath() {
      const options: Electron.OpenDialogOptions = { filters: [{ name: 'Cadangan Teduh', extensions: ['tdbk'] }], properties: ['openFile'] };
      const win = appWindows().find((w) => w.webContents.id === sender.id);
      const chosen = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
    },
  };
}

function focusFirstWindow(): void {
  const win = appWindows()[0];
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

async function start(log: (line: string) => void): Promise<void> {
  await app.whenReady();

  denyAllPermissions(session.defaultSession);
  blockRemoteRequests(session.defaultSession);
  blockDownloads(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir: rendererDir }));
  if (app.isPackaged) Menu.setApplicationMenu(null);

  // LAN sharing: a PC paired with a host forwards every call there and opens no register
  // of its own; any other PC runs its own core, which hosts when the office chose so.
  const userData = app.getPath('userData');
  const copies = new OpenCopies(join(userData, 'open-documents'));
  openCopies = copies;
  wipeOpenCopies(log);
  const pairingFile = new PairingFile(join(userData, 'lan-client.bin'), safeStorage);
  const paired = pairingFile.load();
  if (!paired && pairingFile.exists()) log('LAN: the pairing file cannot be read with this account\'s secret storage; starting on its own');
  const restartInNewRole = () => {
    app.relaunch();
    app.quit();
  };
  lanSetup = new LanClientSetup(pairingFile, () => lanClient, restartInNewRole, restartInNewRole);
  ipcMain.handle('teduh:lan-client', createLanClientHandler(lanSetup, (sender) => appPages.has(sender.id), () => bridge));
  if (paired) {
    lanClient = new LanClientMode(paired, pairingFile, log);
    startShell(lanClient.call, (listener) => lanClient!.subscribe(listener), copies, log);
    // The connection's state is no secret: every page may show it (a banner, even at the login screen).
    lanClient.client.onStatus((state) => {
      for (const win of appWindows()) win.webContents.send('teduh:event', { type: 'lan.connection', id: state });
    });
    return;
  }

  try {
    core = createCore({ dataDir: join(userData, 'register'), resourcesDir, log, deviceSecret: safeStorageDeviceSecret(safeStorage) });
  } catch (e) {
    log(`core failed to start: ${(e as Error)?.name ?? 'unknown'}`);
    dialog.showErrorBox(
      'Teduh tidak dapat dimulai',
      'Berkas aplikasi tidak lengkap atau folder data tidak dapat dibuka. Pasang ulang Teduh; data register tidak diubah.',
    );
    app.quit();
    return;
  }

  // The register locked by itself (the idle sweep) while the window was left alone: the copies go too.
  core.register.events.on('locked', () => wipeOpenCopies(log));
  const hosting = core.lan.activate({ advertise: true, unlockSecrets: safeStorageSecretStore(join(userData, 'lan-autounlock.secret'), safeStorage) });
  hosting.catch(() => log('LAN host failed to start'));
  startShell(core.call, (listener) => core!.subscribe(listener), copies, log);
}

/** The session bridge, the change events, the locks, opening files and the window, over a core or a host. */
function startShell(callCore: CoreCall, subscribe: NonNullable<Core['subscribe']>, copies: OpenCopies, log: (line: string) => void): void {
  const sessionBridge = new SessionBridge(callCore, log, { onAllSessionsEnded: () => wipeOpenCopies(log) });
  bridge = sessionBridge;
  const isAppWindow = (sender: SenderLike) => appPages.has(sender.id);
  ipcMain.handle('teduh:call', createCallHandler(sessionBridge, isAppWindow));
  ipcMain.handle('teduh:files', createFilesHandler(sessionBridge, isAppWindow, (sender) => fileShellFor(sender, copies)));

  // Change events go only to pages with a session: a locked screen learns nothing.
  subscribe((event) => {
    for (const win of appWindows()) {
      if (sessionBridge.hasSession(win.webContents.id)) win.webContents.send('teduh:event', event);
    }
  });

  const lock = () => {
    lockEveryPage(sessionBridge).catch(() => log('lock on system event failed'));
  };
  powerMonitor.on('lock-screen', lock);
  powerMonitor.on('suspend', lock);

  createWindow(sessionBridge);
}

if (!app.requestSingleInstanceLock()) {
  // Another Teduh is running; it is asked to show itself (second-instance) and this one leaves.
  app.quit();
} else {
  const log = createLineLog(join(app.getPath('logs'), 'teduh.log'));
  app.setAppUserModelId(APP_USER_MODEL_ID);

  app.on('second-instance', focusFirstWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (bridge && appWindows().length === 0) createWindow(bridge);
  });
  app.on('will-quit', () => {
    lanSetup?.close();
    void lanClient?.close();
    lanClient = null;
    core?.close();
    core = null;
    wipeOpenCopies(log);
  });
  process.on('uncaughtException', (e) => {
    // State is unknown: close the register and leave, rather than carry on half-broken.
    log(`uncaught exception: ${e?.name ?? 'unknown'}`);
    try {
      core?.close();
    } catch {
      // already closing
    }
    wipeOpenCopies(log);
    dialog.showErrorBox('Teduh', 'Terjadi kesalahan di dalam aplikasi dan Teduh harus ditutup. Data yang sudah disimpan tidak hilang.');
    app.exit(1);
  });
  process.on('unhandledRejection', (e) => log(`unhandled rejection: ${(e as Error)?.name ?? 'unknown'}`));

  start(log).catch((e: unknown) => {
    log(`startup failed: ${(e as Error)?.name ?? 'unknown'}`);
    app.quit();
  });
}
