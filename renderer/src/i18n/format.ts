import { currentLanguage } from './index';

const locales = { id: 'id-ID', en: 'en-GB' } as const;

/**
 * The office's time zone (WIB, WITA or WIT, a setting), set from the session: times are shown
 * in it, not in whatever zone the PC's clock happens to be set to.
 */
let officeTimeZone = 'Asia/Jakarta';

export function setOfficeTimeZone(zone: string): void {
  officeTimeZone = zone;
}

/** The one date formatter: Indonesian dates by default ("22 November 2025 pukul 17.09"), in the office's zone. */
export function formatDateTime(iso: string | Date, options: { withTime?: boolean } = {}): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return '';
  const { withTime = true } = options;
  return new Intl.DateTimeFormat(locales[currentLanguage()], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: officeTimeZone,
    ...(withTime ? { hour: '2-digit', minute: '2-digit', second: '2-digit' } : {}),
  }).format(date);
}

/** A time of day, "14.05" in Indonesian, in the office's zone. */
export function formatTime(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locales[currentLanguage()], { hour: '2-digit', minute: '2-digit', timeZone: officeTimeZone }).format(date);
}

/** A calendar date without the time ("22 November 2025"); a 'YYYY-MM-DD' names that day, in no zone. */
export function formatDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDateTime(value, { withTime: false });
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locales[currentLanguage()], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Today as 'YYYY-MM-DD' on the office's calendar. */
export function officeToday(now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: officeTimeZone }).format(now);
}

/** The hour of day (0–23) on the office's clock. */
export function officeHour(now: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: officeTimeZone }).format(now));
}
