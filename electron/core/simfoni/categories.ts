/**
 * The categories of SIMFONI-PPA, the national case recording system of
 * KemenPPPA. Codes are Teduh's own stable keys (SIMFONI has no public API or
 * code list); the Indonesian label is what the officer types into SIMFONI.
 * Order is the order SIMFONI shows them in, so pickers and recaps keep it.
 */

export interface SimfoniOption {
  readonly code: string;
  readonly id: string;
  readonly en: string;
}

export const VIOLENCE_TYPES = [
  { code: 'fisik', id: 'Fisik', en: 'Physical' },
  { code: 'psikis', id: 'Psikis', en: 'Psychological' },
  { code: 'seksual', id: 'Seksual', en: 'Sexual' },
  { code: 'eksploitasi', id: 'Eksploitasi', en: 'Exploitation' },
  { code: 'trafficking', id: 'Trafficking', en: 'Trafficking' },
  { code: 'penelantaran', id: 'Penelantaran', en: 'Neglect' },
  { code: 'lainnya', id: 'Lainnya', en: 'Other' },
] as const satisfies readonly SimfoniOption[];

export const PLACES = [
  { code: 'rumah_tangga', id: 'Rumah Tangga', en: 'Household' },
  { code: 'tempat_kerja', id: 'Tempat Kerja', en: 'Workplace' },
  { code: 'sekolah', id: 'Sekolah', en: 'School' },
  { code: 'fasilitas_umum', id: 'Fasilitas Umum', en: 'Public facility' },
  { code: 'lembaga_pendidikan_kilat', id: 'Lembaga Pendidikan Kilat', en: 'Short-course education institution' },
  { code: 'lainnya', id: 'Lainnya', en: 'Other' },
] as const satisfies readonly SimfoniOption[];

export const PERPETRATOR_RELATIONS = [
  { code: 'orang_tua', id: 'Orang Tua', en: 'Parent' },
  { code: 'keluarga_saudara', id: 'Keluarga/Saudara', en: 'Family/relative' },
  { code: 'suami_istri', id: 'Suami/Istri', en: 'Husband/wife' },
  { code: 'tetangga', id: 'Tetangga', en: 'Neighbour' },
  { code: 'pacar_teman', id: 'Pacar/Teman', en: 'Boyfriend or girlfriend/friend' },
  { code: 'guru', id: 'Guru', en: 'Teacher' },
  { code: 'majikan', id: 'Majikan', en: 'Employer' },
  { code: 'rekan_kerja', id: 'Rekan Kerja', en: 'Co-worker' },
  { code: 'lainnya', id: 'Lainnya', en: 'Other' },
] as const satisfies readonly SimfoniOption[];

export interface SimfoniAgeBandOption extends SimfoniOption {
  readonly minAge: number;
  /** Null for the open-ended last band. */
  readonly maxAge: number | null;
}

export const SIMFONI_AGE_BANDS = [
  { code: '0-5', id: '0-5 tahun', en: '0-5 years', minAge: 0, maxAge: 5 },
  { code: '6-12', id: '6-12 tahun', en: '6-12 years', minAge: 6, maxAge: 12 },
  { code: '13-17', id: '13-17 tahun', en: '13-17 years', minAge: 13, maxAge: 17 },
  { code: '18-24', id: '18-24 tahun', en: '18-24 years', minAge: 18, maxAge: 24 },
  { code: '25-44', id: '25-44 tahun', en: '25-44 years', minAge: 25, maxAge: 44 },
  { code: '45-59', id: '45-59 tahun', en: '45-59 years', minAge: 45, maxAge: 59 },
  { code: '60+', id: '60 tahun ke atas', en: '60 years and over', minAge: 60, maxAge: null },
] as const satisfies readonly SimfoniAgeBandOption[];

export const OCCUPATIONS = [
  { code: 'pelajar', id: 'Pelajar', en: 'Student' },
  { code: 'ibu_rumah_tangga', id: 'Ibu Rumah Tangga', en: 'Homemaker' },
  { code: 'tidak_bekerja', id: 'Tidak Bekerja', en: 'Not working' },
  { code: 'swasta_buruh', id: 'Swasta/Buruh', en: 'Private employee/labourer' },
  { code: 'bekerja', id: 'Bekerja', en: 'Working (other)' },
  { code: 'pns_aparat', id: 'PNS/Aparat', en: 'Civil servant/state officer' },
  { code: 'pedagang_tani_nelayan', id: 'Pedagang/Tani/Nelayan', en: 'Trader/farmer/fisher' },
] as const satisfies readonly SimfoniOption[];

export const SERVICES = [
  { code: 'pengaduan', id: 'Pengaduan', en: 'Complaint intake' },
  { code: 'kesehatan', id: 'Kesehatan', en: 'Health care' },
  { code: 'bantuan_hukum', id: 'Bantuan Hukum', en: 'Legal aid' },
  { code: 'penegakan_hukum', id: 'Penegakan Hukum', en: 'Law enforcement' },
  { code: 'rehabilitasi_sosial', id: 'Rehabilitasi Sosial', en: 'Social rehabilitation' },
  { code: 'reintegrasi_sosial', id: 'Reintegrasi Sosial', en: 'Social reintegration' },
  { code: 'pemulangan', id: 'Pemulangan', en: 'Repatriation' },
  { code: 'pendampingan_tokoh_agama', id: 'Pendampingan Tokoh Agama', en: 'Accompaniment by a religious leader' },
] as const satisfies readonly SimfoniOption[];

