import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InputOf } from '../../electron/core/api/contract';
import { addStaff, apiOf, casePath, openAs, staff, type Staff } from './case-helpers';
import { expect, keepScreenshot, logIn, test, type Harness } from './fixtures';
import { addFrontDeskOfficer, frontDesk, logInByApi } from './cases-api';

/**
 * The secretariat's documents, in the real UI against the real core: a letter made from the
 * step that calls for it, previewed, printed, opened in Word through a temporary copy that the
 * lock wipes, saved as an unencrypted copy only after the warning, a signed scan attached, and
 * the letter found, voided and exported in the letter register.
 */

const secretariat: Staff = { username: 'rina.sek', fullName: 'Rina Marlina', role: 'secretariat', password: 'Sekretariat-2026' };

const rejectedRequest = (): InputOf<'cases.register'> => ({
  serviceCode: 'bantuan_mediasi',
  channel: 'walk_in',
  reporter: { fullName: 'Hartini Wulandari', sex: 'P', phone: '085642622226', relation: 'keluarga_saudara' },
  victims: [{ fullName: 'Sulastri', birthDate: '1994-05-17', sex: 'P' }],
  perpetrators: [{ fullName: 'Darmaji', sex: 'L', relation: 'suami_istri' }],
  violenceTypes: ['psikis'],
  consent: { givenBy: 'victim', name: 'Sulastri', date: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10) },
});

/** A mediation request the head has turned down: the case now calls for a Surat Pemberitahuan. */
async function aRejectedRequest(harness: Harness): Promise<string> {
  const call = apiOf(harness);
  await addStaff(harness, [staff.head, secretariat]);
  const desk = await addFrontDeskOfficer(harness.url);
  const head = await logInByApi(harness.url, staff.head.username, staff.head.password);
  const { id } = await call(desk, 'cases.register', rejectedRequest());
  let c = await call(desk, 'cases.get', { id });
  c = await call(desk, 'steps.complete', { caseId: id, caseVersion: c.version, step: 'permohonan', data: { request: 'Mediasi tentang harta bersama.' }, note: '' });
  await call(head, 'steps.complete', {
    caseId: id,
    caseVersion: c.version,
    step: 'pertimbangan',
    outcome: 'ditolak',
    data: { consideration: 'Perkara harta bersama adalah wewenang Pengadilan Agama.' },
    note: '',
  });
  return id;
}

const filesIn = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : []);

