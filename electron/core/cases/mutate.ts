import type { CallContext } from '../api/handler';
import { dueAt as computeDue } from '../calendar';
import type { OpenDatabase } from '../db/open';
import { cases } from '../db/schema';
import { stmt } from '../db/statements';
import { updateVersioned } from '../db/versioned';
import type { ServiceDefinition } from '../services/types';
import { calendarFor } from './calendar';
import { normalizeName } from '../persons';
import type { CaseRow } from './repository';

/** Every change to a case bumps its version and keeps the previous state in history. */
export function bumpCase(ctx: CallContext, c: CaseRow, changes: Partial<CaseRow> = {}): CaseRow {
  return updateVersioned(ctx.reg.db.db, cases, 'case', c.id, c.version, changes, ctx.session?.userId ?? null, ctx.nowIso);
}

/**
 * The names as the search index holds them: as written, and folded as the duplicate check
 * folds them (old spellings, doubled letters, titles), so "siti aminnah" finds "Siti Aminah".
 */
export function searchableNames(fullNames: string[]): string {
  const folded = fullNames.map(normalizeName).filter((n, i) => n && n !== fullNames[i]!.toLowerCase());
  return [...fullNames, ...folded].join(' | ');
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
    searchableNames(people.map((p) => p.fullName)),
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

const FOLD_KEY = 'search-folded-names';

/**
 * Registers made before the search index held folded names get them a batch at a time, in
 * the housekeeping while nobody waits (at lock, or on a host's timer). Never throws.
 */
export function foldSearchIndexBatch(opened: OpenDatabase, nowIso: string, batch = 2000): void {
  try {
    const { sqlite } = opened;
    const row = stmt(sqlite, 'SELECT value FROM settings WHERE key = ?').get(FOLD_KEY) as { value: string } | undefined;
    const state = row ? (JSON.parse(row.value) as { after: number; done: boolean }) : { after: 0, done: false };
    if (state.done) return;
    const ids = stmt(sqlite, 'SELECT id, search_rowid AS r FROM cases WHERE search_rowid > ? ORDER BY search_rowid LIMIT ?').all(state.after, batch) as { id: string; r: number }[];
    sqlite.transaction(() => {
      for (const c of ids) indexCase(opened, c.id);
      const next = { after: ids.at(-1)?.r ?? state.after, done: ids.length < batch };
      stmt(sqlite, `INSERT INTO settings (key, value, created_at, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`).run(FOLD_KEY, JSON.stringify(next), nowIso, nowIso);
    })();
  } catch {
    // tried again at the next lock
  }
}
