import { describe, expect, it } from 'vitest';
import { contract } from '../../electron/core/api/contract';
import { id } from '../../renderer/src/i18n/id';
import { en } from '../../renderer/src/i18n/en';

describe('the audit screen', () => {
  it('names every API method in Indonesian and English, never showing a raw method name', () => {
    const missing = Object.keys(contract).filter((m) => {
      const key = m.replaceAll('.', '_') as keyof typeof id.audit.actions;
      return !id.audit.actions[key] || !en.audit.actions[key];
    });
    expect(missing).toEqual([]);
  });
});
