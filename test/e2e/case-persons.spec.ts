import { addFrontDeskOfficer, frontDesk, registerCase, walkInComplaint } from './cases-api';
import { expect, keepScreenshot, logIn, test } from './fixtures';

test('a reporter who is also the victim appears once on the Orang tab, marked as the reporter', async ({ page, harness }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const token = await addFrontDeskOfficer(harness.url);
  const c = await registerCase(
    harness.url,
    token,
    walkInComplaint('Sri Rahayu', { reporterIsVictim: true, reporter: { fullName: 'Sri Rahayu', sex: 'P', birthDate: '1990-06-05' }, victims: [] }),
  );
  await page.goto(`${harness.url}#/cases/${c.id}`);
  await logIn(page, frontDesk.username, frontDesk.password);
  // One person in the case, counted once.
  await expect(page.getByRole('tab', { name: /Orang/ })).toContainText('1');
  await page.getByRole('tab', { name: /Orang/ }).click();
  const cards = page.locator('[data-testid^="person-"]').filter({ hasText: 'Sri Rahayu' });
  await expect(cards).toHaveCount(1);
  await expect(cards).toContainText('Juga pelapor');
  await expect(page.getByRole('region', { name: 'Pelapor' })).toHaveCount(0);
  await keepScreenshot(page, testInfo, 'persons-reporter-is-victim');
});
