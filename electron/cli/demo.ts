import type { CaseDetail, IntakeInput, StepView } from '../core/api/contract';
import { ManualClock, createCore, type Core } from '../core';
import type { FieldDef, ServiceCode } from '../core/services/types';
import { makeDemoDocuments } from './demo-documents';

/**
 * A demonstration office for training and screenshots: staff in every role, an
 * institution directory, and about fifty invented cases across all six services in
 * every state (fresh, mid-way, waiting for approval, overdue, in monitoring, closed in
 * each way). Everything goes through the API, as people would do it, with the clock
 * moved back so the cases spread over the past months. All names are invented.
 */

export const DEMO_STAFF = [
  { username: 'petugas', fullName: 'Rina Marlina', role: 'front_desk', position: 'Petugas Penerima Pengaduan' },
  { username: 'pendamping', fullName: 'Dewi Anggraini, S.Psi.', role: 'case_worker', position: 'Pendamping PPA' },
  { username: 'kepala', fullName: 'Dra. Sri Mulyani, M.Si.', role: 'head', position: 'Kepala UPTD PPA', nip: '197004121995032003', rank: 'Pembina (IV/a)' },
  { username: 'koordinator', fullName: 'Hendra Gunawan, S.H.', role: 'head', position: 'Koordinator Layanan', nip: '198103222006041002', rank: 'Penata (III/c)' },
  { username: 'sekretariat', fullName: 'Yuni Astuti', role: 'secretariat', position: 'Staf Sekretariat' },
] as const;

const GIVEN_F = ['Siti', 'Wulan', 'Ayu', 'Dewi', 'Nur', 'Fitri', 'Rahma', 'Indah', 'Lestari', 'Putri', 'Anisa', 'Maya'];
const GIVEN_M = ['Agus', 'Budi', 'Joko', 'Rudi', 'Dedi', 'Eko', 'Hendro', 'Slamet', 'Bayu', 'Rizal'];
const FAMILY = ['Rahayu', 'Handayani', 'Kusuma', 'Purnama', 'Setiawan', 'Wibowo', 'Saputra', 'Hidayat', 'Pratama', 'Nugroho', 'Maharani', 'Safitri'];

const STORIES: Record<ServiceCode, string[]> = {
  pengaduan_kekerasan: [
    'Pelapor menghubungi melalui WhatsApp: korban dipukul suami setelah bertengkar soal nafkah; korban takut pulang.',
    'Korban datang langsung dengan memar di lengan; kekerasan berulang sejak enam bulan terakhir.',
    'Laporan melalui website: anak tetangga sering terdengar menangis dan terlihat tidak terurus.',
  ],
  intervensi_krisis: [
    'Korban datang malam hari dalam keadaan panik setelah diusir dan diancam dengan senjata tajam.',
    'Korban diantar tetangga dengan luka di wajah; pelaku masih berada di rumah korban.',
  ],
  mediasi: [
    'Sengketa pengasuhan anak antara korban dan mantan suami; kedua pihak bersedia bertemu.',
    'Perselisihan nafkah anak setelah perceraian; korban meminta kesepakatan tertulis.',
  ],
  bantuan_mediasi: [
    'Pemohon mengajukan permohonan fasilitasi mediasi atas penelantaran oleh suami.',
    'Keluarga korban memohon mediasi terkait kekerasan psikis oleh ipar yang tinggal serumah.',
  ],
  pemulangan_mediasi: [
    'Korban KDRT dari luar kota meminta pendampingan pulang ke keluarga di kelurahan asal.',
    'Korban dan anaknya ditampung sementara dan meminta dipulangkan ke rumah orang tua.',
  ],
  pengaduan_layanan: [
    'Pengadu menyampaikan bahwa antrean di loket pengaduan terlalu lama pada hari Senin.',
    'Saran melalui kotak saran: ruang tunggu perlu sekat agar pelapor lebih leluasa.',
  ],
};

/** A plausible value for a step form field, from its definition. */
function sample(f: FieldDef, day: string): unknown {
  switch (f.type) {
    case 'text':
      return `${f.label} (contoh)`;
    case 'textarea':
      return `Catatan ${f.label.toLowerCase()} untuk pelatihan.`;
    case 'date':
      return day;
    case 'datetime':
      return `${day}T10:00`;
    case 'select':
      return f.options?.[0]?.value;
    case 'multiselect':
      return f.options?.slice(0, 1).map((o) => o.value) ?? [];
    case 'boolean':
      return true;
    case 'number':
      return 1;
  }
}

type Username = 'admin' | (typeof DEMO_STAFF)[number]['username'];

class DemoOffice {
  private readonly tokens = new Map<Username, string>();

