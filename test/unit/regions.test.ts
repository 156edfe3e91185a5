import { describe, expect, it } from 'vitest';
import {
  findRegion,
  getDistricts,
  getProvinces,
  getRegencies,
  getVillages,
  isKnownDistrictCode,
  regencyKind,
  regionChain,
  regionLevelOf,
  toDottedRegionCode,
  villageKind,
} from '../../electron/core/regions';

describe('region codes', () => {
  it('are written dotted, and the undotted form of a NIK is accepted', () => {
    expect(toDottedRegionCode('35')).toBe('35');
    expect(toDottedRegionCode('3578')).toBe('35.78');
    expect(toDottedRegionCode('357801')).toBe('35.78.01');
    expect(toDottedRegionCode('3578011001')).toBe('35.78.01.1001');
    expect(toDottedRegionCode(' 35.78.01 ')).toBe('35.78.01');
    expect(toDottedRegionCode('35.7801')).toBeNull();
    expect(toDottedRegionCode('35780')).toBeNull();
    expect(toDottedRegionCode('35780110')).toBeNull();
    expect(toDottedRegionCode('35.78.01.1')).toBeNull();
    expect(toDottedRegionCode('')).toBeNull();
    expect(regionLevelOf('35.78.01.1001')).toBe('village');
    expect(regionLevelOf('3578')).toBe('regency');
  });

  it('tell a kabupaten (01-69) from a kota (71-99)', () => {
    expect(regencyKind('35.07')).toBe('kabupaten'); // Kabupaten Malang
    expect(regencyKind('3578')).toBe('kota'); // Kota Surabaya
    expect(regencyKind('31.01')).toBe('kabupaten');
    expect(regencyKind('31.71')).toBe('kota');
    expect(regencyKind('35.69')).toBe('kabupaten');
    expect(regencyKind('35.70')).toBeNull();
    expect(regencyKind('35.00')).toBeNull();
    expect(regencyKind('35')).toBeNull();
  });

  it('tell a kelurahan (1xxx) from a desa (2xxx, and Papua\'s desa adat 3xxx)', () => {
    expect(villageKind('35.78.01.1001')).toBe('kelurahan');
    expect(villageKind('11.01.01.2001')).toBe('desa');
    expect(villageKind('3507012001')).toBe('desa');
    expect(villageKind('91.03.01.3007')).toBe('desa');
    expect(villageKind('35.78.01')).toBeNull();
  });

  it('agree with the names in the data: every regency numbered 71 and up is a "Kota"', () => {
    for (const province of getProvinces()) {
      for (const regency of getRegencies(province.code)) {
        expect(regency.name.startsWith(regencyKind(regency.code) === 'kota' ? 'Kota' : 'Kabupaten')).toBe(true);
      }
    }
  });
});

