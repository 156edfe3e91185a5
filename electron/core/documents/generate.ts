import { createHash } from 'node:crypto';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { CaseDetail, CaseItemView, StepView } from '../api/contract-cases';
import type { DocumentDetail, DocumentTypeView } from '../api/contract-documents';
import { ApiError } from '../api/errors';
import { requireSession, type CallContext } from '../api/handler';
import type { Role } from '../api/roles';
import { localDateOf, type OfficeTimeZone } from '../calendar';
import { caseDetail } from '../cases';
import type { Db } from '../db/open';
import { cases, documents, documentVersions, institutions, officeProfile, users, type DocumentRow, type OfficeRow, type UserRow } from '../db/schema';
import { updateVersioned } from '../db/versioned';
import { uuidv7 } from '../ids';
import { readGeneralSettings } from '../settings/general';
import { documentCatalogue } from './catalogue';
import { buildContext, type DocContext, type InstitutionInfo, type ReportContent } from './context';
import { allocateLetterNumber } from './numbering';
import type { NumberedTypeCode } from './options';
import { documentDetail, loadDocument } from './repository';
import { fillTemplate, renderDocument, type Letterhead, type LetterHeader } from './render';
import { readDocumentSettings, type DocumentSettings } from './settings';
import { storedTypeCodes, type DocumentTypeDef, type StoredTypeCode } from './types';
import { rewriteZip } from './zip';

/**
 * Making a document: everything slow (reading the case, laying out, packing the .docx)
 * happens before the transaction; inside it, the number is taken from its series, written
 * into the file, and the file stored with its SHA-256. A case changed in between is a
 * CONFLICT, never a letter about a case that no longer reads that way.
 */

/** Written where the number goes until the transaction allocates it; never seen by anyone. */
export const NUMBER_PLACEHOLDER = 'TEDUH-NOMOR-SURAT-BELUM-DIBERIKAN';

/** Roles that keep the letter register: they void documents and attach scans to any. */
const REGISTER_KEEPERS: readonly Role[] = ['secretariat', 'head'];

let strictTemplates = false;
/** In tests: a placeholder the context has no value for is an error, not a blank line. */
export function setStrictTemplates(on: boolean): void {
  strictTemplates = on;
}

export function mayMake(def: DocumentTypeDef, role: Role): boolean {
  return def.makers.includes(role);
}

export function mayKeepRegister(role: Role): boolean {
  return REGISTER_KEEPERS.includes(role);
}

export function letterheadOf(o: OfficeRow): Letterhead {
  return {
    governmentLine: o.governmentLine,
    name: o.name,
    address: o.address,
    city: o.city,
    postcode: o.postcode,
    phone: o.phone,
    email: o.email,
    website: o.website,
    logo: o.logo && o.logoMime ? { bytes: o.logo, mime: o.logoMime } : null,
  };
}

export function loadOffice(db: Db): OfficeRow {
  const o = db.select().from(officeProfile).where(eq(officeProfile.id, 1)).get();
  if (!o) throw new ApiError('NOT_FOUND', 'Profil kantor belum diisi.');
  return o;
}

