/**
 * Indonesian as official letters write it (Tata Naskah Dinas): dates, times, numbers,
 * amounts and durations, in figures and in words. The one formatter for all of them.
 */

const ONES = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'] as const;

export const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

/** Day names, Sunday first (as `Date.getUTCDay()` counts). */
export const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

const SCALES = [
  { value: 1_000_000_000_000, word: 'triliun' },
  { value: 1_000_000_000, word: 'miliar' },
  { value: 1_000_000, word: 'juta' },
] as const;

/** 0 < n < 1000, without the leading "nol". */
function below1000(n: number): string {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(`${ONES[hundreds]} ratus`);
  if (rest === 0) return words.join(' ');
  if (rest < 10) words.push(ONES[rest]!);
  else if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest < 20) words.push(`${ONES[rest - 10]} belas`);
  else {
    const tens = Math.floor(rest / 10);
    const unit = rest % 10;
    words.push(unit ? `${ONES[tens]} puluh ${ONES[unit]}` : `${ONES[tens]} puluh`);
  }
  return words.join(' ');
}

/** 0 < n < 1,000,000: "seribu", not "satu ribu". */
function below1e6(n: number): string {
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const words: string[] = [];
  if (thousands === 1) words.push('seribu');
  else if (thousands > 1) words.push(`${below1000(thousands)} ribu`);
  if (rest) words.push(below1000(rest));
  return words.join(' ');
}

/**
 * A whole number in words (terbilang): 0 → "nol", 11 → "sebelas", 1001 → "seribu satu",
 * 2,500,000 → "dua juta lima ratus ribu", 1e9 → "satu miliar". Up to 999 triliun.
 */
export function terbilang(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`terbilang: not a whole number: ${n}`);
  if (n < 0) return `minus ${terbilang(-n)}`;
  if (n === 0) return 'nol';
  if (n >= 1_000_000_000_000_000) throw new RangeError(`terbilang: too large: ${n}`);
  const words: string[] = [];
  let rest = n;
  for (const s of SCALES) {
    const count = Math.floor(rest / s.value);
    if (count) words.push(`${below1e6(count)} ${s.word}`);
    rest %= s.value;
  }
  if (rest) words.push(below1e6(rest));
  return words.join(' ');
}

/** "Pertama", "kedua", "ketiga", "kesebelas": for parties (Pihak Kedua) and dictums. */
export function ordinalWord(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`ordinalWord: ${n}`);
  return n === 1 ? 'pertama' : `ke${terbilang(n)}`;
}

/** Figures with dots for thousands: 2500000 → "2.500.000". */
export function formatNumber(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`formatNumber: not a whole number: ${n}`);
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** A count in figures and words: 14 → "14 (empat belas)". */
export function numberWithWords(n: number): string {
  return `${formatNumber(n)} (${terbilang(n)})`;
}

/**
 * An amount of money as letters write it: 2500000 → "Rp2.500.000,00 (dua juta lima ratus
 * ribu rupiah)". Sen, when present, are spoken after the rupiah.
 */
export function formatRupiah(amount: number): string {
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`formatRupiah: ${amount}`);
  const totalSen = Math.round(amount * 100);
  const rupiah = Math.floor(totalSen / 100);
  const sen = totalSen % 100;
  const words = `${terbilang(rupiah)} rupiah${sen ? ` ${terbilang(sen)} sen` : ''}`;
  return `Rp${formatNumber(rupiah)},${String(sen).padStart(2, '0')} (${words})`;
}

export type DurationUnit = 'minutes' | 'hours' | 'days' | 'working_days' | 'months';

const UNIT_WORDS: Record<DurationUnit, string> = {
  minutes: 'menit',
  hours: 'jam',
  days: 'hari',
  working_days: 'hari kerja',
  months: 'bulan',
};

/** A duration in figures and words: (14, 'days') → "14 (empat belas) hari". */
export function formatDuration(amount: number, unit: DurationUnit): string {
  return `${numberWithWords(amount)} ${UNIT_WORDS[unit]}`;
}

interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Reads 'YYYY-MM-DD' (anything after the date, such as a time, is ignored). */
export function parseIsoDate(date: string): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  const parts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const check = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
  if (check.getUTCMonth() !== parts.month - 1 || check.getUTCDate() !== parts.day) throw new RangeError(`Not a date: ${date}`);
  return parts;
}

function weekday(p: DateParts): (typeof DAYS)[number] {
  return DAYS[new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()]!;
}

/** "22 November 2026" */
export function formatDate(date: string): string {
  const p = parseIsoDate(date);
  return `${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
}

/** "Senin, 23 November 2026" */
export function formatDateWithDay(date: string): string {
  return `${dayName(date)}, ${formatDate(date)}`;
}

/** "Senin" */
export function dayName(date: string): string {
  return weekday(parseIsoDate(date));
}

/**
 * A date spelt out, as the opening of a berita acara says it: "Senin tanggal dua puluh tiga
 * bulan November tahun dua ribu dua puluh enam".
 */
export function formatDateInWords(date: string): string {
  const p = parseIsoDate(date);
  return `${weekday(p)} tanggal ${terbilang(p.day)} bulan ${MONTHS[p.month - 1]} tahun ${terbilang(p.year)}`;
}

/** "23-11-2026", the figures that follow a date in words. */
export function formatDateNumeric(date: string): string {
  const p = parseIsoDate(date);
  return `${String(p.day).padStart(2, '0')}-${String(p.month).padStart(2, '0')}-${p.year}`;
}

/** A time of day as letters write it: "09:00" → "09.00". */
export function formatTime(time: string): string {
  const m = /^(\d{1,2})[:.](\d{2})/.exec(time);
  if (!m) throw new RangeError(`Not a time of day: ${time}`);
  return `${m[1]!.padStart(2, '0')}.${m[2]}`;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const;

/** Month in Roman numerals, as some letter numbers carry it: 11 → "XI". */
export function romanMonth(month: number): string {
  const r = ROMAN[month - 1];
  if (!r) throw new RangeError(`romanMonth: ${month}`);
  return r;
}

/** Initials that keep a name confidential: "Nur Aini" → "N.A.". */
export function initialsOf(name: string): string {
  const letters = name
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}]/gu, '').slice(0, 1).toUpperCase())
    .filter(Boolean);
  return letters.length ? `${letters.join('.')}.` : '';
}
