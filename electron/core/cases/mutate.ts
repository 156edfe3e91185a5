import type { CallContext } from '../api/handler';
import { dueAt as computeDue } from '../calendar';
import type { OpenDatabase } from '../db/open';
import { cases } from '../db/schema';
import { stmt } from '../db/statements';
import { updateVersioned } from '../db/versioned';
import type { ServiceDefinition } from '../services/types';
import { calendarFor } from './calendar';
import type { CaseRow } from './repository';

/** Every change to a case bumps its version and keeps the previous state in history. */
export function bumpCase(ctx: CallContext, c: CaseRow, changes: Partial<CaseRow> = {}): CaseRow {
  return updateVersioned(ctx.reg.db.db, cases, 'case', c.id, c.version, changes, ctx.session?.userId ?? null, ctx.nowIso);
}

/** Rewrites the case's search row: register number, names, NIKs, phones, chronology. */
export function indexCase({ sqlite }: OpenDatabase, caseId: string): void {
  const c = stmt(sqlite, 'SELECT register_no AS registerNo, chronology, search_rowid AS searchRowid FROM cases WHERE id = ?').get(caseId) as
    | { registerNo: string; chronology: string; searchRowid: number | null }
    | undefined;
  if (!c) return;
  const people = stmt(
    sqlite,
    `SELECT p.full_name AS fullName, p.nik, p.kk_no AS kkNo, p.phone FROM case_persons cp JOIN persons p ON p.id = cp.person_id WHERE cp.case_id = ?`,
  ).all(caseId) as { fullName: string; nik: string | null; kkNo: string | null; phone: string | null }[];
  const values = [
    caseId,
    c.registerNo,
    people.map((p) => p.fullName).join(' | '),
    people.flatMap((p) => [p.nik, p.kkNo]).filter(Boolean).join(' '),
    people.map((p) => p.phone).filter(Boolean).join(' '),
    c.chronology,
  ];
  // The row is found by its rowid, kept on the case: FTS5 cannot look up by case id.
  if (c.searchRowid !== null) {
    stmt(sqlite, 'DELETE FROM case_search WHERE rowid = ?').run(c.searchRowid);
    stmt(sqlite, 'INSERT INTO case_search (rowid, case_id, register_no, names, niks, phones, chronology) VALUES (?, ?, ?, ?, ?, ?, ?)').run(c.searchRowid, ...values);
  } else {
    const { lastInsertRowid } = stmt(sqlite, 'INSERT INTO case_search (case_id, register_no, names, niks, phones, chronology) VALUES (?, ?, ?, ?, ?, ?)').run(...values);
    stmt(sqlite, 'UPDATE cases SET search_rowid = ? WHERE id = ?').run(lastInsertRowid, caseId);
  }
}

/**
 * Brings the case's deadlines up to date: starts the clocks whose event has happened,
 * marks met the ones whose step is done (or the case closed), and keeps `cases.due_at`
 * as the earliest unmet one for lists and the dashboard. Returns that value.
 */
export function refreshDeadlines(ctx: CallContext, c: CaseRow, def: ServiceDefinition): string | null {
  const { sqlite } = ctx.reg.db;
  const rows = stmt(sqlite, 'SELECT code, due_at AS dueAt, met_at AS metAt FROM case_deadlines WHERE case_id = ?').all(c.id) as {
    code: string;
    dueAt: string | null;
    metAt: string | null;
  }[];
  const doneSteps = new Set(
    // `+status`: look the case's steps up by case, never by the (very unselective) status index.
    (stmt(sqlite, "SELECT code FROM case_steps WHERE case_id = ? AND +status = 'done'").all(c.id) as { code: string }[]).map((s) => s.code),
  );
  const closed = c.status === 'closed';
  let earliest: string | null = null;
  for (const d of def.deadlines) {
    const row = rows.find((r) => r.code === d.code);
    let due = row?.dueAt ?? null;
    let met = row?.metAt ?? null;
    if (!due) {
      const start = d.startsAt === 'registration' ? c.createdAt : c.requirementsCompletedAt;
      if (start) due = computeDue(d.rule, new Date(start), calendarFor(ctx.reg.db, def, new Date(start))).toISOString();
    }
    if (!met && (closed || (d.endsAt !== 'closure' && doneSteps.has(d.endsAt.step)))) met = ctx.nowIso;
    if (!row) stmt(sqlite, 'INSERT INTO case_deadlines (case_id, code, label, due_at, met_at) VALUES (?, ?, ?, ?, ?)').run(c.id, d.code, d.label, due, met);
    else if (row.dueAt !== due || row.metAt !== met) {
      stmt(sqlite, 'UPDATE case_deadlines SET due_at = ?, met_at = ? WHERE case_id = ? AND code = ?').run(due, met, c.id, d.code);
    }
    if (due && !met && (!earliest || due < earliest)) earliest = due;
  }
  if (earliest !== c.dueAt) stmt(sqlite, 'UPDATE cases SET due_at = ? WHERE id = ?').run(earliest, c.id);
  return earliest;
}
