import { and, asc, desc, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import { contract } from '../api/contract';
import { ApiError } from '../api/errors';
import type { CallContext } from '../api/handler';
import type { CaseDetail, CaseItemView, DeadlineView, PersonView, StepView, VictimServiceView } from '../api/contract-cases';
import type { Role } from '../api/roles';
import { describeTimeLeft, localDateOf, timeLeft } from '../calendar';
import type { Db, Sqlite } from '../db/open';
import { standardById } from '../services/standards';
import {
  approvals,
  auditLog,
  caseDeadlines,
  caseItems,
  casePersons,
  caseRelations,
  institutions,
  victimServices,
  caseRequirements,
  cases,
  caseSteps,
  persons,
  users,
} from '../db/schema';
import { ageOn, compareNikWithPerson, isChildAt, parseNik } from '../persons';
import { findRegion } from '../regions';
import type { CaseClosure, ServiceDefinition } from '../services/types';
import { availability, mayAct, type CaseSnapshot, type StepStatus } from '../workflow/engine';
import { calendarFor } from './calendar';

/**
 * The reads a case's history leaves out: every method the contract audits as a read, except
 * revealing a masked name, which the history shows (who saw the victim's name, and when).
 */
const READ_ACTIONS = Object.entries(contract)
  .filter(([name, spec]) => spec.audit === 'read' && name !== 'cases.revealName')
  .map(([name]) => name);

export type CaseRow = typeof cases.$inferSelect;

export function loadCaseRow(db: Db, id: string): CaseRow {
  const c = db.select().from(cases).where(eq(cases.id, id)).get();
  if (!c || c.deletedAt) throw new ApiError('NOT_FOUND', 'Kasus tidak ditemukan.');
  return c;
}

export function loadStandard(sqlite: Sqlite, standardId: string | null): { def: ServiceDefinition; versionNo: number } {
  if (!standardId) throw new ApiError('INTERNAL', 'Kasus ini tidak memiliki standar layanan.');
  return standardById(sqlite, standardId);
}

/** Age and child status on a date; unknown (null, not a child) when the birth date is after it. */
function ageAt(birthDate: string | null, on: string): { age: number | null; isChild: boolean } {
  if (!birthDate || birthDate > on) return { age: null, isChild: false };
  return { age: ageOn(birthDate, on), isChild: isChildAt(birthDate, on) };
}

/** The date a person's age is judged on: the incident, or the registration when unknown. */
export function referenceDate(c: Pick<CaseRow, 'incidentDate' | 'createdAt'>): string {
  return c.incidentDate ?? c.createdAt.slice(0, 10);
}

function personRows(db: Db, caseId: string) {
  return db
    .select({ link: casePersons, p: persons })
    .from(casePersons)
    .innerJoin(persons, eq(persons.id, casePersons.personId))
    .where(eq(casePersons.caseId, caseId))
    .all();
}

export function snapshotOf(db: Db, c: CaseRow, def: ServiceDefinition): CaseSnapshot {
  const ref = referenceDate(c);
  return {
    def,
    status: c.status,
    riskLevel: c.riskLevel as CaseSnapshot['riskLevel'],
    violenceTypes: c.violenceTypes,
    steps: db
      .select({ code: caseSteps.code, status: caseSteps.status, outcome: caseSteps.outcome })
      .from(caseSteps)
      .where(eq(caseSteps.caseId, c.id))
      .all()
      .map((s) => ({ ...s, status: s.status as StepStatus })),
    requirements: db
      .select({ code: caseRequirements.code, status: caseRequirements.status })
      .from(caseRequirements)
      .where(eq(caseRequirements.caseId, c.id))
      .all(),
    persons: personRows(db, c.id).map(({ link, p }) => ({
      personId: p.id,
      role: link.role,
      fullName: p.fullName,
      isChild: ageAt(p.birthDate, ref).isChild,
      disability: p.disability,
      companionOf: link.companionOf,
      companionType: link.companionType,
    })),
    items: db
      .select({ kind: caseItems.kind, status: caseItems.status })
      .from(caseItems)
      .where(and(eq(caseItems.caseId, c.id), isNull(caseItems.deletedAt)))
      .all(),
  };
}

function userNames(db: Db, ids: (string | null | undefined)[]): Map<string, string> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  return new Map(db.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, wanted)).all().map((u) => [u.id, u.fullName]));
}

function regionName(code: string | null): string | null {
  if (!code) return null;
  return findRegion(code)?.name ?? null;
}

