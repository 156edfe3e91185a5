import { admin, expect, keepScreenshot, logIn, test } from './fixtures';

test('an administrator logs in; a wrong password is refused in Indonesian and stays on login', async ({ page, harness }, testInfo) => {
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
  await expect(page.getByLabel('Nama pengguna')).toBeFocused();

  await logIn(page, admin.username, 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('Nama pengguna atau kata sandi salah.');
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
  await keepScreenshot(page, testInfo, 'wrong-password');

  await logIn(page, admin.username, admin.password);
  await expect(page.getByTestId('current-user')).toContainText(admin.fullName);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Pengguna' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Jejak audit' })).toBeVisible();
  await keepScreenshot(page, testInfo, 'dashboard');
});
