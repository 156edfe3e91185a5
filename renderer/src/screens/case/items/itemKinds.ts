import type { TFunction } from 'i18next';
import { itemStatuses, vocab, type CaseDetail, type InstitutionView } from '../../../../../electron/core/api/contract';
import { optionLabel } from '../../../i18n/labels';
import type { FieldDef } from '../fields';

/**
 * The records a case keeps beside its steps, as data: each kind's fields (in the order the
 * table shows them) and its statuses. One table and one form serve every kind.
 */
export type ItemKind = keyof typeof itemStatuses;

interface ItemFieldSpec {
  key: string;
  type: FieldDef['type'] | 'institution';
  required?: boolean;
  max?: number;
}

interface ItemKindSpec {
  kind: ItemKind;
  fields: ItemFieldSpec[];
}

export const itemKinds: readonly ItemKindSpec[] = [
  {
    kind: 'mediation_session',
    fields: [
      { key: 'date', type: 'datetime', required: true },
      { key: 'place', type: 'text', required: true, max: 300 },
      { key: 'attendees', type: 'textarea', required: true, max: 2000 },
      { key: 'outcome', type: 'textarea', max: 4000 },
    ],
  },
  {
    kind: 'agreement_point',
    fields: [
      { key: 'text', type: 'textarea', required: true, max: 2000 },
      { key: 'responsible', type: 'text', max: 200 },
      { key: 'dueDate', type: 'date' },
    ],
  },
  {
    kind: 'monitoring_visit',
    fields: [
      { key: 'plannedDate', type: 'date', required: true },
      { key: 'doneDate', type: 'date' },
      { key: 'result', type: 'textarea', max: 4000 },
    ],
  },
  {
    kind: 'referral',
    fields: [
      { key: 'institutionId', type: 'institution', required: true },
      { key: 'reason', type: 'textarea', required: true, max: 2000 },
      { key: 'sentDate', type: 'date' },
      { key: 'note', type: 'textarea', max: 2000 },
    ],
  },
];

export function isItemKind(kind: string): kind is ItemKind {
  return itemKinds.some((k) => k.kind === kind);
}

export function itemKindSpec(kind: ItemKind): ItemKindSpec {
  return itemKinds.find((k) => k.kind === kind)!;
}

/** The kinds this case's standard keeps, plus any it already has. */
export function itemKindsOf(c: CaseDetail): ItemKind[] {
  const used = new Set<string>([...c.standard.steps.flatMap((s) => s.collections ?? []), ...c.items.map((i) => i.kind)]);
  return itemKinds.map((k) => k.kind).filter((k) => used.has(k));
}

export function itemKindLabel(kind: string, t: TFunction): string {
  return isItemKind(kind) ? t(`caseItems.${kind}.title`) : kind;
}

/** The kind's fields as step-form fields, with labels in the user's language (and the directory as choices). */
export function itemFields(kind: ItemKind, t: TFunction, institutions: readonly InstitutionView[]): FieldDef[] {
  return itemKindSpec(kind).fields.map((f) => {
    const label = t(`caseItems.${kind}.${f.key}` as 'caseItems.referral.reason');
    if (f.type === 'institution') {
      return {
        key: f.key,
        label,
        type: 'select',
        required: f.required,
        options: institutions.map((i) => ({ value: i.id, label: `${i.name} (${optionLabel(vocab.institutionKinds.items, i.kind)})` })),
      };
    }
    return { key: f.key, label, type: f.type, required: f.required, max: f.max };
  });
}

/** The statuses a kind can have, labelled; null when it has none. */
export function itemStatusOptions(kind: ItemKind, t: TFunction): { value: string; label: string }[] | null {
  switch (kind) {
    case 'agreement_point':
      return vocab.agreementStatuses.items.map((s) => ({ value: s.code, label: optionLabel(vocab.agreementStatuses.items, s.code) }));
    case 'referral':
      return vocab.referralStatuses.items.map((s) => ({ value: s.code, label: optionLabel(vocab.referralStatuses.items, s.code) }));
    case 'monitoring_visit':
      return itemStatuses.monitoring_visit.map((s) => ({ value: s, label: t(`caseItems.monitoringStatus.${s}`) }));
    case 'mediation_session':
      return null;
  }
}
