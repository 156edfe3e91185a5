import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adultVictim, consentOf, ok, refused, sharedOffice } from '../fixtures/office';

/** The front desk takes a complaint in: consent, retries, drafts, numbers, names, search. */

const office = sharedOffice();

const MONDAY = '2026-02-09T02:00:00.000Z';
const SITI_NIK = '3576015407900001';

async function countCases(): Promise<number> {
  return ok(await office.team().head.call('cases.list', {})).total;
}

describe('intake', () => {
  it("a child victim's data is not processed on her own consent: a parent or guardian must give it (UU PDP art. 25)", async () => {
    office.storyStartsAt(MONDAY);
    const { desk } = office.team();
    const before = await countCases();
    const child = { fullName: 'Aulia Rahma', birthDate: '2013-06-01', sex: 'P' as const };
    const r = await desk.call('cases.register', {
      serviceCode: 'pengaduan_kekerasan',
      channel: 'walk_in',
      victims: [child],
      violenceTypes: ['fisik'],
      consent: consentOf('Aulia Rahma', 'victim'),
    });
    expect(refused(r, 'VALIDATION').fields).toEqual({ 'consent.givenBy': 'Korban masih anak: persetujuan harus dari orang tua atau wali (UU PDP Pasal 25)' });
    expect(await countCases()).toBe(before);

    const c = await desk.register({ serviceCode: 'pengaduan_kekerasan', channel: 'walk_in', victims: [child], violenceTypes: ['fisik'], consent: consentOf('Nurhayati', 'parent') });
    expect(c.consent).toMatchObject({ givenBy: 'parent', name: 'Nurhayati' });
    expect(c.persons[0]).toMatchObject({ isChild: true, age: 12 });
  });

  it('a registration sent twice (a retry after a dropped connection) makes one case', async () => {
    office.storyStartsAt(MONDAY);
    const { desk } = office.team();
    const before = await countCases();
    const form = { requestId: randomUUID(), serviceCode: 'pengaduan_kekerasan' as const, channel: 'phone' as const, victims: [adultVictim('Rini Astuti')], consent: consentOf('Rini Astuti') };
    const first = ok(await desk.call('cases.register', form));
    const second = ok(await desk.call('cases.register', form));
    expect(second).toEqual(first);
    expect(await countCases()).toBe(before + 1);
  });

  it('an interrupted intake is kept as a draft, fetched again, and removed once the case is registered', async () => {
    office.storyStartsAt(MONDAY);
    const { desk, worker } = office.team();
    const form = { serviceCode: 'pengaduan_kekerasan', channel: 'walk_in', incidentDate: '2026-02-07', victims: [{ fullName: 'Ani Suryani' }] };
    const saved = ok(await desk.call('intake.saveDraft', { data: form }));
    expect(saved.version).toBe(1);
    const resaved = ok(await desk.call('intake.saveDraft', { id: saved.id, version: 1, data: { ...form, chronology: 'Ditampar.' } }));
    expect(resaved.version).toBe(2);

    const fetched = ok(await desk.call('intake.getDraft', { id: saved.id }));
    expect(fetched).toMatchObject({ id: saved.id, version: 2, data: { ...form, chronology: 'Ditampar.' } });
    const drafts = ok(await desk.call('dashboard.get', {})).drafts;
    expect(drafts.find((d) => d.id === saved.id)).toMatchObject({ summary: 'pengaduan_kekerasan · 2026-02-07' });
    expect(JSON.stringify(drafts)).not.toContain('Ani');
    // A draft is its author's own.
    refused(await worker.call('intake.getDraft', { id: saved.id }), 'NOT_FOUND');

    await desk.register({
      draftId: saved.id,
      serviceCode: 'pengaduan_kekerasan',
      channel: 'walk_in',
      victims: [adultVictim('Ani Suryani')],
      incident: { date: '2026-02-07' },
      chronology: 'Ditampar.',
      consent: consentOf('Ani Suryani'),
    });
    refused(await desk.call('intake.getDraft', { id: saved.id }), 'NOT_FOUND');
    expect(ok(await desk.call('dashboard.get', {})).drafts.map((d) => d.id)).not.toContain(saved.id);
  });

  it('register numbers run on without gaps through the year and start again in the next', async () => {
    office.storyStartsAt('2026-12-30T03:00:00.000Z');
    const { desk } = office.team();
    const register = (name: string) =>
      desk.register({ serviceCode: 'pengaduan_layanan', channel: 'suggestion_box', reporter: { fullName: name } });
    const numbers = [(await register('A')).registerNo, (await register('B')).registerNo, (await register('C')).registerNo];
    const seq = numbers.map((n) => Number(/^REG\/2026\/(\d{5})$/.exec(n)![1]));
    expect(seq).toEqual([seq[0], seq[0]! + 1, seq[0]! + 2]);

    office.storyStartsAt('2027-01-04T02:00:00.000Z');
    expect((await register('D')).registerNo).toBe('REG/2027/00001');
    expect((await register('E')).registerNo).toBe('REG/2027/00002');
  });

  it('an officer sees masked names in the list until they reveal one, and the reveal is audited', async () => {
    office.storyStartsAt(MONDAY);
    const { desk, worker, admin } = office.team();
    const c = await desk.register({
      serviceCode: 'pengaduan_kekerasan',
      channel: 'walk_in',
      victims: [adultVictim('Siti Rahayu', { nik: SITI_NIK, birthDate: '1990-07-14', phone: '0813-3123-4567' })],
      violenceTypes: ['psikis'],
      consent: consentOf('Siti Rahayu'),
    });
    const list = ok(await worker.call('cases.list', { serviceCode: 'pengaduan_kekerasan' }));
    const row = list.rows.find((r) => r.id === c.id)!;
    const victim = c.persons.find((p) => p.role === 'victim')!;
    expect(row.victimNames).toEqual([{ personId: victim.personId, masked: 'S*** R***' }]);
    expect(JSON.stringify(list)).not.toContain('Rahayu');

    expect(ok(await worker.call('cases.revealName', { caseId: c.id, personId: victim.personId }))).toEqual({ fullName: 'Siti Rahayu' });
    const audit = ok(await admin.call('audit.list', { action: 'cases.revealName' }));
    expect(audit[0]).toMatchObject({ username: office.staff.caseWorker.username, action: 'cases.revealName', outcome: 'ok', entityType: 'case', entityId: c.id });
    expect(audit[0]!.detail).toContain(victim.personId);
    expect(audit[0]!.detail).not.toContain('Rahayu');
    expect((await worker.get(c)).history.map((h) => h.action)).toContain('cases.revealName');
  });

  it('a case is found by part of a name, the NIK, the phone number or the register number', async () => {
    office.storyStartsAt(MONDAY);
    const { desk, worker } = office.team();
    const c = await desk.register({
      serviceCode: 'pengaduan_kekerasan',
      channel: 'walk_in',
      victims: [adultVictim('Wulandari Pertiwi', { nik: '3576016108920003', birthDate: '1992-08-21', phone: '085755501234' })],
      consent: consentOf('Wulandari Pertiwi'),
    });
    const found = async (search: string) => ok(await worker.call('cases.list', { search })).rows.map((r) => r.id);
    expect(await found('ndari')).toEqual([c.id]);
    expect(await found('wulan pertiwi')).toEqual([c.id]);
    expect(await found('3576016108920003')).toEqual([c.id]);
    expect(await found('085755501234')).toEqual([c.id]);
    expect(await found('55501234')).toEqual([c.id]);
    expect(await found(c.registerNo)).toEqual([c.id]);
    expect(await found('Wulandaru')).toEqual([]);
    refused(await worker.call('cases.list', { search: 'Wu' }), 'VALIDATION');
  });

  it('a name found across Indonesian spelling variants, as the duplicate check folds them, still from the index', async () => {
    office.storyStartsAt(MONDAY);
    const { desk, worker } = office.team();
    const c = await desk.register({
      serviceCode: 'pengaduan_kekerasan',
      channel: 'walk_in',
      victims: [adultVictim('Siti Aminah', { birthDate: '1991-03-02' })],
      consent: consentOf('Siti Aminah'),
    });
    const old = await desk.register({
      serviceCode: 'pengaduan_kekerasan',
      channel: 'walk_in',
      victims: [adultVictim('Soekarni Djojo', { birthDate: '1980-01-05' })],
      consent: consentOf('Soekarni Djojo'),
    });
    const found = async (search: string) => ok(await worker.call('cases.list', { search })).rows.map((r) => r.id);
    expect(await found('siti aminnah')).toEqual([c.id]);
    expect(await found('Sitti Aminah')).toEqual([c.id]);
    expect(await found('sukarni')).toEqual([old.id]);
    expect(await found('Soekarni')).toEqual([old.id]);
    expect(await found('aminah')).toEqual([c.id]);
    expect(await found('amanah')).toEqual([]);
  });

  it('a person already in the register is suggested at intake: an old spelling with the same birth date, or the same NIK, with the earlier case', async () => {
    office.storyStartsAt(MONDAY);
    const { desk } = office.team();
    const earlier = await desk.register({
      serviceCode: 'pemulangan_mediasi',
      channel: 'walk_in',
      victims: [adultVictim('Siti Rahayu', { nik: SITI_NIK, birthDate: '1990-07-14' })],
      consent: consentOf('Siti Rahayu'),
    });

    const byName = ok(await desk.call('persons.findDuplicates', { fullName: 'Sitti Rahaju', birthDate: '1990-07-14' }));
    const match = byName.find((d) => d.cases.some((x) => x.id === earlier.id));
    expect(match).toMatchObject({ fullName: 'Siti Rahayu', reason: 'similar_name_same_birth_date', birthDate: '1990-07-14' });
    expect(match!.cases.find((x) => x.id === earlier.id)).toMatchObject({ registerNo: earlier.registerNo, serviceCode: 'pemulangan_mediasi', role: 'victim' });

    const byNik = ok(await desk.call('persons.findDuplicates', { nik: SITI_NIK, fullName: 'S. Rahayu' }));
    expect(byNik.find((d) => d.cases.some((x) => x.id === earlier.id))).toMatchObject({ reason: 'same_nik', nik: SITI_NIK });

    // A different woman with the same name but another birth date is not suggested.
    expect(ok(await desk.call('persons.findDuplicates', { fullName: 'Siti Rahayu', birthDate: '1991-01-01' }))).toEqual([]);
  });
});
