import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { api, logInByApi } from './cases-api';
import { admin, expect, logIn, startHarness, stopHarness, test } from './fixtures';

test('a new PC puts the office register back from a backup on its first-run screen, then the administrator logs in', async ({ page, harness }) => {
  // The office's PC makes a backup on a USB disk.
  const usb = join(harness.dataDir, '..', 'flashdisk');
  mkdirSync(usb);
  const token = await logInByApi(harness.url, admin.username, admin.password);
  const status = await api(harness.url, 'backup.status', {}, token);
  await api(harness.url, 'backup.settings.update', { version: status.version, folder: usb }, token);
  const { made } = await api(harness.url, 'backup.run', {}, token);

  // A new PC: no register yet.
  const fresh = await startHarness(join(harness.dataDir, '..', 'pc-baru'));
  try {
    await page.goto(fresh.url);
    await expect(page.getByRole('heading', { name: 'Penyiapan awal Teduh' })).toBeVisible();
    await page.getByRole('button', { name: 'Pulihkan register dari cadangan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pulihkan register dari cadangan' });
    await dialog.getByLabel('Berkas cadangan').fill(join(usb, made.fileName));
    await dialog.getByLabel('Kata sandi atau kode pemulihan').fill('bukan-sandinya');
    await dialog.getByRole('button', { name: 'Periksa dan pulihkan' }).click();
    await expect(dialog.getByText(/tidak membuka cadangan ini/)).toBeVisible();
    await dialog.getByLabel('Kata sandi atau kode pemulihan').fill(harness.recoveryCode!);
    await dialog.getByRole('button', { name: 'Periksa dan pulihkan' }).click();
    await expect(page.getByText(/Register dipulihkan dari cadangan/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
    await logIn(page, admin.username, admin.password);
    await expect(page.getByTestId('office-name')).toHaveText('UPTD PPA Kota Mojokerto');
  } finally {
    await stopHarness(fresh.child);
  }
});
