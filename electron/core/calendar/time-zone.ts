/**
 * Office time zones. Indonesia keeps no daylight saving time, so each zone is a fixed
 * offset and conversions never depend on the time zone of the machine running Teduh.
 */
export type OfficeTimeZone = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';

/** WIB also covers Kalimantan Barat and Tengah (IANA's Asia/Pontianak): those offices choose Asia/Jakarta. */
export const OFFICE_TIME_ZONES: Readonly<Record<OfficeTimeZone, { label: 'WIB' | 'WITA' | 'WIT'; utcOffsetMinutes: number }>> = {
  'Asia/Jakarta': { label: 'WIB', utcOffsetMinutes: 7 * 60 },
  'Asia/Makassar': { label: 'WITA', utcOffsetMinutes: 8 * 60 },
  'Asia/Jayapura': { label: 'WIT', utcOffsetMinutes: 9 * 60 },
};

/** 0 = Minggu (Sunday) … 6 = Sabtu (Saturday), as `Date#getUTCDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_OF_DAY = /^(\d{2}):(\d{2})$/;

export function utcOffsetMs(tz: OfficeTimeZone): number {
  const zone = Object.hasOwn(OFFICE_TIME_ZONES, tz) ? OFFICE_TIME_ZONES[tz] : undefined;
  if (!zone) throw new RangeError(`Unknown office time zone: ${String(tz)}`);
  return zone.utcOffsetMinutes * MINUTE_MS;
}

function instantMs(instant: Date): number {
  const t = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(t)) throw new RangeError('Not a valid instant');
  return t;
}

/** Milliseconds since 1970-01-01 00:00 of the given wall clock, reading the UTC fields as local. */
function localMs(instant: Date, tz: OfficeTimeZone): number {
  return instantMs(instant) + utcOffsetMs(tz);
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date; rejects impossible dates such as 2026-02-30. */
export function dayNumber(localDate: string): number {
  const m = LOCAL_DATE.exec(localDate);
  if (!m) throw new RangeError(`Not a date (YYYY-MM-DD): ${localDate}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== localDate) throw new RangeError(`No such date: ${localDate}`);
  return ms / DAY_MS;
}

/**
 * Minutes after midnight of 'HH:MM'. `24:00` is accepted only where it means
 * "the end of the day" (the close of a round-the-clock desk).
 */
export function minutesOfDay(time: string, allowEndOfDay = false): number {
  const m = TIME_OF_DAY.exec(time);
  const h = Number(m?.[1]);
  const min = Number(m?.[2]);
  if (m && h === 24 && min === 0 && allowEndOfDay) return 24 * 60;
  if (!m || h > 23 || min > 59) throw new RangeError(`Not a time of day (HH:MM): ${time}`);
  return h * 60 + min;
}

/** The office's calendar date at an instant, as 'YYYY-MM-DD'. */
export function localDateOf(instant: Date, tz: OfficeTimeZone): string {
  return new Date(localMs(instant, tz)).toISOString().slice(0, 10);
}

/** Milliseconds since the office's local midnight at an instant. */
export function localTimeOfDayMs(instant: Date, tz: OfficeTimeZone): number {
  return ((localMs(instant, tz) % DAY_MS) + DAY_MS) % DAY_MS;
}

/** The instant at which the office's wall clock shows `time` ('HH:MM') on `localDate`. */
export function toInstant(localDate: string, time: string, tz: OfficeTimeZone): Date {
  return atMinute(dayNumber(localDate), minutesOfDay(time), tz);
}

/** The instant `minute` minutes after the office's midnight starting day number `day`. */
function atMinute(day: number, minute: number, tz: OfficeTimeZone): Date {
  return new Date(day * DAY_MS + minute * MINUTE_MS - utcOffsetMs(tz));
}

/**
 * The office-calendar dates from..to (inclusive) as the UTC instants [start, end) that bound
 * them, for filtering stored UTC times: a case registered 23:30 WIB on the 30th belongs to the 30th.
 */
export function localDayRangeUtc(range: { from?: string | undefined; to?: string | undefined }, tz: OfficeTimeZone): { from?: string; to?: string } {
  const out: { from?: string; to?: string } = {};
  if (range.from) out.from = toInstant(range.from, '00:00', tz).toISOString();
  if (range.to) out.to = new Date(toInstant(range.to, '00:00', tz).getTime() + DAY_MS).toISOString();
  return out;
}
