import type { OfficeTimeZone, Weekday } from './time-zone';

export type HolidayKind = 'national' | 'cuti_bersama' | 'local';

/** One day off in the office's holiday table. Every entry closes the office; `kind` says why. */
export interface Holiday {
  /** The office's local date, 'YYYY-MM-DD'. */
  date: string;
  name: string;
  kind: HolidayKind;
}

/** One stretch of desk time on a day, local 'HH:MM'; `close` may be '24:00' for a desk open until midnight. */
export interface DeskInterval {
  open: string;
  close: string;
}

/**
 * A service's desk hours by weekday (0 = Minggu … 6 = Sabtu). A break is the gap between
 * two intervals. A weekday that is missing or has no intervals is closed.
 */
export type DeskHours = { readonly [day in Weekday]?: readonly DeskInterval[] };

/** A service standard's time limit, e.g. 14 hari kerja or 30 menit. */
export interface SlaRule {
  amount: number;
  unit: 'minutes' | 'hours' | 'days' | 'working_days';
}

/** Everything the calendar needs, passed in as data by the caller. */
export interface WorkingCalendar {
  timeZone: OfficeTimeZone;
  /** The office's holiday table (national holidays, cuti bersama, local days off). */
  holidays: readonly Holiday[];
  /** The service's desk hours; when absent, `DEFAULT_DESK_HOURS`. */
  deskHours?: DeskHours;
}

export interface TimeLeft {
  overdue: boolean;
  /**
   * Whole minutes to the deadline, or past it when overdue. Both round toward urgency:
   * time left is rounded down, lateness up (so an overdue item is at least 1 minute late).
   */
  totalMinutes: number;
  /**
   * Working days to the deadline's day (or since it, when overdue); present only when
   * deadline and now are at least 24 hours apart, where days are the useful measure.
   */
  workingDays?: number;
}
