import { describe, expect, it } from 'vitest';
import { lockoutSeconds } from '../../electron/core/auth/policy';

describe('the growing delay after failed logins', () => {
  it('lets a person mistype twice without waiting', () => {
    expect([0, 1, 2].map(lockoutSeconds)).toEqual([0, 0, 0]);
  });

  it('then makes each further failure wait longer, up to five minutes', () => {
    const waits = Array.from({ length: 12 }, (_, i) => lockoutSeconds(i + 3));
    expect(waits[0]).toBeGreaterThan(0);
    for (let i = 1; i < waits.length; i++) expect(waits[i]!).toBeGreaterThanOrEqual(waits[i - 1]!);
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
    expect(Math.max(...waits)).toBe(300);
    expect(lockoutSeconds(10_000)).toBe(300);
  });
});
