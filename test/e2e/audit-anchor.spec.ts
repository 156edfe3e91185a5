import { admin, expect, logIn, test } from './fixtures';

/**
 * The audit anchor in the app: the administrator prints the chain's newest entry and hash on
 * the letterhead, and later types them back to check the log still passes through them.
 */
test('an administrator prints an audit anchor and checks the log against it; a wrong hash is reported, not hidden', async ({ page, harness }) => {
  // The print dialog is the browser's: record what would be printed instead of opening it.
  await page.addInitScript(() => {
    window.print = () => {
      (window as unknown as { printed: string }).printed = document.querySelector('.docx-print-root')?.textContent ?? '';
    };
  });
  await page.goto(harness.url);
  await logIn(page, admin.username, admin.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Jejak audit' }).click();

  await page.getByRole('button', { name: 'Cetak titik pembanding' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed?: string }).printed ?? '')).toContain('TITIK JEJAK AUDIT');
  const printed = await page.evaluate(() => (window as unknown as { printed: string }).printed);
  const [, seq] = /Nomor entri\s*:?\s*(\d+)/.exec(printed) ?? [];
  const groups = printed.match(/\b[0-9a-f]{8}\b/g) ?? [];
  expect(seq).toBeTruthy();
  expect(groups.length).toBeGreaterThanOrEqual(4);

  // Typed back from the paper: the entry number and the first two groups of the hash.
  await page.getByRole('button', { name: 'Periksa terhadap titik…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Periksa terhadap titik pembanding' });
  await dialog.getByLabel('Nomor entri').fill(seq!);
  await dialog.getByLabel('Hash entri').fill(`${groups[0]} ${groups[1]}`);
  await dialog.getByRole('button', { name: 'Periksa' }).click();
  await expect(page.getByRole('status')).toContainText(`Titik pembanding #${seq} cocok.`);

  // A hash that is not the one on paper.
  await page.getByRole('button', { name: 'Periksa terhadap titik…' }).click();
  await dialog.getByLabel('Nomor entri').fill(seq!);
  await dialog.getByLabel('Hash entri').fill('0123');
  await dialog.getByRole('button', { name: 'Periksa' }).click();
  await expect(dialog.getByText('Ketik paling sedikit 16 karakter pertama hash')).toBeVisible();
  await dialog.getByLabel('Hash entri').fill('0123 4567 89ab cdef');
  await dialog.getByRole('button', { name: 'Periksa' }).click();
  await expect(page.getByRole('alert')).toContainText(`Titik pembanding #${seq} TIDAK COCOK`);
});
