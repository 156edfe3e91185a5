import { and, eq, inArray, isNull } from 'drizzle-orm';
import { isChildAt } from '../persons';
import { ApiError } from '../api/errors';
import { defineHandlers, requireSession, type CallContext } from '../api/handler';
import { itemDataSchemas, itemStatuses } from '../api/contract-cases';
import { approvals, caseItems, casePersons, caseRequirements, caseSteps, institutions, persons, users } from '../db/schema';
import { changedFields, updateVersioned } from '../db/versioned';
import { uuidv7 } from '../ids';
import { savePerson } from './intake';
import { bumpCase, indexCase, refreshDeadlines } from './mutate';
import { recordReferralService } from './service-records';
import { assertCaseVersion, caseDetail, loadCaseRow, loadStandard, referenceDate, type CaseRow } from './repository';

/** Loads the case an edit is about and checks the version the caller read. */
export function editing(ctx: CallContext, caseId: string, caseVersion: number, opts: { evenIfClosed?: boolean } = {}): CaseRow {
  const c = loadCaseRow(ctx.reg.db.db, caseId);
  assertCaseVersion(ctx, c, caseVersion);
  if (c.status === 'closed' && !opts.evenIfClosed) throw new ApiError('VALIDATION', 'Kasus sudah ditutup dan tidak dapat diubah.');
  ctx.audit.entityType = 'case';
  ctx.audit.entityId = c.id;
  ctx.changes.push({ type: 'case.updated', id: c.id });
  return c;
}

