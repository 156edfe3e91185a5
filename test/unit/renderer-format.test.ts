import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime, officeHour, officeToday, setOfficeTimeZone } from '../../renderer/src/i18n/format';

// The screens show times on the office's clock (WIB, WITA, WIT), whatever zone the PC is set to.
afterEach(() => setOfficeTimeZone('Asia/Jakarta'));

describe("the screens' dates and times", () => {
  const instant = '2026-11-22T17:30:00.000Z';

  it('are on the office clock: 00.30 WIB, 01.30 WITA, 02.30 WIT the next day', () => {
    expect(formatTime(instant)).toBe('00.30');
    expect(formatDateTime(instant)).toBe('23 November 2026 pukul 00.30.00');
    setOfficeTimeZone('Asia/Makassar');
    expect(formatTime(instant)).toBe('01.30');
    setOfficeTimeZone('Asia/Jayapura');
    expect(formatDateTime(instant, { withTime: false })).toBe('23 November 2026');
    expect(officeHour(new Date(instant))).toBe(2);
  });

  it("today is the office's date, which may not be the PC's (UTC) date", () => {
    expect(officeToday(new Date(instant))).toBe('2026-11-23');
    expect(officeToday(new Date('2026-11-22T16:59:59.000Z'))).toBe('2026-11-22');
  });

  it('a date without a time names that day in every zone', () => {
    for (const zone of ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']) {
      setOfficeTimeZone(zone);
      expect(formatDate('2026-01-01')).toBe('1 Januari 2026');
    }
  });
});
