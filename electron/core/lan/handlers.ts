import { eq } from 'drizzle-orm';
import { hostname } from 'node:os';
import { ApiError } from '../api/errors';
import { defineHandlers, requireSession } from '../api/handler';
import type { Db } from '../db/open';
import { lanDevices, lanHost } from '../db/schema';
import { updateVersioned } from '../db/versioned';
import { uuidv7 } from '../ids';
import { disableAutoUnlock, enableAutoUnlock } from './auto-unlock';
import type { LanHostService } from './host';
import type { LanDeviceView } from '../api/contract-lan';
import { createTlsIdentity, type TlsIdentity } from './identity';
import { allDevices, deviceView, readHostConfig, readHostIdentity, saveHostIdentity } from './store';

export interface HostSettings {
  port: number;
  bindAddress: string;
  name?: string | undefined;
}

/** A name for the host that people recognise in the list of hosts found on the LAN. */
export function defaultHostName(): string {
  return `Teduh di ${hostname()}`.slice(0, 60);
}

/** The host's certificate, made outside any transaction (key generation is asynchronous). */
export async function hostIdentityFor(db: Db): Promise<TlsIdentity> {
  return readHostIdentity(db) ?? createTlsIdentity('host', 'Teduh host');
}

/** Turns sharing on with these settings (inside the caller's transaction). */
export function writeHostSettings(db: Db, identity: TlsIdentity, s: HostSettings, by: string | null, at: string): void {
  saveHostIdentity(db, identity, by, at);
  const current = readHostConfig(db);
  const values = { enabled: true, port: s.port, bindAddress: s.bindAddress, name: s.name ?? current?.name ?? defaultHostName() };
  if (!current) {
    db.insert(lanHost)
      .values({ id: 1, ...values, createdAt: at, updatedAt: at, createdBy: by, updatedBy: by })
      .run();
  } else if (
    !current.enabled ||
    current.port !== values.port ||
    current.bindAddress !== values.bindAddress ||
    current.name !== values.name
  ) {
    updateVersioned(db, lanHost, 'lan_host', 1, current.version, values, by, at);
  }
}

/**
 * Adds the PC of a waiting pairing request when `code` is the host's code for it (inside
 * the caller's transaction). The caller publishes `{ type: 'lan.device', id }` once it is
 * committed: that is when the TLS layer learns the certificate and the PC is told.
 */
export function confirmPairing(
  db: Db,
  service: LanHostService,
  input: { requestId: string; code: string; name?: string | undefined },
  by: string | null,
  at: string,
): LanDeviceView {
  const found = service.pairing.prepareConfirmation(input.requestId, input.code);
  if (db.select({ id: lanDevices.id }).from(lanDevices).where(eq(lanDevices.fingerprint, found.fingerprint)).get()) {
    throw new ApiError('CONFLICT', 'PC ini sudah pernah dipasangkan.');
  }
  const id = uuidv7(new Date(at).getTime());
  db.insert(lanDevices)
    .values({
      id,
      name: input.name ?? found.deviceName,
      fingerprint: found.fingerprint,
      certPem: found.certPem,
      pairedAt: at,
      pairedBy: by,
      createdAt: at,
      updatedAt: at,
      createdBy: by,
      updatedBy: by,
    })
    .run();
  service.pairing.markConfirmed(input.requestId, id);
  return deviceView(db.select().from(lanDevices).where(eq(lanDevices.id, id)).get()!, false);
}

