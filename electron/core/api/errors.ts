/** The one error envelope that crosses every transport. */
export const errorCodes = [
  'VALIDATION',
  'UNKNOWN_METHOD',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PASSWORD_CHANGE_REQUIRED',
  'WRONG_PASSWORD',
  'RATE_LIMITED',
  'LOCKED',
  'NOT_INITIALIZED',
  'ALREADY_INITIALIZED',
  'NOT_FOUND',
  'CONFLICT',
  'SELF_ACTION',
  'SCHEMA_TOO_NEW',
  'UNAVAILABLE',
  'REGISTER_PROBLEM',
  'PASSWORD_REISSUE_NEEDED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** Field path (dot separated) -> message, for form errors. */
  fields?: Record<string, string>;
  /** Seconds to wait before retrying (RATE_LIMITED). */
  retryAfter?: number;
  /** For CONFLICT: the record as it is now. */
  current?: unknown;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** Default Indonesian messages; the renderer has its own translations keyed by code. */
export const defaultMessages: Record<ErrorCode, string> = {
  VALIDATION: 'Data yang diisi belum benar. Periksa kembali isian yang ditandai.',
  UNKNOWN_METHOD: 'Perintah tidak dikenal.',
  UNAUTHENTICATED: 'Sesi Anda telah berakhir. Silakan masuk kembali.',
  FORBIDDEN: 'Anda tidak memiliki hak akses untuk tindakan ini.',
  PASSWORD_CHANGE_REQUIRED: 'Anda harus mengganti kata sandi sebelum melanjutkan.',
  WRONG_PASSWORD: 'Nama pengguna atau kata sandi salah.',
  RATE_LIMITED: 'Terlalu banyak percobaan yang gagal. Tunggu sebentar lalu coba lagi.',
  LOCKED: 'Register sedang terkunci. Silakan masuk terlebih dahulu.',
  NOT_INITIALIZED: 'Aplikasi belum disiapkan. Lakukan penyiapan awal terlebih dahulu.',
  ALREADY_INITIALIZED: 'Aplikasi sudah disiapkan sebelumnya.',
  NOT_FOUND: 'Data tidak ditemukan.',
  CONFLICT: 'Data ini sudah diubah oleh orang lain sejak Anda membukanya.',
  SELF_ACTION: 'Tindakan ini tidak boleh dilakukan terhadap akun Anda sendiri.',
  SCHEMA_TOO_NEW:
    'Basis data ini dibuat oleh versi Teduh yang lebih baru. Perbarui aplikasi; basis data tidak diubah.',
  UNAVAILABLE: 'Tidak dapat menghubungi layanan Teduh. Periksa sambungan, lalu coba lagi; isian Anda tidak hilang.',
  REGISTER_PROBLEM:
    'Register bermasalah (rusak, tertimpa salinan lama, atau berkasnya hilang). Hanya administrator yang dapat masuk untuk memulihkannya dari cadangan.',
  PASSWORD_REISSUE_NEEDED:
    'Kata sandi akun ini terikat pada PC tempat register disimpan, dan PC ini tidak dapat membukanya (PC baru, register dipulihkan dari cadangan, atau akun Windows berubah). Minta administrator mengatur ulang kata sandi Anda.',
  INTERNAL: 'Terjadi kesalahan di dalam aplikasi. Data Anda tidak diubah. Coba lagi.',
};

/** Thrown by core code; turned into the envelope by the dispatcher. Never carries SQL, paths or stacks. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly retryAfter?: number;
  readonly current?: unknown;
  constructor(
    code: ErrorCode,
    message?: string,
    extra: { fields?: Record<string, string>; retryAfter?: number; current?: unknown } = {},
  ) {
    super(message ?? defaultMessages[code]);
    this.name = 'ApiError';
    this.code = code;
    if (extra.fields) this.fields = extra.fields;
    if (extra.retryAfter !== undefined) this.retryAfter = extra.retryAfter;
    if (extra.current !== undefined) this.current = extra.current;
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code, message: this.message };
    if (this.fields) body.fields = this.fields;
    if (this.retryAfter !== undefined) body.retryAfter = this.retryAfter;
    if (this.current !== undefined) body.current = this.current;
    return body;
  }
}

export function errorBody(code: ErrorCode, message?: string): ApiErrorBody {
  return { code, message: message ?? defaultMessages[code] };
}
