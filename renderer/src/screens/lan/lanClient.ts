import type { LanClientOps } from '../../../../electron/core/api/contract';
import { ApiCallError } from '../../api/client';

/** Whether this window runs in the desktop app, which can pair this PC with a host. */
export function lanClientAvailable(): boolean {
  return Boolean(window.teduh?.lanClient);
}

/** This PC's own LAN-client settings (the main process answers): the value, or ApiCallError. */
export async function lanClientCall<O extends keyof LanClientOps>(op: O, args: LanClientOps[O]['args']): Promise<LanClientOps[O]['value']> {
  const bridge = window.teduh?.lanClient;
  if (!bridge) throw new ApiCallError('lan.status', { code: 'UNAVAILABLE', message: 'lan client bridge missing' });
  let result;
  try {
    result = await bridge.call(op, args);
  } catch {
    throw new ApiCallError('lan.status', { code: 'UNAVAILABLE', message: 'lan client call failed' });
  }
  if (result.ok) return result.value;
  throw new ApiCallError('lan.status', result.error);
}
