import { findRegion } from '../regions';
import { compareYmd, formatDayMonthYear, isRealDate, parseIsoDate, requireIsoDate, toIsoDate, type Ymd } from './dates';

/**
 * NIK (Nomor Induk Kependudukan) and No. KK (Kartu Keluarga number).
 *
 * NIK: PP RR DD (province, regency/city, district of registration), DDMMYY
 * birth date with 40 added to the day for women, then a 4-digit serial.
 * No. KK: the same 6-digit region prefix, then 10 more digits.
 *
 * Only the shape is a hard error. Everything the digits say (region, date) is
 * checked but reported as a warning: old cards carry codes of regions since
 * split or renamed, and typing errors on cards exist. The officer decides.
 */

export type NikSex = 'P' | 'L';

export interface RegionOfNumber {
  /** Dotted codes read from the digits, whether or not the region is known. */
  provinceCode: string | null;
  regencyCode: string | null;
  districtCode: string | null;
  /** Names from the region data; null when the code is not known. */
  provinceName: string | null;
  regencyName: string | null;
  districtName: string | null;
}

export interface NikInfo extends RegionOfNumber {
  /** The input with surrounding whitespace removed. */
  nik: string;
  /** 16 digits and nothing else. Warnings do not make a NIK invalid. */
  valid: boolean;
  /** Indonesian; why this is not a NIK at all. */
  errors: string[];
  /** Indonesian; what looks wrong in an otherwise well-formed NIK. */
  warnings: string[];
  /** 'P' (perempuan) when the day is written plus 40; null when the day digits are impossible. */
  sex: NikSex | null;
  /** 'YYYY-MM-DD'; null when the date is impossible, or when no `today` was given to pick the century. */
  birthDate: string | null;
  /** The date as the digits write it, before the century is chosen (day without the +40). */
  encodedBirth: { day: number; month: number; yearOfCentury: number } | null;
  /** The last four digits. */
  serial: string | null;
}

export interface KkInfo extends RegionOfNumber {
  noKk: string;
  valid: boolean;
  errors: string[];
  warnings: string[];
}

export interface ParseNikOptions {
  /**
   * 'YYYY-MM-DD', the day the NIK is read. The NIK writes a two-digit year;
   * the century chosen is the one that makes the person 0 to 99 years old
   * on this day. Without it the birth date is left null.
   */
  today?: string;
}

const NO_REGION: RegionOfNumber = {
  provinceCode: null,
  regencyCode: null,
  districtCode: null,
  provinceName: null,
  regencyName: null,
  districtName: null,
};

/** Hard format errors of a 16-digit number, in Indonesian. */
function formatErrors(value: string, label: string): string[] {
  if (value === '') return [`${label} belum diisi.`];
  const errors: string[] = [];
  if (/\s/.test(value)) errors.push(`${label} tidak boleh berisi spasi; tulis 16 angka tanpa pemisah.`);
  const others = [...new Set(value.replace(/[\d\s]/g, ''))];
  if (others.length > 0) {
    errors.push(`${label} hanya boleh berisi angka; ditemukan ${others.map((c) => `"${c}"`).join(', ')}.`);
  }
  const digits = value.replace(/\D/g, '').length;
  if (digits !== 16) errors.push(`${label} harus 16 angka; yang diisi ${digits} angka.`);
  return errors;
}

function regionOf(digits: string, label: string, warnings: string[]): RegionOfNumber {
  const provinceCode = digits.slice(0, 2);
  const regencyCode = `${provinceCode}.${digits.slice(2, 4)}`;
  const districtCode = `${regencyCode}.${digits.slice(4, 6)}`;
  const province = findRegion(provinceCode);
  const regency = province && findRegion(regencyCode);
  const district = regency && findRegion(districtCode);
  const notInList = 'tidak ada dalam daftar wilayah Kemendagri (mungkin kode lama sebelum pemekaran, atau salah ketik).';
  if (!province) warnings.push(`Kode provinsi ${provinceCode} pada ${label} ${notInList}`);
  else if (!regency) warnings.push(`Kode kabupaten/kota ${regencyCode} pada ${label} ${notInList}`);
  else if (!district) warnings.push(`Kode kecamatan ${districtCode} pada ${label} ${notInList}`);
  return {
    provinceCode,
    regencyCode,
    districtCode,
    provinceName: province?.name ?? null,
    regencyName: regency?.name ?? null,
    districtName: district?.name ?? null,
  };
}

const two = (n: number): string => String(n).padStart(2, '0');