/** Everything the case screen shows, for the caller's role. */
export function caseDetail(ctx: CallContext, id: string): CaseDetail {
  const { db } = ctx.reg.db;
  const c = loadCaseRow(db, id);
  const { def, versionNo } = loadStandard(ctx.reg.db.sqlite, c.standardId);
  const snap = snapshotOf(db, c, def);
  const avail = new Map(availability(snap).map((a) => [a.code, a]));
  const stepRows = db.select().from(caseSteps).where(eq(caseSteps.caseId, id)).orderBy(asc(caseSteps.seq)).all();
  const approvalRows = db.select().from(approvals).where(eq(approvals.caseId, id)).orderBy(desc(approvals.requestedAt)).all();
  const reqRows = db.select().from(caseRequirements).where(eq(caseRequirements.caseId, id)).all();
  const people = personRows(db, id);
  const names = userNames(db, [
    c.assignedTo,
    c.createdBy,
    ...stepRows.flatMap((s) => [s.completedBy, s.submittedBy]),
    ...approvalRows.flatMap((a) => [a.requestedBy, a.decidedBy]),
    ...reqRows.map((r) => r.checkedBy),
    c.simfoniEnteredBy,
  ]);
  const role = ctx.session?.role as Role;
  const ref = referenceDate(c);
  const now = ctx.now;
  const cal = calendarFor(ctx.reg.db, def, now);

  const steps: StepView[] = def.steps.map((d) => {
    const row = stepRows.find((s) => s.code === d.code);
    const a = avail.get(d.code);
    const pending = approvalRows.find((x) => x.stepId === row?.id && x.status === 'pending');
    const rejected = approvalRows.find((x) => x.stepId === row?.id && x.status === 'rejected');
    const showRejection = rejected && row?.status === 'pending';
    const approved = row?.status === 'done' ? approvalRows.find((x) => x.stepId === row.id && x.status === 'approved') : undefined;
    return {
      code: d.code,
      label: d.label,
      description: d.description,
      actor: d.actor,
      actorTitle: d.actorTitle,
      approval: !!d.approval,
      optional: !!d.optional,
      crisis: !!d.crisis,
      status: (row?.status ?? 'pending') as StepView['status'],
      outcome: row?.outcome ?? null,
      data: row?.data ?? null,
      note: row?.note ?? null,
      completedAt: row?.completedAt ?? null,
      completedBy: row?.completedBy ? (names.get(row.completedBy) ?? null) : null,
      submittedAt: row?.submittedAt ?? null,
      submittedBy: row?.submittedBy ? (names.get(row.submittedBy) ?? null) : null,
      open: a?.open ?? false,
      blockedBy: a?.blockedBy ?? [],
      declineOutcomes: a?.declineOutcomes ?? [],
      mayAct: role ? mayAct(d, role) : false,
      pendingApproval: pending
        ? { id: pending.id, requestedBy: names.get(pending.requestedBy) ?? '', requestedAt: pending.requestedAt, payloadHash: pending.payloadHash }
        : null,
      lastRejection:
        showRejection && rejected ? { comment: rejected.comment ?? '', by: names.get(rejected.decidedBy ?? '') ?? '', at: rejected.decidedAt ?? '' } : null,
      approved: approved ? { by: names.get(approved.decidedBy ?? '') ?? '', at: approved.decidedAt ?? '' } : null,
    };
  });

  const deadlines: DeadlineView[] = db
    .select()
    .from(caseDeadlines)
    .where(eq(caseDeadlines.caseId, id))
    .all()
    .map((d) => {
      if (!d.dueAt) return { code: d.code, label: d.label, dueAt: null, metAt: d.metAt, overdue: false, describe: 'Menunggu persyaratan lengkap' };
      if (d.metAt) {
        const late = d.metAt > d.dueAt;
        return { code: d.code, label: d.label, dueAt: d.dueAt, metAt: d.metAt, overdue: false, describe: late ? 'Terpenuhi, melewati tenggat' : 'Terpenuhi tepat waktu' };
      }
      const left = timeLeft(new Date(d.dueAt), now, cal);
      return { code: d.code, label: d.label, dueAt: d.dueAt, metAt: null, overdue: left.overdue, describe: describeTimeLeft(left) };
    });

  const personViews: PersonView[] = people.map(({ link, p }) => {
    const warnings: string[] = [];
    if (p.nik) {
      const info = parseNik(p.nik, { today: localDateOf(now, cal.timeZone) });
      warnings.push(...info.warnings, ...compareNikWithPerson(info, { birthDate: p.birthDate, sex: (p.sex as 'P' | 'L' | null) ?? null }));
    }
    return {
      personId: p.id,
      role: link.role,
      relation: link.relation,
      companionOf: link.companionOf,
      companionType: link.companionType,
      fullName: p.fullName,
      nik: p.nik,
      kkNo: p.kkNo,
      phone: p.phone,
      birthPlace: p.birthPlace,
      birthDate: p.birthDate,
      sex: p.sex,
      region: p.region,
      regionName: regionName(p.region),
      rt: p.rt,
      rw: p.rw,
      address: p.address,
      occupation: p.occupation,
      disability: p.disability,
      disabilityNote: p.disabilityNote,
      education: p.education,
      maritalStatus: p.maritalStatus,
      violenceTypes: link.role === 'victim' ? (link.violenceTypes ?? null) : null,
      ...ageAt(p.birthDate, ref),
      warnings,
    };
  });

  const items: CaseItemView[] = db
    .select()
    .from(caseItems)
    .where(and(eq(caseItems.caseId, id), isNull(caseItems.deletedAt)))
    .orderBy(asc(caseItems.kind), asc(caseItems.seq))
    .all()
    .map((i) => ({ id: i.id, kind: i.kind, seq: i.seq, data: i.data, status: i.status, dueAt: i.dueAt, version: i.version }));

  const relations = db
    .select({ victimId: caseRelations.victimId, perpetratorId: caseRelations.perpetratorId, relation: caseRelations.relation })
    .from(caseRelations)
    .where(eq(caseRelations.caseId, id))
    .all();

  const services: VictimServiceView[] = db
    .select({ s: victimServices, institutionName: institutions.name })
    .from(victimServices)
    .leftJoin(institutions, eq(institutions.id, victimServices.institutionId))
    .where(and(eq(victimServices.caseId, id), isNull(victimServices.deletedAt)))
    .orderBy(asc(victimServices.givenOn), asc(victimServices.createdAt))
    .all()
    .map(({ s, institutionName }) => ({
      id: s.id,
      victimId: s.victimId,
      service: s.service,
      givenOn: s.givenOn,
      providerKind: s.providerKind as VictimServiceView['providerKind'],
      institutionId: s.institutionId,
      institutionName: institutionName ?? null,
      outcome: s.outcome,
      note: s.note,
      source: s.source,
      version: s.version,
    }));

  const history = db
    .select({ at: auditLog.at, username: auditLog.username, action: auditLog.action, detail: auditLog.detail })
    .from(auditLog)
    // Reads are left out in SQL, before the limit: a case opened hundreds of times keeps its changes in view.
    .where(and(eq(auditLog.entityType, 'case'), eq(auditLog.entityId, id), eq(auditLog.outcome, 'ok'), notInArray(auditLog.action, READ_ACTIONS)))
    .orderBy(desc(auditLog.seq))
    .limit(200)
    .all();

  return {
    id: c.id,
    registerNo: c.registerNo,
    serviceCode: c.serviceCode,
    serviceName: def.name,
    standardVersion: versionNo,
    standard: def,
    status: c.status,
    closure: c.closure as CaseClosure | null,
    closedAt: c.closedAt,
    closureNote: c.closureNote,
    channel: c.channel,
    riskLevel: c.riskLevel,
    incident: {
      date: c.incidentDate,
      place: c.incidentPlace,
      region: c.incidentRegion,
      regionName: regionName(c.incidentRegion),
      rt: c.incidentRt,
      rw: c.incidentRw,
      address: c.incidentAddress,
    },
    violenceTypes: c.violenceTypes,
    needs: c.needs,
    consent: (c.consent as CaseDetail['consent']) ?? null,
    chronology: c.chronology,
    assignedTo: c.assignedTo ? { id: c.assignedTo, fullName: names.get(c.assignedTo) ?? '' } : null,
    persons: personViews,
    requirements: def.requirements.map((r) => {
      const row = reqRows.find((x) => x.code === r.code);
      return {
        code: r.code,
        label: r.label,
        optional: !!r.optional,
        status: row?.status ?? 'missing',
        note: row?.note ?? null,
        checkedAt: row?.checkedAt ?? null,
        checkedBy: row?.checkedBy ? (names.get(row.checkedBy) ?? null) : null,
      };
    }),
    steps,
    deadlines,
    items,
    relations,
    victimServices: services,
    simfoniEntry: c.simfoniEnteredOn
      ? { enteredOn: c.simfoniEnteredOn, enteredBy: c.simfoniEnteredBy ? (names.get(c.simfoniEnteredBy) ?? null) : null, simfoniNo: c.simfoniNo }
      : null,
    history,
    version: c.version,
    createdAt: c.createdAt,
    createdBy: c.createdBy ? (names.get(c.createdBy) ?? null) : null,
  };
}

/** A stale edit gets CONFLICT with the case as it is now, so the screen can show what changed. */
export function assertCaseVersion(ctx: CallContext, c: CaseRow, expected: number): void {
  if (c.version !== expected) throw new ApiError('CONFLICT', undefined, { current: caseDetail(ctx, c.id) });
}

const graphemes = new Intl.Segmenter('id', { granularity: 'grapheme' });

/**
 * Masks a name for lists: the first letter of each word, the rest hidden (length not
 * revealed). Letters are graphemes, so an emoji or a combined character is kept whole
 * ("Siti 😢🌸" → "S*** 😢***"), never cut into broken halves.
 */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => `${(graphemes.segment(w)[Symbol.iterator]().next().value?.segment ?? '').toLocaleUpperCase('id')}***`)
    .join(' ');
}
