import type Database from 'better-sqlite3';
import { defaultCatalogue } from '../../electron/core/services/catalogue';
import { serviceCodes } from '../../electron/core/services/types';
import { getDistricts, getVillages } from '../../electron/core/regions';
import { EDUCATION, MARITAL_STATUSES, OCCUPATIONS, PERPETRATOR_RELATIONS, PLACES, SERVICES, VIOLENCE_TYPES } from '../../electron/core/simfoni';

/** Synthetic, realistic-looking register contents for benchmarks (deterministic per seed). */

export type Rng = () => number;

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const GIVEN_NAMES = [
  'Siti', 'Sri', 'Dewi', 'Nur', 'Ayu', 'Wulan', 'Rina', 'Yuni', 'Putri', 'Indah', 'Fitri', 'Lestari', 'Ratna', 'Dian', 'Ani',
  'Eka', 'Kartika', 'Maya', 'Novi', 'Tri', 'Agus', 'Budi', 'Joko', 'Slamet', 'Hendra', 'Rudi', 'Andi', 'Dedi', 'Eko', 'Bambang',
];
export const SURNAMES = [
  'Rahayu', 'Wahyuni', 'Susanti', 'Handayani', 'Kusumawati', 'Purnamasari', 'Permatasari', 'Setiawati', 'Yuliani', 'Maharani',
  'Santoso', 'Wibowo', 'Saputra', 'Hidayat', 'Kurniawan', 'Pratama', 'Nugroho', 'Firmansyah', 'Hermawan', 'Gunawan',
  'Syahputra', 'Ramadhan', 'Utami', 'Anggraini', 'Safitri', 'Fadilah', 'Hasanah', 'Nurhayati', 'Mulyani', 'Sulistyowati',
  'Sembiring', 'Simanjuntak', 'Siregar', 'Nainggolan', 'Pangaribuan', 'Tanjung', 'Lubis', 'Nasution', 'Harahap', 'Pohan',
];
const PHRASES = [
  'Korban mengalami pemukulan oleh suami setelah pertengkaran soal nafkah.',
  'Anak dilaporkan tidak diberi makan dan ditinggal berhari-hari oleh orang tuanya.',
  'Korban menerima ancaman melalui pesan WhatsApp dari mantan pacar.',
  'Tetangga melaporkan teriakan dan suara benda dibanting dari rumah korban.',
  'Korban diusir dari rumah bersama dua anaknya pada malam hari.',
  'Guru melaporkan memar pada lengan murid yang tidak dapat dijelaskan.',
  'Korban bekerja tanpa upah dan dokumen identitasnya ditahan majikan.',
  'Korban meminta pendampingan untuk pemulangan ke kampung halaman.',
];

