import { and, eq, isNull } from 'drizzle-orm';
import { ApiError } from '../api/errors';
import { defineHandlers, requireSession, type CallContext } from '../api/handler';
import { caseRelations, casePersons, institutions, persons, victimServices } from '../db/schema';
import { changedFields, updateVersioned } from '../db/versioned';
import { uuidv7 } from '../ids';
import { editing } from './edit';
import { bumpCase } from './mutate';
import { caseDetail, type CaseRow } from './repository';
import { officeToday } from './service-records';

/** What SIMFONI counts per victim, and the ledger of the case's entry into SIMFONI-PPA. */

function linkOf(ctx: CallContext, caseId: string, personId: string, role: 'victim' | 'perpetrator') {
  const link = ctx.reg.db.db
    .select()
    .from(casePersons)
    .where(and(eq(casePersons.caseId, caseId), eq(casePersons.personId, personId), eq(casePersons.role, role)))
    .get();
  if (!link) throw new ApiError('NOT_FOUND', role === 'victim' ? 'Korban ini tidak ada pada kasus ini.' : 'Pelaku ini tidak ada pada kasus ini.');
  return link;
}

/**
 * The case's forms of violence are the union of its victims' (the workflow's legal guards read
 * them); while a victim's are not recorded, the forms the case already had stay.
 */
export function caseViolenceTypes(ctx: CallContext, c: CaseRow): string[] {
  const victims = ctx.reg.db.db
    .select({ violenceTypes: casePersons.violenceTypes })
    .from(casePersons)
    .where(and(eq(casePersons.caseId, c.id), eq(casePersons.role, 'victim')))
    .all();
  const all = new Set<string>(victims.some((v) => v.violenceTypes === null) ? c.violenceTypes : []);
  for (const v of victims) for (const t of v.violenceTypes ?? []) all.add(t);
  return [...all];
}