/** The `lan.*` methods: the host's administrator's side of LAN sharing. */
export function lanHandlers(service: LanHostService) {
  const requireActive = () => {
    if (!service.active) {
      throw new ApiError('UNAVAILABLE', 'Berbagi LAN hanya dapat diatur di aplikasi Teduh atau di `teduh serve --lan`.');
    }
  };
  return defineHandlers({
    'lan.status': {
      run: () => service.status(),
    },

    'lan.enableHost': {
      async prepare(_input, ctx) {
        requireActive();
        return hostIdentityFor(ctx.reg.db.db);
      },
      run(input, ctx, identity: TlsIdentity) {
        const me = requireSession(ctx);
        writeHostSettings(ctx.reg.db.db, identity, input, me.userId, ctx.nowIso);
        ctx.audit.entityType = 'lan_host';
        ctx.audit.entityId = '1';
        ctx.audit.detail = JSON.stringify({ port: input.port, bindAddress: input.bindAddress });
        ctx.changes.push({ type: 'lan.host' });
        return { ...service.status(), enabled: true };
      },
    },

    'lan.disableHost': {
      async prepare(_input, ctx) {
        // Off first: a register that no longer hosts must not open itself at the next start.
        await disableAutoUnlock(ctx.reg, service.unlockSecrets);
      },
      run(_input, ctx) {
        const me = requireSession(ctx);
        const { db } = ctx.reg.db;
        const current = readHostConfig(db);
        if (current?.enabled) updateVersioned(db, lanHost, 'lan_host', 1, current.version, { enabled: false }, me.userId, ctx.nowIso);
        ctx.audit.entityType = 'lan_host';
        ctx.audit.entityId = '1';
        ctx.changes.push({ type: 'lan.host' });
        return { ...service.status(), enabled: false };
      },
    },

    'lan.pairing.list': {
      run: () => service.pairing.list(),
    },

    'lan.confirmPairing': {
      run(input, ctx) {
        const me = requireSession(ctx);
        const view = confirmPairing(ctx.reg.db.db, service, input, me.userId, ctx.nowIso);
        ctx.audit.entityType = 'lan_device';
        ctx.audit.entityId = view.id;
        ctx.changes.push({ type: 'lan.device', id: view.id });
        return view;
      },
    },

    'lan.refusePairing': {
      needsDatabase: false,
      run(input, ctx) {
        service.pairing.refuse(input.requestId);
        ctx.audit.entityType = 'lan_pairing';
        ctx.audit.entityId = input.requestId;
        return {};
      },
    },

    'lan.devices.list': {
      run(input, ctx) {
        const connected = service.connectedDeviceIds();
        return allDevices(ctx.reg.db.db)
          .filter((d) => input.includeRevoked || !d.revokedAt)
          .map((d) => deviceView(d, connected.has(d.id)));
      },
    },

    'lan.revoke': {
      run(input, ctx) {
        const me = requireSession(ctx);
        const { db } = ctx.reg.db;
        const current = db.select().from(lanDevices).where(eq(lanDevices.id, input.id)).get();
        if (!current) throw new ApiError('NOT_FOUND');
        if (current.revokedAt) throw new ApiError('CONFLICT', 'PC ini sudah dicabut.', { current: deviceView(current, false) });
        const row = updateVersioned(
          db,
          lanDevices,
          'lan_device',
          input.id,
          input.version,
          { revokedAt: ctx.nowIso, revokedBy: me.userId, revokeReason: input.reason },
          me.userId,
          ctx.nowIso,
          (r) => deviceView(r, false),
        );
        ctx.audit.entityType = 'lan_device';
        ctx.audit.entityId = input.id;
        ctx.changes.push({ type: 'lan.device', id: input.id });
        return deviceView(row, false);
      },
    },

    'lan.setAutoUnlock': {
      async prepare(input, ctx) {
        requireActive();
        const store = service.unlockSecrets;
        if (input.enabled) {
          if (!store?.available()) {
            throw new ApiError('UNAVAILABLE', 'Penyimpanan rahasia sistem operasi tidak tersedia di PC ini.');
          }
          if (!readHostConfig(ctx.reg.db.db)?.enabled) {
            throw new ApiError('VALIDATION', 'Buka kunci otomatis hanya untuk PC host: nyalakan berbagi LAN terlebih dahulu.');
          }
          await enableAutoUnlock(ctx.reg, store);
        } else {
          await disableAutoUnlock(ctx.reg, store);
        }
      },
      run(input, ctx) {
        ctx.audit.entityType = 'lan_host';
        ctx.audit.entityId = '1';
        ctx.audit.detail = JSON.stringify({ autoUnlock: input.enabled });
        ctx.changes.push({ type: 'lan.status' });
        return service.status();
      },
    },
  });
}
