import { currentLanguage } from './index';

/** A vocabulary or SIMFONI entry: a stable code with its Indonesian and English labels. */
export interface LabelledOption {
  readonly code: string;
  readonly id: string;
  readonly en: string;
}

/** The label of a code in the current language; an unknown code is shown as it is. */
export function optionLabel(options: readonly LabelledOption[], code: string | null | undefined): string {
  if (!code) return '';
  const option = options.find((o) => o.code === code);
  return option ? option[currentLanguage()] : code;
}

/** Options for a picker (Select, Checkbox.Group, Radio.Group), in the order the list gives. */
export function optionData(options: readonly LabelledOption[]): { value: string; label: string }[] {
  const language = currentLanguage();
  return options.map((o) => ({ value: o.code, label: o[language] }));
}
