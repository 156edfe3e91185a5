import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, call, disposeAll, newOffice, ok, tempDir } from '../fixtures/office';
import { anIntake } from '../fixtures/cases';
import { dbFile, openWithKey } from '../fixtures/raw-db';

afterEach(disposeAll);

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Every file in the data folder (and below it), with its bytes. */
function filesOf(dir: string): { name: string; bytes: Buffer }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ name: path.slice(dir.length + 1), bytes: readFileSync(path) }));
}

/** A string as it could sit in a file: UTF-8, UTF-16 in both byte orders. */
function encodings(s: string): Buffer[] {
  const le = Buffer.from(s, 'utf16le');
  return [Buffer.from(s, 'utf8'), le, Buffer.from(le).swap16()];
}

/** The files a register is allowed to leave in its folder. Anything else would be a stray copy. */
const KNOWN_FILES = new Set(['teduh.db', 'teduh.db-wal', 'teduh.db-shm', 'keyslots.json', 'keyslots.json.bak', 'device-id']);

/** What a thief reading the folder's bytes would learn: one line per finding. */
function leaks(dir: string, secrets: string[], key: Buffer): string[] {
  const found: string[] = [];
  for (const f of filesOf(dir)) {
    if (!KNOWN_FILES.has(f.name)) found.push(`unexpected file ${f.name}`);
    if (f.bytes.includes(SQLITE_HEADER)) found.push(`${f.name} holds an unencrypted SQLite page`);
    for (const secret of secrets) {
      if (encodings(secret).some((needle) => f.bytes.includes(needle))) found.push(`${f.name} holds "${secret}"`);
    }
    // The database key itself is never written anywhere, in any usual spelling.
    for (const spelling of [key, Buffer.from(key.toString('hex')), Buffer.from(key.toString('base64'))]) {
      if (f.bytes.includes(spelling)) found.push(`${f.name} holds the database key`);
    }
  }
  return found;
}

describe('encryption at rest', () => {
  it("a victim's name, NIK and story appear in no file of the data folder, while the register is open and after it is locked", async () => {
    const office = await newOffice();
    const { core, adminToken, dataDir } = office;
    const unique = randomBytes(6).toString('hex');
    const victimName = `Sulastri Rahmawati ${unique}`;
    const nik = `3576${String(Date.now()).slice(-12)}`;
    const story = `Kronologi rahasia ${unique}: korban datang diantar tetangga.`;
    const registered = ok(
      await call(core, adminToken, 'cases.register', anIntake(victimName, { nik, phone: '081234567890', chronology: story })),
    );
    // Read back once (and search for it) so the name also passes through the read paths.
    const detail = ok(await call(core, adminToken, 'cases.get', { id: registered.id }));
    expect(detail.persons.find((p) => p.role === 'victim')?.fullName).toBe(victimName);
    expect(ok(await call(core, adminToken, 'cases.list', { search: unique })).total).toBe(1);
    const key = Buffer.from(core.register.databaseKey);

    // Still open: nothing has been checkpointed, so the case sits in the write-ahead log.
    expect(core.register.isUnlocked()).toBe(true);
    expect(statSync(`${dbFile(dataDir)}-wal`).size).toBeGreaterThan(0);
    expect(leaks(dataDir, [victimName, nik, story, unique], key)).toEqual([]);

    // Locked (the last session ends): the log is folded into the database file.
    ok(await call(core, adminToken, 'auth.logout', {}));
    expect(core.register.isUnlocked()).toBe(false);
    expect(readdirSync(dataDir)).toContain('teduh.db');
    expect(leaks(dataDir, [victimName, nik, story, unique], key)).toEqual([]);
    expect(readFileSync(dbFile(dataDir)).subarray(0, 16).equals(SQLITE_HEADER)).toBe(false);
  });

  it('the same check does catch a name in an unencrypted file', () => {
    const dir = tempDir();
    const plain = new Database(join(dir, 'teduh.db'));
    plain.exec("CREATE TABLE t (name TEXT, name16 BLOB); INSERT INTO t VALUES ('Sulastri Plain', NULL)");
    plain.prepare('UPDATE t SET name16 = ?').run(Buffer.from('Nama Enambelas', 'utf16le'));
    plain.close();
    const key = randomBytes(32);
    expect(leaks(dir, ['Sulastri Plain', 'Nama Enambelas'], key)).toEqual([
      'teduh.db holds an unencrypted SQLite page',
      'teduh.db holds "Sulastri Plain"',
      'teduh.db holds "Nama Enambelas"',
    ]);
  });

  it('the register runs in WAL mode with full sync, foreign keys on, temp data in memory, SQLCipher 4', async () => {
    const { core } = await newOffice();
    const sqlite = core.register.db.sqlite;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('temp_store', { simple: true })).toBe(2); // MEMORY: no temp files on disk
    expect(sqlite.pragma('cipher', { simple: true })).toBe('sqlcipher');
    expect(Number(sqlite.pragma('legacy', { simple: true }))).toBe(4);
  });

  it('a copied database file cannot be read without the key, with a wrong key, or as SQLCipher 3', async () => {
    const { core, adminToken, dataDir } = await newOffice();
    ok(await call(core, adminToken, 'cases.register', anIntake('Dewi Lestari')));
    const key = Buffer.from(core.register.databaseKey);
    ok(await call(core, adminToken, 'auth.logout', {}));

    const attempt = (setup: (db: Database.Database) => void) => {
      const db = new Database(dbFile(dataDir));
      try {
        setup(db);
        return db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
      } finally {
        db.close();
      }
    };
    expect(() => attempt(() => {})).toThrow(/not a database/);
    const wrongKey = randomBytes(32);
    expect(() =>
      attempt((db) => {
        db.pragma(`cipher='sqlcipher'`);
        db.pragma('legacy=4');
        db.pragma(`key="x'${wrongKey.toString('hex')}'"`);
      }),
    ).toThrow(/not a database/);
    expect(() =>
      attempt((db) => {
        db.pragma(`cipher='sqlcipher'`);
        db.pragma('legacy=3');
        db.pragma(`key="x'${key.toString('hex')}'"`);
      }),
    ).toThrow(/not a database/);
    // A password is not the key: the key is random and only wrapped by passwords.
    expect(() => attempt((db) => db.pragma(`key='${ADMIN.password}'`))).toThrow(/not a database/);
    // With the right key, in SQLCipher 4 format, it opens.
    const right = openWithKey(dataDir, key);
    expect((right.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(1);
  });
});
