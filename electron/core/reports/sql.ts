import type { SimfoniAgeBandOption } from '../simfoni';

/**
 * SQL pieces the recap's tables share. Every table is counted from a *basis*: a query giving
 * one row per counted unit with `case_id`, its row code `r` and its column code `c`. The recap
 * groups the basis; the drill-down selects the cases of one cell from the very same basis, so a
 * figure and the list behind it cannot disagree.
 *
 * Named parameters: @from and @to (the period as UTC instants, [from, to)), @dfrom and @dto
 * (the same as office dates, inclusive), @service (null: all services), @off (the office's
 * offset as an SQLite modifier), @now (the report's time), @city (the office's regency code).
 */

/** A string as an SQL literal (codes come from Teduh's own data, never from the user). */
export const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** `expr` when it is one of `codes`, else 'unknown' (an unrecorded or unknown value). */
export function known(expr: string, codes: readonly string[], fallback = 'unknown'): string {
  if (codes.length === 0) return lit(fallback);
  return `CASE WHEN ${expr} IN (${codes.map(lit).join(',')}) THEN ${expr} ELSE ${lit(fallback)} END`;
}

/** Age in whole years of `birth` on `on` (both 'YYYY-MM-DD'); null when unknown or not yet born. */
export function ageSql(birth: string, on: string): string {
  return `CASE WHEN ${birth} IS NULL OR ${birth} = '' OR ${birth} > ${on} THEN NULL
    ELSE CAST(substr(${on}, 1, 4) AS INTEGER) - CAST(substr(${birth}, 1, 4) AS INTEGER) - (substr(${on}, 6, 5) < substr(${birth}, 6, 5)) END`;
}

/** The band code of an age (bands from the SIMFONI data: no gaps, no overlaps), 'unknown' for null. */
export function bandSql(age: string, bands: readonly SimfoniAgeBandOption[]): string {
  const arms = bands.map((b) => `WHEN ${age} >= ${b.minAge}${b.maxAge === null ? '' : ` AND ${age} <= ${b.maxAge}`} THEN ${lit(b.code)}`);
  return `CASE WHEN ${age} IS NULL THEN 'unknown' ${arms.join(' ')} ELSE 'unknown' END`;
}

export const ADULT_AGE_SQL = 18;

export function ageGroupSql(age: string): string {
  return `CASE WHEN ${age} IS NULL THEN 'unknown' WHEN ${age} < ${ADULT_AGE_SQL} THEN 'anak' ELSE 'dewasa' END`;
}

export const sexSql = (sex: string): string => `CASE WHEN ${sex} IN ('P','L') THEN ${sex} ELSE 'unknown' END`;

/** The service filter on a `cases` alias. */
export const serviceFilter = (alias: string): string => `(@service IS NULL OR ${alias}.service_code = @service)`;

/**
 * The cases received in the period (registered between @from and @to, office time), not
 * removed; withdrawn cases were received and count. `basis_date` is the date ages are taken
 * on: the incident's where known, else the report's (office calendar).
 */
export const PERIOD_CASES = `pc AS (
  SELECT c.id, c.service_code, c.channel, c.status, c.closure, c.closed_at, c.created_at, c.incident_place, c.incident_region, c.assigned_to,
         coalesce(nullif(c.incident_date, ''), date(c.created_at, @off)) AS basis_date
  FROM cases c
  WHERE c.created_at >= @from AND c.created_at < @to AND c.deleted_at IS NULL AND ${serviceFilter('c')}
)`;

const personsOf = (name: string, role: string): string => `${name} AS (
  SELECT pc.id AS case_id, p.id AS person_id, ${sexSql('p.sex')} AS sex, p.region, p.occupation, p.disability, p.education, p.marital_status,
         cp.violence_types, pc.incident_place, ${ageSql('p.birth_date', 'pc.basis_date')} AS age
  FROM pc JOIN case_persons cp ON cp.case_id = pc.id AND cp.role = '${role}' JOIN persons p ON p.id = cp.person_id
)`;

/** The CTEs every basis may use: pc (cases), pv (their victims), pp (their perpetrators). SQLite skips the unused ones. */
export const COMMON_CTES = `WITH ${PERIOD_CASES}, ${personsOf('pv', 'victim')}, ${personsOf('pp', 'perpetrator')}`;

/** How each temporary table is filled: the cases as pc says, their persons from those cases (so pc is counted once). */
export const PERIOD_TABLE_FILL: Record<'pc' | 'pv' | 'pp', string> = {
  pc: `${COMMON_CTES} SELECT * FROM pc`,
  pv: `WITH pc AS (SELECT * FROM temp.recap_pc), ${personsOf('pv', 'victim')} SELECT * FROM pv`,
  pp: `WITH pc AS (SELECT * FROM temp.recap_pc), ${personsOf('pp', 'perpetrator')} SELECT * FROM pp`,
};

/**
 * The same three sets kept for one whole recap: counted once into temporary tables (in memory,
 * as every temporary table of the register), then read by each table's basis in place of the
 * CTEs. The drill-down keeps the CTEs: one cell, one query.
 */
export const PERIOD_TABLES = ['pc', 'pv', 'pp'] as const;
export const TEMP_CTES = `WITH ${PERIOD_TABLES.map((t) => `${t} AS (SELECT * FROM temp.recap_${t})`).join(', ')}`;
