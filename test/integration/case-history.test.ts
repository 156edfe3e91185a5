import { afterEach, describe, expect, it } from 'vitest';
import { anIntake } from '../fixtures/cases';
import { call, disposeAll, officeWithStaff, ok } from '../fixtures/office';

afterEach(disposeAll);

describe("a case's History tab", () => {
  it('still shows the changes of a case opened 500 times, and none of the openings', async () => {
    const office = await officeWithStaff();
    const { frontDesk, caseWorker } = office.staff;
    const c = ok(await call(office.core, frontDesk.token, 'cases.register', anIntake('Wulan Sari')));
    ok(await call(office.core, caseWorker.token, 'cases.update', { caseId: c.id, caseVersion: c.version, riskLevel: 'high' }));
    for (let i = 0; i < 500; i++) ok(await call(office.core, caseWorker.token, 'cases.get', { id: c.id }));
    const detail = ok(await call(office.core, caseWorker.token, 'cases.get', { id: c.id }));
    const actions = detail.history.map((h) => h.action);
    expect(actions).toContain('cases.update');
    expect(actions).toContain('cases.register');
    expect(actions).not.toContain('cases.get');
  });
});
