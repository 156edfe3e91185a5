/**
 * The register number pattern, filled the same way when a case is registered and when the
 * settings screen previews a pattern (through the contract).
 */

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** The tokens a pattern may use; `{urut}` and `{tahun}` are required (see settings.update). */
export const registerNoTokens = ['{urut:N}', '{urut}', '{tahun}', '{bulan}', '{bulan_romawi}', '{layanan}'] as const;

/** Short codes of the services, for the `{layanan}` token. */
export const serviceAbbreviations: Record<string, string> = {
  pengaduan_kekerasan: 'PK',
  intervensi_krisis: 'IK',
  mediasi: 'MED',
  bantuan_mediasi: 'BM',
  pemulangan_mediasi: 'PM',
  pengaduan_layanan: 'PL',
};

/** Fills the register number pattern, e.g. `REG/{tahun}/{urut:5}` -> `REG/2026/00042`. */
export function formatRegisterNo(pattern: string, v: { seq: number; year: number; month: number; service: string }): string {
  return pattern
    .replace(/\{urut(?::(\d))?\}/g, (_m, w: string | undefined) => String(v.seq).padStart(Number(w ?? 1), '0'))
    .replace(/\{tahun\}/g, String(v.year))
    .replace(/\{bulan_romawi\}/g, ROMAN[v.month - 1]!)
    .replace(/\{bulan\}/g, String(v.month).padStart(2, '0'))
    .replace(/\{layanan\}/g, v.service);
}
