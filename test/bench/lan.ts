import type { Core } from '../../electron/core';
import { createLanClient, requestPairing } from '../../electron/core/lan';
import { freePort } from '../fixtures/lan/processes';

interface Stat {
  p50: number;
  p95: number;
}

export interface LanFigure extends Stat {
  op: string;
  n: number;
  budget?: number;
  floors?: Record<string, Stat>;
}

/**
 * One API call's round trip over the LAN transport (mutual TLS 1.3 on loopback, a paired
 * client, keep-alive connection) beside the same call in process, on the same database.
 * The host and the client share this process's event loop, so the figure includes both
 * ends' work on one core: it is the pessimistic case of two PCs.
 *
 * `core` must be unlocked; `adminToken` an administrator's session (to turn sharing on
 * and confirm the pairing); `token` the session whose call is measured.
 */
export async function benchLan(
  core: Core,
  adminToken: string,
  token: string,
  measure: (n: number, fn: (i: number) => unknown) => Promise<Stat>,
  n = 500,
): Promise<LanFigure[]> {
  const must = async (method: string, input: unknown, t = adminToken) => {
    const r = await core.call({ token: t }, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code}`);
    return r.value as Record<string, unknown>;
  };
  await core.lan.activate({ advertise: false });
  const port = await freePort();
  await must('lan.enableHost', { port, bindAddress: '127.0.0.1' });
  await core.lan.reconcile();
  const attempt = await requestPairing({ host: '127.0.0.1', port, deviceName: 'PC Bench' });
  const request = ((await must('lan.pairing.list', {})) as unknown as { id: string; code: string }[]).find((r) => r.code === attempt.code)!;
  await must('lan.confirmPairing', { requestId: request.id, code: attempt.code });
  const paired = await attempt.confirmed;
  const client = createLanClient({ ...paired, deviceKey: paired.deviceKey, deviceCert: paired.deviceCert, hostCert: paired.hostCert });
  try {
    // Warm the keep-alive connection first, as a PC in use has it.
    for (let i = 0; i < 20; i++) await client.call(token, 'session.get', {});
    const lan = await measure(n, async () => {
      const r = await client.call(token, 'session.get', {});
      if (!r.ok) throw new Error(r.error.code);
    });
    const inProcess = await measure(n, () => core.call({ token }, 'session.get', {}));
    return [{ op: 'lan_call_session_get', n, ...lan, budget: 5, floors: { in_process: inProcess } }];
  } finally {
    await client.close();
    await must('lan.disableHost', {});
    await core.lan.close();
  }
}
