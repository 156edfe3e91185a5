import Holidays from 'date-holidays';
import type { Holiday } from './types';

/**
 * A starting holiday table for a year: Indonesia's public holidays from the `date-holidays`
 * package, named in Indonesian, dated in Asia/Jakarta, all of kind 'national'.
 *
 * Only a starting list that the office edits: Islamic holidays are set each year by decree,
 * not by calculation, and the package can be a day off for some of them; it has no cuti
 * bersama at all. Its one wrong label is put right: 27 Rajab is Isra Mi'raj, which its
 * Indonesian names call "Maulid Nabi Muhammad" like 12 Rabiul Awal. Otherwise its data is
 * copied as it is.
 *
 * Two holidays on one date (it happens when the Islamic and Gregorian years line up)
 * become one entry with both names, so the table keeps one entry per date.
 */
/** The Indonesian name of a package holiday, with the mislabelled one named by its own rule. */
function nameOf(h: { name: string; rule?: string }): string {
  return /\bRajab\b/.test(h.rule ?? '') ? "Isra Mi'raj Nabi Muhammad" : h.name;
}

export function seedHolidays(year: number): Holiday[] {
  if (!Number.isInteger(year)) throw new RangeError(`Not a year: ${year}`);
  const source = new Holidays('ID', { languages: ['id'], timezone: 'Asia/Jakarta', types: ['public'] });
  const namesByDate = new Map<string, string[]>();
  for (const h of source.getHolidays(year, 'id')) {
    if (h.type !== 'public') continue;
    // `date` is the holiday's own civil date. `start` would not do: the package starts an
    // Islamic holiday at sunset on the eve, which is the day before in Jakarta.
    const date = h.date.slice(0, 10);
    if (!date.startsWith(`${year}-`)) continue;
    const name = nameOf(h);
    const names = namesByDate.get(date) ?? [];
    if (!names.includes(name)) names.push(name);
    namesByDate.set(date, names);
  }
  return [...namesByDate.keys()].sort().map((date) => ({ date, name: namesByDate.get(date)!.join(' / '), kind: 'national' }));
}
