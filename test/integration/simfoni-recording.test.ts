import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../electron/core/api/contract';
import { anIntake } from '../fixtures/cases';
import { adultVictim, consentOf, ok, refused, sharedOffice } from '../fixtures/office';

/**
 * What SIMFONI-PPA counts is recorded as the office works: each victim's forms of violence,
 * education and marital status, each perpetrator's relation to each victim, the services
 * given to each victim, and whether (and under which number) the case was entered.
 */

const office = sharedOffice();

const victim = (c: CaseDetail, name: string) => c.persons.find((p) => p.role === 'victim' && p.fullName === name)!;
const perpetrator = (c: CaseDetail, name: string) => c.persons.find((p) => p.role === 'perpetrator' && p.fullName === name)!;
const relationOf = (c: CaseDetail, victimName: string, perpName: string) =>
  c.relations.find((r) => r.victimId === victim(c, victimName).personId && r.perpetratorId === perpetrator(c, perpName).personId)?.relation ?? null;
const servicesOf = (c: CaseDetail, name: string) => c.victimServices.filter((s) => s.victimId === victim(c, name).personId);

/** A household: the wife and her daughter, the husband who hurt both. */
async function aHousehold() {
  const { desk } = office.team();
  return desk.register({
    serviceCode: 'pengaduan_kekerasan',
    channel: 'walk_in',
    victims: [
      adultVictim('Siti Aminah', { education: 'smp', maritalStatus: 'kawin', occupation: 'ibu_rumah_tangga' }),
      { fullName: 'Nur Aini', birthDate: '2015-03-02', sex: 'P', education: 'sd', maritalStatus: 'belum_kawin' },
    ],
    perpetrators: [{ fullName: 'Bambang Susilo', sex: 'L', birthDate: '1980-01-20', relation: 'suami_istri' }],
    violenceTypes: ['fisik', 'psikis'],
    incident: { date: '2026-02-06', place: 'rumah_tangga' },
    consent: consentOf('Siti Aminah', 'parent'),
  });
}

