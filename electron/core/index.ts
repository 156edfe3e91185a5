import { Dispatcher, mergeHandlers, type Caller } from './api/dispatcher';
import type { ApiResult } from './api/errors';
import type { ChangeEvent } from './api/bridge';
import { auditHandlers } from './audit/handlers';
import { authHandlers } from './auth/handlers';
import { casesHandlers } from './cases/handlers';
import { officeHandlers } from './office/handlers';
import { Register, type RegisterOptions } from './register';
import { settingsHandlers } from './settings';
import { usersHandlers } from './users/handlers';

export type { Caller } from './api/dispatcher';
export type { RegisterOptions } from './register';
export { ManualClock, systemClock, type Clock } from './clock';

export interface Core {
  /** The one entry point of every transport. Never throws. */
  call(caller: Caller, method: unknown, input: unknown): Promise<ApiResult<unknown>>;
  subscribe(listener: (e: ChangeEvent) => void): () => void;
  /** Whether a session token is live (for transports that push change events). */
  hasSession(token: string | undefined): boolean;
  readonly register: Register;
  close(): void;
}

export interface CoreOptions extends RegisterOptions {
  /** Where operational lines go (method names and error classes only, never case data). */
  log?: (line: string) => void;
}

export function createCore(opts: CoreOptions): Core {
  const register = new Register(opts);
  const handlers = mergeHandlers(authHandlers, usersHandlers, officeHandlers, settingsHandlers, auditHandlers, casesHandlers);
  const dispatcher = new Dispatcher(register, handlers, opts.log);
  return {
    call: (caller, method, input) => dispatcher.dispatch(caller, method, input),
    subscribe(listener) {
      register.events.on('change', listener);
      return () => register.events.off('change', listener);
    },
    hasSession: (token) => register.sessions.isLive(token),
    register,
    close: () => register.close(),
  };
}
