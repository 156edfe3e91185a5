import type { PageOutputOf, TeduhBridge } from '../../../electron/core/api/bridge';
import type { FileOps, InputOf, MethodName } from '../../../electron/core/api/contract';
import type { ApiErrorBody, ApiResult, ErrorCode } from '../../../electron/core/api/errors';

declare global {
  interface Window {
    teduh?: TeduhBridge;
  }
}

/** A failed call: the envelope's error, as a throwable. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  readonly retryAfter: number | undefined;
  readonly current: unknown;
  readonly method: MethodName;

  constructor(method: MethodName, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiCallError';
    this.method = method;
    this.code = body.code;
    this.fields = body.fields;
    this.retryAfter = body.retryAfter;
    this.current = body.current;
  }
}

export function isApiCallError(e: unknown, code?: ApiCallError['code']): e is ApiCallError {
  return e instanceof ApiCallError && (code === undefined || e.code === code);
}

/** Codes meaning "nobody is logged in any more": the renderer drops everything and starts over. */
const sessionLostCodes: ReadonlySet<ApiCallError['code']> = new Set(['UNAUTHENTICATED', 'LOCKED']);

let onSessionLost: (() => void) | null = null;

/** Installed while a user is logged in; called once if any call finds the session gone. */
export function setSessionLostHandler(handler: (() => void) | null): void {
  onSessionLost = handler;
}

/** The one way the renderer talks to the core: resolves with the value or throws ApiCallError. */
export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<PageOutputOf<M>> {
  return (await viaBridge(method, (bridge) => bridge.call(method, input))) as PageOutputOf<M>;
}

/**
 * Opening a document in Word or saving a copy, carried out by the desktop app (or the web
 * harness) through this page's session: resolves with the value or throws ApiCallError.
 * The error is named after the core method that reads the file.
 */
export async function fileCall<O extends keyof FileOps>(op: O, args: FileOps[O]['args']): Promise<FileOps[O]['value']> {
  const method: MethodName = !('target' in args)
    ? 'setup.restore'
    : args.target.kind === 'register'
      ? 'documents.exportRegister'
      : args.target.kind === 'report'
        ? 'reports.export'
        : 'documents.content';
  return (await viaBridge(method, (bridge) => bridge.files.call(op, args))) as FileOps[O]['value'];
}

async function viaBridge(method: MethodName, send: (bridge: TeduhBridge) => Promise<ApiResult<unknown>>): Promise<unknown> {
  const bridge = window.teduh;
  if (!bridge) throw new ApiCallError(method, { code: 'UNAVAILABLE', message: 'bridge missing' });
  let result: ApiResult<unknown>;
  try {
    result = await send(bridge);
  } catch {
    throw new ApiCallError(method, { code: 'UNAVAILABLE', message: 'bridge call failed' });
  }
  return settle(method, result);
}

function settle(method: MethodName, result: ApiResult<unknown>): unknown {
  if (result.ok) return result.value;
  const error = new ApiCallError(method, result.error);
  if (sessionLostCodes.has(error.code) && onSessionLost) {
    const handler = onSessionLost;
    onSessionLost = null;
    handler();
  }
  throw error;
}