function pick<T>(r: Rng, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

/** Fills `n` cases (with persons, steps, deadlines and search rows) in transactions of 5,000. */
export function populate(sqlite: Database.Database, n: number, seed: number): void {
  const r = rng(seed);
  const standardOf = new Map<string, string>();
  for (const code of serviceCodes) {
    const row = sqlite.prepare('SELECT standard_id AS id FROM offered_services WHERE code = ?').get(code) as { id: string } | undefined;
    standardOf.set(code, row?.id ?? 'x');
  }
  const insCase = sqlite.prepare(`INSERT INTO cases (id, register_no, service_code, standard_id, status, closure, closed_at, channel, risk_level,
      incident_date, incident_place, incident_region, violence_types, needs, chronology, due_at, assigned_to, search_rowid, version, created_at, updated_at)
      VALUES (@id, @no, @service, @standard, @status, @closure, @closedAt, @channel, @risk, @incident, @place, @region, @violence, '["pengaduan"]', @chronology, @due, NULL, @srow, 1, @created, @created)`);
  const insPerson = sqlite.prepare(`INSERT INTO persons (id, full_name, name_key, nik, phone, birth_date, sex, region, occupation, disability, education, marital_status, version, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`);
  const insLink = sqlite.prepare('INSERT INTO case_persons (case_id, person_id, role, violence_types) VALUES (?, ?, ?, ?)');
  const insRelation = sqlite.prepare('INSERT INTO case_relations (case_id, victim_id, perpetrator_id, relation) VALUES (?, ?, ?, ?)');
  const insService = sqlite.prepare(`INSERT INTO victim_services (id, case_id, victim_id, service, given_on, provider_kind, outcome, source, version, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, 'office', ?, ?, 1, ?, ?)`);
  // Places in Kota Surabaya (the NIKs below are Surabaya's too), a few outside it, some unknown.
  const villages = getDistricts('35.78').flatMap((d) => getVillages(d.code).map((v) => v.code));
  const maybe = <T>(p: number, v: () => T): T | null => (r() < p ? v() : null);
  const codes = (list: readonly { code: string }[]) => list.map((o) => o.code);
  const insStep = sqlite.prepare(`INSERT INTO case_steps (id, case_id, code, seq, status, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)`);
  const insDeadline = sqlite.prepare('INSERT INTO case_deadlines (case_id, code, label, due_at, met_at) VALUES (?, ?, ?, ?, ?)');
  const insSearch = sqlite.prepare('INSERT INTO case_search (rowid, case_id, register_no, names, niks, phones, chronology) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const firstRow = (sqlite.prepare('SELECT coalesce(max(rowid), 0) AS n FROM case_search').get() as { n: number }).n + 1;
  const start = Date.parse('2023-12-01T00:00:00Z');
  const span = Date.parse('2026-11-20T00:00:00Z') - start;
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const service = pick(r, serviceCodes);
      const def = defaultCatalogue[service];
      const createdMs = start + Math.floor((i / n) * span);
      const created = new Date(createdMs).toISOString();
      const year = created.slice(0, 4);
      const id = `syn-${seed}-${i}`;
      const age = created < '2026-10-01';
      const status = age ? (r() < 0.85 ? 'closed' : 'open') : r() < 0.2 ? 'monitoring' : 'open';
      const due = status === 'closed' ? null : new Date(createdMs + (1 + Math.floor(r() * 20)) * 86_400_000).toISOString();
      const victim = `${pick(r, GIVEN_NAMES)} ${pick(r, SURNAMES)}`;
      const perpetrator = `${pick(r, GIVEN_NAMES)} ${pick(r, SURNAMES)}`;
      const nik = `3578${String(Math.floor(r() * 1e12)).padStart(12, '0')}`;
      const phone = `08${String(Math.floor(r() * 1e10)).padStart(10, '0')}`;
      const chronology = `${pick(r, PHRASES)} ${pick(r, PHRASES)}`;
      const no = `REG/${year}/${String(i + 1).padStart(6, '0')}`;
      insCase.run({
        id,
        no,
        service,
        standard: standardOf.get(service),
        status,
        closure: status === 'closed' ? 'completed' : null,
        closedAt: status === 'closed' ? new Date(createdMs + Math.floor(r() * 30 * 86_400_000)).toISOString() : null,
        channel: pick(r, def.channels),
        risk: pick(r, ['low', 'medium', 'high']),
        incident: created.slice(0, 10),
        place: maybe(0.9, () => pick(r, codes(PLACES))),
        region: r() < 0.8 ? pick(r, villages) : r() < 0.5 ? '35.15.01' : null,
        violence: JSON.stringify([pick(r, ['fisik', 'psikis', 'penelantaran', 'seksual'])]),
        chronology,
        due,
        srow: firstRow + i,
        created,
      });
      const birth = `${1960 + Math.floor(r() * 55)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`;
      // One victim in most cases, sometimes a second (a child); per victim its forms of violence,
      // its relation to each perpetrator and the services it was given.
      const victims = [`${id}-v`, ...(r() < 0.15 ? [`${id}-v2`] : [])];
      const perpetrators = [`${id}-p`, ...(r() < 0.1 ? [`${id}-p2`] : [])];
      victims.forEach((v, k) => {
        const vBirth = k === 0 ? birth : `${2008 + Math.floor(r() * 17)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`;
        insPerson.run(v, k === 0 ? victim : `${pick(r, GIVEN_NAMES)} ${pick(r, SURNAMES)}`, victim.toLowerCase(), k === 0 ? nik : null, k === 0 ? phone : null, vBirth, r() < 0.85 ? 'P' : 'L',
          maybe(0.9, () => pick(r, villages)), maybe(0.8, () => pick(r, codes(OCCUPATIONS))), r() < 0.05 ? 1 : 0, maybe(0.7, () => pick(r, codes(EDUCATION))), maybe(0.7, () => pick(r, codes(MARITAL_STATUSES))), created, created);
        const forms = r() < 0.1 ? null : JSON.stringify([...new Set([pick(r, codes(VIOLENCE_TYPES)), ...(r() < 0.3 ? [pick(r, codes(VIOLENCE_TYPES))] : [])])]);
        insLink.run(id, v, 'victim', forms);
        const given = new Set<string>();
        for (let s = 0, m = 1 + Math.floor(r() * 2); s < m; s++) given.add(pick(r, codes(SERVICES)));
        let sNo = 0;
        for (const svc of given) {
          const on = new Date(createdMs + Math.floor(r() * 10) * 86_400_000).toISOString().slice(0, 10);
          insService.run(`${v}-s${sNo}`, id, v, svc, on, r() < 0.9 ? 'given' : 'declined', `synthetic:${sNo++}`, created, created);
        }
      });
      perpetrators.forEach((p, k) => {
        const pBirth = maybe(0.6, () => `${1955 + Math.floor(r() * 50)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`);
        insPerson.run(p, k === 0 ? perpetrator : `${pick(r, GIVEN_NAMES)} ${pick(r, SURNAMES)}`, perpetrator.toLowerCase(), null, null, pBirth, r() < 0.9 ? 'L' : 'P', null, null, 0, null, null, created, created);
        insLink.run(id, p, 'perpetrator', null);
        for (const v of victims) if (r() < 0.9) insRelation.run(id, v, p, pick(r, codes(PERPETRATOR_RELATIONS)));
      });
      const doneUpTo = status === 'closed' ? def.steps.length : Math.floor(r() * def.steps.length);
      def.steps.forEach((s, k) => insStep.run(`${id}-s${k}`, id, s.code, k + 1, k < doneUpTo ? 'done' : 'pending', created, created));
      for (const d of def.deadlines) insDeadline.run(id, d.code, d.label, due, status === 'closed' ? created : null);
      insSearch.run(firstRow + i, id, no, `${victim} | ${perpetrator}`, nik, phone, chronology);
    }
  });
  for (let from = 0; from < n; from += 5000) batch(from, Math.min(n, from + 5000));
  sqlite.prepare("INSERT INTO sequences (series, year, last) VALUES ('register', 2026, ?) ON CONFLICT DO UPDATE SET last = excluded.last").run(n + 1);
}
