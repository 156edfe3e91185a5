import { z } from 'zod';
import { documentFonts, numberedTypeCodes, paperSizes } from '../documents/options';
import { storedTypeCodes, type StoredTypeCode } from '../documents/types';
import { letterPatternProblem } from '../documents/letter-number';
import type { MethodSpec } from './contract-kit';
import { method, idSchema, pagingFields, versionSchema } from './contract-kit';

export { formatLetterNumber, letterNumberTokens } from '../documents/letter-number';
export { documentFonts, paperSizes } from '../documents/options';

/**
 * The office's documents: making letters, minutes and reports from a case, the letter
 * register (agenda of outgoing letters), reading a stored file, voiding, signed scans, and
 * the settings for paper, font and letter numbers.
 */

const id = idSchema;
const version = versionSchema;
const storedType = z.enum(storedTypeCodes);
const line = (max: number) => z.string().trim().max(max);

/** Largest signed scan accepted (PDF or JPEG). */
export const MAX_SCAN_BYTES = 10 * 1024 * 1024;

export interface DocumentVersionView {
  versionNo: number;
  sha256: string;
  size: number;
  generatedAt: string;
  generatedBy: string | null;
  signer: string | null;
  caseVersion: number | null;
}

export interface DocumentScanView {
  id: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  note: string;
  attachedAt: string;
  attachedBy: string | null;
  removed: { at: string; by: string | null; reason: string } | null;
}

/** One entry of the letter register. */
export interface DocumentView {
  id: string;
  type: StoredTypeCode;
  typeTitle: string;
  /** null for documents that take no number (forms, receipts) */
  number: string | null;
  series: string | null;
  year: number | null;
  seq: number | null;
  letterDate: string;
  hal: string;
  addressee: string;
  status: 'active' | 'void';
  voidReason: string | null;
  voidedAt: string | null;
  voidedBy: string | null;
  caseId: string | null;
  registerNo: string | null;
  stepCode: string | null;
  itemId: string | null;
  latestVersion: number;
  scans: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  /** Row version, for voiding (a stale one gets CONFLICT). */
  version: number;
}

export interface DocumentDetail extends DocumentView {
  versions: DocumentVersionView[];
  scanList: DocumentScanView[];
}

export interface DocumentListResult {
  rows: DocumentView[];
  total: number;
  page: number;
  pageSize: number;
}

/** A file to show, print, open or save: never written to disk by the core. */
export interface DocumentFile {
  fileName: string;
  mime: string;
  base64: string;
  sha256: string;
  size: number;
}

/** What the case screen needs to offer the documents of a case. */
export interface DocumentTypeView {
  code: StoredTypeCode;
  title: string;
  numbered: boolean;
  /** Whether the caller's role may make it. */
  mayMake: boolean;
  /** For a case: the steps it can be made from (the first is the default). */
  steps: { code: string; label: string; status: string }[];
  /** For a case: why it cannot be made now, or null. */
  problem: string | null;
  /** For a case: facts it would print as blanks to fill in by hand. */
  missing: string[];
  /** For a case: documents of this type already made (not voided). */
  existing: number;
}

export interface TypeNumberingView {
  series: string;
  classification: string;
  unitCode: string;
  pattern: string;
  /** The next number as it would be printed today. */
  next: string;
}

export interface DocumentSettingsView {
  paper: (typeof paperSizes)[number];
  font: (typeof documentFonts)[number];
  fontSizePt: number;
  marginTopCm: number;
  numberPattern: string;
  unitCode: string;
  defaultSignerId: string | null;
  types: Record<string, TypeNumberingView>;
  version: number;
}

const patternSchema = z
  .string()
  .trim()
  .max(80, 'Pola terlalu panjang')
  .superRefine((p, c) => {
    const problem = letterPatternProblem(p);
    if (problem) c.addIssue({ code: 'custom', message: problem });
  });

const headerFields = z
  .object({
    sifat: line(60).optional(),
    lampiran: line(60).optional(),
    hal: line(300).optional(),
    /** One line per addressee. */
    addressee: line(1000).optional(),
    addresseePlace: line(200).optional(),
    tembusan: z.array(line(200)).max(20).optional(),
  })
  .strict();

const typeNumberingInput = z
  .object({
    series: z
      .string()
      .trim()
      .min(1, 'Nama seri wajib diisi')
      .max(40)
      .regex(/^[a-z0-9_-]+$/, 'Nama seri hanya huruf kecil, angka, garis bawah, dan tanda hubung')
      .optional(),
    classification: line(40).optional(),
    unitCode: line(40).optional(),
    pattern: z.union([z.literal(''), patternSchema]).optional(),
  })
  .strict();

/** What the letter register is filtered by: on screen, in its CSV export, and in a saved copy of it. */
export const registerFilterFields = {
  type: storedType.optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  status: z.enum(['active', 'void']).optional(),
  /** Only documents that take a number: the agenda of outgoing letters. */
  numbered: z.boolean().optional(),
  /** Part of a number or of the Hal. */
  search: z.string().trim().max(100).optional(),
};

