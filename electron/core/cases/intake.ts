import { and, desc, eq } from 'drizzle-orm';
import { ApiError } from '../api/errors';
import { defineHandlers, requireSession, type CallContext } from '../api/handler';
import type { PersonInput } from '../api/contract-cases';
import { localDateOf } from '../calendar';
import type { Db, Sqlite } from '../db/open';
import { stmt } from '../db/statements';
import { standardById } from '../services/standards';
import { cases, intakeDrafts, persons } from '../db/schema';
import { allocateNumber } from '../db/sequences';
import { updateVersioned } from '../db/versioned';
import { uuidv7 } from '../ids';
import { isChildAt, nameKey } from '../persons';
import type { ServiceDefinition } from '../services/types';
import { readGeneralSettings } from '../settings/general';
import { indexCase, refreshDeadlines } from './mutate';
import { formatRegisterNo, serviceAbbreviations } from './register-number';
import { loadCaseRow } from './repository';
import { recordServiceForVictims } from './service-records';
import type { z } from 'zod';
import type { intakeInput } from '../api/contract-cases';

type Intake = z.output<typeof intakeInput>;
type Person = z.output<typeof intakeInput>['victims'][number];

function currentStandard(sqlite: Sqlite, code: string): { id: string; def: ServiceDefinition } {
  const offered = stmt(sqlite, 'SELECT enabled, standard_id FROM offered_services WHERE code = ?').get(code) as
    | { enabled: number; standard_id: string }
    | undefined;
  if (!offered || !offered.enabled) {
    throw new ApiError('VALIDATION', 'Layanan ini tidak dijalankan oleh kantor ini.', { fields: { serviceCode: 'Layanan ini tidak aktif' } });
  }
  return { id: offered.standard_id, def: standardById(sqlite, offered.standard_id).def };
}

/**
 * Inserts a person, or links to one already in the register. Linking (at intake) keeps what
 * the register knows where the form left a field empty; editing (`replace`) writes the form
 * as it is, so a field can be cleared on purpose.
 */
export function savePerson(ctx: CallContext, p: PersonInput | Person, mode: 'link' | 'replace' = 'link'): string {
  const { db } = ctx.reg.db;
  const me = requireSession(ctx);
  const values = {
    fullName: p.fullName.trim(),
    nameKey: nameKey(p.fullName),
    nik: p.nik || null,
    kkNo: p.kkNo || null,
    phone: p.phone || null,
    birthPlace: p.birthPlace || null,
    birthDate: p.birthDate ?? null,
    sex: p.sex ?? null,
    region: p.region || null,
    rt: p.rt || null,
    rw: p.rw || null,
    address: p.address || null,
    occupation: p.occupation ?? null,
    disability: p.disability ?? false,
    disabilityNote: p.disabilityNote || null,
    education: p.education ?? null,
    maritalStatus: p.maritalStatus ?? null,
  };
  if (p.existingPersonId) {
    const existing = db.select().from(persons).where(eq(persons.id, p.existingPersonId)).get();
    if (!existing) throw new ApiError('NOT_FOUND', 'Orang yang dipilih tidak ditemukan.');
    const changes =
      mode === 'replace'
        ? values
        : (Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== '' && v !== false)) as Partial<typeof values>);
    if (mode === 'link' && changes.fullName) changes.nameKey = nameKey(changes.fullName);
    updateVersioned(db, persons, 'person', existing.id, existing.version, changes, me.userId, ctx.nowIso);
    return existing.id;
  }
  const id = uuidv7(ctx.now.getTime());
  stmt(
    ctx.reg.db.sqlite,
    `INSERT INTO persons (id, full_name, name_key, nik, kk_no, phone, birth_place, birth_date, sex, region, rt, rw, address, occupation,
       disability, disability_note, education, marital_status, version, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @fullName, @nameKey, @nik, @kkNo, @phone, @birthPlace, @birthDate, @sex, @region, @rt, @rw, @address, @occupation,
       @disability, @disabilityNote, @education, @maritalStatus, 1, @at, @by, @at, @by)`,
  ).run({ id, ...values, disability: values.disability ? 1 : 0, at: ctx.nowIso, by: me.userId });
  return id;
}

