/**
 * `npm run bench`: speed figures beside their floors, measured in one run on this machine.
 * A benchmark, not a test: it prints and (with --json FILE) writes figures; it asserts nothing.
 *
 * Floors: the same work as raw prepared SQL on the same encrypted file (API/ORM overhead),
 * and on the same data unencrypted (encryption cost).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createCore, type Core } from '../../electron/core';

interface Figure {
  op: string;
  n: number;
  p50: number;
  p95: number;
  budget?: number;
  floors?: Record<string, { p50: number; p95: number }>;
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(n: number, fn: (i: number) => unknown | Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await fn(i);
    t.push(performance.now() - s);
    // Yield to the event loop between calls, as a UI does, so loop delay is observable.
    await new Promise((r) => setImmediate(r));
  }
  t.sort((a, b) => a - b);
  return { p50: round(pct(t, 50)), p95: round(pct(t, 95)) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function rawDb(file: string, key: Buffer | null) {
  const db = new Database(file);
  if (key) {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key.toString('hex')}'"`);
  }
  db.pragma('journal_mode=WAL');
  db.pragma('synchronous=FULL');
  return db;
}

async function main(): Promise<void> {
  const jsonIdx = process.argv.indexOf('--json');
  const jsonFile = jsonIdx > 0 ? process.argv[jsonIdx + 1] : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'teduh-bench-'));
  const figures: Figure[] = [];
  const loop = monitorEventLoopDelay({ resolution: 1 });
  try {
    const dataDir = join(dir, 'office');
    const core: Core = createCore({ dataDir });
    const setup = await core.call({}, 'setup.initialize', {
      office: { name: 'Kantor Uji Kecepatan' },
      admin: { username: 'admin', fullName: 'Admin', password: 'sandi-bench-1' },
    });
    if (!setup.ok) throw new Error(setup.error.message);
    let token = (setup.value as { token: string }).token;
    const key = Buffer.from(core.register.databaseKey);

    // unlock: key derivation (scrypt) + open + migrations check, from a locked register
    await core.call({ token }, 'auth.logout', {});
    const unlock = await measure(5, async () => {
      const r = await core.call({}, 'auth.login', { username: 'admin', password: 'sandi-bench-1' });
      if (!r.ok) throw new Error(r.error.message);
      await core.call({ token: (r.value as { token: string }).token }, 'auth.logout', {});
    });
    figures.push({ op: 'unlock', n: 5, ...unlock, budget: 500 });
    loop.enable();

    const login = await core.call({}, 'auth.login', { username: 'admin', password: 'sandi-bench-1' });
    if (!login.ok) throw new Error(login.error.message);
    token = (login.value as { token: string }).token;

    const N = 2000;
    const register = await measure(N, async (i) => {
      const r = await core.call({ token }, 'cases.register', {
        serviceCode: 'pengaduan',
        channel: 'walk_in',
        chronology: `Kronologi kejadian nomor ${i}`,
        victim: { fullName: `Korban Uji ${i}`, nik: '' },
      });
      if (!r.ok) throw new Error(r.error.message);
    });
    const call = await measure(N, () => core.call({ token }, 'session.get', {}));
    loop.disable();

    // floors: the same inserts as raw prepared SQL, encrypted and not
    const floors = async (file: string, k: Buffer | null) => {
      const db = rawDb(file, k);
      db.exec(`CREATE TABLE IF NOT EXISTS c(id TEXT PRIMARY KEY, no TEXT, chronology TEXT);
               CREATE TABLE IF NOT EXISTS p(id TEXT PRIMARY KEY, name TEXT);
               CREATE TABLE IF NOT EXISTS a(seq INTEGER PRIMARY KEY, detail TEXT, hash TEXT)`);
      const ic = db.prepare('INSERT INTO c VALUES (?, ?, ?)');
      const ip = db.prepare('INSERT INTO p VALUES (?, ?)');
      const ia = db.prepare('INSERT INTO a (detail, hash) VALUES (?, ?)');
      const tx = db.transaction((i: number) => {
        ic.run(`c${i}`, `REG/${i}`, `Kronologi kejadian nomor ${i}`);
        ip.run(`p${i}`, `Korban Uji ${i}`);
        ia.run('case', 'x'.repeat(64));
      });
      const r = await measure(N, (i) => tx(i));
      db.close();
      return r;
    };
    figures.push({
      op: 'register_case',
      n: N,
      ...register,
      budget: 5,
      floors: {
        raw_sql_encrypted: await floors(join(dir, 'floor-enc.db'), key),
        raw_sql_plain: await floors(join(dir, 'floor-plain.db'), null),
      },
    });
    figures.push({ op: 'api_call_session_get', n: N, ...call });
    figures.push({
      op: 'event_loop_max_block',
      n: 1,
      p50: round(loop.percentile(50) / 1e6),
      p95: round(loop.max / 1e6), // the longest single stall
      budget: 50,
    });
    core.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`${pad('operation', 24)}${pad('n', 7)}${pad('p50 ms', 10)}${pad('p95 ms', 10)}${pad('budget', 9)}floors (p50 / p95 ms)`);
  for (const f of figures) {
    const fl = Object.entries(f.floors ?? {})
      .map(([k, v]) => `${k} ${v.p50} / ${v.p95}`)
      .join('; ');
    console.log(`${pad(f.op, 24)}${pad(String(f.n), 7)}${pad(String(f.p50), 10)}${pad(String(f.p95), 10)}${pad(f.budget ? `<=${f.budget}` : '', 9)}${fl}`);
  }
  if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ machine: `${process.platform} ${process.arch} node ${process.version}`, figures }, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
