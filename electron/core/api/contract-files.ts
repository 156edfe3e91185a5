import { z } from 'zod';
import { idSchema } from './contract-kit';
import { registerFilterFields } from './contract-documents';
import { reportsContract } from './contract-reports';

/**
 * Files that leave the register: a document opened in Word through a temporary copy, and
 * copies saved where the user chooses (a document, a signed scan, the letter register, the
 * office's recap). Not API methods of the core: the desktop app's main process (and the web
 * harness) carry them out, reading the bytes through the page's own session
 * (`documents.content` with purpose open or save, `documents.exportRegister`,
 * `reports.export`), so the core audits every copy.
 */

const id = idSchema;

export const fileTargetSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('document'),
      id,
      versionNo: z.number().int().positive().optional(),
      scanId: id.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('register'),
      ...registerFilterFields,
    })
    .strict(),
  /** The recap of a period as .xlsx, one table as CSV, or the Laporan Bulanan (.docx). */
  reportsContract['reports.export'].input.extend({ kind: z.literal('report') }).strict(),
]);
export type FileTarget = z.infer<typeof fileTargetSchema>;

export const fileOpsSchemas = {
  /** A temporary copy in the app's own folder, opened with the PC's program for it (Word). */
  open: z.object({ target: fileTargetSchema }).strict(),
  /** A copy saved where the user chooses; it is not encrypted. */
  save: z.object({ target: fileTargetSchema }).strict(),
  /** The open dialog for a backup file (.tdbk), for restoring on the first-run screen; reads nothing. */
  chooseBackup: z.object({}).strict(),
} as const;

export interface FileOps {
  open: { args: z.infer<typeof fileOpsSchemas.open>; value: { fileName: string } };
  /** saved false: the user cancelled the save dialog (nothing read, nothing audited). */
  save: { args: z.infer<typeof fileOpsSchemas.save>; value: { saved: boolean; fileName: string } };
  /** path null: cancelled, or no dialog here (type the path instead). */
  chooseBackup: { args: z.infer<typeof fileOpsSchemas.chooseBackup>; value: { path: string | null } };
}
