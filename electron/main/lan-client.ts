import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ChangeEvent } from '../core/api/bridge';
import { errorBody, type ApiResult } from '../core/api/errors';
import {
  browseHosts,
  createLanClient,
  requestPairing,
  shortFingerprint,
  type DiscoveredHost,
  type LanClient,
  type LanConnectionState,
  type PairedHost,
  type PairingAttempt,
  type UnlockSecretStore,
} from '../core/lan';
import type { SessionView } from '../core/api/contract';
import type { CoreCall, SessionBridge } from './ipc-bridge';
import { isTrustedSender, type IpcEventLike, type SenderLike } from './security';

/** The part of Electron's `safeStorage` used here (DPAPI on Windows, the keychain on macOS). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * What a client PC keeps on its disk, and nothing else: its device key and certificate and
 * the host's pinned certificate, encrypted with the OS's secret storage. Without that
 * storage nothing is written: a private key is never kept in the clear.
 */
export class PairingFile {
  constructor(
    private readonly path: string,
    private readonly safe: SafeStorageLike,
  ) {}

  exists(): boolean {
    return existsSync(this.path);
  }

  load(): PairedHost | null {
    if (!this.exists() || !this.safe.isEncryptionAvailable()) return null;
    try {
      const paired = JSON.parse(this.safe.decryptString(readFileSync(this.path))) as PairedHost;
      return typeof paired.deviceKey === 'string' && typeof paired.hostCert === 'string' ? paired : null;
    } catch {
      return null;
    }
  }

  save(paired: PairedHost): void {
    if (!this.safe.isEncryptionAvailable()) throw new Error('OS secret storage unavailable');
    writeFileSync(this.path, this.safe.encryptString(JSON.stringify(paired)), { mode: 0o600 });
  }

  clear(): void {
    rmSync(this.path, { force: true });
  }
}

/** The host's automatic-unlock secret, kept with the OS's secret storage (the core's `UnlockSecretStore`). */
export function safeStorageSecretStore(path: string, safe: SafeStorageLike): UnlockSecretStore {
  return {
    available: () => safe.isEncryptionAvailable(),
    save: (secret) => {
      if (!safe.isEncryptionAvailable()) throw new Error('OS secret storage unavailable');
      writeFileSync(path, safe.encryptString(secret.toString('base64')), { mode: 0o600 });
    },
    load: () => {
      if (!existsSync(path) || !safe.isEncryptionAvailable()) return null;
      try {
        return Buffer.from(safe.decryptString(readFileSync(path)), 'base64');
      } catch {
        return null;
      }
    },
    clear: () => rmSync(path, { force: true }),
  };
}

/** Listens for hosts announced on the LAN (mDNS by default). */
export type DiscoverHosts = (onChange: (hosts: DiscoveredHost[]) => void) => { stop(): void };

export interface LanClientStatus {
  state: LanConnectionState;
  host: string;
  port: number;
  hostFingerprintShort: string;
}

/**
 * This PC as a client: the main process forwards the renderer's calls to the host, so the
 * renderer cannot tell it from the in-process core. When the host cannot be reached, the
 * PC listens for its mDNS announcement and follows it to a new address (an office router
 * may give the host another one); the TLS pin decides whether it is the same host.
 */
export class LanClientMode {
  readonly client: LanClient;
  private paired: PairedHost;
  private browser: { stop(): void } | null = null;

  constructor(
    paired: PairedHost,
    private readonly file: PairingFile,
    private readonly log: (line: string) => void,
    private readonly discover: DiscoverHosts = browseHosts,
  ) {
    this.paired = paired;
    this.client = createLanClient({
      host: paired.host,
      port: paired.port,
      deviceKey: paired.deviceKey,
      deviceCert: paired.deviceCert,
      hostCert: paired.hostCert,
      pinnedHostFingerprint: paired.hostFingerprint,
      log,
    });
    this.client.onStatus((state) => {
      if (state === 'unreachable' || state === 'host-mismatch') this.lookForHost();
      else if (state === 'connected') this.stopLooking();
    });
  }

  /** `core.call`'s shape, for the session bridge. */
  readonly call: CoreCall = (caller, method, input) => this.client.call(caller.token, method, input);

  subscribe(listener: (e: ChangeEvent) => void): () => void {
    return this.client.subscribe(listener);
  }

  status(): LanClientStatus {
    return {
      state: this.client.state,
      host: this.paired.host,
      port: this.paired.port,
      hostFingerprintShort: shortFingerprint(this.paired.hostFingerprint),
    };
  }

  private lookForHost(): void {
    if (this.browser) return;
    const pin = shortFingerprint(this.paired.hostFingerprint);
    try {
      this.browser = this.discover((hosts: DiscoveredHost[]) => {
        const found = hosts.find((h) => h.fingerprintShort === pin);
        const address = found?.addresses[0];
        if (!found || !address || (address === this.paired.host && found.port === this.paired.port)) return;
        this.log('LAN: the host announced a new address');
        this.paired = { ...this.paired, host: address, port: found.port };
        try {
          this.file.save(this.paired);
        } catch {
          this.log('LAN: could not keep the new host address');
        }
        this.client.setAddress(address, found.port);
      });
    } catch {
      this.log('LAN: mDNS unavailable');
    }
  }

