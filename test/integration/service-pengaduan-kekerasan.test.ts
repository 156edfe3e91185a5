import { describe, expect, it } from 'vitest';
import { adultVictim, consentOf, DAY, deadlineOf, MINUTE, ok, sharedOffice, stepOf } from '../fixtures/office';

/**
 * Kota Malang, Layanan Pengaduan Kekerasan pada Perempuan dan Anak: a complaint by website,
 * WhatsApp, phone or in person is answered within 30 minutes; the head verifies it with an
 * assignment order for outreach; the handling is reported; the case is terminated and the
 * counsellor monitors the victim for 3 months after.
 */

const office = sharedOffice();

describe('Malang: Layanan Pengaduan Kekerasan', () => {
  it('a WhatsApp complaint is answered, verified with an assignment order, handled, terminated and monitored for 3 months', async () => {
    // Monday 9 February 2026, 08.00 WIB.
    office.storyStartsAt('2026-02-09T01:00:00.000Z');
    const { desk, worker, head } = office.team();
    let c = await desk.register({
      serviceCode: 'pengaduan_kekerasan',
      channel: 'whatsapp',
      victims: [adultVictim('Dewi Anggraini', { phone: '081234567890' })],
      violenceTypes: ['fisik'],
      incident: { date: '2026-02-08', place: 'rumah_tangga' },
      chronology: 'Korban mengirim pesan WhatsApp: dipukul suami semalam, sekarang di rumah ibunya.',
      consent: consentOf('Dewi Anggraini'),
    });

    // The complaint must be answered within 30 minutes, on the wall clock.
    expect(deadlineOf(c, 'respons')).toMatchObject({ dueAt: '2026-02-09T01:30:00.000Z', overdue: false });
    let board = ok(await head.call('dashboard.get', {}));
    expect(board.dueSoon.map((r) => r.id)).toContain(c.id);
    expect(board.overdue.map((r) => r.id)).not.toContain(c.id);

    // Nobody picks it up for 31 minutes: it is overdue, on the dashboard and in the list.
    await office.timePasses(31 * MINUTE);
    board = ok(await head.call('dashboard.get', {}));
    expect(board.overdue.find((r) => r.id === c.id)).toMatchObject({ overdue: true, dueAt: '2026-02-09T01:30:00.000Z', currentStep: 'Penerimaan laporan' });
    expect(ok(await desk.call('cases.list', { overdue: true })).rows.map((r) => r.id)).toContain(c.id);
    c = await desk.get(c);
    expect(deadlineOf(c, 'respons')).toMatchObject({ overdue: true, describe: 'lewat 1 menit' });

    // The officer answers and identifies the report; the response is on record as late.
    c = await desk.complete(c, 'penerimaan', { data: { notes: 'Dibalas via WhatsApp; korban diminta datang didampingi ibunya.' } });
    c = await desk.complete(c, 'identifikasi', { data: { notes: 'KDRT fisik, korban aman sementara di rumah ibu.' } });
    expect(deadlineOf(c, 'respons')).toMatchObject({ metAt: '2026-02-09T01:31:00.000Z', describe: 'Terpenuhi, melewati tenggat' });
    board = ok(await head.call('dashboard.get', {}));
    expect(board.overdue.map((r) => r.id)).not.toContain(c.id);

    // Verification: the officer proposes the outreach, the head approves the assignment order.
    const order = { outreachOfficer: 'Rina Marlina, S.Psi. (konselor)', outreachDate: '2026-02-09', notes: 'Penjangkauan ke rumah ibu korban.' };
    c = await desk.complete(c, 'verifikasi', { data: order });
    expect(stepOf(c, 'verifikasi').pendingApproval).not.toBeNull();
    expect(ok(await head.call('dashboard.get', {})).pendingApprovals).toBeGreaterThanOrEqual(1);
    c = await head.approve(c, 'verifikasi');
    expect(stepOf(c, 'verifikasi')).toMatchObject({ status: 'done', data: order });
    expect(c.standard.steps.find((s) => s.code === 'verifikasi')!.products).toContain('surat_perintah_tugas');

    // Handling, and its result reported.
    c = await worker.complete(c, 'penanganan', { data: { result: 'Konseling dua kali; korban melapor ke Unit PPA Polresta.' } });

    // Monday 16 February: termination, and three monthly monitoring visits are planned.
    await office.itIsNow('2026-02-16T03:00:00.000Z');
    c = await worker.complete(c, 'terminasi', { data: { reason: 'Korban aman dan proses hukum berjalan.' } });
    expect(c.status).toBe('monitoring');
    const visits = () => c.items.filter((i) => i.kind === 'monitoring_visit');
    expect(visits().map((v) => [v.seq, v.data.plannedDate, v.status])).toEqual([
      [1, '2026-03-16', 'planned'],
      [2, '2026-04-16', 'planned'],
      [3, '2026-05-16', 'planned'],
    ]);
    // Monitoring cannot be concluded before the visits are on record.
    expect(stepOf(c, 'monitoring').blockedBy).toEqual(['Setiap kunjungan monitoring yang direncanakan harus dicatat hasilnya (dilaksanakan / tidak terlaksana).']);
    expect(ok(await worker.call('dashboard.get', {})).monitoringDue.filter((m) => m.caseId === c.id)).toEqual([]);

    // Each visit shows on the dashboard in the week it is due, and leaves once recorded.
    for (const [i, when] of ['2026-03-12T02:00:00.000Z', '2026-04-13T02:00:00.000Z', '2026-05-14T02:00:00.000Z'].entries()) {
      await office.itIsNow(when);
      const visit = visits()[i]!;
      const due = ok(await worker.call('dashboard.get', {})).monitoringDue.filter((m) => m.caseId === c.id);
      expect(due).toEqual([{ caseId: c.id, registerNo: c.registerNo, itemId: visit.id, dueAt: visit.dueAt }]);
      c = await worker.saveItem(c, {
        kind: 'monitoring_visit',
        itemId: visit.id,
        data: { plannedDate: visit.data.plannedDate as string, doneDate: when.slice(0, 10), result: 'Korban dalam keadaan baik.' },
        status: 'done',
      });
      expect(ok(await worker.call('dashboard.get', {})).monitoringDue.filter((m) => m.caseId === c.id)).toEqual([]);
    }

    // The counsellor concludes the monitoring: the case is complete.
    c = await worker.complete(c, 'monitoring', { data: { conclusion: 'Tiga bulan pasca terminasi korban aman; tidak ada kekerasan berulang.' } });
    expect(c).toMatchObject({ status: 'closed', closure: 'completed' });
  });

  it("monthly visits are counted on the office's calendar: terminated early on 31 July, they fall on the last day of shorter months", async () => {
    // Friday 31 July 2026, 06.30 WIB (still 30 July in UTC).
    office.storyStartsAt('2026-07-30T23:30:00.000Z');
    const { desk, worker, head } = office.team();
    let c = await desk.register({ serviceCode: 'pengaduan_kekerasan', channel: 'phone', victims: [adultVictim('Ratih Purwasih')], consent: consentOf('Ratih Purwasih', 'victim', '2026-07-31') });
    c = await desk.complete(c, 'penerimaan');
    c = await desk.complete(c, 'identifikasi');
    c = await desk.complete(c, 'verifikasi', { data: { outreachOfficer: 'Tim Penjangkauan', outreachDate: '2026-07-31' } });
    c = await head.approve(c, 'verifikasi');
    c = await worker.complete(c, 'penanganan', { data: { result: 'Konseling.' } });
    c = await worker.complete(c, 'terminasi', { data: { reason: 'Selesai.' } });
    expect(c.items.filter((i) => i.kind === 'monitoring_visit').map((v) => v.data.plannedDate)).toEqual(['2026-08-31', '2026-09-30', '2026-10-31']);
  });

  it('a monitoring visit that could not take place is recorded as missed, and the monitoring can still be concluded', async () => {
    office.storyStartsAt('2026-06-01T02:00:00.000Z');
    const { desk, worker, head } = office.team();
    let c = await desk.register({
      serviceCode: 'pengaduan_kekerasan',
      channel: 'phone',
      victims: [adultVictim('Yuliana Pratiwi')],
      violenceTypes: ['psikis'],
      consent: consentOf('Yuliana Pratiwi', 'victim', '2026-06-01'),
    });
    c = await desk.complete(c, 'penerimaan');
    c = await desk.complete(c, 'identifikasi');
    c = await desk.complete(c, 'verifikasi', { data: { outreachOfficer: 'Tim Penjangkauan', outreachDate: '2026-06-02' } });
    c = await head.approve(c, 'verifikasi');
    c = await worker.complete(c, 'penanganan', { data: { result: 'Konseling.' } });
    c = await worker.complete(c, 'terminasi', { data: { reason: 'Selesai.' } });
    await office.timePasses(95 * DAY);
    for (const v of c.items.filter((i) => i.kind === 'monitoring_visit')) {
      c = await worker.saveItem(c, { kind: 'monitoring_visit', itemId: v.id, data: { plannedDate: v.data.plannedDate as string, result: 'Korban pindah alamat, tidak dapat ditemui.' }, status: 'missed' });
    }
    c = await worker.complete(c, 'monitoring', { data: { conclusion: 'Korban pindah ke luar kota.' } });
    expect(c).toMatchObject({ status: 'closed', closure: 'completed' });
  });
});
