import { createHash } from 'node:crypto';
import type { DocumentFile } from '../api/contract-documents';
import { ApiError } from '../api/errors';
import { defineHandlers } from '../api/handler';
import { stmt } from '../db/statements';
import { readGeneralSettings } from '../settings/general';
import { drillCases } from './drill';
import { monthlySeries } from './monthly';
import { buildRecap, currentServices } from './recap';
import { exportMeta, recapCsv, recapXlsx, tableGrid } from './files';
import { recapDocx } from './laporan';

const officeName = (ctx: { reg: { db: { sqlite: Parameters<typeof stmt>[0] } } }): string =>
  (stmt(ctx.reg.db.sqlite, 'SELECT name FROM office_profile WHERE id = 1').get() as { name: string } | undefined)?.name ?? '';

/** Which figures were read: the period and the service filter, never a figure. */
const periodDetail = (input: { period: { from: string; to: string }; serviceCode?: string | null | undefined }, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ from: input.period.from, to: input.period.to, service: input.serviceCode ?? null, ...extra });

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const fileOf = (fileName: string, mime: string, bytes: Buffer): DocumentFile => ({
  fileName,
  mime,
  base64: bytes.toString('base64'),
  sha256: createHash('sha256').update(bytes).digest('hex'),
  size: bytes.length,
});

/** "Rekap 2026-11-01 sd 2026-11-30" */
const baseName = (p: { from: string; to: string }): string => `${p.from} sd ${p.to}`;

export const reportsHandlers = defineHandlers({
  'reports.recap': {
    run(input, ctx) {
      ctx.audit.entityType = 'report';
      ctx.audit.detail = periodDetail(input);
      return buildRecap({ db: ctx.reg.db, nowIso: ctx.nowIso, officeName: officeName(ctx) }, input);
    },
  },

  'reports.cases': {
    run(input, ctx) {
      ctx.audit.entityType = 'report';
      ctx.audit.detail = periodDetail(input, { table: input.table, row: input.row, column: input.column });
      return drillCases(ctx, input);
    },
  },

  'reports.monthly': {
    run(input, ctx) {
      ctx.audit.entityType = 'report';
      ctx.audit.detail = JSON.stringify({ endMonth: input.endMonth, service: input.serviceCode ?? null });
      return monthlySeries(ctx.reg.db.sqlite, readGeneralSettings(ctx.reg.db.db).timeZone, input.endMonth, input.serviceCode ?? null);
    },
  },

  'reports.export': {
    async prepare(input, ctx) {
      if (input.format === 'csv' && !input.table) throw new ApiError('VALIDATION', 'Pilih satu tabel untuk CSV.', { fields: { table: 'Pilih tabel' } });
      const view = buildRecap({ db: ctx.reg.db, nowIso: ctx.nowIso, officeName: officeName(ctx) }, input);
      const serviceName = input.serviceCode ? (currentServices(ctx.reg.db.sqlite).find((s) => s.code === input.serviceCode)?.def.name ?? input.serviceCode) : null;
      const meta = exportMeta(view, serviceName, input.hideSmallCounts);
      const grids = view.tables.map((t) => tableGrid(t, input.hideSmallCounts));
      const name = baseName(input.period);
      if (input.format === 'csv') {
        const grid = grids.find((g) => g.id === input.table)!;
        return fileOf(`Rekap ${grid.id} ${name}.csv`, 'text/csv', Buffer.from(recapCsv(grid, meta), 'utf8'));
      }
      if (input.format === 'xlsx') return fileOf(`Rekap ${name}.xlsx`, XLSX_MIME, await recapXlsx(grids, meta, view.ageBasis));
      return fileOf(`Laporan Bulanan ${name}.docx`, DOCX_MIME, await recapDocx(ctx, view, grids, meta));
    },
    run(input, ctx, file: DocumentFile) {
      ctx.audit.entityType = 'report';
      // The file's format and table, never its figures.
      ctx.audit.detail = periodDetail(input, { format: input.format, table: input.table ?? 'all', hideSmallCounts: input.hideSmallCounts });
      return file;
    },
  },
});
