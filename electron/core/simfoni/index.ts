/**
 * SIMFONI-PPA categories as data, and the checks that a recorded value is one
 * of them. A new category value is a new entry in categories.ts, nothing else.
 */
import { SIMFONI_FIELDS, type SimfoniOption } from './categories';

export * from './categories';

export type SimfoniField = keyof typeof SIMFONI_FIELDS;
export type SimfoniCode<F extends SimfoniField> = (typeof SIMFONI_FIELDS)[F]['options'][number]['code'];
export type SimfoniMultiField = { [F in SimfoniField]: (typeof SIMFONI_FIELDS)[F]['multi'] extends true ? F : never }[SimfoniField];
/** The stored value of a field: a list of codes for multi-valued fields, one code otherwise. */
export type SimfoniValue<F extends SimfoniField> = F extends SimfoniMultiField ? SimfoniCode<F>[] : SimfoniCode<F>;
export type SimfoniLanguage = 'id' | 'en';

/** Codes of a field in display order, as a tuple type (usable with z.enum). */
export function simfoniCodes<F extends SimfoniField>(
  field: F,
): { [K in keyof (typeof SIMFONI_FIELDS)[F]['options']]: (typeof SIMFONI_FIELDS)[F]['options'][K] extends { code: infer C } ? C : never } {
  return SIMFONI_FIELDS[field].options.map((o: SimfoniOption) => o.code) as never;
}

export function isSimfoniCode<F extends SimfoniField>(field: F, value: unknown): value is SimfoniCode<F> {
  return typeof value === 'string' && SIMFONI_FIELDS[field].options.some((o: SimfoniOption) => o.code === value);
}

/** The label of a code; throws for a code that is not in the field (a programming error, not user input). */
export function simfoniLabel<F extends SimfoniField>(field: F, code: SimfoniCode<F>, language: SimfoniLanguage = 'id'): string {
  const option = SIMFONI_FIELDS[field].options.find((o: SimfoniOption) => o.code === code);
  if (!option) throw new RangeError(`${String(code)} is not a SIMFONI ${field} code`);
  return option[language];
}

export type SimfoniCheck<F extends SimfoniField> = { ok: true; value: SimfoniValue<F> } | { ok: false; error: string };

/**
 * Checks a value read from a form or a file: one known code for a single-valued
 * field; for a multi-valued field, a list of known codes, each at most once
 * (recaps count each value once). An empty list is allowed here; whether the
 * field is required is the form's decision. Errors are in Indonesian.
 */
export function checkSimfoniValue<F extends SimfoniField>(field: F, value: unknown): SimfoniCheck<F> {
  const spec = SIMFONI_FIELDS[field];
  const unknownCode = (v: unknown): string => `${spec.id}: "${String(v)}" bukan pilihan yang dikenal SIMFONI-PPA.`;
  if (!spec.multi) {
    return isSimfoniCode(field, value) ? { ok: true, value: value as SimfoniValue<F> } : { ok: false, error: unknownCode(value) };
  }
  if (!Array.isArray(value)) return { ok: false, error: `${spec.id}: harus berupa daftar pilihan.` };
  const bad = value.find((v) => !isSimfoniCode(field, v));
  if (bad !== undefined) return { ok: false, error: unknownCode(bad) };
  const twice = value.find((v, i) => value.indexOf(v) !== i);
  if (twice !== undefined) return { ok: false, error: `${spec.id}: "${simfoniLabel(field, twice)}" dipilih lebih dari sekali.` };
  return { ok: true, value: [...value] as SimfoniValue<F> };
}
