import { describe, expect, it } from 'vitest';
import { consentOf, DAY, deadlineOf, ok, openSteps, sharedOffice, stepOf } from '../fixtures/office';

/**
 * Kota Pasuruan, Layanan Mediasi (SK 000.8.3.4/12/423.115/2024): the Pendamping PPA assesses
 * whether the case can be mediated, reports a plan to the Koordinator UPTD PPA, brings in a
 * certified mediator, invites both parties with their companions, holds the mediation and
 * writes the Berita Acara, reports it to the Kepala UPT, monitors what was agreed, and the
 * case manager terminates. At most 14 days after the victim's paperwork is complete.
 */

const office = sharedOffice();

// Monday 9 February 2026, 09.00 WIB.
const MONDAY_0900_WIB = '2026-02-09T02:00:00.000Z';

/** A 14-year-old girl threatened by an adult neighbour who is deaf; her mother consents. */
async function aNeighbourDispute() {
  const { worker } = office.team();
  return worker.register({
    serviceCode: 'mediasi',
    channel: 'referral_in',
    victims: [{ fullName: 'Nur Aini', birthDate: '2011-03-14', sex: 'P', occupation: 'pelajar' }],
    perpetrators: [{ fullName: 'Joko Susilo', birthDate: '1979-11-02', sex: 'L', relation: 'tetangga', disability: true, disabilityNote: 'Tunarungu' }],
    violenceTypes: ['psikis'],
    incident: { date: '2026-01-20', place: 'fasilitas_umum' },
    chronology: 'Korban berulang kali diancam dan dimaki oleh tetangga di gang depan rumah.',
    consent: consentOf('Siti Marfuah', 'parent'),
  });
}

