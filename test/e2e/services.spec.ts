import { admin, expect, keepScreenshot, logIn, test } from './fixtures';
import { aMediation, casePath, registerCaseDetail } from './case-helpers';
import { logInByApi } from './cases-api';

test("an office renames a step: new cases follow the new version of the standard, a running case keeps its own", async ({ page, harness }, testInfo) => {
  const adminToken = await logInByApi(harness.url, admin.username, admin.password);
  const running = await registerCaseDetail(harness, adminToken, aMediation());

  await page.goto(harness.url);
  await logIn(page, admin.username, admin.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Pengaturan' }).click();
  const mediation = page.getByTestId('service-mediasi');
  await mediation.getByRole('button', { name: /Mediasi/ }).click();
  await expect(mediation).toContainText('kasus yang sudah berjalan tetap memakai versi lamanya');
  await mediation.getByLabel('Nama langkah 1').fill('Asesmen awal: apakah kasus dapat dimediasi');
  await keepScreenshot(page, testInfo, 'service-settings');
  await mediation.getByRole('button', { name: 'Simpan sebagai versi baru' }).click();
  await expect(page.getByText('Tersimpan sebagai versi 2')).toBeVisible();
  await expect(mediation.getByRole('button', { name: /Mediasi/ })).toContainText('versi 2');

  const fresh = await registerCaseDetail(harness, adminToken, aMediation({ victims: [{ fullName: 'Lestari Wibowo', birthDate: '1995-07-09', sex: 'P' }] }));

  // The case that was already running: version 1, the old wording.
  await page.goto(`${harness.url}#${casePath(running.id)}`);
  await expect(page.getByTestId('case-register-no')).toHaveText(running.registerNo);
  await expect(page.getByTestId('case-standard-version')).toHaveText('Standar versi 1');
  await expect(page.getByTestId('step-asesmen')).toContainText('Asesmen: dapatkah kasus dimediasi');

  // The case registered after the change: version 2, the office's wording.
  await page.goto(`${harness.url}#${casePath(fresh.id)}`);
  await expect(page.getByTestId('case-register-no')).toHaveText(fresh.registerNo);
  await expect(page.getByTestId('case-standard-version')).toHaveText('Standar versi 2');
  await expect(page.getByTestId('step-asesmen')).toContainText('Asesmen awal: apakah kasus dapat dimediasi');
  await keepScreenshot(page, testInfo, 'new-version-case');
});
