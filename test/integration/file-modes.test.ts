import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, FAST_SCRYPT_N, addUser, call, disposeAll, login, newOffice, ok, onDispose, startCore } from '../fixtures/office';

/**
 * Nobody else on the PC may read Teduh's files, encrypted or not: the data folder is 0700 and
 * everything in it 0600, the database's -wal and -shm included.
 */
afterEach(disposeAll);

function modes(dir: string): Record<string, string> {
  const out: Record<string, string> = { '.': (statSync(dir).mode & 0o777).toString(8) };
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const st = statSync(path);
      out[prefix + name] = (st.mode & 0o777).toString(8);
      if (st.isDirectory()) walk(path, `${prefix}${name}/`);
    }
  };
  walk(dir, '');
  return out;
}

function expectPrivate(dir: string): void {
  const m = modes(dir);
  for (const [name, mode] of Object.entries(m)) {
    const isDir = statSync(join(dir, name)).isDirectory();
    expect([name, mode]).toEqual([name, isDir ? '700' : '600']);
  }
}

describe.skipIf(process.platform === 'win32')('the files Teduh writes', () => {
  it('the data folder is 0700 and every file in it 0600: database, -wal, -shm, key slots and device id', async () => {
    const previous = process.umask(0o022);
    onDispose(() => process.umask(previous));
    const office = await newOffice({ scryptN: FAST_SCRYPT_N });
    await addUser(office, 'case_worker');
    const names = Object.keys(modes(office.dataDir));
    for (const f of ['teduh.db', 'teduh.db-wal', 'teduh.db-shm', 'keyslots.json', 'keyslots.json.bak', 'device-id']) expect(names).toContain(f);
    expectPrivate(office.dataDir);
  });

  it('a register left readable by others (an older Teduh, a copy by hand) is narrowed when it is next opened', async () => {
    const office = await newOffice({ scryptN: FAST_SCRYPT_N });
    ok(await call(office.core, office.adminToken, 'auth.logout', {}));
    office.core.close();
    chmodSync(office.dataDir, 0o755);
    for (const f of readdirSync(office.dataDir)) chmodSync(join(office.dataDir, f), 0o644);

    const again = startCore(office.dataDir, { scryptN: FAST_SCRYPT_N });
    await login(again, ADMIN.username, ADMIN.password);
    expectPrivate(office.dataDir);
  });
});
