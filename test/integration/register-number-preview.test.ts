import { afterEach, describe, expect, it } from 'vitest';
import { anIntake } from '../fixtures/cases';
import { ADMIN, call, disposeAll, login, officeWithStaff, ok } from '../fixtures/office';

afterEach(disposeAll);

describe('the register number preview in Settings', () => {
  it('shows the number the next case will really get, on the office calendar', async () => {
    // 23:30 WIB on 31 December 2026: already the last day of the office year, not of UTC's.
    const office = await officeWithStaff({ now: '2026-12-31T16:30:00.000Z' });
    const { admin, frontDesk } = office.staff;
    expect(ok(await call(office.core, admin.token, 'settings.get', {})).nextRegister).toEqual({ seq: 1, year: 2026, month: 12 });
    const first = ok(await call(office.core, frontDesk.token, 'cases.register', anIntake('Rina Wati')));
    ok(await call(office.core, frontDesk.token, 'cases.register', anIntake('Sri Utami')));
    const next = ok(await call(office.core, admin.token, 'settings.get', {})).nextRegister;
    expect(next).toEqual({ seq: 3, year: 2026, month: 12 });
    expect(first.registerNo).toContain('2026');
    // Forty minutes later it is 2027 at the office: the series starts again.
    office.clock.advance(40 * 60_000);
    const token = await login(office.core, ADMIN.username, ADMIN.password);
    expect(ok(await call(office.core, token, 'settings.get', {})).nextRegister).toEqual({ seq: 1, year: 2027, month: 1 });
  });
});
