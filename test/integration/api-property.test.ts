import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller, Core } from '../../electron/core';
import { contract, isMethodName, type InputOf, type MethodName } from '../../electron/core/api/contract';
import { errorCodes, type ErrorCode } from '../../electron/core/api/errors';
import { can, type Role } from '../../electron/core/api/roles';
import { readVault } from '../../electron/core/vault/store';
import {
  ADMIN,
  FAST_SCRYPT_N,
  addUser,
  call,
  disposeAll,
  expectSafeError,
  newOffice,
  ok,
  type Office,
  type Person,
} from '../fixtures/office';
import { anIntake } from '../fixtures/cases';
import { dumpTables, openWithKey } from '../fixtures/raw-db';

/*
 * Whatever arrives at the API, from whoever: the call never throws, the answer is always a
 * well-formed envelope with a known code and a message that gives nothing away, and nobody
 * without the right changes anything. After each method's run every table except audit_log
 * is identical (full dumps, schema and user_version included); audit_log may only have grown
 * (old entries untouched, the chain still verifying); no key slot has changed.
 *
 * Three callers:
 *  (a) nobody logged in, with the register locked, and
 *  (a') nobody logged in while a colleague keeps the register open: any input, including
 *      well-formed ones (a wrong password, a wrong recovery code, a second setup...).
 *  (b) a front-desk officer (initial password already changed). The rule, per method:
 *      - methods the role has no permission for: any input; the answer is always FORBIDDEN;
 *      - methods the role may call that write (audit kind `change` or `auth`, e.g. cases.register,
 *        cases.update, auth.logout/lock/changePassword, the public setup/login/recover; and the
 *        intake autosave, which writes unaudited): only inputs
 *        that fail the method's own schema (as the dispatcher reads them: a missing input is
 *        `{}`), since a well-formed one may legitimately change data or end the session;
 *        the answer is always VALIDATION;
 *      - methods that only read (audit kind `none` or `read`): any input.
 * Plus random method names, for both kinds of caller: always UNKNOWN_METHOD.
 *
 * Key derivation is not the subject here: FAST_SCRYPT_N keeps the many login attempts cheap.
 */

const RUNS_PER_METHOD = 50;

/** Methods that store something without an audit entry of their own: the intake form's autosave. */
const UNAUDITED_WRITES = new Set<MethodName>(['intake.saveDraft']);
const methods = Object.keys(contract) as MethodName[];

// ---------- inputs ----------

const HUGE = 'A'.repeat(1 << 20);

/** Sets an own property, even one named __proto__ (as JSON.parse would deliver it). */
function withOwn(base: unknown, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = base && typeof base === 'object' ? { ...(base as object) } : {};
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const nasty = fc.constantFrom<unknown>(
  null,
  undefined,
  0,
  -0,
  -1,
  1.5,
  NaN,
  Infinity,
  -Infinity,
  2 ** 53 + 2,
  1e308,
  true,
  '',
  ' ',
  HUGE,
  "' OR 1=1 --",
  "x'); DROP TABLE cases; --",
  '\u0000',
  '\uD800',
  '../../../etc/passwd',
  'C:\\Windows\\System32',
  '%s%s%n',
  '<script>alert(1)</script>',
  '01900000-0000-7000-8000-000000000000',
  [],
  [null],
  {},
  new Date(0),
  10n,
);

const polluting = fc
  .constantFrom(
    '{"__proto__": {"polluted": "yes"}}',
    '{"constructor": {"prototype": {"polluted": "yes"}}}',
    '{"__proto__": {"role": "admin", "access": "public", "mustChangePassword": false}}',
    '{"__proto__": null}',
  )
  .map((json) => JSON.parse(json) as unknown);

const junk: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }), weight: 4 },
  { arbitrary: nasty, weight: 3 },
  { arbitrary: polluting, weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 300 }), weight: 1 },
  { arbitrary: fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 5 }), weight: 1 },
);

function schemaKeys(method: MethodName): string[] {
  const schema = contract[method].input as unknown as z.ZodObject;
  return Object.keys(schema.shape);
}

