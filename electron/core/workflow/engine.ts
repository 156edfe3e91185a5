import type { Role } from '../api/roles';
import type { CaseClosure, DecisionOutcome, ServiceDefinition, StepDef, StepGuard } from '../services/types';

/**
 * The workflow engine: one set of rules for every service. Pure functions over a
 * snapshot of a case; the handlers load the snapshot, ask the engine, and write.
 */

export type StepStatus = 'pending' | 'submitted' | 'done' | 'skipped';

export interface StepState {
  code: string;
  status: StepStatus;
  outcome: string | null;
}

export interface PartyState {
  personId: string;
  role: string;
  fullName: string;
  isChild: boolean;
  disability: boolean;
  companionOf: string | null;
  companionType: string | null;
}

export interface CaseSnapshot {
  def: ServiceDefinition;
  status: string;
  riskLevel: 'low' | 'medium' | 'high';
  violenceTypes: string[];
  steps: StepState[];
  requirements: { code: string; status: string }[];
  persons: PartyState[];
  items: { kind: string; status: string | null }[];
}

/** Violence type code for sexual violence (SIMFONI "Seksual"). */
export const SEXUAL_VIOLENCE = 'seksual';

/** Roles that may act on a step: its actor, and a head on any step. */
export function mayAct(step: StepDef, role: Role): boolean {
  return role === step.actor || role === 'head';
}

/** Why a guard blocks, in words a front-desk officer understands; null when it holds. */
export function guardViolation(guard: StepGuard, c: CaseSnapshot): string | null {
  switch (guard) {
    case 'tpks_mediation_allowed': {
      if (!c.violenceTypes.includes(SEXUAL_VIOLENCE)) return null;
      const childPerpetrator = c.persons.some((p) => p.role === 'perpetrator' && p.isChild);
      if (childPerpetrator) return null;
      return 'Kasus kekerasan seksual tidak dapat diselesaikan melalui mediasi atau di luar proses peradilan, kecuali pelakunya anak (UU No. 12 Tahun 2022 tentang TPKS, Pasal 23).';
    }
    case 'mediation_companions': {
      const parties = c.persons.filter((p) => p.role === 'victim' || p.role === 'perpetrator' || p.role === 'party');
      const missing: string[] = [];
      for (const p of parties) {
        const companions = c.persons.filter((x) => x.role === 'companion' && x.companionOf === p.personId);
        if (p.isChild && !companions.some((x) => x.companionType !== 'special')) {
          missing.push(`${p.fullName} masih anak dan harus didampingi orang tua/keluarga/wali/pendamping`);
        }
        if (p.disability && !companions.some((x) => x.companionType === 'special')) {
          missing.push(`${p.fullName} penyandang disabilitas dan harus didampingi pendamping khusus`);
        }
      }
      return missing.length ? `Mediasi belum dapat dilanjutkan: ${missing.join('; ')}.` : null;
    }
    case 'has_mediation_session':
      return c.items.some((i) => i.kind === 'mediation_session') ? null : 'Catat sesi mediasi (tanggal, tempat, yang hadir, hasil) terlebih dahulu.';
    case 'has_agreement_points':
      return c.items.some((i) => i.kind === 'agreement_point') ? null : 'Berita Acara belum memiliki butir kesepakatan.';
    case 'monitoring_visits_recorded':
      return c.items.filter((i) => i.kind === 'monitoring_visit').every((i) => i.status === 'done' || i.status === 'missed')
        ? null
        : 'Setiap kunjungan monitoring yang direncanakan harus dicatat hasilnya (dilaksanakan / tidak terlaksana).';
    case 'agreement_monitored':
      return c.items.filter((i) => i.kind === 'agreement_point').every((i) => i.status && i.status !== 'open')
        ? null
        : 'Setiap butir kesepakatan harus memiliki hasil monitoring (dilaksanakan / sebagian / tidak dilaksanakan).';
    case 'requirements_complete': {
      const missing = c.def.requirements.filter(
        (r) => !r.optional && !c.requirements.some((x) => x.code === r.code && (x.status === 'complete' || x.status === 'not_applicable')),
      );
      return missing.length ? `Persyaratan belum lengkap: ${missing.map((r) => r.label).join(', ')}.` : null;
    }
  }
}

