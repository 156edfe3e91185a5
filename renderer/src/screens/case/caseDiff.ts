import type { CaseDetail } from '../../../../electron/core/api/contract';

/**
 * What changed between the case a screen showed and the case as it is now, so a person whose
 * save met CONFLICT sees what the other person did instead of a bare "try again".
 */
export interface CaseChanges {
  /** Case fields whose value differs (keys of `caseFieldKeys`). */
  fields: CaseFieldKey[];
  steps: { code: string; label: string; from: string; to: string }[];
  requirements: { code: string; label: string; from: string; to: string }[];
  personsAdded: { personId: string; fullName: string; role: string }[];
  personsChanged: { personId: string; fullName: string }[];
  itemsAdded: { id: string; kind: string; seq: number }[];
  itemsChanged: { id: string; kind: string; seq: number }[];
  itemsRemoved: { id: string; kind: string; seq: number }[];
}

export const caseFieldKeys = [
  'status',
  'closure',
  'riskLevel',
  'assignedTo',
  'chronology',
  'violenceTypes',
  'needs',
  'incident',
  'consent',
  'relations',
  'victimServices',
  'simfoniEntry',
] as const;
export type CaseFieldKey = (typeof caseFieldKeys)[number];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function fieldValue(c: CaseDetail, key: CaseFieldKey): unknown {
  return key === 'assignedTo' ? (c.assignedTo?.id ?? null) : c[key];
}

export function caseChanges(before: CaseDetail, after: CaseDetail): CaseChanges {
  const steps = after.steps.flatMap((s) => {
    const old = before.steps.find((x) => x.code === s.code);
    return old && old.status !== s.status ? [{ code: s.code, label: s.label, from: old.status, to: s.status }] : [];
  });
  const requirements = after.requirements.flatMap((r) => {
    const old = before.requirements.find((x) => x.code === r.code);
    return old && old.status !== r.status ? [{ code: r.code, label: r.label, from: old.status, to: r.status }] : [];
  });
  const personKey = (p: { personId: string; role: string }) => `${p.personId}/${p.role}`;
  const beforePersons = new Map(before.persons.map((p) => [personKey(p), p]));
  const personsAdded = after.persons
    .filter((p) => !beforePersons.has(personKey(p)))
    .map(({ personId, fullName, role }) => ({ personId, fullName, role }));
  const personsChanged = after.persons
    .filter((p) => {
      const old = beforePersons.get(personKey(p));
      return old && !same({ ...old, age: null, warnings: null }, { ...p, age: null, warnings: null });
    })
    .map(({ personId, fullName }) => ({ personId, fullName }));
  const beforeItems = new Map(before.items.map((i) => [i.id, i]));
  const afterIds = new Set(after.items.map((i) => i.id));
  const ref = ({ id, kind, seq }: { id: string; kind: string; seq: number }) => ({ id, kind, seq });
  return {
    fields: caseFieldKeys.filter((k) => !same(fieldValue(before, k), fieldValue(after, k))),
    steps,
    requirements,
    personsAdded,
    personsChanged,
    itemsAdded: after.items.filter((i) => !beforeItems.has(i.id)).map(ref),
    itemsChanged: after.items.filter((i) => (beforeItems.get(i.id)?.version ?? i.version) !== i.version).map(ref),
    itemsRemoved: before.items.filter((i) => !afterIds.has(i.id)).map(ref),
  };
}

export function hasChanges(c: CaseChanges): boolean {
  return Object.values(c).some((list) => list.length > 0);
}
