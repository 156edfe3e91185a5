import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/**
 * The one rule for a password good enough to guard the register: zxcvbn's estimate of how
 * many guesses it takes, with the office's own words counted as guessable. The core checks
 * it before it wraps a key slot (authoritative); the renderer uses the same function for the
 * strength meter. Nothing here touches Node, and the dictionaries (a few megabytes) load on
 * first use, so the renderer keeps them out of its first chunk.
 */

/** zxcvbn's score 3: about 10^8 guesses or more, out of reach of a stolen key-slot file at scrypt's cost. */
export const MIN_PASSWORD_SCORE = 3;

/**
 * Words and passwords common in Indonesian offices that the English lists miss. Ordered
 * roughly most-guessed first (zxcvbn ranks a word by its place in the list).
 */
const INDONESIAN_COMMON = [
  'sayang', 'rahasia', 'bismillah', 'indonesia', 'merdeka', 'cinta', 'sandi', 'katasandi', 'kantor', 'teduh',
  'uptd', 'ppa', 'p2tp2a', 'uptdppa', 'admin', 'administrator', 'jakarta', 'sayangku', 'cintaku', 'rahasiaku',
  'alhamdulillah', 'insyaallah', 'allah', 'allahuakbar', 'garuda', 'pancasila', 'nusantara', 'bandung', 'surabaya',
  'medan', 'semarang', 'makassar', 'yogyakarta', 'jogja', 'bali', 'malang', 'palembang', 'bogor', 'depok',
  'bekasi', 'tangerang', 'padang', 'aceh', 'papua', 'ambon', 'manado', 'kupang', 'pontianak', 'balikpapan',
  'samarinda', 'banjarmasin', 'mataram', 'jayapura', 'kendari', 'palu', 'sekolah', 'kerja', 'pegawai', 'dinas',
  'sosial', 'dinsos', 'dp3a', 'dp3ap2kb', 'pemda', 'pemkot', 'pemkab', 'kabupaten', 'kota', 'provinsi',
  'pemerintah', 'negara', 'republik', 'bangsa', 'perempuan', 'anak', 'wanita', 'perlindungan', 'pelayanan',
  'pengaduan', 'kasus', 'korban', 'aman', 'kuat', 'hebat', 'cantik', 'ganteng', 'manis', 'sehat', 'bahagia',
  'rindu', 'kangen', 'kasih', 'doa', 'ibu', 'bapak', 'bunda', 'ayah', 'mama', 'papa', 'adik', 'kakak',
  'keluarga', 'rumah', 'sahabat', 'teman', 'selamat', 'pagi', 'siang', 'malam', 'masuk', 'rahasiabanget',
  'persib', 'persija', 'arema', 'persebaya', 'bonek', 'jakmania', 'senin', 'selasa', 'rabu', 'kamis', 'jumat',
  'sabtu', 'minggu', 'januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september',
  'oktober', 'november', 'desember', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan',
  'sembilan', 'sepuluh', 'kucing', 'anjing', 'burung', 'bunga', 'mawar', 'melati', 'matahari', 'bulan', 'bintang',
  'langit', 'laut', 'gunung', 'hujan', 'pelangi', 'muhammad', 'ahmad', 'siti', 'nur', 'dewi', 'sri', 'putri',
  'putra', 'budi', 'agus', 'eko', 'wahyu', 'rizki', 'andi', 'dian', 'indah', 'ayu', 'fitri', 'rina', 'yuni',
];

/** Why a password was refused (zxcvbn's warning keys, and ours when it gives none). */
export type PasswordHint =
  | 'straightRow'
  | 'keyPattern'
  | 'simpleRepeat'
  | 'extendedRepeat'
  | 'sequences'
  | 'recentYears'
  | 'dates'
  | 'topTen'
  | 'topHundred'
  | 'common'
  | 'similarToCommon'
  | 'wordByItself'
  | 'namesByThemselves'
  | 'commonNames'
  | 'userInputs'
  | 'tooShort'
  | 'addWords';