describe('Pasuruan: Layanan Mediasi', () => {
  it('from assessment to an agreement that is monitored point by point, and terminated by the case manager', async () => {
    office.storyStartsAt(MONDAY_0900_WIB);
    const { worker, head, head2 } = office.team();
    let c = await aNeighbourDispute();
    const victim = c.persons.find((p) => p.role === 'victim')!;
    const neighbour = c.persons.find((p) => p.role === 'perpetrator')!;
    expect(victim).toMatchObject({ isChild: true, age: 14 });
    expect(neighbour).toMatchObject({ isChild: false, disability: true });
    expect(deadlineOf(c, 'penyelesaian').dueAt).toBeNull();

    // 1. Can this case be mediated?
    c = await worker.complete(c, 'asesmen', { outcome: 'dapat_dimediasi', data: { analysis: 'Kekerasan psikis antartetangga; kedua pihak bersedia bertemu.' } });

    // The paperwork: identity of the beneficiary, the assessment, and the referral letter.
    c = await worker.setRequirement(c, 'surat_rujukan', 'complete', 'Rujukan Puskesmas Bugul Kidul');
    c = await worker.setRequirement(c, 'identitas_penerima_manfaat');
    expect(deadlineOf(c, 'penyelesaian').dueAt).toBeNull();
    c = await worker.setRequirement(c, 'hasil_asesmen');
    // 14 days from Monday 9 February: Monday 23 February, at the close of the default desk
    // hours (16.00 WIB = 09.00 UTC).
    expect(deadlineOf(c, 'penyelesaian')).toMatchObject({ dueAt: '2026-02-23T09:00:00.000Z', overdue: false });

    // 2–3. Both parties assessed; the plan goes to the Koordinator UPTD PPA for approval.
    c = await worker.complete(c, 'asesmen_lanjutan', { data: { partiesAssessment: 'Korban dan ibunya; terlapor dengan juru bahasa isyarat.' } });
    c = await worker.complete(c, 'rencana_intervensi', { data: { plan: 'Mediasi di kantor UPTD dengan mediator bersertifikat.' } });
    expect(stepOf(c, 'rencana_intervensi').status).toBe('submitted');
    c = await head.approve(c, 'rencana_intervensi');

    // 4. The certified mediator.
    c = await worker.complete(c, 'koordinasi_mediator', {
      data: { mediatorName: 'Dr. Lilik Suryani, S.H., M.H.', mediatorCertificate: 'PMN-0123/2022', mediatorOrganization: 'Pusat Mediasi Nasional' },
    });
    expect(stepOf(c, 'koordinasi_mediator').data).toMatchObject({ mediatorName: 'Dr. Lilik Suryani, S.H., M.H.', mediatorCertificate: 'PMN-0123/2022' });

    // 5. Nobody is invited before the child has her parent and the deaf neighbour his
    // special companion beside them.
    for (const code of ['undangan', 'pelaksanaan']) {
      const reasons = stepOf(c, code).blockedBy.join(' ');
      expect(reasons).toContain('Nur Aini masih anak dan harus didampingi orang tua/keluarga/wali/pendamping');
      expect(reasons).toContain('Joko Susilo penyandang disabilitas dan harus didampingi pendamping khusus');
    }
    const invitation = { mediationDate: '2026-02-16T09:00', mediationPlace: 'Ruang mediasi UPTD PPA Kota Pasuruan' };
    const tooEarly = await worker.tryComplete(c, 'undangan', { data: invitation });
    expect(tooEarly.ok).toBe(false);
    if (!tooEarly.ok) {
      expect(tooEarly.error.code).toBe('VALIDATION');
      expect(tooEarly.error.message).toContain('Nur Aini masih anak');
    }

    c = await worker.addPerson(c, { role: 'companion', person: { fullName: 'Siti Marfuah', sex: 'P' }, companionOf: victim.personId, companionType: 'parent' });
    expect(stepOf(c, 'undangan').blockedBy.join(' ')).not.toContain('Nur Aini');
    expect(stepOf(c, 'undangan').blockedBy.join(' ')).toContain('Joko Susilo penyandang disabilitas');
    c = await worker.addPerson(c, {
      role: 'companion',
      person: { fullName: 'Agus Prasetyo', sex: 'L', disabilityNote: 'Juru bahasa isyarat' },
      companionOf: neighbour.personId,
      companionType: 'special',
    });
    expect(stepOf(c, 'undangan')).toMatchObject({ open: true, blockedBy: [] });
    c = await worker.complete(c, 'undangan', { data: invitation });

    // 6. The mediation, one session, and the Berita Acara with numbered agreement points.
    await office.itIsNow('2026-02-16T05:00:00.000Z');
    c = await worker.saveItem(c, {
      kind: 'mediation_session',
      data: { date: '2026-02-16 09.00', place: 'Ruang mediasi UPTD PPA', attendees: 'Mediator, korban dan ibunya, terlapor dan juru bahasa isyarat, Pendamping PPA', outcome: 'Sepakat.' },
    });
    for (const text of ['Terlapor meminta maaf secara lisan kepada korban dan orang tuanya.', 'Terlapor tidak lagi mendatangi rumah korban.', 'Kedua pihak menjaga kerukunan bertetangga, disaksikan Ketua RT.']) {
      c = await worker.saveItem(c, { kind: 'agreement_point', data: { text } });
    }
    const points = c.items.filter((i) => i.kind === 'agreement_point');
    expect(points.map((p) => [p.seq, p.status])).toEqual([
      [1, 'open'],
      [2, 'open'],
      [3, 'open'],
    ]);
    c = await worker.complete(c, 'pelaksanaan', { outcome: 'sepakat' });
    expect(deadlineOf(c, 'penyelesaian')).toMatchObject({ metAt: '2026-02-16T05:00:00.000Z', describe: 'Terpenuhi tepat waktu' });

    // 7. The Berita Acara is reported to the Kepala UPT, who approves it.
    c = await worker.complete(c, 'lapor_berita_acara', { note: 'Berita Acara ditandatangani para pihak; salinan diberikan kepada setiap pihak.' });
    c = await head.approve(c, 'lapor_berita_acara');
    expect(stepOf(c, 'lapor_berita_acara').status).toBe('done');

    // 8. Monitoring: each point needs its result before monitoring can be reported.
    expect(stepOf(c, 'monitoring').blockedBy.join(' ')).toContain('Setiap butir kesepakatan harus memiliki hasil monitoring');
    await office.itIsNow('2026-03-02T03:00:00.000Z');
    const [p1, p2, p3] = points;
    c = await worker.saveItem(c, { kind: 'agreement_point', itemId: p1!.id, data: p1!.data, status: 'carried_out' });
    c = await worker.saveItem(c, { kind: 'agreement_point', itemId: p2!.id, data: p2!.data, status: 'carried_out' });
    c = await worker.saveItem(c, { kind: 'agreement_point', itemId: p3!.id, data: p3!.data, status: 'partly' });
    c = await worker.complete(c, 'monitoring', { data: { summary: 'Butir 1 dan 2 dilaksanakan; butir 3 sebagian.' } });

    // 9. The case manager is not satisfied yet: monitoring continues.
    c = await head2.complete(c, 'terminasi', { outcome: 'lanjut_monitoring', data: { reason: 'Butir 3 belum sepenuhnya dilaksanakan.' } });
    expect(c.status).toBe('open');
    expect(stepOf(c, 'monitoring').status).toBe('pending');
    expect(stepOf(c, 'terminasi')).toMatchObject({ status: 'pending', outcome: 'lanjut_monitoring' });
    expect(openSteps(c)).toEqual(['monitoring']);

    // A home visit is planned to check on point 3.
    c = await worker.saveItem(c, { kind: 'monitoring_visit', data: { plannedDate: '2026-03-16', result: '' } });
    await office.itIsNow(new Date(Date.parse('2026-03-02T03:00:00.000Z') + 14 * DAY).toISOString());
    const visit = c.items.find((i) => i.kind === 'monitoring_visit')!;
    expect(ok(await worker.call('dashboard.get', {})).monitoringDue.map((m) => m.itemId)).toContain(visit.id);
    c = await worker.saveItem(c, { kind: 'agreement_point', itemId: p3!.id, data: p3!.data, status: 'carried_out' });
    c = await worker.complete(c, 'monitoring', { data: { summary: 'Semua butir kesepakatan telah dilaksanakan.' } });
    c = await head2.complete(c, 'terminasi', { outcome: 'terminasi', data: { reason: 'Hasil mediasi telah dilaksanakan oleh para pihak.' } });

    expect(c).toMatchObject({ status: 'closed', closure: 'completed' });
    expect(c.items.filter((i) => i.kind === 'agreement_point').every((i) => i.status === 'carried_out')).toBe(true);
    // A terminated case reminds nobody of the visit it no longer needs.
    expect(ok(await worker.call('dashboard.get', {})).monitoringDue.map((m) => m.itemId)).not.toContain(visit.id);
  });

  it('when the assessment finds the case cannot be mediated, it closes as "mediation not held"', async () => {
    office.storyStartsAt(MONDAY_0900_WIB);
    const { worker } = office.team();
    let c = await aNeighbourDispute();
    c = await worker.complete(c, 'asesmen', { outcome: 'tidak_dapat_dimediasi', data: { analysis: 'Terlapor menolak bertemu dan ancaman berlanjut; dirujuk ke kepolisian.' } });
    expect(c).toMatchObject({ status: 'closed', closure: 'not_held' });
    expect(c.steps.slice(1).every((s) => s.status === 'skipped')).toBe(true);
    expect(openSteps(c)).toEqual([]);
  });

  it('a decision step needs its outcome, and the outcome must be one the standard names', async () => {
    office.storyStartsAt(MONDAY_0900_WIB);
    const { worker } = office.team();
    const c = await aNeighbourDispute();
    for (const outcome of [undefined, 'mungkin']) {
      const r = await worker.tryComplete(c, 'asesmen', { ...(outcome ? { outcome } : {}), data: { analysis: 'Belum jelas.' } });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.fields).toHaveProperty('outcome');
    }
    const r = await worker.tryComplete(c, 'asesmen', { outcome: 'dapat_dimediasi', data: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields).toEqual({ 'data.analysis': 'Hasil identifikasi dan analisis wajib diisi' });
  });
});
