import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { DeviceSecret } from './keyslots';

/**
 * The PC's own secret storage as the core sees it. In the desktop app it is Electron's
 * `safeStorage` (DPAPI: bound to this Windows account on this PC), passed in by the main
 * process. Under plain Node (the web harness, the command line, tests) a stand-in keeps a
 * random key in a file outside the data folder, in the user's home: copying the data folder
 * (or a backup) to another PC does not copy it.
 */
const AAD = Buffer.from('teduh-device-secret', 'utf8');

export function defaultDeviceSecretDir(): string {
  return process.env.TEDUH_DEVICE_SECRET_DIR || join(homedir(), '.teduh-device');
}

export function fileDeviceSecret(dir: string = defaultDeviceSecretDir()): DeviceSecret {
  let key: Buffer | null = null;
  const load = (): Buffer => {
    if (key) return key;
    const file = join(dir, 'device-secret.key');
    try {
      const k = readFileSync(file);
      if (k.length === 32) return (key = k);
    } catch {
      // made below
    }
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const fresh = randomBytes(32);
    const tmp = `${file}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, fresh);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    return (key = readFileSync(file));
  };
  return {
    protect(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', load(), iv);
      c.setAAD(AAD);
      const ct = Buffer.concat([c.update(plain), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), ct]);
    },
    unprotect(blob) {
      const d = createDecipheriv('aes-256-gcm', load(), blob.subarray(0, 12));
      d.setAAD(AAD);
      d.setAuthTag(blob.subarray(12, 28));
      return Buffer.concat([d.update(blob.subarray(28)), d.final()]);
    },
  };
}
