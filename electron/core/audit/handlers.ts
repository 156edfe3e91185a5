import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { defineHandlers } from '../api/handler';
import { auditLog } from '../db/schema';
import { verifyAuditChain } from './chain';

export const auditHandlers = defineHandlers({
  'audit.list': {
    run(input, ctx) {
      const where: SQL[] = [];
      if (input.beforeSeq) where.push(lt(auditLog.seq, input.beforeSeq));
      if (input.action) where.push(eq(auditLog.action, input.action));
      if (input.username) where.push(eq(auditLog.username, input.username));
      ctx.audit.detail = JSON.stringify({ filters: Object.keys(input).filter((k) => k !== 'limit') });
      return ctx.reg.db.db
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
    },
  },
  'audit.verify': {
    run: (input, ctx) => verifyAuditChain(ctx.reg.db.sqlite, input.anchor),
  },
});
