import type { TFunction } from 'i18next';
import type { CaseDetail } from '../../../../../electron/core/api/contract';
import type { StepDef } from '../fields';

export type StepView = CaseDetail['steps'][number];
export type Outcome = NonNullable<StepDef['outcomes']>[number];

/** The step's definition in the version of the standard the case follows. */
export function stepDefOf(c: CaseDetail, code: string): StepDef | undefined {
  return c.standard.steps.find((s) => s.code === code);
}

/** A letter or document type by its name; an unknown code is shown as it is. */
export function letterName(code: string, t: TFunction): string {
  const key = `letters.${code}` as 'letters.surat_keputusan';
  return t(key, { defaultValue: code.replace(/_/g, ' ') });
}

/** The documents an outcome that ends the case needs: its own letter, or else the step's products. */
export function closingLetters(def: StepDef, outcome: Outcome): string[] {
  if (outcome.product) return [outcome.product];
  return def.products ?? [];
}
