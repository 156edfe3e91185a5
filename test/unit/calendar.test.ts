import { describe, expect, it } from 'vitest';
import {
  describeTimeLeft,
  dueAt,
  isWithinDeskHours,
  isWorkingDay,
  localDateOf,
  nextOpening,
  seedHolidays,
  timeLeft,
  toInstant,
  workingDaysBetween,
  type DeskHours,
  type Holiday,
  type SlaRule,
  type WorkingCalendar,
} from '../../electron/core/calendar';

// Every expected value below was worked out by hand on a paper calendar.
// Late 2026: Sun 1 Nov, Mon 2, Thu 5, Fri 6, Sat 7, Mon 9 … Fri 20 Nov;
// Mon 21 Dec, Thu 24, Fri 25, Mon 28, Wed 30, Thu 31 Dec; Fri 1 Jan 2027, Mon 4, Mon 11 Jan.
// WIB = UTC+7, WITA = UTC+8, WIT = UTC+9.

const yearEnd: Holiday[] = [
  { date: '2026-12-24', name: 'Cuti Bersama Hari Raya Natal', kind: 'cuti_bersama' },
  { date: '2026-12-25', name: 'Hari Raya Natal', kind: 'national' },
  { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'national' },
];

/** Kota Pekalongan, Bantuan Mediasi Kasus Kekerasan (seed 002). */
const pekalonganHours: DeskHours = {
  1: [{ open: '09:00', close: '12:00' }, { open: '12:30', close: '14:00' }],
  2: [{ open: '09:00', close: '12:00' }, { open: '12:30', close: '14:00' }],
  3: [{ open: '09:00', close: '12:00' }, { open: '12:30', close: '14:00' }],
  4: [{ open: '09:00', close: '12:00' }, { open: '12:30', close: '14:00' }],
  5: [{ open: '08:00', close: '10:30' }],
};

const pekalongan: WorkingCalendar = { timeZone: 'Asia/Jakarta', holidays: yearEnd, deskHours: pekalonganHours };
/** Kota Mojokerto keeps no hours of its own for the service: the default hours apply. */
const mojokerto: WorkingCalendar = { timeZone: 'Asia/Jakarta', holidays: yearEnd };

const at = (iso: string) => new Date(iso);
const workingDays = (amount: number): SlaRule => ({ amount, unit: 'working_days' });

