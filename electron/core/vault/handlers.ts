import { inArray } from 'drizzle-orm';
import { defineHandlers, requireSession } from '../api/handler';
import { users } from '../db/schema';

/** The register's key and the problems found with it, for the administrator. */
export const registerKeyHandlers = defineHandlers({
  'register.acknowledgeProblem': {
    run(input, ctx) {
      requireSession(ctx);
      const problem = ctx.reg.problem();
      ctx.audit.entityType = 'register';
      ctx.audit.detail = JSON.stringify({ kind: problem?.kind ?? null, missingEntries: problem?.missingEntries ?? null, reasonLength: input.reason.length });
      // Cleared once this entry is committed, so the new seal covers it.
      ctx.afterCommit.push(() => ctx.reg.clearProblem());
      ctx.changes.push({ type: 'register.problem' });
      return {};
    },
  },

  'register.changeKey': {
    run(_input, ctx) {
      requireSession(ctx);
      let reissue: string[] = [];
      ctx.audit.entityType = 'register';
      ctx.afterCommit.push(() => {
        reissue = ctx.reg.changeKey().reissue;
      });
      // The list is filled in once the key has changed (after the commit); the result object is read then.
      const result = { reissue: [] as { id: string; username: string; fullName: string }[] };
      ctx.afterCommit.push(() => {
        if (reissue.length === 0) return;
        result.reissue = ctx.reg.db.db
          .select({ id: users.id, username: users.username, fullName: users.fullName })
          .from(users)
          .where(inArray(users.id, reissue))
          .all();
      });
      return result;
    },
  },
});