/** Random inputs for a method: pure junk, the right keys with wrong values, a valid input with one field spoiled or one key too many. */
function inputsFor(method: MethodName, valid: unknown, extra: fc.Arbitrary<unknown>[] = []): fc.Arbitrary<unknown> {
  const keys = schemaKeys(method);
  const arbitraries: fc.Arbitrary<unknown>[] = [
    junk,
    junk,
    fc.constant(valid),
    fc
      .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'role', 'isAdmin', 'userId', 'token'), junk)
      .map(([k, v]) => withOwn(valid, k, v)),
    ...extra,
  ];
  if (keys.length > 0) {
    arbitraries.push(
      fc.record(Object.fromEntries(keys.map((k) => [k, junk])), { requiredKeys: [] }),
      fc.tuple(fc.constantFrom(...keys), junk).map(([k, v]) => withOwn(valid, k, v)),
    );
  }
  return fc.oneof(...arbitraries);
}

const NOBODY = '01900000-0000-7000-8000-000000000000';

/** One well-formed input per method: the compiler keeps this list complete. */
function validInputs(office: Office, desk: Person, c: { id: string; personId: string }): { [M in MethodName]: InputOf<M> } {
  const caseRef = { caseId: c.id, caseVersion: 1 };
  return {
    'setup.status': {},
    'register.acknowledgeProblem': { reason: 'diambil alih' },
    'register.changeKey': {},
    'setup.initialize': { office: { name: 'Kantor Penyusup' }, admin: { username: 'penyusup', fullName: 'P', password: 'Sandi-Penyusup-1' } },
    'auth.login': { username: ADMIN.username, password: 'tebak-tebakan' },
    'auth.logout': {},
    'auth.lock': { reason: 'manual' },
    'auth.changePassword': { currentPassword: 'tebak-tebakan', newPassword: 'Sandi-Penyusup-1' },
    'auth.recover': { recoveryCode: '22222-33333-44444-55555-66666', username: ADMIN.username, newPassword: 'Sandi-Penyusup-1' },
    'session.get': {},
    'office.get': {},
    'office.update': { name: 'Kantor Penyusup', version: 1 },
    'settings.get': {},
    'settings.update': { idleLockMinutes: 120, version: 1 },
    'users.list': {},
    'users.create': { username: 'penyusup', fullName: 'Penyusup', role: 'admin', initialPassword: 'Sandi-Penyusup-1' },
    'users.update': { id: office.adminId, version: 1, fullName: 'Penyusup', role: 'front_desk' },
    'users.deactivate': { id: office.adminId, version: 1, reason: 'diambil alih' },
    'users.resetPassword': { id: desk.id, version: 1, temporaryPassword: 'Sandi-Penyusup-1' },
    'staff.list': {},
    'audit.list': {},
    'audit.verify': {},
    'services.list': {},
    'services.update': { code: 'mediasi', version: 1, enabled: false, skNumber: '1', requirements: [], steps: [], deadlines: [], deskHours: null },
    'intake.saveDraft': { data: { catatan: 'draf palsu' } },
    'intake.getDraft': { id: NOBODY },
    'intake.discardDraft': { id: NOBODY },
    'cases.register': anIntake('Korban Palsu'),
    'cases.get': { id: c.id },
    'cases.list': { search: 'Korban' },
    'cases.revealName': { caseId: c.id, personId: c.personId },
    'cases.update': { ...caseRef, chronology: 'diubah' },
    'cases.close': { ...caseRef, closure: 'withdrawn', reason: 'palsu' },
    'cases.setRequirement': { ...caseRef, code: 'ktp', status: 'complete' },
    'cases.addPerson': { ...caseRef, role: 'witness', person: { fullName: 'Saksi Palsu' } },
    'cases.updatePerson': { ...caseRef, personId: c.personId, person: { fullName: 'Nama Palsu' } },
    'steps.complete': { ...caseRef, step: 'penerimaan' },
    'steps.skip': { ...caseRef, step: 'penerimaan', reason: 'palsu' },
    'approvals.list': {},
    'approvals.decide': { approvalId: NOBODY, decision: 'approve', payloadHash: '0'.repeat(64) },
    'items.save': { ...caseRef, kind: 'monitoring_visit', data: { plannedDate: '2030-01-01' } },
    'items.remove': { ...caseRef, itemId: NOBODY, reason: 'palsu' },
    'persons.findDuplicates': { nik: '3576014101900001', fullName: 'Korban Nyata' },
    'persons.inspectNik': { nik: '3576014101900001' },
    'regions.list': {},
    'dashboard.get': {},
    'institutions.list': {},
    'institutions.save': { name: 'Lembaga Palsu', kind: 'other' },
    'holidays.list': { year: 2025 },
    'holidays.save': { date: '2025-12-30', name: 'Libur Palsu', kind: 'local' },
    'holidays.remove': { date: '2025-12-25', version: 1 },
    'holidays.seed': { year: 2031 },
    'documents.types.list': { caseId: c.id },
    'documents.generate': { caseId: c.id, type: 'formulir_pengaduan' },
    'documents.list': { numbered: true },
    'documents.get': { id: NOBODY },
    'documents.content': { id: NOBODY, purpose: 'save' },
    'documents.void': { id: NOBODY, version: 1, reason: 'palsu' },
    'documents.attachScan': { id: NOBODY, fileName: 'palsu.pdf', mime: 'application/pdf', base64: Buffer.from('%PDF-1.4').toString('base64') },
    'documents.removeScan': { id: NOBODY, scanId: NOBODY, reason: 'palsu' },
    'documents.exportRegister': {},
    'documents.settings.get': {},
    'documents.settings.update': { version: 1, paper: 'A4' },
    'documents.recoverySheet': { recoveryCode: '22222-33333-44444-55555-66666' },
    'audit.anchorSheet': {},
    'setup.restore': { path: '/tmp/bukan-cadangan.tdbk', secret: 'tebak-tebakan' },
    'setup.restoreNewestGood': { fileName: 'Teduh-cadangan-0a1b2c3d-20260101-000000.tdbk', secret: 'tebak-tebakan' },
    'backup.status': {},
    'backup.settings.update': { version: 1, auto: false },
    'backup.run': {},
    'lan.status': {},
    'lan.enableHost': { port: 47_470 },
    'lan.disableHost': {},
    'lan.pairing.list': {},
    'lan.confirmPairing': { requestId: NOBODY, code: '123456' },
    'lan.refusePairing': { requestId: NOBODY },
    'lan.devices.list': {},
    'lan.revoke': { id: NOBODY, version: 1, reason: 'palsu' },
    'lan.setAutoUnlock': { enabled: true },
    'reports.recap': { period: { from: '2026-11-01', to: '2026-11-30' } },
    'reports.cases': { period: { from: '2026-11-01', to: '2026-11-30' }, table: 'victimsBySexAge', row: '0-5', column: 'P' },
    'reports.monthly': { endMonth: '2026-11' },
    'reports.export': { period: { from: '2026-11-01', to: '2026-11-30' }, format: 'csv', table: 'casesByServiceChannel' },
  };
}