describe('a deadline of N working days ends at the close of desk hours on the Nth working day after the event', () => {
  const cases: { story: string; cal: WorkingCalendar; rule: SlaRule; start: string; due: string }[] = [
    {
      // Counted: Tue 22 (1), Wed 23 (2); Thu 24 cuti bersama and Fri 25 Natal are off,
      // Sat 26 and Sun 27 are the weekend; Mon 28 (3), Tue 29 (4), Wed 30 (5). Wednesday closes at 16:00 WIB.
      story: '5 working days from Mon 21 Dec 10:00 skip cuti bersama, Christmas and the weekend: Wed 30 Dec 16:00 WIB',
      cal: mojokerto,
      rule: workingDays(5),
      start: '2026-12-21T10:00:00+07:00',
      due: '2026-12-30T09:00:00.000Z',
    },
    {
      // Fri 6 (1), Mon 9 (2), Tue 10 (3), Wed 11 (4), Thu 12 (5); Thursday closes at 14:00.
      story: 'Pekalongan: 5 working days from Thu 5 Nov 13:00 end next Thursday at 14:00',
      cal: pekalongan,
      rule: workingDays(5),
      start: '2026-11-05T13:00:00+07:00',
      due: '2026-11-12T07:00:00.000Z',
    },
    {
      // Mon 9 (1), Tue 10 (2), Wed 11 (3), Thu 12 (4), Fri 13 (5); Friday closes at 10:30.
      story: 'Pekalongan: 5 working days from Fri 6 Nov 10:00 end the Friday after at 10:30',
      cal: pekalongan,
      rule: workingDays(5),
      start: '2026-11-06T10:00:00+07:00',
      due: '2026-11-13T03:30:00.000Z',
    },
    {
      // Tue 3 … Fri 6 (1–4), Mon 9 … Fri 13 (5–9), Mon 16 … Fri 20 (10–14); Friday closes at 10:30.
      story: 'Pekalongan: 14 working days from Mon 2 Nov cross two weekends and end Fri 20 Nov at 10:30',
      cal: pekalongan,
      rule: workingDays(14),
      start: '2026-11-02T09:30:00+07:00',
      due: '2026-11-20T03:30:00.000Z',
    },
    {
      // Fri 18 (1), Mon 21 … Wed 23 (2–4); Thu 24, Fri 25, weekend off; Mon 28 … Thu 31 (5–8);
      // Fri 1 Jan off, weekend; Mon 4 … Fri 8 (9–13), Mon 11 (14). Monday closes at 14:00.
      story: 'Pekalongan: 14 working days from Thu 17 Dec run past Christmas and New Year to Mon 11 Jan 2027 14:00',
      cal: pekalongan,
      rule: workingDays(14),
      start: '2026-12-17T11:00:00+07:00',
      due: '2027-01-11T07:00:00.000Z',
    },
    {
      // The weekend is not counted: Mon 9 (1) … Fri 13 (5), as from a Friday.
      story: 'Pekalongan: a request made on Sat 7 Nov counts from Monday as day 1: Fri 13 Nov 10:30',
      cal: pekalongan,
      rule: workingDays(5),
      start: '2026-11-07T11:00:00+07:00',
      due: '2026-11-13T03:30:00.000Z',
    },
    {
      // Mon 9 Nov is day 1; Monday closes at 16:00.
      story: 'Mojokerto: 1 working day from Sat 7 Nov ends Mon 9 Nov 16:00',
      cal: mojokerto,
      rule: workingDays(1),
      start: '2026-11-07T11:00:00+07:00',
      due: '2026-11-09T09:00:00.000Z',
    },
    {
      // Sat 26, Sun 27 off; Mon 28 (1); closes 16:00.
      story: 'Mojokerto: 1 working day from an event on Christmas Day ends Mon 28 Dec 16:00',
      cal: mojokerto,
      rule: workingDays(1),
      start: '2026-12-25T09:00:00+07:00',
      due: '2026-12-28T09:00:00.000Z',
    },
    {
      // Fri 25 Natal, weekend; Mon 28 (1), Tue 29 (2); closes 16:00.
      story: 'Mojokerto: 2 working days from an event on the cuti bersama of Thu 24 Dec end Tue 29 Dec 16:00',
      cal: mojokerto,
      rule: workingDays(2),
      start: '2026-12-24T08:00:00+07:00',
      due: '2026-12-29T09:00:00.000Z',
    },
    {
      // Fri 6 Nov (1); the default Friday closes at 16:30.
      story: 'Mojokerto: 1 working day from Thu 5 Nov 13:00 ends Fri 6 Nov 16:30 (default Friday hours)',
      cal: mojokerto,
      rule: workingDays(1),
      start: '2026-11-05T13:00:00+07:00',
      due: '2026-11-06T09:30:00.000Z',
    },
    {
      // The event's own day never counts, even at 06:00 before the desk opens: Tue 10 (1).
      story: 'Mojokerto: an event at 06:00 on Mon 9 Nov still counts from Tuesday: Tue 10 Nov 16:00',
      cal: mojokerto,
      rule: workingDays(1),
      start: '2026-11-09T06:00:00+07:00',
      due: '2026-11-10T09:00:00.000Z',
    },
    {
      // Fri 1 Jan is New Year, the weekend follows: Mon 4 Jan (1); closes 16:00.
      story: 'Mojokerto: 1 working day from Thu 31 Dec 22:00 ends Mon 4 Jan 2027 16:00',
      cal: mojokerto,
      rule: workingDays(1),
      start: '2026-12-31T22:00:00+07:00',
      due: '2027-01-04T09:00:00.000Z',
    },
  ];

  it.each(cases)('$story', ({ cal, rule, start, due }) => {
    expect(dueAt(rule, at(start), cal).toISOString()).toBe(due);
  });

  it('a weekday the service keeps no hours on is not a working day for it', () => {
    // Wednesday closed: from Tue 10 Nov, Wed 11 is skipped and Thu 12 is day 1; closes 16:00.
    const noWednesday: WorkingCalendar = {
      timeZone: 'Asia/Jakarta',
      holidays: [],
      deskHours: { 1: [{ open: '07:30', close: '16:00' }], 2: [{ open: '07:30', close: '16:00' }], 4: [{ open: '07:30', close: '16:00' }], 5: [{ open: '07:30', close: '16:30' }], 3: [] },
    };
    expect(isWorkingDay('2026-11-11', noWednesday)).toBe(false);
    expect(dueAt(workingDays(1), at('2026-11-10T10:00:00+07:00'), noWednesday).toISOString()).toBe('2026-11-12T09:00:00.000Z');
  });

  it('a desk open until midnight ends its working day at 23:59:59.999', () => {
    const roundTheClock: WorkingCalendar = { timeZone: 'Asia/Jakarta', holidays: [], deskHours: { 1: [{ open: '00:00', close: '24:00' }], 2: [{ open: '00:00', close: '24:00' }] } };
    // Mon 9 Nov event: Tue 10 (1), until 23:59:59.999 WIB.
    expect(dueAt(workingDays(1), at('2026-11-09T10:00:00+07:00'), roundTheClock).toISOString()).toBe('2026-11-10T16:59:59.999Z');
    expect(isWithinDeskHours(at('2026-11-10T23:59:59+07:00'), roundTheClock)).toBe(true);
  });

  it('a local day off in the table closes the office like a national holiday', () => {
    const withLocalDay: WorkingCalendar = { ...mojokerto, holidays: [{ date: '2026-11-10', name: 'Hari Jadi Kota', kind: 'local' }] };
    expect(isWorkingDay('2026-11-10', withLocalDay)).toBe(false);
    // Mon 9 Nov event: Tue 10 off, Wed 11 (1); closes 16:00.
    expect(dueAt(workingDays(1), at('2026-11-09T10:00:00+07:00'), withLocalDay).toISOString()).toBe('2026-11-11T09:00:00.000Z');
  });
});

