/**
 * Kemendagri region codes: province `35`, regency `35.78`, district `35.78.01`,
 * village `35.78.01.1001`. Codes are written dotted everywhere in Teduh; the
 * undotted form (as printed inside a NIK) is accepted on input.
 */

export type RegionLevel = 'province' | 'regency' | 'district' | 'village';
export type RegencyKind = 'kabupaten' | 'kota';
export type VillageKind = 'kelurahan' | 'desa';

const DOTTED = /^(\d{2})(?:\.(\d{2})(?:\.(\d{2})(?:\.(\d{4}))?)?)?$/;
const UNDOTTED = /^(\d{2})(\d{2})?(\d{2})?(\d{4})?$/;

/** '3578', '35.78' -> '35.78'; anything that is not a region code -> null. */
export function toDottedRegionCode(code: string): string | null {
  const s = code.trim();
  const m = DOTTED.exec(s) ?? (s.includes('.') ? null : UNDOTTED.exec(s));
  if (!m) return null;
  // The undotted pattern lets a later group match while an earlier one is empty; refuse those.
  const parts = m.slice(1);
  const filled = parts.filter((p) => p !== undefined);
  if (parts.slice(0, filled.length).some((p) => p === undefined)) return null;
  return filled.join('.');
}

export function regionLevelOf(code: string): RegionLevel | null {
  const dotted = toDottedRegionCode(code);
  if (!dotted) return null;
  return (['province', 'regency', 'district', 'village'] as const)[dotted.split('.').length - 1] ?? null;
}

/** Regency numbers 01-69 are kabupaten, 71-99 kota (70 and 00 are not used). */
export function regencyKind(code: string): RegencyKind | null {
  const dotted = toDottedRegionCode(code);
  const n = dotted ? Number(dotted.split('.')[1]) : NaN;
  if (n >= 1 && n <= 69) return 'kabupaten';
  if (n >= 71 && n <= 99) return 'kota';
  return null;
}

/**
 * The village number starts with 1 for a kelurahan and 2 for a desa. Papua's
 * customary villages start with 3 ("Desa Adat ..."); a desa adat is a desa in
 * law (UU 6/2014), so it counts as 'desa'.
 */
export function villageKind(code: string): VillageKind | null {
  const dotted = toDottedRegionCode(code);
  const village = dotted?.split('.')[3];
  if (!village) return null;
  if (village[0] === '1') return 'kelurahan';
  if (village[0] === '2' || village[0] === '3') return 'desa';
  return null;
}
