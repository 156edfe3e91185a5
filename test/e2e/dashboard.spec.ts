import { addFrontDeskOfficer, frontDesk, logInByApi, registerCase, walkInComplaint } from './cases-api';
import { expect, keepScreenshot, logIn, test } from './fixtures';

test('a complaint not answered within its 30 minutes shows on the dashboard as overdue, in red', async ({ page, harness }, testInfo) => {
  // The complaint comes in two hours ago: the harness runs its clock from then while the case is
  // registered (TEDUH_FAKE_NOW), then runs on the real clock again. Nothing is written by hand.
  const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000).toISOString();
  await harness.restart({ TEDUH_FAKE_NOW: twoHoursAgo });
  await addFrontDeskOfficer(harness.url);
  const token = await logInByApi(harness.url, frontDesk.username, frontDesk.password);
  const late = await registerCase(harness.url, token, walkInComplaint('Lestari Handayani'));
  await harness.restart();

  // One received just now is still within its time.
  const freshToken = await logInByApi(harness.url, frontDesk.username, frontDesk.password);
  const fresh = await registerCase(harness.url, freshToken, walkInComplaint('Nur Aini'));

  await page.goto(harness.url);
  await logIn(page, frontDesk.username, frontDesk.password);
  const overdue = page.getByTestId('dashboard-overdue');
  await expect(overdue.getByRole('heading', { name: 'Terlambat' })).toHaveCSS('color', 'rgb(240, 62, 62)');
  const row = overdue.getByTestId(`case-row-${late.registerNo}`);
  await expect(row).toBeVisible();
  const due = row.locator('[data-overdue="true"]');
  await expect(due).toContainText(/Terlambat \(lewat (\d+ menit|1 jam|2 jam)\)/);
  await expect(due).toHaveCSS('color', 'rgb(240, 62, 62)');
  await expect(row.getByTestId('victim-name')).toHaveText('L*** H***');
  await expect(overdue.getByTestId(`case-row-${fresh.registerNo}`)).toHaveCount(0);

  const dueSoon = page.getByTestId('dashboard-due-soon');
  await expect(dueSoon.getByTestId(`case-row-${fresh.registerNo}`)).toContainText(/sisa (2\d|30) menit/);
  await expect(page.getByTestId('dashboard-open')).toContainText('2 kasus berjalan');
  await keepScreenshot(page, testInfo, 'dashboard-overdue');

  // From the dashboard, the overdue case opens with one click.
  await row.getByRole('link', { name: late.registerNo }).click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${late.id}$`));
});
