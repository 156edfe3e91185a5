import { and, eq } from 'drizzle-orm';
import { ApiError } from '../api/errors';
import { defineHandlers, requireSession, type CallContext } from '../api/handler';
import type { CaseView } from '../api/contract';
import { casePersons, cases, persons } from '../db/schema';
import { allocateNumber } from '../db/sequences';
import { uuidv7 } from '../ids';

function caseView(ctx: CallContext, id: string): CaseView {
  const { db } = ctx.reg.db;
  const c = db.select().from(cases).where(eq(cases.id, id)).get();
  if (!c || c.deletedAt) throw new ApiError('NOT_FOUND', 'Kasus tidak ditemukan.');
  const victims = db
    .select({ id: persons.id, fullName: persons.fullName, nik: persons.nik })
    .from(casePersons)
    .innerJoin(persons, eq(persons.id, casePersons.personId))
    .where(and(eq(casePersons.caseId, id), eq(casePersons.role, 'victim')))
    .all();
  return {
    id: c.id,
    registerNo: c.registerNo,
    serviceCode: c.serviceCode,
    status: c.status,
    channel: c.channel,
    chronology: c.chronology,
    victims,
    version: c.version,
    createdAt: c.createdAt,
  };
}

export const casesHandlers = defineHandlers({
  'cases.register': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { db } = ctx.reg.db;
      const year = ctx.now.getFullYear();
      const seq = allocateNumber(db, 'register', year);
      const registerNo = `REG/${year}/${String(seq).padStart(5, '0')}`;
      const id = uuidv7(ctx.now.getTime());
      const personId = uuidv7(ctx.now.getTime());
      const stamp = { createdAt: ctx.nowIso, updatedAt: ctx.nowIso, createdBy: me.userId, updatedBy: me.userId };
      db.insert(cases)
        .values({ id, registerNo, serviceCode: input.serviceCode, status: 'registered', channel: input.channel, chronology: input.chronology, ...stamp })
        .run();
      db.insert(persons)
        .values({ id: personId, fullName: input.victim.fullName, nik: input.victim.nik || null, phone: input.victim.phone || null, ...stamp })
        .run();
      db.insert(casePersons).values({ caseId: id, personId, role: 'victim' }).run();
      ctx.audit.entityType = 'case';
      ctx.audit.entityId = id;
      ctx.changes.push({ type: 'case.created', id });
      return caseView(ctx, id);
    },
  },
  'cases.get': {
    run(input, ctx) {
      ctx.audit.entityType = 'case';
      ctx.audit.entityId = input.id;
      return caseView(ctx, input.id);
    },
  },
});
