import { admin, expect, keepScreenshot, logIn, test } from './fixtures';

const officer = { username: 'dewi.front', fullName: 'Dewi Lestari', initial: 'Sementara-123', own: 'Pagi-Cerah-2025' };

test('an administrator adds a front-desk officer, who must choose a password and sees no Users entry', async ({ page, harness }, testInfo) => {
  await page.goto(harness.url);
  await logIn(page, admin.username, admin.password);
  const nav = page.getByRole('navigation');
  await nav.getByRole('link', { name: 'Pengguna' }).click();
  await expect(page.getByRole('heading', { name: 'Pengguna' })).toBeVisible();
  await expect(page.getByTestId(`user-row-${admin.username}`)).toBeVisible();

  await page.getByRole('button', { name: 'Tambah pengguna' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tambah pengguna' });
  await expect(dialog.getByLabel('Nama pengguna')).toBeFocused();
  await dialog.getByLabel('Nama pengguna').fill(officer.username);
  await dialog.getByLabel('Nama lengkap').fill(officer.fullName);
  await dialog.getByLabel('Peran').selectOption({ label: 'Petugas Penerima Pengaduan' });
  await dialog.getByLabel('NIP').fill('12345');
  await dialog.getByLabel('Jabatan').fill('Petugas Layanan Pengaduan');
  // A password anyone would try first: the meter says so while typing, and saving is refused under the field.
  const initialPassword = dialog.getByRole('textbox', { name: 'Kata sandi awal' });
  await initialPassword.fill('Password1');
  await expect(dialog.getByTestId('password-strength')).toContainText('Kekuatan kata sandi: sangat lemah');
  await expect(dialog.getByRole('progressbar', { name: 'Kekuatan kata sandi' })).toBeVisible();
  await keepScreenshot(page, testInfo, 'users-password-meter');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByText('NIP harus 18 digit angka')).toBeVisible();
  await dialog.getByLabel('NIP').fill('');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByText(/^Kata sandi terlalu mudah ditebak: /)).toBeVisible();
  await expect(initialPassword).toHaveAttribute('data-invalid', 'true');

  await initialPassword.fill(officer.initial);
  await expect(dialog.getByTestId('password-strength')).toContainText(/Kekuatan kata sandi: (sangat )?kuat/);
  await dialog.getByRole('button', { name: 'Simpan' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByText(/wajib mengganti kata sandi saat pertama kali masuk/)).toBeVisible();
  const row = page.getByTestId(`user-row-${officer.username}`);
  await expect(row).toContainText(officer.fullName);
  await expect(row).toContainText('Petugas Penerima Pengaduan');
  await expect(row).toContainText('Aktif');
  await keepScreenshot(page, testInfo, 'users-after-create');

  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();

  await logIn(page, officer.username, officer.initial);
  await expect(page.getByRole('heading', { name: 'Ganti kata sandi' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Kata sandi saat ini' }).fill(officer.initial);
  await page.getByRole('textbox', { name: 'Kata sandi baru', exact: true }).fill(officer.own);
  await page.getByRole('textbox', { name: 'Ulangi kata sandi baru' }).fill(officer.own);
  await keepScreenshot(page, testInfo, 'forced-password-change');
  await page.getByRole('button', { name: 'Ganti kata sandi' }).click();

  await expect(page.getByTestId('current-user')).toContainText(officer.fullName);
  await expect(page.getByTestId('current-user')).toContainText('Petugas Penerima Pengaduan');
  await expect(nav.getByRole('link', { name: 'Beranda' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Pengaturan' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Pengguna' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Jejak audit' })).toHaveCount(0);
  await keepScreenshot(page, testInfo, 'front-desk-shell');

  // A screen the role has no entry for is not reachable by address either: it leads home.
  await page.goto(`${harness.url}#/users`);
  await expect(page.getByRole('heading', { name: /^Selamat (pagi|siang|sore|malam), Dewi Lestari$/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Pengguna' })).toHaveCount(0);
  await expect(page).toHaveURL(/#\/$/);
});

test('an administrator changes the register key; the officer logs in as before', async ({ page, harness }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(harness.url);
  await logIn(page, admin.username, admin.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Pengguna' }).click();
  await page.getByRole('button', { name: 'Tambah pengguna' }).click();
  const add = page.getByRole('dialog', { name: 'Tambah pengguna' });
  await add.getByLabel('Nama pengguna').fill(officer.username);
  await add.getByLabel('Nama lengkap').fill(officer.fullName);
  await add.getByLabel('Peran').selectOption({ label: 'Petugas Penerima Pengaduan' });
  await add.getByRole('textbox', { name: 'Kata sandi awal' }).fill(officer.initial);
  await add.getByRole('button', { name: 'Simpan' }).click();
  await expect(add).toBeHidden();

  await page.getByRole('button', { name: 'Ganti kunci register' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ganti kunci register' });
  await expect(dialog).toContainText('salinan lama berkas kunci');
  await keepScreenshot(page, testInfo, 'change-register-key');
  await dialog.getByRole('button', { name: 'Ganti kunci sekarang' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Kunci register sudah diganti')).toBeVisible();

  await page.getByRole('button', { name: 'Keluar' }).click();
  await logIn(page, officer.username, officer.initial);
  await expect(page.getByRole('heading', { name: 'Ganti kata sandi' })).toBeVisible();
});
