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
    /** The version of the service standard the case started under. */
    standardId: text('standard_id'),
    status: text('status').notNull(),
    closure: text('closure'),
    closedAt: text('closed_at'),
    /** Why a case was closed outside its steps (withdrawn, referred). */
    closureNote: text('closure_note'),
    channel: text('channel').notNull(),
    riskLevel: text('risk_level').notNull().default('low'),
    incidentDate: text('incident_date'),
    incidentPlace: text('incident_place'),
    incidentRegion: text('incident_region'),
    incidentRt: text('incident_rt'),
    incidentRw: text('incident_rw'),
    incidentAddress: text('incident_address'),
    violenceTypes: text('violence_types', { mode: 'json' }).$type<string[]>().notNull().default([]),
    needs: text('needs', { mode: 'json' }).$type<string[]>().notNull().default([]),
    consent: text('consent', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    chronology: text('chronology').notNull().default(''),
    assignedTo: text('assigned_to'),
    requirementsCompletedAt: text('requirements_completed_at'),
    /** Earliest unmet deadline, for lists and the dashboard. */
    dueAt: text('due_at'),
    /** Idempotency key of the registration: a retry returns this case instead of a second one. */
    requestId: text('request_id'),
    /** The case's row in the full-text index (FTS5 finds rows by rowid, not by case id). */
    searchRowid: integer('search_rowid'),
    /** Entered into SIMFONI-PPA: when (office date), by whom, and SIMFONI's own register number. */
    simfoniEnteredOn: text('simfoni_entered_on'),
    simfoniEnteredBy: text('simfoni_entered_by'),
    simfoniNo: text('simfoni_no'),
    deletedAt: text('deleted_at'),
    deletedReason: text('deleted_reason'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('cases_register_no').on(t.registerNo),
    uniqueIndex('cases_request_id').on(t.requestId),
    uniqueIndex('cases_search_rowid').on(t.searchRowid),
    index('cases_service_status').on(t.serviceCode, t.status, t.createdAt),
    index('cases_due').on(t.status, t.dueAt),
    index('cases_assigned').on(t.assignedTo, t.status),
    index('cases_created').on(t.createdAt),
    // Reports: cases closed in a period.
    index('cases_closed').on(t.closedAt),
  ],
);

export const persons = sqliteTable(
  'persons',
  {
    id: text('id').primaryKey(),
    fullName: text('full_name').notNull(),
    /** Normalised name for duplicate detection (spelling variants folded). */
    nameKey: text('name_key'),
    nik: text('nik'),
    kkNo: text('kk_no'),
    phone: text('phone'),
    birthPlace: text('birth_place'),
    birthDate: text('birth_date'),
    sex: text('sex'),
    region: text('region'),
    rt: text('rt'),
    rw: text('rw'),
    address: text('address'),
    occupation: text('occupation'),
    disability: integer('disability', { mode: 'boolean' }).notNull().default(false),
    disabilityNote: text('disability_note'),
    /** SIMFONI education and marital status codes; null: not recorded. */
    education: text('education'),
    maritalStatus: text('marital_status'),
    ...stamps,
  },
  (t) => [index('persons_nik').on(t.nik), index('persons_birth').on(t.birthDate), index('persons_name_birth').on(t.nameKey, t.birthDate)],
);

export const casePersons = sqliteTable(
  'case_persons',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    /** reporter, victim, perpetrator, party, companion, witness */
    role: text('role').notNull(),
    /** Perpetrator's (or reporter's) relation to the victim (SIMFONI category). */
    relation: text('relation'),
    /** A companion: whom they accompany, and how (parent, guardian, companion, special). */
    companionOf: text('companion_of'),
    companionType: text('companion_type'),
    /** A victim's forms of violence (SIMFONI records them per victim); null: not recorded. */
    violenceTypes: text('violence_types', { mode: 'json' }).$type<string[] | null>(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.personId, t.role] }), index('case_persons_person').on(t.personId)],
);

/**
 * A perpetrator's relation to each victim of a case (one husband is "Suami/Istri" to the wife
 * and "Orang Tua" to the child). A pair without a row: not recorded.
 */
export const caseRelations = sqliteTable(
  'case_relations',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    victimId: text('victim_id')
      .notNull()
      .references(() => persons.id),
    perpetratorId: text('perpetrator_id')
      .notNull()
      .references(() => persons.id),
    relation: text('relation').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.victimId, t.perpetratorId] })],
);

