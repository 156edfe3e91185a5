import type { Block, DocumentTypeCode, DocumentTypeDef } from './types';

/**
 * Every document the service standards call for, as data. Wording follows common Tata
 * Naskah Dinas practice; `{key}` placeholders are filled from the case, the step that
 * produces the document, the office profile and the signing official (see context.ts for
 * the keys). An empty value prints as a dotted line to be completed by hand.
 */

const LETTERS = ['secretariat', 'head'] as const;
const CASEWORK = ['case_worker', 'secretariat', 'head'] as const;
const DESK = ['front_desk', 'case_worker', 'secretariat', 'head'] as const;

const closing: Block = {
  kind: 'paragraph',
  text: 'Demikian kami sampaikan. Atas perhatian dan kerja sama Bapak/Ibu/Saudara, kami ucapkan terima kasih.',
};

const caseIdentity: Extract<Block, { kind: 'fields' }> = {
  kind: 'fields',
  rows: [
    { label: 'Nomor register', value: '{case.registerNo}' },
    { label: 'Layanan', value: '{case.service}' },
    { label: 'Tanggal pengaduan', value: '{case.registeredDate}' },
    { label: 'Cara pengaduan', value: '{case.channel}' },
  ],
};

const dalamRangka = 'Sehubungan dengan permohonan Saudara yang kami terima pada tanggal {case.registeredDate} dan tercatat dengan nomor register {case.registerNo}';

