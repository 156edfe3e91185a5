import { randomBytes } from 'node:crypto';
import type { Role } from '../api/roles';

export interface Session {
  token: string;
  userId: string;
  username: string;
  role: Role;
  deviceId: string;
  mustChangePassword: boolean;
  createdAt: number;
  lastSeen: number;
}

/**
 * Sessions live in memory only: a restart or a lock ends them all. A session idle for
 * longer than the idle-lock time (plus a minute's grace for clock drift between the
 * renderer and the core) is expired here too, whatever the renderer does.
 */
export class SessionStore {
  private readonly byToken = new Map<string, Session>();

  create(s: Omit<Session, 'token' | 'createdAt' | 'lastSeen'>, now: number): Session {
    const session: Session = { ...s, token: randomBytes(32).toString('base64url'), createdAt: now, lastSeen: now };
    this.byToken.set(session.token, session);
    return session;
  }

  /** Returns the live session for a token and marks it used, or null. */
  touch(token: string | undefined, now: number, idleMs: number): Session | null {
    if (!token) return null;
    const s = this.byToken.get(token);
    if (!s) return null;
    if (now - s.lastSeen > idleMs + 60_000) {
      this.byToken.delete(token);
      return null;
    }
    s.lastSeen = now;
    return s;
  }

  /** Whether a token names a session, without counting as activity. */
  isLive(token: string | undefined): boolean {
    return token !== undefined && this.byToken.has(token);
  }

  /** Ends every session idle for longer than allowed; returns how many ended. */
  sweep(now: number, idleMs: number): number {
    let ended = 0;
    for (const [t, s] of this.byToken) {
      if (now - s.lastSeen > idleMs + 60_000) {
        this.byToken.delete(t);
        ended++;
      }
    }
    return ended;
  }

  end(token: string): void {
    this.byToken.delete(token);
  }

  endAllFor(userId: string): void {
    for (const [t, s] of this.byToken) if (s.userId === userId) this.byToken.delete(t);
  }

  count(): number {
    return this.byToken.size;
  }

  clear(): void {
    this.byToken.clear();
  }
}
