import type { RecapView } from '../api/contract-reports';
import { ApiError } from '../api/errors';
import type { CallContext } from '../api/handler';
import type { ExportMeta, TableGrid } from './files';

/** The Laporan Bulanan on the letterhead. */
export async function recapDocx(_ctx: CallContext, _view: RecapView, _grids: TableGrid[], _meta: ExportMeta): Promise<Buffer> {
  throw new ApiError('VALIDATION', 'Laporan Bulanan belum tersedia.');
}
