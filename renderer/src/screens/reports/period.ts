import type { Period } from '../../../../electron/core/api/contract';

/** The ways a head names the period of a report, as kept in the address (`p`). */
export const periodKinds = ['month', 'lastMonth', 'quarter', 'year', 'range'] as const;
export type PeriodKind = (typeof periodKinds)[number];

/** What the address holds about the period: its kind and the parts that kind needs. */
export interface PeriodChoice {
  kind: PeriodKind;
  /** quarter: 1–4. */
  quarter: number;
  /** quarter and year: the calendar year. */
  year: number;
  /** range: 'YYYY-MM-DD', inclusive. */
  from: string | null;
  to: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of a month (1–12), as a day number. */
function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthPeriod(year: number, month: number): Period {
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDay(year, month))}` };
}

/** The quarter (1–4) a month (1–12) falls in. */
export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/** The period as the address says it, with defaults taken from today on the office's calendar. */
export function readPeriodChoice(get: (name: string) => string | null, today: string): PeriodChoice {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const kind = (periodKinds as readonly string[]).includes(get('p') ?? '') ? (get('p') as PeriodKind) : 'month';
  const y = Number(get('y'));
  const q = Number(get('q'));
  const date = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
  return {
    kind,
    year: Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : year,
    quarter: Number.isInteger(q) && q >= 1 && q <= 4 ? q : quarterOf(month),
    from: date(get('from')),
    to: date(get('to')),
  };
}

/**
 * The dates a choice stands for, on the office's calendar (`today` is its date there);
 * null while a from–to range is incomplete or backwards.
 */
export function resolvePeriod(choice: PeriodChoice, today: string): Period | null {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (choice.kind) {
    case 'month':
      return monthPeriod(year, month);
    case 'lastMonth':
      return month === 1 ? monthPeriod(year - 1, 12) : monthPeriod(year, month - 1);
    case 'quarter': {
      const first = (choice.quarter - 1) * 3 + 1;
      return { from: monthPeriod(choice.year, first).from, to: monthPeriod(choice.year, first + 2).to };
    }
    case 'year':
      return { from: `${choice.year}-01-01`, to: `${choice.year}-12-31` };
    case 'range':
      return choice.from && choice.to && choice.from <= choice.to ? { from: choice.from, to: choice.to } : null;
  }
}

/** The month ('YYYY-MM') a period ends in: the last of the twelve the monthly chart shows. */
export function endMonthOf(period: Period): string {
  return period.to.slice(0, 7);
}

/** The same length of time just before: last month for a month, the previous quarter... */
export function previousMonth(period: Period): Period {
  const year = Number(period.from.slice(0, 4));
  const month = Number(period.from.slice(5, 7));
  return month === 1 ? monthPeriod(year - 1, 12) : monthPeriod(year, month - 1);
}

/** Roman numerals of the quarters, as reports write them ("Triwulan IV 2026"). */
export const quarterNumerals = ['I', 'II', 'III', 'IV'] as const;
