import type { ApiResult } from './errors';
import type { InputOf, LanClientOps, MethodName, OutputOf } from './contract';
import type { FileOps } from './contract-files';

/** What a page receives: the session token of a login stays with the transport (Electron main, harness bridge). */
export type PageOutputOf<M extends MethodName> = OutputOf<M> extends { token: string } ? Omit<OutputOf<M>, 'token'> : OutputOf<M>;

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
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<ApiResult<PageOutputOf<M>>>;
  subscribe(listener: (event: ChangeEvent) => void): () => void;
  /** This PC's own side of LAN sharing, from the desktop app's main process; absent in the web harness. */
  lanClient?: {
    call<O extends keyof LanClientOps>(op: O, args: LanClientOps[O]['args']): Promise<ApiResult<LanClientOps[O]['value']>>;
  };
  /** Opening a document in Word and saving copies outside the register (see contract-files). */
  files: {
    call<O extends keyof FileOps>(op: O, args: FileOps[O]['args']): Promise<ApiResult<FileOps[O]['value']>>;
  };
}
