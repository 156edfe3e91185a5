import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { ApiError } from '../api/errors';
import { ensurePrivateFile } from '../private-files';
import * as schema from './schema';

export type Sqlite = Database.Database;
export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenDatabase {
  sqlite: Sqlite;
  db: Db;
}

export function loadMigrations(migrationsDir: string): MigrationMeta[] {
  return readMigrationFiles({ migrationsFolder: migrationsDir });
}

/**
 * Opens (or creates) the register with its raw 32-byte key in SQLCipher v4 format.
 * Order matters: the schema version is read before anything is written, so a database
 * from a newer Teduh is refused and left byte-for-byte untouched.
 */
/**
 * Opens an encrypted database file with its raw key (SQLCipher v4) and checks the key opens
 * it; throws ApiError INTERNAL when it does not. The one place that knows the cipher settings:
 * the register, `teduh verify` and the check of a backup copy all open through it.
 */
export function openEncrypted(file: string, key: Buffer, opts: { fileMustExist?: boolean; readonly?: boolean } = {}): Sqlite {
  if (!opts.readonly) {
    // SQLite gives the -wal and -shm files the database file's mode, so that file is made
    // (or narrowed to) 0600 before SQLite opens it; leftovers of an earlier open are narrowed too.
    ensurePrivateFile(file, { create: !(opts.fileMustExist ?? false) });
    for (const side of ['-wal', '-shm']) ensurePrivateFile(file + side);
  }
  const sqlite = new Database(file, { fileMustExist: opts.fileMustExist ?? false, readonly: opts.readonly ?? false });
  try {
    sqlite.pragma(`cipher='sqlcipher'`);
    sqlite.pragma('legacy=4');
    sqlite.pragma(`key="x'${key.toString('hex')}'"`);
    // Temporary tables and sort spills stay in memory: no plaintext temp files.
    sqlite.pragma('temp_store=MEMORY');
    try {
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch {
      throw new ApiError('INTERNAL', 'Kunci tidak cocok dengan basis data, atau berkas basis data rusak.');
    }
    return sqlite;
  } catch (e) {
    sqlite.close();
    throw e;
  }
}

export function openDatabase(
  file: string,
  key: Buffer,
  migrations: MigrationMeta[],
  opts: { inspectOnly?: boolean } = {},
): OpenDatabase {
  const sqlite = openEncrypted(file, key, { fileMustExist: opts.inspectOnly ?? false });
  try {
    const userVersion = sqlite.pragma('user_version', { simple: true }) as number;
    if (userVersion > migrations.length) throw new ApiError('SCHEMA_TOO_NEW');
    // Inspection (teduh verify) reads only: no pragma that writes, no migration.
    if (opts.inspectOnly) return { sqlite, db: drizzle(sqlite, { schema }) };
    sqlite.pragma('journal_mode=WAL');
    sqlite.pragma('synchronous=FULL');
    sqlite.pragma('foreign_keys=ON');
    sqlite.pragma('secure_delete=ON');
    // A 64 MB page cache: every page read from disk is decrypted, so keeping the register's
    // hot pages decrypted in memory is what makes search fast at 100,000 cases.
    sqlite.pragma('cache_size=-65536');
    // Without it, INSERT OR REPLACE deletes a row without firing the append-only DELETE triggers.
    sqlite.pragma('recursive_triggers=ON');
    applyMigrations(sqlite, migrations, userVersion);
    return { sqlite, db: drizzle(sqlite, { schema }) };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}

/** Applies every pending migration in one transaction; `user_version` counts those applied. */
function applyMigrations(sqlite: Sqlite, migrations: MigrationMeta[], applied: number): void {
  if (applied === migrations.length) return;
  sqlite.transaction(() => {
    sqlite.exec(
      'CREATE TABLE IF NOT EXISTS __drizzle_migrations (id INTEGER PRIMARY KEY, hash text NOT NULL, created_at numeric)',
    );
    const record = sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)');
    for (const m of migrations.slice(applied)) {
      for (const stmt of m.sql) if (stmt.trim()) sqlite.exec(stmt);
      record.run(m.hash, m.folderMillis);
    }
    sqlite.pragma(`user_version=${migrations.length}`);
  })();
}
