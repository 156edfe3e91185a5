import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The register's schema. Every mutable row carries `version` (optimistic concurrency),
 * `created_*` and `updated_*`; previous states go to `history`. Soft delete only.
 * Timestamps are ISO-8601 UTC strings.
 */

const stamps = {
  version: integer('version').notNull().default(1),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by'),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by'),
};

export const officeProfile = sqliteTable('office_profile', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  governmentLine: text('government_line').notNull().default(''),
  address: text('address').notNull().default(''),
  postcode: text('postcode').notNull().default(''),
  phone: text('phone').notNull().default(''),
  email: text('email').notNull().default(''),
  website: text('website').notNull().default(''),
  city: text('city').notNull().default(''),
  logo: blob('logo', { mode: 'buffer' }),
  logoMime: text('logo_mime'),
  ...stamps,
});

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    fullName: text('full_name').notNull(),
    role: text('role').notNull(),
    nip: text('nip').notNull().default(''),
    position: text('position').notNull().default(''),
    rank: text('rank').notNull().default(''),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    deactivatedAt: text('deactivated_at'),
    deactivationReason: text('deactivation_reason'),
    ...stamps,
  },
  (t) => [uniqueIndex('users_username_unique').on(sql`lower(${t.username})`)],
);

export const settings = sqliteTable('settings', {
  id: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  ...stamps,
});

/** Append-only; each entry holds the hash of the previous one. Triggers forbid UPDATE and DELETE. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey(),
    at: text('at').notNull(),
    userId: text('user_id'),
    username: text('username'),
    deviceId: text('device_id').notNull(),
    action: text('action').notNull(),
    outcome: text('outcome').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    detail: text('detail'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_entity').on(t.entityType, t.entityId), index('audit_at').on(t.at)],
);

/** Previous states of every mutable row: nothing is overwritten. */
export const history = sqliteTable(
  'history',
  {
    id: text('id').primaryKey(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    version: integer('version').notNull(),
    data: text('data', { mode: 'json' }).notNull(),
    changedAt: text('changed_at').notNull(),
    changedBy: text('changed_by'),
  },
  (t) => [index('history_entity').on(t.entityType, t.entityId, t.version)],
);

/** Numbering series (register numbers, letter numbers): per series, per year; never reused. */
export const sequences = sqliteTable(
  'sequences',
  {
    series: text('series').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.series, t.year] })],
);

export const cases = sqliteTable(
  'cases',
  {
    id: text('id').primaryKey(),
    registerNo: text('register_no').notNull(),
    serviceCode: text('service_code').notNull(),
    status: text('status').notNull(),
    channel: text('channel').notNull(),
    chronology: text('chronology').notNull().default(''),
    deletedAt: text('deleted_at'),
    deletedReason: text('deleted_reason'),
    ...stamps,
  },
  (t) => [uniqueIndex('cases_register_no').on(t.registerNo)],
);

export const persons = sqliteTable('persons', {
  id: text('id').primaryKey(),
  fullName: text('full_name').notNull(),
  nik: text('nik'),
  phone: text('phone'),
  birthDate: text('birth_date'),
  sex: text('sex'),
  ...stamps,
});

export const casePersons = sqliteTable(
  'case_persons',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.personId, t.role] })],
);

export type UserRow = typeof users.$inferSelect;
export type OfficeRow = typeof officeProfile.$inferSelect;
