import { DEFAULT_DESK_HOURS, deskSpansByWeekday, END_OF_DAY_MS, type DeskSpan } from './desk-hours';
import {
  DAY_MS,
  MINUTE_MS,
  dayNumber,
  localDateOf,
  localTimeOfDayMs,
  utcOffsetMs,
  type OfficeTimeZone,
} from './time-zone';
import type { SlaRule, TimeLeft, WorkingCalendar } from './types';

/** How far ahead a search for a working day or an opening may run before the calendar is called unusable. */
const MAX_DAYS_AHEAD = 3660;

/** The calendar checked and indexed once per call; days are counted as day numbers. */
interface Resolved {
  tz: OfficeTimeZone;
  offsetMs: number;
  daysOff: ReadonlySet<number>;
  spans: readonly (readonly DeskSpan[])[];
}

function resolve(cal: WorkingCalendar): Resolved {
  return {
    tz: cal.timeZone,
    offsetMs: utcOffsetMs(cal.timeZone),
    daysOff: new Set(cal.holidays.map((h) => dayNumber(h.date))),
    spans: deskSpansByWeekday(cal.deskHours ?? DEFAULT_DESK_HOURS),
  };
}

function weekday(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

/** The desk's intervals on a day: none on a day off, whatever its weekday. */
function openSpans(day: number, r: Resolved): readonly DeskSpan[] {
  return r.daysOff.has(day) ? [] : (r.spans[weekday(day)] ?? []);
}

function worksOn(day: number, r: Resolved): boolean {
  const wd = weekday(day);
  return wd >= 1 && wd <= 5 && openSpans(day, r).length > 0;
}

function dayOf(instant: Date, r: Resolved): number {
  return dayNumber(localDateOf(instant, r.tz));
}

function at(day: number, msOfDay: number, r: Resolved): Date {
  return new Date(day * DAY_MS + msOfDay - r.offsetMs);
}

/**
 * When a deadline that runs to "the close of" a day ends: the desk's last close that day,
 * or 23:59:59.999 local when the desk does not open that day.
 */
function closeOfDay(day: number, r: Resolved): Date {
  const spans = openSpans(day, r);
  const last = spans[spans.length - 1];
  return at(day, last ? Math.min(last.closeMs, END_OF_DAY_MS) : END_OF_DAY_MS, r);
}

function countWorkingDays(fromDay: number, toDay: number, r: Resolved): number {
  if (toDay < fromDay) return -countWorkingDays(toDay, fromDay, r);
  let n = 0;
  for (let day = fromDay + 1; day <= toDay; day++) if (worksOn(day, r)) n++;
  return n;
}

/**
 * A working day (hari kerja) is Monday to Friday, not in the holiday table, and a day the
 * service's desk opens. Desk hours on a Saturday or Sunday let the desk receive people
 * but do not make it a working day: hari kerja is the government working week.
 */
export function isWorkingDay(localDate: string, cal: WorkingCalendar): boolean {
  return worksOn(dayNumber(localDate), resolve(cal));
}

/** Whether the desk is open at an instant: inside an interval (so not in a break) on a day that is not a day off. */
export function isWithinDeskHours(instant: Date, cal: WorkingCalendar): boolean {
  const r = resolve(cal);
  const t = localTimeOfDayMs(instant, r.tz);
  return openSpans(dayOf(instant, r), r).some((s) => s.openMs <= t && t < s.closeMs);
}

/**
 * When the desk next opens: the instant itself while the desk is open, else the start of its
 * next interval (after a break, or on the next day it opens). Something received outside desk
 * hours is taken in at this time.
 */
export function nextOpening(instant: Date, cal: WorkingCalendar): Date {
  const r = resolve(cal);
  const today = dayOf(instant, r);
  const t = localTimeOfDayMs(instant, r.tz);
  const todaySpans = openSpans(today, r);
  if (todaySpans.some((s) => s.openMs <= t && t < s.closeMs)) return new Date(instant.getTime());
  const later = todaySpans.find((s) => s.openMs > t);
  if (later) return at(today, later.openMs, r);
  for (let day = today + 1; day <= today + MAX_DAYS_AHEAD; day++) {
    const first = openSpans(day, r)[0];
    if (first) return at(day, first.openMs, r);
  }
  throw new RangeError('The desk never opens: check the service desk hours and the holiday table');
}

/**
 * When a time limit that starts at `start` ends, counted the way Teduh counts:
 * - `minutes`, `hours`: on the wall clock, desk hours and days off do not matter.
 * - `working_days`: at the close of desk hours on the Nth working day after the start's
 *   local day. The start's own day never counts, however early it began; a start on a
 *   Saturday, Sunday or holiday counts from the next working day as day 1.
 * - `days`: at the close of desk hours on the Nth calendar day after the start's local day,
 *   or 23:59:59.999 local when the desk does not open that day. A deadline landing on a
 *   weekend or holiday stays there: calendar days are calendar days, and moving it to the
 *   next working day would be a different rule than the one the service standard states.
 */
export function dueAt(rule: SlaRule, start: Date, cal: WorkingCalendar): Date {
  if (!Number.isInteger(rule.amount) || rule.amount < 1) {
    throw new RangeError(`A time limit is a whole number of at least 1, not ${rule.amount}`);
  }
  const r = resolve(cal);
  const startDay = dayOf(start, r);
  switch (rule.unit) {
    case 'minutes':
      return new Date(start.getTime() + rule.amount * MINUTE_MS);
    case 'hours':
      return new Date(start.getTime() + rule.amount * 60 * MINUTE_MS);
    case 'days':
      return closeOfDay(startDay + rule.amount, r);
    case 'working_days': {
      let day = startDay;
      for (let counted = 0; counted < rule.amount; ) {
        day++;
        if (day - startDay > MAX_DAYS_AHEAD) {
          throw new RangeError('No working days ahead: check the service desk hours and the holiday table');
        }
        if (worksOn(day, r)) counted++;
      }
      return closeOfDay(day, r);
    }
    default:
      throw new RangeError(`Unknown time unit: ${String((rule as { unit: unknown }).unit)}`);
  }
}

/**
 * Whole working days after `a`'s local day up to and including `b`'s local day
 * (0 on the same day; negative when `b` is before `a`).
 */
export function workingDaysBetween(a: Date, b: Date, cal: WorkingCalendar): number {
  const r = resolve(cal);
  return countWorkingDays(dayOf(a, r), dayOf(b, r), r);
}

/** How long until a deadline, or how long past it. */
export function timeLeft(due: Date, now: Date, cal: WorkingCalendar): TimeLeft {
  const r = resolve(cal);
  const ms = due.getTime() - now.getTime();
  const overdue = ms < 0;
  const result: TimeLeft = {
    overdue,
    totalMinutes: overdue ? Math.ceil(-ms / MINUTE_MS) : Math.floor(ms / MINUTE_MS),
  };
  if (Math.abs(ms) >= DAY_MS) {
    result.workingDays = Math.abs(countWorkingDays(dayOf(now, r), dayOf(due, r), r));
  }
  return result;
}

/** "2 hari kerja lagi", "lewat 3 jam", "30 menit lagi". */
export function describeTimeLeft(t: TimeLeft): string {
  if (!t.overdue && !t.workingDays && t.totalMinutes === 0) return 'kurang dari 1 menit lagi';
  const span = t.workingDays
    ? `${t.workingDays} hari kerja`
    : t.totalMinutes >= 60
      ? `${Math.floor(t.totalMinutes / 60)} jam`
      : `${t.totalMinutes} menit`;
  return t.overdue ? `lewat ${span}` : `${span} lagi`;
}