/** Years ending in `yearOfCentury`, most recent first: the last one not after `today`, then the century before. */
function candidateYears(yearOfCentury: number, today: Ymd | null): number[] {
  if (!today) return [2000 + yearOfCentury, 1900 + yearOfCentury];
  const recent = today.year - ((today.year - yearOfCentury) % 100 + 100) % 100;
  return [recent, recent - 100];
}

export function parseNik(input: string, opts: ParseNikOptions = {}): NikInfo {
  const today = opts.today === undefined ? null : requireIsoDate(opts.today, 'today');
  const nik = input.trim();
  const errors = formatErrors(nik, 'NIK');
  if (errors.length > 0) {
    return { nik, valid: false, errors, warnings: [], ...NO_REGION, sex: null, birthDate: null, encodedBirth: null, serial: null };
  }
  const warnings: string[] = [];
  const region = regionOf(nik, 'NIK', warnings);

  const writtenDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yearOfCentury = Number(nik.slice(10, 12));
  const serial = nik.slice(12);

  let sex: NikSex | null = null;
  let day = writtenDay;
  if (writtenDay >= 1 && writtenDay <= 31) sex = 'L';
  else if (writtenDay >= 41 && writtenDay <= 71) {
    sex = 'P';
    day = writtenDay - 40;
  }

  let birthDate: string | null = null;
  if (sex === null) {
    warnings.push(
      `Angka tanggal lahir pada NIK (${two(writtenDay)}) tidak mungkin: 01-31 untuk laki-laki, 41-71 untuk perempuan (tanggal + 40).`,
    );
  } else if (month < 1 || month > 12) {
    warnings.push(`Bulan lahir pada NIK (${two(month)}) tidak mungkin.`);
  } else {
    const real = candidateYears(yearOfCentury, today)
      .map((year) => ({ year, month, day }))
      .filter(isRealDate);
    if (real.length === 0) {
      warnings.push(`Tanggal lahir pada NIK (${two(day)}-${two(month)}-${two(yearOfCentury)}) tidak ada di kalender.`);
    } else if (today) {
      const past = real.find((d) => compareYmd(d, today) <= 0);
      if (past) birthDate = toIsoDate(past);
      else warnings.push(`Tanggal lahir pada NIK (${formatDayMonthYear(toIsoDate(real[0]!))}) jatuh setelah hari ini.`);
    }
  }
  if (serial === '0000') warnings.push('Nomor urut pada NIK adalah 0000, padahal nomor urut dimulai dari 0001.');

  return {
    nik,
    valid: true,
    errors: [],
    warnings,
    ...region,
    sex,
    birthDate,
    encodedBirth: sex === null ? null : { day, month, yearOfCentury },
    serial,
  };
}

/** No. KK: 16 digits whose first six are the district of issue. */
export function parseKk(input: string): KkInfo {
  const noKk = input.trim();
  const errors = formatErrors(noKk, 'No. KK');
  if (errors.length > 0) return { noKk, valid: false, errors, warnings: [], ...NO_REGION };
  const warnings: string[] = [];
  return { noKk, valid: true, errors: [], warnings, ...regionOf(noKk, 'No. KK', warnings) };
}

const SEX_WORD: Record<NikSex, string> = { P: 'perempuan', L: 'laki-laki' };

/**
 * What the NIK says against what was typed into the form, as warnings in
 * Indonesian. The form keeps what the officer typed: a card can be wrong.
 * The date is compared on day, month and two-digit year, since the NIK does
 * not write the century.
 */
export function compareNikWithPerson(nik: NikInfo, person: { birthDate?: string | null; sex?: NikSex | null }): string[] {
  const warnings: string[] = [];
  if (!nik.valid) return warnings;
  const entered = person.birthDate ? parseIsoDate(person.birthDate) : null;
  const coded = nik.encodedBirth;
  if (entered && coded) {
    const same = entered.day === coded.day && entered.month === coded.month && entered.year % 100 === coded.yearOfCentury;
    if (!same) {
      const onNik = nik.birthDate
        ? formatDayMonthYear(nik.birthDate)
        : `${two(coded.day)}-${two(coded.month)}-${two(coded.yearOfCentury)}`;
      warnings.push(`Tanggal lahir pada NIK (${onNik}) berbeda dengan yang diisi (${formatDayMonthYear(toIsoDate(entered))}).`);
    }
  }
  if (person.sex && nik.sex && person.sex !== nik.sex) {
    warnings.push(`Jenis kelamin pada NIK (${SEX_WORD[nik.sex]}) berbeda dengan yang diisi (${SEX_WORD[person.sex]}).`);
  }
  return warnings;
}