function loadUser(db: Db, id: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

/** The steps of a case's standard that produce a type (by product, by outcome, by the collections they keep). */
function sourceSteps(def: DocumentTypeDef, detail: CaseDetail): StepView[] {
  if (def.sources.none) return [];
  if (def.sources.anyStepOf) return def.sources.anyStepOf.includes(detail.standard.kind) ? detail.steps.slice(0, 1) : [];
  return detail.steps.filter((s) => {
    const d = detail.standard.steps.find((x) => x.code === s.code);
    if (!d) return false;
    if (d.products?.includes(def.code)) return true;
    if (d.outcomes?.some((o) => o.product === def.code)) return true;
    return (def.sources.collections ?? []).some((c) => d.collections?.includes(c));
  });
}

/** Why a type cannot be made from this step of this case now, or null. */
function problemWith(def: DocumentTypeDef, detail: CaseDetail, step: StepView | undefined, referral: { items: CaseItemView[]; chosen?: string | undefined }): string | null {
  if (step) {
    const d = detail.standard.steps.find((x) => x.code === step.code);
    const producing = d?.outcomes?.filter((o) => o.product === def.code) ?? [];
    if (producing.length && !d?.products?.includes(def.code) && !producing.some((o) => o.value === step.outcome)) {
      return `${def.title} dibuat bila langkah "${step.label}" berakhir dengan: ${producing.map((o) => o.label).join(' / ')}.`;
    }
  }
  for (const need of def.requires ?? []) {
    if (need === 'referral' && referral.items.length === 0) return 'Belum ada rujukan yang dicatat pada kasus ini.';
    if (need === 'referral' && referral.chosen && !referral.items.some((i) => i.id === referral.chosen)) return 'Rujukan yang dipilih tidak ada pada kasus ini.';
    if (need === 'parties' && !detail.persons.some((p) => ['victim', 'perpetrator', 'party'].includes(p.role))) return 'Belum ada pihak yang dicatat pada kasus ini.';
    if (need === 'reporter' && !detail.persons.some((p) => p.role === 'reporter' || p.role === 'victim')) return 'Belum ada data pelapor pada kasus ini.';
    if (need === 'agreement_points' && !detail.items.some((i) => i.kind === 'agreement_point')) return 'Belum ada butir kesepakatan.';
  }
  return null;
}

function institutionMap(db: Db): Map<string, InstitutionInfo> {
  return new Map(db.select({ id: institutions.id, name: institutions.name, address: institutions.address }).from(institutions).all().map((i) => [i.id, i]));
}

function activeStaff(db: Db): UserRow[] {
  return db.select().from(users).where(eq(users.active, true)).all();
}

/** The official who signs: the one named, else the office's default, else the longest-serving active head. */
function resolveSigner(db: Db, settings: DocumentSettings, signerId: string | undefined): UserRow | null {
  if (signerId) {
    const u = loadUser(db, signerId);
    if (!u || !u.active) throw new ApiError('VALIDATION', 'Penanda tangan tidak ditemukan atau tidak aktif.', { fields: { signerId: 'Pilih pejabat penanda tangan yang aktif' } });
    return u;
  }
  if (settings.defaultSignerId) {
    const u = loadUser(db, settings.defaultSignerId);
    if (u?.active) return u;
  }
  return db.select().from(users).where(and(eq(users.role, 'head'), eq(users.active, true))).orderBy(asc(users.createdAt)).get() ?? null;
}

export interface HeaderFieldsInput {
  sifat?: string | undefined;
  lampiran?: string | undefined;
  hal?: string | undefined;
  addressee?: string | undefined;
  addresseePlace?: string | undefined;
  tembusan?: string[] | undefined;
}

function headerOf(def: DocumentTypeDef, ctx: DocContext, number: string, chosen: HeaderFieldsInput): LetterHeader {
  const fill = (t: string | undefined) => (t ? fillTemplate(t, ctx) : '');
  return {
    number,
    sifat: chosen.sifat ?? def.defaults.sifat ?? '',
    lampiran: chosen.lampiran ?? def.defaults.lampiran ?? '',
    hal: chosen.hal ?? fill(def.defaults.hal),
    addressee: chosen.addressee ?? fill(def.defaults.addressee),
    addresseePlace: chosen.addresseePlace ?? fill(def.defaults.addresseePlace),
    tembusan: chosen.tembusan ?? def.defaults.tembusan ?? [],
  };
}

export interface RenderedDocument {
  bytes: Buffer;
  header: LetterHeader;
  unknownKeys: string[];
}

/** Lays out one document from its context: the engine, the settings, the office's letterhead. */
export async function renderFromContext(def: DocumentTypeDef, ctx: DocContext, office: OfficeRow, settings: DocumentSettings, number: string, chosen: HeaderFieldsInput): Promise<RenderedDocument> {
  const unknown = new Set<string>();
  const onUnknownKey = (k: string) => {
    if (strictTemplates) throw new Error(`no value for {${k}} in ${def.code}`);
    unknown.add(k);
  };
  const header = headerOf(def, ctx, number, chosen);
  const bytes = await renderDocument({ type: def, ctx, letterhead: letterheadOf(office), header, settings, onUnknownKey });
  return { bytes, header, unknownKeys: [...unknown] };
}

/**
 * A report made from figures rather than from a case (the Laporan Bulanan): the letterhead,
 * the office's default signer (else its longest-serving head), never stored or numbered.
 */
export async function renderReportDocument(db: Db, code: 'laporan_bulanan', now: Date, authorId: string, report: ReportContent): Promise<Buffer> {
  const def = documentCatalogue[code];
  const office = loadOffice(db);
  const settings = readDocumentSettings(db);
  const author = loadUser(db, authorId);
  if (!author) throw new ApiError('UNAUTHENTICATED');
  const tz = readGeneralSettings(db).timeZone as OfficeTimeZone;
  const signer = resolveSigner(db, settings, undefined);
  const c = buildContext({ type: def, office, timeZone: tz, date: localDateOf(now, tz), number: '', signer, author, report });
  return (await renderFromContext(def, c, office, settings, '', {})).bytes;
}

export interface GenerateInput {
  requestId?: string | undefined;
  caseId: string;
  caseVersion?: number | undefined;
  type: StoredTypeCode;
  stepCode?: string | undefined;
  itemId?: string | undefined;
  documentId?: string | undefined;
  signerId?: string | undefined;
  fields?: HeaderFieldsInput | undefined;
}

export type PreparedGeneration =
  | { existing: string }
  | {
      existing?: undefined;
      bytes: Buffer;
      def: DocumentTypeDef;
      caseId: string;
      caseVersion: number;
      stepCode: string | null;
      itemId: string | null;
      letterDate: string;
      signerId: string | null;
      fields: HeaderFieldsInput;
      header: LetterHeader;
      /** For a new version: the document and its row version as read. */
      regenerate: { id: string; rowVersion: number } | null;
    };

const SEVERAL_REFERRALS = 'Kasus ini memiliki beberapa rujukan: pilih rujukan yang dibuatkan suratnya.';

interface CaseContextParts {
  detail: CaseDetail;
  step: StepView | undefined;
  referral: CaseItemView | undefined;
  problem: string | null;
}

function caseParts(def: DocumentTypeDef, detail: CaseDetail, stepCode: string | undefined, itemId: string | undefined): CaseContextParts & { steps: StepView[] } {
  const steps = sourceSteps(def, detail);
  const step = stepCode ? steps.find((s) => s.code === stepCode) : steps[0];
  const referrals = detail.items.filter((i) => i.kind === 'referral');
  const referral = itemId ? referrals.find((i) => i.id === itemId) : referrals.length === 1 ? referrals[0] : undefined;
  let problem = problemWith(def, detail, step, { items: referrals, chosen: itemId });
  if (!problem && def.requires?.includes('referral') && !referral) problem = SEVERAL_REFERRALS;
  return { detail, step, referral, problem, steps };
}

/** The document a request already made or added a version to, by its idempotency key. */
function doneBy(db: Db, requestId: string): string | null {
  const made = db.select({ id: documents.id }).from(documents).where(eq(documents.requestId, requestId)).get();
  if (made) return made.id;
  return db.select({ id: documentVersions.documentId }).from(documentVersions).where(eq(documentVersions.requestId, requestId)).get()?.id ?? null;
}

export async function prepareGeneration(input: GenerateInput, call: CallContext): Promise<PreparedGeneration> {
  const me = requireSession(call);
  const { db } = call.reg.db;
  if (input.requestId) {
    const done = doneBy(db, input.requestId);
    if (done) return { existing: done };
  }
  const def = documentCatalogue[input.type];
  if (!mayMake(def, me.role as Role)) throw new ApiError('FORBIDDEN', `${def.title} tidak dapat dibuat dengan peran Anda.`);

  let previous: { row: DocumentRow; fields: HeaderFieldsInput; signerId: string | null } | null = null;
  if (input.documentId) {
    const row = loadDocument(db, input.documentId);
    if (row.type !== input.type || row.caseId !== input.caseId) {
      throw new ApiError('VALIDATION', 'Dokumen ini bukan dokumen jenis tersebut dari kasus ini.', { fields: { documentId: 'Dokumen tidak cocok dengan kasus dan jenisnya' } });
    }
    if (row.status === 'void') throw new ApiError('VALIDATION', 'Dokumen yang sudah dibatalkan tidak dapat dibuat ulang; buat dokumen baru.');
    const last = db
      .select({ fields: documentVersions.fields, signerId: documentVersions.signerId })
      .from(documentVersions)
      .where(and(eq(documentVersions.documentId, row.id), eq(documentVersions.versionNo, row.latestVersion)))
      .get();
    previous = { row, fields: (last?.fields as HeaderFieldsInput | undefined) ?? {}, signerId: last?.signerId ?? null };
  }

  const detail = caseDetail(call, input.caseId);
  if (input.caseVersion !== undefined && input.caseVersion !== detail.version) throw new ApiError('CONFLICT', undefined, { current: detail });
  const stepCode = input.stepCode ?? previous?.row.stepCode ?? undefined;
  const itemId = input.itemId ?? previous?.row.itemId ?? undefined;
  const parts = caseParts(def, detail, stepCode, itemId);
  if (parts.steps.length === 0) throw new ApiError('VALIDATION', `Layanan ${detail.serviceName} tidak menghasilkan ${def.title}.`, { fields: { type: 'Jenis dokumen ini tidak dihasilkan layanan kasus ini' } });
  if (!parts.step) throw new ApiError('VALIDATION', `${def.title} tidak dihasilkan oleh langkah tersebut.`, { fields: { stepCode: 'Pilih langkah yang menghasilkan dokumen ini' } });
  if (parts.problem) throw new ApiError('VALIDATION', parts.problem, { fields: { [def.requires?.includes('referral') && !parts.referral ? 'itemId' : 'type']: parts.problem } });

  const settings = readDocumentSettings(db);
  const tz = readGeneralSettings(db).timeZone as OfficeTimeZone;
  const office = loadOffice(db);
  const author = loadUser(db, me.userId);
  if (!author) throw new ApiError('UNAUTHENTICATED');
  // A new version keeps its signer unless another is chosen (if that official is still active).
  const signer = resolveSigner(db, settings, input.signerId ?? (previous?.signerId && loadUser(db, previous.signerId)?.active ? previous.signerId : undefined));
  // A new version is the same letter corrected: it keeps the date (and number) of the first.
  const letterDate = previous?.row.letterDate ?? localDateOf(call.now, tz);
  const number = previous ? (previous.row.number ?? '') : def.numbered ? NUMBER_PLACEHOLDER : '';
  const ctx = buildContext({
    type: def,
    office,
    timeZone: tz,
    date: letterDate,
    number,
    signer,
    author,
    detail,
    step: parts.step,
    referral: parts.referral,
    institutions: institutionMap(db),
    staff: activeStaff(db),
  });
  const fields: HeaderFieldsInput = { ...(previous?.fields ?? {}), ...(input.fields ?? {}) };
  const rendered = await renderFromContext(def, ctx, office, settings, number, fields);
  return {
    bytes: rendered.bytes,
    def,
    caseId: detail.id,
    caseVersion: detail.version,
    stepCode: parts.step.code,
    itemId: parts.referral?.id ?? null,
    letterDate,
    signerId: signer?.id ?? null,
    fields,
    header: rendered.header,
    regenerate: previous ? { id: previous.row.id, rowVersion: previous.row.version } : null,
  };
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** Writes the allocated number where the placeholder stands, in every XML part of the file. */
export function stampNumber(docx: Buffer, number: string): Buffer {
  const placeholder = Buffer.from(NUMBER_PLACEHOLDER);
  const replacement = xmlEscape(number);
  return rewriteZip(docx, (name, data) => {
    if (!name.endsWith('.xml')) return undefined;
    const bytes = data();
    if (!bytes.includes(placeholder)) return undefined;
    return Buffer.from(bytes.toString('utf8').split(NUMBER_PLACEHOLDER).join(replacement), 'utf8');
  });
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Inside the transaction: the number, the stamped file, the rows, the audit entry. */
export function commitGeneration(input: GenerateInput, call: CallContext, p: PreparedGeneration): DocumentDetail {
  const me = requireSession(call);
  const { db } = call.reg.db;
  if (p.existing !== undefined) {
    call.audit.entityType = 'document';
    call.audit.entityId = p.existing;
    call.audit.detail = JSON.stringify({ repeatedRequest: true });
    return documentDetail(db, p.existing);
  }
  const now = db.select({ version: cases.version }).from(cases).where(eq(cases.id, p.caseId)).get();
  if (!now || now.version !== p.caseVersion) {
    throw new ApiError('CONFLICT', 'Kasus ini diubah ketika dokumen sedang dibuat. Buat dokumen sekali lagi.', { current: caseDetail(call, p.caseId) });
  }
  let id: string;
  let versionNo: number;
  let number: string | null = null;
  let bytes = p.bytes;
  // The same request sent twice at once (a retry after a lost answer): the first to commit made it.
  const done = input.requestId ? doneBy(db, input.requestId) : null;
  if (done) return commitGeneration(input, call, { existing: done });
  if (p.regenerate) {
    const row = loadDocument(db, p.regenerate.id);
    if (row.version !== p.regenerate.rowVersion || row.status !== 'active') throw new ApiError('CONFLICT', undefined, { current: documentDetail(db, row.id) });
    id = row.id;
    versionNo = row.latestVersion + 1;
    number = row.number;
    updateVersioned(db, documents, 'document', id, row.version, { latestVersion: versionNo, hal: p.header.hal, addressee: p.header.addressee }, me.userId, call.nowIso);
  } else {
    id = uuidv7(call.now.getTime());
    versionNo = 1;
    let allocated: { series: string; year: number; seq: number } | null = null;
    if (p.def.numbered) {
      const settings = readDocumentSettings(db);
      const a = allocateLetterNumber(db, settings, p.def.code as NumberedTypeCode, p.letterDate);
      const taken = db.select({ id: documents.id }).from(documents).where(and(eq(documents.number, a.number), ne(documents.id, id))).get();
      if (taken) {
        throw new ApiError('VALIDATION', `Nomor ${a.number} sudah dipakai oleh seri lain. Bedakan pola nomor, kode klasifikasi, atau kode unit seri ini di Pengaturan Dokumen.`);
      }
      number = a.number;
      allocated = a;
      bytes = stampNumber(p.bytes, a.number);
    }
    db.insert(documents)
      .values({
        id,
        type: p.def.code,
        caseId: p.caseId,
        stepCode: p.stepCode,
        itemId: p.itemId,
        series: allocated?.series ?? null,
        year: allocated?.year ?? null,
        seq: allocated?.seq ?? null,
        number,
        letterDate: p.letterDate,
        hal: p.header.hal,
        addressee: p.header.addressee,
        status: 'active',
        latestVersion: 1,
        requestId: input.requestId ?? null,
        createdAt: call.nowIso,
        createdBy: me.userId,
        updatedAt: call.nowIso,
        updatedBy: me.userId,
      })
      .run();
  }
  db.insert(documentVersions)
    .values({
      id: uuidv7(call.now.getTime()),
      documentId: id,
      versionNo,
      bytes,
      sha256: sha256(bytes),
      size: bytes.length,
      caseVersion: p.caseVersion,
      signerId: p.signerId,
      fields: p.fields as Record<string, unknown>,
      requestId: input.requestId ?? null,
      createdAt: call.nowIso,
      createdBy: me.userId,
    })
    .run();
  call.audit.entityType = 'document';
  call.audit.entityId = id;
  call.audit.detail = JSON.stringify({ type: p.def.code, caseId: p.caseId, step: p.stepCode, version: versionNo, number });
  call.changes.push({ type: versionNo === 1 ? 'document.created' : 'document.updated', id });
  return documentDetail(db, id);
}

/** What the case screen offers: each type, where it comes from, what is missing, what stands in the way. */
export function typesForCase(call: CallContext, caseId: string | undefined): DocumentTypeView[] {
  const me = requireSession(call);
  const { db } = call.reg.db;
  const role = me.role as Role;
  const codes = storedTypeCodes;
  if (!caseId) {
    return codes.map((c) => {
      const def = documentCatalogue[c];
      return { code: c, title: def.title, numbered: def.numbered, mayMake: mayMake(def, role), steps: [], problem: null, missing: [], existing: 0 };
    });
  }
  const detail = caseDetail(call, caseId);
  const tz = readGeneralSettings(db).timeZone as OfficeTimeZone;
  const office = loadOffice(db);
  const author = loadUser(db, me.userId);
  if (!author) throw new ApiError('UNAUTHENTICATED');
  const settings = readDocumentSettings(db);
  const signer = resolveSigner(db, settings, undefined);
  const existing = db
    .select({ type: documents.type })
    .from(documents)
    .where(and(eq(documents.caseId, caseId), eq(documents.status, 'active')))
    .all();
  const insts = institutionMap(db);
  const staff = activeStaff(db);
  const out: DocumentTypeView[] = [];
  for (const c of codes) {
    const def = documentCatalogue[c];
    const parts = caseParts(def, detail, undefined, undefined);
    if (parts.steps.length === 0) continue;
    let missing: string[] = [];
    if (def.expects?.length) {
      const ctx = buildContext({ type: def, office, timeZone: tz, date: localDateOf(call.now, tz), number: '', signer, author, detail, step: parts.step, referral: parts.referral, institutions: insts, staff });
      missing = def.expects.filter((e) => !ctx.values[e.key]).map((e) => e.label);
    }
    // Several referrals is not a problem on the overview: the screen asks which one.
    const problem = parts.problem === SEVERAL_REFERRALS ? null : parts.problem;
    out.push({
      code: c,
      title: def.title,
      numbered: def.numbered,
      mayMake: mayMake(def, role),
      steps: parts.steps.map((s) => ({ code: s.code, label: s.label, status: s.status })),
      problem,
      missing,
      existing: existing.filter((e) => e.type === c).length,
    });
  }
  return out;
}
