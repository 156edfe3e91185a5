import { z } from 'zod';
import { ApiError, errorBody, type ApiResult } from './errors';
import { contract, isMethodName, type MethodName } from './contract';
import { can } from './roles';
import type { CallContext, Handler, Handlers } from './handler';
import type { Register } from '../register';
import { readGeneralSettings } from '../settings/general';

/** Who is calling: the session token (if any) and the device. */
export interface Caller {
  token?: string | undefined;
  /** Paired LAN client's device id; this PC's own id when absent. */
  deviceId?: string;
}

/** Methods a user who must change their password may still call. */
const allowedDuringPasswordChange = new Set<MethodName>(['auth.changePassword', 'auth.logout', 'auth.lock', 'session.get']);

/** Methods whose failure is worth an audit entry even when the input was malformed. */
const authMethods = new Set<MethodName>(['auth.login', 'auth.recover', 'setup.initialize', 'auth.changePassword']);

export function mergeHandlers(...groups: Partial<Handlers>[]): Handlers {
  const all: Partial<Handlers> = {};
  for (const g of groups) {
    for (const [name, h] of Object.entries(g)) {
      if (name in all) throw new Error(`duplicate handler: ${name}`);
      (all as Record<string, unknown>)[name] = h;
    }
  }
  for (const name of Object.keys(contract)) {
    if (!(name in all)) throw new Error(`no handler for ${name}`);
  }
  for (const name of Object.keys(all)) {
    if (!isMethodName(name)) throw new Error(`handler for unknown method ${name}`);
  }
  return all as Handlers;
}

/** Zod issues as the envelope's form fields: dot-separated path -> first message. */
export function zodFields(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    // Keys the screens never send: named in Indonesian, without repeating what was sent.
    const message = issue.code === 'unrecognized_keys' ? 'Isian tidak dikenal' : issue.message;
    if (!(key in fields)) fields[key] = message;
  }
  return fields;
}

/**
 * The one dispatcher behind every transport: validate, check access, run the handler in
 * one transaction with its audit entry, answer with the envelope. Nothing else escapes.
 */
export class Dispatcher {
  constructor(
    private readonly reg: Register,
    private readonly handlers: Handlers,
    private readonly log: (line: string) => void = () => {},
  ) {}

  async dispatch(caller: Caller, methodName: unknown, rawInput: unknown): Promise<ApiResult<unknown>> {
    if (typeof methodName !== 'string' || !isMethodName(methodName)) {
      return { ok: false, error: errorBody('UNKNOWN_METHOD') };
    }
    const method = methodName;
    const spec = contract[method];
    const now = this.reg.clock.now();
    const ctx: CallContext = {
      reg: this.reg,
      session: null,
      deviceId: caller.deviceId ?? this.reg.deviceId,
      now,
      nowIso: now.toISOString(),
      audit: {},
      changes: [],
      afterCommit: [],
    };
    try {
      // 1. who is calling
      if (spec.access !== 'public') {
        const idleMs = this.idleLockMs();
        const session = this.reg.isUnlocked() ? this.reg.sessions.touch(caller.token, now.getTime(), idleMs) : null;
        if (!session) throw new ApiError('UNAUTHENTICATED');
        ctx.session = session;
        if (session.mustChangePassword && !allowedDuringPasswordChange.has(method)) {
          throw new ApiError('PASSWORD_CHANGE_REQUIRED');
        }
        if (spec.access !== 'session' && !can(session.role, spec.access)) throw new ApiError('FORBIDDEN');
      }
      // 2. what they sent
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        throw new ApiError('VALIDATION', undefined, { fields: zodFields(parsed.error) });
      }
      const input = parsed.data;
      // 3. do it
      const handler = this.handlers[method] as Handler<typeof method, unknown>;
      const prepared = handler.prepare ? await handler.prepare(input as never, ctx) : undefined;
      const needsDb = handler.needsDatabase ?? true;
      let value: unknown;
      if (needsDb) {
        const { sqlite } = this.reg.db;
        value = sqlite.transaction(() => {
          const out = handler.run(input as never, ctx, prepared);
          if (spec.audit !== 'none') this.audit(ctx, method, 'ok');
          return out;
        })();
      } else {
        value = handler.run(input as never, ctx, prepared);
        if (spec.audit !== 'none') this.auditSafely(ctx, method, 'ok');
      }
      for (const run of ctx.afterCommit) run();
      for (const c of ctx.changes) this.reg.emit(c);
      return { ok: true, value };
    } catch (e) {
      const error = e instanceof ApiError ? e : null;
      if (!error) {
        // Unexpected: log only the method and the error's class, never input or message
        // (a message may quote SQL or case data).
        this.log(`internal error in ${method}: ${(e as Error)?.name ?? 'unknown'}`);
      }
      const body = error ? error.toBody() : errorBody('INTERNAL');
      if (this.failureIsAudited(method, body.code, spec.audit)) {
        ctx.audit.detail = JSON.stringify({ code: body.code });
        this.auditSafely(ctx, method, body.code === 'FORBIDDEN' || body.code === 'UNAUTHENTICATED' ? 'denied' : 'failure');
      }
      return { ok: false, error: body };
    } finally {
      // A desktop register is locked whenever nobody is logged in.
      this.reg.afterSessionEnded();
    }
  }

  private failureIsAudited(method: MethodName, code: string, kind: string): boolean {
    if (code === 'UNKNOWN_METHOD' || code === 'LOCKED' || code === 'NOT_INITIALIZED') return false;
    if (authMethods.has(method)) return true;
    if (code === 'FORBIDDEN') return true;
    return kind === 'change' && code !== 'VALIDATION' && code !== 'UNAUTHENTICATED';
  }

  private idleLockMs(): number {
    if (!this.reg.isUnlocked()) return 0;
    return readGeneralSettings(this.reg.db.db).idleLockMinutes * 60_000;
  }

  private audit(ctx: CallContext, method: string, outcome: 'ok' | 'failure' | 'denied'): void {
    this.reg.auditOrQueue({
      at: ctx.nowIso,
      userId: ctx.session?.userId ?? ctx.audit.userId ?? null,
      username: ctx.session?.username ?? ctx.audit.username ?? null,
      deviceId: ctx.deviceId,
      action: method,
      outcome,
      entityType: ctx.audit.entityType ?? null,
      entityId: ctx.audit.entityId ?? null,
      detail: ctx.audit.detail ?? null,
    });
  }

  private auditSafely(ctx: CallContext, method: string, outcome: 'ok' | 'failure' | 'denied'): void {
    try {
      this.audit(ctx, method, outcome);
    } catch {
      this.log(`audit write failed for ${method}`);
    }
  }
}
