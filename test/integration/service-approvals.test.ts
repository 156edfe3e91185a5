import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../electron/core/api/contract-cases';
import { adultVictim, consentOf, ok, refused, sharedOffice, stepOf } from '../fixtures/office';

/**
 * Approvals (the SK in Pekalongan, the plan and the Berita Acara in Pasuruan, the
 * verification in Malang …): a request is submitted with what it asks for, and decided by
 * a head who did not ask; a head approves exactly what they were shown. And who may do what.
 */

const office = sharedOffice();

const SK = { mediationDate: '2026-02-19T09:00', mediationPlace: 'Ruang LP-PAR' };

/** A Pekalongan request, accepted by the Ketua LP-PAR: the SK is next. */
async function aRequestAwaitingItsSk(): Promise<CaseDetail> {
  office.storyStartsAt('2026-02-09T02:00:00.000Z');
  const { desk, head } = office.team();
  let c = await desk.register({
    serviceCode: 'bantuan_mediasi',
    channel: 'walk_in',
    victims: [adultVictim('Kartika Sari')],
    violenceTypes: ['penelantaran'],
    consent: consentOf('Kartika Sari'),
  });
  c = await desk.complete(c, 'permohonan', { data: { request: 'Mediasi nafkah anak.' } });
  return head.complete(c, 'pertimbangan', { outcome: 'diterima', data: { consideration: 'Dapat difasilitasi.' } });
}

describe('approvals', () => {
  it('a head cannot approve their own request; another head can', async () => {
    const { head, head2 } = office.team();
    let c = await aRequestAwaitingItsSk();
    // A head may act on any step, so this one drafts the SK himself …
    c = await head.complete(c, 'surat_keputusan', { data: SK });
    const waiting = stepOf(c, 'surat_keputusan').pendingApproval!;
    expect(waiting.requestedBy).toBe(`Petugas ${office.staff.head.username}`);
    const queue = ok(await head.call('approvals.list', { status: 'pending' }));
    expect(queue.find((a) => a.id === waiting.id)).toMatchObject({ mine: true, stepCode: 'surat_keputusan', payloadHash: waiting.payloadHash });
    expect(ok(await head2.call('approvals.list', { status: 'pending' })).find((a) => a.id === waiting.id)!.mine).toBe(false);

    // … and cannot sign it off.
    const own = refused(await head.tryDecide(c, 'surat_keputusan', 'approve'), 'SELF_ACTION');
    expect(own.message).toBe('Anda tidak dapat menyetujui permintaan Anda sendiri.');
    expect(stepOf(await head.get(c), 'surat_keputusan').status).toBe('submitted');

    c = await head2.approve(c, 'surat_keputusan');
    expect(stepOf(c, 'surat_keputusan')).toMatchObject({ status: 'done', pendingApproval: null });
    const decided = ok(await head2.call('approvals.list', { status: 'approved' })).find((a) => a.id === waiting.id);
    expect(decided).toMatchObject({ status: 'approved', decidedBy: `Petugas ${office.staff.head2.username}` });
  });

  it('a rejection needs a reason, puts the step back to be done again, and shows why', async () => {
    const { secretariat, head } = office.team();
    let c = await aRequestAwaitingItsSk();
    c = await secretariat.complete(c, 'surat_keputusan', { data: { ...SK, mediationPlace: 'Aula' } });

    const noReason = await head.tryDecide(c, 'surat_keputusan', 'reject');
    expect(refused(noReason, 'VALIDATION').fields).toEqual({ comment: 'Alasan penolakan wajib diisi' });

    c = await head.reject(c, 'surat_keputusan', 'Aula dipakai kegiatan PKK; gunakan Ruang LP-PAR.');
    expect(stepOf(c, 'surat_keputusan')).toMatchObject({
      status: 'pending',
      open: true,
      pendingApproval: null,
      lastRejection: { comment: 'Aula dipakai kegiatan PKK; gunakan Ruang LP-PAR.', by: `Petugas ${office.staff.head.username}` },
    });
    expect(c.requirements[0]!.status).toBe('missing');

    c = await secretariat.complete(c, 'surat_keputusan', { data: SK });
    expect(stepOf(c, 'surat_keputusan')).toMatchObject({ status: 'submitted', lastRejection: null });
    c = await head.approve(c, 'surat_keputusan');
    expect(stepOf(c, 'surat_keputusan')).toMatchObject({ status: 'done', data: SK });
  });

  it('a head approves exactly what they were shown: another payload hash is a conflict, and a decided request stays decided', async () => {
    const { secretariat, head, head2 } = office.team();
    let c = await aRequestAwaitingItsSk();
    c = await secretariat.complete(c, 'surat_keputusan', { data: SK });
    const waiting = stepOf(c, 'surat_keputusan').pendingApproval!;

    const otherHash = waiting.payloadHash.replace(/^./, (ch) => (ch === '0' ? '1' : '0'));
    const stale = refused(await head.call('approvals.decide', { approvalId: waiting.id, decision: 'approve', comment: '', payloadHash: otherHash }), 'CONFLICT');
    expect(stale.message).toContain('berbeda dari yang Anda lihat');
    expect(stepOf(await head.get(c), 'surat_keputusan').status).toBe('submitted');

    c = await head.approve(c, 'surat_keputusan');
    const again = await head2.call('approvals.decide', { approvalId: waiting.id, decision: 'reject', comment: 'Terlambat.', payloadHash: waiting.payloadHash });
    expect(refused(again, 'CONFLICT').message).toBe('Permintaan ini sudah diputuskan.');
    expect(stepOf(await head.get(c), 'surat_keputusan').status).toBe('done');
  });

  it('a case worker cannot see the approval queue or decide on it', async () => {
    const { secretariat, worker } = office.team();
    let c = await aRequestAwaitingItsSk();
    c = await secretariat.complete(c, 'surat_keputusan', { data: SK });
    const waiting = stepOf(c, 'surat_keputusan').pendingApproval!;
    refused(await worker.call('approvals.decide', { approvalId: waiting.id, decision: 'approve', comment: '', payloadHash: waiting.payloadHash }), 'FORBIDDEN');
    refused(await worker.call('approvals.list', { status: 'pending' }), 'FORBIDDEN');
    expect(stepOf(await worker.get(c), 'surat_keputusan').status).toBe('submitted');
  });

  it("a front-desk officer cannot complete the Ketua LP-PAR's step, and is told whose step it is", async () => {
    office.storyStartsAt('2026-02-09T02:00:00.000Z');
    const { desk, secretariat } = office.team();
    let c = await desk.register({ serviceCode: 'bantuan_mediasi', channel: 'walk_in', victims: [adultVictim('Indah Permata')], consent: consentOf('Indah Permata') });
    c = await desk.complete(c, 'permohonan', { data: { request: 'Mediasi.' } });
    expect(stepOf(c, 'pertimbangan').mayAct).toBe(false);
    const r = refused(await desk.tryComplete(c, 'pertimbangan', { outcome: 'diterima', data: { consideration: 'Saya terima.' } }), 'FORBIDDEN');
    expect(r.message).toBe('Langkah "Pertimbangan Ketua LP-PAR dan Tim Teknis" dikerjakan oleh Ketua LP-PAR.');
    // Nor may the secretariat, whose own step comes later.
    refused(await secretariat.tryComplete(c, 'pertimbangan', { outcome: 'ditolak', data: { consideration: '-' } }), 'FORBIDDEN');
    expect(stepOf(await desk.get(c), 'pertimbangan').status).toBe('pending');
  });
});

