import { createHash, randomUUID } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../electron/core/api/contract-documents';
import type { ApiResult } from '../../electron/core/api/errors';
import { OpenCopies, copyNameFor, createFileActions, fileMessages, safeCopyName, type FileActionDeps, type FileKind } from '../../electron/core/files';
import { disposeAll, login, officeWithStaff, ok, tempDir, theTeam, type Acting, type StaffedOffice } from '../fixtures/office';
import { wulansComplaint } from '../fixtures/documents';

/**
 * "Open in Word" and "Save as" as the desktop app's main process carries them out, against a
 * real core on a real encrypted register: the bytes are read through the user's own session,
 * the core records each read with its purpose, and the files land only where they should.
 */

let office: StaffedOffice;
let team: ReturnType<typeof theTeam>;
let letter: DocumentDetail;
let form: DocumentDetail;
let letterFile: { fileName: string; sha256: string };
let scanId: string;
const scanBytes = Buffer.from('%PDF-1.4\n% ditandatangani\n%%EOF\n');
/** Someone whose root account would ignore folder permissions (the tests of refused writes need a normal user). */
const posix = process.platform !== 'win32';

beforeAll(async () => {
  office = await officeWithStaff();
  team = theTeam(office);
  const { desk, worker } = team;
  const c = await desk.register(wulansComplaint());
  letter = ok(await worker.call('documents.generate', { caseId: c.id, type: 'laporan_penanganan' }));
  form = ok(await desk.call('documents.generate', { caseId: c.id, type: 'formulir_pengaduan' }));
  form = ok(await desk.call('documents.attachScan', { id: form.id, fileName: 'formulir ttd.pdf', mime: 'application/pdf', base64: scanBytes.toString('base64') }));
  scanId = form.scanList[0]!.id;
  letterFile = ok(await worker.call('documents.content', { id: letter.id, purpose: 'preview' }));
}, 120_000);
afterAll(disposeAll);

async function tokenOf(person: Acting): Promise<string> {
  if (!person.who.token) person.who.token = await login(office.core, person.who.username, person.who.password);
  return person.who.token;
}

interface Desk {
  act: ReturnType<typeof createFileActions>;
  copies: OpenCopies;
  saveDir: string;
  opened: string[];
  dialogs: { defaultName: string; kind: FileKind }[];
  reads: string[];
}

