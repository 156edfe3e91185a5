import type { WebPreferences } from 'electron';
import { isAppPage, isAppUrl } from './app-protocol';

/**
 * The settings of every window: the page is an untrusted web page that reaches the core
 * only through the preload's two functions.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** What the IPC guard needs to know about a frame (Electron's WebFrameMain has it). */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  /** With `routingId`, names the frame: Electron may hand out distinct objects for one frame. */
  readonly processId: number;
  readonly routingId: number;
}

function sameFrame(a: FrameLike, b: FrameLike): boolean {
  return a.processId === b.processId && a.routingId === b.routingId;
}

/** What the IPC guard needs to know about the sending page (Electron's WebContents has it). */
export interface SenderLike {
  readonly id: number;
  readonly mainFrame: FrameLike;
  isDestroyed(): boolean;
}

export interface IpcEventLike {
  readonly sender: SenderLike;
  readonly senderFrame: FrameLike | null;
}

/**
 * True only for the top-level frame of one of the app's own windows showing the app's
 * origin. Subframes, other origins, file:// and dev servers are refused, and so is a
 * frame that has gone (null) while its message was in flight.
 */
export function isTrustedSender(event: IpcEventLike, isAppWindow: (sender: SenderLike) => boolean): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (event.sender.isDestroyed()) return false;
  if (frame.parent !== null) return false;
  if (!sameFrame(frame, event.sender.mainFrame)) return false;
  if (!isAppUrl(frame.url)) return false;
  return isAppWindow(event.sender);
}

export interface NavigationEventLike {
  readonly url: string;
  preventDefault(): void;
}

/** The parts of a WebContents that the hardening touches. */
export interface HardenableContents {
  on(event: 'will-navigate', listener: (event: NavigationEventLike) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEventLike) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEventLike) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Applied to every web contents the app creates: no navigation away from the app page,
 * no redirects, no new windows, no webviews. Reloading the app page stays allowed (that
 * is how a lock discards the page's memory).
 */
export function hardenWebContents(contents: HardenableContents): void {
  const stayOnAppPage = (event: NavigationEventLike) => {
    if (!isAppPage(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnAppPage);
  contents.on('will-frame-navigate', stayOnAppPage);
  contents.on('will-redirect', stayOnAppPage);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The parts of an Electron Session that permission handling touches. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: ((webContents: any, permission: any, callback: (granted: boolean) => void, details: any) => void) | null,
  ): void;
  setPermissionCheckHandler(handler: ((webContents: any, permission: any, origin: string, details: any) => boolean) | null): void;
  setDevicePermissionHandler(handler: ((details: any) => boolean) | null): void;
}

/** The register needs no camera, microphone, location, notifications, devices or clipboard reads. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Requests any page may make: the app's own files, inline data and blobs, and the
 * developer tools' own pages. Nothing from the network.
 */
export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  return /^(data|blob|devtools):/i.test(url);
}

export interface RequestFilterSession {
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

/** No remote content: any request that is not the app's own is cancelled before it leaves. */
export function blockRemoteRequests(session: RequestFilterSession): void {
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url) }));
}

export interface DownloadSession {
  on(event: 'will-download', listener: (event: { preventDefault(): void }) => void): unknown;
}

/**
 * No downloads: a copy leaves the register only through "Save as", which warns that the copy
 * is not encrypted and is audited; a link in the page cannot write a file past that.
 */
export function blockDownloads(session: DownloadSession): void {
  session.on('will-download', (event) => event.preventDefault());
}
