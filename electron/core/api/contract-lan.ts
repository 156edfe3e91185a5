import { z } from 'zod';
import type { MethodSpec } from './contract-kit';
import { method, idSchema, versionSchema } from './contract-kit';

/**
 * LAN sharing, as the host's administrator sees it: make this PC the host, pair other
 * PCs by their 6-digit code, see and revoke paired PCs, automatic unlock after restart.
 * (A client PC's own side, finding and pairing with a host, is its Electron main process's.)
 */

const id = idSchema;
const version = versionSchema;
const port = z.number().int().min(1024, 'Port minimal 1024').max(65535, 'Port maksimal 65535');
const pcName = z.string().trim().min(1, 'Nama PC wajib diisi').max(60, 'Nama PC maksimal 60 karakter');
const ipv4 = z
  .string()
  .trim()
  .regex(/^(\d{1,3})(\.\d{1,3}){3}$/, 'Alamat harus berbentuk IPv4, misalnya 0.0.0.0 atau 192.168.1.10');

export interface LanHostStatusView {
  /** Whether the office chose to share this register over the LAN. */
  enabled: boolean;
  /** Whether the host is listening now (enabled, unlocked, port free). */
  listening: boolean;
  /** Why it is not listening though enabled (port taken, ...), in plain words. */
  problem: string | null;
  port: number | null;
  bindAddress: string | null;
  name: string | null;
  /** SHA-256 of the host's certificate (hex), and its short form shown to people. */
  fingerprint: string | null;
  fingerprintShort: string | null;
  /** This PC's LAN addresses, to type on a client when discovery does not find the host. */
  addresses: string[];
  /** Announced by mDNS (service type `_teduh._tcp`). */
  advertising: boolean;
  /** Automatic unlock after a restart: whether this PC can offer it, and whether it is on. */
  autoUnlock: { available: boolean; enabled: boolean };
  /** Paired PCs connected now. */
  connectedDevices: number;
}

export interface LanPairingRequestView {
  id: string;
  /** The name the client PC gave itself. */
  deviceName: string;
  address: string;
  requestedAt: string;
  /** The 6-digit code; the client PC shows the same one. */
  code: string;
}

export interface LanDeviceView {
  id: string;
  name: string;
  fingerprintShort: string;
  pairedAt: string;
  firstSeenAt: string | null;
  lastSeenAt: string | null;
  lastAddress: string | null;
  connected: boolean;
  revokedAt: string | null;
  revokeReason: string | null;
  version: number;
}

export const lanContract = {
  'lan.status': method<LanHostStatusView>()({
    input: z.object({}).strict(),
    access: 'settings.manage',
    audit: 'none',
    summary: 'Whether this PC shares the register over the LAN, where, under which certificate fingerprint.',
  }),
  'lan.enableHost': method<LanHostStatusView>()({
    input: z
      .object({ port: port.default(47_470), bindAddress: ipv4.default('0.0.0.0'), name: pcName.optional() })
      .strict(),
    access: 'settings.manage',
    audit: 'change',
    summary:
      'Makes this PC the host: creates its certificate (EC P-256) the first time, listens with TLS 1.3 on the port and announces itself by mDNS. The register stays unlocked while it hosts.',
  }),
  'lan.disableHost': method<LanHostStatusView>()({
    input: z.object({}).strict(),
    access: 'settings.manage',
    audit: 'change',
    summary: 'Stops sharing: closes every connection, stops listening and announcing, turns automatic unlock off.',
  }),
  'lan.pairing.list': method<LanPairingRequestView[]>()({
    input: z.object({}).strict(),
    access: 'settings.manage',
    audit: 'none',
    summary: 'PCs waiting to be paired, each with the 6-digit code its screen shows.',
  }),
  'lan.confirmPairing': method<LanDeviceView>()({
    input: z
      .object({
        requestId: id,
        code: z.string().trim().regex(/^\d{3}[\s-]?\d{3}$/, 'Kode terdiri dari 6 angka'),
        name: pcName.optional(),
      })
      .strict(),
    access: 'settings.manage',
    audit: 'change',
    summary: 'Pairs a waiting PC when the code typed (as shown on that PC) is the host\'s code for it.',
  }),
  'lan.refusePairing': method<Record<string, never>>()({
    input: z.object({ requestId: id }).strict(),
    access: 'settings.manage',
    audit: 'change',
    summary: 'Refuses a waiting PC.',
  }),
  'lan.devices.list': method<LanDeviceView[]>()({
    input: z.object({ includeRevoked: z.boolean().default(true) }).strict(),
    access: 'settings.manage',
    audit: 'none',
    summary: 'Paired PCs: name, first and last seen, connected now, revoked.',
  }),
  'lan.revoke': method<LanDeviceView>()({
    input: z.object({ id, version, reason: z.string().trim().min(1, 'Alasan wajib diisi').max(300) }).strict(),
    access: 'settings.manage',
    audit: 'change',
    summary: 'Revokes a paired PC: its connections are closed and its certificate is refused from now on.',
  }),
  'lan.setAutoUnlock': method<LanHostStatusView>()({
    input: z.object({ enabled: z.boolean() }).strict(),
    access: 'settings.manage',
    audit: 'change',
    summary:
      "Automatic unlock after a restart, with the database key protected by the operating system's secret storage for this Windows account.",
  }),
} as const satisfies Record<string, MethodSpec>;

// ---------- this PC as a client: answered by the Electron main process, not the core ----------

/** Where the connection to the host stands (the `lan.connection` change event carries it as `id`). */
export type LanConnectionStateView = 'connecting' | 'connected' | 'unreachable' | 'refused' | 'host-mismatch' | 'closed';

export type LanClientStatusView =
  | { role: 'standalone' }
  | { role: 'client'; state?: LanConnectionStateView; host?: string; port?: number; hostFingerprintShort?: string };

export interface DiscoveredHostView {
  name: string;
  addresses: string[];
  port: number;
  fingerprintShort: string;
}

/** The operations of `window.teduh.lanClient.call(op, args)` and what each answers. */
export interface LanClientOps {
  status: { args: Record<string, never>; value: LanClientStatusView };
  discover: { args: Record<string, never>; value: DiscoveredHostView[] };
  pair: { args: { host: string; port: number; deviceName: string }; value: { code: string; hostFingerprintShort: string } };
  /** Resolves when the host's administrator confirmed (the app then restarts as a client). */
  awaitPairing: { args: Record<string, never>; value: { paired: true } };
  cancelPairing: { args: Record<string, never>; value: Record<string, never> };
  /** Unpairs this PC (the app restarts on its own register). */
  forget: { args: Record<string, never>; value: Record<string, never> };
}
