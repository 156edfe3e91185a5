import type { Caller } from '../core/api/dispatcher';
import { errorBody, type ApiResult } from '../core/api/errors';
import { createFileActions, type FileActionDeps } from '../core/files';
import { isTrustedSender, type IpcEventLike, type SenderLike } from './security';

/** `core.call`, or anything shaped like it. */
export type CoreCall = (caller: Caller, method: unknown, input: unknown) => Promise<ApiResult<unknown>>;

/** Methods whose result carries a new session token. */
const sessionStarting = new Set(['auth.login', 'setup.initialize']);
/** Methods after which the page's session is over, whatever the answer. */
const sessionEnding = new Set(['auth.logout', 'auth.lock']);

export type LockReason = 'idle' | 'manual' | 'system';

export interface SessionBridgeOptions {
  /**
   * Called when the last page's session goes away (logout, lock, a reload or closed window,
   * the screen lock): nobody is in, so what was opened outside the register is wiped.
   */
  onAllSessionsEnded?: () => void;
}

/**
 * Keeps each page's session token in the main process. The page logs in and gets its
 * session view, never the token; every later call from that page carries the token
 * kept here. A page that reloads, navigates or is destroyed has no session any more:
 * its token is forgotten and the core's session ended.
 */
export class SessionBridge {
  private readonly tokens = new Map<number, string>();
  /**
   * Bumped whenever a page's document goes away, so an answer that arrives late is not
   * given to the next document. Kept after a window closes (one number per window).
   */
  private readonly generations = new Map<number, number>();

  constructor(
    private readonly callCore: CoreCall,
    private readonly log: (line: string) => void = () => {},
    private readonly options: SessionBridgeOptions = {},
  ) {}

  hasSession(pageId: number): boolean {
    return this.tokens.has(pageId);
  }

  /** The page's session as it is now (null: none); compared later to learn whether it ended meanwhile. */
  sessionMark(pageId: number): string | null {
    const token = this.tokens.get(pageId);
    return token === undefined ? null : `${this.generation(pageId)}:${token}`;
  }

  /** The page ids that hold a session now. */
  pagesWithSession(): number[] {
    return [...this.tokens.keys()];
  }

  private generation(pageId: number): number {
    return this.generations.get(pageId) ?? 0;
  }

  /** Forwards one call from a page; what comes back never contains a token. */
  async call(pageId: number, method: unknown, input: unknown): Promise<ApiResult<unknown>> {
    const generation = this.generation(pageId);
    const token = this.tokens.get(pageId);
    let result: ApiResult<unknown>;
    try {
      result = await this.callCore({ token }, method, input);
    } catch {
      // The core never throws; if it does, the page still gets the envelope.
      this.log(`bridge: call to ${typeof method === 'string' ? method : 'unknown'} threw`);
      result = { ok: false, error: errorBody('INTERNAL') };
    }
    if (typeof method !== 'string') return result;

    if (sessionEnding.has(method) && token !== undefined && this.tokens.get(pageId) === token) {
      this.dropToken(pageId);
    }
    if (sessionStarting.has(method) && result.ok) {
      const { token: newToken, ...rest } = result.value as { token?: unknown };
      if (typeof newToken === 'string') {
        if (this.generation(pageId) === generation) {
          const previous = this.tokens.get(pageId);
          this.tokens.set(pageId, newToken);
          if (previous !== undefined && previous !== newToken) this.endSession(previous);
        } else {
          // The page that asked has gone; nobody may hold this session.
          this.endSession(newToken);
        }
      }
      return { ok: true, value: rest };
    }
    return result;
  }

  /**
   * The page's document is gone (reload, navigation, crash, closed window): forget its
   * token and end the session in the core, so the register locks if nobody else is in.
   */
  forget(pageId: number): void {
    this.generations.set(pageId, this.generation(pageId) + 1);
    const token = this.tokens.get(pageId);
    if (token === undefined) return;
    this.dropToken(pageId);
    this.endSession(token);
  }

