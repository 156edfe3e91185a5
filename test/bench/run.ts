/**
 * `npm run bench [-- --cases N] [-- --json FILE]`: speed figures beside their floors, measured
 * in one run on this machine. A benchmark, not a test: it prints (and with --json writes)
 * figures and asserts nothing.
 *
 * The register is filled with N synthetic cases (100,000 by default) in an encrypted
 * database; the same data goes into an unencrypted file. Each API figure stands beside:
 *   - raw_sql: the same query as a raw prepared statement on the same encrypted file
 *     (what the API, validation, audit and ORM add),
 *   - plain: that raw query on the unencrypted copy (what encryption costs),
 *   - like_scan (search only): a LIKE '%term%' scan instead of the trigram index.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { createCore, type Core } from '../../electron/core';
import { appendAudit } from '../../electron/core/audit';
import { populate, SURNAMES, type Rng, rng } from './synthetic';
import { benchBackup } from './backup';
import { benchDocuments } from './documents';
import { benchLan } from './lan';
import { benchReports } from './reports';

interface Stat {
  p50: number;
  p95: number;
}
interface Figure extends Stat {
  op: string;
  n: number;
  budget?: number;
  floors?: Record<string, Stat>;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

async function measure(n: number, fn: (i: number) => unknown): Promise<Stat> {
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await fn(i);
    t.push(performance.now() - s);
    // Yield to the event loop between calls, as a UI does, so loop stalls are observable.
    await new Promise((r) => setImmediate(r));
  }
  t.sort((a, b) => a - b);
  return { p50: round(t[Math.floor(0.5 * t.length)]!), p95: round(t[Math.min(t.length - 1, Math.floor(0.95 * t.length))]!) };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function openRaw(file: string, key: Buffer | null): Database.Database {
  const db = new Database(file);
  if (key) {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key.toString('hex')}'"`);
  }
  db.pragma('journal_mode=WAL');
  db.pragma('synchronous=FULL');
  db.pragma('temp_store=MEMORY');
  // The same page cache as the register's own connection, so the floor compares like with like.
  db.pragma('cache_size=-65536');
  return db;
}

const LIST_SQL = `SELECT c.id, c.register_no, c.service_code, c.standard_id, c.status, c.closure, c.risk_level, c.due_at, c.assigned_to, c.created_at
  FROM cases c WHERE c.deleted_at IS NULL AND c.service_code = ? AND c.status = 'open'
  ORDER BY c.created_at DESC, c.id DESC LIMIT 50 OFFSET ?`;
const SEARCH_SQL = `SELECT c.id, c.register_no, c.created_at FROM case_search s JOIN cases c ON c.search_rowid = s.rowid
  WHERE c.deleted_at IS NULL AND case_search MATCH ? ORDER BY s.rowid DESC LIMIT 50`;
const LIKE_SQL = `SELECT c.id, c.register_no, c.created_at FROM cases c WHERE c.deleted_at IS NULL
  AND c.search_rowid IN (SELECT rowid FROM case_search WHERE names LIKE ? OR chronology LIKE ?) ORDER BY c.created_at DESC, c.id DESC LIMIT 50`;

function intake(r: Rng, i: number) {
  const surname = SURNAMES[Math.floor(r() * SURNAMES.length)]!;
  return {
    serviceCode: 'pengaduan_kekerasan' as const,
    channel: 'walk_in' as const,
    riskLevel: 'medium' as const,
    victims: [{ fullName: `Wulan ${surname}`, birthDate: '1994-03-12', sex: 'P' as const, phone: `0812${String(1000000 + i)}` }],
    perpetrators: [{ fullName: `Agus ${surname}`, relation: 'suami_istri' as const }],
    incident: { date: '2026-11-20', place: 'rumah_tangga' as const, region: '35.78.01' },
    violenceTypes: ['fisik' as const, 'psikis' as const],
    chronology: `Korban melapor dipukul pada malam hari, kejadian ke-${i}.`,
    needs: ['pengaduan' as const, 'kesehatan' as const],
    consent: { givenBy: 'victim' as const, name: `Wulan ${surname}`, date: '2026-11-22' },
  };
}

async function main(): Promise<void> {
  const N = Number(arg('cases') ?? 100_000);
  const jsonFile = arg('json');
  const dir = mkdtempSync(join(tmpdir(), 'teduh-bench-'));
  const figures: Figure[] = [];
  const loop = monitorEventLoopDelay({ resolution: 1 });
  const log = (s: string) => process.stderr.write(`${s}\n`);
  try {
    const core: Core = createCore({ dataDir: join(dir, 'office'), log: (l) => process.stderr.write(`core: ${l}\n`) });
    const setup = await core.call({}, 'setup.initialize', {
      office: { name: 'Kantor Uji Kecepatan', city: 'Surabaya' },
      admin: { username: 'admin', fullName: 'Admin', password: 'sandi-bench-1' },
    });
    if (!setup.ok) throw new Error(setup.error.message);
    let token = (setup.value as { token: string }).token;
    const key = Buffer.from(core.register.databaseKey);

    // unlock: key derivation (scrypt) + open + schema check, from a locked register
    await core.call({ token }, 'auth.logout', {});
    const unlock = await measure(5, async () => {
      const r = await core.call({}, 'auth.login', { username: 'admin', password: 'sandi-bench-1' });
      if (!r.ok) throw new Error(r.error.message);
      await core.call({ token: (r.value as { token: string }).token }, 'auth.logout', {});
    });
    figures.push({ op: 'unlock', n: 5, ...unlock, budget: 500 });

    // A front-desk officer does the work (the admin registers no cases in a real office either).
    const admin = await core.call({}, 'auth.login', { username: 'admin', password: 'sandi-bench-1' });
    if (!admin.ok) throw new Error(admin.error.message);
    const adminToken = (admin.value as { token: string }).token;
    // The run is long; sessions idle between phases must not expire under it.
    await core.call({ token: adminToken }, 'settings.update', { version: 1, idleLockMinutes: 120 });
    await core.call({ token: adminToken }, 'users.create', { username: 'petugas', fullName: 'Petugas', role: 'front_desk', initialPassword: 'sandi-awal-1' });
    const first = await core.call({}, 'auth.login', { username: 'petugas', password: 'sandi-awal-1' });
    if (!first.ok) throw new Error(first.error.message);
    token = (first.value as { token: string }).token;
    await core.call({ token }, 'auth.changePassword', { currentPassword: 'sandi-awal-1', newPassword: 'sandi-petugas-2' });

    log(`filling ${N} synthetic cases (encrypted)...`);
    let t0 = performance.now();
    const { sqlite } = core.register.db;
    populate(sqlite, N, 42);
    log(`  ${Math.round(performance.now() - t0)} ms`);

    log('filling the same data unencrypted...');
    t0 = performance.now();
    const plain = openRaw(join(dir, 'plain.db'), null);
    for (const m of readMigrationFiles({ migrationsFolder: resolve(import.meta.dirname, '../../resources/migrations') })) {
      for (const s of m.sql) if (s.trim()) plain.exec(s);
    }
    plain.exec(`INSERT INTO service_standards SELECT * FROM (SELECT 'x' id, 'pengaduan_kekerasan' code, 1 version_no, '{}' definition, '2026-01-01' created_at, NULL created_by)`);
    populate(plain, N, 42);
    log(`  ${Math.round(performance.now() - t0)} ms`);
    const raw = openRaw(core.register.dbFile, key);

    loop.enable();
    // The longest event-loop stall of each phase, so a stall is traced to what caused it.
    const stalls: Record<string, number> = {};
    const endPhase = (name: string) => {
      stalls[name] = round(loop.max / 1e6);
      loop.reset();
    };
    const R = 400;
    const r = rng(7);
    const terms = Array.from({ length: R }, () => SURNAMES[Math.floor(r() * SURNAMES.length)]!.toLowerCase());

    const search = await measure(R, async (i) => {
      const x = await core.call({ token }, 'cases.list', { search: terms[i] });
      if (!x.ok) throw new Error(x.error.message);
    });
    const searchStmt = raw.prepare(SEARCH_SQL);
    const searchPlain = plain.prepare(SEARCH_SQL);
    const likeStmt = raw.prepare(LIKE_SQL);
    figures.push({
      op: 'search',
      n: R,
      ...search,
      budget: 15,
      floors: {
        raw_sql: await measure(R, (i) => searchStmt.all(`"${terms[i]}"`)),
        plain: await measure(R, (i) => searchPlain.all(`"${terms[i]}"`)),
        like_scan: await measure(Math.min(R, 40), (i) => likeStmt.all(`%${terms[i]}%`, `%${terms[i]}%`)),
      },
    });

    endPhase('search');
    const services = ['pengaduan_kekerasan', 'intervensi_krisis', 'mediasi', 'bantuan_mediasi', 'pemulangan_mediasi', 'pengaduan_layanan'] as const;
    const pages = Array.from({ length: R }, () => ({ service: services[Math.floor(r() * services.length)]!, page: 1 + Math.floor(r() * 20) }));
    const list = await measure(R, async (i) => {
      const x = await core.call({ token }, 'cases.list', { serviceCode: pages[i]!.service, status: 'open', page: pages[i]!.page, pageSize: 50 });
      if (!x.ok) throw new Error(x.error.message);
    });
    const listStmt = raw.prepare(LIST_SQL);
    const listPlain = plain.prepare(LIST_SQL);
    figures.push({
      op: 'list_page',
      n: R,
      ...list,
      budget: 10,
      floors: {
        raw_sql: await measure(R, (i) => listStmt.all(pages[i]!.service, (pages[i]!.page - 1) * 50)),
        plain: await measure(R, (i) => listPlain.all(pages[i]!.service, (pages[i]!.page - 1) * 50)),
      },
    });

    endPhase('list_page');
    const ir = rng(11);
    const register = await measure(R, async (i) => {
      const x = await core.call({ token }, 'cases.register', intake(ir, N + i));
      if (!x.ok) throw new Error(x.error.message);
    });
    // Floor: the rows a registration writes, as raw prepared inserts in one transaction.
    const rawInsert = (db: Database.Database) => {
      const c = db.prepare(`INSERT INTO cases (id, register_no, service_code, standard_id, status, channel, risk_level, violence_types, needs, chronology, version, created_at, updated_at)
        VALUES (?, ?, 'pengaduan_kekerasan', 'x', 'open', 'walk_in', 'medium', '[]', '[]', ?, 1, ?, ?)`);
      const p = db.prepare(`INSERT INTO persons (id, full_name, version, created_at, updated_at) VALUES (?, ?, 1, ?, ?)`);
      const l = db.prepare(`INSERT INTO case_persons (case_id, person_id, role) VALUES (?, ?, ?)`);
      const s = db.prepare(`INSERT INTO case_steps (id, case_id, code, seq, status, version, created_at, updated_at) VALUES (?, ?, ?, ?, 'pending', 1, ?, ?)`);
      const f = db.prepare(`INSERT INTO case_search (case_id, register_no, names, niks, phones, chronology) VALUES (?, ?, ?, '', '', ?)`);
      return db.transaction((i: number) => {
        const id = `floor-${i}`;
        const now = new Date().toISOString();
        c.run(id, `F/${i}`, `Kronologi ${i}`, now, now);
        p.run(`${id}-v`, `Wulan ${i}`, now, now);
        p.run(`${id}-p`, `Agus ${i}`, now, now);
        l.run(id, `${id}-v`, 'victim');
        l.run(id, `${id}-p`, 'perpetrator');
        for (let k = 1; k <= 6; k++) s.run(`${id}-s${k}`, id, `step${k}`, k, now, now);
        f.run(id, `F/${i}`, 'Wulan Agus', `Kronologi ${i}`);
        // Chained like the core's entries: the register's audit chain stays whole for the backup's check.
        appendAudit(db, { at: now, userId: null, username: null, deviceId: 'd', action: 'cases.register', outcome: 'ok' });
      });
    };
    const rawTx = rawInsert(raw);
    const plainTx = rawInsert(plain);
    figures.push({
      op: 'register_case',
      n: R,
      ...register,
      budget: 5,
      floors: { raw_sql: await measure(R, (i) => rawTx(i)), plain: await measure(R, (i) => plainTx(i)) },
    });

    endPhase('register_case');
    figures.push({ op: 'api_call_session_get', n: R, ...(await measure(R, () => core.call({ token }, 'session.get', {}))) });
    endPhase('api_call_session_get');
    // --- LAN: the same call over mutual TLS 1.3 on loopback, beside it in process (test/bench/lan.ts).
    log('LAN round trip...');
    figures.push(...(await benchLan(core, adminToken, token, measure)));
    endPhase('lan');
    const dash = await measure(50, async () => {
      const x = await core.call({ token }, 'dashboard.get', {});
      if (!x.ok) throw new Error(x.error.message);
    });
    figures.push({ op: 'dashboard', n: 50, ...dash });
    endPhase('dashboard');

    // --- Reports: a year's and a month's recap, the year's workbook, beside one table as raw SQL (test/bench/reports.ts).
    log('reports...');
    figures.push(...(await benchReports(core, { username: 'admin', password: 'sandi-bench-1' }, raw, plain, measure)));
    endPhase('reports');

    // --- Documents: one letter through the API beside its layout-only floor, and a batch of 100 (test/bench/documents.ts).
    log('documents...');
    figures.push(...(await benchDocuments(core, { username: 'admin', password: 'sandi-bench-1' }, measure)));
    endPhase('documents');
    // --- Backup: VACUUM INTO, checked and packed, beside a plain file copy (test/bench/backup.ts).
    // It blocks the event loop for its whole length: the daily one runs when the register locks.
    log('backup...');
    figures.push(...(await benchBackup(core, adminToken, dir)));
    endPhase('backup');
    // --- Changing the register key (deactivating a user does it too): the whole database
    // re-encrypted, every slot re-sealed; beside a plain copy of the database file.
    // Leaving WAL for the re-key needs the only connection to the file: the floors' one is done.
    raw.close();
    log('register key change...');
    const rekey = await measure(2, async () => {
      const x = await core.call({ token: adminToken }, 'register.changeKey', {});
      if (!x.ok) throw new Error(x.error.message);
    });
    const copyTo = join(dir, 'copy-for-floor.db');
    const fileCopy = await measure(2, () => copyFileSync(core.register.dbFile, copyTo));
    rmSync(copyTo, { force: true });
    figures.push({ op: 'register_key_change', n: 2, ...rekey, floors: { file_copy: fileCopy } });
    endPhase('register_key_change');
    // ---

    loop.disable();
    const worst = Math.max(...Object.values(stalls));
    figures.push({ op: 'event_loop_max_stall', n: 1, p50: round(loop.percentile(50) / 1e6), p95: worst, budget: 50, floors: Object.fromEntries(Object.entries(stalls).map(([k, v]) => [k, { p50: v, p95: v }])) });
    plain.close();
    core.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`cases: ${N} (encrypted, SQLCipher v4), node ${process.version}, ${process.platform} ${process.arch}`);
  console.log(`${pad('operation', 22)}${pad('n', 6)}${pad('p50 ms', 10)}${pad('p95 ms', 10)}${pad('budget', 9)}floors p50 / p95 ms`);
  for (const f of figures) {
    const fl = Object.entries(f.floors ?? {})
      .map(([k, v]) => `${k} ${v.p50} / ${v.p95}`)
      .join('; ');
    console.log(`${pad(f.op, 22)}${pad(String(f.n), 6)}${pad(String(f.p50), 10)}${pad(String(f.p95), 10)}${pad(f.budget ? `<=${f.budget}` : '', 9)}${fl}`);
  }
  if (jsonFile) {
    const out: Record<string, unknown> = { cases: N, machine: `${process.platform} ${process.arch} node ${process.version}` };
    for (const f of figures) out[f.op] = { p50: f.p50, p95: f.p95, n: f.n, budget: f.budget ?? null, floors: f.floors ?? {} };
    writeFileSync(jsonFile, JSON.stringify(out, null, 2));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
