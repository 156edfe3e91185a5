import { afterEach, describe, expect, it } from 'vitest';
import { anIntake } from '../fixtures/cases';
import { ADMIN, call, disposeAll, login, officeWithStaff, ok } from '../fixtures/office';

afterEach(disposeAll);

describe('a register made before names were folded in the search index', () => {
  it('gets the folded names at the next lock, and then finds old spellings', async () => {
    const office = await officeWithStaff();
    const { frontDesk } = office.staff;
    const c = ok(await call(office.core, frontDesk.token, 'cases.register', anIntake('Soekarni Djojo')));
    const reg = office.core.register;
    // As an older Teduh left it: the names only as written, and no record of folding.
    reg.db.sqlite.prepare("UPDATE case_search SET names = 'Soekarni Djojo' WHERE case_id = ?").run(c.id);
    reg.db.sqlite.prepare("DELETE FROM settings WHERE key = 'search-folded-names'").run();
    const search = async (token: string) => ok(await call(office.core, token, 'cases.list', { search: 'sukarni' })).rows.map((r) => r.id);
    expect(await search(frontDesk.token)).toEqual([]);

    reg.lock();
    const token = await login(office.core, ADMIN.username, ADMIN.password);
    expect(await search(token)).toEqual([c.id]);
  });
});
