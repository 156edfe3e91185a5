import { and, eq, isNull } from 'drizzle-orm';
import type { CallContext } from '../api/handler';
import { dueAt as computeDue } from '../calendar';
import type { OpenDatabase } from '../db/open';
import { caseDeadlines, casePersons, cases, caseSteps, persons } from '../db/schema';
import { updateVersioned } from '../db/versioned';
import type { ServiceDefinition } from '../services/types';
import { calendarFor } from './calendar';
import type { CaseRow } from './repository';

/** Every change to a case bumps its version and keeps the previous state in history. */
export function bumpCase(ctx: CallContext, c: CaseRow, changes: Partial<CaseRow> = {}): CaseRow {
  return updateVersioned(ctx.reg.db.db, cases, 'case', c.id, c.version, changes, ctx.session?.userId ?? null, ctx.nowIso);
}

/** Rewrites the case's search row: register number, names, NIKs, phones, chronology. */
export function indexCase({ db, sqlite }: OpenDatabase, caseId: string): void {
  const c = db.select({ registerNo: cases.registerNo, chronology: cases.chronology }).from(cases).where(eq(cases.id, caseId)).get();
  if (!c) return;
  const people = db
    .select({ fullName: persons.fullName, nik: persons.nik, kkNo: persons.kkNo, phone: persons.phone })
    .from(casePersons)
    .innerJoin(persons, eq(persons.id, casePersons.personId))
    .where(eq(casePersons.caseId, caseId))
    .all();
  sqlite.prepare('DELETE FROM case_search WHERE case_id = ?').run(caseId);
  sqlite
    .prepare('INSERT INTO case_search (case_id, register_no, names, niks, phones, chronology) VALUES (?, ?, ?, ?, ?, ?)')
    .run(
      caseId,
      c.registerNo,
      people.map((p) => p.fullName).join(' | '),
      people.flatMap((p) => [p.nik, p.kkNo]).filter(Boolean).join(' '),
      people.map((p) => p.phone).filter(Boolean).join(' '),
      c.chronology,
    );
}

/**
 * Brings the case's deadlines up to date: starts the clocks whose event has happened,
 * marks met the ones whose step is done (or the case closed), and keeps `cases.due_at`
 * as the earliest unmet one for lists and the dashboard. Returns that value.
 */
export function refreshDeadlines(ctx: CallContext, c: CaseRow, def: ServiceDefinition): string | null {
  const { db } = ctx.reg.db;
  const rows = db.select().from(caseDeadlines).where(eq(caseDeadlines.caseId, c.id)).all();
  const doneSteps = new Set(
    db
      .select({ code: caseSteps.code })
      .from(caseSteps)
      .where(and(eq(caseSteps.caseId, c.id), eq(caseSteps.status, 'done')))
      .all()
      .map((s) => s.code),
  );
  const closed = c.status === 'closed';
  let earliest: string | null = null;
  for (const d of def.deadlines) {
    const row = rows.find((r) => r.code === d.code);
    let due = row?.dueAt ?? null;
    let met = row?.metAt ?? null;
    if (!due) {
      const start = d.startsAt === 'registration' ? c.createdAt : c.requirementsCompletedAt;
      if (start) due = computeDue(d.rule, new Date(start), calendarFor(db, def, new Date(start))).toISOString();
    }
    if (!met && (closed || (d.endsAt !== 'closure' && doneSteps.has(d.endsAt.step)))) met = ctx.nowIso;
    if (!row) db.insert(caseDeadlines).values({ caseId: c.id, code: d.code, label: d.label, dueAt: due, metAt: met }).run();
    else if (row.dueAt !== due || row.metAt !== met) {
      db.update(caseDeadlines).set({ dueAt: due, metAt: met }).where(and(eq(caseDeadlines.caseId, c.id), eq(caseDeadlines.code, d.code))).run();
    }
    if (due && !met && (!earliest || due < earliest)) earliest = due;
  }
  if (earliest !== c.dueAt) {
    db.update(cases).set({ dueAt: earliest }).where(and(eq(cases.id, c.id), isNull(cases.deletedAt))).run();
  }
  return earliest;
}
