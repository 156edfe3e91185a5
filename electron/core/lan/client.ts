import { createHash, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:https';
import { connect as tlsConnect, type PeerCertificate } from 'node:tls';
import WebSocket from 'ws';
import type { ChangeEvent } from '../api/bridge';
import { contract, isMethodName } from '../api/contract';
import { errorBody, type ApiResult } from '../api/errors';
import { fingerprintOf, normalizeFingerprint } from './identity';
import { API_SERVERNAME } from './sni-router';

/** Where the connection to the host stands, for the client's banner. */
export type LanConnectionState =
  /** first attempt under way */
  | 'connecting'
  /** the event stream is open: calls go through */
  | 'connected'
  /** no answer: host off, asleep, cable out, or its register not yet unlocked */
  | 'unreachable'
  /** the host refused this PC's certificate: not paired, or revoked */
  | 'refused'
  /** something answered at the host's address with another certificate: possibly an impostor */
  | 'host-mismatch'
  | 'closed';

export interface LanClientOptions {
  host: string;
  port: number;
  /** This PC's key and certificate (PEM), made at pairing. */
  deviceKey: string;
  deviceCert: string;
  /**
   * The host's certificate as seen and pinned at pairing (PEM). OpenSSL is given it as the
   * only trust anchor, so a different host certificate fails the handshake before this PC
   * sends anything; its fingerprint is compared as well.
   */
  hostCert: string;
  /** The pinned fingerprint, if kept separately: must be the certificate's. */
  pinnedHostFingerprint?: string;
  log?: (line: string) => void;
  /** Reconnection backoff bounds (default 500 ms to 15 s). */
  backoff?: { minMs: number; maxMs: number };
  /** How long one request may take before it is treated as lost (default 30 s). */
  requestTimeoutMs?: number;
  /** Delays between the attempts of one call when the connection fails (default 250 ms, 1 s). */
  retryDelaysMs?: number[];
}

export interface LanClient {
  /** Forwards one API call to the host. Never throws; when the host cannot be reached the answer is UNAVAILABLE. */
  call(token: string | undefined, method: unknown, input: unknown): Promise<ApiResult<unknown>>;
  /** Change events from the host (and `lan.resync` after a reconnection: refresh everything). */
  subscribe(listener: (e: ChangeEvent) => void): () => void;
  onStatus(listener: (state: LanConnectionState) => void): () => void;
  readonly state: LanConnectionState;
  /** The host moved (found again by mDNS at another address). */
  setAddress(host: string, port: number): void;
  close(): Promise<void>;
}

const MESSAGES: Record<'unreachable' | 'refused' | 'host-mismatch', string> = {
  unreachable:
    'PC host tidak dapat dihubungi. Pastikan PC host menyala, tersambung ke jaringan kantor dan Teduh di sana sudah dibuka; isian Anda tidak hilang.',
  refused: 'PC host menolak PC ini: belum dipasangkan atau pemasangannya sudah dicabut. Hubungi administrator.',
  'host-mismatch':
    'PC yang menjawab di alamat host bukan host yang dipasangkan (sertifikatnya berbeda). Jangan lanjutkan; hubungi administrator.',
};

/** Methods after which the token a PC holds is no longer live. */
const SESSION_ENDING = new Set(['auth.logout', 'auth.lock']);
const HOST_MISMATCH = 'ERR_TEDUH_HOST_MISMATCH';
const UNKNOWN_OUTCOME_TTL_MS = 60 * 60_000;

type Attempt = { kind: 'answer'; result: ApiResult<unknown> } | { kind: 'failed'; state: 'unreachable' | 'refused' | 'host-mismatch' };

/** What a TLS or socket error says about the host. */
export function classifyConnectionError(err: unknown): 'unreachable' | 'refused' | 'host-mismatch' {
  const code = String((err as NodeJS.ErrnoException)?.code ?? '');
  const message = String((err as Error)?.message ?? '');
  if (code === HOST_MISMATCH || /SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|CERT_SIGNATURE_FAILURE|CERT_UNTRUSTED/.test(code)) {
    return 'host-mismatch';
  }
  if (/ALERT_(UNKNOWN_CA|BAD_CERTIFICATE|CERTIFICATE_REQUIRED|CERTIFICATE_UNKNOWN|HANDSHAKE_FAILURE|ACCESS_DENIED)/i.test(code + message)) {
    return 'refused';
  }
  return 'unreachable';
}

/**
 * The client PC's transport: the same calls as the in-process core, sent to the host over
 * mutual TLS 1.3 with the host's certificate pinned, and the host's change events over a
 * WebSocket. It reconnects by itself with backoff; while the host cannot be reached, calls
 * answer UNAVAILABLE (they never throw), so an open form keeps what was typed.
 *
 * No lost or doubled edits: every change carries an idempotency key. When the connection
 * drops after a change was sent, the call is tried again with the same key and the host
 * answers with the first result instead of doing it twice. When all tries fail, the key is
 * remembered for that exact request, so the user's own retry (the same form sent again)
 * reuses it too.
 */
export function createLanClient(opts: LanClientOptions): LanClient {
  const pinned = fingerprintOf(opts.hostCert);
  if (opts.pinnedHostFingerprint && normalizeFingerprint(opts.pinnedHostFingerprint) !== pinned) {
    throw new Error('the pinned fingerprint is not the pinned certificate\'s');
  }
  const log = opts.log ?? (() => {});
  const backoff = opts.backoff ?? { minMs: 500, maxMs: 15_000 };
  const requestTimeoutMs = opts.requestTimeoutMs ?? 30_000;
  const retryDelays = opts.retryDelaysMs ?? [250, 1_000];
  let host = opts.host;
  let port = opts.port;
  let state: LanConnectionState = 'connecting';
  let closed = false;
  const eventListeners = new Set<(e: ChangeEvent) => void>();
  const statusListeners = new Set<(s: LanConnectionState) => void>();
  const tokens = new Set<string>();
  const unknownOutcomes = new Map<string, { key: string; at: number }>();

  const checkServerIdentity = (_name: string, cert: PeerCertificate): Error | undefined => {
    if (normalizeFingerprint(cert.fingerprint256) === pinned) return undefined;
    return Object.assign(new Error('host certificate is not the pinned one'), { code: HOST_MISMATCH });
  };
  const tlsOptions = {
    key: opts.deviceKey,
    cert: opts.deviceCert,
    ca: [opts.hostCert],
    checkServerIdentity,
    servername: API_SERVERNAME,
    minVersion: 'TLSv1.3' as const,
    rejectUnauthorized: true,
  };
  let agent = new Agent({ ...tlsOptions, keepAlive: true, maxSockets: 8 });

  function setState(next: LanConnectionState): void {
    if (state === next || state === 'closed') return;
    state = next;
    for (const l of statusListeners) {
      try {
        l(next);
      } catch {
        // a listener's failure is its own
      }
    }
  }

  function emit(e: ChangeEvent): void {
    for (const l of eventListeners) {
      try {
        l(e);
      } catch {
        // a listener's failure is its own
      }
    }
  }

  // ---------- the event stream, which is also how the client knows it is connected ----------
  let ws: WebSocket | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let pingTimer: NodeJS.Timeout | null = null;
  let failures = 0;
  let everConnected = false;

  function sendTokens(): void {
    if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ tokens: [...tokens] }));
  }

  function connectEvents(): void {
    if (closed) return;
    let lastError: unknown = null;
    let opened = false;
    const socket = new WebSocket(`wss://${host.includes(':') ? `[${host}]` : host}:${port}/events`, {
      ...tlsOptions,
      handshakeTimeout: 5_000,
      maxPayload: 64 * 1024,
      // ws hands these to tls.connect; its own typing of checkServerIdentity is not Node's.
    } as unknown as WebSocket.ClientOptions);
    ws = socket;
    socket.on('open', () => {
      opened = true;
      failures = 0;
      sendTokens();
      const wasDown = everConnected && state !== 'connected';
      everConnected = true;
      setState('connected');
      // Events sent while this PC was away are lost: screens must refresh everything.
      if (wasDown) emit({ type: 'lan.resync' });
      let alive = true;
      socket.on('pong', () => (alive = true));
      pingTimer = setInterval(() => {
        if (!alive) {
          socket.terminate();
          return;
        }
        alive = false;
        socket.ping();
      }, 10_000);
      pingTimer.unref();
    });
    socket.on('message', (data) => {
      try {
        const e = JSON.parse(data.toString()) as ChangeEvent;
        if (typeof e?.type === 'string' && e.type !== 'lan.hello') emit({ type: e.type, ...(typeof e.id === 'string' ? { id: e.id } : {}) });
      } catch {
        // not an event
      }
    });
    socket.on('error', (err) => {
      lastError = err;
    });
    socket.on('close', () => {
      if (pingTimer) clearInterval(pingTimer);
      pingTimer = null;
      if (ws === socket) ws = null;
      if (closed) return;
      void (async () => {
        let why = opened || !lastError ? 'unreachable' : classifyConnectionError(lastError);
        // The host drops a certificate it does not know right after the handshake, without
        // a reason on the wire: a quiet probe tells that apart from a network fault.
        if (!opened && why === 'unreachable' && /ECONNRESET|socket hang up/i.test(String((lastError as Error)?.message ?? ''))) {
          if ((await probe()) === 'refused') why = 'refused';
        }
        if (closed) return;
        setState(why);
        if (why !== 'unreachable') log(`LAN: host connection ${why}`);
        scheduleReconnect();
      })();
    });
  }

  /** Opens a bare TLS connection and waits: a host that refuses this PC closes it at once. */
  function probe(): Promise<'refused' | 'open' | 'unreachable'> {
    return new Promise((done) => {
      let secure = false;
      const s = tlsConnect({ host, port, ...tlsOptions });
      const finish = (r: 'refused' | 'open' | 'unreachable') => {
        clearTimeout(timer);
        s.destroy();
        done(r);
      };
      const timer = setTimeout(() => finish(secure ? 'open' : 'unreachable'), 2_000);
      s.on('secureConnect', () => {
        secure = true;
        setTimeout(() => finish('open'), 500).unref();
      });
      s.on('close', () => finish(secure ? 'refused' : 'unreachable'));
      s.on('error', () => {});
    });
  }

  function scheduleReconnect(delayOverride?: number): void {
    if (closed || retryTimer) return;
    failures++;
    const base = Math.min(backoff.maxMs, backoff.minMs * 2 ** Math.min(failures - 1, 10));
    const delay = delayOverride ?? base / 2 + Math.random() * (base / 2);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connectEvents();
    }, delay);
    retryTimer.unref();
  }

  /** A call found the host again while the stream waits for its next attempt: try now. */
  function nudge(): void {
    if (closed || ws || !retryTimer) return;
    clearTimeout(retryTimer);
    retryTimer = null;
    connectEvents();
  }

  connectEvents();

  // ---------- calls ----------
  function once(token: string | undefined, method: string, body: string, key: string | undefined): Promise<Attempt> {
    return new Promise((resolve) => {
      let settled = false;
      const done = (a: Attempt) => {
        if (settled) return;
        settled = true;
        resolve(a);
      };
      const headers: Record<string, string | number> = {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
      };
      if (token) headers.Authorization = `Bearer ${token}`;
      if (key) headers['Idempotency-Key'] = key;
      const req = request({
        agent,
        host,
        port,
        method: 'POST',
        path: `/api/${encodeURIComponent(method)}`,
        headers,
        timeout: requestTimeoutMs,
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode !== 200) return done({ kind: 'failed', state: 'unreachable' });
          try {
            done({ kind: 'answer', result: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ApiResult<unknown> });
          } catch {
            done({ kind: 'failed', state: 'unreachable' });
          }
        });
        res.on('error', () => done({ kind: 'failed', state: 'unreachable' }));
        res.on('aborted', () => done({ kind: 'failed', state: 'unreachable' }));
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
      req.on('error', (err) => done({ kind: 'failed', state: classifyConnectionError(err) }));
      req.end(body);
    });
  }

  function outcomeSlot(token: string | undefined, method: string, body: string): string {
    return createHash('sha256').update(`${token ?? ''}\n${method}\n${body}`).digest('hex');
  }

  function forgetOldOutcomes(): void {
    const now = Date.now();
    for (const [k, v] of unknownOutcomes) if (v.at + UNKNOWN_OUTCOME_TTL_MS < now) unknownOutcomes.delete(k);
    while (unknownOutcomes.size > 200) unknownOutcomes.delete(unknownOutcomes.keys().next().value!);
  }

  function trackSession(token: string | undefined, method: string, result: ApiResult<unknown>): void {
    let changed = false;
    if (result.ok && result.value && typeof (result.value as { token?: unknown }).token === 'string') {
      tokens.add((result.value as { token: string }).token);
      changed = true;
    }
    if (token && (SESSION_ENDING.has(method) || (!result.ok && result.error.code === 'UNAUTHENTICATED'))) {
      changed = tokens.delete(token) || changed;
    }
    if (changed) sendTokens();
  }

  async function call(token: string | undefined, method: unknown, input: unknown): Promise<ApiResult<unknown>> {
    if (typeof method !== 'string') return { ok: false, error: errorBody('UNKNOWN_METHOD') };
    if (closed) return { ok: false, error: errorBody('UNAVAILABLE', MESSAGES.unreachable) };
    let body: string;
    try {
      body = JSON.stringify(input ?? {});
    } catch {
      return { ok: false, error: errorBody('VALIDATION') };
    }
    const isChange = isMethodName(method) && contract[method].audit === 'change';
    forgetOldOutcomes();
    const slot = isChange ? outcomeSlot(token, method, body) : '';
    const key = isChange ? (unknownOutcomes.get(slot)?.key ?? randomUUID()) : undefined;
    let last: Attempt = { kind: 'failed', state: 'unreachable' };
    for (let attempt = 0; attempt <= retryDelays.length && !closed; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, retryDelays[attempt - 1]));
      last = await once(token, method, body, key);
      if (last.kind === 'answer') break;
      // A refused certificate or another host will not change by retrying now.
      if (last.state !== 'unreachable') break;
    }
    if (last.kind === 'answer') {
      if (isChange) unknownOutcomes.delete(slot);
      trackSession(token, method, last.result);
      nudge();
      return last.result;
    }
    if (isChange && key) unknownOutcomes.set(slot, { key, at: Date.now() });
    if (state === 'connected' || state === 'connecting') setState(last.state);
    // The event stream's verdict (refused, another host) is more precise than a reset socket.
    const why = state === 'refused' || state === 'host-mismatch' ? state : last.state;
    return { ok: false, error: errorBody('UNAVAILABLE', MESSAGES[why]) };
  }

  return {
    call,
    subscribe(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    get state() {
      return state;
    },
    setAddress(newHost, newPort) {
      if (newHost === host && newPort === port) return;
      host = newHost;
      port = newPort;
      agent.destroy();
      agent = new Agent({ ...tlsOptions, keepAlive: true, maxSockets: 8 });
      ws?.terminate();
      nudge();
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      if (pingTimer) clearInterval(pingTimer);
      const socket = ws;
      ws = null;
      if (socket && socket.readyState !== WebSocket.CLOSED) {
        await new Promise<void>((done) => {
          socket.once('close', () => done());
          socket.terminate();
        });
      }
      agent.destroy();
      state = 'closed';
    },
  };
}
