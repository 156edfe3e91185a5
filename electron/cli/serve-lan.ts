import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { appendAudit } from '../core/audit';
import type { Core } from '../core';
import { confirmPairing, hostIdentityFor, lanAddresses, writeHostSettings } from '../core/lan';
import { normalizeRecoveryCode, unwrapKey } from '../core/vault/keyslots';
import { UsageError } from './args';

/** Who opened the register at the console: a user's slot, or the recovery code. */
export interface ConsoleUnlock {
  username: string | null;
  userId: string | null;
  /** An administrator (or the recovery code) may confirm pairings at the console. */
  mayPair: boolean;
}

/**
 * Opens the register with any user's password or the recovery code, as `teduh verify`
 * accepts them. Audited (with the user, when it is a user's password).
 */
export async function unlockAtConsole(core: Core, secret: string): Promise<ConsoleUnlock | null> {
  const reg = core.register;
  const vault = reg.vault();
  for (const slot of vault.slots) {
    let candidate: string | null = secret;
    if (slot.kind === 'recovery') {
      try {
        candidate = normalizeRecoveryCode(secret);
      } catch {
        candidate = null;
      }
    }
    if (candidate === null) continue;
    const key = await unwrapKey(slot, candidate);
    if (!key) continue;
    try {
      reg.unlock(key);
    } finally {
      key.fill(0);
    }
    const user = slot.userId
      ? (reg.db.sqlite.prepare('SELECT id, username, role, active FROM users WHERE id = ?').get(slot.userId) as
          | { id: string; username: string; role: string; active: number }
          | undefined)
      : undefined;
    const who: ConsoleUnlock = {
      username: user?.username ?? null,
      userId: user?.id ?? null,
      mayPair: slot.kind === 'recovery' || (user?.role === 'admin' && user.active === 1),
    };
    reg.auditOrQueue({ at: reg.nowIso(), userId: who.userId, username: who.username, deviceId: reg.deviceId, action: 'lan.hostUnlock', outcome: 'ok' });
    return who;
  }
  reg.auditOrQueue({ at: reg.nowIso(), userId: null, username: null, deviceId: reg.deviceId, action: 'lan.hostUnlock', outcome: 'failure' });
  return null;
}

const IPV4 = /^(\d{1,3})(\.\d{1,3}){3}$/;

/**
 * `teduh serve --lan`: this PC becomes the office's host without a window. The register
 * stays open while it runs; paired PCs reach it on `port`.
 */
export async function serveLan(core: Core, opts: { port: number; bindAddress: string; secret: string; out: (s: string) => void }): Promise<() => Promise<void>> {
  if (!IPV4.test(opts.bindAddress)) throw new UsageError('--host harus alamat IPv4, misalnya 0.0.0.0');
  if (!core.register.isInitialized()) throw new UsageError('register belum disiapkan: jalankan "teduh init" terlebih dahulu');
  const loopback = opts.bindAddress.startsWith('127.');
  await core.lan.activate({ advertise: !loopback });
  const who = await unlockAtConsole(core, opts.secret);
  if (!who) throw new Error('kata sandi atau kode pemulihan salah');
  const reg = core.register;
  const { db, sqlite } = reg.db;
  const identity = await hostIdentityFor(db);
  sqlite.transaction(() => {
    writeHostSettings(db, identity, { port: opts.port, bindAddress: opts.bindAddress }, who.userId, reg.nowIso());
    appendAudit(sqlite, {
      at: reg.nowIso(),
      userId: who.userId,
      username: who.username,
      deviceId: reg.deviceId,
      action: 'lan.enableHost',
      outcome: 'ok',
      entityType: 'lan_host',
      entityId: '1',
      detail: JSON.stringify({ port: opts.port, bindAddress: opts.bindAddress }),
    });
  })();
  reg.emit({ type: 'lan.host' });
  await core.lan.reconcile();
  const status = core.lan.status();
  if (!status.listening) throw new Error(status.problem ?? 'tidak dapat mendengarkan di jaringan');
  const addresses = loopback ? [opts.bindAddress] : opts.bindAddress === '0.0.0.0' ? lanAddresses() : [opts.bindAddress];
  opts.out(
    [
      `Teduh host siap: register ${resolve(reg.dataDir)}`,
      `Alamat: ${addresses.map((a) => `${a}:${status.port}`).join(', ') || `(semua antarmuka):${status.port}`}`,
      `Sidik jari sertifikat host: ${status.fingerprintShort}`,
      `  (lengkap: ${status.fingerprint})`,
      '',
      'Memasangkan PC lain: di PC itu buka Pengaturan → Berbagi LAN → "Sambungkan ke host",',
      'pilih host ini (atau ketik alamatnya). PC itu menampilkan kode 6 angka;',
      who.mayPair && process.stdin.isTTY
        ? 'ketik kode itu di sini lalu Enter untuk menyetujuinya (atau setujui dari PC yang sudah dipasangkan, masuk sebagai administrator).'
        : 'setujui dari PC yang sudah dipasangkan, masuk sebagai administrator (Pengaturan → Berbagi LAN),\natau jalankan perintah ini di jendela konsol dengan kata sandi administrator untuk menyetujui di sini.',
      'Hentikan dengan Ctrl+C.',
      '',
    ].join('\n'),
  );
  const stopConsole = who.mayPair && process.stdin.isTTY ? pairAtConsole(core, who, opts.out) : () => {};
  return async () => {
    stopConsole();
    await core.lan.close();
  };
}

/** At an interactive console opened by an administrator: shows requests, confirms a typed code. */
function pairAtConsole(core: Core, who: ConsoleUnlock, out: (s: string) => void): () => void {
  const shown = new Set<string>();
  const timer = setInterval(() => {
    for (const r of core.lan.pairing.list()) {
      if (shown.has(r.id)) continue;
      shown.add(r.id);
      out(`Permintaan pemasangan dari "${r.deviceName}" (${r.address}). Bandingkan kode di layarnya: ${r.code.slice(0, 3)} ${r.code.slice(3)}\n`);
    }
  }, 1_000);
  const rl = createInterface({ input: process.stdin });
  rl.on('line', (line) => {
    const code = line.replace(/[\s-]/g, '');
    if (!/^\d{6}$/.test(code)) return;
    const request = core.lan.pairing.list().find((r) => r.code === code);
    if (!request) return out('Kode itu tidak cocok dengan permintaan mana pun.\n');
    const reg = core.register;
    try {
      const { db, sqlite } = reg.db;
      const device = sqlite.transaction(() => {
        const view = confirmPairing(db, core.lan, { requestId: request.id, code }, who.userId, reg.nowIso());
        appendAudit(sqlite, {
          at: reg.nowIso(),
          userId: who.userId,
          username: who.username,
          deviceId: reg.deviceId,
          action: 'lan.confirmPairing',
          outcome: 'ok',
          entityType: 'lan_device',
          entityId: view.id,
        });
        return view;
      })();
      reg.emit({ type: 'lan.device', id: device.id });
      out(`"${device.name}" dipasangkan (${device.fingerprintShort}).\n`);
    } catch (e) {
      out(`Gagal: ${(e as Error).message}\n`);
    }
  });
  return () => {
    clearInterval(timer);
    rl.close();
  };
}

