import { expect, keepScreenshot, test } from './fixtures';
import { addStaff, aMediation, apiOf, casePath, openAs, registerCaseDetail, staff } from './case-helpers';

test('a sexual violence case cannot go to mediation: the step says why (UU TPKS) and only declining remains', async ({ browser, harness }, testInfo) => {
  const call = apiOf(harness);
  const { adminToken, tokens } = await addStaff(harness, [staff.worker]);
  const c = await registerCaseDetail(harness, adminToken, aMediation({ violenceTypes: ['seksual', 'psikis'] }));

  const page = await openAs(browser, harness, staff.worker, casePath(c.id));
  const assessment = page.getByTestId('step-asesmen');
  await expect(assessment.getByTestId('step-blocked')).toContainText('Kasus kekerasan seksual tidak dapat diselesaikan melalui mediasi');
  await expect(assessment.getByTestId('step-blocked')).toContainText('UU No. 12 Tahun 2022 tentang TPKS');
  await expect(assessment.getByRole('radio', { name: 'Kasus dapat dimediasi' })).toBeDisabled();
  await expect(assessment.getByRole('radio', { name: /Kasus tidak dapat dimediasi/ })).toBeEnabled();
  await keepScreenshot(page, testInfo, 'tpks');

  // Completing it as mediable is impossible; the core refuses it too, with the same reason.
  await assessment.getByLabel('Hasil identifikasi dan analisis').fill('Korban mengalami kekerasan seksual oleh suami.');
  await assessment.getByRole('button', { name: 'Selesaikan' }).click();
  await expect(assessment.getByText('Pilih hasil langkah ini')).toBeVisible();
  await expect(assessment.getByTestId('step-status')).not.toHaveText('Selesai');
  const refused = await call(tokens[staff.worker.username]!, 'steps.complete', {
    caseId: c.id,
    caseVersion: c.version,
    step: 'asesmen',
    outcome: 'dapat_dimediasi',
    data: { analysis: 'x' },
  }).catch((e: Error) => e.message);
  expect(refused).toContain('UU No. 12 Tahun 2022');

  // Declining closes the case, after a confirmation that names what it means.
  await assessment.getByRole('radio', { name: /Kasus tidak dapat dimediasi/ }).check();
  await assessment.getByRole('button', { name: 'Selesaikan' }).click();
  const confirm = page.getByRole('dialog', { name: 'Hasil ini menutup kasus' });
  await expect(confirm).toContainText('Mediasi tidak dapat dilaksanakan');
  await confirm.getByRole('button', { name: 'Ya, tutup kasus' }).click();
  await expect(page.getByTestId('case-status')).toContainText('Ditutup — Mediasi tidak dapat dilaksanakan');
});

test('two people edit the same case: the later save is refused, says what changed, and overwrites nothing', async ({ browser, harness }, testInfo) => {
  const call = apiOf(harness);
  const { adminToken } = await addStaff(harness, [staff.worker, staff.head]);
  const c = await registerCaseDetail(harness, adminToken, aMediation());

  const first = await openAs(browser, harness, staff.head, casePath(c.id));
  const second = await openAs(browser, harness, staff.worker, casePath(c.id));
  await expect(second.getByTestId('case-register-no')).toHaveText(c.registerNo);

  // With nothing typed, the second screen follows a change made on the first at once.
  await first.getByRole('tab', { name: /Persyaratan/ }).click();
  const identity = first.getByTestId('requirement-identitas_penerima_manfaat');
  await identity.getByRole('combobox').selectOption({ label: 'Lengkap' });
  await identity.getByRole('button', { name: /Simpan/ }).click();
  await expect(first.getByRole('tab', { name: /Persyaratan/ })).toContainText('1/3');
  await expect(second.getByRole('tab', { name: /Persyaratan/ })).toContainText('1/3');

  // The second person starts correcting the chronology...
  await second.getByRole('tab', { name: 'Ringkasan' }).click();
  await second.getByRole('button', { name: 'Ubah ringkasan' }).click();
  await second.getByLabel('Kronologi').fill('Versi kedua: korban diancam melalui pesan singkat.');

  // ...while the first saves their own correction and records the assessment.
  await first.getByRole('tab', { name: 'Ringkasan' }).click();
  await first.getByRole('button', { name: 'Ubah ringkasan' }).click();
  await first.getByLabel('Kronologi').fill('Versi pertama: pertengkaran soal nafkah anak, korban takut pulang.');
  await first.getByRole('button', { name: 'Simpan' }).click();
  await expect(first.getByTestId('case-chronology')).toHaveText('Versi pertama: pertengkaran soal nafkah anak, korban takut pulang.');
  await first.getByRole('tab', { name: 'Langkah' }).click();
  const assessment = first.getByTestId('step-asesmen');
  await assessment.getByLabel('Hasil identifikasi dan analisis').fill('Dapat dimediasi.');
  await assessment.getByRole('radio', { name: 'Kasus dapat dimediasi' }).check();
  await assessment.getByRole('button', { name: 'Selesaikan' }).click();
  await expect(assessment.getByTestId('step-status')).toHaveText('Selesai');

  // The second screen holds its edits and says a newer version waits.
  await expect(second.getByText('Kasus ini baru saja diubah oleh orang lain')).toBeVisible();
  await second.getByRole('button', { name: 'Simpan' }).click();
  const changed = second.getByRole('dialog', { name: 'Kasus ini sudah diubah oleh orang lain' });
  await expect(changed.getByTestId('case-changes')).toContainText('Kronologi diubah');
  await expect(changed.getByTestId('case-changes')).toContainText('Langkah "Asesmen: dapatkah kasus dimediasi": Belum dikerjakan → Selesai');
  await expect(changed).toContainText('perubahan orang lain tidak ditimpa');
  await keepScreenshot(second, testInfo, 'conflict');
  await changed.getByRole('button', { name: 'Saya mengerti' }).click();

  // Nothing was overwritten: both screens and the register show the first person's words.
  await expect(second.getByTestId('case-chronology')).toHaveText('Versi pertama: pertengkaran soal nafkah anak, korban takut pulang.');
  const stored = await call(adminToken, 'cases.get', { id: c.id });
  expect(stored.chronology).toBe('Versi pertama: pertengkaran soal nafkah anak, korban takut pulang.');
});
