import { and, eq, inArray, or } from 'drizzle-orm';
import { ApiError } from '../api/errors';
import { defineHandlers, requireSession, type CallContext } from '../api/handler';
import type { CaseListRow, DashboardView, DuplicateCandidate } from '../api/contract-cases';
import type { Sqlite } from '../db/open';
import { stmt } from '../db/statements';
import { standardById } from '../services/standards';
import { casePersons, cases, persons } from '../db/schema';
import { compareNikWithPerson, isPossibleDuplicate, parseNik } from '../persons';
import { localDateOf } from '../calendar';
import { findRegion, getDistricts, getProvinces, getRegencies, getVillages, regionChain } from '../regions';
import type { ServiceDefinition } from '../services/types';
import { readGeneralSettings } from '../settings/general';
import { myDrafts } from './intake';
import { caseDetail, loadCaseRow, maskName } from './repository';

interface ListFilters {
  serviceCode?: string | undefined;
  status?: string | undefined;
  overdue?: boolean | undefined;
  assignedTo?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  match?: string | undefined;
}

/** Turns what the officer typed into an FTS5 query: every word of 3+ characters must appear. */
export function ftsQuery(search: string): string | null {
  const words = search
    .split(/\s+/)
    .map((w) => w.replace(/"/g, ''))
    .filter((w) => [...w].length >= 3);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"`).join(' AND ');
}

/** Filtered, searched page of cases, newest first; prepared statements per filter combination. */
function listCases(sqlite: Sqlite, f: ListFilters, nowIso: string, page: number, pageSize: number) {
  const where = ['c.deleted_at IS NULL'];
  const params: Record<string, unknown> = {};
  const add = (clause: string, name: string, value: unknown) => {
    where.push(clause);
    params[name] = value;
  };
  if (f.serviceCode) add('c.service_code = @service', 'service', f.serviceCode);
  if (f.status) add('c.status = @status', 'status', f.status);
  if (f.overdue) add("c.status IN ('open', 'monitoring') AND c.due_at < @now", 'now', nowIso);
  if (f.assignedTo) add('c.assigned_to = @me', 'me', f.assignedTo);
  if (f.from) add('c.created_at >= @from', 'from', f.from);
  if (f.to) add('c.created_at < @to', 'to', f.to);
  // A search walks the index newest first (its rowids follow registration order) and stops
  // at the page; other lists are ordered by the registration time.
  let from = 'cases c';
  let order = 'c.created_at DESC, c.id DESC';
  if (f.match) {
    from = 'case_search s JOIN cases c ON c.search_rowid = s.rowid';
    add('case_search MATCH @match', 'match', f.match);
    order = 's.rowid DESC';
  }
  const cond = where.join(' AND ');
  const rows = stmt(
    sqlite,
    `SELECT c.id, c.register_no, c.service_code, c.standard_id, c.status, c.closure, c.risk_level, c.due_at, c.assigned_to, c.created_at
     FROM ${from} WHERE ${cond} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: pageSize, offset: (page - 1) * pageSize }) as {
    id: string;
    register_no: string;
    service_code: string;
    standard_id: string;
    status: string;
    closure: string | null;
    risk_level: string;
    due_at: string | null;
    assigned_to: string | null;
    created_at: string;
  }[];
  // Counting stops past 1,000 (shown as "1.000+"): beyond that the exact figure helps nobody and costs time.
  const total = (stmt(sqlite, `SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${cond} LIMIT 1001)`).get(params) as { n: number }).n;
  return { rows, total };
}

/** A case as lists read it from the table, before masking and decoration. */
export type CaseListSource = ReturnType<typeof listCases>['rows'][number];

/** The rows of any case list (the register's list, the dashboard, a report's drill-down): names masked, current step, overdue. */
export function caseListRows(ctx: CallContext, rows: CaseListSource[]): CaseListRow[] {
  if (rows.length === 0) return [];
  const { sqlite } = ctx.reg.db;
  const ids = rows.map((r) => r.id);
  const marks = ids.map(() => '?').join(',');
  const victims = sqlite
    .prepare(`SELECT cp.case_id, p.id, p.full_name FROM case_persons cp JOIN persons p ON p.id = cp.person_id WHERE cp.role = 'victim' AND cp.case_id IN (${marks})`)
    .all(...ids) as { case_id: string; id: string; full_name: string }[];
  const steps = sqlite
    .prepare(`SELECT case_id, code FROM case_steps WHERE case_id IN (${marks}) AND +status IN ('pending','submitted') ORDER BY seq`)
    .all(...ids) as { case_id: string; code: string }[];
  const defOf = (id: string): ServiceDefinition => standardById(sqlite, id).def;
  const names = new Map((stmt(sqlite, 'SELECT id, full_name FROM users').all() as { id: string; full_name: string }[]).map((u) => [u.id, u.full_name]));
  return rows.map((r) => {
    const def = defOf(r.standard_id);
    const pending = steps.filter((s) => s.case_id === r.id).map((s) => def.steps.find((d) => d.code === s.code)).find((d) => d && !d.optional);
    return {
      id: r.id,
      registerNo: r.register_no,
      serviceCode: r.service_code,
      status: r.status,
      closure: r.closure,
      riskLevel: r.risk_level,
      victimNames: victims.filter((v) => v.case_id === r.id).map((v) => ({ personId: v.id, masked: maskName(v.full_name) })),
      currentStep: r.status === 'closed' ? null : (pending?.label ?? null),
      dueAt: r.status === 'closed' ? null : r.due_at,
      overdue: r.status !== 'closed' && !!r.due_at && r.due_at < ctx.nowIso,
      assignedTo: r.assigned_to ? (names.get(r.assigned_to) ?? null) : null,
      createdAt: r.created_at,
    };
  });
}

/** A local date range [from, to] in the office's zone, as UTC instants. */
function dayStartIso(date: string, tz: string): string {
  const offset = tz === 'Asia/Jayapura' ? '+09:00' : tz === 'Asia/Makassar' ? '+08:00' : '+07:00';
  return new Date(`${date}T00:00:00${offset}`).toISOString();
}

export const findHandlers = defineHandlers({
  'cases.get': {
    run(input, ctx) {
      ctx.audit.entityType = 'case';
      ctx.audit.entityId = input.id;
      return caseDetail(ctx, input.id);
    },
  },

  'cases.list': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { timeZone } = readGeneralSettings(ctx.reg.db.db);
      let match: string | undefined;
      if (input.search) {
        const q = ftsQuery(input.search);
        if (!q) throw new ApiError('VALIDATION', 'Kata pencarian minimal 3 huruf.', { fields: { search: 'Kata pencarian minimal 3 huruf' } });
        match = q;
      }
      const nextDay = input.to ? new Date(new Date(`${input.to}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10) : undefined;
      const { rows, total } = listCases(
        ctx.reg.db.sqlite,
        {
          serviceCode: input.serviceCode,
          status: input.status,
          overdue: input.overdue,
          assignedTo: input.assignedToMe ? me.userId : undefined,
          from: input.from ? dayStartIso(input.from, timeZone) : undefined,
          to: nextDay ? dayStartIso(nextDay, timeZone) : undefined,
          match,
        },
        ctx.nowIso,
        input.page,
        input.pageSize,
      );
      // The audit names the filters used, never the search words (they may be a victim's name).
      ctx.audit.detail = JSON.stringify({ filters: Object.keys(input).filter((k) => k !== 'search' && k !== 'page' && k !== 'pageSize'), searched: !!input.search, results: rows.length });
      return { rows: caseListRows(ctx, rows), total, page: input.page, pageSize: input.pageSize };
    },
  },

  'cases.revealName': {
    run(input, ctx) {
      const { db } = ctx.reg.db;
      loadCaseRow(db, input.caseId);
      const link = db.select().from(casePersons).where(and(eq(casePersons.caseId, input.caseId), eq(casePersons.personId, input.personId))).get();
      if (!link) throw new ApiError('NOT_FOUND', 'Orang ini tidak ada pada kasus ini.');
      const p = db.select({ fullName: persons.fullName }).from(persons).where(eq(persons.id, input.personId)).get()!;
      ctx.audit.entityType = 'case';
      ctx.audit.entityId = input.caseId;
      ctx.audit.detail = JSON.stringify({ revealed: input.personId });
      return { fullName: p.fullName };
    },
  },

  'dashboard.get': {
    run(_input, ctx): DashboardView {
      const me = requireSession(ctx);
      const { sqlite, db } = ctx.reg.db;
      const soon = new Date(ctx.now.getTime() + 24 * 3_600_000).toISOString();
      const byService = stmt(sqlite, "SELECT service_code AS serviceCode, count(*) AS open FROM cases WHERE status IN ('open', 'monitoring') AND deleted_at IS NULL GROUP BY service_code").all() as { serviceCode: string; open: number }[];
      const overdue = listCases(sqlite, { overdue: true }, ctx.nowIso, 1, 20).rows;
      const dueSoonRows = stmt(
        sqlite,
        `SELECT c.id, c.register_no, c.service_code, c.standard_id, c.status, c.closure, c.risk_level, c.due_at, c.assigned_to, c.created_at
         FROM cases c WHERE c.status IN ('open', 'monitoring') AND c.due_at >= @now AND c.due_at < @soon AND c.deleted_at IS NULL ORDER BY c.due_at LIMIT 20`,
      ).all({ now: ctx.nowIso, soon }) as ReturnType<typeof listCases>['rows'];
      // A head's queue: requests they may decide, not their own.
      const pendingApprovals = (stmt(sqlite, "SELECT count(*) AS n FROM approvals WHERE status = 'pending' AND requested_by != ?").get(me.userId) as { n: number }).n;
      const weekAhead = new Date(ctx.now.getTime() + 7 * 86_400_000).toISOString();
      const monitoringDue = stmt(
        sqlite,
        `SELECT i.case_id AS caseId, c.register_no AS registerNo, i.id AS itemId, i.due_at AS dueAt FROM case_items i JOIN cases c ON c.id = i.case_id
         WHERE i.kind = 'monitoring_visit' AND i.status = 'planned' AND i.deleted_at IS NULL AND i.due_at <= @until
           AND c.deleted_at IS NULL AND c.status != 'closed' ORDER BY i.due_at LIMIT 50`,
      ).all({ until: weekAhead }) as DashboardView['monitoringDue'];
      return {
        openCases: byService.reduce((n, s) => n + s.open, 0),
        byService,
        overdue: caseListRows(ctx, overdue),
        dueSoon: caseListRows(ctx, dueSoonRows),
        pendingApprovals: me.role === 'head' ? pendingApprovals : 0,
        monitoringDue,
        drafts: myDrafts(db, me.userId).map((d) => ({
          id: d.id,
          updatedAt: d.updatedAt,
          summary: draftSummary(d.data),
          serviceCode: typeof d.data.serviceCode === 'string' ? d.data.serviceCode : null,
          incidentDate: typeof d.data.incidentDate === 'string' ? d.data.incidentDate : null,
        })),
      };
    },
  },

  'persons.findDuplicates': {
    run(input, ctx): DuplicateCandidate[] {
      const { db } = ctx.reg.db;
      const conds = [];
      if (input.nik) conds.push(eq(persons.nik, input.nik));
      if (input.birthDate && input.fullName) conds.push(eq(persons.birthDate, input.birthDate));
      if (conds.length === 0) return [];
      const found = db.select().from(persons).where(or(...conds)).limit(200).all();
      const candidates = found
        .map((p) => ({ p, check: isPossibleDuplicate({ name: input.fullName, birthDate: input.birthDate ?? null, nik: input.nik || null }, { name: p.fullName, birthDate: p.birthDate, nik: p.nik }) }))
        .filter((x) => x.check.match)
        .sort((a, b) => b.check.score - a.check.score)
        .slice(0, 10);
      if (candidates.length === 0) return [];
      const history = db
        .select({ personId: casePersons.personId, role: casePersons.role, id: cases.id, registerNo: cases.registerNo, serviceCode: cases.serviceCode, status: cases.status, createdAt: cases.createdAt })
        .from(casePersons)
        .innerJoin(cases, eq(cases.id, casePersons.caseId))
        .where(inArray(casePersons.personId, candidates.map((x) => x.p.id)))
        .all();
      return candidates.map(({ p, check }) => ({
        personId: p.id,
        fullName: p.fullName,
        nik: p.nik,
        birthDate: p.birthDate,
        reason: check.reason!,
        score: Math.round(check.score * 100) / 100,
        cases: history.filter((h) => h.personId === p.id).map(({ personId: _p, ...h }) => h),
      }));
    },
  },

  'persons.inspectNik': {
    needsDatabase: false,
    run(input, ctx) {
      const today = localDateOf(ctx.now, readGeneralSettings(ctx.reg.db.db).timeZone);
      const info = parseNik(input.nik, { today });
      const mismatches = info.valid ? compareNikWithPerson(info, { birthDate: input.birthDate ?? null, sex: input.sex ?? null }) : [];
      const chain = info.districtCode ? regionChain(info.districtCode) : [];
      return {
        valid: info.valid,
        errors: info.errors,
        warnings: [...info.warnings, ...mismatches],
        birthDate: info.birthDate,
        sex: info.sex,
        region: info.districtCode,
        regionName: chain.length ? chain.map((r) => r.name).reverse().join(', ') : null,
      };
    },
  },

  'regions.list': {
    needsDatabase: false,
    run(input) {
      const p = input.parent;
      if (!p) return getProvinces();
      if (!findRegion(p)) throw new ApiError('NOT_FOUND', 'Kode wilayah tidak dikenal.');
      const level = p.split('.').length;
      return level === 1 ? getRegencies(p) : level === 2 ? getDistricts(p) : getVillages(p);
    },
  },
});

function draftSummary(data: Record<string, unknown>): string {
  const service = typeof data.serviceCode === 'string' ? data.serviceCode : '';
  const when = typeof data.incidentDate === 'string' ? data.incidentDate : '';
  // Drafts are listed to their owner only; still, no names in the summary.
  return [service, when].filter(Boolean).join(' · ') || 'Draf penerimaan pengaduan';
}

