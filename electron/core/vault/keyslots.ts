import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { ApiError } from '../api/errors';

const scrypt = promisify(scryptCb) as (
  password: string | Buffer,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/**
 * Key slots: the database key (32 random bytes) is never stored in the clear. Each user
 * (and the recovery code) has a slot: the key wrapped with AES-256-GCM under a key derived
 * from their secret with scrypt. A wrong secret fails the GCM tag check.
 */
export interface KdfParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string; // base64
}

export interface KeySlot {
  id: string;
  kind: 'user' | 'recovery';
  userId?: string;
  username?: string;
  kdf: KdfParams;
  iv: string; // base64
  tag: string; // base64
  wrapped: string; // base64
  createdAt: string;
}

/** ~250 ms on the reference 2-core machine (N=2^17, r=8, p=1, 128 MiB). */
export const DEFAULT_SCRYPT_N = 1 << 17;

function deriveKek(secret: string, kdf: KdfParams): Promise<Buffer> {
  return scrypt(secret.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * kdf.N * kdf.r + 16 * 1024 * 1024,
  });
}

function aad(slot: Pick<KeySlot, 'id' | 'kind'>): Buffer {
  return Buffer.from(`teduh-keyslot:${slot.kind}:${slot.id}`, 'utf8');
}

export async function wrapKey(
  dbKey: Buffer,
  secret: string,
  slot: Pick<KeySlot, 'id' | 'kind' | 'userId' | 'username'>,
  scryptN: number,
  createdAt: string,
): Promise<KeySlot> {
  const kdf: KdfParams = { name: 'scrypt', N: scryptN, r: 8, p: 1, salt: randomBytes(16).toString('base64') };
  const kek = await deriveKek(secret, kdf);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad(slot));
  const wrapped = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  kek.fill(0);
  const out: KeySlot = {
    id: slot.id,
    kind: slot.kind,
    kdf,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrapped: wrapped.toString('base64'),
    createdAt,
  };
  if (slot.userId) out.userId = slot.userId;
  if (slot.username) out.username = slot.username;
  return out;
}

/** Returns the database key, or null when the secret is wrong. */
export async function unwrapKey(slot: KeySlot, secret: string): Promise<Buffer | null> {
  const kek = await deriveKek(secret, slot.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(aad(slot));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(slot.wrapped, 'base64')), decipher.final()]);
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

export function sameKey(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export function newDatabaseKey(): Buffer {
  return randomBytes(32);
}

const RECOVERY_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O, 1/I

/** 25 characters from a 32-symbol alphabet (125 bits), shown as five groups of five. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(25);
  let s = '';
  for (const b of bytes) s += RECOVERY_ALPHABET[b & 31];
  return s.match(/.{5}/g)!.join('-');
}

/** Accepts the code as typed: any case, with or without spaces and dashes. */
export function normalizeRecoveryCode(input: string): string {
  const clean = input.toUpperCase().replace(/[\s-]/g, '');
  if (clean.length !== 25 || [...clean].some((c) => !RECOVERY_ALPHABET.includes(c))) {
    throw new ApiError('WRONG_PASSWORD', 'Kode pemulihan tidak valid: harus 25 karakter (5 kelompok).');
  }
  return clean.match(/.{5}/g)!.join('-');
}

/**
 * Opens the database key with a secret that may be any user's password or the recovery code
 * (the command line and a restore ask for "a password or the recovery code"): the key and the
 * slot it opened, or null.
 */
export async function unwrapWithAnySlot(slots: readonly KeySlot[], secret: string): Promise<{ key: Buffer; slot: KeySlot } | null> {
  let recovery: string | null = null;
  try {
    recovery = normalizeRecoveryCode(secret);
  } catch {
    // not shaped like a recovery code: only the users' slots can open with it
  }
  for (const slot of slots) {
    const candidate = slot.kind === 'recovery' ? recovery : secret;
    if (candidate === null) continue;
    const key = await unwrapKey(slot, candidate);
    if (key) return { key, slot };
  }
  return null;
}
