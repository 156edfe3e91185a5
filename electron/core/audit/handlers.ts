import { and, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { AuditEntryView } from '../api/contract';
import { defineHandlers } from '../api/handler';
import { localDayRangeUtc } from '../calendar';
import type { Db } from '../db/open';
import { auditLog, cases, documents, users } from '../db/schema';
import { readGeneralSettings } from '../settings/general';
import { documentCatalogue } from '../documents/catalogue';
import type { DocumentTypeCode } from '../documents/types';
import { verifyAuditChain } from './chain';

/**
 * Names each entry's record as a person knows it: a case by its register number, a user by
 * name, a letter by its number (or type while unnumbered). One query per kind, for the page.
 */
function withEntityLabels(db: Db, rows: Omit<AuditEntryView, 'entityLabel'>[]): AuditEntryView[] {
  const idsOf = (type: string) => [...new Set(rows.filter((r) => r.entityType === type && r.entityId).map((r) => r.entityId!))];
  const labels = new Map<string, string>();
  const caseIds = idsOf('case');
  if (caseIds.length) for (const c of db.select({ id: cases.id, registerNo: cases.registerNo }).from(cases).where(inArray(cases.id, caseIds)).all()) labels.set(`case:${c.id}`, c.registerNo);
  const userIds = idsOf('user');
  if (userIds.length)
    for (const u of db.select({ id: users.id, fullName: users.fullName, username: users.username }).from(users).where(inArray(users.id, userIds)).all()) labels.set(`user:${u.id}`, `${u.fullName} (${u.username})`);
  const documentIds = idsOf('document');
  if (documentIds.length)
    for (const d of db.select({ id: documents.id, number: documents.number, type: documents.type }).from(documents).where(inArray(documents.id, documentIds)).all())
      labels.set(`document:${d.id}`, d.number ?? documentCatalogue[d.type as DocumentTypeCode]?.title ?? d.type);
  return rows.map((r) => ({ ...r, entityLabel: r.entityType && r.entityId ? (labels.get(`${r.entityType}:${r.entityId}`) ?? null) : null }));
}

export const auditHandlers = defineHandlers({
  'audit.list': {
    run(input, ctx) {
      const where: SQL[] = [];
      if (input.beforeSeq) where.push(lt(auditLog.seq, input.beforeSeq));
      if (input.action) where.push(eq(auditLog.action, input.action));
      if (input.username) where.push(eq(auditLog.username, input.username));
      const range = localDayRangeUtc({ from: input.from, to: input.to }, readGeneralSettings(ctx.reg.db.db).timeZone);
      if (range.from) where.push(gte(auditLog.at, range.from));
      if (range.to) where.push(lt(auditLog.at, range.to));
      ctx.audit.detail = JSON.stringify({ filters: Object.keys(input).filter((k) => k !== 'limit') });
      const rows = ctx.reg.db.db
        .select({
          seq: auditLog.seq,
          at: auditLog.at,
          username: auditLog.username,
          deviceId: auditLog.deviceId,
          action: auditLog.action,
          outcome: auditLog.outcome,
          entityType: auditLog.entityType,
          entityId: auditLog.entityId,
          detail: auditLog.detail,
        })
        .from(auditLog)
        .where(where.length ? and(...where) : undefined)
        .orderBy(desc(auditLog.seq))
        .limit(input.limit)
        .all();
      return withEntityLabels(ctx.reg.db.db, rows);
    },
  },
  'audit.verify': {
    run: (input, ctx) => verifyAuditChain(ctx.reg.db.sqlite, input.anchor),
  },
});