export const victimHandlers = defineHandlers({
  'cases.setVictimProfile': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { db } = ctx.reg.db;
      const c = editing(ctx, input.caseId, input.caseVersion);
      linkOf(ctx, c.id, input.victimId, 'victim');
      const before = db.select().from(persons).where(eq(persons.id, input.victimId)).get()!;
      const after = updateVersioned(
        db,
        persons,
        'person',
        before.id,
        before.version,
        {
          education: input.education,
          maritalStatus: input.maritalStatus,
          occupation: input.occupation,
          disability: input.disability,
          disabilityNote: input.disability ? input.disabilityNote || null : null,
        },
        me.userId,
        ctx.nowIso,
      );
      db.update(casePersons)
        .set({ violenceTypes: input.violenceTypes })
        .where(and(eq(casePersons.caseId, c.id), eq(casePersons.personId, input.victimId), eq(casePersons.role, 'victim')))
        .run();
      const relationsChanged: string[] = [];
      for (const r of input.relations) {
        linkOf(ctx, c.id, r.perpetratorId, 'perpetrator');
        const where = and(eq(caseRelations.caseId, c.id), eq(caseRelations.victimId, input.victimId), eq(caseRelations.perpetratorId, r.perpetratorId));
        const old = db.select().from(caseRelations).where(where).get();
        if ((old?.relation ?? null) === r.relation) continue;
        relationsChanged.push(r.perpetratorId);
        if (!r.relation) db.delete(caseRelations).where(where).run();
        else if (old) db.update(caseRelations).set({ relation: r.relation }).where(where).run();
        else db.insert(caseRelations).values({ caseId: c.id, victimId: input.victimId, perpetratorId: r.perpetratorId, relation: r.relation }).run();
      }
      // case_persons and case_relations carry no version: their previous state is the case's, in history.
      bumpCase(ctx, c, { violenceTypes: caseViolenceTypes(ctx, c) });
      ctx.audit.detail = JSON.stringify({
        victim: input.victimId,
        fields: changedFields(before, after).filter((f) => !['version', 'updatedAt', 'updatedBy'].includes(f)),
        relations: relationsChanged,
      });
      return caseDetail(ctx, c.id);
    },
  },

  'victimServices.save': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { db } = ctx.reg.db;
      const c = editing(ctx, input.caseId, input.caseVersion, { evenIfClosed: true });
      linkOf(ctx, c.id, input.victimId, 'victim');
      if (input.providerKind === 'institution') {
        const inst = input.institutionId ? db.select().from(institutions).where(eq(institutions.id, input.institutionId)).get() : undefined;
        if (!inst) throw new ApiError('VALIDATION', undefined, { fields: { institutionId: 'Pilih lembaga dari direktori' } });
      }
      if (input.givenOn > officeToday(ctx)) throw new ApiError('VALIDATION', undefined, { fields: { givenOn: 'Tanggal layanan tidak boleh di masa depan' } });
      const values = {
        victimId: input.victimId,
        service: input.service,
        givenOn: input.givenOn,
        providerKind: input.providerKind,
        institutionId: input.providerKind === 'institution' ? (input.institutionId ?? null) : null,
        outcome: input.outcome,
        note: input.note || null,
      };
      let serviceId = input.serviceId;
      if (serviceId) {
        const row = db
          .select()
          .from(victimServices)
          .where(and(eq(victimServices.id, serviceId), eq(victimServices.caseId, c.id), isNull(victimServices.deletedAt)))
          .get();
        if (!row) throw new ApiError('NOT_FOUND', 'Catatan layanan tidak ditemukan pada kasus ini.');
        const taken = row.victimId !== input.victimId && db.select().from(victimServices).where(and(eq(victimServices.caseId, c.id), eq(victimServices.victimId, input.victimId), eq(victimServices.source, row.source))).get();
        if (taken) throw new ApiError('VALIDATION', 'Korban ini sudah memiliki catatan layanan dari sumber yang sama.');
        updateVersioned(db, victimServices, 'victim_service', row.id, row.version, values, me.userId, ctx.nowIso);
      } else {
        serviceId = uuidv7(ctx.now.getTime());
        db.insert(victimServices)
          .values({ id: serviceId, caseId: c.id, ...values, source: `manual:${serviceId}`, createdAt: ctx.nowIso, updatedAt: ctx.nowIso, createdBy: me.userId, updatedBy: me.userId })
          .run();
      }
      bumpCase(ctx, c);
      ctx.audit.detail = JSON.stringify({ victimService: serviceId, service: input.service, outcome: input.outcome });
      return caseDetail(ctx, c.id);
    },
  },

  'victimServices.remove': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { db } = ctx.reg.db;
      const c = editing(ctx, input.caseId, input.caseVersion, { evenIfClosed: true });
      const row = db
        .select()
        .from(victimServices)
        .where(and(eq(victimServices.id, input.serviceId), eq(victimServices.caseId, c.id), isNull(victimServices.deletedAt)))
        .get();
      if (!row) throw new ApiError('NOT_FOUND', 'Catatan layanan tidak ditemukan pada kasus ini.');
      updateVersioned(db, victimServices, 'victim_service', row.id, row.version, { deletedAt: ctx.nowIso, deletedReason: input.reason }, me.userId, ctx.nowIso);
      bumpCase(ctx, c);
      ctx.audit.detail = JSON.stringify({ victimService: row.id, service: row.service, removed: true });
      return caseDetail(ctx, c.id);
    },
  },

  'cases.setSimfoniEntry': {
    run(input, ctx) {
      const me = requireSession(ctx);
      // Entering a case into SIMFONI often follows its closure.
      const c = editing(ctx, input.caseId, input.caseVersion, { evenIfClosed: true });
      const today = officeToday(ctx);
      if (input.enteredOn && input.enteredOn > today) throw new ApiError('VALIDATION', undefined, { fields: { enteredOn: 'Tanggal tidak boleh di masa depan' } });
      const changes: Partial<CaseRow> = input.entered
        ? {
            simfoniEnteredOn: input.enteredOn ?? c.simfoniEnteredOn ?? today,
            // Who entered it stays who first did; a later correction of the number is the audit trail's.
            simfoniEnteredBy: c.simfoniEnteredOn ? (c.simfoniEnteredBy ?? me.userId) : me.userId,
            simfoniNo: input.simfoniNo || null,
          }
        : { simfoniEnteredOn: null, simfoniEnteredBy: null, simfoniNo: null };
      const after = bumpCase(ctx, c, changes);
      ctx.audit.detail = JSON.stringify({ entered: input.entered, fields: changedFields(c, after).filter((f) => f.startsWith('simfoni')) });
      return caseDetail(ctx, c.id);
    },
  },
});
