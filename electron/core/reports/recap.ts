import type { Period, RecapCell, RecapTable, RecapTableId, RecapView } from '../api/contract-reports';
import { isWorkingDay, localDateOf, type OfficeTimeZone, type WorkingCalendar } from '../calendar';
import type { OpenDatabase, Sqlite } from '../db/open';
import { stmt } from '../db/statements';
import { getDistricts, getProvinces, getRegencies, getVillages, type Region } from '../regions';
import { defaultCatalogue } from '../services/catalogue';
import { standardById } from '../services/standards';
import { serviceCodes, type ServiceCode, type ServiceDefinition } from '../services/types';
import { readGeneralSettings } from '../settings/general';
import { nextDay, periodBounds, periodLabel } from './period';
import { COMMON_CTES, PERIOD_TABLE_FILL, PERIOD_TABLES, TEMP_CTES, serviceFilter } from './sql';
import { AGE_BASIS, tableSpecs, type TableInputs, type TableSpec } from './tables';

export interface RecapFilters {
  period: Period;
  serviceCode?: string | null | undefined;
}

/** The named parameters every basis is run with. */
export interface BasisParams {
  from: string;
  to: string;
  dfrom: string;
  dto: string;
  service: string | null;
  off: string;
  now: string;
}

export function basisParams(f: RecapFilters, tz: OfficeTimeZone, nowIso: string): BasisParams {
  const b = periodBounds(f.period, tz);
  return { from: b.fromIso, to: b.toIso, dfrom: f.period.from, dto: f.period.to, service: f.serviceCode ?? null, off: b.offset, now: nowIso };
}

/** The services' current standards, in the catalogue's order. */
export function currentServices(sqlite: Sqlite): { code: ServiceCode; def: ServiceDefinition }[] {
  const offered = new Map((stmt(sqlite, 'SELECT code, standard_id FROM offered_services').all() as { code: string; standard_id: string }[]).map((o) => [o.code, o.standard_id]));
  return serviceCodes.map((code) => {
    const id = offered.get(code);
    return { code, def: id ? standardById(sqlite, id).def : defaultCatalogue[code] };
  });
}

