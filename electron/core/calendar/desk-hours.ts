import { DAY_MS, MINUTE_MS, minutesOfDay, type Weekday } from './time-zone';
import type { DeskHours } from './types';

/**
 * Desk hours of a service that sets none: the government working week of Perpres 21/2023
 * as most offices apply it. A default only: the office can set its own, and each service
 * can set its own (Pekalongan's mediation desk, for one, keeps much shorter hours).
 */
export const DEFAULT_DESK_HOURS: DeskHours = {
  1: [{ open: '07:30', close: '16:00' }],
  2: [{ open: '07:30', close: '16:00' }],
  3: [{ open: '07:30', close: '16:00' }],
  4: [{ open: '07:30', close: '16:00' }],
  5: [{ open: '07:30', close: '16:30' }],
};

/** An interval as milliseconds after local midnight, half-open: [openMs, closeMs). */
export interface DeskSpan {
  openMs: number;
  closeMs: number;
}

const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

/** Checks and sorts desk hours once per call; a malformed entry throws rather than being guessed at. */
export function deskSpansByWeekday(hours: DeskHours): readonly (readonly DeskSpan[])[] {
  return WEEKDAYS.map((day) => {
    const spans = (hours[day] ?? []).map(({ open, close }) => {
      const openMs = minutesOfDay(open) * MINUTE_MS;
      const closeMs = minutesOfDay(close, true) * MINUTE_MS;
      if (openMs >= closeMs) throw new RangeError(`Desk hours on weekday ${day}: ${open}–${close} closes before it opens`);
      return { openMs, closeMs };
    });
    spans.sort((a, b) => a.openMs - b.openMs);
    for (let i = 1; i < spans.length; i++) {
      if (spans[i]!.openMs < spans[i - 1]!.closeMs) throw new RangeError(`Desk hours on weekday ${day} overlap`);
    }
    return spans;
  });
}

export const END_OF_DAY_MS = DAY_MS - 1;
