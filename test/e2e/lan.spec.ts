import { admin, expect, keepScreenshot, logIn, test } from './fixtures';

test('an administrator opens LAN sharing: off by default; the web harness never hosts, and says the service is unavailable', async ({ page, harness }, testInfo) => {
  await page.goto(harness.url);
  await logIn(page, admin.username, admin.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Berbagi LAN' }).click();
  await expect(page.getByRole('heading', { name: 'Berbagi LAN' })).toBeVisible();
  await expect(page.getByText('Berbagi LAN mati. Tidak ada yang mendengarkan di jaringan.')).toBeVisible();
  await expect(page.getByLabel('Port')).toHaveValue('47470');
  await keepScreenshot(page, testInfo, 'lan-off');
  // The harness is for tests and training on loopback: it never listens on the LAN.
  await page.getByRole('button', { name: 'Jadikan PC ini host' }).click();
  await expect(page.getByRole('alert')).toContainText('Tidak dapat menghubungi layanan Teduh');
  await expect(page.getByText('Berbagi LAN mati.')).toBeVisible();
});
