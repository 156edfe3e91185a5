import { afterEach, describe, expect, it } from 'vitest';
import { PairingError, requestPairing, type PairingAttempt } from '../../electron/core/lan';
import { freePort } from '../fixtures/lan/processes';
import { FAST_SCRYPT_N, call, disposeAll, newOffice, ok, onDispose, refused, type Office } from '../fixtures/office';

/**
 * The host's pairing desk against strangers on the LAN, over real TLS sockets on loopback:
 * a flood of requests cannot push out the one the administrator is looking at, and a code
 * typed wrong three times ends the request instead of leaving a million tries.
 */
afterEach(disposeAll);

async function hostingOffice(): Promise<{ office: Office; port: number }> {
  const office = await newOffice({ scryptN: FAST_SCRYPT_N });
  await office.core.lan.activate({ advertise: false });
  onDispose(() => void office.core.lan.close());
  ok(await call(office.core, office.adminToken, 'lan.enableHost', { port: await freePort(), bindAddress: '127.0.0.1' }));
  await office.core.lan.reconcile();
  return { office, port: office.core.lan.port! };
}

async function ask(port: number, deviceName: string): Promise<PairingAttempt> {
  const attempt = await requestPairing({ host: '127.0.0.1', port, deviceName });
  attempt.confirmed.catch(() => {});
  onDispose(() => attempt.cancel());
  return attempt;
}

const listed = async (office: Office) => ok(await call(office.core, office.adminToken, 'lan.pairing.list', {}));

describe('the pairing desk', () => {
  it('one address may hold three open requests; a fourth is refused and the first three stay on the list', async () => {
    const { office, port } = await hostingOffice();
    const first = await ask(port, 'PC Depan');
    await ask(port, 'PC Kedua');
    await ask(port, 'PC Ketiga');

    const flood = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => requestPairing({ host: '127.0.0.1', port, deviceName: `Banjir ${i}` })));
    for (const r of flood) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(PairingError);
      expect(((r as PromiseRejectedResult).reason as Error).message).toContain('terlalu banyak permintaan');
    }
    const requests = await listed(office);
    expect(requests.map((r) => r.deviceName).sort()).toEqual(['PC Depan', 'PC Kedua', 'PC Ketiga']);

    // The administrator still confirms the first one with its code.
    const request = requests.find((r) => r.deviceName === 'PC Depan')!;
    expect(request.code).toBe(first.code);
    ok(await call(office.core, office.adminToken, 'lan.confirmPairing', { requestId: request.id, code: first.code }));
    await expect(first.confirmed).resolves.toMatchObject({ host: '127.0.0.1' });
  });

  it('a code typed wrong three times at the host ends the request; the PC is told it was refused', async () => {
    const { office, port } = await hostingOffice();
    const attempt = await ask(port, 'PC Depan');
    const [request] = await listed(office);
    const wrong = attempt.code === '000000' ? '111111' : '000000';

    for (const n of [1, 2]) {
      const e = refused(await call(office.core, office.adminToken, 'lan.confirmPairing', { requestId: request!.id, code: wrong }), 'VALIDATION');
      expect(e.fields?.code, `attempt ${n}`).toContain('Kode tidak cocok');
    }
    const third = refused(await call(office.core, office.adminToken, 'lan.confirmPairing', { requestId: request!.id, code: wrong }), 'VALIDATION');
    expect(third.fields?.code).toContain('diakhiri');
    await expect(attempt.confirmed).rejects.toMatchObject({ reason: 'refused' });
    expect(await listed(office)).toEqual([]);
    // Even the right code no longer pairs it.
    refused(await call(office.core, office.adminToken, 'lan.confirmPairing', { requestId: request!.id, code: attempt.code }), 'NOT_FOUND');
    expect(ok(await call(office.core, office.adminToken, 'lan.devices.list', {}))).toEqual([]);
  });
});