/** A PC's file actions for one person's page: a save dialog that answers `choose`, programs that answer `openAnswer`. */
async function deskOf(
  person: Acting | null,
  opts: { choose?: (defaultName: string, saveDir: string) => string | null; openAnswer?: string; call?: FileActionDeps['call'] } = {},
): Promise<Desk> {
  const root = tempDir('teduh-files-');
  const copies = new OpenCopies(join(root, 'open-documents'));
  const saveDir = join(root, 'Dokumen');
  mkdirSync(saveDir);
  const token = person ? await tokenOf(person) : undefined;
  const desk: Desk = { act: null as never, copies, saveDir, opened: [], dialogs: [], reads: [] };
  desk.act = createFileActions({
    call:
      opts.call ??
      ((method, input) => {
        desk.reads.push(method);
        return office.core.call({ token }, method, input);
      }),
    copies,
    chooseSavePath: async (defaultName, kind) => {
      desk.dialogs.push({ defaultName, kind });
      const choose = opts.choose ?? ((name, dir) => join(dir, name));
      return choose(defaultName, saveDir);
    },
    openPath: async (path) => {
      desk.opened.push(path);
      return opts.openAnswer ?? '';
    },
  });
  return desk;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The newest audit entries of an action, as the administrator's audit screen lists them. */
async function audited(action: string): Promise<{ username: string | null; entityId: string | null; detail: Record<string, unknown> }[]> {
  const entries = ok(await team.admin.call('audit.list', { action, limit: 500 }));
  return entries.map((e) => ({ username: e.username, entityId: e.entityId, detail: e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : {} }));
}

async function savesRecorded(): Promise<number> {
  return (await audited('documents.content')).filter((e) => e.detail.purpose === 'save').length;
}

function refusedWith(r: ApiResult<unknown>, code: string): { message: string; fields?: Record<string, string> } {
  if (r.ok) expect.fail(`expected ${code}, got success`);
  expect(r.error.code).toBe(code);
  return r.error;
}

describe('open in Word', () => {
  it('writes a temporary copy of exactly the stored letter, opens it, and the core records the purpose "open"', async () => {
    const desk = await deskOf(team.worker);
    const r = await desk.act('open', { target: { kind: 'document', id: letter.id } });
    expect(r).toEqual({ ok: true, value: { fileName: letterFile.fileName } });
    expect(desk.opened).toHaveLength(1);
    const path = desk.opened[0]!;
    expect(relative(desk.copies.dir, path).startsWith('..')).toBe(false);
    expect(basename(path)).toBe(letterFile.fileName);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(sha256(bytes)).toBe(letterFile.sha256);
    expect(sha256(bytes)).toBe(letter.versions[0]!.sha256);
    if (posix) {
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
      expect(statSync(desk.copies.dir).mode & 0o777).toBe(0o700);
    }
    const [entry] = await audited('documents.content');
    expect(entry).toMatchObject({ username: team.worker.who.username, entityId: letter.id, detail: { purpose: 'open', version: 1 } });
    expect(desk.dialogs).toEqual([]);
  });

  it('two copies of one letter never share a folder', async () => {
    const desk = await deskOf(team.worker);
    ok(await desk.act('open', { target: { kind: 'document', id: letter.id } }));
    ok(await desk.act('open', { target: { kind: 'document', id: letter.id } }));
    expect(new Set(desk.opened.map((p) => dirname(p))).size).toBe(2);
  });

  it('a PC with no program for .docx: the copy is removed again and the message says why, in Indonesian', async () => {
    const desk = await deskOf(team.worker, { openAnswer: 'Failed to open: No application is associated with the specified file for this operation. (0x483)' });
    const r = await desk.act('open', { target: { kind: 'document', id: letter.id } });
    expect(refusedWith(r, 'INTERNAL').message).toBe('Berkas tidak dapat dibuka: tidak ada program untuk berkas .docx di PC ini.');
    expect(filesUnder(desk.copies.dir)).toEqual([]);
    expect(readdirSync(desk.copies.dir)).toEqual([]);

    const other = await deskOf(team.worker, { openAnswer: 'Failed to open path' });
    const r2 = await other.act('open', { target: { kind: 'document', id: letter.id } });
    expect(refusedWith(r2, 'INTERNAL').message).toBe(fileMessages.openFailed('docx'));
    expect(filesUnder(other.copies.dir)).toEqual([]);
  });

  it('opens a signed scan as a PDF', async () => {
    const desk = await deskOf(team.desk);
    const r = await desk.act('open', { target: { kind: 'document', id: form.id, scanId } });
    expect(r).toEqual({ ok: true, value: { fileName: 'formulir ttd.pdf' } });
    expect(readFileSync(desk.opened[0]!)).toEqual(scanBytes);
    const [entry] = await audited('documents.content');
    expect(entry).toMatchObject({ entityId: form.id, detail: { purpose: 'open', scanId } });
  });
});

describe('save as', () => {
  it('a save the user cancels in the dialog reads no file and records no save', async () => {
    const before = (await audited('documents.content')).length;
    const desk = await deskOf(team.worker, { choose: () => null });
    const r = await desk.act('save', { target: { kind: 'document', id: letter.id } });
    expect(r).toEqual({ ok: true, value: { saved: false, fileName: letterFile.fileName } });
    expect(desk.dialogs).toEqual([{ defaultName: letterFile.fileName, kind: 'docx' }]);
    expect(desk.reads).not.toContain('documents.content');
    expect((await audited('documents.content')).length).toBe(before);
    expect(filesUnder(desk.saveDir)).toEqual([]);
    expect(filesUnder(desk.copies.dir)).toEqual([]);
  });

  it('writes the letter where the user chose, whole, and the core records the purpose "save"', async () => {
    const savesBefore = await savesRecorded();
    const desk = await deskOf(team.worker, { choose: (_name, dir) => join(dir, 'Laporan untuk kepolisian.docx') });
    const r = await desk.act('save', { target: { kind: 'document', id: letter.id, versionNo: 1 } });
    expect(r).toEqual({ ok: true, value: { saved: true, fileName: 'Laporan untuk kepolisian.docx' } });
    expect(desk.dialogs).toEqual([{ defaultName: letterFile.fileName, kind: 'docx' }]);
    expect(filesUnder(desk.saveDir)).toEqual(['Laporan untuk kepolisian.docx']);
    const bytes = readFileSync(join(desk.saveDir, 'Laporan untuk kepolisian.docx'));
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(sha256(bytes)).toBe(letterFile.sha256);
    expect(await savesRecorded()).toBe(savesBefore + 1);
    const [entry] = await audited('documents.content');
    expect(entry).toMatchObject({ username: team.worker.who.username, entityId: letter.id, detail: { purpose: 'save', version: 1 } });
  });

  it('replaces a file the user chose to overwrite', async () => {
    const desk = await deskOf(team.worker);
    ok(await desk.act('save', { target: { kind: 'document', id: letter.id } }));
    ok(await desk.act('save', { target: { kind: 'document', id: letter.id } }));
    expect(filesUnder(desk.saveDir)).toEqual([letterFile.fileName]);
    expect(sha256(readFileSync(join(desk.saveDir, letterFile.fileName)))).toBe(letterFile.sha256);
  });

  it('saves a signed scan under its own name, as a PDF', async () => {
    const desk = await deskOf(team.desk);
    const r = await desk.act('save', { target: { kind: 'document', id: form.id, scanId } });
    expect(r).toEqual({ ok: true, value: { saved: true, fileName: 'formulir ttd.pdf' } });
    expect(desk.dialogs).toEqual([{ defaultName: 'formulir ttd.pdf', kind: 'pdf' }]);
    expect(readFileSync(join(desk.saveDir, 'formulir ttd.pdf'))).toEqual(scanBytes);
    const [entry] = await audited('documents.content');
    expect(entry).toMatchObject({ entityId: form.id, detail: { purpose: 'save', scanId } });
  });

  it('a scan that is not on the document: not found, and no dialog', async () => {
    const desk = await deskOf(team.desk);
    refusedWith(await desk.act('save', { target: { kind: 'document', id: form.id, scanId: randomUUID() } }), 'NOT_FOUND');
    expect(desk.dialogs).toEqual([]);
  });

  it('saves the letter register as CSV for a spreadsheet, and the export is recorded', async () => {
    const exportsBefore = (await audited('documents.exportRegister')).length;
    const desk = await deskOf(team.secretariat);
    const r = await desk.act('save', { target: { kind: 'register', year: 2026 } });
    expect(r).toEqual({ ok: true, value: { saved: true, fileName: 'Agenda surat keluar 2026.csv' } });
    expect(desk.dialogs).toEqual([{ defaultName: 'Agenda surat keluar 2026.csv', kind: 'csv' }]);
    const csv = readFileSync(join(desk.saveDir, 'Agenda surat keluar 2026.csv'), 'utf8');
    expect(csv).toContain('Nomor;Tanggal;Jenis');
    expect(csv).toContain(letter.number!);
    const exports = await audited('documents.exportRegister');
    expect(exports.length).toBe(exportsBefore + 1);
    expect(exports[0]).toMatchObject({ username: team.secretariat.who.username, detail: { export: 'csv' } });
  });

  it("saves the month's recap as a real .xlsx under a name with its period, for heads only, and the export is recorded", async () => {
    const exportsBefore = (await audited('reports.export')).length;
    const target = { kind: 'report', period: { from: '2026-02-01', to: '2026-02-28' }, format: 'xlsx', hideSmallCounts: true } as const;
    const desk = await deskOf(team.head);
    const r = await desk.act('save', { target });
    expect(r).toEqual({ ok: true, value: { saved: true, fileName: 'Rekap 2026-02-01 sd 2026-02-28 (untuk luar Dinas).xlsx' } });
    expect(desk.dialogs).toEqual([{ defaultName: 'Rekap 2026-02-01 sd 2026-02-28 (untuk luar Dinas).xlsx', kind: 'xlsx' }]);
    expect(desk.reads).toEqual(['reports.export']);
    const bytes = readFileSync(join(desk.saveDir, 'Rekap 2026-02-01 sd 2026-02-28 (untuk luar Dinas).xlsx'));
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await audited('reports.export')).length).toBe(exportsBefore + 1);

    // One table as CSV names the table; a case worker is refused by the core after the dialog, and nothing is written.
    const csv = await deskOf(team.head);
    ok(await csv.act('save', { target: { ...target, format: 'csv', table: 'byKecamatan', hideSmallCounts: false } }));
    expect(csv.dialogs).toEqual([{ defaultName: 'Rekap byKecamatan 2026-02-01 sd 2026-02-28.csv', kind: 'csv' }]);
    const worker = await deskOf(team.worker);
    refusedWith(await worker.act('save', { target }), 'FORBIDDEN');
    expect(filesUnder(worker.saveDir)).toEqual([]);
  });

  it('a folder that is gone: an Indonesian message, and nothing half-written anywhere', async () => {
    const desk = await deskOf(team.worker, { choose: (name, dir) => join(dir, 'sudah dihapus', name) });
    const r = await desk.act('save', { target: { kind: 'document', id: letter.id } });
    expect(refusedWith(r, 'INTERNAL').message).toBe('Berkas tidak dapat disimpan: folder tujuan tidak ditemukan.');
    expect(filesUnder(desk.saveDir)).toEqual([]);
  });

  it('a name taken by a folder: an Indonesian message, the folder untouched, and no temporary file left', async () => {
    const desk = await deskOf(team.worker);
    const taken = join(desk.saveDir, letterFile.fileName);
    mkdirSync(taken);
    const r = await desk.act('save', { target: { kind: 'document', id: letter.id } });
    expect(refusedWith(r, 'INTERNAL').message).toBe(fileMessages.saveFailed);
    expect(readdirSync(desk.saveDir)).toEqual([letterFile.fileName]);
    expect(readdirSync(taken)).toEqual([]);
  });
});

