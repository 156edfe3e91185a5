/**
 * Word lists for name matching. Entries are written as the key of a token:
 * lower case, dots removed ("S.Pd." -> "spd", "Hj." -> "hj").
 */

/** Honorifics and titles written before a name; stripped from the front only. */
export const TITLES_BEFORE_NAME: readonly string[] = [
  // religious and pilgrimage
  'h', 'hj', 'hjh', 'haji', 'hajah', 'hajjah', 'kh', 'kyai', 'kiai', 'ust', 'ustad', 'ustadz', 'ustaz', 'ustadzah', 'ustazah',
  'syekh', 'syaikh',
  // forms of address
  'ny', 'nyonya', 'tn', 'tuan', 'nn', 'nona', 'sdr', 'sdri', 'sdra', 'saudara', 'saudari', 'bpk', 'bp', 'bapak', 'pak', 'ibu',
  'bu', 'mbak',
  // the late
  'alm', 'almh', 'almarhum', 'almarhumah',
  // academic and professional, written before the name
  'dr', 'dra', 'drs', 'drg', 'ir', 'prof', 'drhc',
  // Javanese nobility. The bare "R." is left alone (as often an initial), and so are
  // "Ajeng", "Ayu" and "Rara", which are also given names.
  'raden', 'rr', 'ra', 'rm',
];

/** Degrees and professional suffixes written after a name; stripped from the end only. */
export const TITLES_AFTER_NAME: readonly string[] = [
  // Sarjana (S1)
  'spd', 'spdi', 'spdsd', 'sh', 'shi', 'sag', 'skom', 'st', 'se', 'ssos', 'sip', 'sikom', 'skm', 'sked', 'sfarm', 'spsi', 'ssi',
  'shum', 'skep', 'sgz', 'stp', 'sp', 'ssn', 'ssy', 'sthi', 'sak', 'sds', 'stt', 'sst', 'stkp', 'ssit', 'str', 'strkeb',
  'spt', 'spi',
  // Magister (S2) and doctorate
  'mpd', 'mpdi', 'msi', 'mh', 'mhum', 'mm', 'mkes', 'mkom', 'mt', 'mag', 'mpsi', 'mba', 'msc', 'mkn', 'mkm', 'msos', 'mak',
  'mikom', 'me', 'mars', 'phd',
  // Diploma (Ahli Madya)
  'amd', 'amdkeb', 'amdkep', 'amdkes', 'amdkom', 'amdpar', 'amdak', 'amkeb', 'amkep',
  // professions and specialists
  'apt', 'ners', 'bsc', 'spa', 'spog', 'sppd', 'spkj', 'spb', 'spm', 'spkk', 'spthtkl', 'psikolog', 'cpnh',
];

/** Words that join a given name to the father's name. */
export const PATRONYM_CONNECTORS: Readonly<Record<string, 'bin' | 'binti'>> = {
  bin: 'bin',
  binti: 'binti',
  binte: 'binti',
  bint: 'binti',
  bte: 'binti',
  bt: 'binti',
};

/**
 * Spellings of the same given name, after the spelling folds have run (so
 * "Mochammad" arrives as "mohamad", "Achmad" as "ahmad"). Each maps to one canonical token.
 */
export const GIVEN_NAME_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  muhamad: ['mohamad', 'muhamat', 'mohamat', 'mohamed', 'muhamed', 'moh', 'muh', 'mhd', 'muhd', 'mohd'],
  ahmad: ['ahmat'],
  nur: ['nor'],
};
