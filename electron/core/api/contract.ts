import { z } from 'zod';
import type { Permission, Role } from './roles';
import { method, idSchema, versionSchema } from './contract-kit';
import { casesContract } from './contract-cases';
import { lanContract } from './contract-lan';
import { documentsContract } from './contract-documents';
import { backupContract, type RegisterProblemView } from './contract-backup';
import { reportsContract } from './contract-reports';

export * from './contract-cases';
export type * from './contract-lan';
export * from './contract-documents';
export * from './contract-files';
export * from './contract-backup';
export * from './contract-reports';
export * as vocab from './vocab';
export * as simfoni from '../simfoni';
/** Age rules shared with the screens (pure date arithmetic). */
export { ageOn, isChildAt, ADULT_AGE } from '../persons/age';
export { formatRegisterNo, registerNoTokens, serviceAbbreviations } from '../cases/register-number';

export type { AuditKind, MethodSpec } from './contract-kit';
import { roles } from './roles';

/**
 * The API contract: every operation the UI can do, with its input schema, output type
 * and access rule. Shared by the core (validation), the renderer (types) and the docs
 * generator. Holds no behaviour: handlers live in the core's capability folders.
 */

// ---------- shared field schemas ----------
const trimmed = (max: number) => z.string().trim().max(max);
const required = (max: number, label: string) => z.string().trim().min(1, `${label} wajib diisi`).max(max);
export const usernameSchema = z
  .string()
  .trim()
  .min(3, 'Nama pengguna minimal 3 karakter')
  .max(32, 'Nama pengguna maksimal 32 karakter')
  .regex(/^[A-Za-z0-9._-]+$/, 'Nama pengguna hanya boleh huruf, angka, titik, garis bawah dan tanda hubung');
/** The shape of a new password; how hard it is to guess is checked by api/password-strength. */
export const passwordSchema = z
  .string()
  .min(8, 'Kata sandi minimal 8 karakter')
  .max(256, 'Kata sandi terlalu panjang');
const loginPassword = z.string().min(1, 'Kata sandi wajib diisi').max(256);
const id = idSchema;
const version = versionSchema;
export const roleSchema = z.enum(roles);
const nip = z
  .string()
  .trim()
  .regex(/^(\d{18})?$/, 'NIP harus 18 digit angka')
  .default('');
const email = z.union([z.literal(''), z.string().trim().email('Alamat email tidak valid').max(120)]).default('');
const logoInput = z
  .object({
    mime: z.enum(['image/png', 'image/jpeg']),
    base64: z
      .string()
      .max(1_400_000, 'Logo maksimal 1 MB')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Berkas logo tidak valid'),
  })
  .nullable();

export const officeFields = z.object({
  name: required(160, 'Nama kantor'),
  governmentLine: trimmed(160).default(''),
  address: trimmed(300).default(''),
  city: trimmed(80).default(''),
  postcode: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, 'Kode pos harus 5 digit angka')
    .default(''),
  phone: trimmed(40).default(''),
  email,
  website: trimmed(120).default(''),
});

const userFields = z.object({
  fullName: required(120, 'Nama lengkap'),
  role: roleSchema,
  nip,
  position: trimmed(120).default(''),
  rank: trimmed(80).default(''),
});

// ---------- views (outputs) ----------
export interface UserView {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  nip: string;
  position: string;
  rank: string;
  active: boolean;
  mustChangePassword: boolean;
  deactivatedAt: string | null;
  deactivationReason: string | null;
  version: number;
  createdAt: string;
}

/** A colleague a case can be assigned to: what a case worker may know of the staff list. */
export interface StaffView {
  id: string;
  fullName: string;
  role: Role;
  position: string;
}

export interface OfficeView {
  name: string;
  governmentLine: string;
  address: string;
  city: string;
  postcode: string;
  phone: string;
  email: string;
  website: string;
  /** data: URL of the logo, or null */
  logo: string | null;
  version: number;
}

export interface SettingsView {
  idleLockMinutes: number;
  timeZone: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';
  registerNoPattern: string;
  version: number;
}

export interface SessionView {
  user: { id: string; username: string; fullName: string; role: Role };
  officeName: string;
  mustChangePassword: boolean;
  permissions: Permission[];
  idleLockMinutes: number;
  /** The office's zone: screens show times in it, whatever zone the PC's clock is set to. */
  timeZone: SettingsView['timeZone'];
  /** For administrators and heads: what is wrong with the register (damaged...), shown after login; else null. */
  registerProblem: RegisterProblemView | null;
}

