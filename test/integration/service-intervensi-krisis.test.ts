import { describe, expect, it } from 'vitest';
import { adultVictim, consentOf, deadlineOf, ok, openSteps, sharedOffice, stepOf } from '../fixtures/office';

/**
 * Kota Singkawang, Penanganan Pengaduan Korban secara Langsung dengan Intervensi Krisis:
 * crisis first (identify briefly while calming the victim, verify and set the referral
 * priority, bring her somewhere safe, with the police if needed, watch over her until she
 * is safe), then the full identification, the disposition, referral letters to other
 * institutions if needed, and the handling report. 7 days once the requirements are valid.
 */

const office = sharedOffice();

// Tuesday 10 February 2026, 19.30 WIB: after office hours, a woman arrives hurt.
const TUESDAY_EVENING = '2026-02-10T12:30:00.000Z';

async function aWomanInDanger(riskLevel: 'high' | 'low' = 'high') {
  const { desk } = office.team();
  return desk.register({
    serviceCode: 'intervensi_krisis',
    channel: 'walk_in',
    riskLevel,
    victims: [adultVictim('Lina Marlina')],
    perpetrators: [{ fullName: 'Hendra Wijaya', sex: 'L', relation: 'suami_istri' }],
    violenceTypes: ['fisik'],
    incident: { date: '2026-02-10', place: 'rumah_tangga' },
    chronology: 'Korban datang dengan luka memar; suami mengancam akan menyusul.',
    consent: consentOf('Lina Marlina', 'victim', '2026-02-10'),
  });
}

const CRISIS_STEPS = ['identifikasi_singkat', 'verifikasi_prioritas', 'pengamanan', 'pemantauan_aman'];