export const EDUCATION = [
  { code: 'tidak_belum_sekolah', id: 'Tidak/Belum Sekolah', en: 'No schooling / not yet at school' },
  { code: 'tk_paud', id: 'TK/PAUD', en: 'Kindergarten/early childhood' },
  { code: 'sd', id: 'SD', en: 'Primary school' },
  { code: 'smp', id: 'SMP', en: 'Junior secondary school' },
  { code: 'sma_smk', id: 'SMA/SMK', en: 'Senior secondary/vocational school' },
  { code: 'perguruan_tinggi', id: 'Perguruan Tinggi', en: 'Higher education' },
] as const satisfies readonly SimfoniOption[];

export const MARITAL_STATUSES = [
  { code: 'belum_kawin', id: 'Belum Kawin', en: 'Never married' },
  { code: 'kawin', id: 'Kawin', en: 'Married' },
  { code: 'kawin_tidak_tercatat', id: 'Kawin Tidak Tercatat (Siri)', en: 'Married, unregistered (siri)' },
  { code: 'cerai_hidup', id: 'Cerai Hidup', en: 'Divorced' },
  { code: 'cerai_mati', id: 'Cerai Mati', en: 'Widowed' },
] as const satisfies readonly SimfoniOption[];

/** The perpetrator's age bands SIMFONI recaps use (coarser than the victim's). */
export const PERPETRATOR_AGE_BANDS = [
  { code: '0-17', id: '0-17 tahun', en: '0-17 years', minAge: 0, maxAge: 17 },
  { code: '18-24', id: '18-24 tahun', en: '18-24 years', minAge: 18, maxAge: 24 },
  { code: '25-59', id: '25-59 tahun', en: '25-59 years', minAge: 25, maxAge: 59 },
  { code: '60+', id: '60 tahun ke atas', en: '60 years and over', minAge: 60, maxAge: null },
] as const satisfies readonly SimfoniAgeBandOption[];

/** What became of a service for a victim. */
export const SERVICE_OUTCOMES = [
  { code: 'given', id: 'Diberikan', en: 'Given' },
  { code: 'declined', id: 'Ditolak korban', en: 'Declined by the victim' },
  { code: 'unavailable', id: 'Tidak tersedia', en: 'Not available' },
] as const satisfies readonly SimfoniOption[];

/** Sex of victim and perpetrator, with the letters the NIK and ID card use. */
export const SEXES = [
  { code: 'P', id: 'Perempuan', en: 'Female' },
  { code: 'L', id: 'Laki-laki', en: 'Male' },
] as const satisfies readonly SimfoniOption[];

/** Child (< 18 at the incident) or adult, the split every SIMFONI recap makes. */
export const AGE_GROUPS = [
  { code: 'anak', id: 'Anak', en: 'Child' },
  { code: 'dewasa', id: 'Dewasa', en: 'Adult' },
] as const satisfies readonly SimfoniOption[];

type CodeOf<L extends readonly SimfoniOption[]> = L[number]['code'];

export type ViolenceType = CodeOf<typeof VIOLENCE_TYPES>;
export type Place = CodeOf<typeof PLACES>;
export type PerpetratorRelation = CodeOf<typeof PERPETRATOR_RELATIONS>;
export type SimfoniAgeBand = CodeOf<typeof SIMFONI_AGE_BANDS>;
export type Occupation = CodeOf<typeof OCCUPATIONS>;
export type SimfoniService = CodeOf<typeof SERVICES>;
export type Sex = CodeOf<typeof SEXES>;
export type AgeGroup = CodeOf<typeof AGE_GROUPS>;
export type Education = CodeOf<typeof EDUCATION>;
export type MaritalStatus = CodeOf<typeof MARITAL_STATUSES>;
export type PerpetratorAgeBand = CodeOf<typeof PERPETRATOR_AGE_BANDS>;
export type ServiceOutcome = CodeOf<typeof SERVICE_OUTCOMES>;

/** Every SIMFONI field Teduh records, with whether it takes several values. */
export const SIMFONI_FIELDS = {
  violenceTypes: { multi: true, id: 'Jenis kekerasan', en: 'Type of violence', options: VIOLENCE_TYPES },
  place: { multi: false, id: 'Tempat kejadian', en: 'Place of the incident', options: PLACES },
  perpetratorRelation: { multi: false, id: 'Hubungan pelaku dengan korban', en: "Perpetrator's relation to the victim", options: PERPETRATOR_RELATIONS },
  ageBand: { multi: false, id: 'Kelompok umur korban', en: "Victim's age band", options: SIMFONI_AGE_BANDS },
  occupation: { multi: false, id: 'Pekerjaan korban', en: "Victim's occupation", options: OCCUPATIONS },
  services: { multi: true, id: 'Layanan yang diberikan', en: 'Services given', options: SERVICES },
  victimSex: { multi: false, id: 'Jenis kelamin korban', en: "Victim's sex", options: SEXES },
  perpetratorSex: { multi: false, id: 'Jenis kelamin pelaku', en: "Perpetrator's sex", options: SEXES },
  ageGroup: { multi: false, id: 'Anak/dewasa', en: 'Child/adult', options: AGE_GROUPS },
  education: { multi: false, id: 'Pendidikan korban', en: "Victim's education", options: EDUCATION },
  maritalStatus: { multi: false, id: 'Status perkawinan korban', en: "Victim's marital status", options: MARITAL_STATUSES },
  perpetratorAgeBand: { multi: false, id: 'Kelompok umur pelaku', en: "Perpetrator's age band", options: PERPETRATOR_AGE_BANDS },
  serviceOutcome: { multi: false, id: 'Hasil layanan', en: 'Outcome of the service', options: SERVICE_OUTCOMES },
} as const satisfies Record<string, { multi: boolean; id: string; en: string; options: readonly SimfoniOption[] }>;