export interface LoginResult {
  /** Bearer token; transports keep it away from page script where they can. */
  token: string;
  session: SessionView;
}

export interface AuditEntryView {
  seq: number;
  at: string;
  username: string | null;
  deviceId: string;
  action: string;
  outcome: string;
  entityType: string | null;
  entityId: string | null;
  detail: string | null;
}

export interface AuditVerifyResult {
  /** The chain holds (and, with an anchor, still passes through it). */
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; reason: string } | null;
  /** The newest entry that checked out: the point to write down (print) as an anchor. */
  head: { seq: number; hash: string; at: string } | null;
  /** With an anchor: whether its entry exists and still has the hash written down. */
  anchor: { seq: number; found: boolean; matches: boolean } | null;
}

/** An entry of the audit chain and its hash (at least its first 16 characters), as written on the printed anchor. */
export const auditAnchorSchema = z
  .object({
    seq: z.number().int().positive('Nomor entri tidak valid'),
    hash: z
      .string()
      .max(100)
      .regex(/^[0-9a-fA-F\s-]+$/, 'Hash hanya berisi angka 0–9 dan huruf a–f')
      .refine((h) => h.replace(/[\s-]/g, '').length >= 16 && h.replace(/[\s-]/g, '').length <= 64, 'Ketik paling sedikit 16 karakter pertama hash'),
  })
  .strict();


