import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
