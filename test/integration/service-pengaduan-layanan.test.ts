import { describe, expect, it } from 'vitest';
import { deadlineOf, sharedOffice, stepOf } from '../fixtures/office';

/**
 * Pengaduan Layanan, which every standard names: a complaint, suggestion or comment about
 * the service itself (in person, suggestion box, phone, email, WhatsApp, online link) is
 * recorded, answered by the person responsible, and closed.
 */

const office = sharedOffice();

describe('Pengaduan Layanan: complaints about the service itself', () => {
  it('a note from the suggestion box is recorded, answered by the head within 5 working days, and closed', async () => {
    // Monday 9 February 2026, 09.00 WIB.
    office.storyStartsAt('2026-02-09T02:00:00.000Z');
    const { desk, head } = office.team();
    // No victim and no consent: it is about the office, not about violence.
    let c = await desk.register({ serviceCode: 'pengaduan_layanan', channel: 'suggestion_box', chronology: 'Surat tanpa nama di kotak saran.' });
    expect(c).toMatchObject({ serviceCode: 'pengaduan_layanan', channel: 'suggestion_box', status: 'open', persons: [] });
    // 5 working days from Monday 9 February: Tue 10 = 1 … Fri 13 = 4, Mon 16 = 5, at the
    // close of the default desk hours (16.00 WIB = 09.00 UTC).
    expect(deadlineOf(c, 'jawaban').dueAt).toBe('2026-02-16T09:00:00.000Z');

    c = await desk.complete(c, 'diterima', { data: { subject: 'Ruang tunggu', content: 'Ruang tunggu terlalu terbuka; korban malu terlihat orang lain.' } });

    // The answer is the head's (the person responsible), not the front desk's.
    const byDesk = await desk.tryComplete(c, 'dijawab', { data: { answer: '-' } });
    expect(byDesk.ok).toBe(false);
    if (!byDesk.ok) expect(byDesk.error).toMatchObject({ code: 'FORBIDDEN', message: 'Langkah "Pengaduan dijawab" dikerjakan oleh Penanggung jawab pelaksana.' });

    await office.itIsNow('2026-02-12T04:00:00.000Z');
    c = await head.complete(c, 'dijawab', { data: { answer: 'Ruang konseling tertutup kini dipakai sebagai ruang tunggu korban; dijawab di papan pengumuman.' } });
    expect(deadlineOf(c, 'jawaban')).toMatchObject({ metAt: '2026-02-12T04:00:00.000Z', describe: 'Terpenuhi tepat waktu' });

    c = await desk.complete(c, 'ditutup', { outcome: 'selesai', data: { notes: 'Jawaban ditempel di papan pengumuman.' } });
    expect(c).toMatchObject({ status: 'closed', closure: 'completed' });
    expect(stepOf(c, 'dijawab').completedBy).toBe(`Petugas ${office.staff.head.username}`);
  });

  it('a channel the service does not receive on is refused at intake', async () => {
    office.storyStartsAt('2026-02-09T02:00:00.000Z');
    const { desk } = office.team();
    const r = await desk.call('cases.register', { serviceCode: 'pengaduan_layanan', channel: 'outreach' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields).toEqual({ channel: 'Saluran ini tidak dipakai untuk layanan ini' });
  });
});