describe('two officers on the same case', () => {
  it('the second, working from what they read earlier, is told of the change and shown the case as it is now; nothing is overwritten', async () => {
    office.storyStartsAt('2026-02-09T02:00:00.000Z');
    const { desk, worker } = office.team();
    const registered = await desk.register({
      serviceCode: 'pengaduan_kekerasan',
      channel: 'walk_in',
      victims: [adultVictim('Maya Kurniasari')],
      violenceTypes: ['fisik'],
      chronology: 'Dipukul.',
      consent: consentOf('Maya Kurniasari'),
    });
    // Both open the case.
    const seenByWorker = await worker.get(registered);
    const seenByDesk = await desk.get(registered);
    expect(seenByDesk.version).toBe(seenByWorker.version);

    // The case worker corrects the chronology first.
    const chronology = 'Dipukul dengan gagang sapu pada 7 Februari malam; ada memar di lengan kiri.';
    const afterWorker = ok(await worker.call('cases.update', { caseId: registered.id, caseVersion: seenByWorker.version, chronology }));
    expect(afterWorker.version).toBeGreaterThan(seenByWorker.version);

    // The front desk, still on the old copy, raises the risk level.
    const conflict = refused(await desk.call('cases.update', { caseId: registered.id, caseVersion: seenByDesk.version, riskLevel: 'high', chronology: 'Dipukul.' }), 'CONFLICT');
    const current = conflict.current as CaseDetail;
    expect(current).toMatchObject({ id: registered.id, version: afterWorker.version, chronology, riskLevel: 'low' });
    // A step on the old copy is refused the same way.
    refused(await desk.call('steps.complete', { caseId: registered.id, caseVersion: seenByDesk.version, step: 'penerimaan', data: {}, note: '' }), 'CONFLICT');

    let now = await desk.get(registered);
    expect(now).toMatchObject({ chronology, riskLevel: 'low', version: afterWorker.version });
    expect(stepOf(now, 'penerimaan').status).toBe('pending');

    // Having seen the change, the front desk makes theirs on the current version.
    ok(await desk.call('cases.update', { caseId: registered.id, caseVersion: current.version, riskLevel: 'high' }));
    now = await desk.get(registered);
    expect(now).toMatchObject({ chronology, riskLevel: 'high' });
  });
});
