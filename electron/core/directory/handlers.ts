import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { ApiError } from '../api/errors';
import { defineHandlers, requireSession } from '../api/handler';
import type { HolidayView, InstitutionView } from '../api/contract-cases';
import { seedHolidays } from '../calendar';
import type { Db } from '../db/open';
import { history, holidays, institutions } from '../db/schema';
import { updateVersioned } from '../db/versioned';
import { uuidv7 } from '../ids';

const institutionView = (r: typeof institutions.$inferSelect): InstitutionView => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  address: r.address,
  phone: r.phone,
  contactPerson: r.contactPerson,
  active: r.active,
  version: r.version,
});

const holidayView = (r: typeof holidays.$inferSelect): HolidayView => ({ date: r.id, name: r.name, kind: r.kind, version: r.version });

function yearHolidays(db: Db, year: number): HolidayView[] {
  return db
    .select()
    .from(holidays)
    .where(and(gte(holidays.id, `${year}-01-01`), lte(holidays.id, `${year}-12-31`)))
    .orderBy(asc(holidays.id))
    .all()
    .map(holidayView);
}

/** Adds the built-in national holidays of a year, keeping what the office already entered. */
export function seedHolidayYear(db: Db, year: number, nowIso: string, by: string | null): void {
  for (const h of seedHolidays(year)) {
    db.insert(holidays)
      .values({ id: h.date, name: h.name, kind: h.kind, createdAt: nowIso, updatedAt: nowIso, createdBy: by, updatedBy: by })
      .onConflictDoNothing()
      .run();
  }
}

export const directoryHandlers = defineHandlers({
  'institutions.list': {
    run(input, ctx) {
      return ctx.reg.db.db
        .select()
        .from(institutions)
        .where(input.includeInactive ? undefined : eq(institutions.active, true))
        .orderBy(asc(institutions.kind), asc(institutions.name))
        .all()
        .map(institutionView);
    },
  },
  'institutions.save': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { db } = ctx.reg.db;
      const { id, version, ...fields } = input;
      let saved;
      if (id) {
        if (version === undefined) throw new ApiError('VALIDATION', undefined, { fields: { version: 'Versi wajib untuk perubahan' } });
        saved = updateVersioned(db, institutions, 'institution', id, version, fields, me.userId, ctx.nowIso);
      } else {
        const newId = uuidv7(ctx.now.getTime());
        db.insert(institutions).values({ id: newId, ...fields, createdAt: ctx.nowIso, updatedAt: ctx.nowIso, createdBy: me.userId, updatedBy: me.userId }).run();
        saved = db.select().from(institutions).where(eq(institutions.id, newId)).get()!;
      }
      ctx.audit.entityType = 'institution';
      ctx.audit.entityId = saved.id;
      ctx.changes.push({ type: 'institutions.updated', id: saved.id });
      return institutionView(saved);
    },
  },
  'holidays.list': {
    run: (input, ctx) => yearHolidays(ctx.reg.db.db, input.year),
  },
  'holidays.save': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { db } = ctx.reg.db;
      const existing = db.select().from(holidays).where(eq(holidays.id, input.date)).get();
      let saved;
      if (existing) {
        if (input.version === undefined) throw new ApiError('CONFLICT', 'Tanggal ini sudah ada di daftar libur.', { current: holidayView(existing) });
        saved = updateVersioned(db, holidays, 'holiday', input.date, input.version, { name: input.name, kind: input.kind }, me.userId, ctx.nowIso);
      } else {
        db.insert(holidays).values({ id: input.date, name: input.name, kind: input.kind, createdAt: ctx.nowIso, updatedAt: ctx.nowIso, createdBy: me.userId, updatedBy: me.userId }).run();
        saved = db.select().from(holidays).where(eq(holidays.id, input.date)).get()!;
      }
      ctx.audit.entityType = 'holiday';
      ctx.audit.entityId = input.date;
      ctx.changes.push({ type: 'holidays.updated' });
      return holidayView(saved);
    },
  },
  'holidays.remove': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { db } = ctx.reg.db;
      const existing = db.select().from(holidays).where(eq(holidays.id, input.date)).get();
      if (!existing) throw new ApiError('NOT_FOUND', 'Tanggal ini tidak ada di daftar libur.');
      if (existing.version !== input.version) throw new ApiError('CONFLICT', undefined, { current: holidayView(existing) });
      // A removed holiday is a row of the office's table, not a record: keep it in history.
      db.insert(history).values({ id: uuidv7(), entityType: 'holiday', entityId: existing.id, version: existing.version, data: existing, changedAt: ctx.nowIso, changedBy: me.userId }).run();
      db.delete(holidays).where(eq(holidays.id, input.date)).run();
      ctx.audit.entityType = 'holiday';
      ctx.audit.entityId = input.date;
      ctx.changes.push({ type: 'holidays.updated' });
      return {};
    },
  },
  'holidays.seed': {
    run(input, ctx) {
      const me = requireSession(ctx);
      seedHolidayYear(ctx.reg.db.db, input.year, ctx.nowIso, me.userId);
      ctx.audit.entityType = 'holiday';
      ctx.audit.entityId = String(input.year);
      ctx.changes.push({ type: 'holidays.updated' });
      return yearHolidays(ctx.reg.db.db, input.year);
    },
  },
});
