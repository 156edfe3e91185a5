import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../electron/core/api/contract';
import type { ServiceView } from '../../electron/core/api/contract-cases';
import { adultVictim, consentOf, deadlineOf, ok, refused, sharedOffice, stepOf } from '../fixtures/office';

/**
 * An office adapts a service to its own decree (Settings): each change is a new version of
 * the standard; a case keeps the version it started under.
 */

const office = sharedOffice();

/** The settings form as the office has it now, ready to be edited. */
function formOf(s: ServiceView): InputOf<'services.update'> {
  const d = s.definition;
  return {
    code: d.code,
    version: s.version,
    enabled: s.enabled,
    skNumber: d.skNumber,
    requirements: d.requirements.map((r) => ({ code: r.code, label: r.label, optional: !!r.optional })),
    steps: d.steps.map((x) => ({ code: x.code, label: x.label, actor: x.actor, actorTitle: x.actorTitle, optional: !!x.optional })),
    deadlines: d.deadlines.map((x) => ({ code: x.code, amount: x.rule.amount, unit: x.rule.unit })),
    deskHours: d.deskHours ? (Object.fromEntries(Object.entries(d.deskHours).map(([k, v]) => [k, [...v!]])) as InputOf<'services.update'>['deskHours']) : null,
  };
}

const aCase = (name: string) => ({ serviceCode: 'mediasi' as const, channel: 'walk_in' as const, victims: [adultVictim(name)], violenceTypes: ['psikis' as const], consent: consentOf(name) });

describe("adapting a service to the office's decree", () => {
  it('a new label and a shorter time limit make a new version; a case already open keeps its own', async () => {
    office.storyStartsAt('2026-02-09T02:00:00.000Z');
    const { admin, worker } = office.team();
    const before = ok(await admin.call('services.list', {})).find((s) => s.code === 'mediasi')!;
    const older = await worker.register(aCase('Rahmawati'));
    expect(older.standardVersion).toBe(before.versionNo);

    const form = formOf(before);
    form.steps[0]!.label = 'Asesmen awal: apakah kasus dapat dimediasi';
    form.deadlines[0]!.amount = 10;
    const after = ok(await admin.call('services.update', form));
    expect(after.versionNo).toBe(before.versionNo + 1);
    expect(after.definition.steps[0]!.label).toBe('Asesmen awal: apakah kasus dapat dimediasi');
    expect(after.definition.deadlines[0]!.rule).toEqual({ amount: 10, unit: 'days' });
    // What the office may not change stays the engine's: outcomes, guards, forms.
    expect(after.definition.steps[0]!.outcomes).toEqual(before.definition.steps[0]!.outcomes);
    expect(after.definition.steps[0]!.guards).toEqual(['tpks_mediation_allowed']);

    // The open case runs on under the version it started with …
    let old = await worker.get(older);
    expect(old.standardVersion).toBe(before.versionNo);
    expect(stepOf(old, 'asesmen').label).toBe('Asesmen: dapatkah kasus dimediasi');
    old = await worker.setRequirement(old, 'identitas_penerima_manfaat');
    old = await worker.setRequirement(old, 'hasil_asesmen');
    expect(deadlineOf(old, 'penyelesaian').dueAt).toBe('2026-02-23T09:00:00.000Z');

    // … and a new case starts under the new one.
    let fresh = await worker.register(aCase('Nurul Hidayah'));
    expect(fresh.standardVersion).toBe(after.versionNo);
    expect(stepOf(fresh, 'asesmen').label).toBe('Asesmen awal: apakah kasus dapat dimediasi');
    fresh = await worker.setRequirement(fresh, 'identitas_penerima_manfaat');
    fresh = await worker.setRequirement(fresh, 'hasil_asesmen');
    // 10 days from Monday 9 February: Thursday 19 February, 16.00 WIB.
    expect(deadlineOf(fresh, 'penyelesaian').dueAt).toBe('2026-02-19T09:00:00.000Z');

    // Saving the form unchanged makes no new version.
    const same = ok(await admin.call('services.update', formOf(after)));
    expect(same.versionNo).toBe(after.versionNo);
  });

  it('a service the office stops running takes no new cases; its open cases carry on', async () => {
    office.storyStartsAt('2026-02-09T02:00:00.000Z');
    const { admin, worker, desk } = office.team();
    const open = await worker.register(aCase('Sulastri'));
    const current = ok(await admin.call('services.list', {})).find((s) => s.code === 'mediasi')!;
    const off = ok(await admin.call('services.update', { ...formOf(current), enabled: false }));
    expect(off).toMatchObject({ enabled: false, versionNo: current.versionNo });

    const refusedCase = refused(await desk.call('cases.register', aCase('Sumiati')), 'VALIDATION');
    expect(refusedCase).toMatchObject({ message: 'Layanan ini tidak dijalankan oleh kantor ini.', fields: { serviceCode: 'Layanan ini tidak aktif' } });

    const carriedOn = await worker.complete(open, 'asesmen', { outcome: 'dapat_dimediasi', data: { analysis: 'Dapat dimediasi.' } });
    expect(stepOf(carriedOn, 'asesmen').status).toBe('done');

    // Only the office's settings manager adapts services; a stale form is a conflict.
    refused(await worker.call('services.update', formOf(off)), 'FORBIDDEN');
    refused(await admin.call('services.update', { ...formOf(off), version: current.version }), 'CONFLICT');
    ok(await admin.call('services.update', { ...formOf(off), enabled: true }));
    expect((await desk.register(aCase('Sumiati'))).serviceCode).toBe('mediasi');
  });
});
