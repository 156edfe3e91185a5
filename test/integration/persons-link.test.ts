import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adultVictim, consentOf, disposeAll, ok, officeWithStaff, theTeam, type StaffedOffice } from '../fixtures/office';

let office: StaffedOffice;
let team: ReturnType<typeof theTeam>;

beforeAll(async () => {
  office = await officeWithStaff({ now: '2026-04-06T02:00:00.000Z' });
  team = theTeam(office);
});
afterAll(() => disposeAll());

describe('a person who comes back', () => {
  it('linking the earlier record at intake keeps what the register knows where the form was left empty', async () => {
    const first = await team.desk.register({
      serviceCode: 'pengaduan_kekerasan',
      channel: 'walk_in',
      victims: [adultVictim('Sri Wahyuni', { nik: '3578014506940001', phone: '081234567890', address: 'Jl. Kenanga 4' })],
      consent: consentOf('Sri Wahyuni', 'victim', '2026-04-06'),
    });
    const earlier = first.persons.find((p) => p.role === 'victim')!;
    const dupes = ok(await team.desk.call('persons.findDuplicates', { nik: '3578014506940001', fullName: 'Sri Wahyuni', birthDate: '1994-05-17' }));
    expect(dupes[0]?.cases.map((c) => c.registerNo)).toContain(first.registerNo);

    const second = await team.desk.register({
      serviceCode: 'pengaduan_kekerasan',
      channel: 'phone',
      victims: [{ existingPersonId: earlier.personId, fullName: 'Sri Wahyuni', phone: '' }],
      consent: consentOf('Sri Wahyuni', 'victim', '2026-04-06'),
    });
    const again = second.persons.find((p) => p.role === 'victim')!;
    expect(again.personId).toBe(earlier.personId);
    expect(again.phone).toBe('081234567890');
    expect(again.address).toBe('Jl. Kenanga 4');
    expect(again.nik).toBe('3578014506940001');
  });

  it("the NIK reading warns where it disagrees with what was typed, and never refuses", async () => {
    const r = ok(await team.desk.call('persons.inspectNik', { nik: '3578014506940001', birthDate: '1994-06-06', sex: 'L' }));
    expect(r.valid).toBe(true);
    expect(r.birthDate).toBe('1994-06-05');
    expect(r.sex).toBe('P');
    expect(r.warnings.join(' ')).toMatch(/Tanggal lahir/);
    expect(r.warnings.join(' ')).toMatch(/[Jj]enis kelamin/);
  });
});