test('a letter is made from its step, previewed, printed, opened in Word and saved only after the warning', async ({ browser, harness }, testInfo) => {
  const caseId = await aRejectedRequest(harness);
  const page = await (await browser.newContext()).newPage();
  // The print dialog is the browser's: record what would be printed instead of opening it.
  await page.addInitScript(() => {
    window.print = () => {
      const w = window as unknown as { printed: { pages: number; text: string; pageRule: string } };
      w.printed = {
        pages: document.querySelectorAll('.docx-print-root section.docx').length,
        text: document.querySelector('.docx-print-root')?.textContent ?? '',
        pageRule: [...document.head.querySelectorAll('style')].map((s) => s.textContent ?? '').find((t) => t.includes('@page')) ?? '',
      };
    };
  });
  await page.goto(harness.url);
  await logIn(page, secretariat.username, secretariat.password);
  await page.getByTestId('current-user').waitFor();
  await page.goto(`${harness.url}#${casePath(caseId)}`);

  await page.getByRole('tab', { name: 'Dokumen' }).click();
  await expect(page.getByText('Belum ada dokumen untuk kasus ini.')).toBeVisible();
  await page.getByRole('button', { name: 'Buat Surat Pemberitahuan Penolakan Permohonan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Buat Surat Pemberitahuan Penolakan Permohonan' });
  await dialog.getByLabel('Sifat').fill('Segera');
  await dialog.getByRole('button', { name: 'Buat dokumen' }).click();

  // The letter opens at once, numbered, with its pages rendered from the stored file.
  const detail = page.getByTestId('document-detail');
  const year = new Date().getFullYear();
  await expect(detail.getByText(new RegExp(`/001/.*/${year}`))).toBeVisible();
  const number = (await detail.getByText(new RegExp(`/001/.*/${year}`)).first().textContent())!.trim();
  const preview = page.getByTestId('document-preview');
  await expect(preview).toHaveAttribute('data-rendered', 'true');
  await expect(preview).toContainText('Hartini Wulandari');
  await expect(preview).toContainText('Perkara harta bersama adalah wewenang Pengadilan Agama.');
  await expect(preview).toContainText(number);
  await expect(preview).toContainText('Segera');
  await keepScreenshot(page, testInfo, 'letter-preview');

  // Print: the pages of the letter, on paper of the letter's own size.
  await detail.getByRole('button', { name: 'Cetak' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed?: { pages: number } }).printed?.pages ?? 0)).toBeGreaterThan(0);
  const printed = await page.evaluate(() => (window as unknown as { printed: { text: string; pageRule: string } }).printed);
  expect(printed.text).toContain(number);
  expect(printed.pageRule).toMatch(/@page \{ size: [\d.]+pt [\d.]+pt; margin: 0; \}/);
  await expect(page.locator('.docx-print-root')).toHaveCount(0);

  // Open in Word: a temporary copy in the app's own folder...
  await detail.getByRole('button', { name: 'Buka di Word' }).click();
  await expect(page.getByText(/dibuka di Word/)).toBeVisible();
  const opened = filesIn(harness.copiesDir);
  expect(opened).toHaveLength(1);
  expect(opened[0]).toMatch(/\.docx$/);

  // Save a copy: nothing leaves before the warning is accepted.
  await detail.getByRole('button', { name: 'Simpan salinan…' }).click();
  const warning = page.getByRole('dialog', { name: 'Simpan salinan di luar register' });
  await expect(warning).toContainText('tidak terenkripsi');
  await warning.getByRole('button', { name: 'Batal' }).click();
  expect(filesIn(harness.saveDir)).toHaveLength(0);
  await detail.getByRole('button', { name: 'Simpan salinan…' }).click();
  await warning.getByRole('button', { name: 'Saya mengerti, pilih tempat simpan' }).click();
  await expect(page.getByText(/Salinan disimpan/)).toBeVisible();
  const saved = filesIn(harness.saveDir);
  expect(saved).toHaveLength(1);
  const bytes = readFileSync(join(harness.saveDir, saved[0]!));
  expect(bytes.subarray(0, 2).toString()).toBe('PK');

  // Locking the register wipes the temporary copies (the saved copy is the user's).
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Kunci layar' }).click();
  await expect(page.getByLabel('Nama pengguna')).toBeVisible();
  await expect.poll(() => filesIn(harness.copiesDir)).toHaveLength(0);
  expect(filesIn(harness.saveDir)).toHaveLength(1);

  // The audit trail says who saved a copy, and that it was a copy.
  const adminToken = await logInByApi(harness.url, 'admin', 'Teduh-Admin-2025');
  const entries = await apiOf(harness)(adminToken, 'audit.list', {});
  const contentReads = entries.filter((e) => e.action === 'documents.content');
  expect(contentReads.map((e) => JSON.stringify(e.detail))).toEqual(expect.arrayContaining([expect.stringContaining('save'), expect.stringContaining('open'), expect.stringContaining('print')]));
});

