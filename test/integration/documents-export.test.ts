import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../../electron/core/documents';
import { disposeAll, login, officeWithStaff, ok, startCore, tempDir, theTeam, type StaffedOffice } from '../fixtures/office';
import { docxText, wulansComplaint } from '../fixtures/documents';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(ROOT, 'electron', 'cli', 'index.ts');

function teduh(args: string[], stdin: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const p = spawn(TSX, [CLI, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
    p.stdin.end(stdin);
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

let office: StaffedOffice;
let registerNo: string;
let numbers: string[];
beforeAll(async () => {
  office = await officeWithStaff();
  const { desk, worker, secretariat } = theTeam(office);
  const c = await desk.register(wulansComplaint());
  registerNo = c.registerNo;
  const form = ok(await desk.call('documents.generate', { caseId: c.id, type: 'formulir_pengaduan' }));
  ok(await desk.call('documents.generate', { caseId: c.id, type: 'tanda_terima_pengaduan' }));
  const report = ok(await worker.call('documents.generate', { caseId: c.id, type: 'laporan_penanganan' }));
  const again = ok(await worker.call('documents.generate', { caseId: c.id, type: 'laporan_penanganan', documentId: report.id }));
  const spare = ok(await worker.call('documents.generate', { caseId: c.id, type: 'laporan_penanganan' }));
  ok(await secretariat.call('documents.void', { id: spare.id, version: spare.version, reason: 'Dibuat dua kali.' }));
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
  ok(await desk.call('documents.attachScan', { id: form.id, fileName: 'formulir ttd.pdf', mime: 'application/pdf', base64: pdf.toString('base64') }));
  numbers = [again.number!, spare.number!];
  expect(again.latestVersion).toBe(2);
  office.core.close();
}, 120_000);
afterAll(disposeAll);

describe('teduh export-documents', () => {
  it('writes the newest version of every document, the signed scans and the register, and records the export', async () => {
    const out = join(tempDir('teduh-export-'), 'arsip');
    const r = await teduh(['export-documents', '--data-dir', office.dataDir, '--out', out], `${office.staff.secretariat.password}\n`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4 dokumen dan 1 pindaian');
    expect(r.stdout).toContain('tidak terenkripsi');
    const files = filesUnder(out);
    expect(files.filter((f) => f.endsWith('.docx'))).toHaveLength(4);
    expect(files).toContain('agenda-surat.csv');
    expect(files.some((f) => f.startsWith('2026/pindaian/') && f.endsWith('.pdf'))).toBe(true);
    expect(files.some((f) => f.includes('DIBATALKAN'))).toBe(true);
    for (const f of files) expect(f).not.toMatch(/Wulan|Eko/);
    const report = files.find((f) => f.includes('LAP') && f.includes('v2'))!;
    expect(report).toBeDefined();
    const text = docxText(readFileSync(join(out, report)));
    expect(text).toContain(numbers[0]);
    expect(text).toContain(registerNo);
    expect(readZip(readFileSync(join(out, report))).has('word/document.xml')).toBe(true);
    const csv = readFileSync(join(out, 'agenda-surat.csv'), 'utf8');
    for (const n of numbers) expect(csv).toContain(n);

    const core = startCore(office.dataDir);
    const token = await login(core, office.staff.head.username, office.staff.head.password);
    const audit = await core.call({ token }, 'audit.list', { action: 'documents.export' });
    expect(audit.ok && audit.value).toEqual([expect.objectContaining({ username: office.staff.secretariat.username, outcome: 'ok' })]);
    core.close();
  });

  it('opens with the recovery code too; refuses a wrong password and a folder that is not empty', async () => {
    const out = join(tempDir('teduh-export-'), 'arsip');
    const byCode = await teduh(['export-documents', '--data-dir', office.dataDir, '--out', out], `${office.recoveryCode}\n`);
    expect(byCode.code).toBe(0);
    expect(byCode.stdout).toContain('kode pemulihan');

    const again = await teduh(['export-documents', '--data-dir', office.dataDir, '--out', out], `${office.recoveryCode}\n`);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('folder tujuan harus kosong');

    const empty = join(tempDir('teduh-export-'), 'lain');
    mkdirSync(empty);
    const wrong = await teduh(['export-documents', '--data-dir', office.dataDir, '--out', empty], 'bukan-kata-sandi\n');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Kata sandi atau kode pemulihan salah');
    expect(readdirSync(empty)).toEqual([]);

    const usage = await teduh(['export-documents', '--data-dir', office.dataDir], 'x\n');
    expect(usage.code).toBe(2);
  });
});