describe('recording what SIMFONI counts', () => {
  it('registering records the Pengaduan service for each victim, given by the office on the day', async () => {
    // Monday 9 February 2026, 23.30 WIB (16.30 UTC): the office day is still the 9th.
    office.storyStartsAt('2026-02-09T16:30:00.000Z');
    const c = await aHousehold();
    for (const name of ['Siti Aminah', 'Nur Aini']) {
      expect(servicesOf(c, name)).toEqual([
        expect.objectContaining({ service: 'pengaduan', providerKind: 'office', outcome: 'given', givenOn: '2026-02-09', source: 'intake' }),
      ]);
    }
    // Education and marital status are kept with each victim; the case's forms apply to both.
    expect(victim(c, 'Siti Aminah')).toMatchObject({ education: 'smp', maritalStatus: 'kawin', violenceTypes: ['fisik', 'psikis'] });
    expect(victim(c, 'Nur Aini')).toMatchObject({ education: 'sd', maritalStatus: 'belum_kawin', violenceTypes: ['fisik', 'psikis'] });
    // With two victims, a relation typed once is not guessed for either.
    expect(c.relations).toEqual([]);
  });

  it('one husband is Suami to the wife and Orang Tua to the child', async () => {
    office.storyStartsAt('2026-02-10T02:00:00.000Z');
    const { worker } = office.team();
    let c = await aHousehold();
    const husband = perpetrator(c, 'Bambang Susilo').personId;
    for (const [name, relation] of [['Siti Aminah', 'suami_istri'], ['Nur Aini', 'orang_tua']] as const) {
      const v = victim(c, name);
      c = ok(
        await worker.call('cases.setVictimProfile', {
          caseId: c.id,
          caseVersion: c.version,
          victimId: v.personId,
          violenceTypes: v.violenceTypes as never,
          education: v.education as never,
          maritalStatus: v.maritalStatus as never,
          occupation: v.occupation as never,
          disability: v.disability,
          disabilityNote: '',
          relations: [{ perpetratorId: husband, relation }],
        }),
      );
    }
    expect(relationOf(c, 'Siti Aminah', 'Bambang Susilo')).toBe('suami_istri');
    expect(relationOf(c, 'Nur Aini', 'Bambang Susilo')).toBe('orang_tua');
  });

  it('one victim: the relation typed at intake is hers', async () => {
    office.storyStartsAt('2026-02-10T03:00:00.000Z');
    const { desk } = office.team();
    const c = await desk.register({ ...anIntake('Rukmini'), perpetrators: [{ fullName: 'Joko', relation: 'pacar_teman' }], violenceTypes: ['seksual'] });
    expect(relationOf(c, 'Rukmini', 'Joko')).toBe('pacar_teman');
    expect(victim(c, 'Rukmini').violenceTypes).toEqual(['seksual']);
  });

  it('two children of one household suffer different forms', async () => {
    office.storyStartsAt('2026-02-11T02:00:00.000Z');
    const { desk, worker } = office.team();
    let c = await desk.register({
      serviceCode: 'pengaduan_kekerasan',
      channel: 'phone',
      victims: [
        { fullName: 'Dimas Pratama', birthDate: '2012-06-01', sex: 'L', violenceTypes: ['fisik'] },
        { fullName: 'Putri Lestari', birthDate: '2014-09-12', sex: 'P', violenceTypes: ['seksual', 'psikis'] },
      ],
      incident: { date: '2026-02-08', place: 'rumah_tangga' },
      consent: consentOf('Wartini', 'parent'),
    });
    expect(victim(c, 'Dimas Pratama').violenceTypes).toEqual(['fisik']);
    expect(victim(c, 'Putri Lestari').violenceTypes).toEqual(['seksual', 'psikis']);
    // The case's forms are the union: the UU TPKS guard sees the sexual violence.
    expect([...c.violenceTypes].sort()).toEqual(['fisik', 'psikis', 'seksual']);

    // Later the boy is found neglected too; the case follows.
    const boy = victim(c, 'Dimas Pratama');
    c = ok(
      await worker.call('cases.setVictimProfile', {
        caseId: c.id,
        caseVersion: c.version,
        victimId: boy.personId,
        violenceTypes: ['fisik', 'penelantaran'],
        education: 'smp',
        maritalStatus: 'belum_kawin',
        occupation: 'pelajar',
        disability: false,
        disabilityNote: '',
        relations: [],
      }),
    );
    expect(victim(c, 'Dimas Pratama')).toMatchObject({ violenceTypes: ['fisik', 'penelantaran'], education: 'smp', occupation: 'pelajar' });
    expect([...c.violenceTypes].sort()).toEqual(['fisik', 'penelantaran', 'psikis', 'seksual']);
  });

  it("a stale edit of a victim's profile gets CONFLICT", async () => {
    office.storyStartsAt('2026-02-12T02:00:00.000Z');
    const { desk, worker, head } = office.team();
    const read = await desk.register(anIntake('Ratna Sari'));
    const v = victim(read, 'Ratna Sari');
    const profile = (education: 'sd' | 'sma_smk') => ({
      caseId: read.id,
      caseVersion: read.version,
      victimId: v.personId,
      violenceTypes: ['psikis' as const],
      education,
      maritalStatus: null,
      occupation: null,
      disability: false,
      disabilityNote: '',
      relations: [],
    });
    ok(await worker.call('cases.setVictimProfile', profile('sma_smk')));
    const stale = refused(await head.call('cases.setVictimProfile', profile('sd')), 'CONFLICT');
    expect(stale.current).toBeDefined();
    const now = await head.get(read);
    expect(victim(now, 'Ratna Sari').education).toBe('sma_smk');
  });

  it('an accepted referral to a hospital records Kesehatan without retyping', async () => {
    office.storyStartsAt('2026-02-13T02:00:00.000Z');
    const { admin, desk, worker } = office.team();
    const rs = ok(await admin.call('institutions.save', { name: 'RSUD dr. Wahidin Sudiro Husodo', kind: 'hospital' }));
    const polres = ok(await admin.call('institutions.save', { name: 'Unit PPA Polres Mojokerto Kota', kind: 'police' }));
    let c = await desk.register(anIntake('Lilis Suryani'));
    c = await worker.saveItem(c, { kind: 'referral', data: { institutionId: rs.id, reason: 'Visum et repertum' }, status: 'sent' });
    // Sent is not yet given.
    expect(servicesOf(c, 'Lilis Suryani').map((s) => s.service)).toEqual(['pengaduan']);
    const referral = c.items.find((i) => i.kind === 'referral')!;
    c = await worker.saveItem(c, { kind: 'referral', itemId: referral.id, data: referral.data, status: 'received' });
    expect(servicesOf(c, 'Lilis Suryani').find((s) => s.service === 'kesehatan')).toMatchObject({
      providerKind: 'institution',
      institutionId: rs.id,
      institutionName: 'RSUD dr. Wahidin Sudiro Husodo',
      outcome: 'given',
      givenOn: '2026-02-13',
      source: `referral:${referral.id}`,
    });
    // Served later: still one record.
    c = await worker.saveItem(c, { kind: 'referral', itemId: referral.id, data: referral.data, status: 'served' });
    expect(servicesOf(c, 'Lilis Suryani').filter((s) => s.service === 'kesehatan')).toHaveLength(1);
    // A referral the police refuse is a service not available.
    c = await worker.saveItem(c, { kind: 'referral', data: { institutionId: polres.id, reason: 'Laporan polisi' }, status: 'declined' });
    expect(servicesOf(c, 'Lilis Suryani').find((s) => s.service === 'penegakan_hukum')?.outcome).toBe('unavailable');
  });

  it('the repatriation step of Pemulangan dan Mediasi records Pemulangan on its date', async () => {
    office.storyStartsAt('2026-02-16T02:00:00.000Z');
    const { desk, worker } = office.team();
    let c = await desk.register({
      serviceCode: 'pemulangan_mediasi',
      channel: 'outreach',
      victims: [adultVictim('Wahyuni Lestari')],
      violenceTypes: ['fisik'],
      consent: consentOf('Wahyuni Lestari', 'victim', '2026-02-16'),
    });
    c = await desk.complete(c, 'serah_asesmen', { data: { assessment: 'KDRT fisik.' } });
    c = await worker.complete(c, 'verifikasi_asesmen', { data: { needs: 'Pemulangan.' } });
    c = await worker.complete(c, 'mediasi_investigasi', { data: { approach: ['investigasi'], result: 'Selesai.' } });
    for (const r of ['ktp', 'kk', 'nota_kesepakatan']) c = await worker.setRequirement(c, r);
    c = await worker.complete(c, 'koordinasi_wilayah', {
      data: { coordinatedWith: ['kelurahan'], repatriationDestination: 'Jl. Kenanga, Kota Mojokerto', repatriationDate: '2026-02-16' },
    });
    expect(servicesOf(c, 'Wahyuni Lestari').find((s) => s.service === 'pemulangan')).toMatchObject({
      providerKind: 'office',
      outcome: 'given',
      givenOn: '2026-02-16',
      source: 'step:koordinasi_wilayah',
    });
  });

  it('a service given by hand is added, corrected and removed with a reason', async () => {
    office.storyStartsAt('2026-02-17T02:00:00.000Z');
    const { admin, desk, worker } = office.team();
    const lbh = ok(await admin.call('institutions.save', { name: 'LBH Mojokerto', kind: 'legal_aid' }));
    let c = await desk.register(anIntake('Sri Rahayu'));
    const v = victim(c, 'Sri Rahayu').personId;
    const ref = () => ({ caseId: c.id, caseVersion: c.version });
    c = ok(await worker.call('victimServices.save', { ...ref(), victimId: v, service: 'bantuan_hukum', givenOn: '2026-02-17', providerKind: 'institution', institutionId: lbh.id, outcome: 'declined', note: 'Korban belum siap' }));
    const given = servicesOf(c, 'Sri Rahayu').find((s) => s.service === 'bantuan_hukum')!;
    expect(given).toMatchObject({ outcome: 'declined', institutionName: 'LBH Mojokerto', note: 'Korban belum siap' });
    expect(given.source).toBe(`manual:${given.id}`);
    refused(await worker.call('victimServices.save', { ...ref(), victimId: v, service: 'kesehatan', givenOn: '2026-03-01', providerKind: 'office', outcome: 'given', note: '' }), 'VALIDATION');
    c = ok(await worker.call('victimServices.save', { ...ref(), serviceId: given.id, victimId: v, service: 'bantuan_hukum', givenOn: '2026-02-17', providerKind: 'institution', institutionId: lbh.id, outcome: 'given', note: '' }));
    expect(servicesOf(c, 'Sri Rahayu').find((s) => s.id === given.id)).toMatchObject({ outcome: 'given', version: 2 });
    c = ok(await worker.call('victimServices.remove', { ...ref(), serviceId: given.id, reason: 'Dicatat pada kasus yang salah' }));
    expect(servicesOf(c, 'Sri Rahayu').map((s) => s.service)).toEqual(['pengaduan']);
  });

  it('the SIMFONI register number is recorded with who and when', async () => {
    // Wednesday 18 February 2026, 08.00 WIB.
    office.storyStartsAt('2026-02-18T01:00:00.000Z');
    const { desk, worker, head } = office.team();
    let c = await desk.register(anIntake('Endang Wulan'));
    expect(c.simfoniEntry).toBeNull();
    c = ok(await worker.call('cases.setSimfoniEntry', { caseId: c.id, caseVersion: c.version, entered: true, simfoniNo: '3576-2026-000123' }));
    expect(c.simfoniEntry).toMatchObject({ enteredOn: '2026-02-18', simfoniNo: '3576-2026-000123' });
    expect(c.simfoniEntry?.enteredBy).toBeTruthy();
    const enteredBy = c.simfoniEntry!.enteredBy;
    // The head corrects a typo in the number: who entered it stays.
    c = ok(await head.call('cases.setSimfoniEntry', { caseId: c.id, caseVersion: c.version, entered: true, simfoniNo: '3576-2026-000132' }));
    expect(c.simfoniEntry).toMatchObject({ enteredOn: '2026-02-18', enteredBy, simfoniNo: '3576-2026-000132' });
    // Both are in the case's history, as changes to the SIMFONI fields (never the number itself).
    const entries = (await head.get(c)).history.filter((h) => h.action === 'cases.setSimfoniEntry');
    expect(entries).toHaveLength(2);
    expect(entries.map((e) => e.detail).join(' ')).not.toContain('000132');
    expect(entries[0]!.detail).toContain('simfoniNo');
    // A stale mark is refused.
    refused(await worker.call('cases.setSimfoniEntry', { caseId: c.id, caseVersion: c.version - 1, entered: false, simfoniNo: '' }), 'CONFLICT');
  });
});
