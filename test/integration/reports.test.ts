import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../electron/core/api/contract-cases';
import type { RecapTable, RecapTableId, RecapView } from '../../electron/core/api/contract-reports';
import { recapTableIds } from '../../electron/core/api/contract-reports';
import { consentOf, disposeAll, ok, officeWithStaff, refused, storyStartsAt, tempDir, theTeam, type StaffedOffice } from '../fixtures/office';
import { recordApproval, recordRelation, recordService, recordVictim, removeCase } from '../fixtures/reports';

/**
 * The recap of November 2026 at an office in Kota Mojokerto (WIB), counted by hand below from
 * the cases registered here. Every expected figure is a literal written from the story, never
 * from the code under test.
 */

const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
let office: StaffedOffice;
let view: RecapView;
let oddWorker: string;
const names: string[] = [];

const victim = (fullName: string, birthDate: string | undefined, sex: 'P' | 'L' | undefined, extra: Record<string, unknown> = {}) => {
  names.push(fullName);
  return { fullName, ...(birthDate ? { birthDate } : {}), ...(sex ? { sex } : {}), ...extra };
};

beforeAll(async () => {
  office = await officeWithStaff({ now: '2026-10-26T02:00:00.000Z' });
  const team = theTeam(office);
  const { desk, worker, head } = team;
  // A case worker whose name looks like a formula (the workload table names staff).
  oddWorker = ok(await team.admin.call('users.create', { username: 'rumus', fullName: '=1+2 Petugas', role: 'case_worker', initialPassword: 'Sandi-Awal-123' })).id;
  const at = (iso: string) => storyStartsAt(office, iso);
  const register = (input: Parameters<typeof desk.register>[0]) => desk.register(input);
  const close = async (c: CaseDetail, closure: 'withdrawn' | 'referred') =>
    ok(await worker.call('cases.close', { caseId: c.id, caseVersion: (await worker.get(c)).version, closure, reason: 'dicatat untuk laporan' }));
  const assign = async (c: CaseDetail) =>
    ok(await head.call('cases.update', { caseId: c.id, caseVersion: (await head.get(c)).version, assignedTo: office.staff.caseWorker.id }));

  // C0, October: received on Monday 26 October, withdrawn on Friday 20 November (19 working days).
  at('2026-10-26T02:00:00.000Z');
  const c0 = await register({ serviceCode: 'pengaduan_kekerasan', channel: 'walk_in', victims: [victim('Ani Lestari', '1990-01-01', 'P')], consent: consentOf('Ani Lestari') });

  // C3: 00.30 WIB on Sunday 1 November (still 31 October in UTC). The girl is 6 that day, 5 on the UTC date.
  at('2026-10-31T17:30:00.000Z');
  const c3 = await register({
    serviceCode: 'pengaduan_kekerasan',
    channel: 'whatsapp',
    victims: [victim('Putri Anggraini', '2020-11-01', 'P', { region: '35.76.01' })],
    incident: { place: 'sekolah', region: '35.76.01' },
    consent: consentOf('Ibu Anggraini', 'parent', '2026-11-01'),
  });
  recordVictim(office, c3, 'Putri Anggraini', { violenceTypes: ['seksual'] });
  recordService(office, c3, 'Putri Anggraini', 'rehabilitasi_sosial', '2026-11-20', 'given', { removed: true });

  // C1: two victims, two perpetrators, each relation recorded per victim (one not recorded).
  at('2026-11-02T03:00:00.000Z');
  const c1 = await register({
    serviceCode: 'pengaduan_kekerasan',
    channel: 'walk_in',
    // 17 on the incident date (20 October), already 18 on the report date (2 November).
    victims: [victim('Siti Rahayu', '2008-10-21', 'P', { occupation: 'pelajar' }), victim('Budi Santoso', '2020-10-20', 'L', { occupation: 'pelajar', disability: true })],
    perpetrators: [victim('Joko Wibowo', '1982-10-20', 'L'), victim('Dewi Kusumawati', '2008-10-20', 'P')],
    incident: { date: '2026-10-20', place: 'rumah_tangga', region: '35.76.03.1004' },
    consent: consentOf('Ibu Rahayu', 'parent', '2026-11-02'),
  });
  recordVictim(office, c1, 'Siti Rahayu', { violenceTypes: ['fisik', 'psikis'], education: 'sma_smk', maritalStatus: 'kawin' });
  recordVictim(office, c1, 'Budi Santoso', { violenceTypes: ['fisik'], education: 'sd', maritalStatus: 'belum_kawin' });
  recordRelation(office, c1, 'Siti Rahayu', 'Joko Wibowo', 'suami_istri');
  recordRelation(office, c1, 'Siti Rahayu', 'Dewi Kusumawati', 'pacar_teman');
  recordRelation(office, c1, 'Budi Santoso', 'Joko Wibowo', 'orang_tua');
  recordService(office, c1, 'Siti Rahayu', 'kesehatan', '2026-11-05', 'given');
  recordService(office, c1, 'Siti Rahayu', 'bantuan_hukum', '2026-11-06', 'declined');
  recordService(office, c1, 'Budi Santoso', 'kesehatan', '2026-11-05', 'given');
  recordService(office, c1, 'Budi Santoso', 'kesehatan', '2026-11-10', 'given');

  // C6: a complaint about the service, answered in time.
  at('2026-11-03T02:00:00.000Z');
  const c6 = await register({ serviceCode: 'pengaduan_layanan', channel: 'suggestion_box', chronology: 'Ruang tunggu terlalu terbuka.' });
  at('2026-11-03T03:00:00.000Z');
  await desk.complete(c6, 'diterima', { data: { subject: 'Ruang tunggu', content: 'Ruang tunggu terlalu terbuka.' } });
  at('2026-11-05T03:00:00.000Z');
  await head.complete(c6, 'dijawab', { data: { answer: 'Ruang konseling kini dipakai sebagai ruang tunggu.' } });

  at('2026-11-04T03:00:00.000Z');
  await close(c3, 'withdrawn');

  // C5: registered twice by mistake and removed; nothing of it counts.
  at('2026-11-10T02:00:00.000Z');
  const c5 = await register({ serviceCode: 'pengaduan_kekerasan', channel: 'walk_in', victims: [victim('Eka Saputra', '1991-03-03', 'P')], consent: consentOf('Eka Saputra') });
  recordService(office, c5, 'Eka Saputra', 'kesehatan', '2026-11-11', 'given');
  removeCase(office, c5, '2026-11-10T04:00:00.000Z');

  // C7: eleven victims at the edges of the age bands on the incident date (12 November).
  at('2026-11-12T02:00:00.000Z');
  const c7 = await register({
    serviceCode: 'pengaduan_kekerasan',
    channel: 'walk_in',
    victims: [
      victim('Maya Utami', '2021-11-12', 'P'), // 5
      victim('Novi Safitri', '2014-11-12', 'P'), // 12
      victim('Tri Hasanah', '2013-11-12', 'P'), // 13
      victim('Yuni Fadilah', '2008-11-13', 'P'), // 17 (18 tomorrow)
      victim('Wulan Maharani', '2008-11-12', 'P'), // 18
      victim('Andi Pratama', '2002-11-12', 'L'), // 24
      victim('Kartika Sari', '2001-11-12', undefined), // 25, sex not recorded
      victim('Ratna Yuliani', '1982-11-12', 'P'), // 44
      victim('Indah Permatasari', '1981-11-12', 'P'), // 45
      victim('Lestari Mulyani', '1966-11-13', 'P'), // 59 (60 tomorrow)
      victim('Fitri Nurhayati', undefined, 'P'), // birth date not known
    ],
    incident: { date: '2026-11-12', place: 'fasilitas_umum' },
    consent: consentOf('Ibu Utami', 'parent', '2026-11-12'),
  });
  await assign(c7);
  recordApproval(office, c7, '2026-11-12T03:00:00.000Z', { status: 'approved', at: '2026-11-12T07:00:00.000Z' });
  recordApproval(office, c7, '2026-11-13T01:00:00.000Z', { status: 'rejected', at: '2026-11-14T01:00:00.000Z' });
  recordApproval(office, c7, '2026-11-20T01:00:00.000Z', null);

  at('2026-11-13T02:00:00.000Z');
  await close(c1, 'referred');

  // C8: a complaint about the service, never answered.
  at('2026-11-16T02:00:00.000Z');
  const c8 = await register({ serviceCode: 'pengaduan_layanan', channel: 'whatsapp', chronology: 'Telepon tidak diangkat.' });
  await desk.complete(c8, 'diterima', { data: { subject: 'Telepon', content: 'Telepon tidak diangkat.' } });

  at('2026-11-20T02:00:00.000Z');
  await close(c0, 'withdrawn');

  // C2: 23.30 WIB on 30 November (16.30 UTC): November's. No incident date: age on the report date.
  at('2026-11-30T16:30:00.000Z');
  const c2 = await register({
    serviceCode: 'pengaduan_kekerasan',
    channel: 'phone',
    victims: [victim('Sri Wahyuni', '1966-11-30', 'P', { occupation: 'ibu_rumah_tangga' })],
    perpetrators: [victim('Agus Hidayat', undefined, 'L')],
    incident: { region: '35.16.01' },
    consent: consentOf('Sri Wahyuni', 'victim', '2026-11-30'),
  });
  await assign(c2);
  recordService(office, c2, 'Sri Wahyuni', 'rehabilitasi_sosial', '2026-12-01', 'given');

  // C4: 00.00 WIB on 1 December: December's, although still 30 November in UTC.
  at('2026-11-30T17:00:00.000Z');
  await register({ serviceCode: 'pengaduan_kekerasan', channel: 'walk_in', victims: [victim('Dian Handayani', '1993-04-04', 'P')], consent: consentOf('Dian Handayani', 'victim', '2026-12-01') });

  at('2026-12-07T03:00:00.000Z');
  view = ok(await head.call('reports.recap', { period: NOVEMBER }));
}, 120_000);
afterAll(disposeAll);

