import { describe, expect, it } from 'vitest';
import { endMonthOf, previousMonth, readPeriodChoice, resolvePeriod } from '../../renderer/src/screens/reports/period';

/** The Reports screen's period as the address holds it, turned into the dates the core is asked for. */
const periodOf = (query: string, today: string) => {
  const params = new URLSearchParams(query);
  return resolvePeriod(readPeriodChoice((n) => params.get(n), today), today);
};

describe('the report period', () => {
  it('is this month unless chosen otherwise, to its last day', () => {
    expect(periodOf('', '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodOf('', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it("last month in January is the previous year's December", () => {
    expect(periodOf('p=lastMonth', '2027-01-03')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodOf('p=lastMonth', '2026-12-08')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('a quarter (Triwulan I–IV) of a chosen year, the current one by default', () => {
    expect(periodOf('p=quarter&q=4&y=2026', '2027-01-03')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf('p=quarter&q=1&y=2026', '2026-12-08')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodOf('p=quarter', '2026-08-31')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
  });

  it('a year, and a from–to range only when complete and in order', () => {
    expect(periodOf('p=year&y=2025', '2026-12-08')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(periodOf('p=range&from=2026-01-01&to=2026-03-15', '2026-12-08')).toEqual({ from: '2026-01-01', to: '2026-03-15' });
    expect(periodOf('p=range&from=2026-01-01', '2026-12-08')).toBeNull();
    expect(periodOf('p=range&from=2026-03-01&to=2026-01-01', '2026-12-08')).toBeNull();
  });

  it('ignores what the address cannot mean', () => {
    expect(periodOf('p=decade&q=9&y=1200', '2026-12-08')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodOf('p=quarter&q=7&y=abc', '2026-05-08')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
  });

  it("ends the twelve-month chart with the period's last month, and finds the month before", () => {
    expect(endMonthOf({ from: '2026-10-01', to: '2026-12-31' })).toBe('2026-12');
    expect(previousMonth({ from: '2026-01-01', to: '2026-01-31' })).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });
});
