import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { ApiError } from '../api/errors';
import { defineHandlers, requireSession, type CallContext } from '../api/handler';
import type { ApprovalView } from '../api/contract-cases';
import type { Role } from '../api/roles';
import { localDateOf } from '../calendar';
import { approvals, caseItems, caseRequirements, cases, caseSteps, users } from '../db/schema';
import { updateVersioned } from '../db/versioned';
import { uuidv7 } from '../ids';
import { bumpCase, refreshDeadlines } from '../cases/mutate';
import { recordStepService } from '../cases/service-records';
import { assertCaseVersion, caseDetail, loadCaseRow, loadStandard, snapshotOf, type CaseRow } from '../cases/repository';
import type { ServiceDefinition, StepDef } from '../services/types';
import { readGeneralSettings } from '../settings/general';
import { availability, barredChoices, closureAfter, guardViolation, mayAct, type CaseSnapshot } from './engine';
import { parseStepData } from './fields';

/** The canonical form of what a head approves; its SHA-256 is stored with the decision. */
export function approvalPayloadHash(caseId: string, stepCode: string, payload: unknown): string {
  return createHash('sha256').update(JSON.stringify([caseId, stepCode, payload])).digest('hex');
}

function stepRow(ctx: CallContext, caseId: string, code: string) {
  const row = ctx.reg.db.db.select().from(caseSteps).where(and(eq(caseSteps.caseId, caseId), eq(caseSteps.code, code))).get();
  if (!row) throw new ApiError('NOT_FOUND', 'Langkah tidak ditemukan pada kasus ini.');
  return row;
}

function stepDef(def: ServiceDefinition, code: string): StepDef {
  const d = def.steps.find((s) => s.code === code);
  if (!d) throw new ApiError('NOT_FOUND', 'Langkah tidak ditemukan pada standar layanan kasus ini.');
  return d;
}

/**
 * Checks order, guards and the caller's role; throws the first reason in plain words.
 * An outcome that declines mediation passes a step that UU TPKS blocks.
 */
function assertCanAct(ctx: CallContext, c: CaseRow, def: ServiceDefinition, d: StepDef, outcome?: string): CaseSnapshot {
  const role = requireSession(ctx).role as Role;
  if (!mayAct(d, role)) {
    throw new ApiError('FORBIDDEN', `Langkah "${d.label}" dikerjakan oleh ${d.actorTitle}.`);
  }
  const snap = snapshotOf(ctx.reg.db.db, c, def);
  const a = availability(snap).find((x) => x.code === d.code);
  if (a && !a.open && !(outcome && a.declineOutcomes.includes(outcome))) {
    throw new ApiError('VALIDATION', a.blockedBy.join(' '), { fields: { step: a.blockedBy[0] ?? '' } });
  }
  return snap;
}

