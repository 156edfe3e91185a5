import { admin, expect, keepScreenshot, logIn, test } from './fixtures';

test('an administrator logs in; a wrong password is refused in Indonesian and stays on login', async ({ page, harness }, testInfo) => {
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
  await expect(page.getByLabel('Nama pengguna')).toBeFocused();

  await logIn(page, admin.username, 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('Nama pengguna atau kata sandi salah.');
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
  await keepScreenshot(page, testInfo, 'wrong-password');

  await logIn(page, admin.username, admin.password);
  await expect(page.getByTestId('current-user')).toContainText(admin.fullName);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Pengguna' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Jejak audit' })).toBeVisible();
  await keepScreenshot(page, testInfo, 'dashboard');
});

test('repeated wrong passwords make the login wait, with the seconds counting down', async ({ page, harness }, testInfo) => {
  await page.goto(harness.url);
  for (let i = 0; i < 3; i++) {
    await logIn(page, admin.username, `wrong-${i}`);
    await expect(page.getByRole('alert')).toHaveText('Nama pengguna atau kata sandi salah.');
  }
  await logIn(page, admin.username, admin.password);
  await expect(page.getByRole('alert')).toHaveText(/^Terlalu banyak percobaan yang gagal\. Coba lagi dalam \d+ detik\.$/);
  await expect(page.getByRole('button', { name: 'Masuk' })).toBeDisabled();
  await keepScreenshot(page, testInfo, 'rate-limited');

  // When the wait is over the button comes back and the right password works.
  await expect(page.getByRole('button', { name: 'Masuk' })).toBeEnabled({ timeout: 15_000 });
  await logIn(page, admin.username, admin.password);
  await expect(page.getByTestId('current-user')).toContainText(admin.fullName);
});

test('a forgotten administrator password is reset with the recovery code', async ({ page, harness }, testInfo) => {
  await page.goto(harness.url);
  await page.getByRole('link', { name: 'Lupa kata sandi administrator?' }).click();
  await expect(page.getByRole('heading', { name: 'Pulihkan akun administrator' })).toBeVisible();
  await expect(page.getByLabel('Kode pemulihan')).toBeFocused();

  await page.getByLabel('Kode pemulihan').fill('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE');
  await page.getByLabel('Nama pengguna administrator').fill(admin.username);
  await page.getByRole('textbox', { name: 'Kata sandi baru', exact: true }).fill('Pemulihan-Baru-2025');
  await page.getByRole('textbox', { name: 'Ulangi kata sandi baru' }).fill('Pemulihan-Baru-2025');
  await page.getByRole('button', { name: 'Atur ulang kata sandi' }).click();
  await expect(page.getByRole('alert')).toHaveText('Kode pemulihan salah.');

  await page.getByLabel('Kode pemulihan').fill(harness.recoveryCode!.toLowerCase());
  await keepScreenshot(page, testInfo, 'recover');
  await page.getByRole('button', { name: 'Atur ulang kata sandi' }).click();
  await expect(page.getByText('Kata sandi administrator telah diganti. Silakan masuk dengan kata sandi baru.')).toBeVisible();

  await logIn(page, admin.username, admin.password);
  await expect(page.getByRole('alert')).toHaveText('Nama pengguna atau kata sandi salah.');
  await logIn(page, admin.username, 'Pemulihan-Baru-2025');
  await expect(page.getByTestId('current-user')).toContainText(admin.fullName);
});
