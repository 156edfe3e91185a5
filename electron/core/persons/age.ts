import { SIMFONI_AGE_BANDS, type AgeGroup, type SimfoniAgeBand } from '../simfoni';
import { compareYmd, requireIsoDate } from './dates';

/**
 * Age in whole years on a date: the year count, less one if the birthday has
 * not come yet that year. Someone born on 29 February turns a year older on
 * 1 March in common years, so on 28 February they are still the younger age;
 * for "was the victim a child" that errs on the side of protection.
 *
 * Throws RangeError for a malformed date or a date before the birth.
 */
export function ageOn(birthDate: string, onDate: string): number {
  const birth = requireIsoDate(birthDate, 'birthDate');
  const on = requireIsoDate(onDate, 'onDate');
  if (compareYmd(on, birth) < 0) throw new RangeError(`onDate ${onDate} is before birthDate ${birthDate}`);
  const beforeBirthday = on.month < birth.month || (on.month === birth.month && on.day < birth.day);
  return on.year - birth.year - (beforeBirthday ? 1 : 0);
}

export const ADULT_AGE = 18;

/** Under 18 on the day of the incident (UU 35/2014: a child is anyone not yet 18). */
export function isChildAt(birthDate: string, incidentDate: string): boolean {
  return ageOn(birthDate, incidentDate) < ADULT_AGE;
}

/** The SIMFONI-PPA age band of a whole-year age. */
export function simfoniAgeBand(age: number): SimfoniAgeBand {
  if (!Number.isInteger(age) || age < 0) throw new RangeError(`age must be a whole number of years, got ${age}`);
  const band = SIMFONI_AGE_BANDS.find((b) => age >= b.minAge && (b.maxAge === null || age <= b.maxAge));
  // The bands cover 0 and up without gaps (checked by the tests), so this cannot miss.
  return band!.code;
}

/** SIMFONI's child/adult split, by the age on the day of the incident. */
export function simfoniAgeGroup(birthDate: string, incidentDate: string): AgeGroup {
  return isChildAt(birthDate, incidentDate) ? 'anak' : 'dewasa';
}