describe('calendar days are calendar days', () => {
  it('14 days from Sun 1 Nov land on Sun 15 Nov and stay there, at the end of that day', () => {
    // The desk is closed on Sunday, so the deadline is 23:59:59.999 WIB.
    expect(dueAt({ amount: 14, unit: 'days' }, at('2026-11-01T10:00:00+07:00'), pekalongan).toISOString()).toBe(
      '2026-11-15T16:59:59.999Z',
    );
  });

  it('14 days landing on Christmas stay on Christmas', () => {
    // Fri 11 Dec + 14 = Fri 25 Dec, a holiday: end of day 23:59:59.999 WIB.
    expect(dueAt({ amount: 14, unit: 'days' }, at('2026-12-11T09:00:00+07:00'), mojokerto).toISOString()).toBe(
      '2026-12-25T16:59:59.999Z',
    );
  });

  it('14 days landing on a day the desk opens end at its close', () => {
    // Wed 4 Nov + 14 = Wed 18 Nov; Pekalongan closes at 14:00.
    expect(dueAt({ amount: 14, unit: 'days' }, at('2026-11-04T10:00:00+07:00'), pekalongan).toISOString()).toBe(
      '2026-11-18T07:00:00.000Z',
    );
  });
});

describe('minutes and hours run on the wall clock', () => {
  it('30 minutes from 23:50 on New Year’s Eve end at 00:20 on New Year’s Day', () => {
    expect(dueAt({ amount: 30, unit: 'minutes' }, at('2026-12-31T23:50:00+07:00'), mojokerto).toISOString()).toBe(
      '2026-12-31T17:20:00.000Z',
    );
  });

  it('2 hours from Fri 10:00 in Pekalongan end at 12:00 though the desk closed at 10:30', () => {
    expect(dueAt({ amount: 2, unit: 'hours' }, at('2026-11-06T10:00:00+07:00'), pekalongan).toISOString()).toBe(
      '2026-11-06T05:00:00.000Z',
    );
  });
});

