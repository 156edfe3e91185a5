import type { Session } from '../auth/sessions';
import type { Register } from '../register';
import type { MethodName, OutputOf, ParsedInputOf } from './contract';

/** What a handler knows about the call it is serving. */
export interface CallContext {
  reg: Register;
  /** null for public methods called without a session */
  session: Session | null;
  /** the device the call came from (this PC, or a paired LAN client) */
  deviceId: string;
  now: Date;
  nowIso: string;
  /** Set by the handler: what the audit entry is about. Never case content. */
  audit: { entityType?: string; entityId?: string; detail?: string; username?: string; userId?: string };
  /** Change events to publish once the transaction has committed. */
  changes: { type: string; id?: string }[];
  /** Work that must not run inside the transaction (re-keying the database), run once it has committed. */
  afterCommit: (() => void)[];
}

/**
 * A handler: optional async `prepare` (key derivation and other slow work, outside any
 * transaction), then a synchronous `run` that the dispatcher wraps in one transaction
 * together with its audit entry.
 */
export interface Handler<M extends MethodName, P = unknown> {
  prepare?: (input: ParsedInputOf<M>, ctx: CallContext) => Promise<P>;
  run: (input: ParsedInputOf<M>, ctx: CallContext, prepared: P) => OutputOf<M>;
  /** Whether the register must be unlocked for `run` (default true). */
  needsDatabase?: boolean;
}

export type Handlers = { [M in MethodName]: Handler<M, any> };

/** Declares the handlers of one capability; the dispatcher merges them and refuses duplicates. */
export function defineHandlers<T extends Partial<{ [M in MethodName]: Handler<M, any> }>>(h: T): T {
  return h;
}

export function requireSession(ctx: CallContext): Session {
  if (!ctx.session) throw new Error('handler called without a session');
  return ctx.session;
}
