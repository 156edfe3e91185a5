import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { uuidv7 } from '../../electron/core/ids';

describe('record ids', () => {
  it('are RFC 9562 version-7 UUIDs that the API accepts as ids', () => {
    const id = uuidv7();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(z.string().uuid().safeParse(id).success).toBe(true);
  });

  it('sort by the time they were made, so records from two PCs can later be merged in order', () => {
    const t = Date.UTC(2025, 2, 10, 8, 0, 0);
    const ids = [t + 2, t, t + 1_000_000, t + 1].map((at) => uuidv7(at));
    expect([...ids].sort()).toEqual([ids[1], ids[3], ids[0], ids[2]]);
    expect(uuidv7(t).slice(0, 13).replace('-', '')).toBe(t.toString(16).padStart(12, '0'));
  });

  it('do not repeat within the same millisecond', () => {
    const t = Date.now();
    const ids = new Set(Array.from({ length: 10_000 }, () => uuidv7(t)));
    expect(ids.size).toBe(10_000);
  });
});
