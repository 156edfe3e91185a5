import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { damagePage, keyOf } from '../fixtures/damage';
import { api, logInByApi, registerCase, walkInComplaint } from './cases-api';
import { admin, expect, keepScreenshot, logIn, test } from './fixtures';

test('the administrator sets a backup folder on another disk, makes a backup, and the file there is encrypted', async ({ page, harness }, testInfo) => {
  const folder = join(harness.dataDir, '..', 'flashdisk');
  mkdirSync(folder);
  await page.goto(harness.url);
  await logIn(page, admin.username, admin.password);
  // The dashboard says the register has no backup elsewhere.
  await expect(page.getByTestId('backup-notice')).toContainText('Semua data kasus hanya ada di komputer ini');
  await page.getByTestId('backup-notice').getByRole('link', { name: 'Atur cadangan' }).click();
  const section = page.getByRole('region', { name: 'Cadangan' });
  await expect(section.getByText('Belum ada cadangan', { exact: true })).toBeVisible();

  // A folder inside the data folder would be lost with it.
  await section.getByLabel('Folder cadangan').fill(join(harness.dataDir, 'cadangan'));
  await section.getByRole('button', { name: 'Simpan' }).click();
  await expect(section.getByText(/tidak boleh berada di dalam folder data Teduh/).first()).toBeVisible();

  await section.getByLabel('Folder cadangan').fill(folder);
  await section.getByRole('button', { name: 'Simpan' }).click();
  await expect(section.getByText('Belum ada cadangan di folder ini.')).toBeVisible();
  await section.getByRole('button', { name: 'Cadangkan sekarang' }).click();
  await expect(section.getByTestId('backup-list')).toContainText('Teduh-cadangan-');
  await keepScreenshot(page, testInfo, 'backup-settings');

  await page.getByRole('navigation').getByRole('link', { name: 'Beranda' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('backup-notice')).toHaveCount(0);

  const files = readdirSync(folder);
  expect(files).toHaveLength(1);
  const bytes = readFileSync(join(folder, files[0]!));
  expect(bytes.subarray(0, 16).toString('latin1')).toBe('TEDUH-CADANGAN 1');
  expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
  expect(bytes.includes(Buffer.from(admin.fullName))).toBe(false);
});

test('the restore of the newest good backup from the problem screen', async ({ page, harness }, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  // An office with cases and a good backup on its USB disk.
  const usb = join(harness.dataDir, '..', 'flashdisk');
  mkdirSync(usb);
  let token = await logInByApi(harness.url, admin.username, admin.password);
  const status = await api(harness.url, 'backup.status', {}, token);
  await api(harness.url, 'backup.settings.update', { version: status.version, folder: usb, auto: false }, token);
  for (let i = 0; i < 40; i++) await registerCase(harness.url, token, walkInComplaint(`Korban Nomor ${i}`));
  const { made: good } = await api(harness.url, 'backup.run', {}, token);
  expect(good.check).toBe('ok');
  await api(harness.url, 'auth.logout', {}, token);

  // A sector of the disk fails while the register is closed; Teduh is started again.
  damagePage(harness.dataDir, await keyOf(harness.dataDir, admin.username, admin.password), 'case_steps');
  await harness.restart();
  // Nobody notices; the next backup finds it, and is kept marked damaged beside the good one.
  token = await logInByApi(harness.url, admin.username, admin.password);
  const { made: later } = await api(harness.url, 'backup.run', {}, token);
  expect(later.check).toBe('damaged');
  await api(harness.url, 'auth.logout', {}, token);
  expect(readdirSync(usb).sort()).toEqual([good.fileName, later.fileName].sort());

  // Before the login form: what happened, in plain words, and what to do.
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Register rusak' })).toBeVisible();
  await expect(page.getByText(/Cadangan terakhir yang lolos pemeriksaan dibuat/)).toBeVisible();
  await expect(page.getByText(/sekitar \d+ catatan jejak audit/)).toBeVisible();
  await expect(page.getByTestId('problem-files')).toContainText(good.fileName);
  await expect(page.getByTestId('problem-files')).toContainText('teduh.db');
  await keepScreenshot(page, testInfo, 'problem-locked');
  // The same in English.
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'The register is damaged' })).toBeVisible();
  await keepScreenshot(page, testInfo, 'problem-locked-en');
  await page.getByText('Bahasa Indonesia', { exact: true }).click();

  // Logging in anyway: the administrator sees it again, then on the dashboard and in Settings.
  await page.getByRole('button', { name: 'Masuk seperti biasa' }).click();
  await logIn(page, admin.username, admin.password);
  await expect(page.getByRole('heading', { name: 'Register rusak' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Keluar dan pulihkan' })).toBeVisible();
  await keepScreenshot(page, testInfo, 'problem-after-login');
  await page.getByRole('button', { name: 'Lanjutkan dulu' }).click();
  await expect(page.getByTestId('register-problem-notice')).toContainText('Register rusak');
  await keepScreenshot(page, testInfo, 'problem-dashboard');
  await page.getByRole('navigation').getByRole('link', { name: 'Pengaturan' }).click();
  const section = page.getByRole('region', { name: 'Cadangan' });
  await expect(section.getByTestId('backup-last-good')).toContainText('Cadangan terakhir yang lolos pemeriksaan:');
  await expect(section.getByTestId('backup-damaged')).toBeVisible();
  await expect(section.getByTestId('backup-list')).toContainText('Rusak');
  await section.screenshot({ path: testInfo.outputPath('problem-settings.png') });

  // Back to the screen, out, and the restore, by keyboard.
  await page.getByRole('navigation').getByRole('link', { name: 'Beranda' }).click();
  await page.getByTestId('register-problem-notice').getByRole('button', { name: 'Apa yang harus dilakukan' }).click();
  await page.getByRole('button', { name: 'Keluar dan pulihkan' }).click();
  await expect(page.getByRole('heading', { name: 'Register rusak' })).toBeVisible();
  const secret = page.getByLabel('Kata sandi atau kode pemulihan');
  await secret.focus();
  await page.keyboard.type('bukan-sandinya');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/tidak membuka cadangan ini/)).toBeVisible();
  await secret.fill('');
  await secret.focus();
  await page.keyboard.type(admin.password);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Periksa dan pulihkan cadangan ini' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Register dipulihkan dari cadangan/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
  await logIn(page, admin.username, admin.password);
  await expect(page.getByTestId('office-name')).toHaveText('UPTD PPA Kota Mojokerto');
  await expect(page.getByTestId('register-problem-notice')).toHaveCount(0);
  // The damaged register was moved aside, not deleted.
  expect(readdirSync(join(harness.dataDir, '..')).some((n) => n.startsWith('data.sebelum-pemulihan-'))).toBe(true);
});