/** Marks a step done and applies what follows: closure, requirements it fulfils, monitoring, deadlines. */
function finishStep(ctx: CallContext, c: CaseRow, def: ServiceDefinition, d: StepDef, v: { outcome: string | null; data: Record<string, unknown>; note: string | null; by: string }): void {
  const { db } = ctx.reg.db;
  const row = stepRow(ctx, c.id, d.code);
  const snapBefore = snapshotOf(db, c, def);
  const reopens = d.outcomes?.find((o) => o.value === v.outcome)?.reopens;
  if (reopens) {
    // "Not yet": the earlier step is worked again, and this decision waits for it.
    const back = stepRow(ctx, c.id, reopens);
    updateVersioned(db, caseSteps, 'case_step', back.id, back.version, { status: 'pending', completedAt: null, completedBy: null }, ctx.session?.userId ?? null, ctx.nowIso);
    updateVersioned(db, caseSteps, 'case_step', row.id, row.version, { status: 'pending', outcome: v.outcome, data: v.data, note: v.note }, ctx.session?.userId ?? null, ctx.nowIso);
    refreshDeadlines(ctx, bumpCase(ctx, c), def);
    return;
  }
  updateVersioned(db, caseSteps, 'case_step', row.id, row.version, { status: 'done', outcome: v.outcome, data: v.data, note: v.note, completedAt: ctx.nowIso, completedBy: v.by }, ctx.session?.userId ?? null, ctx.nowIso);
  recordStepService(ctx, c.id, def.code, d.code, v.data);

  // A step whose product is a requirement (the SK in Pekalongan) fulfils it.
  for (const r of def.requirements) {
    if (typeof r.fulfilledBy === 'object' && r.fulfilledBy.step === d.code) {
      db.update(caseRequirements)
        .set({ status: 'complete', checkedAt: ctx.nowIso, checkedBy: v.by, note: `Dipenuhi oleh langkah: ${d.label}` })
        .where(and(eq(caseRequirements.caseId, c.id), eq(caseRequirements.code, r.code)))
        .run();
    }
  }
  const changes: Partial<CaseRow> = {};
  if (!c.requirementsCompletedAt && requirementsComplete(ctx, c.id, def)) changes.requirementsCompletedAt = ctx.nowIso;

  const closure = closureAfter(snapBefore, d, v.outcome);
  if (closure) {
    changes.status = 'closed';
    changes.closure = closure;
    changes.closedAt = ctx.nowIso;
    // Steps not reached are not applicable any more.
    db.update(caseSteps)
      .set({ status: 'skipped', note: 'Tidak dilaksanakan: kasus ditutup', updatedAt: ctx.nowIso })
      .where(and(eq(caseSteps.caseId, c.id), inArray(caseSteps.status, ['pending'])))
      .run();
  } else if (d.monitoringMonths) {
    changes.status = 'monitoring';
    scheduleMonitoring(ctx, c.id, d.monitoringMonths);
  }
  const after = bumpCase(ctx, c, changes);
  refreshDeadlines(ctx, after, def);
}

function requirementsComplete(ctx: CallContext, caseId: string, def: ServiceDefinition): boolean {
  const rows = ctx.reg.db.db.select().from(caseRequirements).where(eq(caseRequirements.caseId, caseId)).all();
  return def.requirements.every((r) => r.optional || rows.some((x) => x.code === r.code && (x.status === 'complete' || x.status === 'not_applicable')));
}