test('a signed scan is attached, the letter is voided with its reason, and the register still lists the number and exports it', async ({ browser, harness }, testInfo) => {
  const caseId = await aRejectedRequest(harness);
  const call = apiOf(harness);
  const token = await logInByApi(harness.url, secretariat.username, secretariat.password);
  const letter = await call(token, 'documents.generate', { caseId, type: 'surat_pemberitahuan_penolakan' });
  const page = await openAs(browser, harness, secretariat, '/letters');

  const register = page.getByTestId('letter-register');
  await expect(register).toContainText(letter.number!);
  await expect(register).toContainText(letter.registerNo!);
  await register.getByText(letter.number!).click();
  const detail = page.getByTestId('document-detail');
  await expect(page.getByTestId('document-preview')).toHaveAttribute('data-rendered', 'true');

  // A signed scan: a PDF, checked by its content.
  await detail.getByLabel('Keterangan pindaian').fill('Ditandatangani Kepala UPTD');
  const chooser = page.waitForEvent('filechooser');
  await detail.getByRole('button', { name: 'Lampirkan PDF/JPG…' }).click();
  await (await chooser).setFiles({ name: 'surat-bertanda-tangan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') });
  await expect(detail.getByTestId('document-scans')).toContainText('surat-bertanda-tangan.pdf');
  await expect(detail.getByTestId('document-scans')).toContainText('Ditandatangani Kepala UPTD');
  await keepScreenshot(page, testInfo, 'letter-with-scan');
  // Not a PDF: refused in the page, nothing attached.
  const chooser2 = page.waitForEvent('filechooser');
  await detail.getByRole('button', { name: 'Lampirkan PDF/JPG…' }).click();
  await (await chooser2).setFiles({ name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from('bukan pindaian') });
  await expect(page.getByText('Pindaian harus berkas PDF atau JPG.')).toBeVisible();
  await expect(detail.getByTestId('document-scans').locator('tbody tr')).toHaveCount(1);

  // Voiding needs a reason; the number stays in the register, marked.
  await detail.getByRole('button', { name: 'Batalkan dokumen' }).click();
  const voidDialog = page.getByRole('dialog', { name: `Batalkan ${letter.number}` });
  await voidDialog.getByRole('button', { name: 'Batalkan dokumen' }).click();
  await expect(voidDialog.getByText('Alasan wajib diisi')).toBeVisible();
  await voidDialog.getByLabel('Alasan').fill('Salah alamat pemohon; surat dibuat ulang.');
  await voidDialog.getByRole('button', { name: 'Batalkan dokumen' }).click();
  await expect(detail.getByText('Salah alamat pemohon; surat dibuat ulang.')).toBeVisible();
  await page.keyboard.press('Escape');

  await keepScreenshot(page, testInfo, 'letter-register');
  await page.getByLabel('Status').selectOption('void');
  await expect(register.locator('tbody tr')).toHaveCount(1);
  await expect(register).toContainText('Dibatalkan');
  await page.getByLabel('Status').selectOption('active');
  await expect(page.getByText('Tidak ada surat yang cocok.')).toBeVisible();
  await page.getByLabel('Status').selectOption('');
  await page.getByLabel('Tahun').selectOption('Semua tahun');
  await expect(register).toContainText(letter.number!);

  // Export: a CSV copy, after the warning.
  await page.getByRole('button', { name: 'Ekspor CSV…' }).click();
  await page.getByRole('button', { name: 'Saya mengerti, pilih tempat simpan' }).click();
  await expect(page.getByText(/Salinan disimpan/)).toBeVisible();
  const csvName = filesIn(harness.saveDir).find((n) => n.endsWith('.csv'))!;
  const csv = readFileSync(join(harness.saveDir, csvName), 'utf8');
  expect(csv).toContain(letter.number!);
  expect(csv).toContain('Salah alamat pemohon; surat dibuat ulang.');
});

test('a front-desk officer makes the complaint receipt for the reporter', async ({ browser, harness }, testInfo) => {
  const deskToken = await addFrontDeskOfficer(harness.url);
  const { id } = await apiOf(harness)(deskToken, 'cases.register', {
    serviceCode: 'pengaduan_kekerasan',
    channel: 'walk_in',
    riskLevel: 'medium',
    victims: [{ fullName: 'Nur Aini', sex: 'P', birthDate: '1992-03-14' }],
    violenceTypes: ['psikis'],
    chronology: 'Korban datang ke kantor dan menceritakan kekerasan yang dialaminya di rumah.',
    consent: { givenBy: 'victim', name: 'Nur Aini', date: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10) },
  });
  const page = await openAs(browser, harness, frontDesk, casePath(id));
  await page.getByRole('tab', { name: 'Dokumen' }).click();
  await expect(page.getByTestId('case-document-types')).toContainText('Formulir Pengaduan');
  // What the front desk does not make is listed, with who makes it, and no button.
  const report = page.getByTestId('case-document-types').getByRole('row').filter({ hasText: 'Laporan Penanganan Kasus' });
  await expect(report).toContainText('Dibuat oleh peran lain');
  await expect(report.getByRole('button')).toHaveCount(0);
  await keepScreenshot(page, testInfo, 'case-documents-tab');
  await page.getByRole('button', { name: 'Buat Tanda Terima Pengaduan' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Buat dokumen' }).click();
  const preview = page.getByTestId('document-preview');
  await expect(preview).toHaveAttribute('data-rendered', 'true');
  await expect(preview).toContainText('Nur Aini');
  await expect(page.getByTestId('document-detail')).toContainText('Tanpa nomor');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('case-documents')).toContainText('Tanda Terima Pengaduan');
});
