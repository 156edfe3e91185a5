/**
 * Persons: what can be read from identity numbers, ages on a given day, and
 * name comparison for duplicate detection. Pure functions; no database.
 */
export { ADULT_AGE, ageOn, isChildAt, simfoniAgeBand, simfoniAgeGroup } from './age';
export {
  compareNikWithPerson,
  parseKk,
  parseNik,
  type KkInfo,
  type NikInfo,
  type NikSex,
  type ParseNikOptions,
  type RegionOfNumber,
} from './nik';
export {
  DUPLICATE_NAME_THRESHOLD,
  isPossibleDuplicate,
  nameKey,
  nameSimilarity,
  normalizeName,
  type DuplicateCheck,
  type PersonForDuplicateCheck,
} from './names';