const tableOf = (v: RecapView, id: RecapTableId): RecapTable => v.tables.find((t) => t.id === id)!;
/** A table as { row code: figures } plus its totals row. */
function figures(v: RecapView, id: RecapTableId): Record<string, (number | null)[]> {
  const t = tableOf(v, id);
  return { ...Object.fromEntries(t.rows.map((r) => [r.code, r.cells.map((c) => c.value)])), totals: t.totals ?? [] };
}
const nonZero = (f: Record<string, (number | null)[]>) => Object.fromEntries(Object.entries(f).filter(([, v]) => v.some((x) => x !== 0 && x !== null)));

describe('the recap of a month, counted in the office time zone', () => {
  it('has every table of the contract, in order, each with every row and column', () => {
    expect(view.tables.map((t) => t.id)).toEqual([...recapTableIds]);
    expect(view.periodLabel).toBe('November 2026');
    expect(view.timeZone).toBe('Asia/Jakarta');
    for (const t of view.tables) {
      for (const r of t.rows) expect(r.cells.length, `${t.id} ${r.code}`).toBe(t.columns.length);
      expect(t.totals?.length, t.id).toBe(t.columns.length);
    }
    expect(tableOf(view, 'victimsBySexAge').rows.map((r) => r.code)).toEqual(['0-5', '6-12', '13-17', '18-24', '25-44', '45-59', '60+', 'unknown']);
    expect(tableOf(view, 'victimsBySexAge').columns.map((c) => c.code)).toEqual(['P', 'L', 'unknown', 'total']);
    expect(tableOf(view, 'byKecamatan').rows.map((r) => r.label)).toEqual(['Prajuritkulon', 'Magersari', 'Kranggan', 'Di luar kota', 'Tidak diketahui']);
    expect(tableOf(view, 'byKelurahan').rows).toHaveLength(18 + 2);
  });

  it('counts the case of 23.30 WIB on 30 November and of 00.30 WIB on 1 November, not the one of 00.00 WIB on 1 December nor the removed one', () => {
    const f = figures(view, 'casesByServiceChannel');
    // walk_in, phone, whatsapp, website, letter_email, referral_in, outreach, suggestion_box, total
    expect(f.pengaduan_kekerasan).toEqual([2, 1, 1, 0, 0, 0, 0, 0, 4]);
    expect(f.pengaduan_layanan).toEqual([0, 0, 1, 0, 0, 0, 0, 1, 2]);
    expect(f.mediasi).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(f.totals).toEqual([2, 1, 2, 0, 0, 0, 0, 1, 6]);
  });

  it('counts victims and perpetrators per case, with unrecorded sex as "Tidak diketahui"', () => {
    expect(figures(view, 'personsSummary')).toEqual({ victims: [12, 2, 1, 15], perpetrators: [1, 2, 0, 3], totals: [13, 4, 1, 18] });
  });

  it('puts victims in age bands without overlap at 5/6, 12/13, 17/18, 24/25, 44/45, 59/60, by the age at the incident, else at the report', () => {
    expect(figures(view, 'victimsBySexAge')).toEqual({
      '0-5': [1, 0, 0, 1],
      '6-12': [2, 1, 0, 3],
      '13-17': [3, 0, 0, 3],
      '18-24': [1, 1, 0, 2],
      '25-44': [1, 0, 1, 2],
      '45-59': [2, 0, 0, 2],
      '60+': [1, 0, 0, 1],
      unknown: [1, 0, 0, 1],
      totals: [12, 2, 1, 15],
    });
    expect(figures(view, 'victimsChildAdult')).toEqual({ anak: [6, 1, 0, 7], dewasa: [5, 1, 1, 7], unknown: [1, 0, 0, 1], totals: [12, 2, 1, 15] });
    expect(tableOf(view, 'victimsBySexAge').notes.join(' ')).toContain('tanggal kejadian bila diketahui, selain itu pada tanggal pelaporan');
  });

  it('counts each form of violence once per victim, by the place of the incident', () => {
    // rumah_tangga, tempat_kerja, sekolah, fasilitas_umum, lembaga_pendidikan_kilat, lainnya, unknown, total
    expect(nonZero(figures(view, 'violenceByPlace'))).toEqual({
      fisik: [2, 0, 0, 0, 0, 0, 0, 2],
      psikis: [1, 0, 0, 0, 0, 0, 0, 1],
      seksual: [0, 0, 1, 0, 0, 0, 0, 1],
      unknown: [0, 0, 0, 11, 0, 0, 1, 12],
      totals: [3, 0, 1, 11, 0, 0, 1, 16],
    });
    expect(tableOf(view, 'violenceByPlace').notes.join(' ')).toContain('dihitung sekali per bentuk');
  });

  it("counts the perpetrator's relation per victim, and a pair without one as not known", () => {
    // victim a child, an adult, age not known, total
    expect(nonZero(figures(view, 'perpetratorRelation'))).toEqual({
      suami_istri: [1, 0, 0, 1],
      pacar_teman: [1, 0, 0, 1],
      orang_tua: [1, 0, 0, 1],
      unknown: [1, 1, 0, 2],
      totals: [4, 1, 0, 5],
    });
    expect(figures(view, 'perpetratorSexAge')).toEqual({ '0-17': [0, 0, 0, 0], '18-24': [1, 0, 0, 1], '25-59': [0, 1, 0, 1], '60+': [0, 0, 0, 0], unknown: [0, 1, 0, 1], totals: [1, 2, 0, 3] });
  });

  it('profiles victims by education, occupation, marital status and disability', () => {
    expect(nonZero(figures(view, 'victimEducation'))).toEqual({ sd: [0, 1, 0, 1], sma_smk: [1, 0, 0, 1], unknown: [11, 1, 1, 13], totals: [12, 2, 1, 15] });
    expect(nonZero(figures(view, 'victimOccupation'))).toEqual({ pelajar: [1, 1, 0, 2], ibu_rumah_tangga: [1, 0, 0, 1], unknown: [10, 1, 1, 12], totals: [12, 2, 1, 15] });
    expect(nonZero(figures(view, 'victimMaritalStatus'))).toEqual({ belum_kawin: [0, 1, 0, 1], kawin: [1, 0, 0, 1], unknown: [11, 1, 1, 13], totals: [12, 2, 1, 15] });
    expect(figures(view, 'victimDisability')).toEqual({ ya: [0, 1, 0, 1], tidak: [12, 1, 1, 14], totals: [12, 2, 1, 15] });
  });

  it('counts services given in the month once per victim and service, leaving out removed records and removed cases', () => {
    // given, declined, unavailable, total. Registering is the Pengaduan service: each of the 15
    // victims of November's cases had it on the day their case was registered.
    expect(nonZero(figures(view, 'servicesByOutcome'))).toEqual({ pengaduan: [15, 0, 0, 15], kesehatan: [2, 0, 0, 2], bantuan_hukum: [0, 1, 0, 1], totals: [17, 1, 0, 18] });
    // victims, served (a service beyond Pengaduan), percent
    expect(figures(view, 'victimsServed')).toEqual({ anak: [7, 2, 28.6], dewasa: [7, 1, 14.3], unknown: [1, 0, 0], totals: [15, 3, 20] });
  });

  it("counts cases by the kecamatan and kelurahan of the incident in the office's city", () => {
    expect(figures(view, 'byKecamatan')).toEqual({ '35.76.01': [1], '35.76.02': [0], '35.76.03': [1], outside: [1], unknown: [3], totals: [6] });
    expect(nonZero(figures(view, 'byKelurahan'))).toEqual({ '35.76.03.1004': [1], outside: [1], unknown: [4], totals: [6] });
  });

  it('measures the service standard: cases closed, still open, working days to close, deadlines', () => {
    const holidays = office.core.register.db.sqlite.prepare("SELECT count(*) AS n FROM holidays WHERE date BETWEEN '2026-10-26' AND '2026-11-30'").get() as { n: number };
    expect(holidays.n).toBe(0);
    // received, closed, still open at the end, median and 90th percentile of [3, 9, 19] working days
    expect(figures(view, 'complianceByService').pengaduan_kekerasan).toEqual([4, 3, 2, 9, 19]);
    expect(figures(view, 'complianceByService').pengaduan_layanan).toEqual([2, 0, 2, null, null]);
    expect(figures(view, 'complianceByService').totals).toEqual([6, 3, 4, null, null]);
    // met, late, running, overdue now, total
    expect(nonZero(figures(view, 'deadlinesByService'))).toEqual({
      'pengaduan_kekerasan:respons': [0, 2, 0, 2, 4],
      'pengaduan_layanan:jawaban': [1, 0, 0, 1, 2],
      totals: [1, 2, 0, 3, 6],
    });
    // requested, approved, rejected, pending, median hours of [4, 24]
    expect(figures(view, 'approvalsTurnaround').pengaduan_kekerasan).toEqual([3, 1, 1, 1, 14]);
    expect(figures(view, 'approvalsTurnaround').totals).toEqual([3, 1, 1, 1, null]);
    expect(nonZero(figures(view, 'closureReasons'))).toEqual({ referred: [1, 0, 0, 0, 0, 0, 1], withdrawn: [2, 0, 0, 0, 0, 0, 2], totals: [3, 0, 0, 0, 0, 0, 3] });
    // received, answered in time, late, waiting within the deadline, overdue
    expect(nonZero(figures(view, 'serviceComplaints'))).toEqual({ whatsapp: [1, 0, 0, 0, 1], suggestion_box: [1, 1, 0, 0, 0], totals: [2, 1, 0, 0, 1] });
  });

  it('shows the workload of each case worker now: open cases, overdue deadlines, new cases', () => {
    const f = figures(view, 'workload');
    expect(f[office.staff.caseWorker.id]).toEqual([2, 2, 2]);
    expect(f[oddWorker]).toEqual([0, 0, 0]);
    expect(f.unassigned).toEqual([3, 2, 4]);
    expect(f.totals).toEqual([5, 4, 6]);
  });

  it('a service filter narrows every table to that service', async () => {
    const v = ok(await theTeam(office).head.call('reports.recap', { period: NOVEMBER, serviceCode: 'pengaduan_layanan' }));
    expect(figures(v, 'casesByServiceChannel').totals).toEqual([0, 0, 1, 0, 0, 0, 0, 1, 2]);
    expect(figures(v, 'personsSummary').totals).toEqual([0, 0, 0, 0]);
    expect(figures(v, 'byKecamatan').unknown).toEqual([2]);
  });

  it('heads and the administrator read the figures; the front desk and case workers do not', async () => {
    const team = theTeam(office);
    refused(await team.worker.call('reports.recap', { period: NOVEMBER }), 'FORBIDDEN');
    refused(await team.desk.call('reports.recap', { period: NOVEMBER }), 'FORBIDDEN');
    const byAdmin = ok(await team.admin.call('reports.recap', { period: NOVEMBER }));
    expect(figures(byAdmin, 'casesByServiceChannel').totals).toEqual(figures(ok(await team.head.call('reports.recap', { period: NOVEMBER })), 'casesByServiceChannel').totals);
  });
});

