/** Calendar dates as 'YYYY-MM-DD' strings (local dates; no time, no time zone). */

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isRealDate({ year, month, day }: Ymd): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** 'YYYY-MM-DD' that names a real day, else null. */
export function parseIsoDate(s: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isRealDate(ymd) ? ymd : null;
}

/** For arguments that are the caller's responsibility (not user input). */
export function requireIsoDate(s: string, what: string): Ymd {
  const ymd = parseIsoDate(s);
  if (!ymd) throw new RangeError(`${what} must be a real date written YYYY-MM-DD, got ${JSON.stringify(s)}`);
  return ymd;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function toIsoDate({ year, month, day }: Ymd): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Negative, zero or positive, like a sort comparator. */
export function compareYmd(a: Ymd, b: Ymd): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** DD-MM-YYYY, the order Indonesian forms and ID cards print. */
export function formatDayMonthYear(iso: string): string {
  const ymd = parseIsoDate(iso);
  return ymd ? `${pad(ymd.day)}-${pad(ymd.month)}-${pad(ymd.year, 4)}` : iso;
}
