import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import type { IntakeInput } from '../../electron/core/api/contract';
import { api } from './cases-api';
import { addStaff, staff } from './case-helpers';
import { expect, keepScreenshot, logIn, test, type Harness } from './fixtures';

/**
 * A head's monthly report: last month's recap on screen, a chart, a figure opened as the
 * cases behind it, the spreadsheet for the Dinas saved (after the warning), and the report
 * printed alone.
 */

const viewport = { width: 1366, height: 768 };

/** The 15th of last month, mid-morning in Jakarta (the office's zone), as an instant. */
function midLastMonth(): { instant: string; day: string } {
  const jakarta = new Date(Date.now() + 7 * 3_600_000);
  const year = jakarta.getUTCMonth() === 0 ? jakarta.getUTCFullYear() - 1 : jakarta.getUTCFullYear();
  const month = jakarta.getUTCMonth() === 0 ? 12 : jakarta.getUTCMonth();
  const day = `${year}-${String(month).padStart(2, '0')}-15`;
  return { instant: `${day}T03:00:00.000Z`, day };
}

/** Three complaints received last month (the harness's clock set back while they come in), then the real clock again. */
async function casesLastMonth(harness: Harness): Promise<string[]> {
  const { instant, day } = midLastMonth();
  await harness.restart({ TEDUH_FAKE_NOW: instant });
  const { tokens } = await addStaff(harness, [staff.worker, staff.head]);
  const token = tokens[staff.worker.username]!;
  const complaint = (name: string, birthDate: string, sex: 'L' | 'P', violenceTypes: IntakeInput['violenceTypes']): IntakeInput => ({
    serviceCode: 'pengaduan_kekerasan',
    channel: 'walk_in',
    riskLevel: 'medium',
    victims: [{ fullName: name, sex, birthDate }],
    violenceTypes,
    incident: { date: day, place: 'rumah_tangga', region: '', rt: '', rw: '', address: '' },
    chronology: 'Korban datang ke kantor dan menceritakan kekerasan yang dialaminya di rumah.',
    consent: { givenBy: 'victim', name, date: day },
  });
  const numbers: string[] = [];
  for (const c of [
    complaint('Lestari Handayani', '1992-03-14', 'P', ['psikis']),
    complaint('Nur Aini', '1988-07-02', 'P', ['fisik', 'psikis']),
    complaint('Rina Wati', '1995-11-20', 'P', ['fisik']),
  ]) {
    const { registerNo } = await api(harness.url, 'cases.register', c, token);
    numbers.push(registerNo);
  }
  await harness.restart();
  return numbers;
}

