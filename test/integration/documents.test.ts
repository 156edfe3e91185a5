import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentTypeCodes, isStoredType, readZip, setStrictTemplates, storedTypeCodes } from '../../electron/core/documents';
import { disposeAll, ok, refused, storyStartsAt } from '../fixtures/office';
import { contentOf, docxText, fileBytes, HEAD, makeDocument, OFFICE, officeWithCaseForEveryDocument, type DocumentsWorld } from '../fixtures/documents';

// Accounts use the cheaper test cost of key derivation (officeWithStaff passes scryptN 2^14).

let world: DocumentsWorld;
beforeAll(async () => {
  setStrictTemplates(true);
  world = await officeWithCaseForEveryDocument();
});
afterAll(() => {
  setStrictTemplates(false);
  disposeAll();
});

describe('every document the service standards call for, made from its case', () => {
  it('covers every type except the sheets made on request (recovery code, audit anchor), which are never stored', () => {
    const made = new Set(world.jobs.map((j) => j.type));
    expect(storedTypeCodes.filter((t) => !made.has(t))).toEqual([]);
    expect(documentTypeCodes.filter((t) => !isStoredType(t))).toEqual(['lembar_kode_pemulihan', 'titik_jejak_audit', 'laporan_bulanan']);
  });

  it('each one opens as a Word file on the letterhead, with its number, date, names and signatures', async () => {
    for (const job of world.jobs) {
      const doc = await makeDocument(world, job);
      const bytes = await contentOf(world, doc.id);
      const parts = readZip(bytes);
      expect(parts.has('word/document.xml'), job.type).toBe(true);
      expect([...parts.keys()].some((k) => k.startsWith('word/media/')), `${job.type}: the logo`).toBe(true);
      const text = docxText(bytes);
      expect(text, job.type).toContain(OFFICE.governmentLine.toUpperCase());
      expect(text, job.type).toContain(OFFICE.name.toUpperCase());
      expect(text, job.type).toContain('Kode Pos 61314');
      // Dated the day it is made (an agreement in words and figures); a berita acara by the day of the mediation.
      if (job.type !== 'berita_acara_mediasi') expect(text, job.type).toMatch(/20 Maret 2026|\(20-03-2026\)/);
      if (doc.number) expect(text, job.type).toContain(doc.number);
      expect(text, job.type).not.toContain('TEDUH-NOMOR');
      for (const s of job.holds) expect(text, `${job.type} holds "${s}"`).toContain(s);
      for (const s of job.withholds ?? []) expect(text, `${job.type} withholds "${s}"`).not.toContain(s);
      expect(doc.versions).toHaveLength(1);
      expect(doc.versions[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});

describe('letter numbers', () => {
  it('follow the pattern, one series per setting, restarting each year and never reused', async () => {
    storyStartsAt(world.office, '2026-12-30T02:00:00.000Z');
    const job = world.jobs.find((j) => j.type === 'surat_pemberitahuan_penolakan')!;
    const first = await makeDocument(world, job);
    const second = await makeDocument(world, job);
    expect(first.number).toMatch(/^400\.10\/\d{3}\/UPTD-PPA\/2026$/);
    expect(second.seq).toBe(first.seq! + 1);
    expect(docxText(await contentOf(world, second.id))).toContain('30 Desember 2026');
    // Void the second: its number stays in the register with the reason, and is not given again.
    const voided = ok(await world.team.secretariat.call('documents.void', { id: second.id, version: second.version, reason: 'Salah alamat tujuan.' }));
    expect(voided).toMatchObject({ status: 'void', voidReason: 'Salah alamat tujuan.', number: second.number });
    const third = await makeDocument(world, job);
    expect(third.seq).toBe(second.seq! + 1);
    const register = ok(await world.team.secretariat.call('documents.list', { year: 2026, type: 'surat_pemberitahuan_penolakan' }));
    expect(register.rows.map((r) => [r.seq, r.status])).toEqual(expect.arrayContaining([[second.seq, 'void'], [third.seq, 'active']]));
    // A new year starts the series again at 1.
    storyStartsAt(world.office, '2027-01-04T02:00:00.000Z');
    const newYear = await makeDocument(world, job);
    expect(newYear).toMatchObject({ seq: 1, year: 2027, number: '400.10/001/UPTD-PPA/2027' });
  });
});

describe('versions: making a document again never overwrites it', () => {
  it('a second version keeps the number, the first stays readable, and a voided document cannot be made again', async () => {
    storyStartsAt(world.office, '2026-03-23T02:00:00.000Z');
    const job = world.jobs.find((j) => j.type === 'surat_undangan_mediasi')!;
    const v1 = await makeDocument(world, job);
    const v2 = ok(
      await world.team.secretariat.call('documents.generate', { caseId: job.caseId, type: job.type, documentId: v1.id, fields: { hal: 'Undangan Mediasi (Perubahan Waktu)', tembusan: ['Arsip'] } }),
    );
    expect(v2).toMatchObject({ id: v1.id, number: v1.number, latestVersion: 2, hal: 'Undangan Mediasi (Perubahan Waktu)' });
    expect(v2.versions.map((v) => v.versionNo)).toEqual([1, 2]);
    expect(v2.versions[0]!.sha256).not.toBe(v2.versions[1]!.sha256);
    const first = docxText(await contentOf(world, v1.id, 1));
    const second = docxText(await contentOf(world, v1.id));
    expect(first).toContain('Undangan Mediasi');
    expect(first).not.toContain('Perubahan Waktu');
    expect(second).toContain('Undangan Mediasi (Perubahan Waktu)');
    expect(second).toContain(v1.number!);
    // A third version keeps the header chosen for the second.
    const v3 = ok(await world.team.secretariat.call('documents.generate', { caseId: job.caseId, type: job.type, documentId: v1.id }));
    expect(docxText(await contentOf(world, v3.id))).toContain('Perubahan Waktu');
    // The number was taken once.
    const register = ok(await world.team.secretariat.call('documents.list', { caseId: job.caseId, type: job.type }));
    expect(register.rows.filter((r) => r.number === v1.number)).toHaveLength(1);

    const voided = ok(await world.team.head.call('documents.void', { id: v1.id, version: v3.version, reason: 'Mediasi dijadwalkan ulang dengan surat baru.' }));
    const again = await world.team.secretariat.call('documents.generate', { caseId: job.caseId, type: job.type, documentId: voided.id });
    expect(refused(again, 'VALIDATION').message).toContain('dibatalkan');
  });

  it('a retried request returns the document already made, with one number', async () => {
    const job = world.jobs.find((j) => j.type === 'surat_perintah_tugas')!;
    const requestId = '01900000-0000-7000-8000-00000000abcd';
    const a = await makeDocument(world, job, { requestId });
    const b = await makeDocument(world, job, { requestId });
    expect(b.id).toBe(a.id);
    expect(b.number).toBe(a.number);
    // Sent twice at the same moment (a double click on a slow PC): still one document.
    const twice = '01900000-0000-7000-8000-00000000abce';
    const [x, y] = await Promise.all([makeDocument(world, job, { requestId: twice }), makeDocument(world, job, { requestId: twice })]);
    expect(y.id).toBe(x.id);
    expect(ok(await world.team.head.call('documents.list', { search: x.number! })).total).toBe(1);
    // A new version retried after a lost answer (a LAN client) adds one version, not two.
    const again = '01900000-0000-7000-8000-00000000abcf';
    const v2 = await makeDocument(world, job, { requestId: again, documentId: x.id });
    const [r1, r2] = await Promise.all([makeDocument(world, job, { requestId: again, documentId: x.id }), makeDocument(world, job, { requestId: again, documentId: x.id })]);
    expect(v2.latestVersion).toBe(2);
    expect([r1.latestVersion, r2.latestVersion]).toEqual([2, 2]);
    expect(ok(await world.team.head.call('documents.get', { id: x.id })).versions).toHaveLength(2);
  });

  it('a screen showing an old version of the case gets CONFLICT, not a letter about a case that has changed', async () => {
    const job = world.jobs.find((j) => j.type === 'laporan_penanganan')!;
    const c = ok(await world.team.worker.call('cases.get', { id: job.caseId }));
    refused(await world.team.worker.call('documents.generate', { caseId: job.caseId, caseVersion: c.version - 1, type: job.type }), 'CONFLICT');
  });
});

describe('who may make, void and attach', () => {
  it('letters are made by the secretariat and heads; minutes and reports also by case workers; forms and receipts also by the front desk', async () => {
    const undangan = world.jobs.find((j) => j.type === 'surat_undangan_mediasi')!;
    const ba = world.jobs.find((j) => j.type === 'berita_acara_mediasi')!;
    const receipt = world.jobs.find((j) => j.type === 'tanda_terima_pengaduan')!;
    const { desk, worker, admin } = world.team;
    refused(await desk.call('documents.generate', { caseId: undangan.caseId, type: 'surat_undangan_mediasi' }), 'FORBIDDEN');
    refused(await worker.call('documents.generate', { caseId: undangan.caseId, type: 'surat_undangan_mediasi' }), 'FORBIDDEN');
    refused(await desk.call('documents.generate', { caseId: ba.caseId, type: 'berita_acara_mediasi' }), 'FORBIDDEN');
    ok(await worker.call('documents.generate', { caseId: ba.caseId, type: 'berita_acara_mediasi' }));
    const slip = ok(await desk.call('documents.generate', { caseId: receipt.caseId, type: 'tanda_terima_pengaduan' }));
    expect(slip.number).toBeNull();
    // The administrator keeps the system, not the casework.
    refused(await admin.call('documents.generate', { caseId: receipt.caseId, type: 'tanda_terima_pengaduan' }), 'FORBIDDEN');
    // Voiding is for the keepers of the register.
    refused(await desk.call('documents.void', { id: slip.id, version: slip.version, reason: 'salah' }), 'FORBIDDEN');
    refused(await worker.call('documents.void', { id: slip.id, version: slip.version, reason: 'salah' }), 'FORBIDDEN');
    ok(await world.team.secretariat.call('documents.void', { id: slip.id, version: slip.version, reason: 'Nama pelapor salah ketik.' }));
  });

  it('a document comes only from a step that produces it, and an outcome letter only after that outcome', async () => {
    const { secretariat, worker } = world.team;
    const mediation = world.cases.mediasi!;
    const accepted = world.cases.bantuanMediasi!;
    const sk = refused(await secretariat.call('documents.generate', { caseId: mediation.id, type: 'surat_keputusan' }), 'VALIDATION');
    expect(sk.message).toContain('tidak menghasilkan Surat Keputusan');
    const rejection = refused(await secretariat.call('documents.generate', { caseId: accepted.id, type: 'surat_pemberitahuan_penolakan' }), 'VALIDATION');
    expect(rejection.message).toContain('berakhir dengan: Permohonan ditolak');
    const wrongStep = refused(await secretariat.call('documents.generate', { caseId: mediation.id, type: 'surat_undangan_mediasi', stepCode: 'asesmen' }), 'VALIDATION');
    expect(wrongStep.fields).toHaveProperty('stepCode');
    // Two referrals: the letter needs to know which.
    const which = refused(await worker.call('documents.generate', { caseId: world.cases.krisis!.id, type: 'surat_rujukan' }), 'VALIDATION');
    expect(which.fields).toHaveProperty('itemId');
  });

  it('the case screen learns which documents a case can have, from which step, and what would be left blank', async () => {
    const types = ok(await world.team.secretariat.call('documents.types.list', { caseId: world.cases.mediasi!.id }));
    const byCode = new Map(types.map((t) => [t.code, t]));
    expect(byCode.get('surat_undangan_mediasi')).toMatchObject({ mayMake: true, steps: [{ code: 'undangan', status: 'done' }], problem: null, missing: [] });
    expect(byCode.get('berita_acara_mediasi')?.steps.map((s) => s.code)).toEqual(['pelaksanaan']);
    expect(byCode.has('surat_keputusan')).toBe(false);
    const desk = ok(await world.team.desk.call('documents.types.list', { caseId: world.cases.mediasi!.id }));
    expect(desk.find((t) => t.code === 'surat_undangan_mediasi')?.mayMake).toBe(false);
    expect(desk.find((t) => t.code === 'formulir_pengaduan')?.mayMake).toBe(true);
  });
});

describe('signed scans', () => {
  it('a signed PDF or JPEG is attached by its content, listed, read back, and removed only with a reason', async () => {
    const job = world.jobs.find((j) => j.type === 'berita_acara_mediasi')!;
    const doc = await makeDocument(world, job);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
    const { worker, secretariat, desk } = world.team;
    const withScan = ok(await worker.call('documents.attachScan', { id: doc.id, fileName: 'BA bertanda tangan.pdf', mime: 'application/pdf', base64: pdf.toString('base64'), note: 'Ditandatangani semua pihak' }));
    expect(withScan.scans).toBe(1);
    expect(withScan.scanList[0]).toMatchObject({ fileName: 'BA bertanda tangan.pdf', mime: 'application/pdf', size: pdf.length, removed: null });
    const back = ok(await secretariat.call('documents.content', { id: doc.id, scanId: withScan.scanList[0]!.id, purpose: 'preview' }));
    expect(fileBytes(back).equals(pdf)).toBe(true);
    expect(back.fileName).toBe('BA bertanda tangan.pdf');
    // A file whose content is not what it claims to be is refused.
    const fake = await worker.call('documents.attachScan', { id: doc.id, fileName: 'foto.jpg', mime: 'image/jpeg', base64: pdf.toString('base64') });
    expect(refused(fake, 'VALIDATION').fields).toHaveProperty('base64');
    const exe = await worker.call('documents.attachScan', { id: doc.id, fileName: 'x.pdf', mime: 'application/pdf', base64: Buffer.from('MZ\x90\x00').toString('base64') });
    refused(exe, 'VALIDATION');
    refused(await desk.call('documents.removeScan', { id: doc.id, scanId: withScan.scanList[0]!.id, reason: 'salah berkas' }), 'FORBIDDEN');
    const removed = ok(await secretariat.call('documents.removeScan', { id: doc.id, scanId: withScan.scanList[0]!.id, reason: 'Salah berkas.' }));
    expect(removed.scans).toBe(0);
    expect(removed.scanList[0]!.removed).toMatchObject({ reason: 'Salah berkas.' });
  });
});

describe('the letter register', () => {
  it('lists the agenda of outgoing letters with filters, and exports it as CSV; saving a copy is audited as such', async () => {
    const { secretariat, head } = world.team;
    const all = ok(await secretariat.call('documents.list', { numbered: true, year: 2026, pageSize: 200 }));
    expect(all.total).toBeGreaterThan(10);
    expect(all.rows.every((r) => r.number !== null)).toBe(true);
    const voided = ok(await secretariat.call('documents.list', { status: 'void' }));
    expect(voided.rows.length).toBeGreaterThan(0);
    expect(voided.rows.every((r) => r.status === 'void' && r.voidReason)).toBe(true);
    const found = ok(await secretariat.call('documents.list', { search: '/SK' }));
    expect(found.rows.length).toBeGreaterThan(0);
    expect(found.rows.every((r) => r.type === 'surat_keputusan')).toBe(true);

    const csvFile = ok(await secretariat.call('documents.exportRegister', { year: 2026 }));
    const csv = fileBytes(csvFile).toString('utf8');
    expect(csv.startsWith('\ufeffNomor;Tanggal;Jenis;Hal;Tujuan')).toBe(true);
    expect(csv).toContain(all.rows[0]!.number!);
    expect(csv).toContain('Dibatalkan');
    expect(csvFile.fileName).toBe('Agenda surat keluar 2026.csv');
    // The export holds what the screen shows: with a search, only the letters found.
    const searchedCsv = fileBytes(ok(await secretariat.call('documents.exportRegister', { year: 2026, search: '/SK' }))).toString('utf8');
    expect(searchedCsv.trim().split('\r\n')).toHaveLength(1 + found.total);

    const some = all.rows[0]!;
    const saved = ok(await secretariat.call('documents.content', { id: some.id, purpose: 'save' }));
    expect(saved.fileName).toMatch(/\.docx$/);
    expect(saved.fileName).not.toMatch(/[\\/:*?"<>|]/);
    const audit = ok(await head.call('audit.list', { action: 'documents.content', limit: 5 }));
    expect(audit[0]).toMatchObject({ entityType: 'document', entityId: some.id, outcome: 'ok' });
    expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ purpose: 'save' });
  });
});

describe('document settings', () => {
  it('paper, font, number pattern and series are settings; a new series starts at 1; a pattern must restart each year', async () => {
    const { admin, worker, secretariat } = world.team;
    const before = ok(await admin.call('documents.settings.get', {}));
    expect(before).toMatchObject({ paper: 'F4', font: 'Arial', fontSizePt: 12, numberPattern: '{klasifikasi}/{urut:3}/{unit}/{tahun}' });
    refused(await secretariat.call('documents.settings.update', { version: before.version, paper: 'A4' }), 'FORBIDDEN');
    const noYear = refused(await admin.call('documents.settings.update', { version: before.version, numberPattern: '{klasifikasi}/{urut:3}' }), 'VALIDATION');
    expect(noYear.fields?.numberPattern).toContain('{tahun}');
    const after = ok(
      await admin.call('documents.settings.update', {
        version: before.version,
        paper: 'A4',
        font: 'Bookman Old Style',
        types: { surat_rujukan: { series: 'rujukan', classification: '400.10.2', pattern: '{klasifikasi}/{urut:2}/{unit}/{bulan_romawi}/{tahun}' } },
      }),
    );
    expect(after.types.surat_rujukan).toMatchObject({ series: 'rujukan', classification: '400.10.2' });
    expect(after.types.surat_undangan_mediasi!.series).toBe('surat_keluar');
    const job = world.jobs.find((j) => j.type === 'surat_rujukan' && !j.itemId)!;
    storyStartsAt(world.office, '2026-11-23T02:00:00.000Z');
    const letter = await makeDocument(world, job);
    expect(letter.number).toBe('400.10.2/01/UPTD-PPA/XI/2026');
    expect(ok(await worker.call('documents.settings.get', {})).types.surat_rujukan!.next).toBe('400.10.2/02/UPTD-PPA/XI/2026');
    const bytes = await contentOf(world, letter.id);
    expect(readZip(bytes).get('word/styles.xml')!.toString('utf8')).toContain('w:ascii="Bookman Old Style"');
    expect(readZip(bytes).get('word/document.xml')!.toString('utf8')).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(docxText(bytes)).toContain('Mojokerto, 23 November 2026');
    ok(await admin.call('documents.settings.update', { version: after.version, paper: 'F4', font: 'Arial' }));
  });

  it('two series that would print the same number are refused, and the number is not used up', async () => {
    const { admin, secretariat } = world.team;
    const s = ok(await admin.call('documents.settings.get', {}));
    // The decrees lose their own pattern: their numbers now look like the letters'.
    const clash = ok(await admin.call('documents.settings.update', { version: s.version, types: { surat_keputusan: { pattern: '' } } }));
    storyStartsAt(world.office, '2026-11-24T02:00:00.000Z');
    const job = world.jobs.find((j) => j.type === 'surat_keputusan')!;
    const next = clash.types.surat_keputusan!.next;
    const letters = ok(await secretariat.call('documents.list', { numbered: true, search: next }));
    if (letters.total > 0) {
      const r = refused(await secretariat.call('documents.generate', { caseId: job.caseId, type: 'surat_keputusan' }), 'VALIDATION');
      expect(r.message).toContain('sudah dipakai oleh seri lain');
      expect(ok(await admin.call('documents.settings.get', {})).types.surat_keputusan!.next).toBe(next);
    }
    ok(await admin.call('documents.settings.update', { version: clash.version, types: { surat_keputusan: { pattern: '{klasifikasi}/{urut:3}/{unit}/{tahun}/{kode}' } } }));
  });
});

describe('the recovery-code sheet', () => {
  it('is printed for the administrator from the code that opens the register, and never stored', async () => {
    const { admin, head } = world.team;
    const sheet = ok(await admin.call('documents.recoverySheet', { recoveryCode: world.office.recoveryCode.toLowerCase() }));
    const text = docxText(fileBytes(sheet));
    expect(text).toContain(world.office.recoveryCode);
    expect(text).toContain('LEMBAR KODE PEMULIHAN');
    expect(text).toContain(OFFICE.name);
    const wrong = refused(await admin.call('documents.recoverySheet', { recoveryCode: '22222-33333-44444-55555-66666' }), 'VALIDATION');
    expect(wrong.fields).toHaveProperty('recoveryCode');
    refused(await head.call('documents.recoverySheet', { recoveryCode: world.office.recoveryCode }), 'FORBIDDEN');
    const stored = ok(await head.call('documents.list', { pageSize: 200 }));
    expect(stored.rows.some((r) => (r.type as string) === 'lembar_kode_pemulihan')).toBe(false);
    const audit = ok(await head.call('audit.list', { action: 'documents.recoverySheet', limit: 5 }));
    expect(audit.map((a) => a.detail ?? '').join(' ')).not.toContain(world.office.recoveryCode);
  });
});

describe('the head signs', () => {
  it('with position, name, rank and NIP from their profile', async () => {
    const job = world.jobs.find((j) => j.type === 'surat_pemberitahuan_penolakan')!;
    const text = docxText(await contentOf(world, (await makeDocument(world, job)).id));
    expect(text).toContain(`${HEAD.position},`);
    expect(text).toContain(HEAD.fullName);
    expect(text).toContain(HEAD.rank);
    expect(text).toContain(`NIP ${HEAD.nip}`);
  });

  it('a new version keeps the official chosen for the first, unless another is chosen', async () => {
    const job = world.jobs.find((j) => j.type === 'surat_perintah_tugas')!;
    const deputy = world.office.staff.head2;
    const first = await makeDocument(world, job, { signerId: deputy.id });
    const again = ok(await world.team[job.by].call('documents.generate', { caseId: job.caseId, type: job.type, documentId: first.id }));
    expect(again.versions.map((v) => v.signer)).toEqual([first.versions[0]!.signer, first.versions[0]!.signer]);
    expect(first.versions[0]!.signer).not.toBeNull();
    const other = ok(await world.team[job.by].call('documents.generate', { caseId: job.caseId, type: job.type, documentId: first.id, signerId: world.office.staff.head.id }));
    expect(other.versions[2]!.signer).not.toBe(first.versions[0]!.signer);
  });
});
