import type { Statement } from 'better-sqlite3';
import type { Sqlite } from './open';

const cache = new WeakMap<Sqlite, Map<string, Statement>>();

/**
 * A prepared statement for this connection, prepared once. For hot paths (registering,
 * listing, searching), where building the query each call costs more than running it.
 */
export function stmt(sqlite: Sqlite, sql: string): Statement {
  let m = cache.get(sqlite);
  if (!m) cache.set(sqlite, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = sqlite.prepare(sql)));
  return s;
}