export const documentsContract = {
  'documents.types.list': method<DocumentTypeView[]>()({
    input: z.object({ caseId: id.optional() }).strict(),
    access: 'cases.read',
    audit: 'none',
    summary: 'The document types; for a case, the steps each can be made from, what would be left blank, and what stands in the way.',
  }),
  'documents.generate': method<DocumentDetail>()({
    input: z
      .object({
        /** Idempotency key: a retried request returns the document already made. */
        requestId: id.optional(),
        caseId: id,
        /** The case version the screen showed; a stale one gets CONFLICT. */
        caseVersion: version.optional(),
        type: storedType,
        stepCode: z.string().max(60).optional(),
        /** The referral a Surat Rujukan is for (needed when the case has several). */
        itemId: id.optional(),
        /** Make a new version of this document (same number) instead of a new document. */
        documentId: id.optional(),
        signerId: id.optional(),
        fields: headerFields.optional(),
      })
      .strict(),
    access: 'cases.work',
    audit: 'change',
    summary: 'Makes a document from a case and the step that produces it, numbered in the same transaction that stores it; with documentId, a new version of that document.',
  }),
  'documents.list': method<DocumentListResult>()({
    input: z
      .object({
        ...registerFilterFields,
        caseId: id.optional(),
        ...pagingFields,
      })
      .strict(),
    access: 'cases.read',
    audit: 'read',
    summary: 'The letter register: documents by type, case, year and status, newest number first.',
  }),
  'documents.get': method<DocumentDetail>()({
    input: z.object({ id }).strict(),
    access: 'cases.read',
    audit: 'read',
    summary: 'One document with its versions and signed scans.',
  }),
  'documents.content': method<DocumentFile>()({
    input: z
      .object({
        id,
        /** A version (default: the newest). */
        versionNo: z.number().int().positive().optional(),
        /** A signed scan instead of a generated version. */
        scanId: id.optional(),
        /** What the file is for; saving a copy outside the register is recorded as such. */
        purpose: z.enum(['preview', 'print', 'open', 'save']),
      })
      .strict(),
    access: 'cases.read',
    audit: 'read',
    summary: 'The bytes of a document version or a scan (base64), for preview, printing, opening in Word or saving a copy; audited with its purpose.',
  }),
  'documents.void': method<DocumentDetail>()({
    input: z.object({ id, version, reason: z.string().trim().min(1, 'Alasan pembatalan wajib diisi').max(500) }).strict(),
    access: 'cases.work',
    audit: 'change',
    summary: 'Voids a document (secretariat and heads): its number stays in the register, with the reason.',
  }),
  'documents.attachScan': method<DocumentDetail>()({
    input: z
      .object({
        id,
        fileName: z.string().trim().min(1).max(200),
        mime: z.enum(['application/pdf', 'image/jpeg']),
        base64: z
          .string()
          .max(Math.ceil(MAX_SCAN_BYTES / 3) * 4, 'Berkas pindaian maksimal 10 MB')
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Berkas pindaian tidak valid'),
        note: line(500).default(''),
      })
      .strict(),
    access: 'cases.work',
    audit: 'change',
    summary: 'Attaches a signed scan (PDF or JPEG, up to 10 MB, checked by its content) to a document.',
  }),
  'documents.removeScan': method<DocumentDetail>()({
    input: z.object({ id, scanId: id, reason: z.string().trim().min(1, 'Alasan wajib diisi').max(500) }).strict(),
    access: 'cases.work',
    audit: 'change',
    summary: 'Removes a signed scan that was attached by mistake (kept, marked removed, with the reason).',
  }),
  'documents.exportRegister': method<DocumentFile>()({
    input: z
      .object({
        ...registerFilterFields,
        numbered: z.boolean().default(true),
      })
      .strict(),
    access: 'cases.read',
    audit: 'read',
    summary: 'The letter register as a CSV file (semicolon separated, UTF-8), for a spreadsheet: the same filters as the screen, every page.',
  }),
  'documents.settings.get': method<DocumentSettingsView>()({
    input: z.object({}).strict(),
    access: 'session',
    audit: 'none',
    summary: 'Paper, font, top margin, letter number pattern and the series, classification and unit code of each numbered type.',
  }),
  'documents.settings.update': method<DocumentSettingsView>()({
    input: z
      .object({
        version,
        paper: z.enum(paperSizes).optional(),
        font: z.enum(documentFonts).optional(),
        fontSizePt: z.number().int().min(10).max(14).optional(),
        marginTopCm: z.number().min(1).max(6).optional(),
        numberPattern: patternSchema.optional(),
        unitCode: line(40).optional(),
        defaultSignerId: id.nullable().optional(),
        types: z.partialRecord(z.enum(numberedTypeCodes as [string, ...string[]]), typeNumberingInput).optional(),
      })
      .strict(),
    access: 'settings.manage',
    audit: 'change',
    summary: 'Updates the document settings; settings not named are kept.',
  }),
  'audit.anchorSheet': method<DocumentFile>()({
    input: z.object({}).strict(),
    access: 'audit.verify',
    audit: 'read',
    summary: "The printable audit anchor: the chain is checked, and its newest entry and hash are laid out to be kept on paper, outside the register (made on request, never stored).",
  }),
  'documents.recoverySheet': method<DocumentFile>()({
    input: z.object({ recoveryCode: z.string().min(1).max(64) }).strict(),
    access: 'users.manage',
    audit: 'auth',
    summary: 'The printable recovery-code sheet (checked against the register first); made on request and never stored.',
  }),
} as const satisfies Record<string, MethodSpec>;
