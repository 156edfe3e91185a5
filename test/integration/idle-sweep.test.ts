import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../electron/core';
import { disposeAll, FAST_SCRYPT_N, MINUTE, newOffice } from '../fixtures/office';

afterEach(() => {
  vi.useRealTimers();
  disposeAll();
});

describe('an office PC left alone', () => {
  it('locks itself when the idle time passes, even if nobody touches the app again', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const clock = new ManualClock('2026-11-23T02:00:00Z');
    // Key derivation is not the subject here.
    const office = await newOffice({ clock, scryptN: FAST_SCRYPT_N });
    expect(office.core.register.isUnlocked()).toBe(true);

    clock.advance(4 * MINUTE);
    vi.advanceTimersByTime(30_000);
    expect(office.core.register.isUnlocked()).toBe(true);

    // 5 minutes of idle lock (the default) plus the minute of grace have passed.
    clock.advance(3 * MINUTE);
    vi.advanceTimersByTime(30_000);
    expect(office.core.register.isUnlocked()).toBe(false);
    const r = await office.core.call({ token: office.adminToken }, 'session.get', {});
    expect(r.ok ? null : r.error.code).toBe('UNAUTHENTICATED');
  });
});