describe('the office time zone, not the machine’s, decides', () => {
  // 1 working day from Thu 5 Nov 10:00 local ends Fri 6 Nov 16:30 local.
  it.each([
    { timeZone: 'Asia/Jakarta' as const, start: '2026-11-05T03:00:00.000Z', due: '2026-11-06T09:30:00.000Z' },
    { timeZone: 'Asia/Makassar' as const, start: '2026-11-05T02:00:00.000Z', due: '2026-11-06T08:30:00.000Z' },
    { timeZone: 'Asia/Jayapura' as const, start: '2026-11-05T01:00:00.000Z', due: '2026-11-06T07:30:00.000Z' },
  ])('$timeZone: Friday 16:30 local is $due', ({ timeZone, start, due }) => {
    expect(dueAt(workingDays(1), at(start), { timeZone, holidays: [] }).toISOString()).toBe(due);
  });

  it('an event at 06:00 Friday WIT (still Thursday in UTC) counts from Monday', () => {
    // 2026-11-05T21:00Z is Fri 6 Nov 06:00 WIT: day 1 is Mon 9 Nov, closing 16:00 WIT.
    expect(dueAt(workingDays(1), at('2026-11-05T21:00:00.000Z'), { timeZone: 'Asia/Jayapura', holidays: [] }).toISOString()).toBe(
      '2026-11-09T07:00:00.000Z',
    );
  });

  it('localDateOf and toInstant read and write the office wall clock', () => {
    // 16:30Z is 23:30 WIB, 00:30 WITA next day, 01:30 WIT next day.
    expect(localDateOf(at('2026-11-05T16:30:00.000Z'), 'Asia/Jakarta')).toBe('2026-11-05');
    expect(localDateOf(at('2026-11-05T16:30:00.000Z'), 'Asia/Makassar')).toBe('2026-11-06');
    expect(localDateOf(at('2026-11-05T16:30:00.000Z'), 'Asia/Jayapura')).toBe('2026-11-06');
    expect(toInstant('2026-08-17', '07:30', 'Asia/Makassar').toISOString()).toBe('2026-08-16T23:30:00.000Z');
    expect(toInstant('2026-08-17', '07:30', 'Asia/Jakarta').toISOString()).toBe('2026-08-17T00:30:00.000Z');
    expect(toInstant('2026-08-17', '00:00', 'Asia/Jayapura').toISOString()).toBe('2026-08-16T15:00:00.000Z');
  });
});

