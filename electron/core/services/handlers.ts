import { asc, eq, max } from 'drizzle-orm';
import { ApiError } from '../api/errors';
import { defineHandlers, requireSession } from '../api/handler';
import type { ServiceView } from '../api/contract-cases';
import type { Db } from '../db/open';
import { offeredServices, serviceStandards } from '../db/schema';
import { updateVersioned } from '../db/versioned';
import { uuidv7 } from '../ids';
import { defaultCatalogue } from './catalogue';
import { serviceCodes, type ServiceDefinition } from './types';

/** Makes sure every catalogue service has a first version and an entry in the office's list. */
export function seedServiceStandards(db: Db, nowIso: string): void {
  for (const code of serviceCodes) {
    if (db.select().from(offeredServices).where(eq(offeredServices.id, code)).get()) continue;
    const id = uuidv7();
    db.insert(serviceStandards).values({ id, code, versionNo: 1, definition: defaultCatalogue[code], createdAt: nowIso }).run();
    db.insert(offeredServices).values({ id: code, enabled: true, standardId: id, createdAt: nowIso, updatedAt: nowIso }).run();
  }
}

export function listServices(db: Db): ServiceView[] {
  const rows = db
    .select({ o: offeredServices, s: serviceStandards })
    .from(offeredServices)
    .innerJoin(serviceStandards, eq(serviceStandards.id, offeredServices.standardId))
    .orderBy(asc(offeredServices.id))
    .all();
  const order = new Map(serviceCodes.map((c, i) => [c as string, i]));
  return rows
    .map(({ o, s }) => ({ code: o.id, enabled: o.enabled, standardId: s.id, versionNo: s.versionNo, definition: s.definition as ServiceDefinition, version: o.version }))
    .sort((a, b) => (order.get(a.code) ?? 99) - (order.get(b.code) ?? 99));
}

export const servicesHandlers = defineHandlers({
  'services.list': {
    run: (_i, ctx) => listServices(ctx.reg.db.db),
  },
  'services.update': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { db } = ctx.reg.db;
      const current = listServices(db).find((s) => s.code === input.code);
      if (!current) throw new ApiError('NOT_FOUND');
      const base = current.definition;
      // The office adapts wording, actors, optionality and time limits; the structure
      // (which steps exist, their outcomes, forms and rules) stays the engine's.
      const sameCodes = (a: { code: string }[], b: { code: string }[]) => a.length === b.length && a.every((x, i) => x.code === b[i]!.code);
      if (!sameCodes(input.steps, base.steps)) throw new ApiError('VALIDATION', 'Urutan dan jenis langkah tidak dapat diubah; ubah nama, pelaksana, atau sifat wajibnya.');
      if (!sameCodes(input.deadlines, base.deadlines)) throw new ApiError('VALIDATION', 'Tenggat tidak dikenal untuk layanan ini.');
      const next: ServiceDefinition = {
        ...base,
        skNumber: input.skNumber,
        requirements: input.requirements.map((r) => ({ ...base.requirements.find((x) => x.code === r.code), code: r.code, label: r.label, optional: r.optional })),
        steps: base.steps.map((s, i) => {
          const e = input.steps[i]!;
          // An approval step stays with a head's decision; a decision step keeps its outcomes.
          return { ...s, label: e.label, actor: e.actor, actorTitle: e.actorTitle, optional: s.outcomes || s.approval ? false : e.optional };
        }),
        deadlines: base.deadlines.map((d, i) => ({ ...d, rule: { amount: input.deadlines[i]!.amount, unit: input.deadlines[i]!.unit } })),
        deskHours: input.deskHours
          ? (Object.fromEntries(Object.entries(input.deskHours).map(([k, v]) => [Number(k), v])) as ServiceDefinition['deskHours'])
          : null,
      };
      let standardId = current.standardId;
      if (JSON.stringify(next) !== JSON.stringify(base)) {
        const last = db.select({ v: max(serviceStandards.versionNo) }).from(serviceStandards).where(eq(serviceStandards.code, input.code)).get();
        standardId = uuidv7(ctx.now.getTime());
        db.insert(serviceStandards).values({ id: standardId, code: input.code, versionNo: (last?.v ?? 0) + 1, definition: next, createdAt: ctx.nowIso, createdBy: me.userId }).run();
      }
      updateVersioned(db, offeredServices, 'offered_service', input.code, input.version, { enabled: input.enabled, standardId }, me.userId, ctx.nowIso);
      ctx.audit.entityType = 'service';
      ctx.audit.entityId = input.code;
      ctx.changes.push({ type: 'services.updated', id: input.code });
      return listServices(db).find((s) => s.code === input.code)!;
    },
  },
});