/** Login attempts that pass the schema: real and unknown names, random passwords. */
function loginGuesses(desk: Person): fc.Arbitrary<unknown> {
  return fc.record({
    username: fc.constantFrom(ADMIN.username, desk.username, 'ADMIN', 'tidak.ada'),
    password: fc.string({ minLength: 1, maxLength: 24 }),
  });
}

const methodNames: fc.Arbitrary<unknown> = fc
  .oneof(
    fc.string(),
    fc.anything({ maxDepth: 1 }),
    fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'Cases.get', 'cases.get ', 'cases', 'cases.', '.get', 'auth.login\u0000', HUGE),
    fc.constantFrom(...methods).map((m) => m.toUpperCase()),
  )
  .filter((n) => typeof n !== 'string' || !isMethodName(n));

// ---------- the checks ----------

const knownCodes = new Set<string>(errorCodes);

/** Calls and checks the promise resolves (never rejects, never throws) to a well-formed envelope. */
async function callSafely(core: Core, caller: Caller, method: unknown, input: unknown) {
  let answer: unknown;
  try {
    answer = await core.call(caller, method, input);
  } catch (e) {
    expect.fail(`call threw: ${(e as Error)?.name}`);
  }
  expect(answer).toBeTypeOf('object');
  const a = answer as Record<string, unknown>;
  if (a.ok === true) {
    expect(Object.keys(a).sort()).toEqual(['ok', 'value']);
    return { ok: true as const, value: a.value };
  }
  expect(a.ok).toBe(false);
  expect(Object.keys(a).sort()).toEqual(['error', 'ok']);
  const error = a.error as { code: ErrorCode; message: string; fields?: Record<string, string>; retryAfter?: number };
  expect(knownCodes.has(error.code), `unknown code ${String(error.code)}`).toBe(true);
  expectSafeError(error, HUGE.slice(0, 64), 'DROP TABLE', 'etc/passwd');
  if (error.fields !== undefined) {
    expect(error.code).toBe('VALIDATION');
    for (const [k, v] of Object.entries(error.fields)) {
      expect(typeof k).toBe('string');
      expect(typeof v).toBe('string');
    }
  }
  if (error.retryAfter !== undefined) expect(error.retryAfter).toBeGreaterThan(0);
  return { ok: false as const, code: error.code };
}

