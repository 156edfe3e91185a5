import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../electron/core/db/open';
import { readVault } from '../../electron/core/vault/store';
import {
  ADMIN,
  call,
  disposeAll,
  expectSafeError,
  login,
  newOffice,
  ok,
  refused,
  sha256File,
  startCore,
  tempDir,
} from '../fixtures/office';
import { anIntake } from '../fixtures/cases';
import { databaseKey, dbFile, openWithKey } from '../fixtures/raw-db';

afterEach(disposeAll);

const RESOURCES = resolve(import.meta.dirname, '../../resources');
const MIGRATIONS = join(RESOURCES, 'migrations');

interface Journal {
  entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
}

function journal(dir = MIGRATIONS): Journal {
  return JSON.parse(readFileSync(join(dir, 'meta/_journal.json'), 'utf8')) as Journal;
}

/** A copy of the shipped migrations, changed by `edit`, as a resources folder for the core. */
function resourcesWith(edit: (migrationsDir: string, j: Journal) => void): string {
  const dir = tempDir('teduh-resources-');
  const migrations = join(dir, 'migrations');
  cpSync(MIGRATIONS, migrations, { recursive: true });
  const j = journal(migrations);
  edit(migrations, j);
  writeFileSync(join(migrations, 'meta/_journal.json'), JSON.stringify(j));
  return dir;
}

describe('migrations', () => {
  it('the first unlock applies every shipped migration: user_version counts them and each is recorded once', async () => {
    const shipped = loadMigrations(MIGRATIONS);
    expect(shipped.length).toBe(journal().entries.length);
    expect(shipped.length).toBeGreaterThan(0);

    const { core } = await newOffice();
    const sqlite = core.register.db.sqlite;
    expect(sqlite.pragma('user_version', { simple: true })).toBe(shipped.length);
    const recorded = sqlite.prepare('SELECT hash, created_at FROM __drizzle_migrations ORDER BY id').all() as {
      hash: string;
      created_at: number;
    }[];
    expect(recorded).toEqual(shipped.map((m) => ({ hash: m.hash, created_at: m.folderMillis })));
    // The last migration's work is there too (the append-only triggers).
    const triggers = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all();
    expect(triggers).toEqual(expect.arrayContaining(['audit_log_no_delete', 'audit_log_no_update', 'history_no_delete', 'history_no_update']));
  });

  it('pending migrations run in one transaction: when one fails, none of them is kept and the register stays locked', async () => {
    const office = await newOffice();
    const shipped = journal().entries.length;
    ok(await call(office.core, office.adminToken, 'auth.logout', {}));
    office.core.close();

    // A release with two new migrations: the first is fine, the second breaks half-way
    // (its first statement succeeds, the second fails).
    const upgrade = resourcesWith((dir, j) => {
      const last = j.entries[j.entries.length - 1]!;
      j.entries.push(
        { ...last, idx: last.idx + 1, when: last.when + 1, tag: '9998_good' },
        { ...last, idx: last.idx + 2, when: last.when + 2, tag: '9999_broken' },
      );
      writeFileSync(
        join(dir, '9998_good.sql'),
        'CREATE TABLE `good_one` (`id` integer PRIMARY KEY);\n--> statement-breakpoint\nCREATE INDEX `good_one_idx` ON `good_one` (`id`);',
      );
      writeFileSync(
        join(dir, '9999_broken.sql'),
        'CREATE TABLE `half_done` (`id` integer PRIMARY KEY);\n--> statement-breakpoint\nCREATE TABLE `users` (`id` text);',
      );
    });
    const upgrading = startCore(office.dataDir, { resourcesDir: upgrade });
    const failed = refused(await call(upgrading, undefined, 'auth.login', { username: ADMIN.username, password: ADMIN.password }), 'INTERNAL');
    expectSafeError(failed, 'half_done', 'good_one', 'users');
    expect(upgrading.register.isUnlocked()).toBe(false);
    upgrading.close();

    const db = openWithKey(office.dataDir, await databaseKey(office.dataDir, ADMIN.username, ADMIN.password));
    expect(db.pragma('user_version', { simple: true })).toBe(shipped);
    expect(db.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(shipped);
    const names = db.prepare('SELECT name FROM sqlite_master').pluck().all();
    expect(names).not.toContain('half_done'); // the broken migration's first statement was rolled back
    expect(names).not.toContain('good_one'); // and so was the good migration before it
    expect(names).not.toContain('good_one_idx');
    db.close();

    // The same file still opens with the release it came from, with nothing lost.
    const same = startCore(office.dataDir);
    const token = await login(same, ADMIN.username, ADMIN.password);
    expect(same.register.db.sqlite.pragma('user_version', { simple: true })).toBe(shipped);
    expect(ok(await call(same, token, 'audit.verify', {})).ok).toBe(true);
  });

  it('a database written by a newer Teduh is refused at login in plain Indonesian and left byte-for-byte unchanged', async () => {
    const office = await newOffice();
    const { core, dataDir } = office;
    ok(await call(core, office.adminToken, 'cases.register', anIntake('Ayu Kartika')));
    ok(await call(core, office.adminToken, 'auth.logout', {}));
    expect(core.register.isUnlocked()).toBe(false);

    // A newer release has touched this file: its schema version is beyond ours. The change is
    // still in the write-ahead log of that release's open connection.
    const newer = openWithKey(dataDir, await databaseKey(dataDir, ADMIN.username, ADMIN.password));
    newer.pragma('user_version = 999');
    expect(newer.pragma('journal_mode', { simple: true })).toBe('wal');
    const wal = `${dbFile(dataDir)}-wal`;
    expect(existsSync(wal)).toBe(true);
    const before = { db: sha256File(dbFile(dataDir)), wal: sha256File(wal) };

    const tooNew = refused(await call(core, undefined, 'auth.login', { username: ADMIN.username, password: ADMIN.password }), 'SCHEMA_TOO_NEW');
    expect(tooNew.message).toMatch(/versi Teduh yang lebih baru/);
    expect(tooNew.message).toMatch(/Perbarui aplikasi/);
    expectSafeError(tooNew);
    expect(core.register.isUnlocked()).toBe(false);
    expect({ db: sha256File(dbFile(dataDir)), wal: sha256File(wal) }).toEqual(before);

    // Once that release has closed the file (the log folded in), the refusal still leaves it untouched.
    newer.close();
    const dbFiles = () => readdirSync(dataDir).filter((f) => f.startsWith('teduh.db')).sort();
    const closedFiles = dbFiles();
    const closed = sha256File(dbFile(dataDir));
    refused(await call(core, undefined, 'auth.login', { username: ADMIN.username, password: ADMIN.password }), 'SCHEMA_TOO_NEW');
    expect(sha256File(dbFile(dataDir))).toBe(closed);
    expect(dbFiles()).toEqual(closedFiles);

    // The refusals are kept for the audit log (it cannot be written to a database we will not touch).
    const pending = readVault(dataDir).pendingAudit.filter((p) => p.action === 'auth.login');
    expect(pending.map((p) => [p.username, p.outcome, p.detail])).toEqual([
      [ADMIN.username, 'failure', JSON.stringify({ code: 'SCHEMA_TOO_NEW' })],
      [ADMIN.username, 'failure', JSON.stringify({ code: 'SCHEMA_TOO_NEW' })],
    ]);
  });
});
