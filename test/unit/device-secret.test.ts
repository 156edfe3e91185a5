import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { safeStorageDeviceSecret } from '../../electron/main/device-secret';
import type { SafeStorageLike } from '../../electron/main/lan-client';
import { newDatabaseKey, unwrapKey, wrapKey, SlotBoundElsewhereError } from '../../electron/core/vault/keyslots';

/** A stand-in for Electron's safeStorage: a secret held by "this Windows account". */
function windowsAccount(available = true): SafeStorageLike {
  const secret = randomBytes(32);
  return {
    isEncryptionAvailable: () => available,
    encryptString(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', secret, iv);
      const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), ct]);
    },
    decryptString(blob) {
      const d = createDecipheriv('aes-256-gcm', secret, blob.subarray(0, 12));
      d.setAuthTag(blob.subarray(12, 28));
      return Buffer.concat([d.update(blob.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

const NOW = '2026-12-01T01:00:00.000Z';

describe("a staff key slot in the desktop app is bound with Windows' secret storage", () => {
  it('opens on this Windows account, and on another account or PC opens nothing, before the password is tried', async () => {
    const here = safeStorageDeviceSecret(windowsAccount());
    const key = newDatabaseKey();
    const slot = await wrapKey(key, 'Pintu-Depan-Kantor-7', { id: 's1', kind: 'user', userId: 'u1', username: 'depan' }, 2 ** 14, NOW, here);
    expect((await unwrapKey(slot, 'Pintu-Depan-Kantor-7', here))!.equals(key)).toBe(true);
    expect(await unwrapKey(slot, 'salah-sandi', here)).toBeNull();
    const elsewhere = safeStorageDeviceSecret(windowsAccount());
    await expect(unwrapKey(slot, 'Pintu-Depan-Kantor-7', elsewhere)).rejects.toBeInstanceOf(SlotBoundElsewhereError);
  });

  it('refuses to make a bound slot when the secret storage is unavailable, instead of a weaker portable one', async () => {
    const none = safeStorageDeviceSecret(windowsAccount(false));
    await expect(wrapKey(newDatabaseKey(), 'Pintu-Depan-Kantor-7', { id: 's1', kind: 'user' }, 2 ** 14, NOW, none)).rejects.toThrow();
  });
});
