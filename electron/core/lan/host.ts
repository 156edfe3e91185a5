import { createHash } from 'node:crypto';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { TLSSocket } from 'node:tls';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Caller } from '../api/dispatcher';
import { contract, isMethodName } from '../api/contract';
import type { LanHostStatusView } from '../api/contract-lan';
import { errorBody, type ApiResult } from '../api/errors';
import type { ChangeEvent } from '../api/bridge';
import type { Register } from '../register';
import { autoUnlockEnabled, enableAutoUnlock, tryAutoUnlock, type UnlockSecretStore } from './auto-unlock';
import { advertiseHost, type MdnsOptions } from './discovery';
import { BodyTooLarge, readJsonBody, sendJson } from './http';
import { normalizeFingerprint, shortFingerprint, type TlsIdentity } from './identity';
import { PairingDesk } from './pairing-desk';
import { PAIRING_SERVERNAME, routeByServerName } from './sni-router';
import {
  activeDevices,
  findAnswer,
  markDeviceSeen,
  pruneAnswers,
  readHostConfig,
  readHostIdentity,
  saveAnswer,
  type LanHostConfig,
} from './store';

export type CoreCall = (caller: Caller, method: unknown, input: unknown) => Promise<ApiResult<unknown>>;

export interface LanHostOptions {
  /** Announce the host by mDNS (default true); `{ interface }` to choose the network. */
  advertise?: boolean | MdnsOptions;
  /** Supplies the automatic-unlock secret (Electron: safeStorage). Without it, automatic unlock is unavailable. */
  unlockSecrets?: UnlockSecretStore;
}

/** The message a client gets while the host's register is closed. */
export const HOST_LOCKED_MESSAGE =
  'Register di PC host sedang terkunci. Minta administrator membuka Teduh di PC host, lalu coba lagi; isian Anda tidak hilang.';

const MAX_REQUEST_BYTES = 16 * 1024 * 1024;
const ANSWER_KEEP_MS = 24 * 3600_000;
const SEEN_EVERY_MS = 60_000;
const HEARTBEAT_MS = 15_000;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

interface PairedDevice {
  id: string;
  name: string;
  fingerprint: string;
}

interface EventStream {
  ws: WebSocket;
  device: PairedDevice;
  tokens: string[];
  alive: boolean;
}

/**
 * The LAN host: while this PC shares its register and the register is unlocked, one TLS 1.3
 * port serves the API to paired PCs (HTTPS `POST /api/<method>`, WebSocket `/events`) and
 * pairing to new ones (a second TLS server behind the same port, chosen by server name).
 *
 * Where an unknown PC is refused: the API server requires a client certificate and gives
 * OpenSSL the paired devices' certificates as its only trust anchors, with
 * `rejectUnauthorized`. OpenSSL verifies the certificate during the handshake and Node's
 * TLS layer destroys a connection whose certificate failed as the handshake ends, before
 * it emits `secureConnection`, so the HTTP server never sees the connection and no byte of
 * a request is read. (A `rejectUnauthorized: false` server with a check in
 * `secureConnection` would refuse later, after handing the socket to HTTP.) The exact
 * fingerprint is checked again on `secureConnection`, in case two certificates ever
 * chained alike. Revoking swaps the trust anchors for new handshakes and closes the
 * device's open connections at once.
 *
 * Nothing listens while the register is locked: the host's private key is in the
 * encrypted database, so after a restart the host answers no one until it is unlocked.
 */
export class LanHostService {
  private call: CoreCall | null = null;
  private options: LanHostOptions | null = null;
  private running: RunningHost | null = null;
  private problem: string | null = null;
  private reconcileChain: Promise<void> = Promise.resolve();
  private readonly answersInFlight = new Map<string, Promise<ApiResult<unknown>>>();
  readonly pairing: PairingDesk;

  constructor(
    private readonly reg: Register,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.pairing = new PairingDesk(
      () => this.identity()?.fingerprint ?? null,
      (fp) => this.running?.isKnown(fp) ?? false,
      () => reg.clock.now(),
    );
  }

  /** The dispatcher, given once the core is assembled. */
  attach(call: CoreCall): void {
    this.call = call;
  }

  /** Whether this process may listen on the LAN at all (the desktop app and `serve --lan`). */
  get active(): boolean {
    return this.options !== null;
  }

  get unlockSecrets(): UnlockSecretStore | null {
    return this.options?.unlockSecrets ?? null;
  }

