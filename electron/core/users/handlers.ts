import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { ApiError } from '../api/errors';
import { defineHandlers, requireSession, type CallContext } from '../api/handler';
import type { StaffView, UserView } from '../api/contract';
import type { Role } from '../api/roles';
import { users, type UserRow } from '../db/schema';
import { changedFields, updateVersioned } from '../db/versioned';
import { uuidv7 } from '../ids';
import { wrapKey, type KeySlot } from '../vault/keyslots';
import { findUserSlot } from '../vault/store';
import { officeNameOf, requireStrongPassword } from '../auth/policy';

export function userView(u: UserRow): UserView {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    role: u.role as Role,
    nip: u.nip,
    position: u.position,
    rank: u.rank,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    deactivatedAt: u.deactivatedAt,
    deactivationReason: u.deactivationReason,
    version: u.version,
    createdAt: u.createdAt,
  };
}

function getUser(ctx: CallContext, id: string): UserRow {
  const u = ctx.reg.db.db.select().from(users).where(eq(users.id, id)).get();
  if (!u) throw new ApiError('NOT_FOUND', 'Pengguna tidak ditemukan.');
  return u;
}

/** The office must always keep one active administrator. */
function assertAnotherActiveAdmin(ctx: CallContext, exceptId: string): void {
  const other = ctx.reg.db.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, exceptId)))
    .get();
  if (!other) throw new ApiError('VALIDATION', 'Harus ada setidaknya satu administrator aktif.', { fields: { role: 'Harus ada setidaknya satu administrator aktif' } });
}

function removeSlotAndChangeKey(ctx: CallContext, userId: string): void {
  const isTheirs = (s: KeySlot) => s.kind === 'user' && s.userId === userId;
  try {
    ctx.reg.changeKey({ remove: isTheirs });
  } catch {
    // The key could not be changed (disk full, an old recovery slot): the slot still goes, with no copy left.
    const v = ctx.reg.vault();
    v.slots = v.slots.filter((s) => !isTheirs(s as KeySlot));
    ctx.reg.saveVault(v, { forget: true });
    ctx.reg.auditOrQueue({ at: ctx.nowIso, userId: ctx.session?.userId ?? null, username: ctx.session?.username ?? null, deviceId: ctx.deviceId, action: 'register.changeKey', outcome: 'failure', entityType: 'user', entityId: userId, detail: null });
  }
}

