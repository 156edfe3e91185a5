import { Dispatcher, mergeHandlers, type Caller } from './api/dispatcher';
import type { ApiResult } from './api/errors';
import type { ChangeEvent } from './api/bridge';
import { auditHandlers } from './audit/handlers';
import { backupHandlers, dailyBackup } from './backup';
import { authHandlers } from './auth/handlers';
import { caseEditHandlers, findHandlers, intakeHandlers } from './cases';
import { directoryHandlers } from './directory/handlers';
import { documentsHandlers } from './documents';
import { LanHostService, lanHandlers } from './lan';
import { seedServiceStandards, servicesHandlers } from './services/handlers';
import { seedHolidayYear } from './directory/handlers';
import type { OpenDatabase } from './db/open';
import { holidays } from './db/schema';
import { like } from 'drizzle-orm';
import { workflowHandlers } from './workflow/handlers';
import { officeHandlers } from './office/handlers';
import { Register, type RegisterOptions } from './register';
import { settingsHandlers } from './settings';
import { usersHandlers } from './users/handlers';
import { registerKeyHandlers } from './vault/handlers';
import { reportsHandlers } from './reports';

export type { Caller } from './api/dispatcher';
export type { RegisterOptions } from './register';
export { ManualClock, OffsetClock, systemClock, type Clock } from './clock';

export interface Core {
  /** The one entry point of every transport. Never throws. */
  call(caller: Caller, method: unknown, input: unknown): Promise<ApiResult<unknown>>;
  subscribe(listener: (e: ChangeEvent) => void): () => void;
  /** Whether a session token is live (for transports that push change events). */
  hasSession(token: string | undefined): boolean;
  readonly register: Register;
  /** LAN sharing as host: idle until `lan.activate()` (the desktop app and `serve --lan` call it). */
  readonly lan: LanHostService;
  close(): void;
}

export interface CoreOptions extends RegisterOptions {
  /** Where operational lines go (method names and error classes only, never case data). */
  log?: (line: string) => void;
}

/** Reference data every register needs: the service standards and this year's holidays. */
function seedReferenceData({ db }: OpenDatabase, nowIso: string): void {
  seedServiceStandards(db, nowIso);
  const year = Number(nowIso.slice(0, 4));
  for (const y of [year, year + 1]) {
    if (!db.select({ id: holidays.id }).from(holidays).where(like(holidays.id, `${y}-%`)).get()) seedHolidayYear(db, y, nowIso, null);
  }
}

export function createCore(opts: CoreOptions): Core {
  const log = opts.log ?? (() => {});
  const register = new Register({ onUnlocked: seedReferenceData, maintenance: (reg, when) => dailyBackup(reg, when, log), ...opts });
  const lan = new LanHostService(register, opts.log);
  const handlers = mergeHandlers(
    authHandlers,
    usersHandlers,
    registerKeyHandlers,
    officeHandlers,
    settingsHandlers,
    auditHandlers,
    servicesHandlers,
    intakeHandlers,
    caseEditHandlers,
    findHandlers,
    workflowHandlers,
    directoryHandlers,
    documentsHandlers,
    backupHandlers,
    reportsHandlers,
    lanHandlers(lan),
  );
  const dispatcher = new Dispatcher(register, handlers, opts.log);
  lan.attach((caller, method, input) => dispatcher.dispatch(caller, method, input));
  return {
    call: (caller, method, input) => dispatcher.dispatch(caller, method, input),
    subscribe(listener) {
      register.events.on('change', listener);
      return () => register.events.off('change', listener);
    },
    hasSession: (token) => register.sessions.isLive(token),
    register,
    lan,
    close: () => {
      void lan.close();
      register.close();
    },
  };
}