/** The Indonesian wording of each hint, the core's field message and the renderer's Indonesian text. */
export const PASSWORD_HINTS_ID: Record<PasswordHint, string> = {
  straightRow: 'deretan tombol yang bersebelahan di papan ketik mudah ditebak',
  keyPattern: 'pola tombol papan ketik yang pendek mudah ditebak',
  simpleRepeat: 'huruf atau angka yang diulang, seperti "aaa", mudah ditebak',
  extendedRepeat: 'pola yang diulang, seperti "abcabc", mudah ditebak',
  sequences: 'urutan seperti "abc" atau "1234" mudah ditebak',
  recentYears: 'tahun-tahun terakhir mudah ditebak',
  dates: 'tanggal mudah ditebak',
  topTen: 'kata sandi ini termasuk yang paling sering dipakai',
  topHundred: 'kata sandi ini termasuk yang sangat sering dipakai',
  common: 'kata sandi ini umum dipakai',
  similarToCommon: 'kata sandi ini mirip kata sandi yang umum dipakai',
  wordByItself: 'satu kata saja mudah ditebak',
  namesByThemselves: 'nama orang saja mudah ditebak',
  commonNames: 'nama orang yang umum mudah ditebak',
  userInputs: 'memuat nama pengguna, nama lengkap atau nama kantor',
  tooShort: 'terlalu pendek',
  addWords: 'tambahkan satu atau dua kata lagi yang tidak biasa dipasangkan',
};

/** Who the password is for: their own names are the first thing someone would try. */
export interface PasswordContext {
  username?: string;
  fullName?: string;
  officeName?: string;
}

export interface PasswordStrength {
  /** zxcvbn's score, 0 (guessed at once) to 4 (very hard to guess). */
  score: 0 | 1 | 2 | 3 | 4;
  strongEnough: boolean;
  /** Why it is too weak; null when it is strong enough. */
  hint: PasswordHint | null;
}

let checker: Promise<ZxcvbnFactory> | null = null;

function loadChecker(): Promise<ZxcvbnFactory> {
  checker ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary, 'indonesian-common': INDONESIAN_COMMON },
        graphs: common.adjacencyGraphs,
        useLevenshteinDistance: false,
      }),
  );
  return checker;
}

/** The context as zxcvbn's user inputs: each name whole and word by word. */
function userInputs(ctx: PasswordContext): string[] {
  const out = new Set<string>();
  for (const value of [ctx.username, ctx.fullName, ctx.officeName]) {
    const v = value?.trim().toLowerCase();
    if (!v) continue;
    out.add(v);
    out.add(v.replace(/[^\p{L}\p{N}]+/gu, ''));
    for (const word of v.split(/[^\p{L}\p{N}]+/u)) if (word.length >= 3) out.add(word);
  }
  return [...out];
}

const KNOWN_HINTS = new Set<string>(Object.keys(PASSWORD_HINTS_ID));

/** How hard the password is to guess for someone who knows whose it is. */
export async function passwordStrength(password: string, ctx: PasswordContext = {}): Promise<PasswordStrength> {
  if (password.length < 8) return { score: 0, strongEnough: false, hint: 'tooShort' };
  const zxcvbn = await loadChecker();
  // zxcvbn's cost grows with length; past 100 characters the first 100 decide.
  const result = zxcvbn.check(password.slice(0, 100), userInputs(ctx));
  const score = result.score as PasswordStrength['score'];
  if (score >= MIN_PASSWORD_SCORE) return { score, strongEnough: true, hint: null };
  const warning = result.feedback.warning;
  return { score, strongEnough: false, hint: warning && KNOWN_HINTS.has(warning) ? (warning as PasswordHint) : 'addWords' };
}

/** The field message for a password that is too weak, in Indonesian; null when it is strong enough. */
export function passwordRefusalId(s: PasswordStrength): string | null {
  return s.hint === null ? null : `Kata sandi terlalu mudah ditebak: ${PASSWORD_HINTS_ID[s.hint]}.`;
}
