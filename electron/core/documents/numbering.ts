import type { Db } from '../db/open';
import { allocateNumber } from '../db/sequences';
import { formatLetterNumber } from './letter-number';
import { documentCatalogue } from './catalogue';
import type { NumberedTypeCode } from './options';
import type { DocumentSettings } from './settings';

/**
 * Letter numbers: `classification / sequence / unit / year` by default, from a sequence per
 * series and year that restarts each calendar year. The number is allocated inside the
 * transaction that stores the document; once committed it is never given out again, and a
 * voided letter keeps its number in the register.
 */

/** The key of a series in the sequences table (kept apart from the case register's). */
export function seriesKey(series: string): string {
  return `letter:${series}`;
}

export interface AllocatedNumber {
  series: string;
  year: number;
  seq: number;
  number: string;
}

/** Takes the next number of the type's series for the letter's year, in the caller's transaction. */
export function allocateLetterNumber(db: Db, settings: DocumentSettings, type: NumberedTypeCode, letterDate: string): AllocatedNumber {
  const t = settings.types[type];
  const year = Number(letterDate.slice(0, 4));
  const month = Number(letterDate.slice(5, 7));
  const seq = allocateNumber(db, seriesKey(t.series), year);
  const number = formatLetterNumber(t.pattern || settings.numberPattern, {
    seq,
    year,
    month,
    classification: t.classification,
    unit: t.unitCode || settings.unitCode,
    code: documentCatalogue[type].shortCode,
  });
  return { series: t.series, year, seq, number };
}
