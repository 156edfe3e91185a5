import { describe, expect, it } from 'vitest';
import { ageOn, compareNikWithPerson, isChildAt, parseKk, parseNik, simfoniAgeBand, simfoniAgeGroup } from '../../electron/core/persons';

const today = '2026-11-22';

describe('reading a NIK', () => {
  it('gives region, sex and birth date of a woman registered in Karang Pilang, Surabaya', () => {
    const info = parseNik('3578014506900001', { today });
    expect(info).toEqual({
      nik: '3578014506900001',
      valid: true,
      errors: [],
      warnings: [],
      provinceCode: '35',
      regencyCode: '35.78',
      districtCode: '35.78.01',
      provinceName: 'Jawa Timur',
      regencyName: 'Kota Surabaya',
      districtName: 'Karang Pilang',
      sex: 'P',
      birthDate: '1990-06-05',
      encodedBirth: { day: 5, month: 6, yearOfCentury: 90 },
      serial: '0001',
    });
  });

  it('reads a man from the day as written (no +40)', () => {
    const info = parseNik('3576011205900002', { today });
    expect(info.sex).toBe('L');
    expect(info.birthDate).toBe('1990-05-12');
    expect(info.regencyName).toBe('Kota Mojokerto');
    expect(info.districtName).toBe('Prajuritkulon');
  });

  it('takes day 71 as the 31st for a woman', () => {
    expect(parseNik('6172017101080003', { today })).toMatchObject({ sex: 'P', birthDate: '2008-01-31', regencyName: 'Kota Singkawang' });
  });

  it('ignores spaces around the number', () => {
    expect(parseNik('  3578014506900001\n', { today }).valid).toBe(true);
  });

  describe('chooses the century that makes the person 0 to 99 years old today', () => {
    it('a girl born in 2010 is not taken for 116', () => {
      expect(parseNik('3578015003100001', { today }).birthDate).toBe('2010-03-10');
    });
    it('a two-digit year equal to this year is this year once the day has passed', () => {
      expect(parseNik('3578010101260001', { today }).birthDate).toBe('2026-01-01');
    });
    it('and a hundred years earlier when the day is still to come', () => {
      expect(parseNik('3578010112260001', { today }).birthDate).toBe('1926-12-01');
    });
    it('on the very birthday the person is 0, not 100', () => {
      expect(parseNik('3578016211260001', { today }).birthDate).toBe('2026-11-22');
    });
    it('without today, it reads sex and the written date but leaves the birth date open', () => {
      const info = parseNik('3578014506900001');
      expect(info).toMatchObject({ valid: true, sex: 'P', birthDate: null, encodedBirth: { day: 5, month: 6, yearOfCentury: 90 } });
      expect(info.warnings).toEqual([]);
    });
    it('today must be a real date (a programming error otherwise)', () => {
      expect(() => parseNik('3578014506900001', { today: '22-11-2026' })).toThrow(RangeError);
    });
  });

  describe('warns, without rejecting, about what the digits say', () => {
    it('a district code not in the Kemendagri list', () => {
      const info = parseNik('3578994506900001', { today });
      expect(info.valid).toBe(true);
      expect(info.regencyName).toBe('Kota Surabaya');
      expect(info.districtName).toBeNull();
      expect(info.districtCode).toBe('35.78.99');
      expect(info.warnings).toEqual([
        'Kode kecamatan 35.78.99 pada NIK tidak ada dalam daftar wilayah Kemendagri (mungkin kode lama sebelum pemekaran, atau salah ketik).',
      ]);
      expect(info.birthDate).toBe('1990-06-05');
    });

    it('an unknown province, named once rather than at every level', () => {
      const info = parseNik('9978014506900001', { today });
      expect(info.warnings).toEqual([
        'Kode provinsi 99 pada NIK tidak ada dalam daftar wilayah Kemendagri (mungkin kode lama sebelum pemekaran, atau salah ketik).',
      ]);
      expect(info).toMatchObject({ provinceName: null, regencyName: null, districtName: null });
    });

    it('an unknown regency', () => {
      expect(parseNik('3599014506900001', { today }).warnings[0]).toMatch(/^Kode kabupaten\/kota 35\.99 pada NIK tidak ada/);
    });

    it('31 February', () => {
      const info = parseNik('3578013102900001', { today });
      expect(info.valid).toBe(true);
      expect(info.sex).toBe('L');
      expect(info.birthDate).toBeNull();
      expect(info.warnings).toEqual(['Tanggal lahir pada NIK (31-02-90) tidak ada di kalender.']);
    });

    it('29 February only in a leap year', () => {
      expect(parseNik('3578016902000001', { today })).toMatchObject({ sex: 'P', birthDate: '2000-02-29', warnings: [] });
      expect(parseNik('3578016902010001', { today }).warnings).toEqual(['Tanggal lahir pada NIK (29-02-01) tidak ada di kalender.']);
    });

    it('a day number that is neither a man\'s nor a woman\'s', () => {
      for (const dd of ['00', '35', '40', '72', '99']) {
        const info = parseNik(`357801${dd}06900001`, { today });
        expect(info.sex).toBeNull();
        expect(info.birthDate).toBeNull();
        expect(info.warnings).toEqual([
          `Angka tanggal lahir pada NIK (${dd}) tidak mungkin: 01-31 untuk laki-laki, 41-71 untuk perempuan (tanggal + 40).`,
        ]);
      }
    });

    it('a month that does not exist', () => {
      const info = parseNik('3578014513900001', { today });
      expect(info.sex).toBe('P');
      expect(info.warnings).toEqual(['Bulan lahir pada NIK (13) tidak mungkin.']);
    });

    it('a birth date after today', () => {
      // On 1 January 2000, 29-02-00 can only be 29 Feb 2000 (1900 was not a leap year).
      const info = parseNik('3578012902000001', { today: '2000-01-01' });
      expect(info.birthDate).toBeNull();
      expect(info.warnings).toEqual(['Tanggal lahir pada NIK (29-02-2000) jatuh setelah hari ini.']);
    });

    it('serial 0000', () => {
      expect(parseNik('3578014506900000', { today }).warnings).toEqual([
        'Nomor urut pada NIK adalah 0000, padahal nomor urut dimulai dari 0001.',
      ]);
    });
  });

  describe('rejects what is not a NIK, saying why in Indonesian', () => {
    const rejected = (nik: string) => {
      const info = parseNik(nik, { today });
      expect(info.valid).toBe(false);
      expect(info).toMatchObject({ warnings: [], sex: null, birthDate: null, provinceCode: null, serial: null });
      return info.errors;
    };

    it('an empty field', () => {
      expect(rejected('')).toEqual(['NIK belum diisi.']);
      expect(rejected('   ')).toEqual(['NIK belum diisi.']);
    });
    it('15 digits', () => {
      expect(rejected('357801450690001')).toEqual(['NIK harus 16 angka; yang diisi 15 angka.']);
    });
    it('17 digits', () => {
      expect(rejected('35780145069000011')).toEqual(['NIK harus 16 angka; yang diisi 17 angka.']);
    });
    it('a letter O typed for a zero', () => {
      expect(rejected('35780145O6900001')).toEqual([
        'NIK hanya boleh berisi angka; ditemukan "O".',
        'NIK harus 16 angka; yang diisi 15 angka.',
      ]);
    });
    it('spaces between the groups', () => {
      expect(rejected('3578 0145 0690 0001')).toEqual(['NIK tidak boleh berisi spasi; tulis 16 angka tanpa pemisah.']);
    });
    it('dots and dashes', () => {
      expect(rejected('35.78.01-450690-0001')).toEqual(['NIK hanya boleh berisi angka; ditemukan ".", "-".']);
    });
  });
});

