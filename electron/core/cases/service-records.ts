import { and, eq } from 'drizzle-orm';
import type { CallContext } from '../api/handler';
import type { institutionKinds } from '../api/vocab';
import { localDateOf } from '../calendar';
import { casePersons, victimServices } from '../db/schema';
import { updateVersioned } from '../db/versioned';
import { uuidv7 } from '../ids';
import type { ServiceOutcome, SimfoniService } from '../simfoni';
import { readGeneralSettings } from '../settings/general';

/**
 * What a step of the register means in SIMFONI's services, as data: the work the office
 * records anyway (a registration, a referral the institution accepted, a repatriation) is
 * the service given, so nobody types it twice.
 */

/** The SIMFONI service an institution of the directory gives when it takes a referral; null: none of the eight. */
export const SERVICE_OF_INSTITUTION_KIND: Record<(typeof institutionKinds.values)[number], SimfoniService | null> = {
  hospital: 'kesehatan',
  police: 'penegakan_hukum',
  legal_aid: 'bantuan_hukum',
  social: 'rehabilitasi_sosial',
  shelter: 'rehabilitasi_sosial',
  psychology: 'rehabilitasi_sosial',
  religious: 'pendampingan_tokoh_agama',
  education: 'reintegrasi_sosial',
  other: null,
};

/** What a referral's status says about the service: accepted or done is given, refused is not available. */
export const OUTCOME_OF_REFERRAL_STATUS: Record<string, ServiceOutcome | null> = {
  draft: null,
  sent: null,
  received: 'given',
  served: 'given',
  closed: 'given',
  declined: 'unavailable',
};

/**
 * Steps that are a service: when the step is done the service is recorded for every victim,
 * given on the date in `dateField` of the step's data (today when empty). With `requires`,
 * only when that field was filled in (a pemulangan dan mediasi case may be mediation alone).
 */
export const SERVICE_OF_STEP: readonly { serviceCode: string; step: string; service: SimfoniService; dateField?: string; requires?: string[] }[] = [
  {
    serviceCode: 'pemulangan_mediasi',
    step: 'koordinasi_wilayah',
    service: 'pemulangan',
    dateField: 'repatriationDate',
    requires: ['repatriationDate', 'repatriationDestination'],
  },
];

export function officeToday(ctx: CallContext): string {
  return localDateOf(ctx.now, readGeneralSettings(ctx.reg.db.db).timeZone);
}

function victimsOf(ctx: CallContext, caseId: string): string[] {
  return ctx.reg.db.db
    .select({ personId: casePersons.personId })
    .from(casePersons)
    .where(and(eq(casePersons.caseId, caseId), eq(casePersons.role, 'victim')))
    .all()
    .map((r) => r.personId);
}

/**
 * Records an automatic service for each victim, one record per source. A record someone
 * removed stays removed; one still there follows the new outcome (a referral first refused,
 * then accepted).
 */
export function recordServiceForVictims(
  ctx: CallContext,
  caseId: string,
  v: { source: string; service: SimfoniService; givenOn: string; outcome: ServiceOutcome; institutionId?: string | null; note?: string },
): void {
  const { db } = ctx.reg.db;
  const by = ctx.session?.userId ?? null;
  for (const victimId of victimsOf(ctx, caseId)) {
    const existing = db
      .select()
      .from(victimServices)
      .where(and(eq(victimServices.caseId, caseId), eq(victimServices.victimId, victimId), eq(victimServices.source, v.source)))
      .get();
    const provider = { providerKind: v.institutionId ? 'institution' : 'office', institutionId: v.institutionId ?? null };
    if (!existing) {
      db.insert(victimServices)
        .values({
          id: uuidv7(ctx.now.getTime()),
          caseId,
          victimId,
          service: v.service,
          givenOn: v.givenOn,
          ...provider,
          outcome: v.outcome,
          note: v.note ?? null,
          source: v.source,
          createdAt: ctx.nowIso,
          updatedAt: ctx.nowIso,
          createdBy: by,
          updatedBy: by,
        })
        .run();
    } else if (!existing.deletedAt && (existing.outcome !== v.outcome || existing.service !== v.service || existing.institutionId !== provider.institutionId)) {
      updateVersioned(db, victimServices, 'victim_service', existing.id, existing.version, { service: v.service, outcome: v.outcome, givenOn: v.givenOn, ...provider }, by, ctx.nowIso);
    }
  }
}

/** A referral's status changed: the institution's service, when it is one of SIMFONI's. */
export function recordReferralService(ctx: CallContext, caseId: string, item: { id: string; status: string | null; institutionId: string; institutionKind: string }): void {
  const service = SERVICE_OF_INSTITUTION_KIND[item.institutionKind as keyof typeof SERVICE_OF_INSTITUTION_KIND] ?? null;
  const outcome = item.status ? (OUTCOME_OF_REFERRAL_STATUS[item.status] ?? null) : null;
  if (!service || !outcome) return;
  recordServiceForVictims(ctx, caseId, { source: `referral:${item.id}`, service, givenOn: officeToday(ctx), outcome, institutionId: item.institutionId });
}

/** A step was done: the service it is, if the table names one. */
export function recordStepService(ctx: CallContext, caseId: string, serviceCode: string, step: string, data: Record<string, unknown>): void {
  for (const m of SERVICE_OF_STEP) {
    if (m.serviceCode !== serviceCode || m.step !== step) continue;
    const filled = (k: string) => typeof data[k] === 'string' && (data[k] as string).trim() !== '';
    if (m.requires && !m.requires.some(filled)) continue;
    const date = m.dateField && filled(m.dateField) ? (data[m.dateField] as string).slice(0, 10) : officeToday(ctx);
    recordServiceForVictims(ctx, caseId, { source: `step:${step}`, service: m.service, givenOn: date, outcome: 'given' });
  }
}