describe('the cases behind a figure', () => {
  it('lists exactly the cases counted in a cell, names masked, paged', async () => {
    const { head } = theTeam(office);
    const cell = ok(await head.call('reports.cases', { period: NOVEMBER, table: 'victimsBySexAge', row: '6-12', column: 'L' }));
    expect(cell.total).toBe(1);
    expect(cell.rows[0]!.victimNames.map((v) => v.masked).sort()).toEqual(['B*** S***', 'S*** R***']);
    const all = ok(await head.call('reports.cases', { period: NOVEMBER, table: 'casesByServiceChannel', row: 'total', column: 'total', pageSize: 4 }));
    expect(all.total).toBe(6);
    expect(all.rows).toHaveLength(4);
    const withdrawn = ok(await head.call('reports.cases', { period: NOVEMBER, table: 'closureReasons', row: 'withdrawn', column: 'total' }));
    expect(withdrawn.rows.map((r) => r.closure)).toEqual(['withdrawn', 'withdrawn']);
    const outside = ok(await head.call('reports.cases', { period: NOVEMBER, table: 'byKecamatan', row: 'outside', column: 'cases' }));
    expect(outside.rows.map((r) => r.createdAt)).toEqual(['2026-11-30T16:30:00.000Z']);
    refused(await head.call('reports.cases', { period: NOVEMBER, table: 'complianceByService', row: 'pengaduan_kekerasan', column: 'median_days' }), 'VALIDATION');
  });
});