describe('region pickers', () => {
  it('list the 38 provinces by name', () => {
    const provinces = getProvinces();
    expect(provinces).toHaveLength(38);
    expect(provinces[0]).toEqual({ code: '11', name: 'Aceh' });
    expect(provinces).toContainEqual({ code: '35', name: 'Jawa Timur' });
    expect(provinces.map((p) => p.name)).toEqual([...provinces.map((p) => p.name)].sort((a, b) => a.localeCompare(b, 'id')));
  });

  it('list the regencies and cities of a province', () => {
    const jatim = getRegencies('35');
    expect(jatim).toHaveLength(38);
    expect(jatim).toContainEqual({ code: '35.78', name: 'Kota Surabaya' });
    expect(jatim).toContainEqual({ code: '35.76', name: 'Kota Mojokerto' });
    expect(jatim[0]!.name.localeCompare(jatim[1]!.name, 'id')).toBeLessThan(0);
    expect(getRegencies('61')).toContainEqual({ code: '61.72', name: 'Kota Singkawang' });
  });

  it('list the districts of a regency, by name', () => {
    expect(getDistricts('35.76')).toEqual([
      { code: '35.76.03', name: 'Kranggan' },
      { code: '35.76.02', name: 'Magersari' },
      { code: '35.76.01', name: 'Prajuritkulon' },
    ]);
    expect(getDistricts('3578')).toHaveLength(31);
  });

  it('list the villages of a district, by name', () => {
    expect(getVillages('35.76.01')).toEqual([
      { code: '35.76.01.1008', name: 'Blooto' },
      { code: '35.76.01.1004', name: 'Kauman' },
      { code: '35.76.01.1003', name: 'Mentikan' },
      { code: '35.76.01.1006', name: 'Prajuritkulon' },
      { code: '35.76.01.1005', name: 'Pulorejo' },
      { code: '35.76.01.1007', name: 'Surodinawan' },
    ]);
    expect(getVillages('357801').map((v) => v.name)).toEqual(['Karang Pilang', 'Kebraon', 'Kedurus', 'Waru Gunung']);
  });

  it('give an empty list for an unknown or malformed parent', () => {
    expect(getRegencies('99')).toEqual([]);
    expect(getRegencies('35.78')).toEqual([]);
    expect(getDistricts('35.99')).toEqual([]);
    expect(getVillages('35.78.99')).toEqual([]);
    expect(getVillages('nonsense')).toEqual([]);
  });

  it('hand out copies, so a caller cannot change the cached list', () => {
    const first = getProvinces();
    first.pop();
    expect(getProvinces()).toHaveLength(38);
  });

  it('hold all 83,762 villages of the package', () => {
    let villages = 0;
    let districts = 0;
    for (const province of getProvinces()) {
      for (const regency of getRegencies(province.code)) {
        for (const district of getDistricts(regency.code)) {
          districts++;
          villages += getVillages(district.code).length;
        }
      }
    }
    expect(districts).toBe(7285);
    expect(villages).toBe(83762);
  });
});

describe('finding a region by code', () => {
  it('works at every level, with or without dots', () => {
    expect(findRegion('35')).toEqual({ code: '35', name: 'Jawa Timur', level: 'province', parentCode: null });
    expect(findRegion('3578')).toEqual({ code: '35.78', name: 'Kota Surabaya', level: 'regency', parentCode: '35' });
    expect(findRegion('35.78.01')).toEqual({ code: '35.78.01', name: 'Karang Pilang', level: 'district', parentCode: '35.78' });
    expect(findRegion('35.76.01.1008')).toEqual({ code: '35.76.01.1008', name: 'Blooto', level: 'village', parentCode: '35.76.01' });
    expect(findRegion('61.72.01')?.name).toBe('Singkawang Tengah');
  });

  it('reads names the CSV quotes', () => {
    expect(findRegion('12.07.28.1007')?.name).toBe('Lubuk Pakam I,II');
    expect(findRegion('35.13.15.2017')?.name).toBe('Soka"an');
    expect(findRegion('53.07.01.2021')?.name).toBe('Regapu’u');
  });

  it('answers null for codes not in the data', () => {
    expect(findRegion('35.76.01.1001')).toBeNull(); // Prajuritkulon's villages start at 1003
    expect(findRegion('35.78.99')).toBeNull();
    expect(findRegion('00')).toBeNull();
    expect(findRegion('abc')).toBeNull();
  });

  it('gives the chain from province down', () => {
    expect(regionChain('35.78.01.1002').map((r) => r.name)).toEqual(['Jawa Timur', 'Kota Surabaya', 'Karang Pilang', 'Kebraon']);
    expect(regionChain('35.78.99')).toEqual([]);
  });

  it('knows district codes in either form', () => {
    expect(isKnownDistrictCode('110101')).toBe(true);
    expect(isKnownDistrictCode('11.01.01')).toBe(true);
    expect(isKnownDistrictCode('35.78.31')).toBe(true);
    expect(isKnownDistrictCode('35.78.32')).toBe(false);
    expect(isKnownDistrictCode('3578')).toBe(false);
    expect(isKnownDistrictCode('')).toBe(false);
  });
});
