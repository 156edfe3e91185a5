import { romanMonth } from '../text';

/**
 * Letter numbers: `classification / sequence / unit / year` by default. Filled by one
 * function, shared (through the contract) with the settings screen's preview.
 */

export const letterNumberTokens = ['{klasifikasi}', '{urut}', '{urut:N}', '{unit}', '{tahun}', '{bulan}', '{bulan_romawi}', '{kode}'] as const;

export interface LetterNumberParts {
  seq: number;
  year: number;
  month: number;
  classification: string;
  unit: string;
  /** The type's short code (SK, SPT, BA, ...). */
  code: string;
}

/** Fills a pattern: `{klasifikasi}/{urut:3}/{unit}/{tahun}` → `400.10/007/UPTD-PPA/2026`. */
export function formatLetterNumber(pattern: string, v: LetterNumberParts): string {
  return pattern
    .replace(/\{urut(?::(\d))?\}/g, (_m, w: string | undefined) => String(v.seq).padStart(Number(w ?? 1), '0'))
    .replace(/\{tahun\}/g, String(v.year))
    .replace(/\{bulan_romawi\}/g, romanMonth(v.month))
    .replace(/\{bulan\}/g, String(v.month).padStart(2, '0'))
    .replace(/\{klasifikasi\}/g, v.classification)
    .replace(/\{unit\}/g, v.unit)
    .replace(/\{kode\}/g, v.code);
}

/** Why a pattern cannot be used, in Indonesian; null when it can. */
export function letterPatternProblem(pattern: string): string | null {
  if (!/\{urut(:\d)?\}/.test(pattern)) return 'Pola harus memuat {urut} atau {urut:N}';
  if (!/\{tahun\}/.test(pattern)) return 'Pola harus memuat {tahun}: nomor urut dimulai ulang setiap tahun';
  const unknown = pattern.match(/\{[^}]*\}/g)?.find((t) => !/^\{(urut(:\d)?|tahun|bulan|bulan_romawi|klasifikasi|unit|kode)\}$/.test(t));
  if (unknown) return `Penanda ${unknown} tidak dikenal`;
  return null;
}