  /**
   * Lets this process host: from now on the host listens whenever sharing is on and the
   * register is unlocked. Tries automatic unlock first when the administrator chose it.
   */
  async activate(options: LanHostOptions = {}): Promise<void> {
    if (this.options) return;
    this.options = options;
    this.reg.events.on('unlocked', this.onUnlocked);
    this.reg.events.on('locked', this.onLocked);
    this.reg.events.on('change', this.onChange);
    // A changed register key is wrapped anew for automatic unlock, or the host would not open after the next power cut.
    this.reg.events.on('keyChanged', () => {
      const store = this.options?.unlockSecrets;
      if (store && autoUnlockEnabled(this.reg)) void Promise.resolve(enableAutoUnlock(this.reg, store)).catch(() => this.log('automatic unlock could not be renewed after a key change'));
    });
    if (options.unlockSecrets && !this.reg.isUnlocked() && (await tryAutoUnlock(this.reg, options.unlockSecrets))) {
      this.reg.auditOrQueue({
        at: this.reg.nowIso(),
        userId: null,
        username: null,
        deviceId: this.reg.deviceId,
        action: 'lan.autoUnlock',
        outcome: 'ok',
      });
      this.log('register unlocked automatically for LAN sharing');
    }
    if (this.reg.isUnlocked()) this.onUnlocked();
    await this.reconcile();
  }

  /** Stops listening and forgets the process's permission to host. */
  async close(): Promise<void> {
    this.reg.events.off('unlocked', this.onUnlocked);
    this.reg.events.off('locked', this.onLocked);
    this.reg.events.off('change', this.onChange);
    this.options = null;
    await this.reconcile();
  }

  private readonly onUnlocked = (): void => {
    // Synchronously, before the call that unlocked ends: a hosting register must not be
    // closed again when that call's session ends.
    const config = this.config();
    if (config?.enabled && this.options) this.reg.keepUnlocked = true;
    void this.reconcile();
  };

  private readonly onLocked = (): void => {
    void this.reconcile();
  };

  private readonly onChange = (e: ChangeEvent): void => {
    if (e.type === 'lan.host') {
      const config = this.config();
      if (this.options) this.reg.keepUnlocked = Boolean(config?.enabled);
      void this.reconcile();
    } else if (e.type === 'lan.device') {
      this.running?.refreshDevices();
      if (e.id) this.pairing.deviceCommitted(e.id);
    }
  };

  config(): LanHostConfig | undefined {
    return this.reg.isUnlocked() ? readHostConfig(this.reg.db.db) : undefined;
  }

  identity(): TlsIdentity | undefined {
    return this.reg.isUnlocked() ? readHostIdentity(this.reg.db.db) : undefined;
  }

  connectedDeviceIds(): Set<string> {
    return this.running?.connectedDeviceIds() ?? new Set();
  }

  /** Resolves when the host matches its configuration (listening or not). */
  reconcile(): Promise<void> {
    this.reconcileChain = this.reconcileChain.then(() => this.reconcileNow()).catch(() => {});
    return this.reconcileChain;
  }

