import { addFrontDeskOfficer, frontDesk } from './cases-api';
import { expect, keepScreenshot, logIn, test } from './fixtures';

/**
 * The address pickers at the front desk, by keyboard and by mouse: a picker never drops a value
 * it did not replace, and Tab goes through the four levels in order.
 */
test('the region picker keeps all four levels through a click in and out, and Tab moves through them in order', async ({ page, harness }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await addFrontDeskOfficer(harness.url);
  await page.goto(harness.url);
  await logIn(page, frontDesk.username, frontDesk.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Pengaduan Kekerasan' }).click();
  await page.getByRole('link', { name: 'Pengaduan baru' }).click();
  const reporter = page.getByRole('region', { name: 'Pelapor' });
  const province = reporter.getByLabel('Provinsi', { exact: true });
  const regency = reporter.getByLabel('Kabupaten/kota', { exact: true });
  const district = reporter.getByLabel('Kecamatan', { exact: true });
  const village = reporter.getByLabel('Kelurahan/desa', { exact: true });

  // Typing a name and Tab chooses it and lands on the next level, four times over.
  await province.click();
  await province.pressSequentially('Jawa Timur');
  await page.keyboard.press('Tab');
  await expect(province).toHaveValue('Jawa Timur');
  await expect(regency).toBeFocused();
  await regency.pressSequentially('Kota Mojo');
  await page.keyboard.press('Tab');
  await expect(regency).toHaveValue('Kota Mojokerto');
  await expect(district).toBeFocused();
  await district.pressSequentially('Prajurit');
  await page.keyboard.press('Tab');
  await expect(district).toHaveValue('Prajuritkulon');
  await expect(village).toBeFocused();
  await village.pressSequentially('Kauman');
  await page.keyboard.press('Tab');
  await expect(village).toHaveValue('Kauman');

  // A click into the regency and out again changes nothing.
  await regency.click();
  await reporter.getByLabel('Nama lengkap').click();
  await expect(province).toHaveValue('Jawa Timur');
  await expect(regency).toHaveValue('Kota Mojokerto');
  await expect(district).toHaveValue('Prajuritkulon');
  await expect(village).toHaveValue('Kauman');
  // Nor does Tab through the chosen levels.
  await province.focus();
  for (const next of [regency, district, village]) {
    await page.keyboard.press('Tab');
    await expect(next).toBeFocused();
  }
  await expect(province).toHaveValue('Jawa Timur');
  await expect(village).toHaveValue('Kauman');
  await keepScreenshot(page, testInfo, 'region-picker-kept');

  // Choosing another regency does clear the levels under it (they belonged to the old one).
  await regency.click();
  await regency.fill('');
  await regency.pressSequentially('Kabupaten Mojo');
  await page.keyboard.press('Enter');
  await expect(regency).toHaveValue('Kabupaten Mojokerto');
  await expect(district).toHaveValue('');
  await expect(village).toHaveValue('');
});

test('after a NIK fills in the region, Tab through it keeps it and focus stays in the form', async ({ page, harness }) => {
  await addFrontDeskOfficer(harness.url);
  await page.goto(harness.url);
  await logIn(page, frontDesk.username, frontDesk.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Pengaduan Kekerasan' }).click();
  await page.getByRole('link', { name: 'Pengaduan baru' }).click();
  const reporter = page.getByRole('region', { name: 'Pelapor' });
  await reporter.getByLabel('NIK', { exact: true }).fill('3576014506900001');
  const regency = reporter.getByLabel('Kabupaten/kota', { exact: true });
  await expect(regency).toHaveValue('Kota Mojokerto');
  const province = reporter.getByLabel('Provinsi', { exact: true });
  await province.focus();
  await page.keyboard.press('Tab');
  await expect(regency).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(reporter.getByLabel('Kecamatan', { exact: true })).toBeFocused();
  await expect(province).toHaveValue('Jawa Timur');
  await expect(regency).toHaveValue('Kota Mojokerto');
  await expect(reporter.getByLabel('Kecamatan', { exact: true })).toHaveValue('Prajuritkulon');
});