export const usersHandlers = defineHandlers({
  'users.list': {
    run(input, ctx) {
      const { db } = ctx.reg.db;
      const rows = db
        .select()
        .from(users)
        .where(input.includeInactive ? undefined : eq(users.active, true))
        .orderBy(asc(sql`lower(${users.fullName})`))
        .all();
      return rows.map(userView);
    },
  },

  'staff.list': {
    run(_input, ctx) {
      return ctx.reg.db.db
        .select()
        .from(users)
        .where(eq(users.active, true))
        .orderBy(asc(sql`lower(${users.fullName})`))
        .all()
        .map((u): StaffView => ({ id: u.id, fullName: u.fullName, role: u.role as Role, position: u.position }));
    },
  },

  'users.create': {
    async prepare(input, ctx) {
      await requireStrongPassword('initialPassword', input.initialPassword, { ...input, officeName: officeNameOf(ctx.reg.db.db) });
      const id = uuidv7(ctx.now.getTime());
      const slot = await wrapKey(ctx.reg.databaseKey, input.initialPassword, { id, kind: 'user', userId: id, username: input.username }, ctx.reg.scryptN, ctx.nowIso, ctx.reg.deviceFor(input.role));
      return { id, slot };
    },
    run(input, ctx, { id, slot }) {
      const { reg, nowIso } = ctx;
      const me = requireSession(ctx);
      const { db } = reg.db;
      const taken = db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = ${input.username.toLowerCase()}`).get();
      if (taken || findUserSlot(reg.vault(), input.username)) {
        throw new ApiError('VALIDATION', 'Nama pengguna sudah dipakai.', { fields: { username: 'Nama pengguna sudah dipakai' } });
      }
      const { initialPassword: _p, ...fields } = input;
      db.insert(users)
        .values({ id, ...fields, mustChangePassword: true, createdAt: nowIso, updatedAt: nowIso, createdBy: me.userId, updatedBy: me.userId })
        .run();
      const v = reg.vault();
      v.slots.push(slot);
      reg.saveVault(v);
      ctx.audit.entityType = 'user';
      ctx.audit.entityId = id;
      ctx.audit.detail = JSON.stringify({ role: input.role });
      ctx.changes.push({ type: 'user.created', id });
      return userView(getUser(ctx, id));
    },
  },

  'users.update': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const before = getUser(ctx, input.id);
      if (before.role === 'admin' && input.role !== 'admin') {
        if (before.id === me.userId) throw new ApiError('SELF_ACTION', 'Anda tidak dapat mencabut peran administrator Anda sendiri.');
        assertAnotherActiveAdmin(ctx, before.id);
      }
      const { id, version, ...changes } = input;
      const after = updateVersioned(ctx.reg.db.db, users, 'user', id, version, changes, me.userId, ctx.nowIso, (r) => userView(r as UserRow));
      if (after.role !== before.role) {
        // A new role takes effect at the next login.
        ctx.reg.sessions.endAllFor(id);
      }
      ctx.audit.entityType = 'user';
      ctx.audit.entityId = id;
      ctx.audit.detail = JSON.stringify({ fields: changedFields(before, after) });
      ctx.changes.push({ type: 'user.updated', id });
      return userView(after);
    },
  },

  'users.deactivate': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const u = getUser(ctx, input.id);
      if (u.id === me.userId) throw new ApiError('SELF_ACTION', 'Anda tidak dapat menonaktifkan akun Anda sendiri.');
      if (!u.active) throw new ApiError('VALIDATION', 'Akun ini sudah nonaktif.');
      if (u.role === 'admin') assertAnotherActiveAdmin(ctx, u.id);
      const after = updateVersioned(
        ctx.reg.db.db,
        users,
        'user',
        u.id,
        input.version,
        { active: false, deactivatedAt: ctx.nowIso, deactivationReason: input.reason },
        me.userId,
        ctx.nowIso,
        (r) => userView(r as UserRow),
      );
      // Once committed, the register key is changed: the old password (or a copy of the key file,
      // its .bak included) opens nothing any more, since no remaining slot holds the old key.
      ctx.afterCommit.push(() => removeSlotAndChangeKey(ctx, u.id));
      ctx.reg.sessions.endAllFor(u.id);
      ctx.audit.entityType = 'user';
      ctx.audit.entityId = u.id;
      ctx.changes.push({ type: 'user.updated', id: u.id });
      return userView(after);
    },
  },

  'users.resetPassword': {
    async prepare(input, ctx) {
      const u = getUser(ctx, input.id);
      if (!u.active) throw new ApiError('VALIDATION', 'Aktifkan akun ini sebelum mengatur ulang kata sandinya.');
      await requireStrongPassword('temporaryPassword', input.temporaryPassword, { ...u, officeName: officeNameOf(ctx.reg.db.db) });
      const existing = findUserSlot(ctx.reg.vault(), u.username);
      return wrapKey(ctx.reg.databaseKey, input.temporaryPassword, { id: existing?.id ?? u.id, kind: 'user', userId: u.id, username: u.username }, ctx.reg.scryptN, ctx.nowIso, ctx.reg.deviceFor(u.role));
    },
    run(input, ctx, slot) {
      const me = requireSession(ctx);
      if (input.id === me.userId) throw new ApiError('SELF_ACTION', 'Gunakan "Ganti kata sandi" untuk akun Anda sendiri.');
      const after = updateVersioned(ctx.reg.db.db, users, 'user', input.id, input.version, { mustChangePassword: true }, me.userId, ctx.nowIso, (r) => userView(r as UserRow));
      const v = ctx.reg.vault();
      v.slots = v.slots.filter((s) => s.id !== slot.id).concat(slot);
      ctx.reg.saveVault(v);
      ctx.reg.sessions.endAllFor(input.id);
      ctx.audit.entityType = 'user';
      ctx.audit.entityId = input.id;
      ctx.changes.push({ type: 'user.updated', id: input.id });
      return userView(after);
    },
  },
});
