import { describe, expect, it } from 'vitest';
import { adultVictim, consentOf, deadlineOf, sharedOffice, stepOf } from '../fixtures/office';

/**
 * Kota Mojokerto, Pelayanan Pemulangan dan Mediasi (SK 188.4/27/417.504.1/2024), for KDRT
 * cases: the P2TP2A officer hands the assessment over, the Tim Pendamping verifies and
 * assesses in depth, mediates/negotiates/investigates, prepares the documents with the
 * kelurahan, RT and RW for the repatriation, the Ketua Tim P2TP2A approves, and the victim
 * is accompanied home. 1 working day once the KTP, KK and the accompaniment agreement are in.
 */

const office = sharedOffice();

describe('Mojokerto: Pelayanan Pemulangan dan Mediasi', () => {
  it('a KDRT victim is accompanied home after mediation, coordination with the kelurahan and RT/RW, and the Ketua Tim approval', async () => {
    // Monday 9 February 2026, 09.00 WIB.
    office.storyStartsAt('2026-02-09T02:00:00.000Z');
    const { desk, worker, head } = office.team();
    let c = await desk.register({
      serviceCode: 'pemulangan_mediasi',
      channel: 'outreach',
      victims: [adultVictim('Wahyuni Lestari', { region: '35.76.01', rt: '2', rw: '5', address: 'Jl. Kenanga' })],
      perpetrators: [{ fullName: 'Slamet Riyadi', sex: 'L', birthDate: '1985-04-11', relation: 'suami_istri' }],
      violenceTypes: ['fisik', 'psikis'],
      incident: { date: '2026-02-06', place: 'rumah_tangga' },
      needs: ['pemulangan', 'pengaduan'],
      chronology: 'Korban mengungsi ke rumah kerabat setelah dipukul suaminya; ingin pulang dengan jaminan keamanan.',
      consent: consentOf('Wahyuni Lestari'),
    });
    expect(c.requirements.map((r) => [r.code, r.status])).toEqual([
      ['ktp', 'missing'],
      ['nota_kesepakatan', 'missing'],
      ['kk', 'missing'],
    ]);
    expect(deadlineOf(c, 'penyelesaian')).toMatchObject({ dueAt: null, describe: 'Menunggu persyaratan lengkap' });

    // 1. The P2TP2A officer hands the assessment over, as the victim agreed.
    c = await desk.complete(c, 'serah_asesmen', { data: { assessment: 'KDRT fisik; korban ingin kembali ke rumah dengan pendampingan.' } });
    // 2. The Tim Pendamping verifies it and assesses in depth.
    c = await worker.complete(c, 'verifikasi_asesmen', { data: { needs: 'Pendampingan pemulangan, mediasi dengan suami, pemantauan oleh RT.' } });
    // 3. Mediation and investigation.
    c = await worker.complete(c, 'mediasi_investigasi', { data: { approach: ['mediasi', 'investigasi'], result: 'Suami bersedia menandatangani pernyataan tidak mengulangi.' } });

    // 4. The documents and the coordination wait for the paperwork.
    expect(stepOf(c, 'koordinasi_wilayah').blockedBy).toContain('Persyaratan belum lengkap: Foto Copy KTP, Nota kesepakatan pendampingan kasus, Foto Copy KK.');

    // Tuesday 10 February, 10.00 WIB: the KTP, KK and the signed agreement are in.
    await office.itIsNow('2026-02-10T03:00:00.000Z');
    c = await worker.setRequirement(c, 'ktp');
    c = await worker.setRequirement(c, 'kk');
    c = await worker.setRequirement(c, 'nota_kesepakatan', 'complete', 'Ditandatangani korban dan Tim Pendamping');
    // 1 working day after Tuesday 10 February: Wednesday 11 February, at the close of the
    // default desk hours (16.00 WIB = 09.00 UTC).
    expect(deadlineOf(c, 'penyelesaian')).toMatchObject({ dueAt: '2026-02-11T09:00:00.000Z', overdue: false });

    c = await worker.complete(c, 'koordinasi_wilayah', {
      data: {
        coordinatedWith: ['kelurahan', 'rt', 'rw'],
        repatriationDestination: 'Jl. Kenanga RT 002 RW 005, Kel. Prajurit Kulon, Kota Mojokerto',
        repatriationEscort: 'Tim Pendamping Psikologi dan Bhabinkamtibmas',
        repatriationDate: '2026-02-11',
      },
    });
    expect(stepOf(c, 'koordinasi_wilayah').data).toMatchObject({ repatriationDate: '2026-02-11', coordinatedWith: ['kelurahan', 'rt', 'rw'] });

    // 5. The Ketua Tim P2TP2A approves the accompaniment home.
    c = await worker.complete(c, 'persetujuan_ketua', { data: { notes: 'Pemulangan Rabu pagi, didampingi Bhabinkamtibmas.' } });
    expect(stepOf(c, 'layanan').blockedBy).toEqual(['Selesaikan dahulu: Persetujuan Ketua Tim P2TP2A.']);
    c = await head.approve(c, 'persetujuan_ketua');

    // 6. Wednesday 11 February, 14.00: the victim is home; the service is delivered.
    await office.itIsNow('2026-02-11T07:00:00.000Z');
    c = await worker.complete(c, 'layanan', { outcome: 'selesai', data: { report: 'Korban diantar pulang; suami dan Ketua RT menandatangani pernyataan.' } });
    expect(c).toMatchObject({ status: 'closed', closure: 'completed', closedAt: '2026-02-11T07:00:00.000Z' });
    expect(deadlineOf(c, 'penyelesaian')).toMatchObject({ metAt: '2026-02-11T07:00:00.000Z', overdue: false, describe: 'Terpenuhi tepat waktu' });
  });

  it('a requirement the standard demands cannot be waved through as "not applicable"', async () => {
    office.storyStartsAt('2026-02-09T02:00:00.000Z');
    const { desk, worker } = office.team();
    const c = await desk.register({
      serviceCode: 'pemulangan_mediasi',
      channel: 'walk_in',
      victims: [adultVictim('Endang Susanti')],
      violenceTypes: ['penelantaran'],
      consent: consentOf('Endang Susanti'),
    });
    const r = await worker.call('cases.setRequirement', { caseId: c.id, caseVersion: c.version, code: 'kk', status: 'not_applicable', note: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'VALIDATION', message: '"Foto Copy KK" wajib menurut standar layanan.' });
  });
});
