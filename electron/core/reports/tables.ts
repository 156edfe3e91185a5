import type { RecapTable, RecapTableId } from '../api/contract-reports';
import { channels } from '../api/vocab';
import { closureLabels } from '../workflow/engine';
import type { Region } from '../regions';
import type { ServiceDefinition, ServiceCode } from '../services/types';
import {
  EDUCATION,
  MARITAL_STATUSES,
  OCCUPATIONS,
  PERPETRATOR_AGE_BANDS,
  PERPETRATOR_RELATIONS,
  PLACES,
  SERVICES,
  SERVICE_OUTCOMES,
  SEXES,
  SIMFONI_AGE_BANDS,
  VIOLENCE_TYPES,
  AGE_GROUPS,
  type SimfoniOption,
} from '../simfoni';
import { ageGroupSql, bandSql, known, lit, serviceFilter } from './sql';

/**
 * The recap's tables as data: rows and columns from the SIMFONI categories and the service
 * standards (in their order), and the basis each is counted from (see sql.ts).
 */

export type Column = RecapTable['columns'][number];
export interface Row {
  code: string;
  label: string;
}

export interface TableSpec {
  id: RecapTableId;
  title: string;
  unit: RecapTable['unit'];
  rows: Row[];
  columns: Column[];
  rowTotal: boolean;
  notes: string[];
  /** One row per counted unit: case_id, r, c (the period CTEs are in scope). */
  basis: string;
  /** Figures that are not counts of the basis (medians), filled by the recap. */
  figures?: 'compliance' | 'approvals' | 'served';
}

export interface TableInputs {
  services: { code: ServiceCode; def: ServiceDefinition }[];
  /** The office's regency and its kecamatan (with their kelurahan/desa); null when the city is not recognised. */
  city: { code: string; name: string; districts: (Region & { villages: Region[] })[] } | null;
  staff: { id: string; name: string }[];
}

export const UNKNOWN = { code: 'unknown', label: 'Tidak diketahui' } as const;
const count = (code: string, label: string): Column => ({ code, label, kind: 'count' });
const TOTAL = count('total', 'Jumlah');
const opts = (list: readonly SimfoniOption[]): Row[] => list.map((o) => ({ code: o.code, label: o.id }));
const codes = (rows: readonly { code: string }[]): string[] => rows.map((r) => r.code);
const SEX_COLUMNS: Column[] = [...SEXES.map((s) => count(s.code, s.id)), count('unknown', 'Tidak diketahui'), TOTAL];
const AGE_GROUP_ROWS: Row[] = [...opts(AGE_GROUPS), UNKNOWN];

export const AGE_BASIS = 'Umur dihitung pada tanggal kejadian bila diketahui, selain itu pada tanggal pelaporan.';
const AGE_NOTE = `${AGE_BASIS} Anak: di bawah 18 tahun.`;
const PER_CASE = 'Orang yang sama pada dua kasus dihitung pada tiap kasus.';
const withUnknown = (list: readonly SimfoniOption[]): Row[] => [...opts(list), UNKNOWN];

