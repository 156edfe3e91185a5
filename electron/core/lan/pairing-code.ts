import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { normalizeFingerprint } from './identity';

/**
 * The 6-digit pairing code, in the commit-then-reveal form of Bluetooth's numeric
 * comparison. A code computed from the two certificates alone could be matched by an
 * attacker in the middle who tries a million certificates of their own; here the client
 * commits to its nonce before it sees the host's, so whoever sits in the middle has one
 * chance in a million, once per pairing.
 *
 *   1. client -> host: commitment = SHA-256("teduh-pair-commit" | client fp | client nonce)
 *   2. host -> client: host nonce
 *   3. client -> host: client nonce (the host checks the commitment)
 *   code = SHA-256("teduh-pair-code" | host fp | client fp | host nonce | client nonce),
 *          first 4 bytes as a number, modulo 1,000,000, six digits
 *
 * Both ends take the fingerprints from the TLS connection itself, so the code binds the
 * certificates that were actually used.
 */
export function newPairingNonce(): string {
  return randomBytes(32).toString('hex');
}

export function pairingCommitment(deviceFingerprint: string, deviceNonce: string): string {
  return createHash('sha256')
    .update(`teduh-pair-commit|${normalizeFingerprint(deviceFingerprint)}|${deviceNonce}`)
    .digest('hex');
}

export function commitmentMatches(commitment: string, deviceFingerprint: string, deviceNonce: string): boolean {
  const expected = Buffer.from(pairingCommitment(deviceFingerprint, deviceNonce), 'hex');
  const given = Buffer.from(commitment, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function pairingCode(hostFingerprint: string, deviceFingerprint: string, hostNonce: string, deviceNonce: string): string {
  const digest = createHash('sha256')
    .update(
      `teduh-pair-code|${normalizeFingerprint(hostFingerprint)}|${normalizeFingerprint(deviceFingerprint)}|${hostNonce}|${deviceNonce}`,
    )
    .digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

/** Accepts "123 456", "123-456" or "123456". */
export function normalizePairingCode(input: string): string {
  return input.replace(/[\s-]/g, '');
}