  private async reconcileNow(): Promise<void> {
    const config = this.options ? this.config() : undefined;
    const identity = config?.enabled ? this.identity() : undefined;
    const wanted = config?.enabled && identity ? { config, identity } : null;
    const r = this.running;
    if (r && wanted && r.port === wanted.config.port && r.bindAddress === wanted.config.bindAddress && r.name === wanted.config.name) return;
    if (r) {
      this.running = null;
      await r.stop();
      this.pairing.clear();
      this.log('LAN host stopped');
    }
    if (!wanted) {
      this.problem = null;
      this.emitHostChanged();
      return;
    }
    const advertise = this.options?.advertise ?? true;
    const host = new RunningHost(this, wanted.config, wanted.identity, advertise === false ? null : advertise === true ? {} : advertise);
    try {
      await host.start();
      this.running = host;
      this.problem = null;
      this.pruneOldAnswers();
      this.log(`LAN host listening on ${wanted.config.bindAddress}:${host.port}`);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException)?.code;
      this.problem =
        code === 'EADDRINUSE'
          ? `Port ${wanted.config.port} sudah dipakai program lain. Pilih port lain.`
          : code === 'EADDRNOTAVAIL'
            ? `Alamat ${wanted.config.bindAddress} bukan alamat PC ini.`
            : 'Tidak dapat mendengarkan di jaringan.';
      this.log(`LAN host could not listen: ${code ?? 'unknown'}`);
      await host.stop();
    }
    this.emitHostChanged();
  }

  private emitHostChanged(): void {
    // Tells the host's own settings screen; carries no data.
    this.reg.events.emit('change', { type: 'lan.status' });
  }

  status(): LanHostStatusView {
    const config = this.config();
    const identity = config ? this.identity() : undefined;
    return {
      enabled: Boolean(config?.enabled),
      listening: this.running !== null,
      problem: config?.enabled ? this.problem : null,
      port: this.running?.port ?? config?.port ?? null,
      bindAddress: config?.bindAddress ?? null,
      name: config?.name ?? null,
      fingerprint: identity?.fingerprint ?? null,
      fingerprintShort: identity ? shortFingerprint(identity.fingerprint) : null,
      addresses: lanAddresses(),
      advertising: this.running?.advertising ?? false,
      autoUnlock: { available: Boolean(this.options?.unlockSecrets?.available()), enabled: autoUnlockEnabled(this.reg) },
      connectedDevices: this.running?.connectedDeviceIds().size ?? 0,
    };
  }

  /** The port actually listened on (differs from the configured one only when that is 0, in tests). */
  get port(): number | null {
    return this.running?.port ?? null;
  }

  // ---------- what the running host asks of the service ----------

  /** One API call from a paired PC: the dispatcher, with the PC's device id; a retried change gets its first answer. */
  async serveCall(device: PairedDevice, token: string | undefined, method: string, input: unknown, key: string | undefined): Promise<ApiResult<unknown>> {
    const call = this.call;
    if (!call) return { ok: false, error: errorBody('UNAVAILABLE') };
    if (!this.reg.isUnlocked()) return { ok: false, error: errorBody('LOCKED', HOST_LOCKED_MESSAGE) };
    const caller: Caller = { token, deviceId: device.id };
    const isChange = isMethodName(method) && contract[method].audit === 'change';
    if (!key || !isChange) return call(caller, method, input);
    const slot = `${device.id}\n${key}`;
    const inFlight = this.answersInFlight.get(slot);
    if (inFlight) return inFlight;
    // The first answer goes only to the same session that asked: a kept answer is not a way
    // around logging in.
    const sessionTag = createHash('sha256').update(`teduh-lan-answer|${token ?? ''}`).digest('hex');
    const stored = findAnswer(this.reg.db.db, device.id, key);
    if (stored) {
      const kept = JSON.parse(stored.response) as { session: string; result: ApiResult<unknown> };
      if (stored.method !== method || kept.session !== sessionTag) {
        return { ok: false, error: errorBody('VALIDATION', 'Kunci idempotensi ini sudah dipakai untuk permintaan lain.') };
      }
      if (!this.reg.sessions.isLive(token)) return { ok: false, error: errorBody('UNAUTHENTICATED') };
      return kept.result;
    }
    const answer = (async () => {
      const result = await call(caller, method, input);
      // Only a done change is kept: a refused one changed nothing and may be tried again.
      if (result.ok && this.reg.isUnlocked()) {
        try {
          saveAnswer(this.reg.db.db, device.id, key, method, JSON.stringify({ session: sessionTag, result }), this.reg.nowIso());
        } catch {
          this.log(`could not keep the answer to ${method}`);
        }
      }
      return result;
    })();
    this.answersInFlight.set(slot, answer);
    try {
      return await answer;
    } finally {
      this.answersInFlight.delete(slot);
    }
  }

  pairedDevices(): PairedDevice[] {
    if (!this.reg.isUnlocked()) return [];
    return activeDevices(this.reg.db.db).map((d) => ({ id: d.id, name: d.name, fingerprint: d.fingerprint }));
  }

  deviceCertificates(): string[] {
    return this.reg.isUnlocked() ? activeDevices(this.reg.db.db).map((d) => d.certPem) : [];
  }

  deviceSeen(device: PairedDevice, address: string): void {
    if (!this.reg.isUnlocked()) return;
    try {
      markDeviceSeen(this.reg.db.db, device.id, this.reg.nowIso(), address);
    } catch {
      this.log('could not record when a device was seen');
    }
  }

  subscribe(listener: (e: ChangeEvent) => void): () => void {
    this.reg.events.on('change', listener);
    return () => this.reg.events.off('change', listener);
  }

  sessionIsLive(token: string): boolean {
    return this.reg.sessions.isLive(token);
  }

  logLine(line: string): void {
    this.log(line);
  }

  /** Kept answers older than a day go (run at start and hourly). */
  pruneOldAnswers(): void {
    try {
      pruneAnswers(this.reg.db.db, new Date(this.reg.clock.now().getTime() - ANSWER_KEEP_MS).toISOString());
    } catch {
      this.log('could not prune kept answers');
    }
  }
}

