/**
 * The words of intake and casework, as data with Indonesian labels. Shared by the core
 * (validation) and the renderer (pickers), through the contract.
 */

/** Same shape as the SIMFONI categories: a stable code, the Indonesian and English labels. */
function vocab<const T extends readonly { code: string; id: string; en: string }[]>(items: T) {
  return { items, values: items.map((i) => i.code) as unknown as [T[number]['code'], ...T[number]['code'][]] };
}

export const channels = vocab([
  { code: 'walk_in', id: 'Datang langsung', en: 'Walk-in' },
  { code: 'phone', id: 'Telepon', en: 'Phone' },
  { code: 'whatsapp', id: 'WhatsApp', en: 'WhatsApp' },
  { code: 'website', id: 'Website / tautan daring', en: 'Website / online form' },
  { code: 'letter_email', id: 'Surat / email', en: 'Letter / email' },
  { code: 'referral_in', id: 'Rujukan dari lembaga lain', en: 'Referral in' },
  { code: 'outreach', id: 'Penjangkauan', en: 'Outreach' },
  { code: 'suggestion_box', id: 'Kotak saran', en: 'Suggestion box' },
] as const);
export type Channel = (typeof channels.values)[number];

export const riskLevels = vocab([
  { code: 'low', id: 'Rendah', en: 'Low' },
  { code: 'medium', id: 'Sedang', en: 'Medium' },
  { code: 'high', id: 'Tinggi — layani segera (intervensi krisis)', en: 'High — serve at once (crisis)' },
] as const);
export type RiskLevel = (typeof riskLevels.values)[number];

export const personRoles = vocab([
  { code: 'reporter', id: 'Pelapor', en: 'Reporter' },
  { code: 'victim', id: 'Korban', en: 'Victim' },
  { code: 'perpetrator', id: 'Terlapor / pelaku', en: 'Perpetrator' },
  { code: 'party', id: 'Pihak dalam mediasi', en: 'Party to mediation' },
  { code: 'companion', id: 'Pendamping', en: 'Companion' },
  { code: 'witness', id: 'Saksi', en: 'Witness' },
] as const);
export type PersonRole = (typeof personRoles.values)[number];

export const companionTypes = vocab([
  { code: 'parent', id: 'Orang tua', en: 'Parent' },
  { code: 'family', id: 'Keluarga', en: 'Family' },
  { code: 'guardian', id: 'Wali', en: 'Guardian' },
  { code: 'companion', id: 'Pendamping', en: 'Companion' },
  { code: 'special', id: 'Pendamping khusus (disabilitas)', en: 'Special companion (disability)' },
  { code: 'legal', id: 'Pendamping hukum', en: 'Legal companion' },
] as const);

/** UU PDP art. 25: a child's data needs a parent's or guardian's consent. */
export const consentGivers = vocab([
  { code: 'victim', id: 'Korban sendiri', en: 'The victim' },
  { code: 'parent', id: 'Orang tua korban', en: "The victim's parent" },
  { code: 'guardian', id: 'Wali korban', en: "The victim's guardian" },
] as const);

export const requirementStatuses = vocab([
  { code: 'missing', id: 'Belum ada', en: 'Missing' },
  { code: 'complete', id: 'Lengkap', en: 'Complete' },
  { code: 'not_applicable', id: 'Tidak diperlukan', en: 'Not applicable' },
] as const);

export const referralStatuses = vocab([
  { code: 'draft', id: 'Disiapkan', en: 'Drafted' },
  { code: 'sent', id: 'Dikirim', en: 'Sent' },
  { code: 'received', id: 'Diterima lembaga', en: 'Received' },
  { code: 'served', id: 'Sudah dilayani', en: 'Served' },
  { code: 'declined', id: 'Ditolak lembaga', en: 'Declined' },
  { code: 'closed', id: 'Selesai', en: 'Closed' },
] as const);

export const agreementStatuses = vocab([
  { code: 'open', id: 'Belum dipantau', en: 'Not yet monitored' },
  { code: 'carried_out', id: 'Dilaksanakan', en: 'Carried out' },
  { code: 'partly', id: 'Sebagian dilaksanakan', en: 'Partly carried out' },
  { code: 'not_carried_out', id: 'Tidak dilaksanakan', en: 'Not carried out' },
] as const);

export const institutionKinds = vocab([
  { code: 'hospital', id: 'Rumah sakit / puskesmas', en: 'Hospital / health centre' },
  { code: 'police', id: 'Kepolisian (Unit PPA)', en: 'Police (PPA unit)' },
  { code: 'legal_aid', id: 'Bantuan hukum (LBH / Posbakum)', en: 'Legal aid' },
  { code: 'social', id: 'Dinas / layanan sosial', en: 'Social services' },
  { code: 'shelter', id: 'Rumah aman / shelter', en: 'Shelter' },
  { code: 'psychology', id: 'Layanan psikologi', en: 'Psychological services' },
  { code: 'religious', id: 'Tokoh / lembaga agama', en: 'Religious leader / body' },
  { code: 'education', id: 'Sekolah / dinas pendidikan', en: 'School / education office' },
  { code: 'other', id: 'Lainnya', en: 'Other' },
] as const);

export const caseStatuses = vocab([
  { code: 'open', id: 'Berjalan', en: 'Open' },
  { code: 'monitoring', id: 'Monitoring pasca terminasi', en: 'Post-termination monitoring' },
  { code: 'closed', id: 'Ditutup', en: 'Closed' },
] as const);
