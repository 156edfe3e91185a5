import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateInWords,
  formatDateNumeric,
  formatDateWithDay,
  formatDuration,
  formatNumber,
  formatRupiah,
  formatTime,
  initialsOf,
  ordinalWord,
  romanMonth,
  terbilang,
} from '../../electron/core/text';

describe('terbilang: a number in words as letters spell it', () => {
  // Written out by hand, not computed.
  const table: [number, string][] = [
    [0, 'nol'],
    [1, 'satu'],
    [9, 'sembilan'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [110, 'seratus sepuluh'],
    [111, 'seratus sebelas'],
    [200, 'dua ratus'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1100, 'seribu seratus'],
    [2000, 'dua ribu'],
    [11_000, 'sebelas ribu'],
    [100_000, 'seratus ribu'],
    [500_000, 'lima ratus ribu'],
    [999_999, 'sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan'],
    [1_000_000, 'satu juta'],
    [1_001_000, 'satu juta seribu'],
    [2_500_000, 'dua juta lima ratus ribu'],
    [1_000_000_000, 'satu miliar'],
    [1_000_000_001, 'satu miliar satu'],
    [2026, 'dua ribu dua puluh enam'],
    [1_000_000_000_000, 'satu triliun'],
    [-15, 'minus lima belas'],
  ];
  it.each(table)('%d is "%s"', (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  it('refuses what is not a whole number', () => {
    expect(() => terbilang(1.5)).toThrow(RangeError);
    expect(() => terbilang(Number.NaN)).toThrow(RangeError);
  });
});

describe('amounts, counts and durations', () => {
  it('money in figures with dots and two decimals, then in words', () => {
    expect(formatRupiah(2_500_000)).toBe('Rp2.500.000,00 (dua juta lima ratus ribu rupiah)');
    expect(formatRupiah(500_000)).toBe('Rp500.000,00 (lima ratus ribu rupiah)');
    expect(formatRupiah(0)).toBe('Rp0,00 (nol rupiah)');
    expect(formatRupiah(1250.5)).toBe('Rp1.250,50 (seribu dua ratus lima puluh rupiah lima puluh sen)');
  });

  it('durations in figures and words', () => {
    expect(formatDuration(14, 'days')).toBe('14 (empat belas) hari');
    expect(formatDuration(5, 'working_days')).toBe('5 (lima) hari kerja');
    expect(formatDuration(30, 'minutes')).toBe('30 (tiga puluh) menit');
    expect(formatDuration(3, 'months')).toBe('3 (tiga) bulan');
  });

  it('thousands separated by dots', () => {
    expect(formatNumber(1_000_000_000)).toBe('1.000.000.000');
    expect(formatNumber(999)).toBe('999');
  });

  it('ordinals for parties and dictums', () => {
    expect([1, 2, 3, 11].map(ordinalWord)).toEqual(['pertama', 'kedua', 'ketiga', 'kesebelas']);
  });
});

describe('dates and times', () => {
  it('a date with and without the day', () => {
    expect(formatDate('2026-11-22')).toBe('22 November 2026');
    expect(formatDateWithDay('2026-11-23')).toBe('Senin, 23 November 2026');
    expect(formatDateWithDay('2026-11-22')).toBe('Minggu, 22 November 2026');
    expect(formatDateWithDay('2026-02-20')).toBe('Jumat, 20 Februari 2026');
    expect(formatDate('2026-01-05T09:00')).toBe('5 Januari 2026');
  });

  it('a date spelt out, as a berita acara opens', () => {
    expect(formatDateInWords('2026-11-23')).toBe('Senin tanggal dua puluh tiga bulan November tahun dua ribu dua puluh enam');
    expect(formatDateNumeric('2026-02-09')).toBe('09-02-2026');
  });

  it('times with a dot, months in Roman numerals', () => {
    expect(formatTime('09:00')).toBe('09.00');
    expect(formatTime('9.30')).toBe('09.30');
    expect(romanMonth(11)).toBe('XI');
  });

  it('refuses dates that do not exist', () => {
    expect(() => formatDate('2026-02-30')).toThrow(RangeError);
    expect(() => formatDate('kemarin')).toThrow(RangeError);
  });
});

describe('initials keep a name confidential', () => {
  it('one letter per word, with dots', () => {
    expect(initialsOf('Nur Aini')).toBe('N.A.');
    expect(initialsOf('  siti  nur  HALIZAH ')).toBe('S.N.H.');
    expect(initialsOf("Ni'matul Ulya")).toBe('N.U.');
  });
});