describe('desk hours', () => {
  it.each([
    { when: 'Mon 08:59, before opening', instant: '2026-11-09T08:59:00+07:00', open: false },
    { when: 'Mon 09:00, opening', instant: '2026-11-09T09:00:00+07:00', open: true },
    { when: 'Mon 11:59', instant: '2026-11-09T11:59:00+07:00', open: true },
    { when: 'Mon 12:10, in the break', instant: '2026-11-09T12:10:00+07:00', open: false },
    { when: 'Mon 12:30, back from the break', instant: '2026-11-09T12:30:00+07:00', open: true },
    { when: 'Mon 14:00, closing', instant: '2026-11-09T14:00:00+07:00', open: false },
    { when: 'Fri 10:29', instant: '2026-11-06T10:29:00+07:00', open: true },
    { when: 'Fri 10:30, closing', instant: '2026-11-06T10:30:00+07:00', open: false },
    { when: 'Sat 10:00', instant: '2026-11-07T10:00:00+07:00', open: false },
    { when: 'Thu 24 Dec 10:00, cuti bersama', instant: '2026-12-24T10:00:00+07:00', open: false },
  ])('Pekalongan desk at $when: open is $open', ({ instant, open }) => {
    expect(isWithinDeskHours(at(instant), pekalongan)).toBe(open);
  });

  it.each([
    { when: 'inside hours: that very instant', instant: '2026-11-09T10:15:00+07:00', opens: '2026-11-09T03:15:00.000Z' },
    { when: 'in the break: 12:30 the same day', instant: '2026-11-09T12:10:00+07:00', opens: '2026-11-09T05:30:00.000Z' },
    { when: 'Mon 07:00: 09:00 that morning', instant: '2026-11-09T07:00:00+07:00', opens: '2026-11-09T02:00:00.000Z' },
    { when: 'Thu 15:00: Friday 08:00', instant: '2026-11-05T15:00:00+07:00', opens: '2026-11-06T01:00:00.000Z' },
    { when: 'Fri 11:00: Monday 09:00', instant: '2026-11-06T11:00:00+07:00', opens: '2026-11-09T02:00:00.000Z' },
    { when: 'Wed 23 Dec 14:30: Mon 28 Dec 09:00, past cuti bersama, Christmas and the weekend', instant: '2026-12-23T14:30:00+07:00', opens: '2026-12-28T02:00:00.000Z' },
  ])('a complaint received $when is taken in then', ({ instant, opens }) => {
    expect(nextOpening(at(instant), pekalongan).toISOString()).toBe(opens);
  });

  it('working days follow the week, the holiday table and the desk', () => {
    expect(isWorkingDay('2026-12-23', pekalongan)).toBe(true);
    expect(isWorkingDay('2026-12-24', pekalongan)).toBe(false); // cuti bersama
    expect(isWorkingDay('2026-12-25', pekalongan)).toBe(false); // Natal
    expect(isWorkingDay('2026-11-07', pekalongan)).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-08', mojokerto)).toBe(false); // Sunday
  });

  it('Saturday desk hours let a desk receive people but do not make Saturday a working day', () => {
    const saturdayDesk: WorkingCalendar = { ...mojokerto, deskHours: { 5: [{ open: '07:30', close: '16:30' }], 6: [{ open: '08:00', close: '12:00' }] } };
    expect(isWithinDeskHours(at('2026-11-07T09:00:00+07:00'), saturdayDesk)).toBe(true);
    expect(isWorkingDay('2026-11-07', saturdayDesk)).toBe(false);
    // From Thu 5 Nov: Fri 6 (1), Sat skipped, next Friday 13 (2) since only Friday is a working day here.
    expect(dueAt(workingDays(2), at('2026-11-05T10:00:00+07:00'), saturdayDesk).toISOString()).toBe('2026-11-13T09:30:00.000Z');
  });
});

describe('workingDaysBetween counts the working days after the first day up to and including the second', () => {
  it.each([
    // Tue 22, Wed 23, Mon 28, Tue 29, Wed 30.
    { a: '2026-12-21T10:00:00+07:00', b: '2026-12-30T15:00:00+07:00', n: 5 },
    { a: '2026-12-30T15:00:00+07:00', b: '2026-12-21T10:00:00+07:00', n: -5 },
    { a: '2026-11-09T08:00:00+07:00', b: '2026-11-09T17:00:00+07:00', n: 0 },
    { a: '2026-11-06T16:00:00+07:00', b: '2026-11-09T08:00:00+07:00', n: 1 },
    { a: '2026-11-07T10:00:00+07:00', b: '2026-11-08T10:00:00+07:00', n: 0 },
  ])('$a → $b: $n', ({ a, b, n }) => {
    expect(workingDaysBetween(at(a), at(b), mojokerto)).toBe(n);
  });
});

