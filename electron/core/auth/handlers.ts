import { eq, sql } from 'drizzle-orm';
import { existsSync, renameSync } from 'node:fs';
import { ApiError } from '../api/errors';
import { defineHandlers, requireSession, type CallContext } from '../api/handler';
import type { SessionView } from '../api/contract';
import { permissionsOf, type Role } from '../api/roles';
import { officeProfile, settings, users, type UserRow } from '../db/schema';
import { updateVersioned } from '../db/versioned';
import { uuidv7 } from '../ids';
import type { Register } from '../register';
import {
  SlotBoundElsewhereError,
  newDatabaseKey,
  newRecoveryCode,
  normalizeRecoveryCode,
  unwrapKeys,
  wrapKey,
  type KeySlot,
} from '../vault/keyslots';
import { findUserSlot } from '../vault/store';
import { officeNameOf, requireStrongPassword } from './policy';
import { attemptKey, checkRateLimit, clearFailures, recordFailure, recordedUsername, recoveryAttemptKey } from './throttle';
import { checkLogo } from '../office/handlers';
import { registerProblemFor, registerProblemView } from '../backup';
import { readGeneralSettings, DEFAULT_SETTINGS } from '../settings/general';

function replaceSlot(reg: Register, slot: KeySlot): void {
  const v = reg.vault();
  v.slots = v.slots.filter((s) => s.id !== slot.id).concat(slot);
  reg.saveVault(v);
}

export function sessionView(reg: Register, userId: string, mustChangePassword: boolean): SessionView {
  const { db } = reg.db;
  const u = db.select().from(users).where(eq(users.id, userId)).get();
  if (!u) throw new ApiError('UNAUTHENTICATED');
  const office = db.select({ name: officeProfile.name }).from(officeProfile).get();
  const role = u.role as Role;
  const general = readGeneralSettings(db);
  return {
    user: { id: u.id, username: u.username, fullName: u.fullName, role },
    officeName: office?.name ?? '',
    mustChangePassword,
    permissions: [...permissionsOf(role)],
    idleLockMinutes: general.idleLockMinutes,
    timeZone: general.timeZone,
    registerProblem: registerProblemFor(reg, role),
  };
}

