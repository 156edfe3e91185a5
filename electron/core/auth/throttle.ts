import { createHmac, randomBytes } from 'node:crypto';
import { ApiError } from '../api/errors';
import type { Register } from '../register';
import type { KeySlot } from '../vault/keyslots';
import type { VaultFile } from '../vault/store';
import { lockoutSeconds } from './policy';

/**
 * Failed attempts and the delay they earn. A real account's counter lives in the key-slot
 * file (so a restart does not reset it) under its lowercased username, and nothing evicts it.
 * A name that matches no account is never written down as typed (it may be a password typed
 * into the wrong box): its failures are counted in one shared bucket on disk, as evidence,
 * and its delay comes from a counter kept in memory only, under a keyed hash of the name, so
 * an unknown name is throttled exactly as a real one would be and the answers reveal nothing
 * about which accounts exist.
 */

/** What stands for a username that matches no account, on disk and in the audit log. */
export const UNKNOWN_USERNAME = '(pengguna tidak dikenal)';
const RECOVERY_KEY = 'recovery-code';
const UNKNOWN_PREFIX = `${UNKNOWN_USERNAME}#`;
/** Names tracked in memory; past this the oldest unknown names are forgotten (never a real account). */
const MAX_UNKNOWN_TRACKED = 10_000;

interface Attempts {
  failures: number;
  lastAt: string;
}

/** Per process: the hash key is never written anywhere, so the hashes in memory cannot be tested offline. */
const nameKey = randomBytes(32);
const unknownByRegister = new WeakMap<Register, Map<string, Attempts>>();

function unknownCounters(reg: Register): Map<string, Attempts> {
  let m = unknownByRegister.get(reg);
  if (!m) unknownByRegister.set(reg, (m = new Map()));
  return m;
}

/** The counter an attempt at `username` is charged to; `slot` is what findUserSlot found for it. */
export function attemptKey(username: string, slot: KeySlot | undefined): string {
  if (slot) return username.toLowerCase();
  return UNKNOWN_PREFIX + createHmac('sha256', nameKey).update(username.toLowerCase()).digest('base64url');
}

/** The recovery code's own counter. */
export const recoveryAttemptKey = RECOVERY_KEY;

/** The username as it may be written down: the typed name only when it names an account. */
export function recordedUsername(username: string, slot: KeySlot | undefined): string {
  return slot ? (slot.username ?? username) : UNKNOWN_USERNAME;
}

function isUnknown(key: string): boolean {
  return key.startsWith(UNKNOWN_PREFIX);
}

export function checkRateLimit(reg: Register, key: string, now: Date): void {
  const a = isUnknown(key) ? unknownCounters(reg).get(key) : reg.vault().attempts[key];
  if (!a) return;
  const wait = lockoutSeconds(a.failures);
  const until = new Date(a.lastAt).getTime() + wait * 1000;
  if (until > now.getTime()) {
    const retryAfter = Math.ceil((until - now.getTime()) / 1000);
    throw new ApiError('RATE_LIMITED', `Terlalu banyak percobaan yang gagal. Coba lagi dalam ${retryAfter} detik.`, {
      retryAfter,
    });
  }
}

export function recordFailure(reg: Register, key: string, now: Date): void {
  const v = reg.vault();
  const lastAt = now.toISOString();
  let bucket = key;
  if (isUnknown(key)) {
    const counters = unknownCounters(reg);
    const prev = counters.get(key);
    counters.delete(key); // re-inserted last: the Map's order is the order of last use
    counters.set(key, { failures: (prev?.failures ?? 0) + 1, lastAt });
    if (counters.size > MAX_UNKNOWN_TRACKED) counters.delete(counters.keys().next().value!);
    bucket = UNKNOWN_USERNAME;
  }
  forgetTypedNames(v);
  v.attempts[bucket] = { failures: (v.attempts[bucket]?.failures ?? 0) + 1, lastAt };
  reg.saveVault(v);
}

export function clearFailures(reg: Register, key: string): void {
  if (isUnknown(key)) {
    unknownCounters(reg).delete(key);
    return;
  }
  const v = reg.vault();
  if (!v.attempts[key]) return;
  delete v.attempts[key];
  reg.saveVault(v);
}

/**
 * Key-slot files written before names were kept out hold a counter per name typed; those
 * that match no account are folded into the shared bucket, and queued audit entries naming
 * no account get the marker instead.
 */
export function forgetTypedNames(v: VaultFile): void {
  const accounts = new Set(v.slots.flatMap((s) => (s.kind === 'user' && s.username ? [s.username.toLowerCase()] : [])));
  for (const [k, a] of Object.entries(v.attempts)) {
    if (k === RECOVERY_KEY || k === UNKNOWN_USERNAME || accounts.has(k)) continue;
    const shared = v.attempts[UNKNOWN_USERNAME];
    v.attempts[UNKNOWN_USERNAME] = {
      failures: (shared?.failures ?? 0) + a.failures,
      lastAt: shared && shared.lastAt > a.lastAt ? shared.lastAt : a.lastAt,
    };
    delete v.attempts[k];
  }
  for (const p of v.pendingAudit) {
    if (p.username !== null && p.username !== UNKNOWN_USERNAME && !accounts.has(p.username.toLowerCase())) p.username = UNKNOWN_USERNAME;
  }
}
