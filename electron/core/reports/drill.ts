import type { CaseListResult } from '../api/contract-cases';
import type { RecapTableId } from '../api/contract-reports';
import { ApiError } from '../api/errors';
import type { CallContext } from '../api/handler';
import { caseListRows, type CaseListSource } from '../cases';
import { stmt } from '../db/statements';
import { readGeneralSettings } from '../settings/general';
import { basisParams, tableInputs, type RecapFilters } from './recap';
import { COMMON_CTES } from './sql';
import { tableSpecs } from './tables';

export interface DrillInput extends RecapFilters {
  table: RecapTableId;
  row: string;
  column: string;
  page: number;
  pageSize: number;
}

/**
 * The cases behind one count of the recap, from the same basis the count was made from;
 * 'total' as the row or column means every row or column. Newest first, names masked.
 */
export function drillCases(ctx: CallContext, input: DrillInput): CaseListResult {
  const { sqlite, db } = ctx.reg.db;
  const tz = readGeneralSettings(db).timeZone;
  const spec = tableSpecs(tableInputs(sqlite)).find((s) => s.id === input.table)!;
  const column = spec.columns.find((c) => c.code === input.column);
  const wholeRow = input.column === 'total' && (spec.rowTotal || !column);
  if (!wholeRow && (!column || column.kind !== 'count')) {
    throw new ApiError('VALIDATION', 'Angka ini tidak dapat dirinci menjadi daftar kasus.', { fields: { column: 'Kolom tidak dapat dirinci' } });
  }
  if (input.row !== 'total' && !spec.rows.some((r) => r.code === input.row)) {
    throw new ApiError('VALIDATION', 'Baris ini tidak ada pada tabel.', { fields: { row: 'Baris tidak dikenal' } });
  }
  if (wholeRow && !spec.rowTotal) {
    throw new ApiError('VALIDATION', 'Tabel ini tidak mempunyai kolom jumlah.', { fields: { column: 'Kolom tidak dapat dirinci' } });
  }
  const where = [input.row === 'total' ? '1' : 'b.r = @row', wholeRow ? '1' : 'b.c = @col'].join(' AND ');
  const params = { ...basisParams(input, tz, ctx.nowIso), row: input.row, col: input.column };
  const cells = `drill AS (SELECT DISTINCT b.case_id FROM (${spec.basis}) b WHERE ${where})`;
  const rows = stmt(
    sqlite,
    `${COMMON_CTES}, ${cells}
     SELECT c.id, c.register_no, c.service_code, c.standard_id, c.status, c.closure, c.risk_level, c.due_at, c.assigned_to, c.created_at
     FROM drill d JOIN cases c ON c.id = d.case_id ORDER BY c.created_at DESC, c.id DESC LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }) as CaseListSource[];
  const total = (stmt(sqlite, `${COMMON_CTES}, ${cells} SELECT count(*) AS n FROM drill`).get(params) as { n: number }).n;
  return { rows: caseListRows(ctx, rows), total, page: input.page, pageSize: input.pageSize };
}