/** The same day of the month `months` later, or that month's last day (31 January → 28 February). */
function monthsAfter(localDate: string, months: number): string {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/** Monthly monitoring visits after termination (Malang: 3 months), shown as reminders when due. */
function scheduleMonitoring(ctx: CallContext, caseId: string, months: number): void {
  const { db } = ctx.reg.db;
  const me = requireSession(ctx);
  const existing = db.select({ seq: caseItems.seq }).from(caseItems).where(and(eq(caseItems.caseId, caseId), eq(caseItems.kind, 'monitoring_visit'))).all();
  let seq = existing.reduce((m, x) => Math.max(m, x.seq), 0);
  // Counted on the office's calendar: terminated at 06.30 WIB on 31 July is 31 July, not 30.
  const terminatedOn = localDateOf(ctx.now, readGeneralSettings(db).timeZone);
  for (let m = 1; m <= months; m++) {
    const plannedDate = monthsAfter(terminatedOn, m);
    db.insert(caseItems)
      .values({
        id: uuidv7(ctx.now.getTime()),
        caseId,
        kind: 'monitoring_visit',
        seq: ++seq,
        data: { plannedDate, result: '' },
        status: 'planned',
        dueAt: `${plannedDate}T00:00:00.000Z`,
        createdAt: ctx.nowIso,
        updatedAt: ctx.nowIso,
        createdBy: me.userId,
        updatedBy: me.userId,
      })
      .run();
  }
}

export const workflowHandlers = defineHandlers({
  'steps.complete': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { db } = ctx.reg.db;
      const c = loadCaseRow(db, input.caseId);
      assertCaseVersion(ctx, c, input.caseVersion);
      const { def } = loadStandard(ctx.reg.db.sqlite, c.standardId);
      const d = stepDef(def, input.step);
      const snap = assertCanAct(ctx, c, def, d, input.outcome);
      if (d.outcomes?.length && !d.outcomes.some((o) => o.value === input.outcome)) {
        throw new ApiError('VALIDATION', 'Pilih hasil / keputusan langkah ini.', { fields: { outcome: 'Pilih hasil / keputusan langkah ini' } });
      }
      const outcome = d.outcomes?.length ? (input.outcome ?? null) : null;
      const data = parseStepData(d.fields, input.data);
      const barred = barredChoices(d, data, snap);
      if (Object.keys(barred).length) throw new ApiError('VALIDATION', Object.values(barred)[0], { fields: barred });
      ctx.audit.entityType = 'case';
      ctx.audit.entityId = c.id;
      if (d.approval) {
        const row = stepRow(ctx, c.id, d.code);
        const payload = { outcome, data, note: input.note || null };
        const hash = approvalPayloadHash(c.id, d.code, payload);
        db.insert(approvals)
          .values({ id: uuidv7(ctx.now.getTime()), caseId: c.id, stepId: row.id, requestedBy: me.userId, requestedAt: ctx.nowIso, payload, payloadHash: hash, status: 'pending' })
          .run();
        updateVersioned(db, caseSteps, 'case_step', row.id, row.version, { status: 'submitted', outcome, data, note: input.note || null, submittedAt: ctx.nowIso, submittedBy: me.userId }, me.userId, ctx.nowIso);
        bumpCase(ctx, c);
        ctx.audit.detail = JSON.stringify({ step: d.code, submitted: true });
        ctx.changes.push({ type: 'approval.requested', id: c.id });
      } else {
        finishStep(ctx, c, def, d, { outcome, data, note: input.note || null, by: me.userId });
        ctx.audit.detail = JSON.stringify({ step: d.code, outcome });
      }
      ctx.changes.push({ type: 'case.updated', id: c.id });
      return caseDetail(ctx, c.id);
    },
  },

  'steps.skip': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { db } = ctx.reg.db;
      const c = loadCaseRow(db, input.caseId);
      assertCaseVersion(ctx, c, input.caseVersion);
      const { def } = loadStandard(ctx.reg.db.sqlite, c.standardId);
      const d = stepDef(def, input.step);
      if (!d.optional) throw new ApiError('VALIDATION', `Langkah "${d.label}" wajib menurut standar layanan dan tidak dapat dilewati.`);
      if (!mayAct(d, me.role as Role)) throw new ApiError('FORBIDDEN', `Langkah "${d.label}" dikerjakan oleh ${d.actorTitle}.`);
      const row = stepRow(ctx, c.id, d.code);
      if (row.status !== 'pending') throw new ApiError('VALIDATION', 'Langkah ini sudah dikerjakan.');
      updateVersioned(db, caseSteps, 'case_step', row.id, row.version, { status: 'skipped', note: input.reason, completedAt: ctx.nowIso, completedBy: me.userId }, me.userId, ctx.nowIso);
      const after = bumpCase(ctx, c);
      refreshDeadlines(ctx, after, def);
      ctx.audit.entityType = 'case';
      ctx.audit.entityId = c.id;
      ctx.audit.detail = JSON.stringify({ step: d.code, skipped: true });
      ctx.changes.push({ type: 'case.updated', id: c.id });
      return caseDetail(ctx, c.id);
    },
  },

  'approvals.list': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { db } = ctx.reg.db;
      const rows = db
        .select({ a: approvals, registerNo: cases.registerNo, serviceCode: cases.serviceCode, standardId: cases.standardId, stepCode: caseSteps.code })
        .from(approvals)
        .innerJoin(cases, eq(cases.id, approvals.caseId))
        .innerJoin(caseSteps, eq(caseSteps.id, approvals.stepId))
        .where(eq(approvals.status, input.status))
        .orderBy(input.status === 'pending' ? asc(approvals.requestedAt) : desc(approvals.decidedAt))
        .limit(200)
        .all();
      const names = new Map(db.select({ id: users.id, fullName: users.fullName }).from(users).all().map((u) => [u.id, u.fullName]));
      return rows.map(({ a, registerNo, serviceCode, standardId, stepCode }): ApprovalView => {
        const { def } = loadStandard(ctx.reg.db.sqlite, standardId);
        return {
          id: a.id,
          caseId: a.caseId,
          registerNo,
          serviceCode,
          stepCode,
          stepLabel: def.steps.find((s) => s.code === stepCode)?.label ?? stepCode,
          requestedBy: names.get(a.requestedBy) ?? '',
          requestedAt: a.requestedAt,
          payload: a.payload as Record<string, unknown>,
          payloadHash: a.payloadHash,
          status: a.status,
          decidedBy: a.decidedBy ? (names.get(a.decidedBy) ?? null) : null,
          decidedAt: a.decidedAt,
          comment: a.comment,
          mine: a.requestedBy === me.userId,
        };
      });
    },
  },

  'approvals.decide': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { db } = ctx.reg.db;
      const a = db.select().from(approvals).where(eq(approvals.id, input.approvalId)).get();
      if (!a) throw new ApiError('NOT_FOUND', 'Permintaan persetujuan tidak ditemukan.');
      if (a.status !== 'pending') throw new ApiError('CONFLICT', 'Permintaan ini sudah diputuskan.');
      if (a.requestedBy === me.userId) throw new ApiError('SELF_ACTION', 'Anda tidak dapat menyetujui permintaan Anda sendiri.');
      if (a.payloadHash !== input.payloadHash) {
        throw new ApiError('CONFLICT', 'Isi yang diminta berbeda dari yang Anda lihat. Muat ulang lalu periksa kembali.');
      }
      const c = loadCaseRow(db, a.caseId);
      const { def } = loadStandard(ctx.reg.db.sqlite, c.standardId);
      const step = db.select().from(caseSteps).where(eq(caseSteps.id, a.stepId)).get()!;
      const d = stepDef(def, step.code);
      if (input.decision === 'approve') {
        // What has come to light since the request was made (UU TPKS, a missing companion)
        // still holds: such a request can only be rejected.
        const snap = snapshotOf(db, c, def);
        const blocking = (d.guards ?? []).map((g) => guardViolation(g, snap)).filter((v): v is string => v !== null);
        if (blocking.length) throw new ApiError('VALIDATION', blocking.join(' '), { fields: { decision: blocking[0]! } });
      }
      db.update(approvals)
        .set({ status: input.decision === 'approve' ? 'approved' : 'rejected', decidedBy: me.userId, decidedAt: ctx.nowIso, comment: input.comment || null })
        .where(and(eq(approvals.id, a.id), eq(approvals.status, 'pending')))
        .run();
      const payload = a.payload as { outcome: string | null; data: Record<string, unknown>; note: string | null };
      if (input.decision === 'approve') {
        finishStep(ctx, c, def, d, { outcome: payload.outcome, data: payload.data, note: payload.note, by: a.requestedBy });
      } else {
        updateVersioned(db, caseSteps, 'case_step', step.id, step.version, { status: 'pending', submittedAt: null, submittedBy: null }, me.userId, ctx.nowIso);
        bumpCase(ctx, c);
      }
      ctx.audit.entityType = 'case';
      ctx.audit.entityId = c.id;
      ctx.audit.detail = JSON.stringify({ step: d.code, decision: input.decision, approval: a.id, payloadHash: a.payloadHash });
      ctx.changes.push({ type: 'case.updated', id: c.id }, { type: 'approval.decided', id: a.id });
      return caseDetail(ctx, c.id);
    },
  },
});