  constructor(
    private readonly core: Core,
    private readonly clock: ManualClock,
    private readonly password: string,
  ) {}

  /** Calls as one of the staff, logging in again when the clock has moved past their session. */
  async call<T>(who: Username, method: string, input: unknown): Promise<T> {
    for (let attempt = 0; attempt < 2; attempt++) {
      let token = this.tokens.get(who);
      if (!token) {
        const login = await this.core.call({}, 'auth.login', { username: who, password: this.password });
        if (!login.ok) throw new Error(`login ${who}: ${login.error.message}`);
        token = (login.value as { token: string }).token;
        this.tokens.set(who, token);
      }
      const r = await this.core.call({ token }, method, input);
      if (r.ok) return r.value as T;
      if (r.error.code === 'UNAUTHENTICATED') {
        this.tokens.delete(who);
        continue;
      }
      throw new Error(`${method}: ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
    }
    throw new Error(`${method}: session lost`);
  }

  private tokenFor(role: string): Username {
    return role === 'front_desk' ? 'petugas' : role === 'case_worker' ? 'pendamping' : role === 'secretariat' ? 'sekretariat' : 'kepala';
  }

  async register(service: ServiceCode, n: number, risk: 'low' | 'medium' | 'high', childVictim = false): Promise<CaseDetail> {
    const f = GIVEN_F[n % GIVEN_F.length]!;
    const m = GIVEN_M[n % GIVEN_M.length]!;
    const fam = FAMILY[(n * 7) % FAMILY.length]!;
    const day = this.clock.now().toISOString().slice(0, 10);
    const victimBirth = childVictim ? `${Number(day.slice(0, 4)) - 12}-04-1${n % 9}` : `19${80 + (n % 15)}-0${1 + (n % 9)}-1${n % 9}`;
    const input: IntakeInput =
      service === 'pengaduan_layanan'
        ? {
            serviceCode: service,
            channel: n % 2 ? 'suggestion_box' : 'walk_in',
            reporter: { fullName: `${m} ${fam}`, phone: `0813${String(4000000 + n * 137)}` },
            chronology: STORIES[service][n % STORIES[service].length]!,
          }
        : {
            serviceCode: service,
            channel: service === 'pengaduan_kekerasan' ? (['walk_in', 'whatsapp', 'phone', 'website'] as const)[n % 4]! : 'walk_in',
            riskLevel: risk,
            reporterIsVictim: !childVictim,
            reporter: childVictim
              ? { fullName: `${f} ${fam} (ibu)`, birthDate: '1985-02-11', sex: 'P', phone: `0812${String(3000000 + n * 211)}` }
              : { fullName: `${f} ${fam}`, birthDate: victimBirth, sex: 'P', phone: `0812${String(3000000 + n * 211)}`, region: '35.76.01', address: `Jl. Melati ${n} RT 0${n % 9}/RW 0${n % 5}` },
            victims: childVictim ? [{ fullName: `${GIVEN_F[(n + 3) % GIVEN_F.length]} ${fam}`, birthDate: victimBirth, sex: 'P' }] : [],
            perpetrators: [{ fullName: `${m} ${FAMILY[(n * 5 + 1) % FAMILY.length]}`, sex: 'L', relation: childVictim ? 'orang_tua' : 'suami_istri' }],
            incident: { date: day, place: 'rumah_tangga', region: '35.76.01', address: `Jl. Melati ${n}` },
            violenceTypes: service === 'pengaduan_kekerasan' && n % 5 === 4 ? ['seksual'] : n % 3 ? ['fisik', 'psikis'] : ['penelantaran'],
            chronology: STORIES[service][n % STORIES[service].length]!,
            needs: ['pengaduan', n % 2 ? 'kesehatan' : 'bantuan_hukum'],
            consent: { givenBy: childVictim ? 'parent' : 'victim', name: childVictim ? `${f} ${fam} (ibu)` : `${f} ${fam}`, date: day },
          };
    const created = await this.call<{ id: string }>('petugas', 'cases.register', input);
    return this.get(created.id);
  }

  get(id: string): Promise<CaseDetail> {
    return this.call<CaseDetail>('kepala', 'cases.get', { id });
  }

  /** Ticks every requirement, as the officer does when the papers are brought. */
  async completeRequirements(c: CaseDetail): Promise<CaseDetail> {
    for (const r of c.requirements) {
      if (r.status !== 'missing') continue;
      if (c.standard.requirements.find((x) => x.code === r.code)?.fulfilledBy) continue;
      c = await this.call<CaseDetail>('pendamping', 'cases.setRequirement', { caseId: c.id, caseVersion: c.version, code: r.code, status: r.optional ? 'not_applicable' : 'complete' });
    }
    return c;
  }

  /** Adds what the guards of a step ask for (companions, sessions, agreement points, monitoring). */
  private async satisfy(c: CaseDetail, step: StepView): Promise<CaseDetail> {
    const day = this.clock.now().toISOString().slice(0, 10);
    const def = c.standard.steps.find((s) => s.code === step.code)!;
    const guards = def.guards ?? [];
    if (guards.includes('requirements_complete')) c = await this.completeRequirements(c);
    if (guards.includes('mediation_companions')) {
      for (const p of c.persons.filter((x) => (x.role === 'victim' || x.role === 'perpetrator') && x.isChild)) {
        if (c.persons.some((x) => x.role === 'companion' && x.companionOf === p.personId)) continue;
        c = await this.call<CaseDetail>('pendamping', 'cases.addPerson', {
          caseId: c.id,
          caseVersion: c.version,
          role: 'companion',
          person: { fullName: `Pendamping ${p.fullName.split(' ')[0]}`, phone: '081299990000' },
          companionOf: p.personId,
          companionType: 'parent',
        });
      }
    }
    if (guards.includes('has_mediation_session') && !c.items.some((i) => i.kind === 'mediation_session')) {
      c = await this.call<CaseDetail>('pendamping', 'items.save', {
        caseId: c.id,
        caseVersion: c.version,
        kind: 'mediation_session',
        data: { date: `${day}T10:00`, place: 'Ruang Mediasi UPTD PPA', attendees: 'Kedua pihak, pendamping masing-masing, mediator', outcome: 'Para pihak menyepakati poin-poin berikut.' },
      });
      for (const text of ['Pihak kedua memberikan nafkah anak setiap bulan paling lambat tanggal 10.', 'Kedua pihak tidak saling mengancam atau mengganggu.', 'Anak tinggal bersama ibu; ayah dapat berkunjung setiap akhir pekan.']) {
        c = await this.call<CaseDetail>('pendamping', 'items.save', { caseId: c.id, caseVersion: c.version, kind: 'agreement_point', data: { text, responsible: 'Pihak kedua' } });
      }
    }
    if (guards.includes('agreement_monitored')) {
      for (const i of c.items.filter((x) => x.kind === 'agreement_point' && x.status === 'open')) {
        c = await this.call<CaseDetail>('pendamping', 'items.save', { caseId: c.id, caseVersion: c.version, kind: 'agreement_point', itemId: i.id, data: i.data, status: 'carried_out' });
      }
    }
    return c;
  }

  /** Works the case forward by `steps` steps (or until it closes), with approvals by the other head. */
  async advance(c: CaseDetail, steps: number, outcomes: Record<string, string> = {}, stopAtApproval = false): Promise<CaseDetail> {
    for (let k = 0; k < steps && c.status !== 'closed'; k++) {
      this.clock.advance(30 * 60_000);
      const step = c.steps.find((s) => s.status === 'pending' && !s.optional && (s.open || s.blockedBy.length > 0));
      if (!step) break;
      c = await this.satisfy(c, step);
      const fresh = c.steps.find((s) => s.code === step.code)!;
      if (!fresh.open) break;
      const def = c.standard.steps.find((s) => s.code === step.code)!;
      const day = this.clock.now().toISOString().slice(0, 10);
      const data = Object.fromEntries((def.fields ?? []).map((f) => [f.key, sample(f, day)]));
      const outcome = def.outcomes ? (outcomes[def.code] ?? def.outcomes[0]!.value) : undefined;
      const actor = this.tokenFor(def.actor);
      c = await this.call<CaseDetail>(actor, 'steps.complete', { caseId: c.id, caseVersion: c.version, step: def.code, data, outcome });
      const submitted = c.steps.find((s) => s.code === def.code)!;
      if (submitted.pendingApproval) {
        if (stopAtApproval) break;
        // The head who did not ask decides.
        const decider: Username = actor === 'kepala' ? 'koordinator' : 'kepala';
        c = await this.call<CaseDetail>(decider, 'approvals.decide', { approvalId: submitted.pendingApproval.id, decision: 'approve', payloadHash: submitted.pendingApproval.payloadHash, comment: 'Disetujui.' });
      }
    }
    return c;
  }
}

export async function createDemoOffice(dataDir: string, password: string, log: (s: string) => void = () => {}): Promise<{ cases: number }> {
  const start = new Date(Date.now() - 120 * 86_400_000);
  const clock = new ManualClock(start);
  const core = createCore({ dataDir, clock });
  try {
    const setup = await core.call({}, 'setup.initialize', {
      office: {
        name: 'UPTD PERLINDUNGAN PEREMPUAN DAN ANAK KOTA CONTOH',
        governmentLine: 'PEMERINTAH KOTA CONTOH',
        address: 'Jl. Pahlawan No. 10, Kelurahan Sukamaju, Kecamatan Kota',
        city: 'Kota Contoh',
        postcode: '61300',
        phone: '(0321) 555 123',
        email: 'uptdppa@contoh.go.id',
        website: 'uptdppa.contoh.go.id',
      },
      admin: { username: 'admin', fullName: 'Administrator Kantor', password },
    });
    if (!setup.ok) throw new Error(setup.error.message);
    const adminToken = (setup.value as { token: string }).token;
    await core.call({ token: adminToken }, 'settings.update', { version: 1, idleLockMinutes: 120 });
    for (const s of DEMO_STAFF) {
      const created = await core.call({ token: adminToken }, 'users.create', { ...s, initialPassword: `${password}-awal` });
      if (!created.ok) throw new Error(created.error.message);
      const login = await core.call({}, 'auth.login', { username: s.username, password: `${password}-awal` });
      if (!login.ok) throw new Error(login.error.message);
      const token = (login.value as { token: string }).token;
      await core.call({ token }, 'auth.changePassword', { currentPassword: `${password}-awal`, newPassword: password });
    }
    for (const inst of [
      { name: 'RSUD Dr. Soetomo Kota Contoh', kind: 'hospital', phone: '(0321) 555 200' },
      { name: 'Unit PPA Satreskrim Polres Kota Contoh', kind: 'police', phone: '110' },
      { name: 'LBH Perempuan Kota Contoh', kind: 'legal_aid', phone: '0812 3456 7890' },
      { name: 'Rumah Aman Dinas Sosial', kind: 'shelter', phone: '(0321) 555 321' },
      { name: 'Puskesmas Sukamaju', kind: 'hospital', phone: '(0321) 555 456' },
    ]) {
      await core.call({ token: adminToken }, 'institutions.save', inst);
    }
    const office = new DemoOffice(core, clock, password);
    const services: ServiceCode[] = ['pengaduan_kekerasan', 'intervensi_krisis', 'mediasi', 'bantuan_mediasi', 'pemulangan_mediasi', 'pengaduan_layanan'];
    // Per service: [steps to advance, outcome overrides, stop at approval, risk, child]
    const plans: [number, Record<string, string>, boolean, 'low' | 'medium' | 'high', boolean][] = [
      [0, {}, false, 'medium', false],
      [1, {}, false, 'low', false],
      [2, {}, true, 'medium', false],
      [3, {}, false, 'high', false],
      [20, {}, false, 'medium', false],
      [20, { pertimbangan: 'ditolak', asesmen: 'tidak_dapat_dimediasi' }, false, 'low', false],
      [20, { koordinasi_pihak: 'menolak', pelaksanaan: 'tidak_sepakat' }, false, 'medium', true],
      [5, {}, false, 'high', true],
    ];
    let n = 0;
    for (let round = 0; round < plans.length; round++) {
      for (const service of services) {
        // Spread registrations over the past four months, oldest first.
        clock.set(new Date(start.getTime() + (n / 48) * 112 * 86_400_000));
        const [steps, outcomes, stop, risk, child] = plans[round]!;
        let c = await office.register(service, n, risk, child && service !== 'pengaduan_layanan');
        if (steps > 0) c = await office.advance(c, steps, outcomes, stop);
        log(`${c.registerNo} ${service} ${c.status}${c.closure ? ` (${c.closure})` : ''}`);
        n++;
      }
    }
    // The last few arrive today: fresh and due soon (or overdue, for the 30-minute response).
    clock.set(new Date(Date.now() - 45 * 60_000));
    for (const service of ['pengaduan_kekerasan', 'intervensi_krisis'] as const) {
      const c = await office.register(service, n++, 'high');
      log(`${c.registerNo} ${service} ${c.status}`);
    }
    // A draft left mid-way, as when a phone call interrupts the front desk.
    await office.call('petugas', 'intake.saveDraft', { data: { serviceCode: 'pengaduan_kekerasan', channel: 'phone', chronology: 'Penelepon terputus sebelum selesai.' } });
    // The letter register: a document of every type, and the recovery-code sheet printed (never stored).
    const recoveryCode = (setup.value as { recoveryCode: string }).recoveryCode;
    await makeDemoDocuments((who, method, input) => office.call(who, method, input), recoveryCode, log);
    await office.call('admin', 'settings.update', { version: 2, idleLockMinutes: 5 });
    return { cases: n };
  } finally {
    core.close();
  }
}
