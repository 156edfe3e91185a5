import type { z } from 'zod';
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