  /** Locks every page's session (screen lock, sleep); the caller then reloads the pages. */
  async lockAll(reason: LockReason): Promise<void> {
    const entries = [...this.tokens.entries()];
    for (const [pageId] of entries) {
      this.tokens.delete(pageId);
      this.generations.set(pageId, this.generation(pageId) + 1);
    }
    if (entries.length > 0) this.allSessionsEnded();
    await Promise.all(entries.map(([, token]) => this.safeCall(token, 'auth.lock', { reason })));
  }

  private dropToken(pageId: number): void {
    if (this.tokens.delete(pageId) && this.tokens.size === 0) this.allSessionsEnded();
  }

  private allSessionsEnded(): void {
    try {
      this.options.onAllSessionsEnded?.();
    } catch {
      this.log('bridge: the end-of-sessions task threw');
    }
  }

  private endSession(token: string): void {
    void this.safeCall(token, 'auth.logout', {});
  }

  private async safeCall(token: string, method: string, input: unknown): Promise<void> {
    try {
      const result = await this.callCore({ token }, method, input);
      if (!result.ok && result.error.code !== 'UNAUTHENTICATED') this.log(`bridge: ${method} failed: ${result.error.code}`);
    } catch {
      this.log(`bridge: ${method} threw`);
    }
  }
}

/**
 * The `ipcMain.handle('teduh:call', ...)` listener: a call from anything but the app's own
 * top-level page is answered FORBIDDEN and never reaches the core.
 */
export function createCallHandler(
  bridge: SessionBridge,
  isAppWindow: (sender: SenderLike) => boolean,
): (event: IpcEventLike, method: unknown, input: unknown) => Promise<ApiResult<unknown>> {
  return async (event, method, input) => {
    if (!isTrustedSender(event, isAppWindow)) return { ok: false, error: errorBody('FORBIDDEN') };
    return bridge.call(event.sender.id, method, input);
  };
}

/** What opening and saving files needs from the shell for one page (its dialog, its PC's programs). */
export type FileShell = Omit<FileActionDeps, 'call'>;

/**
 * The `ipcMain.handle('teduh:files', ...)` listener: like teduh:call, only the app's own
 * top-level page is answered, and the file is read through that page's own session.
 */
export function createFilesHandler(
  bridge: SessionBridge,
  isAppWindow: (sender: SenderLike) => boolean,
  shellFor: (sender: SenderLike) => FileShell,
): (event: IpcEventLike, op: unknown, args: unknown) => Promise<ApiResult<unknown>> {
  return async (event, op, args) => {
    if (!isTrustedSender(event, isAppWindow)) return { ok: false, error: errorBody('FORBIDDEN') };
    const pageId = event.sender.id;
    const live = bridge.sessionMark(pageId);
    const actions = createFileActions({
      ...shellFor(event.sender),
      call: (method, input) => bridge.call(pageId, method, input),
      sessionStillLive: () => live !== null && bridge.sessionMark(pageId) === live,
    });
    return actions(op, args);
  };
}

export interface NavigationStartLike {
  readonly isMainFrame: boolean;
  readonly isSameDocument: boolean;
}

/** The page events after which a page's session must be forgotten. */
export interface TrackableContents {
  readonly id: number;
  on(event: 'did-start-navigation', listener: (details: NavigationStartLike) => void): unknown;
  on(event: 'render-process-gone', listener: () => void): unknown;
  on(event: 'destroyed', listener: () => void): unknown;
}

/**
 * A new document in the main frame (reload included) starts logged out; so does a
 * crashed renderer. In-page (hash) navigation keeps the session.
 */
export function trackPageLifetime(bridge: SessionBridge, contents: TrackableContents): void {
  const pageId = contents.id;
  contents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) bridge.forget(pageId);
  });
  contents.on('render-process-gone', () => bridge.forget(pageId));
  contents.on('destroyed', () => bridge.forget(pageId));
}
