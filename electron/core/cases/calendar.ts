import type { WorkingCalendar } from '../calendar';
import type { OpenDatabase } from '../db/open';
import { stmt } from '../db/statements';
import type { ServiceDefinition } from '../services/types';
import { readGeneralSettings } from '../settings/general';

/** The working calendar a service's deadlines are counted in: office zone, holiday table, desk hours. */
export function calendarFor({ db, sqlite }: OpenDatabase, def: ServiceDefinition, around: Date): WorkingCalendar {
  const { timeZone } = readGeneralSettings(db);
  // Deadlines reach at most a few months ahead; load the holidays of a generous window.
  const from = new Date(around.getTime() - 40 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(around.getTime() + 400 * 86_400_000).toISOString().slice(0, 10);
  const rows = stmt(sqlite, 'SELECT date, name, kind FROM holidays WHERE date >= ? AND date <= ? ORDER BY date').all(from, to) as {
    date: string;
    name: string;
    kind: string;
  }[];
  const cal: WorkingCalendar = {
    timeZone,
    holidays: rows.map((r) => ({ date: r.date, name: r.name, kind: r.kind as 'national' | 'cuti_bersama' | 'local' })),
  };
  if (def.deskHours) cal.deskHours = def.deskHours;
  return cal;
}
