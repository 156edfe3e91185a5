import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { ApiError } from '../api/errors';
import type { LanPairingRequestView } from '../api/contract-lan';
import { uuidv7 } from '../ids';
import { fingerprintOf, pemFromDer } from './identity';
import { commitmentMatches, newPairingNonce, normalizePairingCode, pairingCode } from './pairing-code';
import { readJsonBody, sendJson } from './http';

/** A PC asking to be paired, as the host keeps it (in memory only, for ten minutes). */
interface PairingRequest {
  id: string;
  deviceName: string;
  address: string;
  deviceFingerprint: string;
  deviceCertPem: string;
  commitment: string;
  hostNonce: string;
  code: string | null;
  requestedAt: string;
  expiresAt: number;
  outcome: { status: 'confirmed'; deviceId: string } | { status: 'refused' } | null;
  /** Set when the administrator confirmed; the outcome is given once the device row is committed. */
  pendingDeviceId: string | null;
  /** Codes typed at the host that did not match; at MAX_WRONG_CODES the request ends. */
  wrongCodes: number;
  waiters: Set<() => void>;
}

const REQUEST_TTL_MS = 10 * 60_000;
/** A request whose code was never revealed is not on the administrator's list; it goes soon. */
const UNREVEALED_TTL_MS = 60_000;
const MAX_REQUESTS = 8;
const MAX_PER_ADDRESS = 3;
const MAX_WRONG_CODES = 3;
const WAIT_MS = 25_000;

/**
 * The host's side of pairing: requests from unknown PCs, their codes, the administrator's
 * answer. Nothing here grants access: only `confirm`, called by an administrator's
 * `lan.confirmPairing` with the code shown on the PC, adds a device.
 */
export class PairingDesk {
  private readonly requests = new Map<string, PairingRequest>();

  constructor(
    private readonly hostFingerprint: () => string | null,
    private readonly isKnownDevice: (fingerprint: string) => boolean,
    private readonly now: () => Date,
  ) {}

  list(): LanPairingRequestView[] {
    this.expire();
    return [...this.requests.values()]
      .filter((r) => r.code !== null && r.outcome === null && r.pendingDeviceId === null)
      .map((r) => ({ id: r.id, deviceName: r.deviceName, address: r.address, requestedAt: r.requestedAt, code: r.code! }));
  }

  /** Checks the code for a waiting request; returns what the device row needs. */
  prepareConfirmation(requestId: string, code: string): { deviceName: string; fingerprint: string; certPem: string } {
    this.expire();
    const r = this.requests.get(requestId);
    if (!r || r.code === null || r.outcome !== null) throw new ApiError('NOT_FOUND', 'Permintaan pemasangan tidak ditemukan atau sudah kedaluwarsa.');
    if (normalizePairingCode(code) !== r.code) {
      // Six digits are guessed in a million tries, not three: after the third wrong code the request ends.
      r.wrongCodes += 1;
      if (r.wrongCodes >= MAX_WRONG_CODES) {
        this.settle(r, { status: 'refused' });
        throw new ApiError('VALIDATION', undefined, {
          fields: { code: 'Kode salah tiga kali; permintaan ini diakhiri. PC tersebut harus meminta pemasangan lagi.' },
        });
      }
      throw new ApiError('VALIDATION', undefined, {
        fields: { code: 'Kode tidak cocok dengan kode PC ini. Periksa layar PC yang meminta; jika berbeda, tolak permintaan.' },
      });
    }
    return { deviceName: r.deviceName, fingerprint: r.deviceFingerprint, certPem: r.deviceCertPem };
  }

  markConfirmed(requestId: string, deviceId: string): void {
    const r = this.requests.get(requestId);
    if (r) r.pendingDeviceId = deviceId;
  }

  /** The device row is committed (and the TLS layer knows it): the waiting PC may go on. */
  deviceCommitted(deviceId: string): void {
    for (const r of this.requests.values()) {
      if (r.pendingDeviceId === deviceId) this.settle(r, { status: 'confirmed', deviceId });
    }
  }

  refuse(requestId: string): void {
    const r = this.requests.get(requestId);
    if (!r || r.outcome !== null) throw new ApiError('NOT_FOUND', 'Permintaan pemasangan tidak ditemukan atau sudah kedaluwarsa.');
    this.settle(r, { status: 'refused' });
  }

  clear(): void {
    for (const r of this.requests.values()) this.settle(r, { status: 'refused' });
    this.requests.clear();
  }