describe('time left', () => {
  it('two days before the deadline, counted in working days', () => {
    // Due Wed 30 Dec 16:00 WIB; now Mon 28 Dec 10:00 WIB: 2 days 6 hours = 3240 minutes; Tue 29 and Wed 30 remain.
    const left = timeLeft(at('2026-12-30T09:00:00.000Z'), at('2026-12-28T10:00:00+07:00'), mojokerto);
    expect(left).toEqual({ overdue: false, totalMinutes: 3240, workingDays: 2 });
    expect(describeTimeLeft(left)).toBe('2 hari kerja lagi');
  });

  it('three hours past a deadline the same day', () => {
    // Due Wed 11 Nov 14:00 WIB; now 17:00 WIB.
    const left = timeLeft(at('2026-11-11T07:00:00.000Z'), at('2026-11-11T17:00:00+07:00'), pekalongan);
    expect(left).toEqual({ overdue: true, totalMinutes: 180 });
    expect(describeTimeLeft(left)).toBe('lewat 3 jam');
  });

  it('days past a deadline, counted in working days without the days off', () => {
    // Due Wed 23 Dec 16:00 WIB; now Tue 29 Dec 10:00 WIB: 5 days 18 hours = 8280 minutes; Mon 28 and Tue 29 count.
    const left = timeLeft(at('2026-12-23T09:00:00.000Z'), at('2026-12-29T10:00:00+07:00'), mojokerto);
    expect(left).toEqual({ overdue: true, totalMinutes: 8280, workingDays: 2 });
    expect(describeTimeLeft(left)).toBe('lewat 2 hari kerja');
  });

  it('a 30-minute intake standard with 30 minutes to go', () => {
    const left = timeLeft(at('2026-11-09T10:30:00+07:00'), at('2026-11-09T10:00:00+07:00'), mojokerto);
    expect(left).toEqual({ overdue: false, totalMinutes: 30 });
    expect(describeTimeLeft(left)).toBe('30 menit lagi');
  });

  it('across midnight a short deadline is still told in minutes', () => {
    const left = timeLeft(at('2027-01-01T00:20:00+07:00'), at('2026-12-31T23:55:00+07:00'), mojokerto);
    expect(describeTimeLeft(left)).toBe('25 menit lagi');
  });

  it('rounds toward urgency: time left down, lateness up', () => {
    expect(timeLeft(at('2026-11-09T10:30:00+07:00'), at('2026-11-09T10:00:01+07:00'), mojokerto).totalMinutes).toBe(29);
    expect(timeLeft(at('2026-11-09T10:30:00+07:00'), at('2026-11-09T10:30:10+07:00'), mojokerto)).toEqual({ overdue: true, totalMinutes: 1 });
    expect(describeTimeLeft(timeLeft(at('2026-11-09T10:30:00+07:00'), at('2026-11-09T10:30:00+07:00'), mojokerto))).toBe(
      'kurang dari 1 menit lagi',
    );
  });

  it('describes each unit in Indonesian', () => {
    expect(describeTimeLeft({ overdue: false, totalMinutes: 119 })).toBe('1 jam lagi');
    expect(describeTimeLeft({ overdue: true, totalMinutes: 45 })).toBe('lewat 45 menit');
    expect(describeTimeLeft({ overdue: false, totalMinutes: 3120, workingDays: 0 })).toBe('52 jam lagi');
    expect(describeTimeLeft({ overdue: false, totalMinutes: 10080, workingDays: 5 })).toBe('5 hari kerja lagi');
  });
});

