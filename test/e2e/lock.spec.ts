import { admin, expect, keepScreenshot, logIn, test } from './fixtures';

test('the screen locks itself after the idle time, and the login screen says why', async ({ page, harness }, testInfo) => {
  await page.clock.install();
  await page.goto(harness.url);
  await logIn(page, admin.username, admin.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Pengaturan' }).click();
  await expect(page.getByRole('heading', { name: 'Pengaturan' })).toBeVisible();

  // Activity keeps it open: four idle minutes, a key press, then two more.
  await page.clock.fastForward('04:00');
  await page.mouse.move(200, 300);
  await page.clock.fastForward('02:00');
  await expect(page.getByTestId('current-user')).toBeVisible();

  // Five minutes without activity (the office default) locks it.
  await page.clock.fastForward('05:01');
  await expect(page.getByText('Layar dikunci karena tidak ada aktivitas. Masuk kembali untuk melanjutkan.')).toBeVisible();
  await expect(page.getByTestId('current-user')).toHaveCount(0);
  await keepScreenshot(page, testInfo, 'locked-for-inactivity');

  // Logging in again returns to the screen that was open.
  await logIn(page, admin.username, admin.password);
  await expect(page.getByRole('heading', { name: 'Pengaturan' })).toBeVisible();
});

test('the lock button locks the screen at once', async ({ page, harness }, testInfo) => {
  await page.goto(harness.url);
  await logIn(page, admin.username, admin.password);
  await expect(page.getByTestId('current-user')).toBeVisible();

  await page.getByRole('button', { name: 'Kunci layar' }).click();
  await expect(page.getByText('Layar telah dikunci. Masuk kembali untuk melanjutkan.')).toBeVisible();
  await expect(page.getByTestId('current-user')).toHaveCount(0);
  await keepScreenshot(page, testInfo, 'locked-manually');
});

test('logging out returns to login, and going back shows no app content', async ({ page, harness }, testInfo) => {
  await page.goto(harness.url);
  await logIn(page, admin.username, admin.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Pengguna' }).click();
  await expect(page.getByTestId(`user-row-${admin.username}`)).toBeVisible();

  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByText('Anda telah keluar.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();

  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
  await expect(page.getByTestId('current-user')).toHaveCount(0);
  await expect(page.getByTestId(`user-row-${admin.username}`)).toHaveCount(0);
  await page.goForward();
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
  await expect(page.getByTestId('current-user')).toHaveCount(0);
  await keepScreenshot(page, testInfo, 'after-logout-and-back');
});

test('F8 hides the whole screen at once and F8 brings it back', async ({ page, harness }, testInfo) => {
  await page.goto(harness.url);
  await logIn(page, admin.username, admin.password);
  await expect(page.getByTestId('current-user')).toBeVisible();

  await page.keyboard.press('F8');
  await expect(page.getByText('Layar disembunyikan — tekan F8 untuk kembali')).toBeVisible();
  // The app underneath is out of reach: not in the accessibility tree, not focusable.
  await expect(page.getByRole('button', { name: 'Keluar' })).toHaveCount(0);
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await keepScreenshot(page, testInfo, 'hidden');

  await page.keyboard.press('F8');
  await expect(page.getByText('Layar disembunyikan — tekan F8 untuk kembali')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Keluar' })).toBeVisible();
});
