import { afterEach, describe, expect, it } from 'vitest';
import { anIntake } from '../fixtures/cases';
import { MINUTE, call, disposeAll, officeWithStaff, ok } from '../fixtures/office';

afterEach(disposeAll);

describe('a case list sorted by a column', () => {
  it('sorts by register number, date, deadline and risk, either way, with the cases without a deadline last', async () => {
    const office = await officeWithStaff();
    const { frontDesk } = office.staff;
    const register = async (name: string, riskLevel: 'low' | 'medium' | 'high') => {
      const c = ok(await call(office.core, frontDesk.token, 'cases.register', { ...anIntake(name), riskLevel }));
      office.clock.advance(MINUTE);
      return c;
    };
    const a = await register('Ani Lestari', 'medium');
    const b = await register('Budi Hartini', 'high');
    const c = await register('Citra Dewi', 'low');
    const list = async (sort: 'created' | 'registerNo' | 'due' | 'risk', dir: 'asc' | 'desc') =>
      ok(await call(office.core, frontDesk.token, 'cases.list', { sort, dir })).rows.map((r) => r.registerNo);

    expect(await list('created', 'desc')).toEqual([c.registerNo, b.registerNo, a.registerNo]);
    expect(await list('created', 'asc')).toEqual([a.registerNo, b.registerNo, c.registerNo]);
    expect(await list('registerNo', 'asc')).toEqual([a.registerNo, b.registerNo, c.registerNo]);
    expect(await list('risk', 'desc')).toEqual([b.registerNo, a.registerNo, c.registerNo]);
    expect(await list('risk', 'asc')).toEqual([c.registerNo, a.registerNo, b.registerNo]);
    // The deadlines are 30 minutes after each registration (Malang's standard): earliest first.
    const due = await list('due', 'asc');
    expect(due).toEqual([a.registerNo, b.registerNo, c.registerNo]);
    // Sorting keeps working with a search.
    expect(ok(await call(office.core, frontDesk.token, 'cases.list', { search: 'Hartini', sort: 'risk', dir: 'asc' })).rows.map((r) => r.registerNo)).toEqual([b.registerNo]);
  });
});