function checkIntake(input: Intake, def: ServiceDefinition, today: string): void {
  const fields: Record<string, string> = {};
  if (def.kind === 'case' && input.victims.length === 0 && !input.reporterIsVictim) {
    fields.victims = 'Isi sekurang-kurangnya satu korban';
  }
  if (input.reporterIsVictim && !input.reporter) fields.reporter = 'Isi data pelapor (yang juga korban)';
  if (!def.channels.includes(input.channel)) fields.channel = 'Saluran ini tidak dipakai untuk layanan ini';
  const ref = input.incident.date ?? today;
  if (input.incident.date && input.incident.date > today) fields['incident.date'] = 'Tanggal kejadian tidak boleh di masa depan';
  const victims = input.reporterIsVictim && input.reporter ? [input.reporter, ...input.victims] : input.victims;
  input.victims.forEach((v, i) => {
    if (v.birthDate && v.birthDate > today) fields[`victims.${i}.birthDate`] = 'Tanggal lahir tidak boleh di masa depan';
    else if (v.birthDate && v.birthDate > ref) fields[`victims.${i}.birthDate`] = 'Tanggal lahir sesudah tanggal kejadian';
  });
  // UU PDP art. 25: processing a child's data needs the consent of a parent or guardian.
  if (def.kind === 'case') {
    const child = victims.some((v) => v.birthDate && v.birthDate <= ref && isChildAt(v.birthDate, ref));
    if (!input.consent) fields['consent.givenBy'] = 'Persetujuan pemrosesan data wajib dicatat (UU PDP)';
    else if (child && input.consent.givenBy === 'victim') {
      fields['consent.givenBy'] = 'Korban masih anak: persetujuan harus dari orang tua atau wali (UU PDP Pasal 25)';
    }
  }
  if (Object.keys(fields).length) throw new ApiError('VALIDATION', undefined, { fields });
}

/** Registers a case: one transaction for the number, persons, steps, requirements and deadlines. */
export function registerCase(ctx: CallContext, input: Intake): string {
  const { db } = ctx.reg.db;
  const me = requireSession(ctx);
  const general = readGeneralSettings(db);
  const today = localDateOf(ctx.now, general.timeZone);
  if (input.requestId) {
    const earlier = db.select({ id: cases.id }).from(cases).where(eq(cases.requestId, input.requestId)).get();
    if (earlier) return earlier.id;
  }
  const { sqlite } = ctx.reg.db;
  const { id: standardId, def } = currentStandard(sqlite, input.serviceCode);
  checkIntake(input, def, today);

  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const seq = allocateNumber(db, 'register', year);
  const registerNo = formatRegisterNo(general.registerNoPattern, { seq, year, month, service: serviceAbbreviations[def.code] ?? def.code });
  const id = uuidv7(ctx.now.getTime());
  const stamp = { createdAt: ctx.nowIso, updatedAt: ctx.nowIso, createdBy: me.userId, updatedBy: me.userId };
  db.insert(cases)
    .values({
      id,
      registerNo,
      serviceCode: def.code,
      standardId,
      status: 'open',
      channel: input.channel,
      riskLevel: input.riskLevel,
      incidentDate: input.incident.date ?? null,
      incidentPlace: input.incident.place ?? null,
      incidentRegion: input.incident.region || null,
      incidentRt: input.incident.rt || null,
      incidentRw: input.incident.rw || null,
      incidentAddress: input.incident.address || null,
      // The case's forms are the union of its victims' (each victim's default to the case's).
      violenceTypes: [...new Set([...input.violenceTypes, ...input.victims.flatMap((v) => v.violenceTypes ?? [])])],
      needs: input.needs,
      consent: input.consent ?? null,
      chronology: input.chronology,
      requestId: input.requestId ?? null,
      ...stamp,
    })
    .run();

  const linkStmt = stmt(sqlite, 'INSERT OR IGNORE INTO case_persons (case_id, person_id, role, relation, violence_types) VALUES (?, ?, ?, ?, ?)');
  const link = (personId: string, role: string, relation?: string | null, forms?: string[] | null) =>
    linkStmt.run(id, personId, role, relation ?? null, forms ? JSON.stringify(forms) : null);
  // A victim's forms of violence: their own, else the case's; none given is "not recorded".
  const formsOf = (own?: string[]) => (own?.length ? own : input.violenceTypes.length ? input.violenceTypes : null);
  const victimIds: string[] = [];
  if (input.reporter) {
    const reporterId = savePerson(ctx, input.reporter);
    link(reporterId, 'reporter', input.reporter.relation);
    if (input.reporterIsVictim) {
      link(reporterId, 'victim', null, formsOf());
      victimIds.push(reporterId);
    }
  }
  for (const v of input.victims) {
    const personId = savePerson(ctx, v);
    link(personId, 'victim', null, formsOf(v.violenceTypes));
    victimIds.push(personId);
  }
  const relStmt = stmt(sqlite, 'INSERT OR IGNORE INTO case_relations (case_id, victim_id, perpetrator_id, relation) VALUES (?, ?, ?, ?)');
  for (const p of input.perpetrators) {
    const personId = savePerson(ctx, p);
    link(personId, 'perpetrator', p.relation);
    // With one victim the relation is to her; with several it is set per victim on the case.
    if (p.relation && victimIds.length === 1) relStmt.run(id, victimIds[0], personId, p.relation);
  }
  // Taking the complaint is SIMFONI's first service, given today by this office.
  if (def.kind === 'case') recordServiceForVictims(ctx, id, { source: 'intake', service: 'pengaduan', givenOn: today, outcome: 'given' });

  const stepStmt = stmt(
    sqlite,
    `INSERT INTO case_steps (id, case_id, code, seq, status, version, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, 'pending', 1, ?, ?, ?, ?)`,
  );
  def.steps.forEach((s, i) => stepStmt.run(uuidv7(ctx.now.getTime()), id, s.code, i + 1, ctx.nowIso, me.userId, ctx.nowIso, me.userId));
  const reqStmt = stmt(sqlite, 'INSERT INTO case_requirements (case_id, code, status, note, checked_at, checked_by) VALUES (?, ?, ?, ?, ?, ?)');
  for (const r of def.requirements) {
    const byIntake = r.fulfilledBy === 'intake';
    reqStmt.run(id, r.code, byIntake ? 'complete' : 'missing', byIntake ? 'Diisi saat penerimaan' : null, byIntake ? ctx.nowIso : null, byIntake ? me.userId : null);
  }
  const allMet = def.requirements.every((r) => r.optional || r.fulfilledBy === 'intake');
  if (allMet) stmt(sqlite, 'UPDATE cases SET requirements_completed_at = ? WHERE id = ?').run(ctx.nowIso, id);
  refreshDeadlines(ctx, loadCaseRow(db, id), def);
  indexCase(ctx.reg.db, id);
  if (input.draftId) db.delete(intakeDrafts).where(and(eq(intakeDrafts.id, input.draftId), eq(intakeDrafts.userId, me.userId))).run();
  return id;
}