export function tableSpecs(inp: TableInputs): TableSpec[] {
  const serviceRows: Row[] = inp.services.map((s) => ({ code: s.code, label: s.def.name }));
  const serviceCodes = codes(serviceRows);
  const serviceColumns: Column[] = [...inp.services.map((s) => count(s.code, s.def.shortName)), TOTAL];
  const victimBy = (expr: string, list: readonly SimfoniOption[]) => `SELECT case_id, ${known(expr, codes(list))} AS r, sex AS c FROM pv`;
  const closedInPeriod = `c.deleted_at IS NULL AND c.closed_at >= @from AND c.closed_at < @to AND ${serviceFilter('c')}`;

  // ----- regions of the office's city
  const city = inp.city;
  const regionRow = (len: number, list: string[]): string =>
    city
      ? `CASE WHEN pc.incident_region IS NULL OR pc.incident_region = '' THEN 'unknown'
          WHEN substr(pc.incident_region, 1, 5) <> ${lit(city.code)} THEN 'outside'
          WHEN length(pc.incident_region) >= ${len} THEN ${known(`substr(pc.incident_region, 1, ${len})`, list)}
          ELSE 'unknown' END`
      : "'unknown'";
  const outside = { code: 'outside', label: 'Di luar kota' };
  const cityNote = city ? `Tempat kejadian di ${city.name}; kasus tanpa kecamatan/kelurahan tercatat: "Tidak diketahui".` : 'Kota kantor pada profil kantor tidak dikenali di daftar wilayah Kemendagri: semua kasus tercatat sebagai "Tidak diketahui".';
  const districtRows: Row[] = (city?.districts ?? []).map((d) => ({ code: d.code, label: d.name }));
  const villageRows: Row[] = (city?.districts ?? []).flatMap((d) => d.villages.map((v) => ({ code: v.code, label: `${v.name} (${d.name})` })));

  // ----- deadlines of the standards
  const deadlineRows: Row[] = inp.services.flatMap((s) => s.def.deadlines.map((d) => ({ code: `${s.code}:${d.code}`, label: `${s.def.shortName}: ${d.label}` })));
  const complaint = inp.services.find((s) => s.def.kind === 'service_complaint');
  const answerDeadline = complaint?.def.deadlines.find((d) => d.endsAt !== 'closure') ?? complaint?.def.deadlines[0];
  const complaintChannels = complaint ? channels.items.filter((ch) => complaint.def.channels.includes(ch.code)) : [];

  const staffRows: Row[] = [...inp.staff.map((u) => ({ code: u.id, label: u.name })), { code: 'unassigned', label: 'Belum ditugaskan' }];
  const staffCodes = codes(staffRows);
  const openCase = "c.deleted_at IS NULL AND c.status IN ('open','monitoring')";
  const assignee = known('c.assigned_to', inp.staff.map((u) => u.id), 'unassigned');

  return [
    {
      id: 'casesByServiceChannel',
      title: 'Kasus menurut layanan dan cara pengaduan',
      unit: 'cases',
      rows: serviceRows,
      columns: [...channels.items.map((ch) => count(ch.code, ch.id)), TOTAL],
      rowTotal: true,
      notes: ['Semua kasus yang diterima pada periode ini, termasuk yang kemudian dicabut; kasus yang dihapus tidak dihitung.'],
      basis: `SELECT id AS case_id, ${known('service_code', serviceCodes)} AS r, ${known('channel', channels.values)} AS c FROM pc`,
    },
    {
      id: 'personsSummary',
      title: 'Korban dan pelaku menurut jenis kelamin',
      unit: 'persons',
      rows: [
        { code: 'victims', label: 'Korban' },
        { code: 'perpetrators', label: 'Pelaku' },
      ],
      columns: SEX_COLUMNS,
      rowTotal: true,
      notes: [PER_CASE],
      basis: `SELECT case_id, 'victims' AS r, sex AS c FROM pv UNION ALL SELECT case_id, 'perpetrators', sex FROM pp`,
    },
    {
      id: 'victimsBySexAge',
      title: 'Korban menurut kelompok umur dan jenis kelamin',
      unit: 'victims',
      rows: withUnknown(SIMFONI_AGE_BANDS),
      columns: SEX_COLUMNS,
      rowTotal: true,
      notes: [AGE_NOTE, PER_CASE],
      basis: `SELECT case_id, ${bandSql('age', SIMFONI_AGE_BANDS)} AS r, sex AS c FROM pv`,
    },
    {
      id: 'victimsChildAdult',
      title: 'Korban anak dan dewasa',
      unit: 'victims',
      rows: AGE_GROUP_ROWS,
      columns: SEX_COLUMNS,
      rowTotal: true,
      notes: [AGE_NOTE],
      basis: `SELECT case_id, ${ageGroupSql('age')} AS r, sex AS c FROM pv`,
    },
    {
      id: 'violenceByPlace',
      title: 'Bentuk kekerasan menurut tempat kejadian',
      unit: 'victims',
      rows: withUnknown(VIOLENCE_TYPES),
      columns: [...PLACES.map((p) => count(p.code, p.id)), count('unknown', 'Tidak diketahui'), TOTAL],
      rowTotal: true,
      notes: ['Satu korban dapat mengalami lebih dari satu bentuk: dihitung sekali per bentuk, sehingga jumlahnya dapat melebihi jumlah korban.', 'Bentuk kekerasan dicatat per korban; korban yang bentuknya belum dicatat: "Tidak diketahui".'],
      basis: `SELECT pv.case_id, ${known('j.value', codes(VIOLENCE_TYPES))} AS r, ${known('pv.incident_place', codes(PLACES))} AS c
        FROM pv LEFT JOIN json_each(CASE WHEN json_valid(pv.violence_types) AND json_array_length(pv.violence_types) > 0 THEN pv.violence_types END) j`,
    },
    {
      id: 'perpetratorRelation',
      title: 'Hubungan pelaku dengan korban',
      unit: 'pairs',
      rows: withUnknown(PERPETRATOR_RELATIONS),
      columns: [...AGE_GROUPS.map((g) => count(g.code, `Korban ${g.id.toLowerCase()}`)), count('unknown', 'Umur korban tidak diketahui'), TOTAL],
      rowTotal: true,
      notes: ['Dihitung per pasangan korban dan pelaku: satu pelaku dapat berhubungan berbeda dengan tiap korban (suami dari satu korban, ayah dari korban lain).', AGE_NOTE],
      basis: `SELECT v.case_id, ${known('rel.relation', codes(PERPETRATOR_RELATIONS))} AS r, ${ageGroupSql('v.age')} AS c
        FROM pv v JOIN pp p ON p.case_id = v.case_id AND p.person_id <> v.person_id
        LEFT JOIN case_relations rel ON rel.case_id = v.case_id AND rel.victim_id = v.person_id AND rel.perpetrator_id = p.person_id`,
    },
    {
      id: 'perpetratorSexAge',
      title: 'Pelaku menurut kelompok umur dan jenis kelamin',
      unit: 'perpetrators',
      rows: withUnknown(PERPETRATOR_AGE_BANDS),
      columns: SEX_COLUMNS,
      rowTotal: true,
      notes: [AGE_BASIS, PER_CASE],
      basis: `SELECT case_id, ${bandSql('age', PERPETRATOR_AGE_BANDS)} AS r, sex AS c FROM pp`,
    },
    {
      id: 'victimEducation',
      title: 'Korban menurut pendidikan',
      unit: 'victims',
      rows: withUnknown(EDUCATION),
      columns: SEX_COLUMNS,
      rowTotal: true,
      notes: [],
      basis: victimBy('education', EDUCATION),
    },
    {
      id: 'victimOccupation',
      title: 'Korban menurut pekerjaan',
      unit: 'victims',
      rows: withUnknown(OCCUPATIONS),
      columns: SEX_COLUMNS,
      rowTotal: true,
      notes: [],
      basis: victimBy('occupation', OCCUPATIONS),
    },
    {
      id: 'victimMaritalStatus',
      title: 'Korban menurut status perkawinan',
      unit: 'victims',
      rows: withUnknown(MARITAL_STATUSES),
      columns: SEX_COLUMNS,
      rowTotal: true,
      notes: [],
      basis: victimBy('marital_status', MARITAL_STATUSES),
    },
    {
      id: 'victimDisability',
      title: 'Korban penyandang disabilitas',
      unit: 'victims',
      rows: [
        { code: 'ya', label: 'Penyandang disabilitas' },
        { code: 'tidak', label: 'Bukan penyandang disabilitas' },
      ],
      columns: SEX_COLUMNS,
      rowTotal: true,
      notes: [],
      basis: `SELECT case_id, CASE WHEN disability THEN 'ya' ELSE 'tidak' END AS r, sex AS c FROM pv`,
    },
    {
      id: 'servicesByOutcome',
      title: 'Layanan kepada korban menurut hasilnya',
      unit: 'services',
      rows: opts(SERVICES),
      columns: [...SERVICE_OUTCOMES.map((o) => count(o.code, o.id)), TOTAL],
      rowTotal: true,
      notes: [
        'Layanan yang dicatat dengan tanggal pada periode ini (kasus dari periode mana pun).',
        'Satu korban dapat menerima lebih dari satu layanan: dihitung sekali per korban per layanan dan hasil.',
      ],
      basis: `SELECT DISTINCT vs.case_id, vs.victim_id, ${known('vs.service', codes(SERVICES))} AS r, ${known('vs.outcome', codes(SERVICE_OUTCOMES))} AS c
        FROM victim_services vs JOIN cases c ON c.id = vs.case_id
        WHERE vs.given_on >= @dfrom AND vs.given_on <= @dto AND vs.deleted_at IS NULL AND c.deleted_at IS NULL AND ${serviceFilter('c')}`,
    },
    {
      id: 'victimsServed',
      title: 'Korban dan korban yang mendapat layanan',
      unit: 'victims',
      rows: AGE_GROUP_ROWS,
      columns: [count('victims', 'Korban'), count('served', 'Mendapat layanan'), { code: 'percent', label: 'Persentase', kind: 'percent' }],
      rowTotal: false,
      notes: [
        'Mendapat layanan: sedikitnya satu layanan selain Pengaduan diberikan kepada korban itu (sampai saat laporan dibuat); setiap korban yang tercatat sudah menerima Pengaduan.',
        AGE_NOTE,
      ],
      // Every registered victim has had Pengaduan (registering is that service), so it would make every victim "served".
      basis: `SELECT case_id, ${ageGroupSql('age')} AS r, 'victims' AS c FROM pv
        UNION ALL SELECT case_id, ${ageGroupSql('age')}, 'served' FROM pv
        WHERE EXISTS (SELECT 1 FROM victim_services vs WHERE vs.case_id = pv.case_id AND vs.victim_id = pv.person_id AND vs.outcome = 'given' AND vs.service <> 'pengaduan' AND vs.deleted_at IS NULL)`,
      figures: 'served',
    },
    {
      id: 'byKecamatan',
      title: 'Kasus menurut kecamatan tempat kejadian',
      unit: 'cases',
      rows: [...districtRows, outside, UNKNOWN],
      columns: [count('cases', 'Kasus')],
      rowTotal: false,
      notes: [cityNote],
      basis: `SELECT id AS case_id, ${regionRow(8, codes(districtRows))} AS r, 'cases' AS c FROM pc`,
    },
    {
      id: 'byKelurahan',
      title: 'Kasus menurut kelurahan/desa tempat kejadian',
      unit: 'cases',
      rows: [...villageRows, outside, UNKNOWN],
      columns: [count('cases', 'Kasus')],
      rowTotal: false,
      notes: [cityNote],
      basis: `SELECT id AS case_id, ${regionRow(13, codes(villageRows))} AS r, 'cases' AS c FROM pc`,
    },
    {
      id: 'complianceByService',
      title: 'Kepatuhan standar pelayanan: penyelesaian kasus',
      unit: 'cases',
      rows: serviceRows,
      columns: [
        count('opened', 'Diterima'),
        count('closed', 'Ditutup'),
        count('open', 'Masih berjalan'),
        { code: 'median_days', label: 'Median hari kerja sampai ditutup', kind: 'days' },
        { code: 'p90_days', label: 'Persentil ke-90 hari kerja', kind: 'days' },
      ],
      rowTotal: false,
      notes: [
        'Diterima: kasus yang diterima pada periode ini. Ditutup: kasus yang ditutup pada periode ini (diterima kapan pun). Masih berjalan: kasus yang belum ditutup pada akhir periode.',
        'Hari kerja dari hari pengaduan (tidak dihitung) sampai hari penutupan, menurut kalender kerja kantor; median dan persentil ke-90 (peringkat terdekat) dari kasus yang ditutup pada periode ini.',
      ],
      basis: `SELECT id AS case_id, ${known('service_code', serviceCodes)} AS r, 'opened' AS c FROM pc
        UNION ALL SELECT c.id, ${known('c.service_code', serviceCodes)}, 'closed' FROM cases c WHERE ${closedInPeriod}
        UNION ALL SELECT c.id, ${known('c.service_code', serviceCodes)}, 'open' FROM cases c
          WHERE c.status IN ('open','monitoring') AND c.created_at < @to AND c.deleted_at IS NULL AND ${serviceFilter('c')}
        UNION ALL SELECT c.id, ${known('c.service_code', serviceCodes)}, 'open' FROM cases c
          WHERE c.closed_at >= @to AND c.status = 'closed' AND c.created_at < @to AND c.deleted_at IS NULL AND ${serviceFilter('c')}`,
      figures: 'compliance',
    },
    {
      id: 'deadlinesByService',
      title: 'Kepatuhan standar pelayanan: tenggat waktu',
      unit: 'deadlines',
      rows: [...deadlineRows, UNKNOWN],
      columns: [count('met', 'Tepat waktu'), count('late', 'Terlambat'), count('running', 'Berjalan'), count('overdue', 'Lewat tenggat (belum dipenuhi)'), TOTAL],
      rowTotal: true,
      notes: ['Tenggat kasus yang diterima pada periode ini, menurut standar pelayanan yang dipakai kasusnya. Berjalan: belum dipenuhi dan belum lewat (atau jamnya belum mulai). Lewat tenggat: dihitung pada saat laporan dibuat.'],
      basis: `SELECT d.case_id, ${known("pc.service_code || ':' || d.code", codes(deadlineRows))} AS r,
          CASE WHEN d.met_at IS NOT NULL AND (d.due_at IS NULL OR d.met_at <= d.due_at) THEN 'met'
               WHEN d.met_at IS NOT NULL THEN 'late'
               WHEN d.due_at IS NOT NULL AND d.due_at < @now THEN 'overdue'
               ELSE 'running' END AS c
        FROM pc JOIN case_deadlines d ON d.case_id = pc.id`,
    },
    {
      id: 'approvalsTurnaround',
      title: 'Persetujuan kepala: waktu keputusan',
      unit: 'approvals',
      rows: serviceRows,
      columns: [
        count('requested', 'Diajukan'),
        count('approved', 'Disetujui'),
        count('rejected', 'Ditolak'),
        count('pending', 'Menunggu'),
        { code: 'median_hours', label: 'Median jam sampai keputusan', kind: 'hours' },
      ],
      rowTotal: false,
      notes: ['Permohonan persetujuan yang diajukan pada periode ini; waktu dari pengajuan sampai keputusan dalam jam (jam dinding).'],
      basis: `SELECT a.case_id, ${known('c.service_code', serviceCodes)} AS r, 'requested' AS c FROM approvals a JOIN cases c ON c.id = a.case_id
          WHERE a.requested_at >= @from AND a.requested_at < @to AND c.deleted_at IS NULL AND ${serviceFilter('c')}
        UNION ALL SELECT a.case_id, ${known('c.service_code', serviceCodes)}, ${known('a.status', ['approved', 'rejected', 'pending'], 'pending')} FROM approvals a JOIN cases c ON c.id = a.case_id
          WHERE a.requested_at >= @from AND a.requested_at < @to AND c.deleted_at IS NULL AND ${serviceFilter('c')}`,
      figures: 'approvals',
    },
    {
      id: 'closureReasons',
      title: 'Kasus ditutup menurut alasan penutupan',
      unit: 'cases',
      rows: [...Object.entries(closureLabels).map(([code, label]) => ({ code, label })), UNKNOWN],
      columns: serviceColumns,
      rowTotal: true,
      notes: ['Kasus yang ditutup pada periode ini (diterima kapan pun).'],
      basis: `SELECT c.id AS case_id, ${known('c.closure', Object.keys(closureLabels))} AS r, ${known('c.service_code', serviceCodes)} AS c FROM cases c WHERE ${closedInPeriod}`,
    },
    {
      id: 'serviceComplaints',
      title: 'Pengaduan tentang layanan',
      unit: 'complaints',
      rows: [...complaintChannels.map((ch) => ({ code: ch.code, label: ch.id })), UNKNOWN],
      columns: [count('received', 'Diterima'), count('in_time', 'Dijawab tepat waktu'), count('late', 'Dijawab terlambat'), count('running', 'Belum dijawab, masih dalam tenggat'), count('overdue', 'Belum dijawab, lewat tenggat')],
      rowTotal: false,
      notes: [answerDeadline ? `Tenggat jawaban: ${answerDeadline.label} (${answerDeadline.rule.amount} ${answerDeadline.rule.unit === 'working_days' ? 'hari kerja' : answerDeadline.rule.unit === 'days' ? 'hari' : answerDeadline.rule.unit === 'hours' ? 'jam' : 'menit'}).` : 'Layanan pengaduan tentang layanan tidak dijalankan kantor ini.'],
      basis: complaint
        ? `SELECT pc.id AS case_id, ${known('pc.channel', codes(complaintChannels))} AS r, 'received' AS c FROM pc WHERE pc.service_code = ${lit(complaint.code)}
          UNION ALL SELECT pc.id, ${known('pc.channel', codes(complaintChannels))},
            CASE WHEN d.met_at IS NOT NULL AND (d.due_at IS NULL OR d.met_at <= d.due_at) THEN 'in_time'
                 WHEN d.met_at IS NOT NULL THEN 'late'
                 WHEN d.due_at IS NOT NULL AND d.due_at < @now THEN 'overdue'
                 ELSE 'running' END
            FROM pc LEFT JOIN case_deadlines d ON d.case_id = pc.id AND d.code = ${lit(answerDeadline?.code ?? '')}
            WHERE pc.service_code = ${lit(complaint.code)}`
        : `SELECT NULL AS case_id, NULL AS r, NULL AS c WHERE 0`,
    },
    {
      id: 'workload',
      title: 'Beban kerja petugas',
      unit: 'staff',
      rows: staffRows,
      columns: [count('open', 'Kasus berjalan'), count('overdue', 'Tenggat terlewat'), count('received', 'Kasus baru pada periode ini')],
      rowTotal: false,
      notes: ['Kasus berjalan dan tenggat terlewat: keadaan pada saat laporan dibuat, per petugas yang ditugaskan. Kasus baru: kasus yang diterima pada periode ini dan kini ditugaskan kepadanya.'],
      basis: `SELECT c.id AS case_id, ${assignee} AS r, 'open' AS c FROM cases c WHERE ${openCase} AND ${serviceFilter('c')}
        UNION ALL SELECT c.id, ${assignee}, 'overdue' FROM cases c JOIN case_deadlines d ON d.case_id = c.id
          WHERE ${openCase} AND ${serviceFilter('c')} AND d.met_at IS NULL AND d.due_at < @now
        UNION ALL SELECT pc.id, ${known('pc.assigned_to', staffCodes, 'unassigned')}, 'received' FROM pc`,
    },
  ];
}
