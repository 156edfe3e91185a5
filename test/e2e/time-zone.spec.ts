import { admin, expect, logIn, test } from './fixtures';

// A PC whose clock is set to another zone (a common factory default) still shows the office's times.
test.use({ timezoneId: 'America/Los_Angeles' });

test("times on screen are on the office's clock (WIB), not the PC's zone", async ({ page, harness }) => {
  const jakartaHour = () => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Jakarta' }).format(new Date());
  const before = jakartaHour();
  await page.goto(harness.url);
  await logIn(page, admin.username, admin.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Jejak audit' }).click();
  const newest = page.getByRole('row').nth(1).getByRole('cell').first();
  await expect(newest).toContainText('pukul');
  const shown = (await newest.textContent()) ?? '';
  const after = jakartaHour();
  expect([`pukul ${before}.`, `pukul ${after}.`].some((h) => shown.includes(h)), shown).toBe(true);
});
