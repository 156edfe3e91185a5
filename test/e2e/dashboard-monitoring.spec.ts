import { addFrontDeskOfficer, api, frontDesk, registerCase, walkInComplaint } from './cases-api';
import { expect, keepScreenshot, logIn, test } from './fixtures';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('the dashboard shows late monitoring visits apart from those in the next seven days', async ({ page, harness }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const token = await addFrontDeskOfficer(harness.url);
  const late = await registerCase(harness.url, token, walkInComplaint('Ani Lestari'));
  const soon = await registerCase(harness.url, token, walkInComplaint('Budi Hartini'));
  await api(harness.url, 'items.save', { caseId: late.id, caseVersion: late.version, kind: 'monitoring_visit', data: { plannedDate: day(-3) } }, token);
  await api(harness.url, 'items.save', { caseId: soon.id, caseVersion: soon.version, kind: 'monitoring_visit', data: { plannedDate: day(3) } }, token);

  await page.goto(harness.url);
  await logIn(page, frontDesk.username, frontDesk.password);
  const panel = page.getByTestId('dashboard-monitoring');
  await expect(panel.getByTestId('dashboard-monitoring-overdue')).toContainText(late.registerNo);
  await expect(panel.getByTestId('dashboard-monitoring-overdue')).not.toContainText(soon.registerNo);
  await expect(panel.getByTestId('dashboard-monitoring-upcoming')).toContainText(soon.registerNo);
  await expect(panel.getByTestId('dashboard-monitoring-upcoming')).not.toContainText(late.registerNo);
  await panel.scrollIntoViewIfNeeded();
  await keepScreenshot(page, testInfo, 'dashboard-monitoring');
});