const bare = (s: string): string =>
  s
    .toLowerCase()
    .replace(/^(kota|kabupaten|kab\.?)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The office's regency from the city on its profile ("Mojokerto", "Kota Mojokerto"). Where a
 * kabupaten and a kota share the name, "Kota"/"Kabupaten" in the city or the office's name
 * decides, else the one most of the register's incidents are in.
 */
export function officeRegency(sqlite: Sqlite): Region | null {
  const office = stmt(sqlite, 'SELECT name, city FROM office_profile WHERE id = 1').get() as { name: string; city: string } | undefined;
  const city = office?.city.trim() ?? '';
  if (!city) return null;
  const wanted = bare(city);
  const all = getProvinces().flatMap((p) => getRegencies(p.code));
  let found = all.filter((r) => bare(r.name) === wanted);
  if (found.length > 1) {
    const hint = `${city} ${office!.name}`.toLowerCase();
    const kind = /\bkota\b/.test(hint) ? 'kota ' : /\bkab(upaten|\.)?\b/.test(hint) ? 'kabupaten ' : null;
    const byKind = kind ? found.filter((r) => r.name.toLowerCase().startsWith(kind)) : [];
    if (byKind.length > 0) found = byKind;
  }
  if (found.length > 1) {
    const counts = found.map((r) => (stmt(sqlite, "SELECT count(*) AS n FROM cases WHERE incident_region >= ? AND incident_region < ? || '/'").get(r.code, r.code) as { n: number }).n);
    found = [found[counts.indexOf(Math.max(...counts))]!];
  }
  return found[0] ?? null;
}

const cityCache = new Map<string, TableInputs['city']>();

function cityInputs(region: Region | null): TableInputs['city'] {
  if (!region) return null;
  let c = cityCache.get(region.code);
  if (!c) {
    const byCode = (a: Region, b: Region) => (a.code < b.code ? -1 : 1);
    const districts = getDistricts(region.code)
      .sort(byCode)
      .map((d) => ({ ...d, villages: getVillages(d.code).sort(byCode) }));
    c = { code: region.code, name: region.name, districts };
    cityCache.set(region.code, c);
  }
  return c;
}

export function tableInputs(sqlite: Sqlite): TableInputs {
  const staff = stmt(
    sqlite,
    `SELECT id, full_name AS name FROM users
     WHERE (active AND role = 'case_worker') OR id IN (SELECT assigned_to FROM cases WHERE status IN ('open','monitoring') AND deleted_at IS NULL AND assigned_to IS NOT NULL)
     ORDER BY full_name, id`,
  ).all() as { id: string; name: string }[];
  return { services: currentServices(sqlite), city: cityInputs(officeRegency(sqlite)), staff };
}

type Grid = Map<string, Map<string, number>>;

function countBasis(sqlite: Sqlite, spec: TableSpec, params: BasisParams, ctes: string): Grid {
  const rows = stmt(sqlite, `${ctes} SELECT r, c, count(*) AS n FROM (${spec.basis}) GROUP BY r, c`).all(params) as { r: string; c: string; n: number }[];
  const grid: Grid = new Map();
  for (const x of rows) {
    let m = grid.get(x.r);
    if (!m) grid.set(x.r, (m = new Map()));
    m.set(x.c, x.n);
  }
  return grid;
}

/** Median (middle value, or the mean of the two middle ones) and 90th percentile (nearest rank), per service, of a figure. */
const PERCENTILES = `rk AS (SELECT s, v, row_number() OVER (PARTITION BY s ORDER BY v) AS rn, count(*) OVER (PARTITION BY s) AS cnt FROM fig)
  SELECT s, avg(CASE WHEN rn IN ((cnt + 1) / 2, (cnt + 2) / 2) THEN v END) AS median, min(CASE WHEN rn >= (9 * cnt + 9) / 10 THEN v END) AS p90 FROM rk GROUP BY s`;

/**
 * Per service and local day, the working days counted since the first day (the calendar's own
 * rule, desk hours included), as a temporary table the closing times are joined to.
 */
function fillWorkingDayIndex(sqlite: Sqlite, services: TableInputs['services'], tz: OfficeTimeZone, first: string, last: string): void {
  const holidays = (stmt(sqlite, 'SELECT date, name, kind FROM holidays WHERE date >= ? AND date <= ? ORDER BY date').all(first, last) as { date: string; name: string; kind: string }[]).map((h) => ({
    date: h.date,
    name: h.name,
    kind: h.kind as 'national' | 'cuti_bersama' | 'local',
  }));
  const out: [string, string, number][] = [];
  // Services with the same desk hours share one count (most use the office's default hours).
  const counted = new Map<string, [string, number][]>();
  for (const s of services) {
    const hours = JSON.stringify(s.def.deskHours ?? null);
    let days = counted.get(hours);
    if (!days) {
      const cal: WorkingCalendar = { timeZone: tz, holidays };
      if (s.def.deskHours) cal.deskHours = s.def.deskHours;
      days = [];
      let n = 0;
      for (let d = first; d <= last; d = nextDay(d)) {
        if (d !== first && isWorkingDay(d, cal)) n++;
        days.push([d, n]);
      }
      counted.set(hours, days);
    }
    for (const [d, n] of days) out.push([s.code, d, n]);
  }
  stmt(sqlite, "INSERT INTO temp.recap_wd SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(?)").run(JSON.stringify(out));
}

function complianceFigures(sqlite: Sqlite, inp: TableInputs, params: BasisParams, tz: OfficeTimeZone): Map<string, { median: number | null; p90: number | null }> {
  const closed = `c.closed_at >= @from AND c.closed_at < @to AND c.deleted_at IS NULL AND ${serviceFilter('c')}`;
  const first = (stmt(sqlite, `SELECT min(c.created_at) AS m FROM cases c WHERE ${closed}`).get(params) as { m: string | null }).m;
  if (!first) return new Map();
  fillWorkingDayIndex(sqlite, inp.services, tz, localDateOf(new Date(first), tz), params.dto);
  try {
    const rows = stmt(
        sqlite,
        `WITH fig AS (SELECT c.service_code AS s, b.n - a.n AS v FROM cases c
           JOIN temp.recap_wd a ON a.s = c.service_code AND a.d = date(c.created_at, @off)
           JOIN temp.recap_wd b ON b.s = c.service_code AND b.d = date(c.closed_at, @off)
           WHERE ${closed}),
         ${PERCENTILES}`,
      ).all(params) as { s: string; median: number | null; p90: number | null }[];
    return new Map(rows.map((r) => [r.s, { median: r.median, p90: r.p90 }]));
  } finally {
    stmt(sqlite, 'DELETE FROM temp.recap_wd').run();
  }
}

function approvalFigures(sqlite: Sqlite, params: BasisParams): Map<string, { median: number | null }> {
  const rows = stmt(
    sqlite,
    `WITH fig AS (SELECT c.service_code AS s, (julianday(a.decided_at) - julianday(a.requested_at)) * 24 AS v FROM approvals a JOIN cases c ON c.id = a.case_id
       WHERE a.requested_at >= @from AND a.requested_at < @to AND a.decided_at IS NOT NULL AND a.status IN ('approved','rejected') AND c.deleted_at IS NULL AND ${serviceFilter('c')}),
     ${PERCENTILES}`,
  ).all(params) as { s: string; median: number | null }[];
  return new Map(rows.map((r) => [r.s, { median: r.median }]));
}

const round1 = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : Math.round(v * 10) / 10);
const percent = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/** Counts a table in SQL and lays it out with every row and column, zeros included. */
export function buildTable(sqlite: Sqlite, spec: TableSpec, inp: TableInputs, params: BasisParams, tz: OfficeTimeZone, ctes = COMMON_CTES): RecapTable {
  const grid = countBasis(sqlite, spec, params, ctes);
  const compliance = spec.figures === 'compliance' ? complianceFigures(sqlite, inp, params, tz) : null;
  const approvals = spec.figures === 'approvals' ? approvalFigures(sqlite, params) : null;
  const countColumns = spec.columns.filter((c) => c.kind === 'count' && !(spec.rowTotal && c.code === 'total'));
  const rows = spec.rows.map((row) => {
    const counts = grid.get(row.code) ?? new Map<string, number>();
    const rowSum = countColumns.reduce((s, c) => s + (counts.get(c.code) ?? 0), 0);
    const cells: RecapCell[] = spec.columns.map((col) => {
      if (col.kind === 'count') {
        const value = spec.rowTotal && col.code === 'total' ? rowSum : (counts.get(col.code) ?? 0);
        return { value, drill: value > 0 };
      }
      let value: number | null = null;
      if (col.code === 'median_days') value = round1(compliance?.get(row.code)?.median);
      else if (col.code === 'p90_days') value = round1(compliance?.get(row.code)?.p90);
      else if (col.code === 'median_hours') value = round1(approvals?.get(row.code)?.median);
      else if (col.code === 'percent') value = percent(counts.get('served') ?? 0, counts.get('victims') ?? 0);
      return { value, drill: false };
    });
    return { code: row.code, label: row.label, cells };
  });
  const totals = spec.columns.map((col, i) => (col.kind === 'count' ? rows.reduce((s, r) => s + (r.cells[i]!.value ?? 0), 0) : null));
  if (spec.figures === 'served') {
    const at = (code: string) => spec.columns.findIndex((c) => c.code === code);
    totals[at('percent')] = percent(totals[at('served')] ?? 0, totals[at('victims')] ?? 0);
  }
  return { id: spec.id, title: spec.title, unit: spec.unit, columns: spec.columns, rowTotal: spec.rowTotal, rows, totals, notes: spec.notes };
}