describe('a lock while the file is read', () => {
  it('writes and opens no copy once the page has no session any more', async () => {
    const desk = await deskOf(team.worker);
    let checks = 0;
    for (const liveUntil of [0, 1]) {
      checks = 0;
      const opened: string[] = [];
      const act = createFileActions({
        call: (method, input) => office.core.call({ token: office.staff.caseWorker.token }, method, input),
        copies: desk.copies,
        chooseSavePath: async () => null,
        openPath: async (path) => {
          opened.push(path);
          return '';
        },
        // Live for the first `liveUntil` checks: the lock comes before the write, or between the write and Word.
        sessionStillLive: () => checks++ < liveUntil,
      });
      refusedWith(await act('open', { target: { kind: 'document', id: letter.id } }), 'UNAUTHENTICATED');
      expect(opened).toEqual([]);
      expect(filesUnder(desk.copies.dir)).toEqual([]);
    }
  });
});

describe('choosing a backup to restore', () => {
  it('answers the path chosen in the open dialog, or null where there is no dialog, and reads nothing', async () => {
    const desk = await deskOf(null);
    expect(await desk.act('chooseBackup', {})).toEqual({ ok: true, value: { path: null } });
    const withDialog = createFileActions({
      call: async () => expect.fail('nothing is read'),
      copies: desk.copies,
      chooseSavePath: async () => null,
      openPath: async () => '',
      chooseBackupPath: async () => 'E:\\Teduh-cadangan-20261122-170000.tdbk',
    });
    expect(await withDialog('chooseBackup', {})).toEqual({ ok: true, value: { path: 'E:\\Teduh-cadangan-20261122-170000.tdbk' } });
    refusedWith(await withDialog('chooseBackup', { path: '/etc/passwd' }), 'VALIDATION');
    expect(desk.reads).toEqual([]);
  });
});

