import { and, eq } from 'drizzle-orm';
import type { SettingsView } from '../api/contract';
import { defineHandlers, requireSession, type CallContext } from '../api/handler';
import { localDateOf } from '../calendar';
import { sequences, settings } from '../db/schema';
import { changedFields, updateVersioned } from '../db/versioned';
import { readGeneralSettings } from './general';

/** The settings, with the register number the next case will really get (this office year's series). */
function settingsView(ctx: CallContext): SettingsView {
  const { db } = ctx.reg.db;
  const general = readGeneralSettings(db);
  const today = localDateOf(ctx.now, general.timeZone);
  const year = Number(today.slice(0, 4));
  const last = db
    .select({ last: sequences.last })
    .from(sequences)
    .where(and(eq(sequences.series, 'register'), eq(sequences.year, year)))
    .get();
  return { ...general, nextRegister: { seq: (last?.last ?? 0) + 1, year, month: Number(today.slice(5, 7)) } };
}

export const settingsHandlers = defineHandlers({
  'settings.get': {
    run: (_i, ctx) => settingsView(ctx),
  },
  'settings.update': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { db } = ctx.reg.db;
      const before = readGeneralSettings(db);
      const { version, ...values } = input;
      const { version: _v, ...current } = before;
      const next = { ...current, ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) };
      updateVersioned(db, settings, 'settings', 'general', version, { value: next }, me.userId, ctx.nowIso, () => before);
      ctx.audit.entityType = 'settings';
      ctx.audit.entityId = 'general';
      ctx.audit.detail = JSON.stringify({ fields: changedFields(current, next) });
      ctx.changes.push({ type: 'settings.updated' });
      return settingsView(ctx);
    },
  },
});
