/**
 * The working-day calendar: deadlines of service standards in minutes, hours, calendar days
 * and working days, desk hours and time zones. Pure: the holiday table, desk hours and time
 * zone come in as data, and every instant comes from the caller (the core's clock).
 */
export type { DeskHours, DeskInterval, Holiday, HolidayKind, SlaRule, TimeLeft, WorkingCalendar } from './types';
export { OFFICE_TIME_ZONES, localDateOf, localDayRangeUtc, localTimeOfDayMs, toInstant, type OfficeTimeZone, type Weekday } from './time-zone';
export { DEFAULT_DESK_HOURS } from './desk-hours';
export {
  describeTimeLeft,
  dueAt,
  isWithinDeskHours,
  isWorkingDay,
  nextOpening,
  timeLeft,
  workingDaysBetween,
} from './working-days';
export { seedHolidays } from './seed-holidays';