describe('what the page may ask', () => {
  it('malformed arguments are a VALIDATION error naming the field, and nothing is read', async () => {
    const desk = await deskOf(team.worker);
    const bad = refusedWith(await desk.act('open', { target: { kind: 'document', id: 'bukan-id' } }), 'VALIDATION');
    expect(bad.fields).toEqual({ 'target.id': 'ID tidak valid' });
    expect(bad.message).toBe('Data yang diisi belum benar. Periksa kembali isian yang ditandai.');
    refusedWith(await desk.act('save', { target: { kind: 'document', id: letter.id }, path: '/etc/passwd' }), 'VALIDATION');
    refusedWith(await desk.act('save', { target: { kind: 'register', year: 1999 } }), 'VALIDATION');
    refusedWith(await desk.act('open', null), 'VALIDATION');
    refusedWith(await desk.act('delete', { target: { kind: 'document', id: letter.id } }), 'UNKNOWN_METHOD');
    refusedWith(await desk.act('__proto__', {}), 'UNKNOWN_METHOD');
    expect(desk.reads).toEqual([]);
    expect(desk.dialogs).toEqual([]);
  });

  it("without a session the core's UNAUTHENTICATED answer comes back unchanged, and no dialog opens", async () => {
    const desk = await deskOf(null);
    const direct = await office.core.call({}, 'documents.content', { id: letter.id, purpose: 'open' });
    expect(await desk.act('open', { target: { kind: 'document', id: letter.id } })).toEqual(direct);
    refusedWith(await desk.act('save', { target: { kind: 'document', id: letter.id } }), 'UNAUTHENTICATED');
    refusedWith(await desk.act('save', { target: { kind: 'register' } }), 'UNAUTHENTICATED');
    expect(desk.dialogs).toHaveLength(1); // the register's name needs no read; the read after the dialog is refused
    expect(filesUnder(desk.saveDir)).toEqual([]);
    expect(filesUnder(desk.copies.dir)).toEqual([]);
  });

  it('a document that does not exist: the core\'s NOT_FOUND comes back unchanged', async () => {
    const desk = await deskOf(team.worker);
    const id = randomUUID();
    const direct = await office.core.call({ token: await tokenOf(team.worker) }, 'documents.content', { id, purpose: 'open' });
    expect(await desk.act('open', { target: { kind: 'document', id } })).toEqual(direct);
  });

  it('a file whose bytes do not match what the core described is not opened', async () => {
    const desk = await deskOf(team.worker, {
      call: async () => ({ ok: true, value: { fileName: 'x.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', base64: Buffer.from('PK').toString('base64'), sha256: '0'.repeat(64), size: 2 } }),
    });
    expect(refusedWith(await desk.act('open', { target: { kind: 'document', id: letter.id } }), 'INTERNAL').message).toBe(fileMessages.incomplete);
    expect(desk.opened).toEqual([]);
  });

  it('a hostile file name from the other end becomes one plain name inside the copies folder, with its kind\'s extension', async () => {
    const bytes = Buffer.from('PK\u0003\u0004 bukan dokumen sungguhan');
    const desk = await deskOf(team.worker, {
      call: async () => ({
        ok: true,
        value: { fileName: '..\\..\\..\\Startup\\jalankan.exe', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', base64: bytes.toString('base64'), sha256: sha256(bytes), size: bytes.length },
      }),
    });
    const r = await desk.act('open', { target: { kind: 'document', id: letter.id } });
    expect(r).toEqual({ ok: true, value: { fileName: 'Startup-jalankan.docx' } });
    const path = desk.opened[0]!;
    expect(dirname(dirname(path))).toBe(desk.copies.dir);
  });
});

describe('the copies folder', () => {
  it('is wiped: every copy zeroed, then deleted, with its folder', async () => {
    const desk = await deskOf(team.worker);
    ok(await desk.act('open', { target: { kind: 'document', id: letter.id } }));
    ok(await desk.act('open', { target: { kind: 'document', id: form.id, scanId } }));
    // A second name for the first copy's bytes shows what a wipe leaves on the disk.
    const witness = join(dirname(desk.copies.dir), 'saksi');
    if (posix) linkSync(desk.opened[0]!, witness);
    expect(desk.copies.wipe()).toEqual({ removed: 2, left: 0 });
    expect(readdirSync(desk.copies.dir)).toEqual([]);
    if (posix) {
      const left = readFileSync(witness);
      expect(left.length).toBeGreaterThan(0);
      expect(left.every((b) => b === 0)).toBe(true);
    }
    expect(desk.copies.wipe()).toEqual({ removed: 0, left: 0 });
    expect(new OpenCopies(join(desk.saveDir, 'never-made')).wipe()).toEqual({ removed: 0, left: 0 });
  });

  it('removes only its own copies', async () => {
    const desk = await deskOf(team.worker);
    ok(await desk.act('save', { target: { kind: 'document', id: letter.id } }));
    const saved = join(desk.saveDir, letterFile.fileName);
    expect(desk.copies.remove(saved)).toBe(false);
    expect(desk.copies.remove(join(desk.copies.dir, '..', 'Dokumen', letterFile.fileName))).toBe(false);
    expect(desk.copies.remove(desk.copies.dir)).toBe(false);
    expect(existsSync(saved)).toBe(true);
  });
});

describe('file names of copies', () => {
  it.each([
    ['..\\..\\x.docx', 'x.docx'],
    ['../../etc/passwd', 'etc-passwd'],
    ['LAP 470/12/PPA/2026 v1.docx', 'LAP 470-12-PPA-2026 v1.docx'],
    ['CON.docx', '_CON.docx'],
    ['lpt1', '_lpt1'],
    ['surat: "penting"?*<>|.docx', 'surat_ _penting______.docx'],
    ['laporan\u202Excod.exe', 'laporanxcod.exe'],
    ['baris\r\nbaru\u0000.pdf', 'barisbaru.pdf'],
    ['.tersembunyi.docx', 'tersembunyi.docx'],
    ['titik di akhir. . .', 'titik di akhir'],
    ['', 'dokumen'],
    ['.docx', 'dokumen.docx'],
    ['Surat untuk Ibu Ratna.docx', 'Surat untuk Ibu Ratna.docx'],
  ])('%j becomes %j', (name, safe) => {
    expect(safeCopyName(name)).toBe(safe);
  });

  it('are capped in length and keep their extension', () => {
    const long = safeCopyName(`${'Surat pengantar '.repeat(20)}.docx`);
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long.endsWith('.docx')).toBe(true);
  });

  it("always carry their kind's extension", () => {
    expect(copyNameFor('laporan.exe', 'docx')).toBe('laporan.docx');
    expect(copyNameFor('pindaian.JPEG', 'jpeg')).toBe('pindaian.JPEG');
    expect(copyNameFor('pindaian', 'pdf')).toBe('pindaian.pdf');
    expect(copyNameFor('agenda.csv.lnk', 'csv')).toBe('agenda.csv.csv');
  });

  it('a copy written under a traversal name stays in its own folder', () => {
    const copies = new OpenCopies(join(tempDir(), 'open-documents'));
    const bytes = Buffer.from('PK');
    const path = copies.write({ fileName: '..\\..\\x.docx', mime: 'x', base64: bytes.toString('base64'), sha256: sha256(bytes), size: 2 });
    expect(basename(path)).toBe('x.docx');
    expect(dirname(dirname(path))).toBe(copies.dir);
    expect(copies.remove(path)).toBe(true);
    expect(readdirSync(copies.dir)).toEqual([]);
  });
});
