import { OFFICE_TIME_ZONES, toInstant, type OfficeTimeZone } from '../calendar';
import { MONTHS, formatDate } from '../text';
import type { Period } from '../api/contract-reports';

/** A period on the office's calendar as the UTC instants bounding it: [from, to). */
export interface PeriodBounds {
  fromIso: string;
  toIso: string;
  /** The SQLite date modifier that turns a stored UTC instant into the office's wall clock ('+420 minutes'). */
  offset: string;
}

export function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function periodBounds(p: Period, tz: OfficeTimeZone): PeriodBounds {
  return {
    fromIso: toInstant(p.from, '00:00', tz).toISOString(),
    toIso: toInstant(nextDay(p.to), '00:00', tz).toISOString(),
    offset: `+${OFFICE_TIME_ZONES[tz].utcOffsetMinutes} minutes`,
  };
}

const lastDayOf = (year: number, month: number): string => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
const ROMAN = ['I', 'II', 'III', 'IV'];

/** "November 2026", "Triwulan IV 2026", "Semester I 2026", "Tahun 2026", else "1 Januari – 15 Maret 2026". */
export function periodLabel(p: Period): string {
  const [fy, fm, fd] = p.from.split('-').map(Number) as [number, number, number];
  const [ty, tm] = p.to.split('-').map(Number) as [number, number];
  const wholeMonths = fd === 1 && p.to === lastDayOf(ty, tm);
  if (wholeMonths && fy === ty) {
    const months = tm - fm + 1;
    if (months === 1) return `${MONTHS[fm - 1]} ${fy}`;
    if (months === 3 && (fm - 1) % 3 === 0) return `Triwulan ${ROMAN[(fm - 1) / 3]} ${fy}`;
    if (months === 6 && (fm === 1 || fm === 7)) return `Semester ${fm === 1 ? 'I' : 'II'} ${fy}`;
    if (months === 12) return `Tahun ${fy}`;
    return `${MONTHS[fm - 1]} – ${MONTHS[tm - 1]} ${fy}`;
  }
  if (fy === ty) return `${formatDate(p.from).replace(` ${fy}`, '')} – ${formatDate(p.to)}`;
  return `${formatDate(p.from)} – ${formatDate(p.to)}`;
}