/** This PC's IPv4 LAN addresses. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

/** The sockets, servers and announcement of one listening period. */
class RunningHost {
  private readonly router: NetServer;
  private readonly api: HttpsServer;
  private readonly pairingServer: HttpsServer;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 });
  private readonly deviceOf = new WeakMap<TLSSocket, PairedDevice>();
  private readonly openSockets = new Set<Socket>();
  private readonly streams = new Set<EventStream>();
  private readonly lastSeen = new Map<string, number>();
  private paired = new Map<string, PairedDevice>();
  private heartbeat: NodeJS.Timeout | null = null;
  private pruner: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private announcement: { stop(): Promise<void> } | null = null;
  port: number;
  readonly bindAddress: string;
  readonly name: string;

  constructor(
    private readonly service: LanHostService,
    config: LanHostConfig,
    private readonly identity: TlsIdentity,
    private readonly mdns: MdnsOptions | null,
  ) {
    this.port = config.port;
    this.bindAddress = config.bindAddress;
    this.name = config.name;
    this.api = createHttpsServer(
      { ...this.apiContext(), requestCert: true, rejectUnauthorized: true, keepAliveTimeout: 30_000, headersTimeout: 15_000, requestTimeout: 120_000 },
      (req, res) => void this.onApiRequest(req, res),
    );
    this.pairingServer = createHttpsServer(
      {
        key: identity.keyPem,
        cert: identity.certPem,
        minVersion: 'TLSv1.3',
        requestCert: true,
        rejectUnauthorized: false,
        headersTimeout: 15_000,
        requestTimeout: 60_000,
      },
      (req, res) => {
        this.service.pairing.handle(req, res).catch(() => sendJson(res, 500, { error: 'internal' }));
      },
    );
    // Before http's own listener reads anything from the connection.
    this.api.prependListener('secureConnection', (socket: TLSSocket) => this.onSecureConnection(socket));
    this.api.on('tlsClientError', () => this.service.logLine('LAN: a connection was refused during the TLS handshake'));
    this.api.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => this.onUpgrade(req, socket, head));
    this.router = createNetServer((socket) => {
      this.openSockets.add(socket);
      socket.on('close', () => this.openSockets.delete(socket));
      // A reset from the other end is routine on a LAN; it must never become an uncaught error.
      socket.on('error', () => socket.destroy());
      socket.setNoDelay(true);
      routeByServerName(socket, (name) =>
        name === PAIRING_SERVERNAME ? (s) => this.pairingServer.emit('connection', s) : (s) => this.api.emit('connection', s),
      );
    });
    // An office has a handful of PCs: a flood of connections from elsewhere is cut short.
    this.router.maxConnections = 256;
    this.refreshDevices();
  }

  get advertising(): boolean {
    return this.announcement !== null;
  }

  private apiContext() {
    // The host's own certificate is always among the anchors, so the list is never empty
    // (an empty list would fall back to the public roots).
    return {
      key: this.identity.keyPem,
      cert: this.identity.certPem,
      ca: [this.identity.certPem, ...this.service.deviceCertificates()],
      minVersion: 'TLSv1.3' as const,
    };
  }

  isKnown(fingerprint: string): boolean {
    return this.paired.has(fingerprint);
  }

  /** Re-reads the paired list: new handshakes use it, and a revoked PC's connections close now. */
  refreshDevices(): void {
    this.paired = new Map(this.service.pairedDevices().map((d) => [d.fingerprint, d]));
    this.api.setSecureContext(this.apiContext());
    for (const socket of this.openSockets) {
      const device = this.deviceOf.get(socket as TLSSocket);
      if (device && !this.paired.has(device.fingerprint)) socket.destroy();
    }
    for (const s of this.streams) {
      if (!this.paired.has(s.device.fingerprint)) s.ws.terminate();
    }
  }

  connectedDeviceIds(): Set<string> {
    return new Set([...this.streams].map((s) => s.device.id));
  }

  async start(): Promise<void> {
    await new Promise<void>((ok, fail) => {
      this.router.once('error', fail);
      this.router.listen(this.port, this.bindAddress, () => {
        this.router.off('error', fail);
        ok();
      });
    });
    const addr = this.router.address();
    if (addr && typeof addr === 'object') this.port = addr.port;
    this.router.on('error', () => this.service.logLine('LAN: listener error'));
    this.unsubscribe = this.service.subscribe((e) => this.broadcast(e));
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
    this.pruner = setInterval(() => this.service.pruneOldAnswers(), 3600_000);
    this.pruner.unref();
    if (this.mdns) {
      try {
        this.announcement = advertiseHost({ name: this.name, port: this.port, fingerprint: this.identity.fingerprint, ...this.mdns });
      } catch {
        this.service.logLine('LAN: mDNS announcement failed; clients can still type the address');
      }
    }
  }

  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.pruner) clearInterval(this.pruner);
    this.unsubscribe?.();
    await this.announcement?.stop().catch(() => {});
    this.announcement = null;
    for (const s of this.streams) s.ws.terminate();
    for (const socket of this.openSockets) socket.destroy();
    this.wss.close();
    await new Promise<void>((done) => {
      if (!this.router.listening) return done();
      this.router.close(() => done());
    });
  }

  private onSecureConnection(socket: TLSSocket): void {
    const peer = socket.getPeerCertificate();
    const device = peer?.fingerprint256 ? this.paired.get(normalizeFingerprint(peer.fingerprint256)) : undefined;
    if (!socket.authorized || !device) {
      socket.destroy();
      return;
    }
    this.deviceOf.set(socket, device);
    const now = Date.now();
    if ((this.lastSeen.get(device.id) ?? 0) + SEEN_EVERY_MS < now) {
      this.lastSeen.set(device.id, now);
      this.service.deviceSeen(device, socket.remoteAddress ?? '');
    }
  }

  private async onApiRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const device = this.deviceOf.get(req.socket as TLSSocket);
    if (!device || !this.paired.has(device.fingerprint)) {
      req.socket.destroy();
      return;
    }
    const path = new URL(req.url ?? '/', 'https://host.invalid').pathname;
    if (req.method !== 'POST' || !path.startsWith('/api/')) return sendJson(res, 404, { error: 'not found' });
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendJson(res, 415, { error: 'application/json required' });
    const method = decodeURIComponent(path.slice(5));
    let input: unknown;
    try {
      input = await readJsonBody(req, MAX_REQUEST_BYTES);
    } catch (e) {
      const message = e instanceof BodyTooLarge ? 'Permintaan terlalu besar.' : 'Permintaan bukan JSON yang sah.';
      return sendJson(res, 200, { ok: false, error: errorBody('VALIDATION', message) });
    }
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    const keyHeader = req.headers['idempotency-key'];
    const key = typeof keyHeader === 'string' && IDEMPOTENCY_KEY.test(keyHeader) ? keyHeader : undefined;
    const result = await this.service.serveCall(device, token, method, input, key);
    sendJson(res, 200, result);
  }

  private onUpgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    const device = this.deviceOf.get(socket as TLSSocket);
    const path = new URL(req.url ?? '/', 'https://host.invalid').pathname;
    if (!device || path !== '/events' || !this.paired.has(device.fingerprint)) {
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const stream: EventStream = { ws, device, tokens: [], alive: true };
      this.streams.add(stream);
      ws.on('pong', () => (stream.alive = true));
      ws.on('message', (data) => {
        // The PC says which sessions it holds; events go only where one of them is live.
        try {
          const msg = JSON.parse(data.toString()) as { tokens?: unknown };
          if (Array.isArray(msg.tokens)) {
            stream.tokens = msg.tokens.filter((t): t is string => typeof t === 'string' && t.length <= 200).slice(0, 32);
          }
        } catch {
          ws.terminate();
        }
      });
      ws.on('close', () => this.streams.delete(stream));
      ws.on('error', () => this.streams.delete(stream));
      ws.send(JSON.stringify({ type: 'lan.hello' }));
    });
  }

  private broadcast(e: ChangeEvent): void {
    if (e.type === 'lan.status') return;
    const payload = JSON.stringify({ type: e.type, ...(e.id ? { id: e.id } : {}) });
    for (const s of this.streams) {
      if (s.tokens.some((t) => this.service.sessionIsLive(t))) s.ws.send(payload);
    }
  }

  private beat(): void {
    for (const s of this.streams) {
      if (!s.alive) {
        s.ws.terminate();
        continue;
      }
      s.alive = false;
      s.ws.ping();
    }
  }
}
