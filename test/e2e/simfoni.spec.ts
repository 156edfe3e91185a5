import { expect, keepScreenshot, test } from './fixtures';
import { addStaff, apiOf, casePath, openAs, registerCaseDetail, staff } from './case-helpers';

const today = () => new Date().toISOString().slice(0, 10);

test("a case worker records a victim's education and a service given, and marks the case entered into SIMFONI", async ({ browser, harness }, testInfo) => {
  const call = apiOf(harness);
  const { adminToken } = await addStaff(harness, [staff.worker]);
  await call(adminToken, 'institutions.save', { name: 'RSUD dr. Wahidin Sudiro Husodo', kind: 'hospital' });
  const c = await registerCaseDetail(harness, adminToken, {
    serviceCode: 'pengaduan_kekerasan',
    channel: 'walk_in',
    victims: [{ fullName: 'Wulan Purnama', birthDate: '1990-04-12', sex: 'P' }],
    perpetrators: [{ fullName: 'Bayu Saputra', birthDate: '1987-02-03', sex: 'L', relation: 'suami_istri' }],
    violenceTypes: ['fisik', 'psikis'],
    incident: { date: today(), place: 'rumah_tangga', region: '', rt: '', rw: '', address: '' },
    consent: { givenBy: 'victim', name: 'Wulan Purnama', date: today() },
  });

  const page = await openAs(browser, harness, staff.worker, casePath(c.id));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('tab', { name: 'SIMFONI' }).click();
  const victim = page.getByRole('region', { name: 'Korban: Wulan Purnama' });
  // What intake recorded is there: the forms, the husband, the complaint taken today.
  await expect(victim.getByRole('checkbox', { name: 'Fisik' })).toBeChecked();
  await expect(victim.getByLabel('Hubungan Bayu Saputra dengan korban')).toHaveValue('suami_istri');
  await expect(victim.getByTestId('victim-service')).toHaveCount(1);
  await expect(victim.getByTestId('victim-service')).toContainText('Pengaduan');
  await expect(victim.getByTestId('victim-service')).toContainText('Otomatis: penerimaan pengaduan');

  // Education and marital status, with the keyboard.
  await victim.getByLabel('Pendidikan korban').focus();
  await victim.getByLabel('Pendidikan korban').selectOption({ label: 'SMA/SMK' });
  await page.keyboard.press('Tab');
  await expect(victim.getByLabel('Status perkawinan korban')).toBeFocused();
  await victim.getByLabel('Status perkawinan korban').selectOption({ label: 'Kawin' });
  await victim.getByRole('button', { name: 'Simpan data korban' }).click();
  await expect(victim.getByRole('button', { name: 'Simpan data korban' })).toBeDisabled();

  // A service given by the hospital.
  await victim.getByRole('button', { name: 'Tambah layanan untuk Wulan Purnama' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tambah layanan untuk Wulan Purnama' });
  await expect(dialog.getByLabel('Jenis layanan')).toBeFocused();
  await dialog.getByLabel('Jenis layanan').selectOption({ label: 'Kesehatan' });
  await dialog.getByRole('radio', { name: 'Lembaga dari direktori' }).check();
  await dialog.getByRole('combobox', { name: 'Lembaga' }).selectOption({ label: 'RSUD dr. Wahidin Sudiro Husodo' });
  await dialog.getByLabel('Keterangan').fill('Visum et repertum');
  await keepScreenshot(page, testInfo, 'simfoni-service');
  await dialog.getByLabel('Keterangan').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(victim.getByTestId('victim-service')).toHaveCount(2);
  await expect(victim.getByTestId('victim-service').nth(1)).toContainText('RSUD dr. Wahidin Sudiro Husodo');
  await expect(victim.getByTestId('victim-service').nth(1)).toContainText('Diberikan');

  // Entered into SIMFONI-PPA, with SIMFONI's number.
  const entry = page.getByTestId('simfoni-entry');
  await expect(entry.getByTestId('simfoni-entry-status')).toHaveText('Belum diinput ke SIMFONI-PPA.');
  await entry.getByRole('checkbox', { name: 'Sudah diinput ke SIMFONI-PPA' }).check();
  await entry.getByLabel('Nomor register SIMFONI').fill('3576-2026-000123');
  await entry.getByRole('button', { name: 'Simpan' }).click();
  await expect(entry.getByTestId('simfoni-entry-status')).toContainText(`oleh ${staff.worker.fullName}`);
  await expect(entry.getByTestId('simfoni-entry-status')).toContainText('Nomor register SIMFONI: 3576-2026-000123');
  await keepScreenshot(page, testInfo, 'simfoni-tab');

  const after = await call(adminToken, 'cases.get', { id: c.id });
  expect(after.persons.find((p) => p.role === 'victim')).toMatchObject({ education: 'sma_smk', maritalStatus: 'kawin' });
  expect(after.victimServices.map((s) => s.service)).toEqual(['pengaduan', 'kesehatan']);
  expect(after.simfoniEntry).toMatchObject({ enteredOn: expect.any(String), enteredBy: staff.worker.fullName, simfoniNo: '3576-2026-000123' });
});