// ---------- the contract ----------
const coreContract = {
  'setup.status': method<{ initialized: boolean; unlocked: boolean; problem: RegisterProblemView | null }>()({
    input: z.object({}).strict(),
    access: 'public',
    audit: 'none',
    summary:
      'Whether this office has been set up, whether the register is unlocked, and a problem found with it (damaged, rolled back to an older copy, database missing) with its newest good backup, known without opening it.',
  }),
  'register.acknowledgeProblem': method<Record<string, never>>()({
    input: z.object({ reason: required(500, 'Alasan') }).strict(),
    access: 'users.manage',
    audit: 'change',
    summary: 'An administrator goes on with the register as it is after a problem was reported (no backup to restore, or the loss is accepted): the problem is cleared, with the reason, and the audit head sealed anew.',
  }),
  'register.changeKey': method<{ reissue: { id: string; username: string; fullName: string }[] }>()({
    input: z.object({}).strict(),
    access: 'users.manage',
    audit: 'change',
    summary:
      'Changes the register key: the database is re-encrypted with a new key and every key slot re-sealed to it, so a copy of an old key file or of a removed slot opens nothing. Accounts whose slot cannot be re-sealed (never logged in since the slot format changed) are listed: an administrator re-issues their password.',
  }),
  'setup.restore': method<{ backupCreatedAt: string; auditEntries: number; auditBroken: { seq: number; reason: string } | null }>()({
    input: z
      .object({
        /** The backup file (.tdbk) on this PC, e.g. on a USB disk. */
        path: z.string().trim().min(1, 'Pilih berkas cadangan').max(1000),
        /** A password valid when the backup was made, or the recovery code. */
        secret: z.string().min(1, 'Kata sandi atau kode pemulihan wajib diisi').max(256),
      })
      .strict(),
    access: 'public',
    audit: 'auth',
    summary: 'On a PC with no register yet: puts a backup in place as its register, after checking it (SHA-256, integrity, audit chain) and that the password or recovery code opens it; then users log in as before.',
  }),
  'setup.initialize': method<LoginResult & { recoveryCode: string }>()({
    input: z
      .object({
        office: officeFields.extend({ logo: logoInput.default(null) }),
        admin: z.object({ username: usernameSchema, fullName: required(120, 'Nama lengkap'), password: passwordSchema }),
      })
      .strict(),
    access: 'public',
    audit: 'auth',
    summary: 'First run: creates the encrypted register, the office profile and the administrator; returns the recovery code once.',
  }),
  'auth.login': method<LoginResult>()({
    input: z.object({ username: usernameSchema, password: loginPassword }).strict(),
    access: 'public',
    audit: 'auth',
    summary: 'Logs in (and unlocks the register if it is locked).',
  }),
  'auth.logout': method<Record<string, never>>()({
    input: z.object({}).strict(),
    access: 'session',
    audit: 'auth',
    summary: 'Ends the session.',
  }),
  'auth.lock': method<Record<string, never>>()({
    input: z.object({ reason: z.enum(['idle', 'manual', 'system']) }).strict(),
    access: 'session',
    audit: 'auth',
    summary: 'Locks the screen: ends the session; the user must enter the password again.',
  }),
  'auth.changePassword': method<SessionView>()({
    input: z.object({ currentPassword: loginPassword, newPassword: passwordSchema }).strict(),
    access: 'session',
    audit: 'auth',
    summary: "Changes the caller's own password (re-wraps only their key slot).",
  }),
  'auth.recover': method<Record<string, never>>()({
    input: z
      .object({ recoveryCode: z.string().min(1).max(64), username: usernameSchema, newPassword: passwordSchema })
      .strict(),
    access: 'public',
    audit: 'auth',
    summary: "Resets an administrator's password with the recovery code.",
  }),
  'session.get': method<SessionView>()({
    input: z.object({}).strict(),
    access: 'session',
    audit: 'none',
    summary: 'The current user, role, permissions and office name.',
  }),
  'office.get': method<OfficeView>()({
    input: z.object({}).strict(),
    access: 'session',
    audit: 'none',
    summary: 'The office profile (letterhead).',
  }),
  'office.update': method<OfficeView>()({
    input: officeFields.extend({ version, logo: logoInput.optional() }).strict(),
    access: 'office.manage',
    audit: 'change',
    summary: 'Updates the office profile; `logo` omitted keeps it, null removes it.',
  }),
  'settings.get': method<SettingsView>()({
    input: z.object({}).strict(),
    access: 'session',
    audit: 'none',
    summary: 'Office-wide settings.',
  }),
  'settings.update': method<SettingsView>()({
    input: z
      .object({
        version,
        idleLockMinutes: z.number().int().min(1, 'Minimal 1 menit').max(120, 'Maksimal 120 menit').optional(),
        timeZone: z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']).optional(),
        registerNoPattern: z
          .string()
          .trim()
          .max(80, 'Pola terlalu panjang')
          .refine((p) => /\{urut(:\d)?\}/.test(p), 'Pola harus memuat {urut} atau {urut:N}')
          .refine((p) => /\{tahun\}/.test(p), 'Pola harus memuat {tahun}: nomor urut dimulai ulang setiap tahun')
          .optional(),
      })
      .strict(),
    access: 'settings.manage',
    audit: 'change',
    summary: 'Updates office-wide settings.',
  }),
  'users.list': method<UserView[]>()({
    input: z.object({ includeInactive: z.boolean().default(true) }).strict(),
    access: 'users.manage',
    audit: 'none',
    summary: 'All user accounts.',
  }),
  'users.create': method<UserView>()({
    input: userFields.extend({ username: usernameSchema, initialPassword: passwordSchema }).strict(),
    access: 'users.manage',
    audit: 'change',
    summary: 'Creates a user with an initial password they must change at first login.',
  }),
  'users.update': method<UserView>()({
    input: userFields.extend({ id, version }).strict(),
    access: 'users.manage',
    audit: 'change',
    summary: "Updates a user's name, role and signature details.",
  }),
  'users.deactivate': method<UserView>()({
    input: z.object({ id, version, reason: required(300, 'Alasan') }).strict(),
    access: 'users.manage',
    audit: 'change',
    summary: "Deactivates a user and deletes their key slot (they can no longer unlock the register).",
  }),
  'users.resetPassword': method<UserView>()({
    input: z.object({ id, version, temporaryPassword: passwordSchema }).strict(),
    access: 'users.manage',
    audit: 'change',
    summary: "Gives a user a temporary password (their slot is re-wrapped); they must change it at next login.",
  }),
  'staff.list': method<StaffView[]>()({
    input: z.object({}).strict(),
    access: 'cases.work',
    audit: 'none',
    summary: 'The active staff a case can be assigned to (names, roles and positions only).',
  }),
  'audit.list': method<AuditEntryView[]>()({
    input: z
      .object({
        beforeSeq: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(500).default(100),
        action: z.string().max(64).optional(),
        username: z.string().max(32).optional(),
      })
      .strict(),
    access: 'audit.read',
    audit: 'read',
    summary: 'Audit entries, newest first.',
  }),
  'audit.verify': method<AuditVerifyResult>()({
    input: z.object({ anchor: auditAnchorSchema.optional() }).strict(),
    access: 'audit.verify',
    audit: 'read',
    summary: 'Checks the audit hash chain; with an anchor (an entry and its hash, from a printed anchor sheet), also that the chain still passes through it.',
  }),
} as const;

/** Every method of the API: the core's own, the case register's and the documents'. */
export const contract = { ...coreContract, ...casesContract, ...documentsContract, ...backupContract, ...lanContract, ...reportsContract } as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = NonNullable<Contract[M]['_output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
