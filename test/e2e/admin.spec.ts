import { admin, expect, keepScreenshot, logIn, officeName, test } from './fixtures';

test('two administrators edit the same account: the later save is told of the change and overwrites nothing', async ({ page, browser, harness }, testInfo) => {
  const other = await (await browser.newContext()).newPage();
  for (const p of [page, other]) {
    await p.goto(harness.url);
    await logIn(p, admin.username, admin.password);
    await p.getByRole('navigation').getByRole('link', { name: 'Pengguna' }).click();
  }

  // The second window opens the form first and starts typing.
  await other.getByRole('button', { name: `Ubah ${admin.username}` }).click();
  const staleForm = other.getByRole('dialog', { name: 'Ubah data pengguna' });
  await staleForm.getByLabel('Jabatan').fill('Kepala Seksi');

  // Meanwhile the first window saves a new name.
  await page.getByRole('button', { name: `Ubah ${admin.username}` }).click();
  const form = page.getByRole('dialog', { name: 'Ubah data pengguna' });
  await form.getByLabel('Nama lengkap').fill('Siti Rahmawati, S.Psi.');
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId(`user-row-${admin.username}`)).toContainText('Siti Rahmawati, S.Psi.');

  // The second save names the version it read: refused, and the current record is shown.
  await staleForm.getByRole('button', { name: 'Simpan' }).click();
  await expect(staleForm.getByRole('alert')).toContainText('sudah diubah oleh orang lain');
  await expect(staleForm.getByLabel('Nama lengkap')).toHaveValue('Siti Rahmawati, S.Psi.');
  await expect(staleForm.getByLabel('Jabatan')).toHaveValue('');
  await keepScreenshot(other, testInfo, 'conflict');

  await staleForm.getByLabel('Jabatan').fill('Kepala Seksi');
  await staleForm.getByRole('button', { name: 'Simpan' }).click();
  await expect(staleForm).toBeHidden();
  await other.getByRole('button', { name: `Ubah ${admin.username}` }).click();
  await expect(staleForm.getByLabel('Nama lengkap')).toHaveValue('Siti Rahmawati, S.Psi.');
  await expect(staleForm.getByLabel('Jabatan')).toHaveValue('Kepala Seksi');
});

