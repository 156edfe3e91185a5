import { ApiError } from '../api/errors';
import type { Sqlite } from '../db/open';
import { stmt } from '../db/statements';
import type { ServiceDefinition } from './types';

const parsed = new WeakMap<Sqlite, Map<string, { def: ServiceDefinition; versionNo: number; code: string }>>();

/**
 * A version of a service standard. Versions are never changed once written (editing a
 * standard adds a version), so each is parsed once per connection and kept.
 */
export function standardById(sqlite: Sqlite, id: string): { def: ServiceDefinition; versionNo: number; code: string } {
  let m = parsed.get(sqlite);
  if (!m) parsed.set(sqlite, (m = new Map()));
  let s = m.get(id);
  if (!s) {
    const row = stmt(sqlite, 'SELECT code, version_no, definition FROM service_standards WHERE id = ?').get(id) as
      | { code: string; version_no: number; definition: string }
      | undefined;
    if (!row) throw new ApiError('INTERNAL', 'Standar layanan tidak ditemukan.');
    s = { def: JSON.parse(row.definition) as ServiceDefinition, versionNo: row.version_no, code: row.code };
    m.set(id, s);
  }
  return s;
}