export interface StepAvailability {
  code: string;
  /** Can be worked on now (completed, submitted or skipped). */
  open: boolean;
  /** Why it cannot be worked on, or why completing it is blocked. */
  blockedBy: string[];
  /**
   * Outcomes that may still be chosen while UU TPKS alone blocks the step: those that end
   * the case without mediation (rejecting the request, "cannot be mediated").
   */
  declineOutcomes: string[];
}

/** An outcome that ends the case without any mediation taking place. */
export function declinesMediation(o: DecisionOutcome): boolean {
  return o.closes === 'rejected' || o.closes === 'not_held';
}

/**
 * UU TPKS for a choice inside a step's form (Mojokerto's "mediasi, negosiasi, investigasi"):
 * the fields whose chosen options settle the case out of court, with the reason.
 */
export function barredChoices(step: StepDef, data: Record<string, unknown>, c: CaseSnapshot): Record<string, string> {
  const reason = guardViolation('tpks_mediation_allowed', c);
  const out: Record<string, string> = {};
  if (!reason) return out;
  for (const f of step.fields ?? []) {
    const chosen = ([] as unknown[]).concat(data[f.key] ?? []);
    const barred = (f.options ?? []).filter((o) => o.outOfCourt && chosen.includes(o.value));
    if (barred.length) out[`data.${f.key}`] = `${barred.map((o) => o.label).join(', ')}: ${reason}`;
  }
  return out;
}

const finished = (s: StepState | undefined) => s?.status === 'done' || s?.status === 'skipped';

/**
 * Which steps can be worked on: steps run in the standard's order (optional ones may be
 * skipped); a high-risk case opens the crisis steps at once, whatever comes before them.
 */
export function availability(c: CaseSnapshot): StepAvailability[] {
  const closed = c.status !== 'open' && c.status !== 'monitoring';
  const byCode = new Map(c.steps.map((s) => [s.code, s]));
  let earlierUnfinished: StepDef | null = null;
  return c.def.steps.map((def) => {
    const state = byCode.get(def.code);
    const blockedBy: string[] = [];
    if (closed) blockedBy.push('Kasus sudah ditutup.');
    else if (finished(state)) blockedBy.push('Langkah ini sudah selesai.');
    else if (state?.status === 'submitted') blockedBy.push('Menunggu persetujuan.');
    else if (earlierUnfinished && !(def.crisis && c.riskLevel === 'high')) {
      blockedBy.push(`Selesaikan dahulu: ${earlierUnfinished.label}.`);
    }
    const reachable = blockedBy.length === 0;
    let tpks = false;
    for (const g of def.guards ?? []) {
      const v = guardViolation(g, c);
      if (v) blockedBy.push(v);
      if (v && g === 'tpks_mediation_allowed') tpks = true;
    }
    if (!finished(state) && !def.optional && !earlierUnfinished) earlierUnfinished = def;
    // UU TPKS forbids mediating, not declining to: the case can still be closed that way,
    // whatever else a mediation would have needed.
    const declineOutcomes = reachable && tpks ? (def.outcomes ?? []).filter(declinesMediation).map((o) => o.value) : [];
    return { code: def.code, open: blockedBy.length === 0, blockedBy, declineOutcomes };
  });
}

/** The step being worked on now: the first unfinished, non-optional step (null when none). */
export function currentStep(c: CaseSnapshot): StepDef | null {
  const byCode = new Map(c.steps.map((s) => [s.code, s]));
  return c.def.steps.find((d) => !finished(byCode.get(d.code)) && !d.optional) ?? null;
}

/** What completing a step with an outcome does to the case. */
export function closureAfter(c: CaseSnapshot, step: StepDef, outcome: string | null): CaseClosure | null {
  const o = step.outcomes?.find((x) => x.value === outcome);
  if (o?.closes) return o.closes;
  if (o?.reopens) return null;
  // The last required step done with no closing outcome completes the case.
  const byCode = new Map(c.steps.map((s) => [s.code, s]));
  const remaining = c.def.steps.filter((d) => d.code !== step.code && !d.optional && !finished(byCode.get(d.code)));
  return remaining.length === 0 ? 'completed' : null;
}

export const closureLabels: Record<CaseClosure, string> = {
  completed: 'Selesai',
  rejected: 'Permohonan ditolak',
  not_held: 'Mediasi tidak dapat dilaksanakan',
  referred: 'Dirujuk ke lembaga lain',
  withdrawn: 'Dicabut oleh pelapor',
};