test('an administrator deactivates an account with a reason; the audit trail records it and its chain verifies', async ({ page, harness }, testInfo) => {
  await page.goto(harness.url);
  await logIn(page, admin.username, admin.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Pengguna' }).click();

  await page.getByRole('button', { name: 'Tambah pengguna' }).click();
  const create = page.getByRole('dialog', { name: 'Tambah pengguna' });
  await create.getByLabel('Nama pengguna').fill('budi.konselor');
  await create.getByLabel('Nama lengkap').fill('Budi Santoso');
  await create.getByLabel('Peran').selectOption({ label: 'Pendamping/Konselor' });
  await create.getByRole('textbox', { name: 'Kata sandi awal' }).fill('Sementara-456');
  await create.getByRole('textbox', { name: 'Kata sandi awal' }).press('Enter');
  await expect(create).toBeHidden();

  await page.getByRole('button', { name: 'Nonaktifkan budi.konselor' }).click();
  const confirm = page.getByRole('dialog', { name: 'Nonaktifkan budi.konselor?' });
  await expect(confirm).toContainText('Kunci aksesnya ke register terenkripsi akan dihapus');
  await expect(confirm.getByLabel('Alasan penonaktifan')).toBeFocused();
  await confirm.getByRole('button', { name: 'Nonaktifkan pengguna' }).click();
  await expect(confirm.getByText('Wajib diisi')).toBeVisible();
  await confirm.getByLabel('Alasan penonaktifan').fill('Pindah tugas ke Dinas Sosial');
  await keepScreenshot(page, testInfo, 'deactivate-confirm');
  await confirm.getByRole('button', { name: 'Nonaktifkan pengguna' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('user-row-budi.konselor')).toContainText('Nonaktif');

  await page.getByRole('navigation').getByRole('link', { name: 'Jejak audit' }).click();
  await expect(page.getByRole('heading', { name: 'Jejak audit' })).toBeVisible();
  await page.getByLabel('Saring tindakan').selectOption({ label: 'Nonaktifkan pengguna' });
  const rows = page.getByRole('row');
  await expect(rows.filter({ hasText: 'Nonaktifkan pengguna' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Nonaktifkan pengguna' })).toContainText(admin.username);
  await expect(rows.filter({ hasText: 'Nonaktifkan pengguna' })).toContainText('Berhasil');
  // The record is named as a person knows it, not by an id.
  await expect(rows.filter({ hasText: 'Nonaktifkan pengguna' })).toContainText('Pengguna Budi');
  // Today's entries are found by date; a day before the office existed lists none.
  await page.getByLabel('Sampai tanggal').fill('01/01/2020');
  await page.getByLabel('Sampai tanggal').press('Tab');
  await expect(page.getByText('Tidak ada entri untuk saringan ini.')).toBeVisible();
  await page.getByLabel('Sampai tanggal').fill('');
  await page.getByLabel('Sampai tanggal').press('Tab');
  await expect(rows.filter({ hasText: 'Nonaktifkan pengguna' })).toHaveCount(1);

  await page.getByRole('button', { name: 'Periksa rantai audit' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Rantai audit utuh' })).toBeVisible();
  await keepScreenshot(page, testInfo, 'audit');
});

test('settings: the office name, the idle-lock minutes and the language', async ({ page, harness }, testInfo) => {
  await page.goto(harness.url);
  await logIn(page, admin.username, admin.password);
  await expect(page.getByTestId('office-name')).toHaveText(officeName);
  await page.getByRole('navigation').getByRole('link', { name: 'Pengaturan' }).click();

  const office = page.getByRole('region', { name: 'Profil kantor (kop surat)' });
  await office.getByLabel('Nama kantor').fill('UPTD PPA Kabupaten Mojokerto');
  await office.getByLabel('Kode pos').fill('613');
  await office.getByRole('button', { name: 'Simpan' }).click();
  await expect(office.getByText('Kode pos harus 5 digit angka')).toBeVisible();
  await office.getByLabel('Kode pos').fill('61382');
  await office.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByTestId('office-name')).toHaveText('UPTD PPA Kabupaten Mojokerto');

  const idle = page.getByRole('region', { name: 'Kunci otomatis' });
  await idle.getByLabel(/Kunci layar setelah/).fill('10');
  await idle.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Pengaturan kunci otomatis telah disimpan.')).toBeVisible();
  await keepScreenshot(page, testInfo, 'settings');
  await page.getByRole('navigation').getByRole('link', { name: 'Beranda' }).click();
  await expect(page.getByText('setelah 10 menit tanpa aktivitas')).toBeVisible();

  await page.getByRole('banner').getByText('English').click();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Users' })).toBeVisible();
  await expect(page.getByText('after 10 minutes without activity')).toBeVisible();
  await keepScreenshot(page, testInfo, 'english');
  // The choice is kept on this computer.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
});

test('an administrator gives a user a temporary password; the user must replace it at the next login', async ({ page, harness }, testInfo) => {
  await page.goto(harness.url);
  await logIn(page, admin.username, admin.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Pengguna' }).click();

  await page.getByRole('button', { name: 'Tambah pengguna' }).click();
  const create = page.getByRole('dialog', { name: 'Tambah pengguna' });
  await create.getByLabel('Nama pengguna').fill('sari.sekretariat');
  await create.getByLabel('Nama lengkap').fill('Sari Wulandari');
  await create.getByLabel('Peran').selectOption({ label: 'Sekretariat' });
  await create.getByRole('textbox', { name: 'Kata sandi awal' }).fill('Sementara-456');
  await create.getByRole('textbox', { name: 'Kata sandi awal' }).press('Enter');
  await expect(create).toBeHidden();

  await page.getByRole('button', { name: 'Atur ulang kata sandi sari.sekretariat' }).click();
  const reset = page.getByRole('dialog', { name: 'Atur ulang kata sandi sari.sekretariat' });
  await reset.getByRole('textbox', { name: 'Kata sandi sementara' }).fill('Baru-Sementara-789');
  await reset.getByRole('textbox', { name: 'Ulangi kata sandi' }).fill('Baru-Sementara-789');
  await reset.getByRole('button', { name: 'Atur ulang' }).click();
  await expect(reset).toBeHidden();
  await expect(page.getByText('Kata sandi sementara untuk sari.sekretariat telah disimpan.')).toBeVisible();
  await keepScreenshot(page, testInfo, 'reset-done');

  await page.getByRole('button', { name: 'Keluar' }).click();
  await logIn(page, 'sari.sekretariat', 'Baru-Sementara-789');
  await expect(page.getByText(/ganti kata sandi/i).first()).toBeVisible();
});