describe('Singkawang: Penanganan Pengaduan Korban dengan Intervensi Krisis', () => {
  it('a high-risk case opens the crisis steps at once; the full identification waits for her identity papers', async () => {
    office.storyStartsAt(TUESDAY_EVENING);
    const high = await aWomanInDanger('high');
    expect(openSteps(high)).toEqual(['penerimaan', ...CRISIS_STEPS]);
    expect(CRISIS_STEPS.every((code) => stepOf(high, code).crisis)).toBe(true);
    expect(stepOf(high, 'identifikasi_lengkap').blockedBy).toEqual([
      'Selesaikan dahulu: Penerimaan pemohon.',
      'Persyaratan belum lengkap: Identitas diri korban.',
    ]);
    // The same complaint at low risk runs in the standard's order.
    const low = await aWomanInDanger('low');
    expect(openSteps(low)).toEqual(['penerimaan']);
  });

  it('crisis, full identification, disposition, referrals tracked until served, and the handling report', async () => {
    office.storyStartsAt(TUESDAY_EVENING);
    const { admin, desk, worker, head } = office.team();
    let c = await aWomanInDanger();

    // Crisis: calmed at the desk, police called, a referral priority set, a safe place.
    c = await desk.complete(c, 'identifikasi_singkat', {
      data: { calmed: true, safe: false, policeInvolved: true, safePlace: 'kantor_polisi', notes: 'Teknik relaksasi napas; Unit PPA Polres dihubungi.' },
    });
    const noPriority = await worker.tryComplete(c, 'verifikasi_prioritas', { data: { notes: 'Belum ditentukan.' } });
    expect(noPriority.ok).toBe(false);
    if (!noPriority.ok) expect(noPriority.error.fields).toEqual({ 'data.referralPriority': 'Prioritas rujukan penanganan wajib diisi' });
    c = await worker.complete(c, 'verifikasi_prioritas', { data: { referralPriority: 'rumah_aman', notes: 'Ancaman berlanjut; korban perlu tempat aman malam ini.' } });
    c = await worker.complete(c, 'pengamanan', { data: { calmed: true, safe: true, policeInvolved: true, safePlace: 'rumah_aman', notes: 'Diantar ke rumah aman bersama petugas Polres.' } });
    c = await worker.complete(c, 'pemantauan_aman', { data: { notes: 'Pukul 23.00 korban tenang dan bersedia bercerita.' } });
    expect(stepOf(c, 'pengamanan').data).toMatchObject({ safe: true, policeInvolved: true, safePlace: 'rumah_aman' });
    expect(stepOf(c, 'verifikasi_prioritas').data).toMatchObject({ referralPriority: 'rumah_aman' });

    // Wednesday morning: the complaint form is taken in; her identity card is still at home.
    await office.itIsNow('2026-02-11T01:30:00.000Z');
    c = await desk.complete(c, 'penerimaan', { data: { notes: 'Formulir pengaduan diisi bersama korban.' } });
    expect(stepOf(c, 'identifikasi_lengkap')).toMatchObject({ open: false, blockedBy: ['Persyaratan belum lengkap: Identitas diri korban.'] });
    const blocked = await worker.tryComplete(c, 'identifikasi_lengkap', { data: { summary: '-' } });
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.error).toMatchObject({ code: 'VALIDATION', message: 'Persyaratan belum lengkap: Identitas diri korban.' });
    expect(deadlineOf(c, 'penyelesaian').dueAt).toBeNull();

    // Thursday 12 February, 10.00 WIB: the identity card is brought; the 7 days start.
    await office.itIsNow('2026-02-12T03:00:00.000Z');
    c = await worker.setRequirement(c, 'identitas_korban', 'complete', 'KTP dibawa keluarga');
    // 7 days after Thursday 12 February: Thursday 19 February, close of desk hours (16.00 WIB).
    expect(deadlineOf(c, 'penyelesaian').dueAt).toBe('2026-02-19T09:00:00.000Z');
    c = await worker.complete(c, 'identifikasi_lengkap', { data: { summary: 'KDRT fisik berulang sejak 2024; dua anak tinggal dengan nenek.' } });

    // The disposition: the officer proposes, the head disposes.
    c = await worker.complete(c, 'disposisi', { data: { instruction: 'Rujuk ke RSUD untuk visum dan ke LBH untuk pendampingan hukum.' } });
    c = await head.approve(c, 'disposisi');
    expect(stepOf(c, 'disposisi').status).toBe('done');

    // Referral letters to institutions in the office's directory, each tracked.
    const hospital = ok(await admin.call('institutions.save', { name: 'RSUD dr. Abdul Aziz Singkawang', kind: 'hospital', phone: '0562-631798' }));
    const legalAid = ok(await admin.call('institutions.save', { name: 'LBH APIK Kalimantan Barat', kind: 'legal_aid' }));
    c = await worker.saveItem(c, { kind: 'referral', data: { institutionId: hospital.id, reason: 'Visum et repertum dan perawatan luka.', sentDate: '2026-02-12' }, status: 'sent' });
    c = await worker.saveItem(c, { kind: 'referral', data: { institutionId: legalAid.id, reason: 'Pendampingan hukum laporan KDRT.' } });
    let referrals = c.items.filter((i) => i.kind === 'referral');
    expect(referrals.map((r) => [r.seq, r.status])).toEqual([
      [1, 'sent'],
      [2, 'draft'],
    ]);
    const [toHospital, toLawyers] = referrals;
    c = await worker.saveItem(c, { kind: 'referral', itemId: toHospital!.id, data: toHospital!.data, status: 'received' });
    c = await worker.saveItem(c, { kind: 'referral', itemId: toHospital!.id, data: toHospital!.data, status: 'served' });
    c = await worker.saveItem(c, { kind: 'referral', itemId: toLawyers!.id, data: { ...toLawyers!.data, sentDate: '2026-02-13' }, status: 'sent' });
    referrals = c.items.filter((i) => i.kind === 'referral');
    expect(referrals.map((r) => r.status)).toEqual(['served', 'sent']);
    // A referral to an institution the directory does not hold is refused.
    const unknown = await worker.call('items.save', {
      caseId: c.id,
      caseVersion: c.version,
      kind: 'referral',
      data: { institutionId: '01890000-0000-7000-8000-000000000000', reason: 'Psikolog.' },
    });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.fields).toEqual({ 'data.institutionId': 'Lembaga tidak ada di direktori' });

    c = await worker.complete(c, 'rujukan', { note: 'Surat rujukan ke RSUD dan LBH APIK.' });
    c = await worker.complete(c, 'laporan_penanganan', { data: { report: 'Korban di rumah aman, visum selesai, laporan polisi didampingi LBH.' } });
    expect(c).toMatchObject({ status: 'closed', closure: 'completed' });
    expect(deadlineOf(c, 'penyelesaian')).toMatchObject({ describe: 'Terpenuhi tepat waktu' });
  });

  it('when no other institution is needed, the referral step is skipped with a reason', async () => {
    office.storyStartsAt(TUESDAY_EVENING);
    const { desk, worker, head } = office.team();
    let c = await aWomanInDanger();
    c = await desk.complete(c, 'identifikasi_singkat', { data: { calmed: true, safe: true } });
    c = await worker.complete(c, 'verifikasi_prioritas', { data: { referralPriority: 'psikologis' } });
    c = await worker.complete(c, 'pengamanan', { data: { safe: true, safePlace: 'keluarga' } });
    c = await worker.complete(c, 'pemantauan_aman');
    c = await desk.complete(c, 'penerimaan');
    c = await worker.setRequirement(c, 'identitas_korban');
    c = await worker.complete(c, 'identifikasi_lengkap', { data: { summary: 'Pertengkaran; tidak ada luka.' } });
    c = await worker.complete(c, 'disposisi', { data: { instruction: 'Konseling oleh psikolog UPTD.' } });
    c = await head.approve(c, 'disposisi');

    const mandatory = await worker.call('steps.skip', { caseId: c.id, caseVersion: c.version, step: 'laporan_penanganan', reason: 'Tidak perlu' });
    expect(mandatory.ok).toBe(false);
    if (!mandatory.ok) expect(mandatory.error.message).toContain('wajib menurut standar layanan');

    c = await worker.skipStep(c, 'rujukan', 'Korban cukup dilayani psikolog UPTD; tidak perlu layanan lembaga lain.');
    expect(stepOf(c, 'rujukan')).toMatchObject({ status: 'skipped', note: 'Korban cukup dilayani psikolog UPTD; tidak perlu layanan lembaga lain.' });
    c = await worker.complete(c, 'laporan_penanganan', { data: { report: 'Dua sesi konseling; korban kembali ke rumah orang tuanya.' } });
    expect(c).toMatchObject({ status: 'closed', closure: 'completed' });
  });
});
