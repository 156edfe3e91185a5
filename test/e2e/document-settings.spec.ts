import type { Page } from '@playwright/test';
import { admin, expect, keepScreenshot, logIn, test } from './fixtures';

const decree = 'Surat Keputusan Fasilitasi Mediasi';

async function openDocumentSettings(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Pengaturan' }).click();
  const section = page.getByRole('region', { name: 'Dokumen', exact: true });
  await expect(section.getByTestId('next-surat_keputusan')).toBeVisible();
  return section;
}

test('the administrator sets A4 paper and a decree number pattern; the next number follows and both are kept', async ({ page, harness }, testInfo) => {
  await page.goto(harness.url);
  await logIn(page, admin.username, admin.password);
  let docs = await openDocumentSettings(page);

  await expect(docs.getByLabel('F4 (215 × 330 mm)')).toBeChecked();
  await expect(docs.getByTestId('letter-number-example')).toHaveText(/400\.10\/007\/UPTD-PPA\/\d{4}$/);
  await expect(docs.getByTestId('next-surat_keputusan')).toHaveText(/^400\.10\/001\/UPTD-PPA\/\d{4}\/SK$/);

  await docs.getByLabel('A4 (210 × 297 mm)').check();
  await docs.getByLabel(`Pola sendiri: ${decree}`).fill('{klasifikasi}/SK-{urut:2}/{unit}/{tahun}');
  await docs.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Perubahan tersimpan.')).toBeVisible();
  await expect(docs.getByTestId('next-surat_keputusan')).toHaveText(/^400\.10\/SK-01\/UPTD-PPA\/\d{4}$/);
  // Only that type changed: a letter keeps the office pattern.
  await expect(docs.getByTestId('next-surat_undangan_mediasi')).toHaveText(/^400\.10\/001\/UPTD-PPA\/\d{4}$/);
  await keepScreenshot(page, testInfo, 'document-settings-saved');

  await page.reload();
  await logIn(page, admin.username, admin.password);
  docs = await openDocumentSettings(page);
  await expect(docs.getByLabel('A4 (210 × 297 mm)')).toBeChecked();
  await expect(docs.getByLabel(`Pola sendiri: ${decree}`)).toHaveValue('{klasifikasi}/SK-{urut:2}/{unit}/{tahun}');
  await expect(docs.getByTestId('next-surat_keputusan')).toHaveText(/^400\.10\/SK-01\/UPTD-PPA\/\d{4}$/);
});

test('a pattern without a sequence number is refused in Indonesian before anything is saved', async ({ page, harness }, testInfo) => {
  await page.goto(harness.url);
  await logIn(page, admin.username, admin.password);
  let docs = await openDocumentSettings(page);

  await docs.getByLabel('Pola nomor surat bawaan').fill('{klasifikasi}/{unit}/{tahun}');
  await expect(docs.getByText('Pola harus memuat {urut} atau {urut:N}')).toBeVisible();
  await expect(docs.getByTestId('letter-number-example')).toBeHidden();
  await docs.getByLabel(`Pola sendiri: ${decree}`).fill('{klasifikasi}/{urut}/{kop}');
  await expect(docs.getByText('Pola harus memuat {tahun}: nomor urut dimulai ulang setiap tahun')).toBeVisible();
  await docs.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Perubahan tersimpan.')).toBeHidden();
  await keepScreenshot(page, testInfo, 'document-settings-invalid');

  await page.reload();
  await logIn(page, admin.username, admin.password);
  docs = await openDocumentSettings(page);
  await expect(docs.getByLabel('Pola nomor surat bawaan')).toHaveValue('{klasifikasi}/{urut:3}/{unit}/{tahun}');
  await expect(docs.getByLabel(`Pola sendiri: ${decree}`)).toHaveValue('{klasifikasi}/{urut:3}/{unit}/{tahun}/{kode}');
});

test('two administrators change the document settings at once: the later save is told and overwrites nothing', async ({ page, browser, harness }) => {
  const other = await (await browser.newContext()).newPage();
  for (const p of [page, other]) {
    await p.goto(harness.url);
    await logIn(p, admin.username, admin.password);
  }
  const docs = await openDocumentSettings(page);
  const staleDocs = await openDocumentSettings(other);

  // The second window starts editing first; the first saves meanwhile.
  await staleDocs.getByLabel('Jenis huruf').selectOption('Bookman Old Style');
  await docs.getByLabel('A4 (210 × 297 mm)').check();
  await docs.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Perubahan tersimpan.')).toBeVisible();

  await staleDocs.getByRole('button', { name: 'Simpan' }).click();
  await expect(staleDocs.getByRole('alert')).toContainText('sudah diubah oleh orang lain');
  await expect(staleDocs.getByLabel('A4 (210 × 297 mm)')).toBeChecked();
  await expect(staleDocs.getByLabel('Jenis huruf')).toHaveValue('Arial');
});
