import type { Role } from '../api/roles';
import type { DeskHours, SlaRule } from '../calendar';

export type { DeskHours, SlaRule };

/**
 * A published service standard (Standar Pelayanan) as data. One workflow engine runs
 * every service from these definitions; a new service is a new entry, not a new screen.
 */

export type FieldType = 'text' | 'textarea' | 'date' | 'datetime' | 'select' | 'multiselect' | 'boolean' | 'number';

export interface FieldDef {
  key: string;
  label: string;
  type: FieldType;
  required?: boolean;
  /**
   * select / multiselect. `outOfCourt`: choosing it settles the case outside court, which
   * UU TPKS bars in sexual violence cases unless a perpetrator is a child.
   */
  options?: { value: string; label: string; outOfCourt?: boolean }[];
  max?: number;
  help?: string;
}

/** Structured records a step keeps (sessions, agreement points, referrals, visits). */
export type CollectionKind = 'mediation_session' | 'agreement_point' | 'monitoring_visit' | 'referral';

/** Rules the engine checks before a step may be completed; each has its own explanation. */
export type StepGuard =
  /** UU TPKS 12/2022: no mediation in sexual violence cases unless a perpetrator is a child. */
  | 'tpks_mediation_allowed'
  /** A child party needs a parent/guardian/companion; a party with a disability a special companion. */
  | 'mediation_companions'
  /** At least one mediation session recorded. */
  | 'has_mediation_session'
  /** At least one numbered agreement point recorded. */
  | 'has_agreement_points'
  /** Every agreement point has a monitoring result. */
  | 'agreement_monitored'
  /** Every planned monitoring visit has a result (done or missed). */
  | 'monitoring_visits_recorded'
  /** All required requirements are complete. */
  | 'requirements_complete';

export interface DecisionOutcome {
  value: string;
  label: string;
  /** Ends the case with this status (e.g. rejected, not_held); the step's `closingProduct` is the letter. */
  closes?: CaseClosure;
  /** Document the outcome produces (a letter type code). */
  product?: string;
  /** Sends the case back to an earlier step (e.g. "continue monitoring"); this step waits again. */
  reopens?: string;
}

export type CaseClosure = 'completed' | 'rejected' | 'not_held' | 'referred' | 'withdrawn';

export interface StepDef {
  code: string;
  label: string;
  /** What the standard says happens, in its own words (shortened). */
  description: string;
  /** Role that performs the step; heads may act on any step. */
  actor: Role;
  /** Human-readable actor as the standard names it (e.g. "Ketua LP-PAR"). */
  actorTitle: string;
  /** Needs a head's approval: the step is submitted, then approved or rejected by someone else. */
  approval?: boolean;
  /** A decision with outcomes, some of which end the case. */
  outcomes?: DecisionOutcome[];
  /** Fields recorded when the step is done. */
  fields?: FieldDef[];
  /** Collections this step manages. */
  collections?: CollectionKind[];
  guards?: StepGuard[];
  /** Documents this step produces (letter type codes). */
  products?: string[];
  /** May be skipped with a reason (e.g. referral only if needed). */
  optional?: boolean;
  /** Crisis step: shown first and at once for a high-risk case. */
  crisis?: boolean;
  /** After the case is terminated: monitoring for N months with visits. */
  monitoringMonths?: number;
}

export interface DeadlineDef {
  code: string;
  label: string;
  rule: SlaRule;
  /** What starts the clock. */
  startsAt: 'registration' | 'requirements_complete';
  /** The step whose completion meets the deadline; `closure` = the case is closed. */
  endsAt: { step: string } | 'closure';
}

export interface RequirementDef {
  code: string;
  label: string;
  optional?: boolean;
  /** Met by the product itself: the intake form, or a step's letter (e.g. the SK in Pekalongan). */
  fulfilledBy?: 'intake' | { step: string };
}

export interface ServiceDefinition {
  code: ServiceCode;
  name: string;
  /** Short label for navigation. */
  shortName: string;
  /** Which published standard it follows. */
  source: string;
  skNumber: string;
  requirements: RequirementDef[];
  steps: StepDef[];
  deadlines: DeadlineDef[];
  /** null: the office's default desk hours. */
  deskHours: DeskHours | null;
  fee: string;
  products: string[];
  /** Channels this service receives on. */
  channels: string[];
  /** Whether cases of this service are about violence (victim/perpetrator/intake) or about the service itself. */
  kind: 'case' | 'service_complaint';
}

export const serviceCodes = [
  'pengaduan_kekerasan',
  'intervensi_krisis',
  'mediasi',
  'bantuan_mediasi',
  'pemulangan_mediasi',
  'pengaduan_layanan',
] as const;
export type ServiceCode = (typeof serviceCodes)[number];