describe('the seed holiday table from date-holidays', () => {
  const seed2026 = seedHolidays(2026);

  it('has New Year and Independence Day with their Indonesian names', () => {
    expect(seed2026).toContainEqual({ date: '2026-01-01', name: 'Hari tahun baru', kind: 'national' });
    expect(seed2026).toContainEqual({ date: '2026-08-17', name: 'Hari Ulang Tahun Kemerdekaan Republik Indonesia', kind: 'national' });
    expect(seed2026).toContainEqual({ date: '2026-12-25', name: 'Hari Raya Natal', kind: 'national' });
  });

  it('dates an Islamic holiday on its own day, not on the eve where the package starts it', () => {
    // The package starts Idul Fitri at sunset on 19 March; 19 March is Nyepi.
    expect(seed2026.filter((h) => h.date === '2026-03-19')).toEqual([{ date: '2026-03-19', name: 'Hari Raya Nyepi', kind: 'national' }]);
    expect(seed2026).toContainEqual({ date: '2026-03-20', name: 'Hari Raya Idul Fitri', kind: 'national' });
  });

  it('is only the year’s public holidays, one entry per date, in order, with no cuti bersama', () => {
    const dates = seed2026.map((h) => h.date);
    expect(dates.every((d) => d.startsWith('2026-'))).toBe(true);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    expect(seed2026.every((h) => h.kind === 'national')).toBe(true);
    expect(seed2026.some((h) => /substitute|pengganti|\bday\b/i.test(h.name))).toBe(false);
    expect(seed2026).toHaveLength(16);
  });

  it('gives two holidays on one date one entry with both names', () => {
    expect(seedHolidays(2027).filter((h) => h.date === '2027-12-25')).toEqual([
      { date: '2027-12-25', name: "Isra Mi'raj Nabi Muhammad / Hari Raya Natal", kind: 'national' },
    ]);
  });

  it("names 27 Rajab Isra Mi'raj, not Maulid Nabi, which is 12 Rabiul Awal", () => {
    expect(seed2026).toContainEqual({ date: '2026-01-16', name: "Isra Mi'raj Nabi Muhammad", kind: 'national' });
    expect(seed2026).toContainEqual({ date: '2026-08-25', name: 'Maulid Nabi Muhammad', kind: 'national' });
    expect(seed2026.filter((h) => h.name.includes('Maulid'))).toHaveLength(1);
  });
});

describe('bad input is refused, not guessed at', () => {
  it('refuses impossible dates, times, zones, amounts and desk hours', () => {
    expect(() => toInstant('2026-02-30', '09:00', 'Asia/Jakarta')).toThrow(RangeError);
    expect(() => toInstant('2026-02-03', '9:00', 'Asia/Jakarta')).toThrow(RangeError);
    expect(() => localDateOf(at('2026-11-09T10:00:00Z'), 'Asia/Pontianak' as never)).toThrow(RangeError);
    expect(() => dueAt({ amount: 0, unit: 'working_days' }, at('2026-11-09T10:00:00Z'), mojokerto)).toThrow(RangeError);
    expect(() => dueAt({ amount: 1.5, unit: 'hours' }, at('2026-11-09T10:00:00Z'), mojokerto)).toThrow(RangeError);
    expect(() => isWorkingDay('2026-11-09', { ...mojokerto, deskHours: { 1: [{ open: '14:00', close: '09:00' }] } })).toThrow(RangeError);
    expect(() => isWorkingDay('2026-11-09', { ...mojokerto, holidays: [{ date: '9 Nov 2026', name: 'x', kind: 'local' }] })).toThrow(RangeError);
  });

  it('a desk that never opens on a working day stops the count with an error instead of looping', () => {
    const weekendsOnly: WorkingCalendar = { ...mojokerto, deskHours: { 6: [{ open: '08:00', close: '12:00' }] } };
    expect(() => dueAt(workingDays(1), at('2026-11-09T10:00:00Z'), weekendsOnly)).toThrow(RangeError);
    expect(() => nextOpening(at('2026-11-09T10:00:00Z'), { ...mojokerto, deskHours: {} })).toThrow(RangeError);
  });
});
