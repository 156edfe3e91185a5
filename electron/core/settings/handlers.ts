import { defineHandlers, requireSession } from '../api/handler';
import { settings } from '../db/schema';
import { changedFields, updateVersioned } from '../db/versioned';
import { readGeneralSettings } from './general';

export const settingsHandlers = defineHandlers({
  'settings.get': {
    run: (_i, ctx) => readGeneralSettings(ctx.reg.db.db),
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
      return readGeneralSettings(db);
    },
  },
});