  private stopLooking(): void {
    this.browser?.stop();
    this.browser = null;
  }

  async close(): Promise<void> {
    this.stopLooking();
    await this.client.close();
  }
}

/**
 * The LAN settings of this PC as a client, for the settings screen: find hosts, pair with
 * one (the code to show, then the administrator's answer), see the connection, forget the
 * host. `onPaired`/`onForgotten` let the app restart in its new role.
 */
export class LanClientSetup {
  private attempt: PairingAttempt | null = null;
  private found: DiscoveredHost[] = [];
  private browser: { stop(): void } | null = null;

  constructor(
    private readonly file: PairingFile,
    private readonly mode: () => LanClientMode | null,
    private readonly onPaired: () => void,
    private readonly onForgotten: () => void,
    private readonly discover: DiscoverHosts = browseHosts,
  ) {}

  async handle(op: unknown, args: unknown): Promise<ApiResult<unknown>> {
    const a = (args && typeof args === 'object' ? args : {}) as Record<string, unknown>;
    try {
      switch (op) {
        case 'status': {
          const m = this.mode();
          return { ok: true, value: m ? { role: 'client', ...m.status() } : { role: 'standalone' } };
        }
        case 'discover':
          if (!this.browser) this.browser = this.discover((hosts) => (this.found = hosts));
          return { ok: true, value: this.found };
        case 'pair': {
          const host = typeof a.host === 'string' ? a.host.trim() : '';
          const port = Number(a.port);
          const deviceName = typeof a.deviceName === 'string' ? a.deviceName.trim().slice(0, 60) : '';
          if (!host || !Number.isInteger(port) || port < 1 || port > 65535 || !deviceName) {
            return { ok: false, error: errorBody('VALIDATION', 'Isi alamat host, port dan nama PC ini.') };
          }
          this.attempt?.cancel();
          this.attempt = await requestPairing({ host, port, deviceName });
          return { ok: true, value: { code: this.attempt.code, hostFingerprintShort: shortFingerprint(this.attempt.hostFingerprint) } };
        }
        case 'awaitPairing': {
          if (!this.attempt) return { ok: false, error: errorBody('NOT_FOUND', 'Tidak ada pemasangan yang sedang berjalan.') };
          const paired = await this.attempt.confirmed;
          this.attempt = null;
          this.file.save(paired);
          this.browser?.stop();
          this.browser = null;
          this.onPaired();
          return { ok: true, value: { paired: true } };
        }
        case 'cancelPairing':
          this.attempt?.cancel();
          this.attempt = null;
          return { ok: true, value: {} };
        case 'forget':
          this.file.clear();
          this.onForgotten();
          return { ok: true, value: {} };
        default:
          return { ok: false, error: errorBody('UNKNOWN_METHOD') };
      }
    } catch (e) {
      return { ok: false, error: errorBody('UNAVAILABLE', (e as Error)?.message || undefined) };
    }
  }

  close(): void {
    this.attempt?.cancel();
    this.browser?.stop();
  }
}

/** What changes this PC's role: pairing it with a host, or forgetting the host. */
const ROLE_CHANGES = new Set<unknown>(['pair', 'forget']);

/**
 * Whether the page may change this PC's role, asked through the page's own session as file
 * actions are: an administrator's session (on a client PC, the host's administrator), or a
 * new PC whose register is not set up yet (its first-run screen, where there is nobody to ask).
 */
async function pageMayChangeRole(bridge: SessionBridge, pageId: number): Promise<boolean> {
  const status = await bridge.call(pageId, 'setup.status', {});
  if (status.ok && (status.value as { initialized: boolean }).initialized === false) return true;
  const session = await bridge.call(pageId, 'session.get', {});
  return session.ok && (session.value as SessionView).permissions.includes('settings.manage');
}

/**
 * `ipcMain.handle('teduh:lan-client', ...)`: only the app's own page may ask, and only an
 * administrator's page may change this PC's role. `bridge` is the shell's session bridge
 * (null until the shell has started: then nothing that changes the role is answered).
 */
export function createLanClientHandler(
  setup: LanClientSetup,
  isAppWindow: (sender: SenderLike) => boolean,
  bridge: () => SessionBridge | null,
): (event: IpcEventLike, op: unknown, args: unknown) => Promise<ApiResult<unknown>> {
  return async (event, op, args) => {
    if (!isTrustedSender(event, isAppWindow)) return { ok: false, error: errorBody('FORBIDDEN') };
    if (ROLE_CHANGES.has(op)) {
      const b = bridge();
      if (!b || !(await pageMayChangeRole(b, event.sender.id))) {
        return { ok: false, error: errorBody('FORBIDDEN', 'Hanya administrator yang dapat memasangkan PC ini dengan host atau melupakan host-nya.') };
      }
    }
    return setup.handle(op, args);
  };
}