describe('exports', () => {
  const audits = (method: string) =>
    office.core.register.db.sqlite.prepare('SELECT detail FROM audit_log WHERE action = ? ORDER BY seq').all(method) as { detail: string }[];

  it('the workbook has a sheet per table with the office, period, filters and time made, numbers as numbers, text as text', async () => {
    const file = ok(await theTeam(office).head.call('reports.export', { period: NOVEMBER, format: 'xlsx', hideSmallCounts: true }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    expect(wb.worksheets).toHaveLength(recapTableIds.length);
    const all: string[] = [];
    for (const ws of wb.worksheets) {
      const col = (c: number) => ws.getColumn(c).values.map(String);
      expect(col(1).slice(2, 6), ws.name).toEqual(['Kantor', 'Periode', 'Filter', 'Dibuat']);
      expect(ws.getCell('B2').value).toBe('UPTD PPA Kota Mojokerto');
      expect(String(ws.getCell('B3').value)).toContain('November 2026');
      expect(String(ws.getCell('B5').value)).toBe('7 Desember 2026 10.00 WIB');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
      ws.eachRow((row) => row.eachCell((c) => all.push(String(c.value))));
    }
    const byAge = wb.worksheets[2]!;
    expect(byAge.getCell('A8').value).toBe('0-5 tahun');
    expect(byAge.getCell('E9').value).toBe(3);
    expect(byAge.getCell('E9').type).toBe(ExcelJS.ValueType.Number);
    const kecamatan = wb.worksheets[recapTableIds.indexOf('byKecamatan')]!;
    expect(kecamatan.getCell('B8').value).toBe('< 3');
    expect(kecamatan.getCell('B12').value).toBe(3);
    const workload = wb.worksheets[recapTableIds.indexOf('workload')]!;
    const odd = workload.getColumn(1).values.findIndex((v) => v === '=1+2 Petugas');
    expect(odd).toBeGreaterThan(0);
    expect(workload.getCell(odd, 1).type).toBe(ExcelJS.ValueType.String);
    for (const n of names) expect(all.join('\n')).not.toContain(n);
    expect(audits('reports.export').at(-1)!.detail).toBe(JSON.stringify({ from: '2026-11-01', to: '2026-11-30', service: null, format: 'xlsx', table: 'all', hideSmallCounts: true }));
  });

  it('a table as CSV keeps formula-like text as text', async () => {
    const file = ok(await theTeam(office).head.call('reports.export', { period: NOVEMBER, format: 'csv', table: 'workload' }));
    const csv = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(csv).toContain("'=1+2 Petugas;0;0;0");
    expect(csv).toContain('Belum ditugaskan;3;2;4');
    refused(await theTeam(office).head.call('reports.export', { period: NOVEMBER, format: 'csv' }), 'VALIDATION');
    expect(audits('reports.export').at(-1)!.detail).toContain('"format":"csv","table":"workload"');
  });

  it('the Laporan Bulanan opens in LibreOffice with the narrative, the totals and the signature block, and no name', async () => {
    const file = ok(await theTeam(office).head.call('reports.export', { period: NOVEMBER, format: 'docx' }));
    const dir = tempDir('teduh-laporan-');
    mkdirSync(join(dir, 'pdf'));
    writeFileSync(join(dir, 'laporan.docx'), Buffer.from(file.base64, 'base64'));
    const profile = pathToFileURL(join(dir, 'lo-profile')).href;
    const r = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), join(dir, 'laporan.docx')], { encoding: 'utf8', timeout: 180_000 });
    expect(r.status, r.stderr).toBe(0);
    const t = spawnSync('pdftotext', ['-layout', join(dir, 'pdf', 'laporan.pdf'), '-'], { encoding: 'utf8' });
    const text = t.stdout.replace(/\s+/g, ' ');
    expect(text).toContain('LAPORAN BULANAN');
    expect(text).toContain('Pada bulan November 2026 UPTD PPA Kota Mojokerto menerima 6 pengaduan: 4 Pengaduan Kekerasan dan 2 Pengaduan Layanan.');
    expect(text).toContain('Korban tercatat 15 orang (12 perempuan, 2 laki-laki, 1 tidak diketahui jenis kelaminnya)');
    expect(text).toContain('Sebanyak 3 dari 15 korban (20%) telah mendapat layanan.');
    expect(text).toMatch(/Jumlah 12 2 1 15/);
    // The head's signature block: the longest-serving active head signs when no default signer is set.
    expect([office.staff.head.username, office.staff.head2.username].some((u) => text.includes(`Mojokerto, 7 Desember 2026 .................... Petugas ${u}`))).toBe(true);
    for (const n of names) expect(text).not.toContain(n);
    expect(readFileSync(join(dir, 'pdf', 'laporan.pdf')).length).toBeGreaterThan(1000);
  }, 200_000);
});
