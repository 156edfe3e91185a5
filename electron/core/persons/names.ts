import { GIVEN_NAME_VARIANTS, PATRONYM_CONNECTORS, TITLES_AFTER_NAME, TITLES_BEFORE_NAME } from './name-data';

/**
 * Names for duplicate detection at intake: the same person is often written
 * several ways (with or without "Hj.", "Soekarno" or "Sukarno", "Siti Aminah
 * binti Abdullah" or "Siti Aminah"). These functions compare names; they never
 * change the name that is stored or shown.
 */

const titlesBefore = new Set(TITLES_BEFORE_NAME);
const titlesAfter = new Set(TITLES_AFTER_NAME);
const canonicalGivenName = new Map(
  Object.entries(GIVEN_NAME_VARIANTS).flatMap(([canonical, variants]) => variants.map((v) => [v, canonical] as const)),
);

const tokenKey = (token: string): string => token.replace(/[^a-z]/g, '');
const isTitle = (token: string): boolean => titlesBefore.has(tokenKey(token)) || titlesAfter.has(tokenKey(token));

/**
 * Old spellings (Van Ophuijsen 1901, Soewandi 1947) to EYD, one token at a time.
 *
 * - oe -> u, dj -> j, tj -> c: these never occur in EYD spelling, so always safe.
 * - nj -> ny, sj -> sy: only at the start of a token ("Njoman", "Sjarif") or in a
 *   token already marked old by oe/dj/tj ("Soenjoto"). Inside a modern name
 *   "nj" is n + j ("Panji", "Anjani", "Sanjaya") and must stay.
 * - j -> y: the old j sounds y, but modern "Joko", "Juni" and "Yuni" are
 *   different names, so a bare j is folded only in a token marked old
 *   ("Tjahjo" -> "Cahyo", "Soejono" -> "Suyono", "Djojo" -> "Joyo"), and
 *   after h, where EYD never writes j ("Wahjudi" -> "Wahyudi").
 * - ch -> kh ("Chadidjah" -> "Khadijah"), th -> t, dh -> d, ph -> f: spellings
 *   of Arabic and Dutch sounds that offices write both ways.
 * - a final y after a consonant -> i ("Hendry"/"Hendri", "Rudy"/"Rudi").
 * - doubled letters collapse ("Sitti"/"Siti", "Muhammad"/"Muhamad").
 * Left alone (judged too risky, or left to the similarity score): e <-> i,
 * oo -> u, sh -> s, v -> f, ie -> i, q -> k.
 */
function foldSpelling(token: string): string {
  const oldSpelling = /oe|dj|tj/.test(token) || /^(nj|sj)/.test(token);
  let t = token.replace(/oe/g, 'u').replace(/dj/g, 'J').replace(/tj/g, 'c');
  t = oldSpelling ? t.replace(/nj/g, 'ny').replace(/sj/g, 'sy').replace(/j/g, 'y') : t;
  t = t.replace(/J/g, 'j').replace(/hj/g, 'hy');
  t = t.replace(/ch/g, 'kh').replace(/kh/g, 'h').replace(/th/g, 't').replace(/dh/g, 'd').replace(/ph/g, 'f');
  t = t.replace(/([^aeiouy])y$/, '$1i');
  t = t.replace(/(.)\1+/g, '$1');
  return canonicalGivenName.get(t) ?? t;
}

