import { describe, expect, it } from 'vitest';
import { adultVictim, consentOf, deadlineOf, ok, sharedOffice, stepOf } from '../fixtures/office';

const office = sharedOffice();

/**
 * Kota Pekalongan, Bantuan Mediasi Kasus Kekerasan (SK 060/060/VI/Tahun 2021): a request
 * to the Kepala Dinas, a decision by the Ketua LP-PAR within 5 working days, a Surat
 * Keputusan, coordination with the other side, documents, and the mediation itself within
 * 14 working days once the SK is out. Desk hours Mon–Thu 09.00–14.00 (break 12.00–12.30),
 * Fri 08.00–10.30 WIB.
 */

// Thursday 12 February 2026, 13.00 WIB.
const THURSDAY_1300_WIB = '2026-02-12T06:00:00.000Z';

async function aRequestForMediation() {
  const { desk } = office.team();
  return desk.register({
    serviceCode: 'bantuan_mediasi',
    channel: 'walk_in',
    victims: [adultVictim('Ratna Kusumawati', { occupation: 'ibu_rumah_tangga' })],
    perpetrators: [{ fullName: 'Bambang Hartono', sex: 'L', birthDate: '1986-09-02', relation: 'suami_istri' }],
    violenceTypes: ['psikis'],
    incident: { date: '2026-02-01', place: 'rumah_tangga' },
    chronology: 'Pemohon meminta difasilitasi mediasi dengan suaminya tentang nafkah anak.',
    consent: consentOf('Ratna Kusumawati', 'victim', '2026-02-12'),
  });
}

