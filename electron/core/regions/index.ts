/**
 * Indonesian administrative regions (Kemendagri codes) for offline pickers and
 * the NIK region check. Data from `idn-area-data`, loaded on first use; names
 * are as the package gives them ("Kota Surabaya", "Karang Pilang").
 */
import { upperAreas, villageName, villageTable, type AreaTable } from './data';
import { regencyKind, regionLevelOf, toDottedRegionCode, villageKind, type RegionLevel } from './codes';

export { regencyKind, regionLevelOf, toDottedRegionCode, villageKind };
export type { RegencyKind, RegionLevel, VillageKind } from './codes';

export interface Region {
  /** Dotted code: '35', '35.78', '35.78.01', '35.78.01.1001'. */
  code: string;
  name: string;
}

export interface FoundRegion extends Region {
  level: RegionLevel;
  /** Null for a province. */
  parentCode: string | null;
}

const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });
const byName = (a: Region, b: Region): number => collator.compare(a.name, b.name) || (a.code < b.code ? -1 : 1);

const sortedCache = new Map<string, readonly Region[]>();

/** Children of `parent` in a table whose codes extend the parent's ('35' -> '35.xx'); the table is sorted by code. */
function childrenOf(t: AreaTable, parent: string): Region[] {
  const prefix = `${parent}.`;
  const out: Region[] = [];
  let i = lowerBound(t.codes, prefix);
  for (; i < t.codes.length && t.codes[i]!.startsWith(prefix); i++) out.push({ code: t.codes[i]!, name: t.names[i]! });
  return out;
}

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function cached(key: string, build: () => Region[]): Region[] {
  let list = sortedCache.get(key);
  if (!list) {
    list = Object.freeze(build().sort(byName).map((r) => Object.freeze(r)));
    sortedCache.set(key, list);
  }
  return [...list];
}

function codeAt(code: string, level: RegionLevel): string | null {
  const dotted = toDottedRegionCode(code);
  return dotted && regionLevelOf(dotted) === level ? dotted : null;
}

export function getProvinces(): Region[] {
  return cached('', () => {
    const { provinces } = upperAreas();
    return provinces.codes.map((code, i) => ({ code, name: provinces.names[i]! }));
  });
}

/** Regencies and cities of a province; empty for an unknown or malformed code. */
export function getRegencies(provinceCode: string): Region[] {
  const code = codeAt(provinceCode, 'province');
  return code ? cached(code, () => childrenOf(upperAreas().regencies, code)) : [];
}

export function getDistricts(regencyCode: string): Region[] {
  const code = codeAt(regencyCode, 'regency');
  return code ? cached(code, () => childrenOf(upperAreas().districts, code)) : [];
}

/** Kelurahan and desa of a district (not cached: 7,285 districts' worth of lists would undo the compact store). */
export function getVillages(districtCode: string): Region[] {
  const code = codeAt(districtCode, 'district');
  const d = code === null ? undefined : upperAreas().districts.index.get(code);
  if (d === undefined) return [];
  const t = villageTable();
  const out: Region[] = [];
  for (let i = t.districtStart[d]!; i < t.districtStart[d + 1]!; i++) {
    out.push({ code: `${code}.${String(t.numbers[i]).padStart(4, '0')}`, name: villageName(t, i) });
  }
  return out.sort(byName);
}

/** Any level, dotted or not; null when the code is malformed or not in the data. */
export function findRegion(code: string): FoundRegion | null {
  const dotted = toDottedRegionCode(code);
  const level = dotted ? regionLevelOf(dotted) : null;
  if (!dotted || !level) return null;
  const parentCode = level === 'province' ? null : dotted.slice(0, dotted.lastIndexOf('.'));
  if (level === 'village') {
    const name = villageNameOf(dotted);
    return name === null ? null : { code: dotted, name, level, parentCode };
  }
  const areas = upperAreas();
  const t = level === 'province' ? areas.provinces : level === 'regency' ? areas.regencies : areas.districts;
  const i = t.index.get(dotted);
  return i === undefined ? null : { code: dotted, name: t.names[i]!, level, parentCode };
}

function villageNameOf(dotted: string): string | null {
  const d = upperAreas().districts.index.get(dotted.slice(0, 8));
  if (d === undefined) return null;
  const t = villageTable();
  const wanted = Number(dotted.slice(9));
  // Binary search within the district's range (numbers ascend there).
  let lo = t.districtStart[d]!;
  let hi = t.districtStart[d + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t.numbers[mid]! < wanted) lo = mid + 1;
    else hi = mid;
  }
  return lo < t.districtStart[d + 1]! && t.numbers[lo] === wanted ? villageName(t, lo) : null;
}

/** The region and its ancestors, province first; empty when the code is not known. */
export function regionChain(code: string): FoundRegion[] {
  const found = findRegion(code);
  if (!found) return [];
  return found.parentCode === null ? [found] : [...regionChain(found.parentCode), found];
}

/** '110101' or '11.01.01' names a district in the data. Does not load the villages. */
export function isKnownDistrictCode(code: string): boolean {
  const dotted = codeAt(code, 'district');
  return dotted !== null && upperAreas().districts.index.has(dotted);
}