export const intakeHandlers = defineHandlers({
  'cases.register': {
    run(input, ctx) {
      const id = registerCase(ctx, input);
      ctx.audit.entityType = 'case';
      ctx.audit.entityId = id;
      ctx.audit.detail = JSON.stringify({ service: input.serviceCode, channel: input.channel, risk: input.riskLevel });
      ctx.changes.push({ type: 'case.created', id });
      const c = loadCaseRow(ctx.reg.db.db, id);
      return { id, registerNo: c.registerNo, version: c.version };
    },
  },

  'intake.saveDraft': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { db } = ctx.reg.db;
      const size = JSON.stringify(input.data).length;
      if (size > 200_000) throw new ApiError('VALIDATION', 'Draf terlalu besar.');
      if (input.id) {
        const d = db.select().from(intakeDrafts).where(eq(intakeDrafts.id, input.id)).get();
        if (d && d.userId === me.userId) {
          // Drafts are work in progress, not records: no history copy of every keystroke.
          if (input.version !== undefined && input.version !== d.version) {
            throw new ApiError('CONFLICT', 'Draf ini sudah diubah di tempat lain.', { current: { id: d.id, data: d.data, version: d.version } });
          }
          db.update(intakeDrafts).set({ data: input.data, version: d.version + 1, updatedAt: ctx.nowIso }).where(eq(intakeDrafts.id, d.id)).run();
          return { id: d.id, savedAt: ctx.nowIso, version: d.version + 1 };
        }
        if (d) throw new ApiError('FORBIDDEN');
      }
      const id = input.id ?? uuidv7(ctx.now.getTime());
      db.insert(intakeDrafts)
        .values({ id, userId: me.userId, data: input.data, createdAt: ctx.nowIso, updatedAt: ctx.nowIso, createdBy: me.userId, updatedBy: me.userId })
        .run();
      return { id, savedAt: ctx.nowIso, version: 1 };
    },
  },

  'intake.getDraft': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const d = ctx.reg.db.db.select().from(intakeDrafts).where(eq(intakeDrafts.id, input.id)).get();
      if (!d || d.userId !== me.userId) throw new ApiError('NOT_FOUND', 'Draf tidak ditemukan.');
      ctx.audit.entityType = 'intake_draft';
      ctx.audit.entityId = d.id;
      return { id: d.id, data: d.data, version: d.version, updatedAt: d.updatedAt };
    },
  },

  'intake.discardDraft': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { db } = ctx.reg.db;
      const d = db.select().from(intakeDrafts).where(eq(intakeDrafts.id, input.id)).get();
      if (!d || d.userId !== me.userId) throw new ApiError('NOT_FOUND', 'Draf tidak ditemukan.');
      db.delete(intakeDrafts).where(eq(intakeDrafts.id, d.id)).run();
      ctx.audit.entityType = 'intake_draft';
      ctx.audit.entityId = d.id;
      return {};
    },
  },
});

export function myDrafts(db: Db, userId: string) {
  return db.select().from(intakeDrafts).where(eq(intakeDrafts.userId, userId)).orderBy(desc(intakeDrafts.updatedAt)).all();
}
