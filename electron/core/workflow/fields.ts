import { z } from 'zod';
import { ApiError } from '../api/errors';
import type { FieldDef } from '../services/types';

/** The zod schema of a step's form, built from its field definitions (one engine, every service). */
export function schemaFor(fields: FieldDef[]): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const f of fields) {
    // A required field left out says so, in the form's words; anything else says what is wrong.
    const says = (wrong: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? `${f.label} wajib diisi` : wrong) });
    let s: z.ZodType;
    switch (f.type) {
      case 'text':
      case 'textarea': {
        let t = z.string(says(`${f.label}: isian tidak valid`)).trim().max(f.max ?? 8000, `${f.label}: terlalu panjang`);
        if (f.required) t = t.min(1, `${f.label} wajib diisi`);
        s = t;
        break;
      }
      case 'date':
        s = z.string(says(`${f.label}: tanggal tidak valid`)).regex(/^\d{4}-\d{2}-\d{2}$/, `${f.label}: tanggal tidak valid`);
        break;
      case 'datetime':
        s = z.string(says(`${f.label}: tanggal dan jam tidak valid`)).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, `${f.label}: tanggal dan jam tidak valid`);
        break;
      case 'select':
        s = z.enum((f.options ?? []).map((o) => o.value) as [string, ...string[]], says(`${f.label}: pilihan tidak dikenal`));
        break;
      case 'multiselect': {
        let m = z.array(z.enum((f.options ?? []).map((o) => o.value) as [string, ...string[]], { message: `${f.label}: pilihan tidak dikenal` }), says(`${f.label}: isian tidak valid`));
        if (f.required) m = m.min(1, `${f.label}: pilih sekurang-kurangnya satu`);
        s = m;
        break;
      }
      case 'boolean':
        s = z.boolean(says(`${f.label}: isian tidak valid`));
        break;
      case 'number':
        s = z.number(says(`${f.label} harus angka`));
        break;
    }
    shape[f.key] = f.required ? s : s.optional();
    // Nothing ticked is an empty list, and an unticked box is false, not "missing".
    if (f.type === 'multiselect' && !f.required) shape[f.key] = s.default([]);
    if (f.type === 'boolean') shape[f.key] = s.default(false);
  }
  return z.object(shape).strict() as unknown as z.ZodType<Record<string, unknown>>;
}

/** Validates step data; errors come back under `data.<key>` for the form. */
export function parseStepData(fields: FieldDef[] | undefined, data: Record<string, unknown>): Record<string, unknown> {
  const r = schemaFor(fields ?? []).safeParse(data);
  if (r.success) return r.data;
  const out: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = `data.${issue.path.map(String).join('.') || '_'}`;
    if (!(key in out)) out[key] = issue.message;
  }
  throw new ApiError('VALIDATION', undefined, { fields: out });
}
