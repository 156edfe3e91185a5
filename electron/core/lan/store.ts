import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/open';
import { lanDevices, lanHost, lanIdentity, lanRequests } from '../db/schema';
import type { LanDeviceView } from '../api/contract-lan';
import { shortFingerprint, type TlsIdentity } from './identity';

/** The LAN tables, read and written only through here. */

export type LanHostConfig = typeof lanHost.$inferSelect;
export type LanDeviceRow = typeof lanDevices.$inferSelect;

export function readHostConfig(db: Db): LanHostConfig | undefined {
  return db.select().from(lanHost).where(eq(lanHost.id, 1)).get();
}

export function readHostIdentity(db: Db): TlsIdentity | undefined {
  const row = db.select().from(lanIdentity).where(eq(lanIdentity.id, 1)).get();
  return row ? { keyPem: row.keyPem, certPem: row.certPem, fingerprint: row.fingerprint } : undefined;
}

/** Stores the host's identity once; an existing one is kept (a new one would unpair every PC). */
export function saveHostIdentity(db: Db, identity: TlsIdentity, by: string | null, at: string): TlsIdentity {
  const existing = readHostIdentity(db);
  if (existing) return existing;
  db.insert(lanIdentity).values({ id: 1, ...identity, createdAt: at, createdBy: by }).run();
  return identity;
}

export function activeDevices(db: Db): LanDeviceRow[] {
  return db.select().from(lanDevices).where(isNull(lanDevices.revokedAt)).all();
}

export function allDevices(db: Db): LanDeviceRow[] {
  return db.select().from(lanDevices).orderBy(lanDevices.pairedAt).all();
}

export function deviceByFingerprint(db: Db, fingerprint: string): LanDeviceRow | undefined {
  return db.select().from(lanDevices).where(eq(lanDevices.fingerprint, fingerprint)).get();
}

export function deviceView(row: LanDeviceRow, connected: boolean): LanDeviceView {
  return {
    id: row.id,
    name: row.name,
    fingerprintShort: shortFingerprint(row.fingerprint),
    pairedAt: row.pairedAt,
    firstSeenAt: row.firstSeenAt,
    lastSeenAt: row.lastSeenAt,
    lastAddress: row.lastAddress,
    connected,
    revokedAt: row.revokedAt,
    revokeReason: row.revokeReason,
    version: row.version,
  };
}

/** A connection time: not an edit of the device, so no new version and no history. */
export function markDeviceSeen(db: Db, id: string, at: string, address: string): void {
  const row = db.select({ firstSeenAt: lanDevices.firstSeenAt }).from(lanDevices).where(eq(lanDevices.id, id)).get();
  if (!row) return;
  db.update(lanDevices)
    .set({ lastSeenAt: at, lastAddress: address, ...(row.firstSeenAt ? {} : { firstSeenAt: at }) })
    .where(eq(lanDevices.id, id))
    .run();
}

export interface StoredAnswer {
  method: string;
  response: string;
}

export function findAnswer(db: Db, deviceId: string, key: string): StoredAnswer | undefined {
  return db
    .select({ method: lanRequests.method, response: lanRequests.response })
    .from(lanRequests)
    .where(and(eq(lanRequests.deviceId, deviceId), eq(lanRequests.key, key)))
    .get();
}

export function saveAnswer(db: Db, deviceId: string, key: string, method: string, response: string, at: string): void {
  db.insert(lanRequests).values({ deviceId, key, method, response, at }).onConflictDoNothing().run();
}

export function pruneAnswers(db: Db, olderThanIso: string): void {
  db.delete(lanRequests).where(lt(lanRequests.at, olderThanIso)).run();
}
