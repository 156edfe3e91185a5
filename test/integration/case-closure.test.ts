import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adultVictim, consentOf, disposeAll, ok, officeWithStaff, refused, theTeam, type StaffedOffice } from '../fixtures/office';

let office: StaffedOffice;
let team: ReturnType<typeof theTeam>;

beforeAll(async () => {
  office = await officeWithStaff({ now: '2026-03-02T02:00:00.000Z' });
  team = theTeam(office);
});
afterAll(() => disposeAll());

const aCase = (name: string) =>
  team.desk.register({
    serviceCode: 'intervensi_krisis',
    channel: 'walk_in',
    riskLevel: 'medium',
    reporterIsVictim: true,
    reporter: adultVictim(name),
    violenceTypes: ['fisik'],
    consent: consentOf(name, 'victim', '2026-03-02'),
  });

describe('closing a case outside its steps', () => {
  it('a case worker records that the reporter withdrew, with the reason; nothing is left waiting', async () => {
    const c = await aCase('Yuliana Safitri');
    const closed = ok(await team.worker.call('cases.close', { caseId: c.id, caseVersion: c.version, closure: 'withdrawn', reason: 'Pelapor mencabut pengaduan setelah berdamai dengan keluarga.' }));
    expect(closed.status).toBe('closed');
    expect(closed.closure).toBe('withdrawn');
    expect(closed.closureNote).toContain('mencabut');
    expect(closed.steps.every((s) => s.status !== 'pending')).toBe(true);
    expect(closed.deadlines.every((d) => d.metAt !== null || d.dueAt === null)).toBe(true);
    const list = ok(await team.worker.call('cases.list', { status: 'closed' }));
    expect(list.rows.find((r) => r.id === c.id)?.closure).toBe('withdrawn');
  });

  it('a front-desk officer cannot close a case that way, and a closed case takes no more steps', async () => {
    const c = await aCase('Nuraini Lubis');
    refused(await team.desk.call('cases.close', { caseId: c.id, caseVersion: c.version, closure: 'referred', reason: 'Dirujuk' }), 'FORBIDDEN');
    const closed = ok(await team.head.call('cases.close', { caseId: c.id, caseVersion: c.version, closure: 'referred', reason: 'Ditangani penuh oleh Unit PPA Polres.' }));
    const r = await team.desk.tryComplete(closed, 'penerimaan');
    expect(r.ok).toBe(false);
  });

  it('the institution can still report back on a referral after the case is closed', async () => {
    const inst = ok(await team.admin.call('institutions.save', { name: 'RSUD Kota', kind: 'hospital' }));
    let c = await aCase('Marlina Sembiring');
    c = await team.worker.saveItem(c, { kind: 'referral', data: { institutionId: inst.id, reason: 'Visum et repertum' }, status: 'sent' });
    const referral = c.items.find((i) => i.kind === 'referral')!;
    c = ok(await team.worker.call('cases.close', { caseId: c.id, caseVersion: c.version, closure: 'referred', reason: 'Dirujuk ke rumah sakit.' }));
    c = await team.worker.saveItem(c, { kind: 'referral', itemId: referral.id, data: referral.data, status: 'served' });
    expect(c.items.find((i) => i.id === referral.id)?.status).toBe('served');
    // but other records of a closed case stay as they were
    const session = await team.worker.call('items.save', {
      caseId: c.id,
      caseVersion: c.version,
      kind: 'mediation_session',
      data: { date: '2026-03-03T10:00', place: 'Kantor', attendees: 'Para pihak' },
    });
    expect(session.ok).toBe(false);
  });
});

describe("a child victim added later (UU PDP art. 25)", () => {
  it("needs the consent of a parent or guardian on record first", async () => {
    let c = await aCase('Ratna Handayani');
    const child = { fullName: 'Putri Handayani', birthDate: '2016-04-01', sex: 'P' as const };
    const refusedAdd = await team.worker.call('cases.addPerson', { caseId: c.id, caseVersion: c.version, role: 'victim', person: child });
    expect(refused(refusedAdd, 'VALIDATION').fields?.['person.birthDate']).toContain('orang tua atau wali');
    c = ok(await team.worker.call('cases.update', { caseId: c.id, caseVersion: c.version, consent: consentOf('Ratna Handayani (ibu)', 'parent', '2026-03-02') }));
    c = await team.worker.addPerson(c, { role: 'victim', person: child });
    expect(c.persons.find((p) => p.fullName === 'Putri Handayani')?.isChild).toBe(true);
  });
});
