import { addFrontDeskOfficer, api, frontDesk, logInByApi } from './cases-api';
import { admin, expect, keepScreenshot, logIn, test } from './fixtures';

/** A day before today, as the form shows dates (DD/MM/YYYY). */
function daysAgo(days: number): { typed: string; iso: string } {
  const d = new Date(Date.now() - days * 86_400_000);
  const dd = String(d.getDate()).padStart(2, '0');
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  return { typed: `${dd}/${mm}/${d.getFullYear()}`, iso: `${d.getFullYear()}-${mm}-${dd}` };
}

test('a front-desk officer records a walk-in complaint: the draft survives a reload, the register number is shown, the list masks the victim until revealed', async ({ page, harness }, testInfo) => {
  await addFrontDeskOfficer(harness.url);
  await page.goto(harness.url);
  await logIn(page, frontDesk.username, frontDesk.password);

  const nav = page.getByRole('navigation');
  await nav.getByRole('link', { name: 'Pengaduan Kekerasan' }).click();
  await expect(page.getByRole('heading', { name: 'Pengaduan Kekerasan', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Pengaduan baru' }).click();
  await expect(page.getByRole('heading', { name: 'Penerimaan: Pengaduan Kekerasan' })).toBeVisible();
  // The first field has the focus: the officer starts typing at once.
  await expect(page.getByLabel('Saluran pengaduan')).toBeFocused();
  await expect(page.getByLabel('Saluran pengaduan')).toHaveValue('walk_in');

  const reporter = page.getByRole('region', { name: 'Pelapor' });
  await reporter.getByLabel('Pelapor adalah korban').check();
  await reporter.getByLabel('Nama lengkap').fill('Sri Rahayu');
  await reporter.getByLabel('NIK', { exact: true }).fill('3576014506900001');
  // The NIK gives the birth date (45 = day 05 + 40: a woman), the sex and the district.
  await expect(reporter.getByLabel(/Tanggal lahir/)).toHaveValue('05/06/1990');
  await expect(reporter.getByLabel('Jenis kelamin')).toHaveValue('P');
  await expect(reporter.getByLabel('Kabupaten/kota')).toHaveValue('Kota Mojokerto');
  await reporter.getByLabel('Nomor telepon / WhatsApp').fill('0812 3456 7890');

  const draftStatus = page.getByTestId('draft-status');
  await expect(draftStatus).toHaveText(/^Draf tersimpan \d{2}\.\d{2}$/);
  await expect(page).toHaveURL(/draft=[0-9a-f-]{36}/);
  await keepScreenshot(page, testInfo, 'intake-draft-saved');

  // The window is reloaded mid-way (as a lock does): after logging in again, nothing typed is lost.
  await page.reload();
  await logIn(page, frontDesk.username, frontDesk.password);
  await expect(page.getByRole('heading', { name: 'Penerimaan: Pengaduan Kekerasan' })).toBeVisible();
  await expect(reporter.getByLabel('Pelapor adalah korban')).toBeChecked();
  await expect(reporter.getByLabel('Nama lengkap')).toHaveValue('Sri Rahayu');
  await expect(reporter.getByLabel('NIK', { exact: true })).toHaveValue('3576014506900001');
  await expect(reporter.getByLabel('Nomor telepon / WhatsApp')).toHaveValue('0812 3456 7890');
  await expect(reporter.getByLabel(/Tanggal lahir/)).toHaveValue('05/06/1990');

  const perpetrators = page.getByRole('region', { name: 'Terlapor / pelaku' });
  await perpetrators.getByRole('button', { name: 'Tambah terlapor' }).click();
  const perpetrator = perpetrators.getByRole('group', { name: 'Terlapor 1' });
  await expect(perpetrator.getByLabel('Nama lengkap')).toBeFocused();
  await perpetrator.getByLabel('Nama lengkap').fill('Budi Santoso');
  await perpetrator.getByLabel('Hubungan dengan korban').selectOption({ label: 'Suami/Istri' });

  const incident = page.getByRole('region', { name: 'Kejadian' });
  const incidentDay = daysAgo(2);
  await incident.getByLabel('Tanggal kejadian').fill(incidentDay.typed);
  await incident.getByLabel('Tanggal kejadian').press('Tab');
  await incident.getByLabel('Tempat kejadian').selectOption({ label: 'Rumah Tangga' });
  const violence = page.getByRole('region', { name: 'Jenis kekerasan' });
  await violence.getByLabel('Fisik').check();
  await violence.getByLabel('Psikis').check();

  // Enter in the chronology is a new line, never a submission.
  const chronology = page.getByRole('textbox', { name: 'Kronologi' });
  await chronology.fill('Korban dipukul suaminya di rumah pada malam hari.');
  await chronology.press('End');
  await chronology.press('Enter');
  await chronology.pressSequentially('Korban datang sendiri ke kantor keesokan harinya.');
  await expect(chronology).toHaveValue(/malam hari\.\nKorban datang sendiri/);
  await expect(page.getByTestId('intake-done')).toHaveCount(0);

  await page.getByRole('region', { name: 'Kebutuhan layanan' }).getByLabel('Kesehatan').check();
  const consent = page.getByRole('region', { name: 'Persetujuan pemrosesan data' });
  await consent.getByLabel('Korban sendiri').check();
  await consent.getByLabel('Nama pemberi persetujuan').fill('Sri Rahayu');
  await keepScreenshot(page, testInfo, 'intake-filled');

  // Ctrl+Enter sends the form from wherever the officer is typing.
  await chronology.press('Control+Enter');
  const done = page.getByTestId('intake-done');
  await expect(done.getByRole('heading', { name: 'Pengaduan tercatat' })).toBeVisible();
  const registerNo = (await done.getByTestId('register-no').textContent())!.trim();
  expect(registerNo).toMatch(/^REG\/\d{4}\/\d{5}$/);
  await expect(done.getByRole('link', { name: 'Buka kasus' })).toHaveAttribute('href', /#\/cases\/[0-9a-f-]{36}$/);
  await expect(done.getByRole('button', { name: 'Pengaduan baru' })).toBeVisible();
  await keepScreenshot(page, testInfo, 'intake-registered');

  // The draft went with the registration.
  await nav.getByRole('link', { name: 'Beranda' }).click();
  await expect(page.getByTestId('dashboard-drafts')).toContainText('Tidak ada draf yang tertunda.');

  await nav.getByRole('link', { name: 'Kasus', exact: true }).click();
  const row = page.getByTestId(`case-row-${registerNo}`);
  await expect(row).toContainText('Pengaduan Kekerasan');
  await expect(row.getByTestId('victim-name')).toHaveText('S*** R***');
  await expect(page.getByText('Sri Rahayu')).toHaveCount(0);
  await row.getByRole('button', { name: 'Tampilkan nama S*** R***' }).click();
  await expect(row.getByTestId('victim-name')).toHaveText('Sri Rahayu');
  await keepScreenshot(page, testInfo, 'case-list-revealed');

  // The reveal is in the audit trail, naming the case.
  const adminToken = await logInByApi(harness.url, admin.username, admin.password);
  const reveals = await api(harness.url, 'audit.list', { action: 'cases.revealName' }, adminToken);
  expect(reveals).toHaveLength(1);
  expect(reveals[0]!.username).toBe(frontDesk.username);
  expect(reveals[0]!.entityType).toBe('case');
});

test("a child victim's data needs a parent's or guardian's consent, and the form says why", async ({ page, harness }, testInfo) => {
  await addFrontDeskOfficer(harness.url);
  await page.goto(`${harness.url}#/intake/pengaduan_kekerasan`);
  await logIn(page, frontDesk.username, frontDesk.password);

  const victim = page.getByRole('group', { name: 'Korban 1' });
  await victim.getByLabel('Nama lengkap').fill('Putri Ayu');
  const born = daysAgo(365 * 12);
  await victim.getByLabel(/Tanggal lahir/).fill(born.typed);
  await victim.getByLabel(/Tanggal lahir/).press('Tab');
  await expect(victim.getByTestId('age')).toHaveText(/^1[12] tahun$/);
  await expect(victim.getByText('Anak', { exact: true })).toBeVisible();

  const consent = page.getByRole('region', { name: 'Persetujuan pemrosesan data' });
  await expect(consent.getByTestId('consent-child')).toContainText('UU PDP Pasal 25');
  await expect(consent.getByLabel('Korban sendiri')).toBeDisabled();
  await consent.getByLabel('Orang tua korban').check();
  await consent.getByLabel('Nama pemberi persetujuan').fill('Ratna Ayu');
  await keepScreenshot(page, testInfo, 'intake-child-consent');

  // An impatient double click still makes one case.
  await page.getByRole('button', { name: 'Simpan dan daftarkan' }).dblclick();
  await expect(page.getByTestId('register-no')).toHaveText(/^REG\/\d{4}\/\d{5}$/);
  const token = await logInByApi(harness.url, frontDesk.username, frontDesk.password);
  expect((await api(harness.url, 'cases.list', {}, token)).total).toBe(1);
});

test('a high-risk crisis intake warns that the crisis steps open at once, and saving leads straight to the case', async ({ page, harness }, testInfo) => {
  await addFrontDeskOfficer(harness.url);
  await page.goto(`${harness.url}#/intake/intervensi_krisis`);
  await logIn(page, frontDesk.username, frontDesk.password);

  await expect(page.getByRole('heading', { name: 'Penerimaan: Intervensi Krisis' })).toBeVisible();
  await page.getByRole('radio', { name: /^Tinggi/ }).check();
  await expect(page.getByTestId('high-risk-notice')).toHaveText(/langkah intervensi krisis dibuka saat itu juga.*langsung dibawa ke halaman kasus/);
  await page.getByRole('group', { name: 'Korban 1' }).getByLabel('Nama lengkap').fill('Maya Sari');
  const consent = page.getByRole('region', { name: 'Persetujuan pemrosesan data' });
  await consent.getByLabel('Korban sendiri').check();
  await consent.getByLabel('Nama pemberi persetujuan').fill('Maya Sari');
  await keepScreenshot(page, testInfo, 'intake-high-risk');

  await page.getByRole('button', { name: 'Simpan dan daftarkan' }).click();
  await expect(page).toHaveURL(/#\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByText(/REG\/\d{4}\/\d{5} tercatat dengan risiko tinggi\. Langkah krisis sudah dibuka\./)).toBeVisible();
});