export const documentCatalogue: Record<DocumentTypeCode, DocumentTypeDef> = {
  surat_undangan_mediasi: {
    code: 'surat_undangan_mediasi',
    title: 'Surat Undangan Mediasi',
    shortCode: 'UND',
    form: 'letter',
    numbered: true,
    defaultSeries: 'surat_keluar',
    makers: LETTERS,
    identity: 'children_initials',
    showNik: false,
    sources: {},
    requires: ['parties'],
    defaults: { sifat: 'Penting', lampiran: '-', hal: 'Undangan Mediasi', addressee: '{invitees.lines}', addresseePlace: 'Tempat', tembusan: ['Mediator', 'Arsip'] },
    expects: [
      { key: 'mediation.day', label: 'Tanggal mediasi' },
      { key: 'mediation.place', label: 'Tempat mediasi' },
    ],
    body: [
      {
        kind: 'paragraph',
        text: 'Dalam rangka penyelesaian permasalahan yang tercatat pada register kami dengan nomor {case.registerNo}, dengan hormat kami mengundang Bapak/Ibu/Saudara untuk hadir dalam pertemuan mediasi yang akan dilaksanakan pada:',
      },
      {
        kind: 'fields',
        indent: true,
        rows: [
          { label: 'Hari, tanggal', value: '{mediation.day}' },
          { label: 'Pukul', value: '{mediation.time}' },
          { label: 'Tempat', value: '{mediation.place}' },
          { label: 'Mediator', value: '{mediator.line}', when: 'mediator.name' },
        ],
      },
      {
        kind: 'paragraph',
        text: 'Bapak/Ibu/Saudara dapat didampingi oleh keluarga atau pendamping. Anak wajib didampingi orang tua/keluarga/wali/pendamping, dan penyandang disabilitas didampingi pendamping khusus. Mohon membawa kartu identitas (KTP) dan surat undangan ini.',
      },
      { kind: 'paragraph', text: 'Demikian undangan ini kami sampaikan. Atas perhatian dan kehadiran Bapak/Ibu/Saudara, kami ucapkan terima kasih.' },
      { kind: 'signatures', layout: { kind: 'signer' } },
      { kind: 'tembusan' },
    ],
  },

  surat_pemberitahuan_penolakan: {
    code: 'surat_pemberitahuan_penolakan',
    title: 'Surat Pemberitahuan Penolakan Permohonan',
    shortCode: 'PEMB',
    form: 'letter',
    numbered: true,
    defaultSeries: 'surat_keluar',
    makers: LETTERS,
    identity: 'children_initials',
    showNik: false,
    sources: {},
    requires: ['reporter'],
    defaults: { sifat: 'Biasa', lampiran: '-', hal: 'Pemberitahuan atas Permohonan Fasilitasi Mediasi', addressee: '{reporter.name}', addresseePlace: '{reporter.place}', tembusan: ['Arsip'] },
    body: [
      {
        kind: 'paragraph',
        text: `${dalamRangka}, bersama ini kami beritahukan bahwa setelah melalui pertimbangan, permohonan fasilitasi mediasi tersebut tidak dapat kami terima, dengan pertimbangan sebagai berikut:`,
      },
      { kind: 'paragraph', text: '{step.text}', indent: true },
      {
        kind: 'paragraph',
        text: 'Saudara tetap dapat memperoleh layanan pengaduan, pendampingan, dan rujukan ke lembaga layanan lain sesuai kebutuhan. Informasi lebih lanjut dapat diperoleh di kantor kami{office.phoneClause}.',
      },
      closing,
      { kind: 'signatures', layout: { kind: 'signer' } },
      { kind: 'tembusan' },
    ],
  },

  surat_pemberitahuan_tidak_dapat_dimediasi: {
    code: 'surat_pemberitahuan_tidak_dapat_dimediasi',
    title: 'Surat Pemberitahuan Mediasi Tidak Dapat Dilaksanakan',
    shortCode: 'PEMB',
    form: 'letter',
    numbered: true,
    defaultSeries: 'surat_keluar',
    makers: LETTERS,
    identity: 'children_initials',
    showNik: false,
    sources: {},
    requires: ['reporter'],
    defaults: { sifat: 'Biasa', lampiran: '-', hal: 'Pemberitahuan Mediasi Tidak Dapat Dilaksanakan', addressee: '{reporter.name}', addresseePlace: '{reporter.place}', tembusan: ['Arsip'] },
    body: [
      {
        kind: 'paragraph',
        text: `${dalamRangka}, bersama ini kami beritahukan bahwa proses mediasi tidak dapat dilaksanakan, dengan keterangan: {step.outcome}.`,
      },
      { kind: 'paragraph', text: '{step.text}', indent: true, when: 'step.text' },
      {
        kind: 'paragraph',
        text: 'Saudara tetap dapat memperoleh layanan pendampingan dan rujukan ke lembaga layanan lain, termasuk bantuan hukum, sesuai kebutuhan. Informasi lebih lanjut dapat diperoleh di kantor kami{office.phoneClause}.',
      },
      closing,
      { kind: 'signatures', layout: { kind: 'signer' } },
      { kind: 'tembusan' },
    ],
  },

  surat_keputusan: {
    code: 'surat_keputusan',
    title: 'Surat Keputusan Fasilitasi Mediasi',
    shortCode: 'SK',
    form: 'titled',
    heading: 'KEPUTUSAN {signer.positionUpper}',
    subheading: 'TENTANG\nFASILITASI MEDIASI ATAS PERMOHONAN NOMOR REGISTER {case.registerNo}',
    numbered: true,
    defaultSeries: 'keputusan',
    makers: LETTERS,
    identity: 'children_initials',
    showNik: false,
    sources: {},
    requires: ['parties'],
    defaults: { tembusan: ['Para pihak', 'Mediator', 'Arsip'] },
    expects: [
      { key: 'mediation.day', label: 'Tanggal mediasi' },
      { key: 'mediation.place', label: 'Tempat mediasi' },
    ],
    body: [
      { kind: 'paragraph', text: '{signer.positionUpper},', align: 'center', bold: true },
      {
        kind: 'fields',
        labelWidthCm: 3,
        rows: [
          {
            label: 'Menimbang',
            value: {
              style: 'letters',
              list: [
                'bahwa pada tanggal {case.registeredDate} telah diterima permohonan fasilitasi mediasi yang tercatat dengan nomor register {case.registerNo};',
                'bahwa berdasarkan pertimbangan {steps.pertimbangan.actor} bersama Tim Teknis, permohonan tersebut dapat difasilitasi melalui mediasi;',
                'bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan Keputusan tentang Fasilitasi Mediasi;',
              ],
            },
          },
          {
            label: 'Mengingat',
            value: {
              style: 'numbers',
              list: [
                'Undang-Undang Nomor 23 Tahun 2004 tentang Penghapusan Kekerasan dalam Rumah Tangga;',
                'Undang-Undang Nomor 35 Tahun 2014 tentang Perubahan atas Undang-Undang Nomor 23 Tahun 2002 tentang Perlindungan Anak;',
                'Undang-Undang Nomor 12 Tahun 2022 tentang Tindak Pidana Kekerasan Seksual;',
                'Peraturan Menteri Pemberdayaan Perempuan dan Perlindungan Anak Nomor 4 Tahun 2018 tentang Pedoman Pembentukan Unit Pelaksana Teknis Daerah Perlindungan Perempuan dan Anak;',
                'Standar Pelayanan {case.service}{case.skClause}.',
              ],
            },
          },
        ],
      },
      { kind: 'paragraph', text: 'MEMUTUSKAN:', align: 'center', bold: true },
      {
        kind: 'fields',
        labelWidthCm: 3,
        rows: [
          { label: 'Menetapkan', value: 'KEPUTUSAN {signer.positionUpper} TENTANG FASILITASI MEDIASI ATAS PERMOHONAN NOMOR REGISTER {case.registerNo}.' },
          { label: 'KESATU', value: 'Memfasilitasi mediasi atas permohonan {reporter.name} yang tercatat dengan nomor register {case.registerNo}.' },
          { label: 'KEDUA', value: 'Mediasi dilaksanakan pada hari {mediation.day} pukul {mediation.time}, bertempat di {mediation.place}{mediator.clause}.' },
          { label: 'KETIGA', value: 'Para pihak yang diundang dalam mediasi: {invitees.inline}.' },
          { label: 'KEEMPAT', value: 'Pelaksanaan mediasi tidak dipungut biaya.' },
          { label: 'KELIMA', value: 'Keputusan ini mulai berlaku pada tanggal ditetapkan.' },
        ],
      },
      { kind: 'signatures', layout: { kind: 'signer', dateLine: 'ditetapkan' } },
      { kind: 'tembusan' },
    ],
  },

  surat_perintah_tugas: {
    code: 'surat_perintah_tugas',
    title: 'Surat Perintah Tugas Penjangkauan',
    shortCode: 'SPT',
    form: 'titled',
    heading: 'SURAT PERINTAH TUGAS',
    numbered: true,
    defaultSeries: 'perintah_tugas',
    makers: LETTERS,
    identity: 'initials',
    showNik: false,
    sources: {},
    defaults: { tembusan: ['Arsip'] },
    expects: [
      { key: 'outreach.officer', label: 'Petugas penjangkauan' },
      { key: 'outreach.day', label: 'Tanggal penjangkauan' },
    ],
    body: [
      {
        kind: 'fields',
        labelWidthCm: 2.5,
        rows: [
          {
            label: 'Dasar',
            value: {
              style: 'numbers',
              list: ['Standar Pelayanan {case.service}{case.skClause};', 'Laporan pengaduan tanggal {case.registeredDate} dengan nomor register {case.registerNo}.'],
            },
          },
        ],
      },
      { kind: 'paragraph', text: 'MEMERINTAHKAN:', align: 'center', bold: true },
      {
        kind: 'fields',
        labelWidthCm: 2.5,
        rows: [{ label: 'Kepada', value: '{outreach.officer}' }],
      },
      {
        kind: 'fields',
        indent: true,
        when: 'outreach.officerNip',
        rows: [
          { label: 'Jabatan', value: '{outreach.officerPosition}' },
          { label: 'NIP', value: '{outreach.officerNip}' },
        ],
      },
      {
        kind: 'fields',
        labelWidthCm: 2.5,
        rows: [
          {
            label: 'Untuk',
            value: {
              style: 'numbers',
              list: [
                'melakukan penjangkauan terhadap korban {victims.inline} di wilayah {victim.area} pada hari {outreach.day};',
                'melakukan identifikasi awal kebutuhan layanan dan memastikan keamanan korban;',
                'menjaga kerahasiaan identitas korban dan keluarganya;',
                'melaporkan hasil pelaksanaan tugas kepada {signer.position}.',
              ],
            },
          },
        ],
      },
      { kind: 'paragraph', text: 'Demikian surat perintah tugas ini dibuat untuk dilaksanakan dengan penuh tanggung jawab.' },
      { kind: 'signatures', layout: { kind: 'signer', dateLine: 'dikeluarkan' } },
      { kind: 'tembusan' },
    ],
  },

  surat_rujukan: {
    code: 'surat_rujukan',
    title: 'Surat Rujukan',
    shortCode: 'RUJ',
    form: 'letter',
    numbered: true,
    defaultSeries: 'surat_keluar',
    makers: ['case_worker', 'secretariat', 'head'],
    identity: 'full',
    showNik: true,
    sources: { collections: ['referral'] },
    requires: ['referral'],
    defaults: { sifat: 'Rahasia', lampiran: '-', hal: 'Rujukan Layanan', addressee: 'Pimpinan {referral.institution}', addresseePlace: '{referral.place}', tembusan: ['Arsip'] },
    body: [
      { kind: 'paragraph', text: 'Dengan hormat, bersama ini kami merujuk klien kami dengan identitas sebagai berikut:' },
      {
        kind: 'fields',
        indent: true,
        rows: [
          { label: 'Nama', value: '{client.name}' },
          { label: 'NIK', value: '{client.nik}', when: 'client.nik' },
          { label: 'Umur / jenis kelamin', value: '{client.ageSex}' },
          { label: 'Alamat', value: '{client.address}' },
          { label: 'Nomor register', value: '{case.registerNo}' },
        ],
      },
      { kind: 'paragraph', text: 'untuk memperoleh layanan lebih lanjut dengan alasan sebagai berikut:' },
      { kind: 'paragraph', text: '{referral.reason}', indent: true },
      { kind: 'paragraph', text: 'Catatan: {referral.note}', indent: true, when: 'referral.note' },
      {
        kind: 'paragraph',
        text: 'Kami mohon kesediaan Bapak/Ibu untuk memberikan layanan sesuai kebutuhan klien, menjaga kerahasiaan identitasnya, dan menyampaikan perkembangan layanan kepada kami{office.phoneClause}.',
      },
      closing,
      { kind: 'signatures', layout: { kind: 'signer' } },
      { kind: 'tembusan' },
    ],
  },

  berita_acara_mediasi: {
    code: 'berita_acara_mediasi',
    title: 'Berita Acara Hasil Mediasi',
    shortCode: 'BA',
    form: 'titled',
    heading: 'BERITA ACARA HASIL MEDIASI',
    numbered: true,
    defaultSeries: 'berita_acara',
    makers: CASEWORK,
    identity: 'children_initials',
    showNik: true,
    sources: { collections: ['agreement_point'] },
    requires: ['parties'],
    defaults: {},
    expects: [
      { key: 'mediator.name', label: 'Mediator' },
      { key: 'session.place', label: 'Sesi mediasi' },
    ],
    body: [
      {
        kind: 'paragraph',
        text: 'Pada hari ini {session.dateWords} ({session.dateNumeric}), bertempat di {session.place}, telah dilaksanakan mediasi atas permasalahan yang tercatat dengan nomor register {case.registerNo}, difasilitasi oleh {office.name}{mediator.clause}, antara:',
      },
      {
        kind: 'each',
        from: 'parties',
        blocks: [
          { kind: 'heading', text: '{ordinal}' },
          {
            kind: 'fields',
            indent: true,
            rows: [
              { label: 'Nama', value: '{name}' },
              { label: 'NIK', value: '{nik}', when: 'nik' },
              { label: 'Tempat, tanggal lahir', value: '{birth}', when: 'birth' },
              { label: 'Alamat', value: '{address}', when: 'address' },
              { label: 'Kedudukan', value: '{role}' },
              { label: 'Didampingi oleh', value: '{companions}', when: 'companions' },
            ],
          },
        ],
      },
      { kind: 'paragraph', text: 'Mediasi dilaksanakan dalam {sessions.countWords} pertemuan sebagai berikut:', when: 'sessions' },
      {
        kind: 'table',
        from: 'sessions',
        numbered: true,
        when: 'sessions',
        columns: [
          { header: 'Hari, tanggal', value: '{date}', widthCm: 4.2 },
          { header: 'Tempat', value: '{place}', widthCm: 3.8 },
          { header: 'Hasil', value: '{outcome}', widthCm: 7.1 },
        ],
      },
      { kind: 'paragraph', text: 'Setelah melalui proses mediasi, para pihak secara sukarela dan tanpa paksaan dari pihak mana pun menyepakati hal-hal sebagai berikut:', when: 'mediation.agreed' },
      { kind: 'list', items: { from: 'agreementPoints', item: '{text}{detailClause}' }, when: 'mediation.agreed' },
      { kind: 'paragraph', text: 'Setelah melalui proses mediasi, para pihak belum mencapai kesepakatan.', unless: 'mediation.agreed' },
      { kind: 'paragraph', text: 'Pelaksanaan kesepakatan ini akan dipantau oleh {office.name}.', when: 'mediation.agreed' },
      {
        kind: 'paragraph',
        text: 'Demikian Berita Acara ini dibuat dalam rangkap {copies}, satu untuk setiap pihak dan satu untuk arsip {office.name}, masing-masing mempunyai kekuatan hukum yang sama. Setiap pihak menerima satu salinan Berita Acara ini.',
      },
      { kind: 'signatures', layout: { kind: 'everyone', from: 'signatories', acknowledge: true } },
    ],
  },

  nota_kesepakatan_pendampingan: {
    code: 'nota_kesepakatan_pendampingan',
    title: 'Nota Kesepakatan Pendampingan Kasus',
    shortCode: 'NK',
    form: 'titled',
    heading: 'NOTA KESEPAKATAN PENDAMPINGAN KASUS',
    numbered: true,
    defaultSeries: 'nota_kesepakatan',
    makers: CASEWORK,
    identity: 'full',
    showNik: true,
    sources: {},
    defaults: {},
    body: [
      { kind: 'paragraph', text: 'Pada hari ini {letter.dateWords} ({letter.dateNumeric}), yang bertanda tangan di bawah ini:' },
      { kind: 'heading', text: '1. {firstParty.heading}' },
      {
        kind: 'fields',
        indent: true,
        rows: [
          { label: 'Nama', value: '{firstParty.name}' },
          { label: 'NIK', value: '{firstParty.nik}', when: 'firstParty.nik' },
          { label: 'Alamat', value: '{firstParty.address}' },
          { label: 'Bertindak untuk', value: '{firstParty.actsFor}', when: 'firstParty.actsFor' },
        ],
      },
      { kind: 'paragraph', text: 'selanjutnya disebut PIHAK PERTAMA (penerima layanan);', indent: true },
      { kind: 'heading', text: '2. Pendamping' },
      {
        kind: 'fields',
        indent: true,
        rows: [
          { label: 'Nama', value: '{author.name}' },
          { label: 'Jabatan', value: '{author.position}' },
        ],
      },
      { kind: 'paragraph', text: 'bertindak untuk dan atas nama {office.name}, selanjutnya disebut PIHAK KEDUA.', indent: true },
      { kind: 'paragraph', text: 'Kedua belah pihak sepakat sebagai berikut:' },
      {
        kind: 'list',
        items: [
          'PIHAK PERTAMA bersedia menerima pendampingan kasus oleh PIHAK KEDUA atas permasalahan yang tercatat dengan nomor register {case.registerNo}.',
          'Layanan pendampingan meliputi: {case.needs}.',
          'PIHAK KEDUA menjaga kerahasiaan identitas dan data pribadi PIHAK PERTAMA serta hanya menggunakannya untuk kepentingan penanganan kasus, sesuai peraturan perundang-undangan tentang pelindungan data pribadi.',
          'PIHAK PERTAMA memberikan keterangan yang benar dan mengikuti proses pendampingan yang disepakati; PIHAK PERTAMA dapat menghentikan pendampingan dengan memberitahukan PIHAK KEDUA.',
          'Layanan pendampingan tidak dipungut biaya.',
        ],
      },
      { kind: 'heading', text: 'Ringkasan hasil asesmen', when: 'step.text' },
      { kind: 'paragraph', text: '{step.text}', when: 'step.text' },
      { kind: 'paragraph', text: 'Demikian nota kesepakatan ini dibuat dalam rangkap 2 (dua) dengan kekuatan yang sama, masing-masing pihak menerima satu.' },
      { kind: 'signatures', layout: { kind: 'everyone', from: 'agreementSignatories', acknowledge: true } },
    ],
  },

  laporan_penanganan: {
    code: 'laporan_penanganan',
    title: 'Laporan Penanganan Kasus',
    shortCode: 'LAP',
    form: 'titled',
    heading: 'LAPORAN PENANGANAN KASUS',
    numbered: true,
    defaultSeries: 'laporan',
    makers: CASEWORK,
    identity: 'full',
    showNik: false,
    sources: {},
    defaults: {},
    body: [
      { kind: 'heading', text: 'A. Identitas kasus' },
      { ...caseIdentity, rows: [...caseIdentity.rows, { label: 'Tingkat risiko', value: '{case.risk}' }] },
      { kind: 'heading', text: 'B. Korban' },
      { kind: 'table', from: 'victims', numbered: true, empty: 'Tidak ada data korban.', columns: [
        { header: 'Nama', value: '{name}', widthCm: 5.5 },
        { header: 'Umur / jenis kelamin', value: '{ageSex}', widthCm: 3.6 },
        { header: 'Alamat', value: '{address}', widthCm: 6 },
      ] },
      { kind: 'heading', text: 'C. Terlapor' },
      { kind: 'table', from: 'perpetrators', numbered: true, empty: 'Tidak ada data terlapor.', columns: [
        { header: 'Nama', value: '{name}', widthCm: 5.5 },
        { header: 'Hubungan dengan korban', value: '{relation}', widthCm: 5.1 },
        { header: 'Jenis kelamin', value: '{sex}', widthCm: 4.5 },
      ] },
      { kind: 'heading', text: 'D. Kejadian' },
      {
        kind: 'fields',
        rows: [
          { label: 'Tanggal kejadian', value: '{case.incidentDate}' },
          { label: 'Tempat kejadian', value: '{case.incidentPlace}' },
          { label: 'Bentuk kekerasan', value: '{case.violence}' },
        ],
      },
      { kind: 'paragraph', text: '{case.chronology}' },
      { kind: 'heading', text: 'E. Penanganan yang telah diberikan' },
      { kind: 'table', from: 'stepsDone', numbered: true, empty: 'Belum ada tahap yang selesai.', columns: [
        { header: 'Tanggal', value: '{date}', widthCm: 3.4 },
        { header: 'Tahap layanan', value: '{label}', widthCm: 7.7 },
        { header: 'Petugas', value: '{by}', widthCm: 4 },
      ] },
      { kind: 'heading', text: 'F. Rujukan' },
      { kind: 'table', from: 'referrals', numbered: true, empty: 'Tidak ada rujukan.', columns: [
        { header: 'Lembaga', value: '{institution}', widthCm: 5 },
        { header: 'Alasan', value: '{reason}', widthCm: 6.6 },
        { header: 'Status', value: '{status}', widthCm: 3.5 },
      ] },
      { kind: 'heading', text: 'G. Hasil penanganan' },
      { kind: 'paragraph', text: '{step.text}' },
      { kind: 'signatures', layout: { kind: 'author_and_signer', authorCaption: 'Yang membuat laporan,' } },
    ],
  },

  laporan_terminasi_monitoring: {
    code: 'laporan_terminasi_monitoring',
    title: 'Laporan Terminasi Kasus dan Hasil Monitoring',
    shortCode: 'LTM',
    form: 'titled',
    heading: 'NOTA DINAS\nLAPORAN TERMINASI KASUS DAN HASIL MONITORING',
    numbered: true,
    defaultSeries: 'laporan',
    makers: CASEWORK,
    identity: 'full',
    showNik: false,
    sources: {},
    defaults: {},
    body: [
      { kind: 'heading', text: 'A. Identitas kasus' },
      { ...caseIdentity, rows: [...caseIdentity.rows, { label: 'Korban', value: '{victims.inline}' }] },
      { kind: 'heading', text: 'B. Terminasi' },
      {
        kind: 'fields',
        rows: [
          { label: 'Tanggal terminasi', value: '{termination.date}' },
          { label: 'Alasan / pertimbangan', value: '{termination.reason}' },
        ],
      },
      { kind: 'heading', text: 'C. Pelaksanaan kesepakatan' },
      { kind: 'table', from: 'agreementPoints', empty: 'Tidak ada butir kesepakatan.', columns: [
        { header: 'No.', value: '{no}', widthCm: 1.2 },
        { header: 'Butir kesepakatan', value: '{text}', widthCm: 10.4 },
        { header: 'Hasil monitoring', value: '{status}', widthCm: 3.5 },
      ] },
      { kind: 'heading', text: 'D. Kunjungan monitoring' },
      { kind: 'table', from: 'monitoringVisits', numbered: true, empty: 'Tidak ada kunjungan monitoring yang tercatat.', columns: [
        { header: 'Rencana', value: '{planned}', widthCm: 3.3 },
        { header: 'Dilaksanakan', value: '{done}', widthCm: 3.3 },
        { header: 'Hasil', value: '{result}', widthCm: 8.5 },
      ] },
      { kind: 'heading', text: 'E. Kesimpulan' },
      { kind: 'paragraph', text: '{step.text}' },
      { kind: 'signatures', layout: { kind: 'author_and_signer', authorCaption: 'Yang membuat laporan,' } },
    ],
  },

  formulir_pengaduan: {
    code: 'formulir_pengaduan',
    title: 'Formulir Pengaduan',
    shortCode: 'FP',
    form: 'titled',
    heading: 'FORMULIR PENGADUAN',
    subheading: 'Nomor register: {case.registerNo}',
    numbered: false,
    defaultSeries: '',
    makers: DESK,
    identity: 'full',
    showNik: true,
    sources: { anyStepOf: ['case'] },
    defaults: {},
    body: [
      { kind: 'heading', text: 'A. Pengaduan' },
      {
        kind: 'fields',
        rows: [
          { label: 'Diterima', value: '{case.registeredDateTime}' },
          { label: 'Cara pengaduan', value: '{case.channel}' },
          { label: 'Layanan', value: '{case.service}' },
          { label: 'Tingkat risiko', value: '{case.risk}' },
        ],
      },
      { kind: 'heading', text: 'B. Identitas pelapor' },
      { kind: 'paragraph', text: 'Pelapor adalah korban sendiri.', when: 'reporter.isVictim' },
      {
        kind: 'fields',
        unless: 'reporter.isVictim',
        rows: [
          { label: 'Nama', value: '{reporter.name}' },
          { label: 'NIK', value: '{reporter.nik}' },
          { label: 'Tempat, tanggal lahir', value: '{reporter.birth}' },
          { label: 'Jenis kelamin', value: '{reporter.sex}' },
          { label: 'Alamat', value: '{reporter.address}' },
          { label: 'Telepon', value: '{reporter.phone}' },
          { label: 'Hubungan dengan korban', value: '{reporter.relation}' },
        ],
      },
      { kind: 'heading', text: 'C. Identitas korban' },
      {
        kind: 'each',
        from: 'victims',
        blocks: [
          { kind: 'paragraph', text: 'Korban {no}', bold: true },
          {
            kind: 'fields',
            indent: true,
            rows: [
              { label: 'Nama', value: '{name}' },
              { label: 'NIK', value: '{nik}' },
              { label: 'Nomor KK', value: '{kk}' },
              { label: 'Tempat, tanggal lahir', value: '{birth}' },
              { label: 'Umur / jenis kelamin', value: '{ageSex}' },
              { label: 'Pekerjaan', value: '{occupation}' },
              { label: 'Alamat', value: '{address}' },
              { label: 'Telepon', value: '{phone}' },
              { label: 'Disabilitas', value: '{disability}' },
            ],
          },
        ],
      },
      { kind: 'heading', text: 'D. Identitas terlapor' },
      {
        kind: 'each',
        from: 'perpetrators',
        blocks: [
          { kind: 'paragraph', text: 'Terlapor {no}', bold: true },
          {
            kind: 'fields',
            indent: true,
            rows: [
              { label: 'Nama', value: '{name}' },
              { label: 'NIK', value: '{nik}' },
              { label: 'Umur / jenis kelamin', value: '{ageSex}' },
              { label: 'Hubungan dengan korban', value: '{relation}' },
              { label: 'Alamat', value: '{address}' },
            ],
          },
        ],
      },
      { kind: 'paragraph', text: 'Belum ada data terlapor.', unless: 'perpetrators' },
      { kind: 'heading', text: 'E. Kejadian' },
      {
        kind: 'fields',
        rows: [
          { label: 'Tanggal kejadian', value: '{case.incidentDate}' },
          { label: 'Tempat kejadian', value: '{case.incidentPlace}' },
          { label: 'Alamat kejadian', value: '{case.incidentAddress}' },
          { label: 'Bentuk kekerasan', value: '{case.violence}' },
        ],
      },
      { kind: 'heading', text: 'F. Kronologi' },
      { kind: 'paragraph', text: '{case.chronology}' },
      { kind: 'heading', text: 'G. Kebutuhan layanan' },
      { kind: 'paragraph', text: '{case.needs}' },
      { kind: 'heading', text: 'H. Persetujuan pemrosesan data pribadi' },
      {
        kind: 'paragraph',
        text: 'Data pribadi dalam formulir ini diproses hanya untuk penanganan pengaduan dan dijaga kerahasiaannya. Persetujuan diberikan oleh: {case.consent}.',
      },
      {
        kind: 'signatures',
        layout: { kind: 'pair', dateLine: true, left: { caption: 'Pelapor,', name: '{reporter.name}' }, right: { caption: 'Petugas penerima pengaduan,', name: '{author.name}' } },
      },
    ],
  },

  tanda_terima_pengaduan: {
    code: 'tanda_terima_pengaduan',
    title: 'Tanda Terima Pengaduan',
    shortCode: 'TT',
    form: 'titled',
    heading: 'TANDA TERIMA PENGADUAN',
    subheading: 'Nomor register: {case.registerNo}',
    numbered: false,
    defaultSeries: '',
    makers: DESK,
    identity: 'initials',
    showNik: false,
    sources: { anyStepOf: ['case', 'service_complaint'] },
    requires: ['reporter'],
    defaults: {},
    body: [
      { kind: 'paragraph', text: 'Telah diterima pengaduan dari:' },
      {
        kind: 'fields',
        indent: true,
        rows: [
          { label: 'Nama pelapor', value: '{reporter.name}' },
          { label: 'Telepon', value: '{reporter.phone}', when: 'reporter.phone' },
          { label: 'Nomor register', value: '{case.registerNo}' },
          { label: 'Diterima', value: '{case.registeredDateTime}' },
          { label: 'Cara pengaduan', value: '{case.channel}' },
          { label: 'Layanan', value: '{case.service}' },
          { label: 'Korban', value: '{victims.inline}', when: 'victims' },
          { label: 'Pokok pengaduan', value: '{complaint.subject}', when: 'complaint.subject' },
          { label: 'Waktu penyelesaian', value: '{case.sla}', when: 'case.sla' },
        ],
      },
      {
        kind: 'paragraph',
        text: 'Pengaduan ini akan ditindaklanjuti sesuai Standar Pelayanan. Layanan tidak dipungut biaya. Simpan tanda terima ini dan sebutkan nomor register di atas bila menanyakan perkembangan pengaduan{office.phoneClause}.',
      },
      { kind: 'signatures', layout: { kind: 'author', caption: 'Petugas penerima pengaduan,' } },
    ],
  },

  balasan_pengaduan_layanan: {
    code: 'balasan_pengaduan_layanan',
    title: 'Surat Jawaban atas Pengaduan Layanan',
    shortCode: 'JPL',
    form: 'letter',
    numbered: true,
    defaultSeries: 'surat_keluar',
    makers: LETTERS,
    identity: 'children_initials',
    showNik: false,
    sources: {},
    requires: ['reporter'],
    defaults: { sifat: 'Biasa', lampiran: '-', hal: 'Jawaban atas Pengaduan Layanan', addressee: '{reporter.name}', addresseePlace: '{reporter.place}', tembusan: ['Arsip'] },
    body: [
      {
        kind: 'paragraph',
        text: 'Terima kasih atas pengaduan, saran, dan masukan yang Saudara sampaikan pada tanggal {case.registeredDate} melalui {case.channelLower}, yang tercatat dengan nomor register {case.registerNo}, perihal {complaint.subject}.',
      },
      { kind: 'paragraph', text: 'Atas pengaduan tersebut dapat kami sampaikan sebagai berikut:' },
      { kind: 'paragraph', text: '{step.text}', indent: true },
      {
        kind: 'paragraph',
        text: 'Kami berkomitmen untuk terus memperbaiki mutu pelayanan. Bila Saudara belum puas dengan jawaban ini, Saudara dapat menyampaikannya kembali kepada kami{office.phoneClause}.',
      },
      closing,
      { kind: 'signatures', layout: { kind: 'signer' } },
      { kind: 'tembusan' },
    ],
  },

  lembar_kode_pemulihan: {
    code: 'lembar_kode_pemulihan',
    title: 'Lembar Kode Pemulihan',
    shortCode: 'KP',
    form: 'titled',
    heading: 'LEMBAR KODE PEMULIHAN\nREGISTER KASUS TEDUH',
    subheading: 'RAHASIA',
    numbered: false,
    defaultSeries: '',
    makers: ['admin'],
    identity: 'full',
    showNik: false,
    sources: { none: true },
    defaults: {},
    body: [
      { kind: 'paragraph', text: 'Kode pemulihan register kasus {office.name}:' },
      { kind: 'code', text: '{recovery.code}' },
      {
        kind: 'list',
        items: [
          'Kode ini membuka register dan dapat mengatur ulang kata sandi administrator bila semua kata sandi administrator hilang.',
          'Siapa pun yang memegang kode ini dapat membuka seluruh data kasus. Simpan lembar ini di tempat terkunci (brankas), terpisah dari komputer.',
          'Jangan memotret, memindai, atau menyimpan kode ini di komputer, ponsel, surel, atau pesan.',
          'Bila lembar ini hilang atau diduga diketahui orang lain, segera buat register baru atau hubungi administrator.',
        ],
      },
      { kind: 'paragraph', text: 'Dibuat pada {letter.dateWithDay} oleh {author.name}.' },
      {
        kind: 'signatures',
        layout: { kind: 'pair', left: { caption: 'Yang menyerahkan,', name: '{author.name}' }, right: { caption: 'Yang menerima dan menyimpan,', name: '' } },
      },
    ],
  },

  titik_jejak_audit: {
    code: 'titik_jejak_audit',
    title: 'Berita Acara Titik Jejak Audit',
    shortCode: 'TJA',
    form: 'titled',
    heading: 'BERITA ACARA\nTITIK JEJAK AUDIT REGISTER KASUS',
    numbered: false,
    defaultSeries: '',
    makers: ['admin'],
    identity: 'full',
    showNik: false,
    sources: { none: true },
    defaults: {},
    body: [
      {
        kind: 'paragraph',
        text: 'Pada {anchor.at}, jejak audit register kasus {office.name} telah diperiksa dan utuh. Entri terakhirnya kami catat di sini, di luar komputer, sebagai titik pembanding:',
      },
      {
        kind: 'fields',
        rows: [
          { label: 'Nomor entri', value: '{anchor.seq}' },
          { label: 'Jumlah entri diperiksa', value: '{anchor.checked}' },
          { label: 'Waktu entri', value: '{anchor.at}' },
        ],
      },
      { kind: 'paragraph', text: 'Hash entri (SHA-256):' },
      { kind: 'code', text: '{anchor.hash1}' },
      { kind: 'code', text: '{anchor.hash2}' },
      {
        kind: 'list',
        items: [
          'Setiap entri jejak audit memuat hash entri sebelumnya. Bila satu entri sampai dengan nomor di atas diubah atau dihapus, hash ini tidak lagi cocok, walaupun rantainya disusun ulang.',
          'Untuk memeriksa: buka Jejak audit → Periksa terhadap titik, ketik nomor entri dan paling sedikit 16 karakter pertama hash ({anchor.prefix}), atau jalankan teduh verify --anchor NOMOR:HASH.',
          'Simpan lembar ini di luar kantor atau di tempat terkunci, terpisah dari komputer register. Cetak titik baru secara berkala (misalnya setiap bulan).',
        ],
      },
      { kind: 'paragraph', text: 'Dibuat pada {letter.dateWithDay} oleh {author.name}.' },
      {
        kind: 'signatures',
        layout: { kind: 'pair', left: { caption: 'Yang mencetak,', name: '{author.name}' }, right: { caption: 'Saksi,', name: '' } },
      },
    ],
  },
  laporan_bulanan: {
    code: 'laporan_bulanan',
    title: 'Laporan Bulanan',
    shortCode: 'LB',
    form: 'titled',
    heading: 'LAPORAN {report.kind}\nPELAYANAN PERLINDUNGAN PEREMPUAN DAN ANAK\n{report.periodUpper}',
    numbered: false,
    defaultSeries: '',
    makers: ['head'],
    // Figures only: no person is named, and no NIK or address is printed.
    identity: 'initials',
    showNik: false,
    sources: { none: true },
    defaults: {},
    body: [
      {
        kind: 'fields',
        rows: [
          { label: 'Kantor', value: '{office.name}' },
          { label: 'Periode', value: '{report.period}' },
          { label: 'Filter', value: '{report.filters}' },
          { label: 'Dibuat', value: '{report.made}' },
        ],
      },
      { kind: 'heading', text: 'A. RINGKASAN' },
      { kind: 'each', from: 'narrative', blocks: [{ kind: 'paragraph', text: '{text}' }] },
      { kind: 'heading', text: 'B. TABEL REKAPITULASI' },
      { kind: 'paragraph', text: '{report.ageBasis}' },
      { kind: 'figures', from: 'tables' },
      { kind: 'paragraph', text: 'Demikian laporan ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.' },
      { kind: 'signatures', layout: { kind: 'signer', dateLine: 'place_date' } },
    ],
  },
};

export function documentType(code: DocumentTypeCode): DocumentTypeDef {
  return documentCatalogue[code];
}