interface Snapshot {
  tables: Record<string, unknown[]>;
  audit: unknown[];
  slots: string;
}

function snapshot(office: Office, key: Buffer): Snapshot {
  const db = openWithKey(office.dataDir, key);
  try {
    return {
      tables: dumpTables(db, ['audit_log']),
      audit: db.prepare('SELECT * FROM audit_log ORDER BY seq').all(),
      slots: JSON.stringify(readVault(office.dataDir).slots),
    };
  } finally {
    db.close();
  }
}

function expectUnchanged(before: Snapshot, after: Snapshot): void {
  expect(after.tables).toEqual(before.tables);
  expect(after.slots).toBe(before.slots);
  expect(after.audit.length).toBeGreaterThanOrEqual(before.audit.length);
  expect(after.audit.slice(0, before.audit.length)).toEqual(before.audit);
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

// ---------- the setting ----------

interface World {
  office: Office;
  desk: Person;
  key: Buffer;
  valid: { [M in MethodName]: InputOf<M> };
}

async function world(): Promise<World> {
  const office = await newOffice({ scryptN: FAST_SCRYPT_N });
  const desk = await addUser(office, 'front_desk');
  const c = ok(await call(office.core, office.adminToken, 'cases.register', anIntake('Korban Nyata', { nik: '3576014101900001' })));
  const detail = ok(await call(office.core, office.adminToken, 'cases.get', { id: c.id }));
  const personId = detail.persons.find((p) => p.role === 'victim')!.personId;
  return { office, desk, key: Buffer.from(office.core.register.databaseKey), valid: validInputs(office, desk, { id: c.id, personId }) };
}

const loggedOutCallers: fc.Arbitrary<Caller> = fc.oneof(
  fc.constant({}),
  fc.record({ token: fc.string({ maxLength: 60 }) }),
  fc.record({ token: fc.base64String({ minLength: 43, maxLength: 44 }), deviceId: fc.string({ minLength: 1, maxLength: 40 }) }),
);

const PUBLIC_REFUSALS = new Set<ErrorCode>(['VALIDATION', 'ALREADY_INITIALIZED', 'WRONG_PASSWORD', 'RATE_LIMITED', 'CONFLICT']);

function loggedOutSuite(title: string, keepColleagueLoggedIn: boolean) {
  describe(title, () => {
    let w: World;
    beforeAll(async () => {
      w = await world();
      ok(await call(w.office.core, w.desk.token, 'auth.logout', {}));
      if (!keepColleagueLoggedIn) ok(await call(w.office.core, w.office.adminToken, 'auth.logout', {}));
      expect(w.office.core.register.isUnlocked()).toBe(keepColleagueLoggedIn);
    });
    afterAll(disposeAll);

    it.each(methods)('%s', async (method) => {
      const before = snapshot(w.office, w.key);
      const extra = method === 'auth.login' ? [loginGuesses(w.desk)] : [];
      await fc.assert(
        fc.asyncProperty(loggedOutCallers, inputsFor(method, w.valid[method], extra), async (caller, input) => {
          const r = await callSafely(w.office.core, caller, method, input);
          if (contract[method].access !== 'public') {
            expect(r.ok ? 'ok' : r.code).toBe('UNAUTHENTICATED');
          } else if (method === 'setup.status') {
            expect(r.ok || r.code === 'VALIDATION').toBe(true);
          } else {
            expect(r.ok, 'a logged-out caller got in').toBe(false);
            if (!r.ok) expect(PUBLIC_REFUSALS.has(r.code), r.code).toBe(true);
          }
        }),
        { numRuns: RUNS_PER_METHOD },
      );
      expect(w.office.core.register.isUnlocked()).toBe(keepColleagueLoggedIn);
      expectUnchanged(before, snapshot(w.office, w.key));
      if (keepColleagueLoggedIn) ok(await call(w.office.core, w.office.adminToken, 'session.get', {}));
    });

    it('random method names', async () => {
      const before = snapshot(w.office, w.key);
      await fc.assert(
        fc.asyncProperty(loggedOutCallers, methodNames, junk, async (caller, name, input) => {
          const r = await callSafely(w.office.core, caller, name, input);
          expect(r.ok ? 'ok' : r.code).toBe('UNKNOWN_METHOD');
        }),
        { numRuns: 200 },
      );
      expectUnchanged(before, snapshot(w.office, w.key));
    });
  });
}

loggedOutSuite('(a) nobody logged in, register locked: any input to any method changes nothing', false);
loggedOutSuite("(a') nobody logged in while a colleague works: any input to any method changes nothing", true);

describe('(b) a front-desk officer: nothing beyond their permissions, malformed input to the rest, changes nothing', () => {
  const role: Role = 'front_desk';
  let w: World;
  beforeAll(async () => {
    w = await world();
    // The officer works alone: the register stays open only through their session.
    ok(await call(w.office.core, w.office.adminToken, 'auth.logout', {}));
  });
  afterAll(disposeAll);

  const permitted = (m: MethodName) => {
    const access = contract[m].access;
    return access === 'public' || access === 'session' || can(role, access);
  };
  const writes = (m: MethodName) => contract[m].audit === 'change' || contract[m].audit === 'auth' || UNAUDITED_WRITES.has(m);
  /** As the dispatcher reads it: a missing input is an empty object. */
  const failsSchema = (m: MethodName) => (input: unknown) => !contract[m].input.safeParse(input ?? {}).success;

  it.each(methods)('%s', async (method) => {
    const caller = { token: w.desk.token };
    const before = snapshot(w.office, w.key);
    const rule = !permitted(method) ? 'forbidden' : writes(method) ? 'malformed-only' : 'read';
    const extra = method === 'auth.login' ? [loginGuesses(w.desk)] : [];
    let inputs = inputsFor(method, w.valid[method], extra);
    if (rule === 'malformed-only') inputs = inputs.filter(failsSchema(method));
    await fc.assert(
      fc.asyncProperty(inputs, fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: undefined }), async (input, deviceId) => {
        const r = await callSafely(w.office.core, deviceId ? { ...caller, deviceId } : caller, method, input);
        const outcome = r.ok ? 'ok' : r.code;
        if (rule === 'forbidden') expect(outcome).toBe('FORBIDDEN');
        else if (rule === 'malformed-only') expect(outcome).toBe('VALIDATION');
        else expect(['ok', 'VALIDATION', 'NOT_FOUND']).toContain(outcome);
      }),
      { numRuns: RUNS_PER_METHOD },
    );
    expectUnchanged(before, snapshot(w.office, w.key));
    // Still logged in, still a front-desk officer.
    expect(ok(await call(w.office.core, w.desk.token, 'session.get', {})).user.role).toBe(role);
  });

  it('random method names', async () => {
    const before = snapshot(w.office, w.key);
    await fc.assert(
      fc.asyncProperty(methodNames, junk, async (name, input) => {
        const r = await callSafely(w.office.core, { token: w.desk.token }, name, input);
        expect(r.ok ? 'ok' : r.code).toBe('UNKNOWN_METHOD');
      }),
      { numRuns: 200 },
    );
    expectUnchanged(before, snapshot(w.office, w.key));
  });

  it('the audit chain still verifies after all of it', async () => {
    const token = ok(await call(w.office.core, undefined, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).token;
    expect(ok(await call(w.office.core, token, 'audit.verify', {})).ok).toBe(true);
  });
});
