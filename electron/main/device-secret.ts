import type { DeviceSecret } from '../core/vault/keyslots';
import type { SafeStorageLike } from './lan-client';

/**
 * This PC's secret storage for the core's PC-bound key slots: Electron's safeStorage, which on
 * Windows is DPAPI, bound to this Windows account on this PC. Without it nothing is bound
 * (creating a staff slot fails plainly rather than falling back to a portable one).
 */
export function safeStorageDeviceSecret(safe: SafeStorageLike): DeviceSecret {
  const ready = () => {
    if (!safe.isEncryptionAvailable()) throw new Error('OS secret storage unavailable');
  };
  return {
    protect(plain) {
      ready();
      return safe.encryptString(plain.toString('base64'));
    },
    unprotect(blob) {
      ready();
      return Buffer.from(safe.decryptString(blob), 'base64');
    },
  };
}
