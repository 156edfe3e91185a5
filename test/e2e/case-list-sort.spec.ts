import { addFrontDeskOfficer, frontDesk, registerCase, walkInComplaint } from './cases-api';
import { expect, keepScreenshot, logIn, test } from './fixtures';

test('a case list is sorted by clicking a column, by keyboard too, and the order stays in the address', async ({ page, harness }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const token = await addFrontDeskOfficer(harness.url);
  const low = await registerCase(harness.url, token, walkInComplaint('Ani Lestari', { riskLevel: 'low' }));
  const high = await registerCase(harness.url, token, walkInComplaint('Budi Hartini', { riskLevel: 'high' }));
  const medium = await registerCase(harness.url, token, walkInComplaint('Citra Dewi', { riskLevel: 'medium' }));
  await page.goto(harness.url);
  await logIn(page, frontDesk.username, frontDesk.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Pengaduan Kekerasan' }).click();
  const list = page.getByTestId('case-list');
  const order = async () => (await list.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid'))));
  await expect.poll(order).toEqual([medium, high, low].map((c) => `case-row-${c.registerNo}`));

  const risk = list.getByRole('button', { name: 'Risiko' });
  await risk.click();
  await expect(list.getByRole('columnheader', { name: /Risiko/ })).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(order).toEqual([high, medium, low].map((c) => `case-row-${c.registerNo}`));
  await expect(page).toHaveURL(/sort=risk/);
  await keepScreenshot(page, testInfo, 'case-list-sorted-by-risk');
  // Again, by keyboard: the other way round.
  await risk.focus();
  await page.keyboard.press('Enter');
  await expect.poll(order).toEqual([low, medium, high].map((c) => `case-row-${c.registerNo}`));
  // After a reload the list is still sorted as chosen.
  await page.reload();
  await logIn(page, frontDesk.username, frontDesk.password);
  await expect.poll(order).toEqual([low, medium, high].map((c) => `case-row-${c.registerNo}`));
});
