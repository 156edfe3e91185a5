import { request } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { createTlsIdentity, fingerprintOf, pemFromDer, type TlsIdentity } from './identity';
import { newPairingNonce, pairingCode, pairingCommitment } from './pairing-code';
import { PAIRING_SERVERNAME } from './sni-router';

/** What a client PC keeps once paired: its own identity and the host's pinned certificate. No case data. */
export interface PairedHost {
  host: string;
  port: number;
  deviceId: string;
  deviceKey: string;
  deviceCert: string;
  hostCert: string;
  hostFingerprint: string;
}

export interface PairingAttempt {
  /** The 6-digit code to show on this PC; the host's administrator sees the same one. */
  code: string;
  hostFingerprint: string;
  /** Resolves once the administrator confirmed; rejects when refused, expired or cancelled. */
  confirmed: Promise<PairedHost>;
  cancel(): void;
}

export class PairingError extends Error {
  constructor(
    readonly reason: 'unreachable' | 'refused' | 'expired' | 'cancelled' | 'host-changed' | 'protocol',
    message: string,
  ) {
    super(message);
    this.name = 'PairingError';
  }
}

interface Exchange {
  status: number;
  body: Record<string, unknown>;
  hostFingerprint: string;
  hostCertPem: string;
}

function post(opts: { host: string; port: number; identity: TlsIdentity; signal: AbortSignal }, path: string, payload: unknown): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(payload);
    // The host is not pinned yet: its certificate is read from the connection and bound
    // into the code, which the administrator compares.
    const req = request({
      host: opts.host,
      port: opts.port,
      method: 'POST',
      path,
      servername: PAIRING_SERVERNAME,
      key: opts.identity.keyPem,
      cert: opts.identity.certPem,
      rejectUnauthorized: false,
      minVersion: 'TLSv1.3',
      agent: false,
      signal: opts.signal,
      timeout: 40_000,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
    });
    req.on('response', (res) => {
      const peer = (res.socket as TLSSocket).getPeerCertificate();
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          if (!peer?.raw) throw new Error('no host certificate');
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
            hostFingerprint: fingerprintOf(peer.raw),
            hostCertPem: pemFromDer(peer.raw),
          });
        } catch {
          reject(new PairingError('protocol', 'Jawaban host tidak dapat dibaca.'));
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () =>
      reject(
        opts.signal.aborted
          ? new PairingError('cancelled', 'Pemasangan dibatalkan.')
          : new PairingError('unreachable', 'Host tidak dapat dihubungi di alamat itu. Periksa alamat dan port, dan pastikan berbagi LAN di host menyala.'),
      ),
    );
    req.end(body);
  });
}

/**
 * Asks a host to pair this PC: makes this PC's key and certificate, commits to a nonce,
 * gets the host's nonce, reveals its own, and computes the 6-digit code to show. The
 * administrator types that code on the host; once they do, `confirmed` gives what this PC
 * keeps (its identity and the host's certificate, now pinned).
 */
export async function requestPairing(opts: { host: string; port: number; deviceName: string }): Promise<PairingAttempt> {
  const identity = await createTlsIdentity('device', opts.deviceName);
  const controller = new AbortController();
  const conn = { host: opts.host, port: opts.port, identity, signal: controller.signal };
  const nonce = newPairingNonce();
  const start = await post(conn, '/pair/start', { deviceName: opts.deviceName, commitment: pairingCommitment(identity.fingerprint, nonce) });
  if (start.status === 409) throw new PairingError('refused', 'Host sudah mengenal sertifikat ini.');
  if (start.status === 429) throw new PairingError('refused', 'Host sedang menerima terlalu banyak permintaan pemasangan. Tunggu sebentar, lalu coba lagi.');
  const requestId = start.body.requestId;
  const hostNonce = start.body.hostNonce;
  if (start.status !== 200 || typeof requestId !== 'string' || typeof hostNonce !== 'string' || !/^[0-9a-f]{64}$/.test(hostNonce)) {
    throw new PairingError('protocol', 'Host tidak menerima permintaan pemasangan.');
  }
  const hostFingerprint = start.hostFingerprint;
  const sameHost = (x: Exchange) => {
    // Every exchange must reach the same certificate the code is computed from.
    if (x.hostFingerprint !== hostFingerprint) throw new PairingError('host-changed', 'Sertifikat host berubah selama pemasangan. Pemasangan dihentikan.');
    return x;
  };
  const reveal = sameHost(await post(conn, '/pair/reveal', { requestId, nonce }));
  if (reveal.status !== 200) throw new PairingError('protocol', 'Host menolak langkah pemasangan.');
  const code = pairingCode(hostFingerprint, identity.fingerprint, hostNonce, nonce);

  const confirmed = (async (): Promise<PairedHost> => {
    for (;;) {
      const wait = sameHost(await post(conn, '/pair/wait', { requestId }));
      const status = wait.body.status;
      if (status === 'confirmed' && typeof wait.body.deviceId === 'string') {
        return {
          host: opts.host,
          port: opts.port,
          deviceId: wait.body.deviceId,
          deviceKey: identity.keyPem,
          deviceCert: identity.certPem,
          hostCert: start.hostCertPem,
          hostFingerprint,
        };
      }
      if (status === 'refused') throw new PairingError('refused', 'Administrator menolak pemasangan PC ini.');
      if (status !== 'pending') throw new PairingError('expired', 'Permintaan pemasangan kedaluwarsa. Mulai lagi.');
    }
  })();
  confirmed.catch(() => {}); // the caller may cancel without awaiting
  return { code, hostFingerprint, confirmed, cancel: () => controller.abort() };
}
