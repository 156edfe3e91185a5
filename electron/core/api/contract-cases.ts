import { z } from 'zod';
import { simfoniCodes } from '../simfoni';
import { serviceCodes, type CaseClosure, type ServiceDefinition } from '../services/types';
import {
  agreementStatuses,
  caseStatuses,
  channels,
  companionTypes,
  consentGivers,
  institutionKinds,
  personRoles,
  referralStatuses,
  requirementStatuses,
  riskLevels,
} from './vocab';
import type { MethodSpec } from './contract-kit';
import { method, idSchema, pagingFields, versionSchema } from './contract-kit';

/** The case register's part of the API contract: intake, workflow, finding cases. */

const id = idSchema;
const version = versionSchema;
const text = (max: number) => z.string().trim().max(max);
const optText = (max: number) => z.string().trim().max(max).default('');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'Tanggal tidak valid');
const digits = (n: number, label: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^(\\d{${n}})?$`), `${label} harus ${n} digit angka`)
    .default('');
const regionCode = z
  .string()
  .regex(/^(\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?)?$/, 'Kode wilayah tidak valid')
  .default('');
const rtRw = z
  .string()
  .trim()
  .regex(/^(\d{1,3})?$/, 'RT/RW berupa angka (maks. 3 digit)')
  .default('');

export const personInput = z.object({
  /** Link to a person already in the register (chosen from the duplicate suggestions). */
  existingPersonId: id.optional(),
  fullName: z.string().trim().min(1, 'Nama wajib diisi').max(120),
  nik: digits(16, 'NIK'),
  kkNo: digits(16, 'Nomor KK'),
  phone: z
    .string()
    .trim()
    .regex(/^(\+?[0-9 -]{6,20})?$/, 'Nomor telepon tidak valid')
    .default(''),
  birthPlace: optText(80),
  birthDate: isoDate.optional(),
  sex: z.enum(simfoniCodes('victimSex')).optional(),
  region: regionCode,
  rt: rtRw,
  rw: rtRw,
  address: optText(300),
  occupation: z.enum(simfoniCodes('occupation')).optional(),
  disability: z.boolean().default(false),
  disabilityNote: optText(200),
});
export type PersonInput = z.input<typeof personInput>;

const relation = z.enum(simfoniCodes('perpetratorRelation'));

export const intakeInput = z
  .object({
    /** Idempotency key: a retried registration never makes a second case. */
    requestId: id.optional(),
    draftId: id.optional(),
    serviceCode: z.enum(serviceCodes),
    channel: z.enum(channels.values),
    riskLevel: z.enum(riskLevels.values).default('low'),
    reporterIsVictim: z.boolean().default(false),
    reporter: personInput.extend({ relation: relation.optional() }).optional(),
    victims: z.array(personInput).max(20).default([]),
    perpetrators: z.array(personInput.extend({ relation: relation.optional() })).max(20).default([]),
    incident: z
      .object({
        date: isoDate.optional(),
        place: z.enum(simfoniCodes('place')).optional(),
        region: regionCode,
        rt: rtRw,
        rw: rtRw,
        address: optText(300),
      })
      .default({ region: '', rt: '', rw: '', address: '' }),
    violenceTypes: z.array(z.enum(simfoniCodes('violenceTypes'))).max(7).default([]),
    chronology: optText(20_000),
    needs: z.array(z.enum(simfoniCodes('services'))).max(8).default([]),
    consent: z
      .object({
        givenBy: z.enum(consentGivers.values),
        name: z.string().trim().min(1, 'Nama pemberi persetujuan wajib diisi').max(120),
        date: isoDate,
        note: optText(500),
      })
      .optional(),
  })
  .strict();
export type IntakeInput = z.input<typeof intakeInput>;

export interface PersonView {
  personId: string;
  role: string;
  relation: string | null;
  companionOf: string | null;
  companionType: string | null;
  fullName: string;
  nik: string | null;
  kkNo: string | null;
  phone: string | null;
  birthPlace: string | null;
  birthDate: string | null;
  sex: string | null;
  region: string | null;
  regionName: string | null;
  rt: string | null;
  rw: string | null;
  address: string | null;
  occupation: string | null;
  disability: boolean;
  disabilityNote: string | null;
  age: number | null;
  isChild: boolean;
  /** NIK checks: decoded facts that disagree with what was typed (warnings, not refusals). */
  warnings: string[];
}

export interface StepView {
  code: string;
  label: string;
  description: string;
  actor: string;
  actorTitle: string;
  approval: boolean;
  optional: boolean;
  crisis: boolean;
  status: 'pending' | 'submitted' | 'done' | 'skipped';
  outcome: string | null;
  data: Record<string, unknown> | null;
  note: string | null;
  completedAt: string | null;
  completedBy: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  /** Can be worked on now; otherwise `blockedBy` says why. */
  open: boolean;
  blockedBy: string[];
  /** Outcomes still allowed while UU TPKS blocks the step: declining the mediation (closes the case). */
  declineOutcomes: string[];
  /** Whether the caller's role may act on it. */
  mayAct: boolean;
  pendingApproval: { id: string; requestedBy: string; requestedAt: string; payloadHash: string } | null;
  lastRejection: { comment: string; by: string; at: string } | null;
  /** The head who approved the submission that completed this step. */
  approved: { by: string; at: string } | null;
}

export interface CaseItemView {
  id: string;
  kind: string;
  seq: number;
  data: Record<string, unknown>;
  status: string | null;
  dueAt: string | null;
  version: number;
}

export interface DeadlineView {
  code: string;
  label: string;
  dueAt: string | null;
  metAt: string | null;
  overdue: boolean;
  /** "2 hari kerja lagi", "lewat 3 jam", "menunggu persyaratan lengkap" */
  describe: string;
}

export interface CaseDetail {
  id: string;
  registerNo: string;
  serviceCode: string;
  serviceName: string;
  standardVersion: number;
  standard: ServiceDefinition;
  status: string;
  closure: CaseClosure | null;
  closedAt: string | null;
  closureNote: string | null;
  channel: string;
  riskLevel: string;
  incident: { date: string | null; place: string | null; region: string | null; regionName: string | null; rt: string | null; rw: string | null; address: string | null };
  violenceTypes: string[];
  needs: string[];
  consent: { givenBy: string; name: string; date: string; note: string } | null;
  chronology: string;
  assignedTo: { id: string; fullName: string } | null;
  persons: PersonView[];
  requirements: { code: string; label: string; optional: boolean; status: string; note: string | null; checkedAt: string | null; checkedBy: string | null }[];
  steps: StepView[];
  deadlines: DeadlineView[];
  items: CaseItemView[];
  history: { at: string; username: string | null; action: string; detail: string | null }[];
  version: number;
  createdAt: string;
  createdBy: string | null;
}

export interface CaseListRow {
  id: string;
  registerNo: string;
  serviceCode: string;
  status: string;
  closure: string | null;
  riskLevel: string;
  /** Masked ("S*** R*****") unless revealed through cases.revealName. */
  victimNames: { personId: string; masked: string }[];
  currentStep: string | null;
  dueAt: string | null;
  overdue: boolean;
  assignedTo: string | null;
  createdAt: string;
}

export interface CaseListResult {
  rows: CaseListRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface DuplicateCandidate {
  personId: string;
  fullName: string;
  nik: string | null;
  birthDate: string | null;
  reason: 'same_nik' | 'similar_name_same_birth_date';
  score: number;
  cases: { id: string; registerNo: string; serviceCode: string; status: string; role: string; createdAt: string }[];
}

export interface ApprovalView {
  id: string;
  caseId: string;
  registerNo: string;
  serviceCode: string;
  stepCode: string;
  stepLabel: string;
  requestedBy: string;
  requestedAt: string;
  payload: Record<string, unknown>;
  payloadHash: string;
  status: string;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
  /** The caller asked for it: they may not decide it. */
  mine: boolean;
}

export interface DashboardView {
  openCases: number;
  byService: { serviceCode: string; open: number }[];
  overdue: CaseListRow[];
  dueSoon: CaseListRow[];
  pendingApprovals: number;
  monitoringDue: { caseId: string; registerNo: string; itemId: string; dueAt: string }[];
  drafts: { id: string; updatedAt: string; summary: string; serviceCode: string | null; incidentDate: string | null }[];
}

export interface ServiceView {
  code: string;
  enabled: boolean;
  standardId: string;
  versionNo: number;
  definition: ServiceDefinition;
  version: number;
}

export interface InstitutionView {
  id: string;
  name: string;
  kind: string;
  address: string;
  phone: string;
  contactPerson: string;
  active: boolean;
  version: number;
}

export interface HolidayView {
  date: string;
  name: string;
  kind: string;
  version: number;
}

const caseRef = { caseId: id, caseVersion: version };
const stepData = z.record(z.string().max(64), z.unknown()).default({});

const itemData = {
  mediation_session: z
    .object({
      date: z.string().min(1, 'Tanggal wajib diisi').max(40),
      place: z.string().trim().min(1, 'Tempat wajib diisi').max(300),
      attendees: z.string().trim().min(1, 'Yang hadir wajib diisi').max(2000),
      outcome: z.string().trim().max(4000).default(''),
    })
    .strict(),
  agreement_point: z
    .object({
      text: z.string().trim().min(1, 'Isi butir kesepakatan wajib diisi').max(2000),
      responsible: z.string().trim().max(200).default(''),
      dueDate: isoDate.optional(),
    })
    .strict(),
  monitoring_visit: z
    .object({
      plannedDate: isoDate,
      doneDate: isoDate.optional(),
      result: z.string().trim().max(4000).default(''),
    })
    .strict(),
  referral: z
    .object({
      institutionId: id,
      reason: z.string().trim().min(1, 'Alasan rujukan wajib diisi').max(2000),
      sentDate: isoDate.optional(),
      note: z.string().trim().max(2000).default(''),
    })
    .strict(),
};
export const itemDataSchemas = itemData;
export const itemStatuses = {
  mediation_session: null,
  agreement_point: agreementStatuses.values,
  monitoring_visit: ['planned', 'done', 'missed'] as const,
  referral: referralStatuses.values,
} as const;

const itemKind = z.enum(['mediation_session', 'agreement_point', 'monitoring_visit', 'referral']);

const deskInterval = z.object({ open: z.string().regex(/^\d{2}:\d{2}$/), close: z.string().regex(/^\d{2}:\d{2}$/) });

export const casesContract = {
  'services.list': method<ServiceView[]>()({
    input: z.object({}).strict(),
    access: 'session',
    audit: 'none',
    summary: 'The services the office can run, with the current version of each standard.',
  }),
  'services.update': method<ServiceView>()({
    input: z
      .object({
        code: z.enum(serviceCodes),
        version,
        enabled: z.boolean(),
        skNumber: text(100),
        requirements: z.array(z.object({ code: z.string().max(60), label: z.string().trim().min(1).max(300), optional: z.boolean() })).max(30),
        steps: z
          .array(
            z.object({
              code: z.string().max(60),
              label: z.string().trim().min(1).max(300),
              actor: z.enum(['front_desk', 'case_worker', 'head', 'secretariat', 'admin']),
              actorTitle: z.string().trim().max(200),
              optional: z.boolean(),
            }),
          )
          .max(40),
        deadlines: z.array(z.object({ code: z.string().max(60), amount: z.number().int().min(1).max(10_000), unit: z.enum(['minutes', 'hours', 'days', 'working_days']) })).max(10),
        deskHours: z.record(z.enum(['0', '1', '2', '3', '4', '5', '6']), z.array(deskInterval).max(4)).nullable(),
      })
      .strict(),
    access: 'settings.manage',
    audit: 'change',
    summary: "Adapts a service to the office's own decree (a new version of its standard; open cases keep theirs).",
  }),
  'intake.saveDraft': method<{ id: string; savedAt: string; version: number }>()({
    input: z.object({ id: id.optional(), version: version.optional(), data: z.record(z.string().max(64), z.unknown()) }).strict(),
    access: 'cases.create',
    audit: 'none',
    summary: 'Saves the intake form as it is typed (encrypted, like everything else), so an interruption loses nothing.',
  }),
  'intake.getDraft': method<{ id: string; data: Record<string, unknown>; version: number; updatedAt: string }>()({
    input: z.object({ id }).strict(),
    access: 'cases.create',
    audit: 'read',
    summary: "One of the caller's intake drafts.",
  }),
  'intake.discardDraft': method<Record<string, never>>()({
    input: z.object({ id }).strict(),
    access: 'cases.create',
    audit: 'change',
    summary: 'Discards an intake draft.',
  }),
  'cases.register': method<{ id: string; registerNo: string; version: number }>()({
    input: intakeInput,
    access: 'cases.create',
    audit: 'change',
    summary: 'Registers a case from the intake form and allocates its register number (open it with cases.get).',
  }),
  'cases.get': method<CaseDetail>()({
    input: z.object({ id }).strict(),
    access: 'cases.read',
    audit: 'read',
    summary: 'One case with its persons, requirements, steps, deadlines and history (the read is audited).',
  }),
  'cases.list': method<CaseListResult>()({
    input: z
      .object({
        serviceCode: z.enum(serviceCodes).optional(),
        status: z.enum(caseStatuses.values).optional(),
        overdue: z.boolean().optional(),
        assignedToMe: z.boolean().optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        search: z.string().trim().max(100).optional(),
        ...pagingFields,
      })
      .strict(),
    access: 'cases.read',
    audit: 'read',
    summary: 'Cases matching the filters and full-text search; victim names are masked.',
  }),
  'cases.revealName': method<{ fullName: string }>()({
    input: z.object({ caseId: id, personId: id }).strict(),
    access: 'cases.read',
    audit: 'read',
    summary: "Reveals one masked name in a list (audited).",
  }),
  'cases.update': method<CaseDetail>()({
    input: z
      .object({
        ...caseRef,
        riskLevel: z.enum(riskLevels.values).optional(),
        chronology: text(20_000).optional(),
        violenceTypes: z.array(z.enum(simfoniCodes('violenceTypes'))).max(7).optional(),
        needs: z.array(z.enum(simfoniCodes('services'))).max(8).optional(),
        // Without its intake default: an update that does not name the incident leaves it as it is.
        incident: intakeInput.shape.incident.unwrap().optional(),
        consent: intakeInput.shape.consent,
        assignedTo: id.nullable().optional(),
      })
      .strict(),
    access: 'cases.work',
    audit: 'change',
    summary: "Corrects the case's intake details; names the version it read (a stale one gets CONFLICT).",
  }),
  'cases.close': method<CaseDetail>()({
    input: z
      .object({
        ...caseRef,
        closure: z.enum(['withdrawn', 'referred']),
        reason: z.string().trim().min(1, 'Alasan wajib diisi').max(2000),
      })
      .strict(),
    access: 'cases.work',
    audit: 'change',
    summary: 'Closes a case outside its steps: withdrawn by the reporter, or handed over to another institution (case workers and heads).',
  }),
  'cases.setRequirement': method<CaseDetail>()({
    input: z.object({ ...caseRef, code: z.string().max(60), status: z.enum(requirementStatuses.values), note: optText(500) }).strict(),
    access: 'cases.work',
    audit: 'change',
    summary: 'Ticks a requirement on the checklist; when all are complete the deadlines that wait for them start.',
  }),
  'cases.addPerson': method<CaseDetail>()({
    input: z
      .object({
        ...caseRef,
        role: z.enum(personRoles.values),
        person: personInput,
        relation: relation.optional(),
        companionOf: id.optional(),
        companionType: z.enum(companionTypes.values).optional(),
      })
      .strict(),
    access: 'cases.work',
    audit: 'change',
    summary: 'Adds a person to a case (party, companion, witness, another victim or perpetrator).',
  }),
  'cases.updatePerson': method<CaseDetail>()({
    input: z.object({ ...caseRef, personId: id, person: personInput }).strict(),
    access: 'cases.work',
    audit: 'change',
    summary: "Corrects a person's details.",
  }),
  'steps.complete': method<CaseDetail>()({
    input: z.object({ ...caseRef, step: z.string().max(60), outcome: z.string().max(60).optional(), data: stepData, note: optText(4000) }).strict(),
    access: 'cases.work',
    audit: 'change',
    summary: 'Completes a step (with its outcome and data); a step that needs approval is submitted to a head instead.',
  }),
  'steps.skip': method<CaseDetail>()({
    input: z.object({ ...caseRef, step: z.string().max(60), reason: z.string().trim().min(1, 'Alasan wajib diisi').max(1000) }).strict(),
    access: 'cases.work',
    audit: 'change',
    summary: 'Skips an optional step, with a reason.',
  }),
  'approvals.list': method<ApprovalView[]>()({
    input: z.object({ status: z.enum(['pending', 'approved', 'rejected']).default('pending') }).strict(),
    access: 'cases.approve',
    audit: 'none',
    summary: "The head's approval queue.",
  }),
  'approvals.decide': method<CaseDetail>()({
    input: z
      .object({
        approvalId: id,
        decision: z.enum(['approve', 'reject']),
        comment: z.string().trim().max(2000).default(''),
        /** The hash shown to the head: they approve exactly what they saw. */
        payloadHash: z.string().regex(/^[0-9a-f]{64}$/),
      })
      .strict()
      .refine((v) => v.decision === 'approve' || v.comment.length > 0, { message: 'Alasan penolakan wajib diisi', path: ['comment'] }),
    access: 'cases.approve',
    audit: 'change',
    summary: 'Approves or rejects a submitted step; nobody decides their own request.',
  }),
  'items.save': method<CaseDetail>()({
    input: z
      .object({
        ...caseRef,
        kind: itemKind,
        itemId: id.optional(),
        data: z.record(z.string().max(64), z.unknown()),
        status: z.string().max(40).optional(),
      })
      .strict(),
    access: 'cases.work',
    audit: 'change',
    summary: 'Adds or edits a mediation session, agreement point, monitoring visit or referral.',
  }),
  'items.remove': method<CaseDetail>()({
    input: z.object({ ...caseRef, itemId: id, reason: z.string().trim().min(1, 'Alasan wajib diisi').max(500) }).strict(),
    access: 'cases.work',
    audit: 'change',
    summary: 'Removes a case item (kept in history, with the reason).',
  }),
  'persons.findDuplicates': method<DuplicateCandidate[]>()({
    input: z.object({ nik: digits(16, 'NIK'), fullName: optText(120), birthDate: isoDate.optional() }).strict(),
    access: 'cases.create',
    audit: 'read',
    summary: 'People already in the register who may be this person (same NIK, or a close name with the same birth date).',
  }),
  'persons.inspectNik': method<{ valid: boolean; errors: string[]; warnings: string[]; birthDate: string | null; sex: string | null; region: string | null; regionName: string | null }>()({
    input: z
      .object({
        nik: z.string().max(32),
        /** What the form holds, to be compared with what the NIK says (warnings, never a refusal). */
        birthDate: isoDate.optional(),
        sex: z.enum(['P', 'L']).optional(),
      })
      .strict(),
    access: 'session',
    audit: 'none',
    summary: 'Decodes a NIK (birth date, sex, region) to prefill the form, and warns where it disagrees with what was typed.',
  }),
  'regions.list': method<{ code: string; name: string }[]>()({
    input: z.object({ parent: z.string().regex(/^(\d{2}(\.\d{2}(\.\d{2})?)?)?$/).default('') }).strict(),
    access: 'session',
    audit: 'none',
    summary: 'Provinces (no parent), or the regencies, districts or villages under a code.',
  }),
  'dashboard.get': method<DashboardView>()({
    input: z.object({}).strict(),
    access: 'cases.read',
    audit: 'none',
    summary: 'Open cases, overdue and due-soon cases, approvals waiting, monitoring visits due, my drafts.',
  }),
  'institutions.list': method<InstitutionView[]>()({
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    access: 'session',
    audit: 'none',
    summary: 'The institution directory for referrals.',
  }),
  'institutions.save': method<InstitutionView>()({
    input: z
      .object({
        id: id.optional(),
        version: version.optional(),
        name: z.string().trim().min(1, 'Nama lembaga wajib diisi').max(200),
        kind: z.enum(institutionKinds.values),
        address: optText(300),
        phone: optText(40),
        contactPerson: optText(120),
        active: z.boolean().default(true),
      })
      .strict(),
    access: 'settings.manage',
    audit: 'change',
    summary: 'Adds or edits an institution in the directory.',
  }),
  'holidays.list': method<HolidayView[]>()({
    input: z.object({ year: z.number().int().min(2000).max(2100) }).strict(),
    access: 'session',
    audit: 'none',
    summary: "The office's holidays for a year.",
  }),
  'holidays.save': method<HolidayView>()({
    input: z
      .object({
        date: isoDate,
        version: version.optional(),
        name: z.string().trim().min(1, 'Nama hari libur wajib diisi').max(120),
        kind: z.enum(['national', 'cuti_bersama', 'local']),
      })
      .strict(),
    access: 'settings.manage',
    audit: 'change',
    summary: 'Adds or edits a holiday (national holiday, cuti bersama, local day off).',
  }),
  'holidays.remove': method<Record<string, never>>()({
    input: z.object({ date: isoDate, version }).strict(),
    access: 'settings.manage',
    audit: 'change',
    summary: 'Removes a holiday from the table.',
  }),
  'holidays.seed': method<HolidayView[]>()({
    input: z.object({ year: z.number().int().min(2000).max(2100) }).strict(),
    access: 'settings.manage',
    audit: 'change',
    summary: 'Fills a year with the national holidays from the built-in list (existing entries are kept), to be checked against the decree.',
  }),
} as const satisfies Record<string, MethodSpec>;