describe('reading a No. KK', () => {
  it('checks the region of issue', () => {
    expect(parseKk('3578010101100003')).toEqual({
      noKk: '3578010101100003',
      valid: true,
      errors: [],
      warnings: [],
      provinceCode: '35',
      regencyCode: '35.78',
      districtCode: '35.78.01',
      provinceName: 'Jawa Timur',
      regencyName: 'Kota Surabaya',
      districtName: 'Karang Pilang',
    });
  });
  it('warns about an unknown region', () => {
    expect(parseKk('3578990101100003').warnings).toEqual([
      'Kode kecamatan 35.78.99 pada No. KK tidak ada dalam daftar wilayah Kemendagri (mungkin kode lama sebelum pemekaran, atau salah ketik).',
    ]);
  });
  it('rejects a malformed number', () => {
    expect(parseKk('35780101011000').errors).toEqual(['No. KK harus 16 angka; yang diisi 14 angka.']);
    expect(parseKk('357801010110000A').errors).toEqual([
      'No. KK hanya boleh berisi angka; ditemukan "A".',
      'No. KK harus 16 angka; yang diisi 15 angka.',
    ]);
  });
});

describe('comparing the NIK with what the officer typed', () => {
  const nik = parseNik('3578015205900001', { today }); // perempuan, 12-05-1990

  it('says nothing when they agree', () => {
    expect(compareNikWithPerson(nik, { birthDate: '1990-05-12', sex: 'P' })).toEqual([]);
    expect(compareNikWithPerson(nik, {})).toEqual([]);
  });

  it('warns about a different birth date, keeping what was typed', () => {
    expect(compareNikWithPerson(nik, { birthDate: '1990-05-13' })).toEqual([
      'Tanggal lahir pada NIK (12-05-1990) berbeda dengan yang diisi (13-05-1990).',
    ]);
  });

  it('warns about a different sex', () => {
    expect(compareNikWithPerson(nik, { birthDate: '1990-05-12', sex: 'L' })).toEqual([
      'Jenis kelamin pada NIK (perempuan) berbeda dengan yang diisi (laki-laki).',
    ]);
  });

  it('does not blame the century, which the NIK does not write', () => {
    // A 100-year-old born 1926: the NIK reading picks 2026 or 1926 by today; the typed date is accepted either way.
    const old = parseNik('3578014101260001', { today });
    expect(old.birthDate).toBe('2026-01-01');
    expect(compareNikWithPerson(old, { birthDate: '1926-01-01', sex: 'P' })).toEqual([]);
  });

  it('shows the two-digit year when the NIK was read without today', () => {
    expect(compareNikWithPerson(parseNik('3578015205900001'), { birthDate: '1991-05-12' })).toEqual([
      'Tanggal lahir pada NIK (12-05-90) berbeda dengan yang diisi (12-05-1991).',
    ]);
  });

  it('has nothing to compare for a malformed NIK', () => {
    expect(compareNikWithPerson(parseNik('123'), { birthDate: '1990-05-12', sex: 'L' })).toEqual([]);
  });
});

