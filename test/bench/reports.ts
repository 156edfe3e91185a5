import type Database from 'better-sqlite3';
import type { Core } from '../../electron/core';
import { COMMON_CTES } from '../../electron/core/reports/sql';
import { basisParams, tableInputs } from '../../electron/core/reports/recap';
import { tableSpecs } from '../../electron/core/reports/tables';

/**
 * Reports for `npm run bench`: a year's full recap (every table, counted in SQL), a month's,
 * and the year's workbook, through the API; beside the same aggregate of one table (victims by
 * age band and sex) as one raw SQL query on the encrypted file and on the plain copy.
 */

interface Stat {
  p50: number;
  p95: number;
}
export interface ReportFigure extends Stat {
  op: string;
  n: number;
  budget?: number;
  floors?: Record<string, Stat>;
}
type Measure = (n: number, fn: (i: number) => unknown) => Promise<Stat>;

async function as(core: Core, token: string, method: string, input: unknown): Promise<any> {
  const r = await core.call({ token }, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const MONTH = { from: '2026-10-01', to: '2026-10-31' };

export async function benchReports(core: Core, admin: { username: string; password: string }, raw: Database.Database, plain: Database.Database, measure: Measure): Promise<ReportFigure[]> {
  const adminToken = (await as(core, '', 'auth.login', admin)).token as string;
  await as(core, adminToken, 'users.create', { username: 'kepala_rekap', fullName: 'Kepala Rekap', role: 'head', initialPassword: 'sandi-awal-1' });
  const first = await as(core, '', 'auth.login', { username: 'kepala_rekap', password: 'sandi-awal-1' });
  await as(core, first.token, 'auth.changePassword', { currentPassword: 'sandi-awal-1', newPassword: 'sandi-kepala-rekap-2' });
  const token = first.token as string;

  const year = await measure(20, () => as(core, token, 'reports.recap', { period: YEAR }));
  const month = await measure(50, () => as(core, token, 'reports.recap', { period: MONTH }));
  const xlsx = await measure(5, () => as(core, token, 'reports.export', { period: YEAR, format: 'xlsx' }));

  // The floor: one table's aggregate as one raw query (the recap's own basis), for the year.
  const { sqlite } = core.register.db;
  const spec = tableSpecs(tableInputs(sqlite)).find((s) => s.id === 'victimsBySexAge')!;
  const sql = `${COMMON_CTES} SELECT r, c, count(*) AS n FROM (${spec.basis}) GROUP BY r, c`;
  const params = basisParams({ period: YEAR }, 'Asia/Jakarta', new Date().toISOString());
  const rawStmt = raw.prepare(sql);
  const plainStmt = plain.prepare(sql);
  const floors = { raw_sql_one_table: await measure(50, () => rawStmt.all(params)), plain_one_table: await measure(50, () => plainStmt.all(params)) };
  process.stderr.write(`  recap year p50/p95 ${year.p50}/${year.p95} ms, month ${month.p50}/${month.p95} ms, xlsx year ${xlsx.p50}/${xlsx.p95} ms, one table raw ${floors.raw_sql_one_table.p50}/${floors.raw_sql_one_table.p95} ms\n`);
  return [
    { op: 'recap_year', n: 20, ...year, budget: 300, floors },
    { op: 'recap_month', n: 50, ...month, budget: 50 },
    { op: 'xlsx_year', n: 5, ...xlsx, budget: 2000 },
  ];
}
