import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT_N,
  newDatabaseKey,
  newRecoveryCode,
  normalizeRecoveryCode,
  unwrapKey,
  wrapKey,
  type KeySlot,
} from '../../electron/core/vault/keyslots';

// Key derivation is the subject here: the real default cost.

const NOW = '2025-03-10T01:00:00.000Z';

async function slotFor(secret: string, id = 'slot-1'): Promise<{ key: Buffer; slot: KeySlot }> {
  const key = newDatabaseKey();
  const slot = await wrapKey(key, secret, { id, kind: 'user', userId: id, username: 'rina' }, DEFAULT_SCRYPT_N, NOW);
  return { key, slot };
}

describe('a key slot', () => {
  it('gives back the database key for the right password, and nothing for a wrong one', async () => {
    const { key, slot } = await slotFor('Kantor-Teduh-2025');
    expect(key).toHaveLength(32);
    expect((await unwrapKey(slot, 'Kantor-Teduh-2025'))!.equals(key)).toBe(true);
    expect(await unwrapKey(slot, 'kantor-teduh-2025')).toBeNull();
    // The slot holds neither the key nor the password in any readable form.
    const text = JSON.stringify(slot);
    expect(text).not.toContain('Kantor-Teduh-2025');
    expect(text).not.toContain(key.toString('hex'));
    expect(text).not.toContain(key.toString('base64'));
    expect(slot.kdf).toMatchObject({ name: 'scrypt', N: DEFAULT_SCRYPT_N, r: 8, p: 1 });
  });

  it('cannot be moved to another account or edited: a changed id or ciphertext opens nothing', async () => {
    const { slot } = await slotFor('Kantor-Teduh-2025');
    expect(await unwrapKey({ ...slot, id: 'slot-2' }, 'Kantor-Teduh-2025')).toBeNull();
    expect(await unwrapKey({ ...slot, kind: 'recovery' }, 'Kantor-Teduh-2025')).toBeNull();
    const wrapped = Buffer.from(slot.wrapped!, 'base64');
    wrapped[0] = wrapped[0]! ^ 1;
    expect(await unwrapKey({ ...slot, wrapped: wrapped.toString('base64') }, 'Kantor-Teduh-2025')).toBeNull();
  });

  it('accepts a password with accents however the keyboard composed them', async () => {
    const composed = 'Sandi-Café-2025'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const { key, slot } = await slotFor(composed);
    expect((await unwrapKey(slot, decomposed))!.equals(key)).toBe(true);
  });

  it('uses a fresh salt each time, so the same password never gives the same slot', async () => {
    const key = newDatabaseKey();
    const [a, b] = await Promise.all([
      wrapKey(key, 'Kantor-Teduh-2025', { id: 's', kind: 'user' }, DEFAULT_SCRYPT_N, NOW),
      wrapKey(key, 'Kantor-Teduh-2025', { id: 's', kind: 'user' }, DEFAULT_SCRYPT_N, NOW),
    ]);
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.wrapped).not.toBe(b.wrapped);
  });
});

describe('the recovery code', () => {
  it('is five groups of five characters without look-alikes (no 0/O, 1/I)', () => {
    for (let i = 0; i < 200; i++) {
      const code = newRecoveryCode();
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{5}(-[2-9A-HJ-NP-Z]{5}){4}$/);
    }
    expect(new Set(Array.from({ length: 200 }, newRecoveryCode)).size).toBe(200);
  });

  it('is accepted as typed from paper: any case, spaces or dashes', () => {
    const code = newRecoveryCode();
    const plain = code.replace(/-/g, '');
    expect(normalizeRecoveryCode(plain.toLowerCase())).toBe(code);
    expect(normalizeRecoveryCode(` ${code.replace(/-/g, ' ')} `)).toBe(code);
  });

  it('refuses what cannot be a code, with a plain explanation', () => {
    for (const bad of ['', 'ABCDE', '00000-00000-00000-00000-00000', `${newRecoveryCode()}-ABCDE`]) {
      expect(() => normalizeRecoveryCode(bad)).toThrow(/25 karakter/);
    }
  });
});