describe('age on a date', () => {
  it('counts whole years, the birthday included', () => {
    expect(ageOn('1990-06-05', '2026-06-04')).toBe(35);
    expect(ageOn('1990-06-05', '2026-06-05')).toBe(36);
    expect(ageOn('2026-11-22', '2026-11-22')).toBe(0);
  });

  it('turns someone born on 29 February a year older on 1 March in a common year', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('refuses dates that are not real, or before the birth', () => {
    expect(() => ageOn('2008-02-30', '2026-01-01')).toThrow(RangeError);
    expect(() => ageOn('05-06-1990', '2026-01-01')).toThrow(RangeError);
    expect(() => ageOn('2026-01-02', '2026-01-01')).toThrow(RangeError);
  });

  it('a victim is a child if not yet 18 on the day of the incident, whatever her age at intake', () => {
    expect(isChildAt('2008-07-10', '2026-07-09')).toBe(true);
    expect(isChildAt('2008-07-10', '2026-07-10')).toBe(false);
    expect(isChildAt('2008-02-29', '2026-02-28')).toBe(true);
    expect(simfoniAgeGroup('2008-07-10', '2026-07-09')).toBe('anak');
    expect(simfoniAgeGroup('1990-06-05', '2026-07-09')).toBe('dewasa');
  });

  it('falls into the SIMFONI age bands', () => {
    const cases: [number, string][] = [
      [0, '0-5'], [5, '0-5'], [6, '6-12'], [12, '6-12'], [13, '13-17'], [17, '13-17'], [18, '18-24'],
      [24, '18-24'], [25, '25-44'], [44, '25-44'], [45, '45-59'], [59, '45-59'], [60, '60+'], [101, '60+'],
    ];
    for (const [age, band] of cases) expect(simfoniAgeBand(age)).toBe(band);
    expect(() => simfoniAgeBand(-1)).toThrow(RangeError);
    expect(() => simfoniAgeBand(4.5)).toThrow(RangeError);
  });
});