function nameTokens(name: string): string[] {
  const plain = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`´ʼ]/g, '');
  // Separate on anything but letters, dots and hyphens; then split dotted or
  // hyphenated words that are not titles ("M.Ridwan", "Hj.Siti", "Al-Fatih").
  const tokens = plain
    .split(/[^\p{L}.-]+/u)
    .flatMap((t) => (isTitle(t) ? [t] : t.split(/[.-]+/)))
    .filter((t) => tokenKey(t) !== '');
  let start = 0;
  let end = tokens.length;
  while (end - start > 1 && titlesBefore.has(tokenKey(tokens[start]!))) start++;
  while (end - start > 1 && titlesAfter.has(tokenKey(tokens[end - 1]!))) end--;
  return tokens
    .slice(start, end)
    .map(tokenKey)
    .map((t) => PATRONYM_CONNECTORS[t] ?? foldSpelling(t));
}

/**
 * Lower case, no punctuation, titles and degrees removed, old spellings folded
 * to EYD, doubled letters collapsed, single spaces: "Hj. Siti Aminah, S.Pd."
 * -> "siti aminah"; "Soekarno" -> "sukarno". For comparing, not for display.
 */
export function normalizeName(name: string): string {
  return nameTokens(name).join(' ');
}

interface NameParts {
  given: string[];
  /** The father's name after bin/binti; empty when none is written. */
  patronym: string[];
}

function nameParts(normalized: string): NameParts {
  const tokens = normalized.split(' ').filter(Boolean);
  const k = tokens.findIndex((t, i) => i > 0 && (t === 'bin' || t === 'binti'));
  return k < 0 ? { given: tokens, patronym: [] } : { given: tokens.slice(0, k), patronym: tokens.slice(k + 1) };
}

/**
 * A key for looking names up: the given-name tokens of the normalized name,
 * sorted ("Aminah Siti", "Hj. Siti Aminah binti Abdullah" -> "aminah siti").
 * Equal keys are a strong hint; use nameSimilarity for near ones.
 */
export function nameKey(name: string): string {
  return [...nameParts(normalizeName(name)).given].sort().join(' ');
}

/** Jaro-Winkler similarity of two strings, in [0, 1]. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (!bMatched[j] && a[i] === b[j]) {
        aMatched[i] = true;
        bMatched[j] = true;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Levenshtein distance (insert, delete, substitute). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * One word against another. Jaro-Winkler alone rates a shared beginning too
 * well for Indonesian names, which differ at the end ("Fauzi"/"Fauzan",
 * "Wahyuni"/"Wahyuningsih"); averaging it with the edit ratio keeps a one-letter
 * slip in a long word high ("Hidajat"/"Hidayat") and a different ending low.
 * An initial ("M") matches a word starting with it, a little below an exact match.
 */
function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if ((a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))) return 0.9;
  const editRatio = 1 - editDistance(a, b) / Math.max(a.length, b.length);
  return (jaroWinkler(a, b) + editRatio) / 2;
}

/** Each extra word in the longer name (a middle name one side left out) costs this much. */
const MISSING_WORD_PENALTY = 0.05;

/** Word lists compared regardless of order: each word of the shorter list paired with its best unused partner. */
function tokenListSimilarity(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a.join('') === b.join('')) return a.length === b.length ? 1 : 0.98; // "Nurhayati" / "Nur Hayati"
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const pairs = shorter
    .flatMap((x, i) => longer.map((y, j) => ({ i, j, score: tokenSimilarity(x, y) })))
    .sort((p, q) => q.score - p.score);
  const usedShort = new Set<number>();
  const usedLong = new Set<number>();
  const scores: number[] = [];
  for (const p of pairs) {
    if (usedShort.has(p.i) || usedLong.has(p.j)) continue;
    usedShort.add(p.i);
    usedLong.add(p.j);
    scores.push(p.score);
  }
  const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
  // The weakest pair counts as much as the average: "Siti Rahayu" and "Siti
  // Rahmawati" share a common first name but not the name that tells them apart.
  const core = (mean + Math.min(...scores)) / 2;
  return core * (1 - MISSING_WORD_PENALTY * (longer.length - shorter.length));
}

/**
 * Similarity of two names in [0, 1], after normalizeName. Word order does not
 * matter; a missing middle name costs a little; a father's name after
 * bin/binti counts only when both names have one.
 */
export function nameSimilarity(a: string, b: string): number {
  const pa = nameParts(normalizeName(a));
  const pb = nameParts(normalizeName(b));
  const given = tokenListSimilarity(pa.given, pb.given);
  if (pa.patronym.length === 0 || pb.patronym.length === 0) return given;
  // Two fathers' names that differ make different people likely.
  return given * (0.5 + 0.5 * tokenListSimilarity(pa.patronym, pb.patronym));
}

/** At or above this, two names are taken as possibly the same person (when the birth date agrees too). */
export const DUPLICATE_NAME_THRESHOLD = 0.88;

export interface PersonForDuplicateCheck {
  name: string;
  birthDate?: string | null;
  nik?: string | null;
}

export interface DuplicateCheck {
  match: boolean;
  reason: 'same_nik' | 'similar_name_same_birth_date' | null;
  /** nameSimilarity of the two names, also for a NIK match (a low score there hints at a mistyped NIK). */
  score: number;
}

/**
 * Whether two persons may be one: the same NIK, or a close name with the same
 * birth date. A different NIK does not rule a match out (NIKs get mistyped and
 * old cards carry errors); the officer decides. A warning, never a refusal.
 */
export function isPossibleDuplicate(a: PersonForDuplicateCheck, b: PersonForDuplicateCheck): DuplicateCheck {
  const score = nameSimilarity(a.name, b.name);
  const nikA = a.nik?.trim();
  const nikB = b.nik?.trim();
  if (nikA && nikB && /^\d{16}$/.test(nikA) && nikA === nikB) return { match: true, reason: 'same_nik', score };
  if (a.birthDate && a.birthDate === b.birthDate && score >= DUPLICATE_NAME_THRESHOLD) {
    return { match: true, reason: 'similar_name_same_birth_date', score };
  }
  return { match: false, reason: null, score };
}