  private settle(r: PairingRequest, outcome: NonNullable<PairingRequest['outcome']>): void {
    r.outcome = outcome;
    r.expiresAt = Math.min(r.expiresAt, Date.now() + 60_000); // kept a minute so the PC can read it
    for (const w of r.waiters) w();
    r.waiters.clear();
  }

  private expire(): void {
    const now = Date.now();
    for (const [id, r] of this.requests) {
      if (r.expiresAt <= now) {
        for (const w of r.waiters) w();
        this.requests.delete(id);
      }
    }
  }

  /** The pairing endpoint's requests (`pair.teduh.invalid`): start, reveal, wait. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const socket = req.socket as TLSSocket;
    const peer = socket.getPeerCertificate();
    const hostFp = this.hostFingerprint();
    if (!peer?.raw || !hostFp) return sendJson(res, 400, { error: 'certificate required' });
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'method not allowed' });
    const deviceFingerprint = fingerprintOf(peer.raw);
    let body: Record<string, unknown>;
    try {
      body = (await readJsonBody(req, 16 * 1024)) as Record<string, unknown>;
    } catch {
      return sendJson(res, 400, { error: 'bad request' });
    }
    this.expire();
    const path = new URL(req.url ?? '/', 'https://pair.invalid').pathname;
    if (path === '/pair/start') return this.start(res, body, deviceFingerprint, pemFromDer(peer.raw), socket.remoteAddress ?? '');
    const r = typeof body.requestId === 'string' ? this.requests.get(body.requestId) : undefined;
    // A request belongs to the certificate that made it.
    if (!r || r.deviceFingerprint !== deviceFingerprint) return sendJson(res, 404, { error: 'unknown request' });
    if (path === '/pair/reveal') {
      const nonce = typeof body.nonce === 'string' ? body.nonce : '';
      if (r.code !== null || !/^[0-9a-f]{64}$/.test(nonce) || !commitmentMatches(r.commitment, deviceFingerprint, nonce)) {
        this.requests.delete(r.id);
        return sendJson(res, 400, { error: 'commitment does not match' });
      }
      r.code = pairingCode(hostFp, deviceFingerprint, r.hostNonce, nonce);
      r.expiresAt = Date.now() + REQUEST_TTL_MS;
      return sendJson(res, 200, { status: 'pending' });
    }
    if (path === '/pair/wait') {
      if (!r.outcome) {
        await new Promise<void>((done) => {
          const timer = setTimeout(finish, WAIT_MS);
          function finish() {
            clearTimeout(timer);
            r!.waiters.delete(finish);
            done();
          }
          r.waiters.add(finish);
          res.on('close', finish);
        });
      }
      if (res.destroyed) return;
      const current = this.requests.get(r.id);
      if (!current) return sendJson(res, 200, { status: 'expired' });
      return sendJson(res, 200, current.outcome ?? { status: 'pending' });
    }
    return sendJson(res, 404, { error: 'not found' });
  }

  private start(res: ServerResponse, body: Record<string, unknown>, deviceFingerprint: string, deviceCertPem: string, address: string): void {
    const name = typeof body.deviceName === 'string' ? body.deviceName.trim().slice(0, 60) : '';
    const commitment = typeof body.commitment === 'string' ? body.commitment : '';
    if (!name || !/^[0-9a-f]{64}$/.test(commitment)) return sendJson(res, 400, { error: 'bad request' });
    if (this.isKnownDevice(deviceFingerprint)) return sendJson(res, 409, { error: 'this certificate is already known' });
    // Bounded: strangers on the LAN cannot fill the host's memory or the administrator's list.
    // A new request is refused rather than one pushed out: the one an administrator is
    // looking at, or typing the code of, stays.
    const open = [...this.requests.values()].filter((r) => r.outcome === null);
    if (open.filter((r) => r.address === address).length >= MAX_PER_ADDRESS || open.length >= MAX_REQUESTS) {
      return sendJson(res, 429, { error: 'too many pairing requests' });
    }
    const now = this.now();
    const r: PairingRequest = {
      id: uuidv7(now.getTime()),
      deviceName: name,
      address,
      deviceFingerprint,
      deviceCertPem,
      commitment,
      hostNonce: newPairingNonce(),
      code: null,
      requestedAt: now.toISOString(),
      expiresAt: Date.now() + UNREVEALED_TTL_MS,
      outcome: null,
      pendingDeviceId: null,
      wrongCodes: 0,
      waiters: new Set(),
    };
    this.requests.set(r.id, r);
    sendJson(res, 200, { requestId: r.id, hostNonce: r.hostNonce });
  }
}