/** A service given to (or declined by, or unavailable for) one victim of a case, in SIMFONI's eight types. */
export const victimServices = sqliteTable(
  'victim_services',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    victimId: text('victim_id')
      .notNull()
      .references(() => persons.id),
    service: text('service').notNull(),
    /** The day it was given (office's calendar date, YYYY-MM-DD). */
    givenOn: text('given_on').notNull(),
    /** 'office' (this office) or 'institution' (from the directory). */
    providerKind: text('provider_kind').notNull(),
    institutionId: text('institution_id').references(() => institutions.id),
    /** given, declined, unavailable */
    outcome: text('outcome').notNull(),
    note: text('note'),
    /** What recorded it: 'manual', 'intake', 'step:<code>', 'referral:<item id>'; one automatic record per source. */
    source: text('source').notNull(),
    deletedAt: text('deleted_at'),
    deletedReason: text('deleted_reason'),
    ...stamps,
  },
  (t) => [index('victim_services_case').on(t.caseId), index('victim_services_given').on(t.givenOn, t.service), uniqueIndex('victim_services_source').on(t.caseId, t.victimId, t.source)],
);

/** The service standards, versioned: editing one in Settings adds a version; cases keep theirs. */
export const serviceStandards = sqliteTable(
  'service_standards',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    versionNo: integer('version_no').notNull(),
    definition: text('definition', { mode: 'json' }).notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by'),
  },
  (t) => [uniqueIndex('service_standards_code_version').on(t.code, t.versionNo)],
);

/** Which services the office runs, and the standard version new cases start under. */
export const offeredServices = sqliteTable('offered_services', {
  id: text('code').primaryKey(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  standardId: text('standard_id').notNull(),
  ...stamps,
});

export const caseRequirements = sqliteTable(
  'case_requirements',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    code: text('code').notNull(),
    /** missing, complete, not_applicable */
    status: text('status').notNull(),
    note: text('note'),
    checkedAt: text('checked_at'),
    checkedBy: text('checked_by'),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.code] })],
);

export const caseSteps = sqliteTable(
  'case_steps',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    code: text('code').notNull(),
    seq: integer('seq').notNull(),
    /** pending, submitted (awaiting approval), done, skipped */
    status: text('status').notNull(),
    outcome: text('outcome'),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
    note: text('note'),
    submittedAt: text('submitted_at'),
    submittedBy: text('submitted_by'),
    completedAt: text('completed_at'),
    completedBy: text('completed_by'),
    ...stamps,
  },
  (t) => [uniqueIndex('case_steps_case_code').on(t.caseId, t.code)],
);

/** A head's decision on a submitted step; stores a hash of exactly what was approved. */
export const approvals = sqliteTable(
  'approvals',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    stepId: text('step_id')
      .notNull()
      .references(() => caseSteps.id),
    requestedBy: text('requested_by').notNull(),
    requestedAt: text('requested_at').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    payloadHash: text('payload_hash').notNull(),
    /** pending, approved, rejected */
    status: text('status').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: text('decided_at'),
    comment: text('comment'),
  },
  (t) => [index('approvals_status').on(t.status, t.requestedAt), index('approvals_case').on(t.caseId), index('approvals_requested').on(t.requestedAt)],
);

/** Structured records of a case: mediation sessions, agreement points, monitoring visits, referrals. */
export const caseItems = sqliteTable(
  'case_items',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    seq: integer('seq').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status'),
    dueAt: text('due_at'),
    deletedAt: text('deleted_at'),
    ...stamps,
  },
  (t) => [index('case_items_case').on(t.caseId, t.kind, t.seq), index('case_items_due').on(t.kind, t.status, t.dueAt)],
);

export const caseDeadlines = sqliteTable(
  'case_deadlines',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    code: text('code').notNull(),
    label: text('label').notNull(),
    /** null until its clock starts (e.g. requirements not yet complete) */
    dueAt: text('due_at'),
    metAt: text('met_at'),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.code] }), index('case_deadlines_due').on(t.metAt, t.dueAt)],
);

/** The institution directory for referrals out. */
export const institutions = sqliteTable('institutions', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  address: text('address').notNull().default(''),
  phone: text('phone').notNull().default(''),
  contactPerson: text('contact_person').notNull().default(''),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  ...stamps,
});

/** The office's holiday table (seeded from date-holidays, edited by the office). */
export const holidays = sqliteTable('holidays', {
  id: text('date').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  ...stamps,
});

/** Intake forms saved as they are typed, so an interruption loses nothing. */
export const intakeDrafts = sqliteTable(
  'intake_drafts',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    ...stamps,
  },
  (t) => [index('intake_drafts_user').on(t.userId)],
);

export type UserRow = typeof users.$inferSelect;
export type OfficeRow = typeof officeProfile.$inferSelect;

/**
 * The office's generated documents: letters, decrees, minutes, reports, forms and receipts.
 * A numbered one holds its place in the letter register for good: voiding keeps the number
 * with the reason. Making it again adds a version; versions are never changed.
 */