/** What the screen shows at 1366×768 (not the whole page), kept as a test artifact. */
async function keepView(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function openAsHead(page: Page, harness: Harness): Promise<void> {
  await page.goto(harness.url);
  await logIn(page, staff.head.username, staff.head.password);
  await page.getByTestId('current-user').waitFor();
}

test('a head opens last month\'s report, reads a chart, checks a figure against its cases, saves the spreadsheet and prints', async ({ browser, harness }, testInfo) => {
  // Two restarts of the harness, five logins (each one scrypt) and three cases before the story starts.
  test.setTimeout(180_000);
  const registerNos = await casesLastMonth(harness);
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  // The print dialog is the browser's: record what would be printed instead of opening it.
  await page.addInitScript(() => {
    window.print = () => {
      const w = window as unknown as { printed: { reportOnly: boolean; text: string } };
      w.printed = { reportOnly: document.body.classList.contains('printing-report'), text: document.querySelector('[data-testid="report"]')?.textContent ?? '' };
    };
  });
  await openAsHead(page, harness);

  // The dashboard compares this month with last month.
  const compare = page.getByTestId('month-compare');
  await expect(compare.getByTestId('compare-cases')).toContainText('Bulan lalu: 3');
  await compare.scrollIntoViewIfNeeded();
  await keepView(page, testInfo, 'view-dashboard');

  await page.getByRole('navigation').getByRole('link', { name: 'Laporan' }).click();
  await expect(page.getByRole('heading', { name: 'Laporan', level: 1 })).toBeVisible();
  await page.getByTestId('period-kind').selectOption({ label: 'Bulan lalu' });
  await expect(page).toHaveURL(/p=lastMonth/);
  const heading = page.getByTestId('report-heading');
  await expect(heading).toContainText('Semua layanan');
  await expect(heading).toContainText('Dasar umur');

  // A chart of the last twelve months, last month's bar carrying the three cases.
  const monthly = page.getByTestId('chart-monthly');
  await expect(monthly.locator('svg.recharts-surface').first()).toBeVisible();
  await expect(page.getByTestId('monthly-totals')).toContainText(': 3');
  await expect(page.getByTestId('chart-violence').locator('svg.recharts-surface').first()).toBeVisible();
  await keepScreenshot(page, testInfo, 'reports-last-month');
  await keepView(page, testInfo, 'view-top');
  await page.getByTestId('chart-violence').scrollIntoViewIfNeeded();
  await keepView(page, testInfo, 'view-charts');

  // Every row of a table is there, zeros included, with its totals.
  const byService = page.getByTestId('recap-casesByServiceChannel');
  await expect(byService.locator('tfoot')).toContainText('3');
  const total = byService.getByTestId('count-casesByServiceChannel-pengaduan_kekerasan-total');
  await expect(total).toHaveText('3');
  await byService.scrollIntoViewIfNeeded();
  await keepView(page, testInfo, 'view-table');
  await page.getByTestId('recap-byKecamatan').scrollIntoViewIfNeeded();
  await keepView(page, testInfo, 'view-kecamatan');

  // The figure opens as its cases, names masked, each a link to its case.
  await total.click();
  const drawer = page.getByRole('dialog', { name: 'Kasus di balik angka' });
  for (const no of registerNos) await expect(drawer.getByTestId(`case-row-${no}`)).toBeVisible();
  await expect(drawer.getByTestId(`case-row-${registerNos[0]}`).getByTestId('victim-name')).toHaveText('L*** H***');
  await keepView(page, testInfo, 'view-drill');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // With the keyboard only: Tab reaches the counts, Enter opens one.
  await total.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(total).toBeFocused();
  await keepView(page, testInfo, 'view-count-focused');
  await page.keyboard.press('Enter');
  await expect(drawer.getByTestId(`case-row-${registerNos[1]}`)).toBeVisible();
  await keepView(page, testInfo, 'view-drill-keyboard');
  await page.keyboard.press('Escape');

  // The spreadsheet for the Dinas: only after the warning that the copy is not encrypted.
  await page.getByTestId('export-xlsx').click();
  const warning = page.getByRole('dialog', { name: 'Simpan salinan di luar register' });
  await expect(warning).toContainText('Salinan ini tidak terenkripsi');
  await keepView(page, testInfo, 'view-save-warning');
  await warning.getByRole('button', { name: 'Saya mengerti, pilih tempat simpan' }).click();
  await expect(page.getByText(/Salinan disimpan: .*\.xlsx/)).toBeVisible();
  const saved = readdirSync(harness.saveDir).filter((f) => f.endsWith('.xlsx'));
  expect(saved).toHaveLength(1);
  expect(readFileSync(join(harness.saveDir, saved[0]!)).subarray(0, 2).toString('latin1')).toBe('PK');

  // The Laporan Bulanan (.docx), and one table as CSV with small counts hidden for outside the Dinas.
  await page.getByTestId('export-docx').click();
  await warning.getByRole('button', { name: 'Saya mengerti, pilih tempat simpan' }).click();
  await expect(page.getByText(/Salinan disimpan: Laporan Bulanan .*\.docx/)).toBeVisible();
  await page.getByTestId('hide-small').click();
  await expect(page.getByTestId('hide-small')).toBeChecked();
  await expect(page).toHaveURL(/hide=1/);
  await expect(page.getByTestId('report-filters')).toContainText('disembunyikan');
  await page.getByRole('button', { name: /Unduh CSV tabel Kasus menurut kecamatan/ }).click();
  await warning.getByRole('button', { name: 'Saya mengerti, pilih tempat simpan' }).click();
  await expect(page.getByText(/Salinan disimpan: .*byKecamatan.*\.csv/)).toBeVisible();
  const files = readdirSync(harness.saveDir);
  expect(files.filter((f) => f.endsWith('.docx'))).toHaveLength(1);
  expect(readFileSync(join(harness.saveDir, files.find((f) => f.endsWith('.docx'))!)).subarray(0, 2).toString('latin1')).toBe('PK');
  expect(files.filter((f) => f.endsWith('.csv') && f.includes('untuk luar Dinas'))).toHaveLength(1);

  // Printed: the report alone, with its period.
  await page.getByTestId('print-report').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed?: { reportOnly: boolean } }).printed?.reportOnly ?? false)).toBe(true);
  const printed = await page.evaluate(() => (window as unknown as { printed: { text: string } }).printed.text);
  expect(printed).toContain('Dasar umur');
  await page.evaluate(() => document.body.classList.add('printing-report'));
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation')).toBeHidden();
  await expect(page.getByTestId('export-xlsx')).toBeHidden();
  await expect(heading).toBeVisible();
  await keepScreenshot(page, testInfo, 'reports-print');
  await page.evaluate(() => window.scrollTo(0, 0));
  await keepView(page, testInfo, 'view-print-top');

  // Other periods: a quarter of a year, and from–to typed day first.
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => document.body.classList.remove('printing-report'));
  const year = midLastMonth().day.slice(0, 4);
  await page.getByTestId('period-kind').selectOption({ label: 'Triwulan' });
  await page.getByTestId('period-quarter').selectOption({ label: 'Triwulan IV' });
  await page.getByTestId('period-year').selectOption(year);
  await expect(page.getByTestId('report-period')).toContainText(`Triwulan IV ${year}`);
  await expect(page).toHaveURL(new RegExp(`p=quarter.*q=4|q=4.*p=quarter`));
  await page.getByTestId('period-kind').selectOption({ label: 'Dari tanggal – sampai tanggal' });
  // It starts from the period shown until now.
  await expect(page.getByRole('textbox', { name: 'Dari tanggal', exact: true })).toHaveValue(`01/10/${year}`);
  await expect(page).toHaveURL(new RegExp(`from=${year}-10-01`));
  const from = page.getByRole('textbox', { name: 'Dari tanggal', exact: true });
  const to = page.getByRole('textbox', { name: 'Sampai tanggal', exact: true });
  await from.fill(`01/01/${year}`);
  await from.press('Tab');
  await expect(page).toHaveURL(new RegExp(`from=${year}-01-01`));
  await to.fill(`15/03/${year}`);
  await to.press('Tab');
  await expect(page).toHaveURL(new RegExp(`to=${year}-03-15`));
  await expect(page.getByTestId('report-period')).toContainText('Maret');
  await page.evaluate(() => window.scrollTo(0, 0));
  await keepView(page, testInfo, 'view-range');

  // The same report in English.
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await expect(page.getByTestId('recap-casesByServiceChannel')).toContainText('Cases by service and channel');
  await keepView(page, testInfo, 'view-english');
  await context.close();
});