function findUserByName(reg: Register, username: string): UserRow | undefined {
  return reg.db.db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = ${username.toLowerCase()}`)
    .get();
}


/** Unwraps the caller's slot, counting a wrong secret as a failed attempt: the database key, and the new one of an unfinished key change. */
async function unlockSlot(ctx: CallContext, key: string, slot: KeySlot | undefined, secret: string): Promise<{ key: Buffer; next: Buffer | null }> {
  checkRateLimit(ctx.reg, key, ctx.now);
  // Counted as a failure before the slow key derivation and cleared on success, so attempts
  // sent in parallel cannot all pass the check above before any of them is counted.
  recordFailure(ctx.reg, key, ctx.now);
  if (!slot) {
    // Same work as a real attempt, so timing does not reveal which usernames exist.
    await wrapKey(newDatabaseKey(), secret, { id: 'decoy', kind: 'user' }, ctx.reg.scryptN, ctx.nowIso);
    throw new ApiError('WRONG_PASSWORD');
  }
  if (slot.reissue) {
    await wrapKey(newDatabaseKey(), secret, { id: 'decoy', kind: 'user' }, ctx.reg.scryptN, ctx.nowIso);
    throw new ApiError('PASSWORD_REISSUE_NEEDED');
  }
  let keys: Awaited<ReturnType<typeof unwrapKeys>>;
  try {
    keys = await unwrapKeys(slot, secret, ctx.reg.device);
  } catch (e) {
    if (e instanceof SlotBoundElsewhereError) throw new ApiError('PASSWORD_REISSUE_NEEDED');
    throw e;
  }
  if (!keys) throw new ApiError('WRONG_PASSWORD');
  clearFailures(ctx.reg, key);
  return keys;
}

/**
 * After a login with the password at hand: a slot in the old format, or bound the wrong way for
 * the account's role (a staff slot must be bound to the PC, an administrator's portable), is
 * made anew. Costs one more key derivation, once.
 */
async function refreshSlot(ctx: CallContext, slot: KeySlot, role: string, secret: string): Promise<KeySlot | null> {
  const wantBound = ctx.reg.deviceFor(role) !== undefined;
  if (slot.pub && !slot.next && !!slot.bound === wantBound) return null;
  const key = ctx.reg.databaseKey;
  return wrapKey(key, secret, { id: slot.id, kind: slot.kind, ...(slot.userId ? { userId: slot.userId } : {}), ...(slot.username ? { username: slot.username } : {}) }, ctx.reg.scryptN, ctx.nowIso, ctx.reg.deviceFor(role));
}

export const authHandlers = defineHandlers({
  'setup.status': {
    needsDatabase: false,
    run: (_i, { reg }) => ({ initialized: reg.isInitialized(), unlocked: reg.isUnlocked(), problem: registerProblemView(reg) }),
  },

  'setup.initialize': {
    async prepare(input, ctx) {
      const { reg } = ctx;
      if (reg.isInitialized()) throw new ApiError('ALREADY_INITIALIZED');
      await requireStrongPassword('admin.password', input.admin.password, { ...input.admin, officeName: input.office.name });
      const { logo } = input.office;
      if (logo) checkLogo(logo.mime, Buffer.from(logo.base64, 'base64'));
      // A database without its key file is the remains of an interrupted setup: keep it aside, never delete.
      if (existsSync(reg.dbFile)) renameSync(reg.dbFile, `${reg.dbFile}.orphan-${Date.now()}`);
      const dbKey = newDatabaseKey();
      const recoveryCode = newRecoveryCode();
      const adminId = uuidv7(ctx.now.getTime());
      const [adminSlot, recoverySlot] = await Promise.all([
        wrapKey(dbKey, input.admin.password, { id: adminId, kind: 'user', userId: adminId, username: input.admin.username }, reg.scryptN, ctx.nowIso),
        wrapKey(dbKey, recoveryCode, { id: uuidv7(), kind: 'recovery' }, reg.scryptN, ctx.nowIso),
      ]);
      // A second setup sent at the same time (a double click) finds the first one done by now.
      if (reg.isInitialized() || reg.isUnlocked()) {
        dbKey.fill(0);
        throw new ApiError('ALREADY_INITIALIZED');
      }
      try {
        reg.unlock(dbKey, { create: true });
      } finally {
        dbKey.fill(0);
      }
      return { recoveryCode, adminId, slots: [adminSlot, recoverySlot] };
    },
    run(input, ctx, p) {
      const { reg, nowIso } = ctx;
      const { db } = reg.db;
      const { logo, ...office } = input.office;
      db.insert(officeProfile)
        .values({
          id: 1,
          ...office,
          logo: logo ? Buffer.from(logo.base64, 'base64') : null,
          logoMime: logo?.mime ?? null,
          createdAt: nowIso,
          updatedAt: nowIso,
          createdBy: p.adminId,
          updatedBy: p.adminId,
        })
        .run();
      db.insert(users)
        .values({
          id: p.adminId,
          username: input.admin.username,
          fullName: input.admin.fullName,
          role: 'admin',
          createdAt: nowIso,
          updatedAt: nowIso,
          createdBy: p.adminId,
          updatedBy: p.adminId,
        })
        .run();
      db.insert(settings)
        .values({ id: 'general', value: DEFAULT_SETTINGS, createdAt: nowIso, updatedAt: nowIso, createdBy: p.adminId, updatedBy: p.adminId })
        .run();
      // The key file is written last, inside the transaction: if it fails, the rows roll back.
      const v = reg.vault();
      v.slots = p.slots;
      reg.saveVault(v);
      const session = reg.sessions.create(
        { userId: p.adminId, username: input.admin.username, role: 'admin', deviceId: ctx.deviceId, mustChangePassword: false },
        ctx.now.getTime(),
      );
      ctx.audit.userId = p.adminId;
      ctx.audit.username = input.admin.username;
      ctx.audit.entityType = 'office';
      ctx.audit.entityId = '1';
      return { token: session.token, session: sessionView(reg, p.adminId, false), recoveryCode: p.recoveryCode };
    },
  },

  'auth.login': {
    async prepare(input, ctx) {
      const { reg } = ctx;
      if (!reg.isInitialized()) throw new ApiError('NOT_INITIALIZED');
      const slot = findUserSlot(reg.vault(), input.username);
      ctx.audit.username = recordedUsername(input.username, slot);
      const keys = await unlockSlot(ctx, attemptKey(input.username, slot), slot, input.password);
      try {
        reg.unlock(keys.key, { next: keys.next });
      } finally {
        keys.key.fill(0);
        keys.next?.fill(0);
      }
      const u = findUserByName(reg, input.username);
      return u && u.active ? refreshSlot(ctx, slot!, u.role, input.password) : null;
    },
    run(input, ctx, refreshed: KeySlot | null) {
      const { reg } = ctx;
      const u = findUserByName(reg, input.username);
      // While the register has a problem (damage, a rolled-back database) only those who can act on it come in.
      if (reg.problem() && (!u || !u.active || (u.role !== 'admin' && u.role !== 'head'))) throw new ApiError('REGISTER_PROBLEM');
      if (!u || !u.active) throw new ApiError('FORBIDDEN', 'Akun ini tidak aktif. Hubungi administrator.');
      if (refreshed) replaceSlot(reg, refreshed);
      const session = reg.sessions.create(
        { userId: u.id, username: u.username, role: u.role as Role, deviceId: ctx.deviceId, mustChangePassword: u.mustChangePassword },
        ctx.now.getTime(),
      );
      ctx.audit.userId = u.id;
      ctx.audit.username = u.username;
      return { token: session.token, session: sessionView(reg, u.id, u.mustChangePassword) };
    },
  },

  'auth.logout': {
    run(_i, ctx) {
      ctx.reg.sessions.end(requireSession(ctx).token);
      return {};
    },
  },

  'auth.lock': {
    run(input, ctx) {
      ctx.reg.sessions.end(requireSession(ctx).token);
      ctx.audit.detail = JSON.stringify({ reason: input.reason });
      return {};
    },
  },

  'auth.changePassword': {
    async prepare(input, ctx) {
      const s = requireSession(ctx);
      const me = ctx.reg.db.db.select().from(users).where(eq(users.id, s.userId)).get();
      await requireStrongPassword('newPassword', input.newPassword, { username: s.username, fullName: me?.fullName, officeName: officeNameOf(ctx.reg.db.db) });
      const slot = findUserSlot(ctx.reg.vault(), s.username);
      const keys = await unlockSlot(ctx, attemptKey(s.username, slot), slot, input.currentPassword);
      keys.key.fill(0);
      keys.next?.fill(0);
      if (input.newPassword === input.currentPassword) {
        throw new ApiError('VALIDATION', undefined, { fields: { newPassword: 'Kata sandi baru harus berbeda dari yang lama' } });
      }
      return wrapKey(ctx.reg.databaseKey, input.newPassword, { id: slot!.id, kind: 'user', userId: s.userId, username: s.username }, ctx.reg.scryptN, ctx.nowIso, ctx.reg.deviceFor(s.role));
    },
    run(_input, ctx, newSlot) {
      const s = requireSession(ctx);
      const { db } = ctx.reg.db;
      const u = db.select().from(users).where(eq(users.id, s.userId)).get();
      if (!u) throw new ApiError('NOT_FOUND');
      updateVersioned(db, users, 'user', u.id, u.version, { mustChangePassword: false }, s.userId, ctx.nowIso);
      replaceSlot(ctx.reg, newSlot);
      s.mustChangePassword = false;
      ctx.audit.entityType = 'user';
      ctx.audit.entityId = u.id;
      return sessionView(ctx.reg, u.id, false);
    },
  },

  'auth.recover': {
    async prepare(input, ctx) {
      const { reg } = ctx;
      if (!reg.isInitialized()) throw new ApiError('NOT_INITIALIZED');
      ctx.audit.username = recordedUsername(input.username, findUserSlot(reg.vault(), input.username));
      const code = normalizeRecoveryCode(input.recoveryCode);
      const slot = reg.vault().slots.find((s) => s.kind === 'recovery');
      const keys = await unlockSlot(ctx, recoveryAttemptKey, slot, code);
      const dbKey = keys.key;
      try {
        reg.unlock(dbKey, { next: keys.next });
      } catch (e) {
        dbKey.fill(0);
        keys.next?.fill(0);
        throw e;
      }
      keys.next?.fill(0);
      const u = findUserByName(reg, input.username);
      if (!u || !u.active || u.role !== 'admin') {
        dbKey.fill(0);
        throw new ApiError('FORBIDDEN', 'Kode pemulihan hanya dapat mengatur ulang kata sandi administrator yang aktif.');
      }
      try {
        await requireStrongPassword('newPassword', input.newPassword, { ...u, officeName: officeNameOf(reg.db.db) });
      } catch (e) {
        dbKey.fill(0);
        throw e;
      }
      dbKey.fill(0);
      const existing = findUserSlot(reg.vault(), u.username);
      const newSlot = await wrapKey(reg.databaseKey, input.newPassword, { id: existing?.id ?? u.id, kind: 'user', userId: u.id, username: u.username }, reg.scryptN, ctx.nowIso);
      // A recovery slot in the old format is made anew with the code just typed, so the register key can later be changed.
      const recovery = slot && !slot.pub ? await wrapKey(reg.databaseKey, code, { id: slot.id, kind: 'recovery' }, reg.scryptN, ctx.nowIso) : null;
      return { user: u, newSlot, recovery };
    },
    run(_input, ctx, { user, newSlot, recovery }) {
      const { db } = ctx.reg.db;
      if (recovery) replaceSlot(ctx.reg, recovery);
      const u = db.select().from(users).where(eq(users.id, user.id)).get()!;
      if (u.mustChangePassword) updateVersioned(db, users, 'user', u.id, u.version, { mustChangePassword: false }, u.id, ctx.nowIso);
      replaceSlot(ctx.reg, newSlot);
      clearFailures(ctx.reg, attemptKey(u.username, newSlot));
      ctx.reg.sessions.endAllFor(u.id);
      ctx.audit.userId = u.id;
      ctx.audit.entityType = 'user';
      ctx.audit.entityId = u.id;
      return {};
    },
  },

  'session.get': {
    run(_i, ctx) {
      const s = requireSession(ctx);
      return sessionView(ctx.reg, s.userId, s.mustChangePassword);
    },
  },
});

export { readGeneralSettings };