/**
 * Runs `fn` with the period's cases, victims and perpetrators counted once into temporary
 * tables. The tables are made once per connection and emptied after each recap: dropping and
 * making them anew would change the schema and make every statement that reads them compile
 * again.
 */
function withPeriodTables<T>(sqlite: Sqlite, params: BasisParams, fn: () => T): T {
  ensurePeriodTables(sqlite);
  const empty = () => {
    for (const t of PERIOD_TABLES) stmt(sqlite, `DELETE FROM temp.recap_${t}`).run();
  };
  try {
    for (const t of PERIOD_TABLES) stmt(sqlite, `INSERT INTO temp.recap_${t} ${PERIOD_TABLE_FILL[t]}`).run(params);
    return fn();
  } finally {
    empty();
  }
}

function ensurePeriodTables(sqlite: Sqlite): void {
  // Looked up rather than remembered: tables made in a transaction that was rolled back are gone.
  if (stmt(sqlite, "SELECT 1 FROM temp.sqlite_master WHERE type = 'table' AND name = 'recap_wd'").get()) return;
  const none = { from: '', to: '', dfrom: '', dto: '', service: null, off: '+0 minutes', now: '' } satisfies BasisParams;
  // Each made from its own fill with no rows, so its columns are exactly the fill's.
  for (const t of PERIOD_TABLES) {
    sqlite.exec(`DROP TABLE IF EXISTS temp.recap_${t}`);
    sqlite.prepare(`CREATE TEMP TABLE recap_${t} AS ${PERIOD_TABLE_FILL[t]} LIMIT 0`).run(none);
  }
  sqlite.exec(`CREATE UNIQUE INDEX temp.recap_pc_id ON recap_pc (id); CREATE INDEX temp.recap_pv_case ON recap_pv (case_id); CREATE INDEX temp.recap_pp_case ON recap_pp (case_id);
    DROP TABLE IF EXISTS temp.recap_wd; CREATE TEMP TABLE recap_wd (s TEXT NOT NULL, d TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (s, d)) WITHOUT ROWID`);
}

export interface RecapContext {
  db: OpenDatabase;
  nowIso: string;
  officeName: string;
}

/** The whole recap of a period: every table of the contract, in its order. */
export function buildRecap(ctx: RecapContext, f: RecapFilters, only?: readonly RecapTableId[]): RecapView {
  const { sqlite, db } = ctx.db;
  const tz = readGeneralSettings(db).timeZone;
  const inp = tableInputs(sqlite);
  const params = basisParams(f, tz, ctx.nowIso);
  const specs = tableSpecs(inp).filter((s) => !only || only.includes(s.id));
  const submission = stmt(
    sqlite,
    'SELECT s.created_at AS at, coalesce(u.full_name, s.created_by, \'\') AS by, s.note FROM report_submissions s LEFT JOIN users u ON u.id = s.created_by WHERE s.period_from = ? AND s.period_to = ?',
  ).get(f.period.from, f.period.to) as { at: string; by: string; note: string | null } | undefined;
  return {
    period: f.period,
    periodLabel: periodLabel(f.period),
    timeZone: tz,
    officeName: ctx.officeName,
    serviceCode: f.serviceCode ?? null,
    ageBasis: AGE_BASIS,
    generatedAt: ctx.nowIso,
    tables: withPeriodTables(sqlite, params, () => specs.map((s) => buildTable(sqlite, s, inp, params, tz, TEMP_CTES))),
    closed: submission ?? null,
    amendments: [],
  };
}
