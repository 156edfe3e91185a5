import type { PendingAudit } from '../vault/store';
import type { AuditInput } from './chain';

/**
 * Audit entries waiting in the key-slot file while the register is locked (failed logins,
 * mostly). The first ones are kept one by one with their own time; past that, each kind of
 * entry (same account, device, action, outcome and detail) is counted in one summary entry,
 * so a flood of guesses can neither grow the file without end nor push out what was queued
 * about a real account. Unknown usernames are all one marker, so the kinds stay few.
 */
export const PENDING_ONE_BY_ONE = 100;
/** A last resort beyond which even distinct kinds are folded together (never reached by guessing names). */
const MAX_PENDING = 1_000;

function sameKind(a: PendingAudit, b: PendingAudit): boolean {
  return a.username === b.username && a.deviceId === b.deviceId && a.action === b.action && a.outcome === b.outcome && a.detail === b.detail;
}

export function queuePendingAudit(queue: PendingAudit[], entry: PendingAudit): void {
  if (queue.length < PENDING_ONE_BY_ONE) {
    queue.push(entry);
    return;
  }
  const summary =
    queue.find((p) => p.count !== undefined && sameKind(p, entry)) ??
    (queue.length >= MAX_PENDING ? queue.find((p, i) => i >= PENDING_ONE_BY_ONE && p.action === entry.action) : undefined);
  if (summary) {
    summary.count = (summary.count ?? 1) + 1;
    summary.lastAt = entry.at;
    return;
  }
  queue.push({ ...entry, count: 1, lastAt: entry.at });
}

/** The audit entry a queued one becomes; a summary says how many it stands for and until when. */
export function pendingAsAudit(p: PendingAudit): AuditInput {
  const detail =
    p.count === undefined || p.count === 1
      ? p.detail
      : JSON.stringify({ summary: `${p.count} percobaan gagal lainnya`, count: p.count, lastAt: p.lastAt, detail: p.detail });
  return {
    at: p.at,
    userId: null,
    username: p.username,
    deviceId: p.deviceId,
    action: p.action,
    outcome: p.outcome as AuditInput['outcome'],
    detail,
  };
}