describe('Pekalongan: Bantuan Mediasi Kasus Kekerasan', () => {
  it('a request accepted by the Ketua LP-PAR, an SK, a willing other party, documents and a mediation held: the case is completed', async () => {
    office.storyStartsAt(THURSDAY_1300_WIB);
    const { desk, worker, head, secretariat } = office.team();

    // Thursday 13.00: the fulltimer takes in the request.
    let c = await aRequestForMediation();
    expect(c.status).toBe('open');
    expect(c.requirements).toEqual([expect.objectContaining({ code: 'sk_undangan', status: 'missing' })]);

    // The decision is due 5 working days after the request, at the close of the desk:
    // the day of the request (Thu 12 Feb) does not count; Fri 13 = 1, Mon 16 = 2,
    // Tue 17 Feb is Tahun Baru Imlek (a holiday), Wed 18 = 3, Thu 19 = 4, Fri 20 = 5.
    // Friday's desk closes at 10.30 WIB = 03.30 UTC.
    const holidays = ok(await desk.call('holidays.list', { year: 2026 }));
    expect(holidays.map((h) => h.date)).toContain('2026-02-17');
    expect(deadlineOf(c, 'keputusan').dueAt).toBe('2026-02-20T03:30:00.000Z');
    // The 14 working days run only once the SK (the service's one requirement) exists.
    expect(deadlineOf(c, 'penyelesaian')).toMatchObject({ dueAt: null, describe: 'Menunggu persyaratan lengkap' });

    c = await desk.complete(c, 'permohonan', { data: { request: 'Mediasi tentang nafkah dan pengasuhan anak.' } });
    expect(stepOf(c, 'permohonan').status).toBe('done');
    expect(stepOf(c, 'pertimbangan').open).toBe(true);

    // Monday 16 Feb, 10.00: the Ketua LP-PAR, with the technical team, accepts the request.
    await office.itIsNow('2026-02-16T03:00:00.000Z');
    c = await head.complete(c, 'pertimbangan', {
      outcome: 'diterima',
      data: { technicalTeam: ['psikologis', 'hukum'], consideration: 'Tidak ada unsur kekerasan seksual; kedua pihak dapat dimediasi.' },
    });
    expect(stepOf(c, 'pertimbangan')).toMatchObject({ status: 'done', outcome: 'diterima' });
    expect(deadlineOf(c, 'keputusan')).toMatchObject({ metAt: '2026-02-16T03:00:00.000Z', overdue: false, describe: 'Terpenuhi tepat waktu' });

    // The secretariat drafts the SK and the invitation; the Kepala Dinas signs it.
    c = await secretariat.complete(c, 'surat_keputusan', { data: { mediationDate: '2026-02-26T09:30', mediationPlace: 'Ruang LP-PAR DPMPPA Kota Pekalongan' } });
    expect(stepOf(c, 'surat_keputusan').status).toBe('submitted');
    expect(c.requirements[0]!.status).toBe('missing');
    expect(stepOf(c, 'persiapan_dokumen').blockedBy.join(' ')).toContain('Persyaratan belum lengkap');

    // Wednesday 18 Feb, 09.00: approved. The SK fulfils the requirement and starts the clock.
    await office.itIsNow('2026-02-18T02:00:00.000Z');
    c = await head.approve(c, 'surat_keputusan');
    expect(stepOf(c, 'surat_keputusan')).toMatchObject({ status: 'done', completedBy: `Petugas ${office.staff.secretariat.username}` });
    expect(c.requirements[0]).toMatchObject({ code: 'sk_undangan', status: 'complete' });
    // 14 working days after Wed 18 Feb: Thu 19 = 1, Fri 20 = 2, 23–27 Feb = 3–7,
    // 2–6 Mar = 8–12, Mon 9 = 13, Tue 10 Mar = 14; Tuesday's desk closes at 14.00 WIB = 07.00 UTC.
    expect(deadlineOf(c, 'penyelesaian')).toMatchObject({ dueAt: '2026-03-10T07:00:00.000Z', metAt: null, overdue: false });

    // The Ketua LP-PAR reaches the husband through the kelurahan and the RT: he is willing.
    c = await head.complete(c, 'koordinasi_pihak', { outcome: 'kooperatif', data: { coordination: 'Terlapor bersedia hadir; Babinkamtibmas dan Ketua RT 03 mengetahui.' } });
    c = await secretariat.complete(c, 'persiapan_dokumen', { data: { notes: 'Undangan, daftar hadir, dan draf berita acara disiapkan.' } });

    // The mediation cannot be recorded as given before a session is on record.
    const early = await worker.tryComplete(c, 'pelaksanaan', { outcome: 'sepakat' });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.message).toContain('sesi mediasi');

    await office.itIsNow('2026-02-26T05:00:00.000Z');
    c = await worker.saveItem(c, {
      kind: 'mediation_session',
      data: { date: '2026-02-26 09.30', place: 'Ruang LP-PAR', attendees: 'Pemohon, terlapor, Tim Teknis LP-PAR (psikolog, konselor hukum)', outcome: 'Sepakat tentang nafkah bulanan.' },
    });
    c = await worker.saveItem(c, { kind: 'agreement_point', data: { text: 'Terlapor memberikan nafkah anak Rp 1.500.000 setiap bulan.', responsible: 'Bambang Hartono' } });
    c = await worker.complete(c, 'pelaksanaan', { outcome: 'sepakat' });

    expect(c.status).toBe('closed');
    expect(c.closure).toBe('completed');
    expect(c.closedAt).toBe('2026-02-26T05:00:00.000Z');
    expect(c.steps.map((s) => s.status)).toEqual(['done', 'done', 'done', 'done', 'done', 'done']);
    expect(deadlineOf(c, 'penyelesaian')).toMatchObject({ metAt: '2026-02-26T05:00:00.000Z', describe: 'Terpenuhi tepat waktu' });
  });

  it('a rejected request closes the case as rejected, with the notification letter as its product', async () => {
    office.storyStartsAt(THURSDAY_1300_WIB);
    const { desk, head } = office.team();
    let c = await aRequestForMediation();
    c = await desk.complete(c, 'permohonan', { data: { request: 'Mediasi tentang harta bersama.' } });
    c = await head.complete(c, 'pertimbangan', { outcome: 'ditolak', data: { consideration: 'Perkara harta bersama adalah wewenang Pengadilan Agama.' } });

    expect(c).toMatchObject({ status: 'closed', closure: 'rejected' });
    const rejected = c.standard.steps.find((s) => s.code === 'pertimbangan')!.outcomes!.find((o) => o.value === 'ditolak')!;
    expect(rejected.product).toBe('surat_pemberitahuan_penolakan');
    // The steps not reached are marked as not carried out, and nothing is open any more.
    for (const code of ['surat_keputusan', 'koordinasi_pihak', 'persiapan_dokumen', 'pelaksanaan']) {
      expect(stepOf(c, code)).toMatchObject({ status: 'skipped', open: false });
    }
    expect(deadlineOf(c, 'keputusan').metAt).not.toBeNull();
    const late = await head.tryComplete(c, 'koordinasi_pihak', { outcome: 'kooperatif', data: { coordination: '-' } });
    expect(late.ok).toBe(false);
  });

  it.each([
    ['menolak', 'refuses to be mediated'],
    ['tidak_kooperatif', 'does not cooperate'],
  ])('when the other party %s (%s), the case closes as "mediation cannot be held"', async (outcome) => {
    office.storyStartsAt(THURSDAY_1300_WIB);
    const { desk, head, secretariat } = office.team();
    let c = await aRequestForMediation();
    c = await desk.complete(c, 'permohonan', { data: { request: 'Mediasi.' } });
    c = await head.complete(c, 'pertimbangan', { outcome: 'diterima', data: { consideration: 'Dapat difasilitasi.' } });
    c = await secretariat.complete(c, 'surat_keputusan', { data: { mediationDate: '2026-02-19T09:00', mediationPlace: 'Ruang LP-PAR' } });
    c = await office.team().head2.approve(c, 'surat_keputusan');
    c = await head.complete(c, 'koordinasi_pihak', { outcome, data: { coordination: 'Sudah didatangi dua kali bersama Ketua RW; terlapor menolak.' } });

    expect(c).toMatchObject({ status: 'closed', closure: 'not_held' });
    const chosen = stepOf(c, 'koordinasi_pihak');
    expect(chosen.outcome).toBe(outcome);
    expect(c.standard.steps.find((s) => s.code === 'koordinasi_pihak')!.outcomes!.find((o) => o.value === outcome)!.product).toBe(
      'surat_pemberitahuan_tidak_dapat_dimediasi',
    );
    expect(stepOf(c, 'pelaksanaan').status).toBe('skipped');
  });
});
