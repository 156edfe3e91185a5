import { addFrontDeskOfficer, frontDesk, registerCase, walkInComplaint } from './cases-api';
import { expect, keepScreenshot, logIn, test } from './fixtures';

test('Ctrl+K finds a case by part of a name and opens it', async ({ page, harness }, testInfo) => {
  const token = await addFrontDeskOfficer(harness.url);
  await registerCase(harness.url, token, walkInComplaint('Yuliana Kartika'));
  const wanted = await registerCase(harness.url, token, walkInComplaint('Wulan Permatasari'));

  await page.goto(harness.url);
  await logIn(page, frontDesk.username, frontDesk.password);
  await expect(page.getByTestId('dashboard-open')).toBeVisible();

  await page.keyboard.press('Control+K');
  const finder = page.getByRole('dialog');
  const box = finder.getByPlaceholder('Cari kasus: nomor register, nama, NIK, telepon…');
  await expect(box).toBeFocused();
  await box.fill('permata');
  const hit = finder.getByRole('button', { name: new RegExp(wanted.registerNo.replace(/\//g, '\\/')) });
  await expect(hit).toBeVisible();
  await expect(hit).toContainText('W*** P***');
  await expect(finder.getByText('Y*** K***')).toHaveCount(0);
  await keepScreenshot(page, testInfo, 'quick-find');

  // Enter opens the first result at once, without reaching for the arrow keys.
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/cases/${wanted.id}$`));
  await expect(finder).toBeHidden();

  // A spelling variant finds the same person ("permatasarri" for "Permatasari").
  await page.keyboard.press('Control+K');
  await box.fill('wulan permatasarri');
  await expect(hit).toBeVisible();
  await box.press('ArrowDown');
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/cases/${wanted.id}$`));
});

test('Ctrl+K also starts a new intake of a service, from inside another form', async ({ page, harness }) => {
  await addFrontDeskOfficer(harness.url);
  await page.goto(`${harness.url}#/intake/pengaduan_kekerasan`);
  await logIn(page, frontDesk.username, frontDesk.password);
  await page.getByRole('group', { name: 'Korban 1' }).getByLabel('Nama lengkap').fill('Ani');
  await page.keyboard.press('Control+K');
  const finder = page.getByRole('dialog');
  await finder.getByRole('textbox').fill('layanan');
  await finder.getByRole('button', { name: /Pengaduan baru: Pengaduan Layanan/ }).click();
  await expect(page.getByRole('heading', { name: 'Penerimaan: Pengaduan Layanan' })).toBeVisible();
  // A complaint about the service asks only for the complainant, the channel and what it says.
  await expect(page.getByRole('region', { name: 'Pengadu', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Isi pengaduan', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Korban', exact: true })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Persetujuan pemrosesan data', exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Saluran pengaduan')).toContainText('Kotak saran');
});
