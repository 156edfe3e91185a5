import { describe, expect, it } from 'vitest';
import { adultVictim, consentOf, ok, sharedOffice, stepOf } from '../fixtures/office';

/**
 * UU No. 12 Tahun 2022 (TPKS), Pasal 23: a case of sexual violence may not be settled
 * outside court (no mediation), except where the perpetrator is a child. The office may
 * still say no to mediation, and may still investigate and bring a victim home.
 */

const office = sharedOffice();

const MONDAY = '2026-02-09T02:00:00.000Z';

function harassedAtWork(serviceCode: 'mediasi' | 'bantuan_mediasi', channel: 'walk_in' = 'walk_in') {
  return {
    serviceCode,
    channel,
    victims: [adultVictim('Fitri Handayani', { occupation: 'swasta_buruh' as const })],
    perpetrators: [{ fullName: 'Rudi Hartanto', sex: 'L' as const, birthDate: '1975-01-30', relation: 'rekan_kerja' as const }],
    violenceTypes: ['seksual' as const, 'psikis' as const],
    incident: { date: '2026-01-28', place: 'tempat_kerja' as const },
    consent: consentOf('Fitri Handayani'),
  };
}

describe('UU TPKS: no mediation in sexual violence cases unless the perpetrator is a child', () => {
  it('Pasuruan: the assessment cannot find a sexual violence case mediable, but can find it not mediable', async () => {
    office.storyStartsAt(MONDAY);
    const { worker } = office.team();
    let c = await worker.register(harassedAtWork('mediasi'));
    const asesmen = stepOf(c, 'asesmen');
    expect(asesmen.open).toBe(false);
    expect(asesmen.blockedBy).toHaveLength(1);
    expect(asesmen.blockedBy[0]).toMatch(/kekerasan seksual tidak dapat diselesaikan melalui mediasi.*UU No\. 12 Tahun 2022 tentang TPKS/);
    expect(asesmen.declineOutcomes).toEqual(['tidak_dapat_dimediasi']);

    const mediate = await worker.tryComplete(c, 'asesmen', { outcome: 'dapat_dimediasi', data: { analysis: 'Kedua pihak ingin berdamai.' } });
    expect(mediate.ok).toBe(false);
    if (!mediate.ok) {
      expect(mediate.error.code).toBe('VALIDATION');
      expect(mediate.error.message).toContain('TPKS');
    }

    c = await worker.complete(c, 'asesmen', { outcome: 'tidak_dapat_dimediasi', data: { analysis: 'Kekerasan seksual: dirujuk ke proses hukum (UU TPKS).' } });
    expect(c).toMatchObject({ status: 'closed', closure: 'not_held' });
  });

  it('Pasuruan: when the perpetrator is a child, mediation is allowed', async () => {
    office.storyStartsAt(MONDAY);
    const { worker } = office.team();
    let c = await worker.register({
      serviceCode: 'mediasi',
      channel: 'referral_in',
      victims: [{ fullName: 'Putri Ramadhani', birthDate: '2012-08-01', sex: 'P', occupation: 'pelajar' }],
      perpetrators: [{ fullName: 'Dimas Saputra', birthDate: '2010-10-10', sex: 'L', relation: 'pacar_teman' }],
      violenceTypes: ['seksual'],
      incident: { date: '2026-01-15', place: 'sekolah' },
      consent: consentOf('Sri Wahyuni', 'parent'),
    });
    expect(c.persons.find((p) => p.role === 'perpetrator')).toMatchObject({ isChild: true, age: 15 });
    expect(stepOf(c, 'asesmen')).toMatchObject({ open: true, blockedBy: [], declineOutcomes: [] });
    c = await worker.complete(c, 'asesmen', { outcome: 'dapat_dimediasi', data: { analysis: 'Pelaku anak; diversi dengan pendampingan orang tua kedua pihak.' } });
    expect(stepOf(c, 'asesmen').status).toBe('done');
    expect(stepOf(c, 'asesmen_lanjutan').open).toBe(true);
  });

  it('Pekalongan: the Ketua LP-PAR cannot accept a sexual violence request for mediation, and rejects it', async () => {
    office.storyStartsAt(MONDAY);
    const { desk, head } = office.team();
    let c = await desk.register(harassedAtWork('bantuan_mediasi'));
    // Before the request is recorded, the decision is not reachable at all.
    expect(stepOf(c, 'pertimbangan').declineOutcomes).toEqual([]);
    c = await desk.complete(c, 'permohonan', { data: { request: 'Pemohon ingin berdamai dengan rekan kerjanya.' } });
    const pertimbangan = stepOf(c, 'pertimbangan');
    expect(pertimbangan.open).toBe(false);
    expect(pertimbangan.blockedBy.join(' ')).toContain('TPKS');
    expect(pertimbangan.declineOutcomes).toEqual(['ditolak']);

    const accept = await head.tryComplete(c, 'pertimbangan', { outcome: 'diterima', data: { consideration: 'Diterima.' } });
    expect(accept.ok).toBe(false);
    if (!accept.ok) expect(accept.error.message).toContain('TPKS');

    c = await head.complete(c, 'pertimbangan', { outcome: 'ditolak', data: { consideration: 'Kekerasan seksual tidak dapat dimediasi (UU TPKS Pasal 23); pemohon dirujuk ke UPTD PPA.' } });
    expect(c).toMatchObject({ status: 'closed', closure: 'rejected' });
  });

  it('Mojokerto: a sexual violence KDRT case may be investigated and the victim brought home, but not mediated or negotiated', async () => {
    office.storyStartsAt(MONDAY);
    const { desk, worker } = office.team();
    let c = await desk.register({
      serviceCode: 'pemulangan_mediasi',
      channel: 'walk_in',
      victims: [adultVictim('Sri Mulyani')],
      perpetrators: [{ fullName: 'Agus Salim', sex: 'L', birthDate: '1980-02-02', relation: 'suami_istri' }],
      violenceTypes: ['seksual', 'fisik'],
      consent: consentOf('Sri Mulyani'),
    });
    c = await desk.complete(c, 'serah_asesmen', { data: { assessment: 'KDRT seksual dan fisik.' } });
    c = await worker.complete(c, 'verifikasi_asesmen', { data: { needs: 'Pemulangan ke orang tua; pendampingan laporan polisi.' } });
    expect(stepOf(c, 'mediasi_investigasi').open).toBe(true);

    const mediate = await worker.tryComplete(c, 'mediasi_investigasi', { data: { approach: ['mediasi', 'investigasi'], result: '-' } });
    expect(mediate.ok).toBe(false);
    if (!mediate.ok) {
      expect(Object.keys(mediate.error.fields ?? {})).toEqual(['data.approach']);
      expect(mediate.error.fields!['data.approach']).toMatch(/^Mediasi: .*TPKS/);
    }
    const negotiate = await worker.tryComplete(c, 'mediasi_investigasi', { data: { approach: ['negosiasi'], result: '-' } });
    expect(negotiate.ok).toBe(false);

    c = await worker.complete(c, 'mediasi_investigasi', { data: { approach: ['investigasi'], result: 'Keterangan saksi dikumpulkan; korban didampingi melapor ke Unit PPA.' } });
    expect(stepOf(c, 'mediasi_investigasi')).toMatchObject({ status: 'done', data: { approach: ['investigasi'] } });
  });

  it('the law applies as soon as the facts are known: a case recorded as sexual violence later stops its mediation', async () => {
    office.storyStartsAt(MONDAY);
    const { worker } = office.team();
    let c = await worker.register({ ...harassedAtWork('mediasi'), violenceTypes: ['psikis'] });
    c = await worker.complete(c, 'asesmen', { outcome: 'dapat_dimediasi', data: { analysis: 'Perundungan verbal di tempat kerja.' } });
    c = await worker.complete(c, 'asesmen_lanjutan', { data: { partiesAssessment: 'Korban mengungkapkan pelecehan seksual.' } });
    expect(stepOf(c, 'rencana_intervensi').open).toBe(true);

    const updated = await worker.call('cases.update', { caseId: c.id, caseVersion: c.version, violenceTypes: ['psikis', 'seksual'] });
    expect(updated.ok).toBe(true);
    c = await worker.get(c);
    expect(stepOf(c, 'rencana_intervensi').open).toBe(false);
    expect(stepOf(c, 'rencana_intervensi').blockedBy.join(' ')).toContain('TPKS');
    const plan = await worker.tryComplete(c, 'rencana_intervensi', { data: { plan: 'Mediasi.' } });
    expect(plan.ok).toBe(false);
  });

  it('a mediation plan already waiting for approval cannot be approved once the case is known to be sexual violence; it can be rejected', async () => {
    office.storyStartsAt(MONDAY);
    const { worker, head } = office.team();
    let c = await worker.register({ ...harassedAtWork('mediasi'), violenceTypes: ['psikis'] });
    c = await worker.complete(c, 'asesmen', { outcome: 'dapat_dimediasi', data: { analysis: 'Perundungan verbal.' } });
    c = await worker.complete(c, 'asesmen_lanjutan', { data: { partiesAssessment: 'Kedua pihak.' } });
    c = await worker.complete(c, 'rencana_intervensi', { data: { plan: 'Mediasi dengan mediator bersertifikat.' } });
    c = ok(await worker.call('cases.update', { caseId: c.id, caseVersion: c.version, violenceTypes: ['psikis', 'seksual'] }));

    const approve = await head.tryDecide(c, 'rencana_intervensi', 'approve');
    expect(approve.ok).toBe(false);
    if (!approve.ok) expect(approve.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('TPKS') });
    expect(stepOf(await head.get(c), 'rencana_intervensi').status).toBe('submitted');

    c = await head.reject(c, 'rencana_intervensi', 'Ternyata ada pelecehan seksual: tidak dapat dimediasi (UU TPKS).');
    expect(stepOf(c, 'rencana_intervensi')).toMatchObject({ status: 'pending', open: false });
  });
});
