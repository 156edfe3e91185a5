import { admin, expect, keepScreenshot, test } from './fixtures';

test.use({ office: 'none' });

test('first-run setup creates the office, shows the recovery code once, then opens the app', async ({ page, harness }, testInfo) => {
  // The print dialog is the browser's: record what would be printed instead of opening it.
  await page.addInitScript(() => {
    window.print = () => {
      (window as unknown as { printed: string }).printed = document.querySelector('.docx-print-root')?.textContent ?? '';
    };
  });
  await page.goto(harness.url);

  await expect(page.getByRole('heading', { name: 'Penyiapan awal Teduh' })).toBeVisible();
  await expect(page.getByLabel('Nama kantor')).toBeFocused();
  await page.getByLabel('Nama kantor').fill('UPTD PPA Kota Mojokerto');
  await page.getByLabel('Baris instansi induk (kop surat)').fill('PEMERINTAH KOTA MOJOKERTO');
  await page.getByLabel('Alamat').fill('Jl. Gajah Mada No. 145');
  await page.getByLabel('Kota/Kabupaten').fill('Mojokerto');
  await page.getByLabel('Kode pos').fill('61311');
  await page.getByLabel('Email').fill('uptdppa@mojokertokota.go.id');
  await page.getByRole('button', { name: 'Lanjut' }).click();

  await expect(page.getByLabel('Nama pengguna')).toBeFocused();
  await page.getByLabel('Nama pengguna').fill(admin.username);
  await page.getByLabel('Nama lengkap').fill(admin.fullName);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(admin.password);
  await page.getByLabel('Ulangi kata sandi').fill('something-else-entirely');
  await page.getByRole('button', { name: 'Siapkan register' }).click();
  await expect(page.getByText('Kata sandi tidak sama')).toBeVisible();
  await page.getByLabel('Ulangi kata sandi').fill(admin.password);
  // Enter submits.
  await page.getByLabel('Ulangi kata sandi').press('Enter');

  const code = page.getByTestId('recovery-code');
  await expect(code).toBeVisible({ timeout: 20_000 });
  await expect(code).toHaveText(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){4}$/);
  await expect(page.getByText('UPTD PPA Kota Mojokerto')).toBeVisible();
  const continueButton = page.getByRole('button', { name: 'Lanjut ke aplikasi' });
  await expect(continueButton).toBeDisabled();
  await keepScreenshot(page, testInfo, 'recovery-code');
  // Printing prints the office's sheet on its letterhead, with the code, not the window.
  await page.getByRole('button', { name: 'Cetak' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed?: string }).printed ?? '')).toContain((await code.textContent())!);
  const printed = await page.evaluate(() => (window as unknown as { printed: string }).printed);
  expect(printed).toContain('PEMERINTAH KOTA MOJOKERTO');
  expect(printed).toContain('UPTD PPA KOTA MOJOKERTO');

  await page.getByLabel('Saya sudah menyimpan kode pemulihan').check();
  await continueButton.click();

  await expect(page.getByTestId('current-user')).toContainText(admin.fullName);
  await expect(page.getByTestId('current-user')).toContainText('Administrator');
  await expect(page.getByTestId('office-name')).toHaveText('UPTD PPA Kota Mojokerto');
  await keepScreenshot(page, testInfo, 'shell-after-setup');

  // The code was shown once: a reload does not bring it back, it brings the login screen.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
  await expect(page.getByTestId('recovery-code')).toHaveCount(0);
  await expect(page.getByText('Penyiapan awal Teduh')).toHaveCount(0);
});