export const documents = sqliteTable(
  'documents',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    caseId: text('case_id').references(() => cases.id),
    /** The workflow step that produced it, and the case item it is about (a referral). */
    stepCode: text('step_code'),
    itemId: text('item_id'),
    /** Letter number: series, year and sequence it was allocated from, and the number as printed. */
    series: text('series'),
    year: integer('year'),
    seq: integer('seq'),
    number: text('number'),
    /** The date the letter carries, in the office's calendar (YYYY-MM-DD). */
    letterDate: text('letter_date').notNull(),
    hal: text('hal').notNull().default(''),
    addressee: text('addressee').notNull().default(''),
    /** active, void */
    status: text('status').notNull(),
    voidReason: text('void_reason'),
    voidedAt: text('voided_at'),
    voidedBy: text('voided_by'),
    latestVersion: integer('latest_version').notNull(),
    /** Idempotency key: a retried request never takes a second number. */
    requestId: text('request_id'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('documents_series_seq').on(t.series, t.year, t.seq),
    uniqueIndex('documents_number').on(t.number),
    uniqueIndex('documents_request_id').on(t.requestId),
    index('documents_case').on(t.caseId, t.type),
    index('documents_year').on(t.year, t.type),
  ],
);

/** Every generated file of a document: the bytes, their SHA-256, who made it from which case version. Append-only. */
export const documentVersions = sqliteTable(
  'document_versions',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id),
    versionNo: integer('version_no').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    caseVersion: integer('case_version'),
    signerId: text('signer_id'),
    /** The header fields the person making it chose (addressee, Sifat, Hal, Tembusan ...). */
    fields: text('fields', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** Idempotency key of the request that made this version: a retried request makes no second one. */
    requestId: text('request_id'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by'),
  },
  (t) => [uniqueIndex('document_versions_no').on(t.documentId, t.versionNo), uniqueIndex('document_versions_request').on(t.requestId)],
);

/** Signed scans (PDF, JPEG) attached to a document. Removed only softly, with a reason. */
export const documentScans = sqliteTable(
  'document_scans',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by'),
    removedAt: text('removed_at'),
    removedBy: text('removed_by'),
    removedReason: text('removed_reason'),
  },
  (t) => [index('document_scans_document').on(t.documentId)],
);

export type DocumentRow = typeof documents.$inferSelect;

/**
 * LAN sharing, this PC as the host: whether it listens, where, and under which name.
 * One row (id 1).
 */
export const lanHost = sqliteTable('lan_host', {
  id: integer('id').primaryKey(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(false),
  port: integer('port').notNull(),
  bindAddress: text('bind_address').notNull().default('0.0.0.0'),
  name: text('name').notNull(),
  ...stamps,
});

/**
 * The host's TLS identity: its private key is kept here, inside the encrypted database,
 * and nowhere else. Never changed once made (a new identity would unpair every PC), so it
 * has no version and no history (which would copy the key).
 */
export const lanIdentity = sqliteTable('lan_identity', {
  id: integer('id').primaryKey(),
  keyPem: text('key_pem').notNull(),
  certPem: text('cert_pem').notNull(),
  fingerprint: text('fingerprint').notNull(),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by'),
});

/**
 * PCs paired with this host, by their certificate's fingerprint. Revoked ones stay, with
 * who revoked them and why. `first_seen_at`/`last_seen_at` are connection times, updated
 * without a new version (they are not an edit).
 */
export const lanDevices = sqliteTable(
  'lan_devices',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    fingerprint: text('fingerprint').notNull(),
    certPem: text('cert_pem').notNull(),
    pairedAt: text('paired_at').notNull(),
    pairedBy: text('paired_by'),
    firstSeenAt: text('first_seen_at'),
    lastSeenAt: text('last_seen_at'),
    lastAddress: text('last_address'),
    revokedAt: text('revoked_at'),
    revokedBy: text('revoked_by'),
    revokeReason: text('revoke_reason'),
    ...stamps,
  },
  (t) => [uniqueIndex('lan_devices_fingerprint').on(t.fingerprint)],
);

/**
 * Answers to changes sent by paired PCs, by their idempotency key: a request retried
 * after a dropped connection gets the first answer instead of being done twice. Kept a day.
 */
export const lanRequests = sqliteTable(
  'lan_requests',
  {
    deviceId: text('device_id').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    response: text('response').notNull(),
    at: text('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.key] }), index('lan_requests_at').on(t.at)],
);

/**
 * A reporting period a head closed once its recap was submitted (to the Dinas, SIMFONI): the
 * figures as submitted, kept as they were, so they can be exported again and later changes to
 * its cases shown as amendments.
 */
export const reportSubmissions = sqliteTable(
  'report_submissions',
  {
    id: text('id').primaryKey(),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    label: text('label').notNull(),
    /** The recap as submitted, and the per-victim rows it was counted from (codes only, no names). */
    figures: text('figures', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    basis: text('basis', { mode: 'json' }).$type<Record<string, unknown>[]>().notNull(),
    note: text('note'),
    ...stamps,
  },
  (t) => [uniqueIndex('report_submissions_period').on(t.periodFrom, t.periodTo)],
);