export const caseEditHandlers = defineHandlers({
  'cases.update': {
    run(input, ctx) {
      const c = editing(ctx, input.caseId, input.caseVersion);
      const changes: Partial<CaseRow> = {};
      if (input.riskLevel !== undefined) changes.riskLevel = input.riskLevel;
      if (input.chronology !== undefined) changes.chronology = input.chronology;
      if (input.violenceTypes !== undefined) changes.violenceTypes = input.violenceTypes;
      if (input.needs !== undefined) changes.needs = input.needs;
      if (input.consent !== undefined) changes.consent = input.consent;
      if (input.incident) {
        changes.incidentDate = input.incident.date ?? null;
        changes.incidentPlace = input.incident.place ?? null;
        changes.incidentRegion = input.incident.region || null;
        changes.incidentRt = input.incident.rt || null;
        changes.incidentRw = input.incident.rw || null;
        changes.incidentAddress = input.incident.address || null;
      }
      if (input.assignedTo !== undefined) {
        if (input.assignedTo) {
          const u = ctx.reg.db.db.select().from(users).where(eq(users.id, input.assignedTo)).get();
          if (!u || !u.active) throw new ApiError('VALIDATION', 'Petugas yang dipilih tidak aktif.', { fields: { assignedTo: 'Petugas tidak aktif' } });
        }
        changes.assignedTo = input.assignedTo;
      }
      const after = bumpCase(ctx, c, changes);
      if (changes.chronology !== undefined) indexCase(ctx.reg.db, c.id);
      ctx.audit.detail = JSON.stringify({ fields: changedFields(c, after).filter((f) => !['version', 'updatedAt', 'updatedBy'].includes(f)) });
      return caseDetail(ctx, c.id);
    },
  },

  'cases.close': {
    run(input, ctx) {
      const me = requireSession(ctx);
      if (me.role !== 'head' && me.role !== 'case_worker') {
        throw new ApiError('FORBIDDEN', 'Kasus hanya dapat ditutup di luar langkahnya oleh pendamping atau kepala.');
      }
      const { db } = ctx.reg.db;
      const c = editing(ctx, input.caseId, input.caseVersion);
      const { def } = loadStandard(ctx.reg.db.sqlite, c.standardId);
      db.update(caseSteps)
        .set({ status: 'skipped', note: `Tidak dilaksanakan: ${input.closure === 'withdrawn' ? 'dicabut pelapor' : 'dirujuk ke lembaga lain'}`, updatedAt: ctx.nowIso })
        .where(and(eq(caseSteps.caseId, c.id), inArray(caseSteps.status, ['pending', 'submitted'])))
        .run();
      db.update(approvals).set({ status: 'rejected', decidedBy: me.userId, decidedAt: ctx.nowIso, comment: 'Kasus ditutup' }).where(and(eq(approvals.caseId, c.id), eq(approvals.status, 'pending'))).run();
      const after = bumpCase(ctx, c, { status: 'closed', closure: input.closure, closedAt: ctx.nowIso, closureNote: input.reason });
      refreshDeadlines(ctx, after, def);
      ctx.audit.detail = JSON.stringify({ closure: input.closure });
      return caseDetail(ctx, c.id);
    },
  },

  'cases.setRequirement': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { db } = ctx.reg.db;
      const c = editing(ctx, input.caseId, input.caseVersion);
      const { def } = loadStandard(ctx.reg.db.sqlite, c.standardId);
      const r = def.requirements.find((x) => x.code === input.code);
      if (!r) throw new ApiError('NOT_FOUND', 'Persyaratan tidak ada pada standar layanan kasus ini.');
      if (input.status === 'not_applicable' && !r.optional) {
        throw new ApiError('VALIDATION', `"${r.label}" wajib menurut standar layanan.`, { fields: { status: 'Persyaratan ini wajib' } });
      }
      db.update(caseRequirements)
        .set({ status: input.status, note: input.note || null, checkedAt: ctx.nowIso, checkedBy: me.userId })
        .where(and(eq(caseRequirements.caseId, c.id), eq(caseRequirements.code, r.code)))
        .run();
      const rows = db.select().from(caseRequirements).where(eq(caseRequirements.caseId, c.id)).all();
      const complete = def.requirements.every((x) => x.optional || rows.some((y) => y.code === x.code && (y.status === 'complete' || y.status === 'not_applicable')));
      // The clock that waits for complete requirements starts once, at the first time they are complete.
      const after = bumpCase(ctx, c, complete && !c.requirementsCompletedAt ? { requirementsCompletedAt: ctx.nowIso } : {});
      refreshDeadlines(ctx, after, def);
      ctx.audit.detail = JSON.stringify({ requirement: r.code, status: input.status });
      return caseDetail(ctx, c.id);
    },
  },

  'cases.addPerson': {
    run(input, ctx) {
      const { db } = ctx.reg.db;
      const c = editing(ctx, input.caseId, input.caseVersion);
      if (input.role === 'companion') {
        if (!input.companionOf || !input.companionType) {
          throw new ApiError('VALIDATION', undefined, { fields: { companionOf: 'Pilih siapa yang didampingi dan jenis pendampingnya' } });
        }
        const target = db.select().from(casePersons).where(and(eq(casePersons.caseId, c.id), eq(casePersons.personId, input.companionOf))).get();
        if (!target) throw new ApiError('VALIDATION', undefined, { fields: { companionOf: 'Orang yang didampingi tidak ada pada kasus ini' } });
      }
      if (input.role === 'victim' && input.person.birthDate) {
        const ref = referenceDate(c);
        const child = input.person.birthDate <= ref && isChildAt(input.person.birthDate, ref);
        const consent = c.consent as { givenBy?: string } | null;
        if (child && consent?.givenBy !== 'parent' && consent?.givenBy !== 'guardian') {
          throw new ApiError('VALIDATION', 'Korban ini masih anak: catat dahulu persetujuan orang tua atau wali (UU PDP Pasal 25).', {
            fields: { 'person.birthDate': 'Korban anak memerlukan persetujuan orang tua atau wali' },
          });
        }
      }
      const personId = savePerson(ctx, input.person);
      const exists = db
        .select()
        .from(casePersons)
        .where(and(eq(casePersons.caseId, c.id), eq(casePersons.personId, personId), eq(casePersons.role, input.role)))
        .get();
      if (exists) throw new ApiError('VALIDATION', 'Orang ini sudah tercatat dengan peran yang sama pada kasus ini.');
      db.insert(casePersons)
        .values({
          caseId: c.id,
          personId,
          role: input.role,
          relation: input.relation ?? null,
          companionOf: input.role === 'companion' ? (input.companionOf ?? null) : null,
          companionType: input.role === 'companion' ? (input.companionType ?? null) : null,
        })
        .run();
      bumpCase(ctx, c);
      indexCase(ctx.reg.db, c.id);
      ctx.audit.detail = JSON.stringify({ addedPerson: personId, role: input.role });
      return caseDetail(ctx, c.id);
    },
  },

  'cases.updatePerson': {
    run(input, ctx) {
      const { db } = ctx.reg.db;
      const c = editing(ctx, input.caseId, input.caseVersion);
      const link = db.select().from(casePersons).where(and(eq(casePersons.caseId, c.id), eq(casePersons.personId, input.personId))).get();
      if (!link) throw new ApiError('NOT_FOUND', 'Orang ini tidak ada pada kasus ini.');
      const before = db.select().from(persons).where(eq(persons.id, input.personId)).get()!;
      savePerson(ctx, { ...input.person, existingPersonId: input.personId }, 'replace');
      const after = db.select().from(persons).where(eq(persons.id, input.personId)).get()!;
      bumpCase(ctx, c);
      indexCase(ctx.reg.db, c.id);
      ctx.audit.detail = JSON.stringify({ person: input.personId, fields: changedFields(before, after).filter((f) => !['version', 'updatedAt', 'updatedBy', 'nameKey'].includes(f)) });
      return caseDetail(ctx, c.id);
    },
  },

  'items.save': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { db } = ctx.reg.db;
      // Referrals are followed up after a case closes (the institution reports back).
      const c = editing(ctx, input.caseId, input.caseVersion, { evenIfClosed: input.kind === 'referral' });
      const parsed = itemDataSchemas[input.kind].safeParse(input.data);
      if (!parsed.success) {
        const fields: Record<string, string> = {};
        for (const i of parsed.error.issues) fields[`data.${i.path.join('.')}`] ??= i.message;
        throw new ApiError('VALIDATION', undefined, { fields });
      }
      const allowed = itemStatuses[input.kind] as readonly string[] | null;
      if (input.status !== undefined && (!allowed || !allowed.includes(input.status))) {
        throw new ApiError('VALIDATION', 'Status tidak dikenal untuk catatan ini.', { fields: { status: 'Status tidak dikenal' } });
      }
      const data = parsed.data as Record<string, unknown>;
      const inst = input.kind === 'referral' ? db.select().from(institutions).where(eq(institutions.id, data.institutionId as string)).get() : undefined;
      if (input.kind === 'referral' && (!inst || !inst.active)) {
        throw new ApiError('VALIDATION', undefined, { fields: { 'data.institutionId': 'Lembaga tidak ada di direktori' } });
      }
      const dueAt = input.kind === 'monitoring_visit' ? `${data.plannedDate as string}T00:00:00.000Z` : null;
      let itemId = input.itemId;
      if (itemId) {
        const item = db.select().from(caseItems).where(and(eq(caseItems.id, itemId), eq(caseItems.caseId, c.id), isNull(caseItems.deletedAt))).get();
        if (!item || item.kind !== input.kind) throw new ApiError('NOT_FOUND', 'Catatan tidak ditemukan pada kasus ini.');
        updateVersioned(db, caseItems, 'case_item', item.id, item.version, { data, status: input.status ?? item.status, dueAt: dueAt ?? item.dueAt }, me.userId, ctx.nowIso);
      } else {
        const last = db.select({ seq: caseItems.seq }).from(caseItems).where(and(eq(caseItems.caseId, c.id), eq(caseItems.kind, input.kind))).all();
        itemId = uuidv7(ctx.now.getTime());
        const defaults: Record<string, string | null> = { agreement_point: 'open', monitoring_visit: 'planned', referral: 'draft', mediation_session: null };
        db.insert(caseItems)
          .values({
            id: itemId,
            caseId: c.id,
            kind: input.kind,
            seq: last.reduce((m, x) => Math.max(m, x.seq), 0) + 1,
            data,
            status: input.status ?? defaults[input.kind] ?? null,
            dueAt,
            createdAt: ctx.nowIso,
            updatedAt: ctx.nowIso,
            createdBy: me.userId,
            updatedBy: me.userId,
          })
          .run();
      }
      if (inst) {
        const status = db.select({ status: caseItems.status }).from(caseItems).where(eq(caseItems.id, itemId)).get()?.status ?? null;
        recordReferralService(ctx, c.id, { id: itemId, status, institutionId: inst.id, institutionKind: inst.kind });
      }
      bumpCase(ctx, c);
      ctx.audit.detail = JSON.stringify({ item: itemId, kind: input.kind, status: input.status ?? null });
      return caseDetail(ctx, c.id);
    },
  },

  'items.remove': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { db } = ctx.reg.db;
      const c = editing(ctx, input.caseId, input.caseVersion);
      const item = db.select().from(caseItems).where(and(eq(caseItems.id, input.itemId), eq(caseItems.caseId, c.id), isNull(caseItems.deletedAt))).get();
      if (!item) throw new ApiError('NOT_FOUND', 'Catatan tidak ditemukan pada kasus ini.');
      updateVersioned(db, caseItems, 'case_item', item.id, item.version, { deletedAt: ctx.nowIso, data: { ...item.data, removedReason: input.reason } }, me.userId, ctx.nowIso);
      bumpCase(ctx, c);
      ctx.audit.detail = JSON.stringify({ item: item.id, kind: item.kind, removed: true });
      return caseDetail(ctx, c.id);
    },
  },
});
