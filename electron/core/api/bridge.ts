import type { ApiResult } from './errors';
import type { InputOf, MethodName, OutputOf } from './contract';

/** A change event: which kind of record changed, and which one. Never carries case data. */
export interface ChangeEvent {
  type: string;
  id?: string;
}

/**
 * The shape of `window.teduh`, given by the Electron preload and by the web harness's
 * bridge script alike, so the renderer cannot tell them apart.
 */
export interface TeduhBridge {
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<ApiResult<OutputOf<M>>>;
  subscribe(listener: (event: ChangeEvent) => void): () => void;
}
