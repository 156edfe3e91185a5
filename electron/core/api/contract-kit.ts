import { z } from 'zod';
import type { Access } from './roles';

/** How a successful call is audited: `none` only for reads that show no case data. */
export type AuditKind = 'none' | 'read' | 'change' | 'auth';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  access: Access;
  audit: AuditKind;
  summary: string;
  /** Phantom: carries the output type. */
  readonly _output?: O;
}

/** Declares one API method: `method<Output>()({ input, access, audit, summary })`. */
export function method<O>() {
  return <I extends z.ZodType>(spec: Omit<MethodSpec<I, O>, '_output'>): MethodSpec<I, O> => spec;
}

/** Field schemas every part of the contract shares. */
export const idSchema = z.string().uuid('ID tidak valid');
/** The row version a change names (a stale one gets CONFLICT). */
export const versionSchema = z.number().int().positive();
/** A page of a list. */
export const pagingFields = {
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
};
