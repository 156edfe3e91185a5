import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scrypt as scryptCb,
  timingSafeEqual,
} from 'node:crypto';
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

/**
 * One slot. Since format 2 a slot holds an X25519 key pair: the private key wrapped under the
 * secret (AES-256-GCM, key from scrypt) and the database key sealed to the public key. Sealing
 * needs no secret, so the register key can be changed (a removed user's old slot then opens
 * nothing) and every remaining slot re-sealed without anyone's password. A staff slot is also
 * *bound* to the PC: its wrapped private key is protected by the PC's secret storage (Windows
 * DPAPI through Electron's safeStorage), so a copied folder opens nothing elsewhere, and the
 * password cannot even be tried offline. Format 1 slots (the key wrapped directly) still open
 * and are converted at the next login.
 */
export interface KeySlot {
  id: string;
  kind: 'user' | 'recovery';
  userId?: string;
  username?: string;
  kdf: KdfParams;
  /** Format 2: X25519 public key (SPKI DER, base64). Absent in format 1. */
  pub?: string;
  /** The secret's wrap: format 1 the database key, format 2 the private key (PKCS#8 DER). Absent when bound. */
  iv?: string; // base64
  tag?: string; // base64
  wrapped?: string; // base64
  /** A bound slot: {iv, tag, wrapped} protected by the PC's secret storage (base64). */
  bound?: string;
  /** Format 2: the database key sealed to `pub`. */
  sealed?: SealedKey;
  /** A new database key sealed to `pub` while the register key is being changed (kept until the change is durable). */
  next?: SealedKey;
  /** The slot could not come along (a restored backup carries no PC-bound slot): an administrator re-issues the password. */
  reissue?: true;
  createdAt: string;
}

export interface SealedKey {
  epk: string; // ephemeral X25519 public key, SPKI DER base64
  iv: string;
  tag: string;
  ct: string;
}

/** The PC's own secret storage (Electron safeStorage / DPAPI in the desktop app; a key file under plain Node). */
export interface DeviceSecret {
  protect(plain: Buffer): Buffer;
  /** Throws when the blob was protected on another PC or Windows account. */
  unprotect(blob: Buffer): Buffer;
}

/** A bound slot whose PC secret is not this PC's: its owner needs an administrator to re-issue the password here. */
export class SlotBoundElsewhereError extends Error {}

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

function aad(slot: Pick<KeySlot, 'id' | 'kind'>, part = ''): Buffer {
  return Buffer.from(`teduh-keyslot:${slot.kind}:${slot.id}${part}`, 'utf8');
}

function gcmSeal(key: Buffer, plain: Buffer, ad: Buffer): { iv: string; tag: string; ct: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(ad);
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
}

function gcmOpen(key: Buffer, box: { iv: string; tag: string; ct: string }, ad: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64'));
    decipher.setAAD(ad);
    decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(box.ct, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** Seals the database key to a slot's public key (ephemeral X25519, HKDF-SHA256, AES-256-GCM). */
export function sealKeyTo(slot: Pick<KeySlot, 'id' | 'kind' | 'pub'>, dbKey: Buffer): SealedKey {
  if (!slot.pub) throw new Error('format 1 slot has no public key');
  const eph = generateKeyPairSync('x25519');
  const epk = eph.publicKey.export({ type: 'spki', format: 'der' });
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: createPublicKey({ key: Buffer.from(slot.pub, 'base64'), format: 'der', type: 'spki' }) });
  const k = Buffer.from(hkdfSync('sha256', shared, epk, 'teduh-keyslot-seal', 32));
  try {
    const box = gcmSeal(k, dbKey, aad(slot, ':sealed'));
    return { epk: epk.toString('base64'), ...box };
  } finally {
    k.fill(0);
    shared.fill(0);
  }
}

function openSealed(slot: KeySlot, privDer: Buffer, sealed: SealedKey): Buffer | null {
  const priv = createPrivateKey({ key: privDer, format: 'der', type: 'pkcs8' });
  const epk = Buffer.from(sealed.epk, 'base64');
  const shared = diffieHellman({ privateKey: priv, publicKey: createPublicKey({ key: epk, format: 'der', type: 'spki' }) });
  const k = Buffer.from(hkdfSync('sha256', shared, epk, 'teduh-keyslot-seal', 32));
  try {
    return gcmOpen(k, sealed, aad(slot, ':sealed'));
  } finally {
    k.fill(0);
    shared.fill(0);
  }
}

/**
 * Makes a slot: a fresh key pair, its private key wrapped under the secret (and, with `device`,
 * protected by this PC's secret storage), the database key sealed to it.
 */
