import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { contract, type MethodName } from '../../electron/core/api/contract';
import { defaultMessages, errorCodes } from '../../electron/core/api/errors';
import { can, permissions, permissionsOf, roles } from '../../electron/core/api/roles';
import { disposeAll, tempDir } from '../fixtures/office';

afterEach(disposeAll);

const methods = Object.keys(contract) as MethodName[];

describe('the API contract', () => {
  it('has a handler for every method and nothing else (the core refuses to start otherwise)', () => {
    const core = createCore({ dataDir: tempDir() });
    core.close();
  });

  it('names a known access rule and audit kind for every method', () => {
    for (const m of methods) {
      const { access, audit } = contract[m];
      expect(['public', 'session', ...permissions], m).toContain(access);
      expect(['none', 'read', 'change', 'auth'], m).toContain(audit);
    }
  });

  it('audits every method that changes something or shows a case', () => {
    const readsOnly = (m: string) => /\.(get|list|status|verify|getDraft|findDuplicates|inspectNik|revealName|content|exportRegister|anchorSheet)$/.test(m) || m.startsWith('reports.');
    // Saved as it is typed, every few seconds: an entry per autosave would drown the log.
    // Opening a draft and discarding it are audited; registering it is a change like any other.
    const autosave = new Set<string>(['intake.saveDraft']);
    for (const m of methods) {
      if (!readsOnly(m) && !autosave.has(m)) expect(['change', 'auth'], m).toContain(contract[m].audit);
      if (m.startsWith('cases.') || m.startsWith('audit.')) expect(contract[m].audit, m).not.toBe('none');
      if (m === 'cases.revealName' || m === 'intake.getDraft') expect(contract[m].audit, m).toBe('read');
    }
  });

  it('refuses unknown fields in every input instead of ignoring them', () => {
    for (const m of methods) {
      const r = contract[m].input.safeParse({ isAdmin: true });
      expect(r.success, m).toBe(false);
      expect(r.error?.issues.some((i) => i.code === 'unrecognized_keys'), m).toBe(true);
    }
  });

  it('has a message in Indonesian for every error code', () => {
    for (const code of errorCodes) {
      expect(defaultMessages[code], code).toBeTruthy();
      expect(defaultMessages[code], code).not.toMatch(/\b(the|is|not|error|failed)\b/i);
    }
  });
});

describe('roles', () => {
  it('only the administrator manages accounts, the office, the settings, and verifies the audit chain', () => {
    for (const role of roles) {
      for (const p of ['users.manage', 'office.manage', 'settings.manage', 'audit.verify'] as const) {
        expect(can(role, p), `${role} ${p}`).toBe(role === 'admin');
      }
    }
  });

  it('a head reads the audit log; front desk and case workers do not', () => {
    expect(can('head', 'audit.read')).toBe(true);
    expect(can('front_desk', 'audit.read')).toBe(false);
    expect(can('case_worker', 'audit.read')).toBe(false);
  });

  it('the secretariat reads cases but does not register them', () => {
    expect(can('secretariat', 'cases.read')).toBe(true);
    expect(can('secretariat', 'cases.create')).toBe(false);
  });

  it('every role grants only known permissions', () => {
    for (const role of roles) for (const p of permissionsOf(role)) expect(permissions).toContain(p);
  });
});
