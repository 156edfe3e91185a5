import { and, eq } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { ApiError } from '../api/errors';
import { uuidv7 } from '../ids';
import type { Db } from './open';
import { history } from './schema';

type VersionedTable = SQLiteTable & {
  id: SQLiteColumn;
  version: SQLiteColumn;
  $inferSelect: { version: number };
};

/**
 * The one way a mutable row changes: the caller names the version it read; a stale
 * version is a CONFLICT carrying the row as it is now; the previous state goes to
 * `history`. Never last-writer-wins.
 */
export function updateVersioned<T extends VersionedTable, Row extends T['$inferSelect'] = T['$inferSelect']>(
  db: Db,
  table: T,
  entityType: string,
  id: string | number,
  expectedVersion: number,
  changes: Partial<Row>,
  by: string | null,
  at: string,
  present: (row: Row) => unknown = (r) => r,
): Row {
  const current = db.select().from(table as never).where(eq(table.id, id)).get() as Row | undefined;
  if (!current) throw new ApiError('NOT_FOUND');
  const currentVersion = current.version;
  if (currentVersion !== expectedVersion) throw new ApiError('CONFLICT', undefined, { current: present(current) });
  db.insert(history)
    .values({
      id: uuidv7(),
      entityType,
      entityId: String(id),
      version: currentVersion,
      data: withoutBlobs(current),
      changedAt: at,
      changedBy: by,
    })
    .run();
  const res = db
    .update(table as never)
    .set({ ...changes, version: currentVersion + 1, updatedAt: at, updatedBy: by } as never)
    .where(and(eq(table.id, id), eq(table.version, expectedVersion)))
    .run();
  if (res.changes !== 1) throw new ApiError('CONFLICT', undefined, { current: present(current) });
  return db.select().from(table as never).where(eq(table.id, id)).get() as unknown as Row;
}

/** Names of the fields whose values differ: what an audit entry may say about a change. */
export function changedFields(before: object, after: object): string[] {
  const b4 = before as Record<string, unknown>;
  const af = after as Record<string, unknown>;
  return Object.keys(af).filter((k) => {
    const a = b4[k];
    const b = af[k];
    if (Buffer.isBuffer(a) || Buffer.isBuffer(b)) return !(Buffer.isBuffer(a) && Buffer.isBuffer(b) && a.equals(b));
    return JSON.stringify(a) !== JSON.stringify(b);
  });
}

function withoutBlobs(row: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] = Buffer.isBuffer(v) ? { base64: v.toString('base64') } : v;
  }
  return out;
}