export async function wrapKey(
  dbKey: Buffer,
  secret: string,
  slot: Pick<KeySlot, 'id' | 'kind' | 'userId' | 'username'>,
  scryptN: number,
  createdAt: string,
  device?: DeviceSecret,
): Promise<KeySlot> {
  const kdf: KdfParams = { name: 'scrypt', N: scryptN, r: 8, p: 1, salt: randomBytes(16).toString('base64') };
  const kek = await deriveKek(secret, kdf);
  const pair = generateKeyPairSync('x25519');
  const privDer = pair.privateKey.export({ type: 'pkcs8', format: 'der' });
  const box = gcmSeal(kek, privDer, aad(slot));
  kek.fill(0);
  privDer.fill(0);
  const out: KeySlot = { id: slot.id, kind: slot.kind, kdf, pub: pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), createdAt };
  const wrap = { iv: box.iv, tag: box.tag, wrapped: box.ct };
  if (device) out.bound = device.protect(Buffer.from(JSON.stringify(wrap))).toString('base64');
  else Object.assign(out, wrap);
  out.sealed = sealKeyTo(out, dbKey);
  if (slot.userId) out.userId = slot.userId;
  if (slot.username) out.username = slot.username;
  return out;
}

/** The secret's wrap of a slot: in the clear, or opened with this PC's secret storage. */
function wrapOf(slot: KeySlot, device?: DeviceSecret): { iv: string; tag: string; ct: string } | null {
  if (slot.bound) {
    let plain: Buffer;
    try {
      if (!device) throw new Error('no device secret');
      plain = device.unprotect(Buffer.from(slot.bound, 'base64'));
    } catch {
      throw new SlotBoundElsewhereError('slot bound to another PC');
    }
    const w = JSON.parse(plain.toString('utf8')) as { iv: string; tag: string; wrapped: string };
    return { iv: w.iv, tag: w.tag, ct: w.wrapped };
  }
  if (!slot.iv || !slot.tag || !slot.wrapped) return null;
  return { iv: slot.iv, tag: slot.tag, ct: slot.wrapped };
}

/**
 * Opens a slot with its secret: the database key and, while a register-key change is under way,
 * the new key; null when the secret is wrong. Throws SlotBoundElsewhereError for a slot bound to
 * another PC, before any key derivation (nothing about the password is learnt from it).
 */
export async function unwrapKeys(slot: KeySlot, secret: string, device?: DeviceSecret): Promise<{ key: Buffer; next: Buffer | null } | null> {
  if (slot.reissue) return null;
  const box = wrapOf(slot, device);
  if (!box) return null;
  const kek = await deriveKek(secret, slot.kdf);
  try {
    const inner = gcmOpen(kek, box, aad(slot));
    if (!inner) return null;
    if (!slot.pub) return { key: inner, next: null }; // format 1: the database key itself
    try {
      const key = slot.sealed ? openSealed(slot, inner, slot.sealed) : null;
      if (!key) return null;
      return { key, next: slot.next ? openSealed(slot, inner, slot.next) : null };
    } finally {
      inner.fill(0);
    }
  } finally {
    kek.fill(0);
  }
}

/** The database key a slot holds, or null when the secret is wrong (see unwrapKeys). */
export async function unwrapKey(slot: KeySlot, secret: string, device?: DeviceSecret): Promise<Buffer | null> {
  const keys = await unwrapKeys(slot, secret, device);
  keys?.next?.fill(0);
  return keys?.key ?? null;
}

/** A slot that could not come along or be re-sealed: it keeps the name, so its owner is told to ask for a new password. */
export function stubOf(slot: KeySlot): KeySlot {
  const out: KeySlot = { id: slot.id, kind: slot.kind, kdf: slot.kdf, reissue: true, createdAt: slot.createdAt };
  if (slot.userId) out.userId = slot.userId;
  if (slot.username) out.username = slot.username;
  return out;
}

/** Whether a slot can be re-sealed to a new database key without its secret (format 2). */
export function canReseal(slot: KeySlot): boolean {
  return !!slot.pub && !slot.reissue;
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
export async function unwrapWithAnySlot(slots: readonly KeySlot[], secret: string, device?: DeviceSecret): Promise<{ key: Buffer; slot: KeySlot } | null> {
  let recovery: string | null = null;
  try {
    recovery = normalizeRecoveryCode(secret);
  } catch {
    // not shaped like a recovery code: only the users' slots can open with it
  }
  for (const slot of slots) {
    const candidate = slot.kind === 'recovery' ? recovery : secret;
    if (candidate === null || slot.reissue) continue;
    let key: Buffer | null;
    try {
      key = await unwrapKey(slot, candidate, device);
    } catch (e) {
      if (e instanceof SlotBoundElsewhereError) continue; // another PC's staff slot opens nothing here
      throw e;
    }
    if (key) return { key, slot };
  }
  return null;
}
