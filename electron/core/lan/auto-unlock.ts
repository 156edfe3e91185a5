import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Register } from '../register';
import { ensurePrivateFile } from '../private-files';

/**
 * Where the main process keeps the automatic-unlock secret, protected by the operating
 * system (Electron: `safeStorage`, which on Windows is DPAPI bound to the Windows account).
 * The core never learns how; in plain Node tests it is a file.
 */
export interface UnlockSecretStore {
  /** Whether the OS can protect a secret here at all. */
  available(): boolean;
  save(secret: Buffer): Promise<void> | void;
  load(): Promise<Buffer | null> | Buffer | null;
  clear(): Promise<void> | void;
}

/**
 * Automatic unlock: the database key wrapped (AES-256-GCM) under a random 32-byte secret
 * that only the OS's secret storage holds. Neither half opens anything alone: the file
 * beside the database is useless without the secret, and the secret without the file.
 */
const FILE = 'lan-autounlock.json';
const AAD = Buffer.from('teduh-lan-autounlock', 'utf8');

interface WrappedKeyFile {
  format: 'teduh-autounlock';
  version: 1;
  iv: string;
  tag: string;
  wrapped: string;
}

function file(reg: Register): string {
  return join(reg.dataDir, FILE);
}

export function autoUnlockEnabled(reg: Register): boolean {
  return existsSync(file(reg));
}

/** Wraps the open register's key and hands the secret to the OS store. */
export async function enableAutoUnlock(reg: Register, store: UnlockSecretStore): Promise<void> {
  const secret = randomBytes(32);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', secret, iv);
    cipher.setAAD(AAD);
    const wrapped = Buffer.concat([cipher.update(reg.databaseKey), cipher.final()]);
    const body: WrappedKeyFile = {
      format: 'teduh-autounlock',
      version: 1,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      wrapped: wrapped.toString('base64'),
    };
    await store.save(secret);
    writeFileSync(file(reg), JSON.stringify(body), { mode: 0o600 });
    ensurePrivateFile(file(reg));
  } finally {
    secret.fill(0);
  }
}

export async function disableAutoUnlock(reg: Register, store: UnlockSecretStore | null): Promise<void> {
  rmSync(file(reg), { force: true });
  await store?.clear();
}

/** Opens the register with the OS-held secret; false when it is off or cannot be used. */
export async function tryAutoUnlock(reg: Register, store: UnlockSecretStore): Promise<boolean> {
  if (reg.isUnlocked() || !autoUnlockEnabled(reg) || !store.available()) return false;
  const secret = await store.load();
  if (!secret) return false;
  let key: Buffer | null = null;
  try {
    const body = JSON.parse(readFileSync(file(reg), 'utf8')) as WrappedKeyFile;
    const decipher = createDecipheriv('aes-256-gcm', secret, Buffer.from(body.iv, 'base64'));
    decipher.setAAD(AAD);
    decipher.setAuthTag(Buffer.from(body.tag, 'base64'));
    key = Buffer.concat([decipher.update(Buffer.from(body.wrapped, 'base64')), decipher.final()]);
    reg.unlock(key);
    return true;
  } catch {
    return false;
  } finally {
    secret.fill(0);
    key?.fill(0);
  }
}

/** A store in a plain file: for tests and for a command-line host that chooses it knowingly. */
export function fileSecretStore(path: string): UnlockSecretStore {
  return {
    available: () => true,
    save: (secret) => writeFileSync(path, secret.toString('base64'), { mode: 0o600 }),
    load: () => (existsSync(path) ? Buffer.from(readFileSync(path, 'utf8'), 'base64') : null),
    clear: () => rmSync(path, { force: true }),
  };
}
