import type { CaseDetail, IntakeInput, PersonInput, StepView } from '../core/api/contract';
import { ManualClock, createCore, type Core } from '../core';
import type { FieldDef, ServiceCode } from '../core/services/types';
import { makeDemoDocuments } from './demo-documents';

/**
 * A demonstration office for training and screenshots: staff in every role, an
 * institution directory, and about fifty invented cases across all six services in
 * every state (fresh, mid-way, waiting for approval, overdue, in monitoring, closed in
 * each way). Everything goes through the API, as people would do it, with the clock
 * moved back so the cases spread over the past twelve months, with what SIMFONI counts
 * recorded (victims of every age band and both sexes, households with several victims,
 * services given, declined and unavailable, cases entered into SIMFONI), so that every
 * report has something real to show. All names are invented; the addresses use Kota
 * Mojokerto's kecamatan and kelurahan so that region names are real.
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

/**
 * Victims' ages at the incident, around the edges of SIMFONI's age bands (5/6, 12/13, 17/18,
 * 24/25, 44/45, 59/60), so every band of the recap and every edge has someone in it.
 */
const CHILD_AGES = [2, 5, 6, 9, 12, 13, 15, 17];
const ADULT_AGES = [18, 21, 24, 25, 33, 44, 45, 52, 59, 60, 67];
const ADULT_MARITAL = ['kawin', 'kawin', 'kawin_tidak_tercatat', 'cerai_hidup', 'cerai_mati', 'belum_kawin'] as const;
const ADULT_EDUCATION = ['sd', 'smp', 'sma_smk', 'sma_smk', 'perguruan_tinggi', 'tidak_belum_sekolah'] as const;
const ADULT_OCCUPATION = ['ibu_rumah_tangga', 'swasta_buruh', 'pedagang_tani_nelayan', 'tidak_bekerja', 'bekerja', 'pns_aparat'] as const;

/** A birth date that makes someone `age` on `day` (a month past the birthday). */
function bornAged(age: number, day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - age);
  d.setUTCDate(d.getUTCDate() - 30);
  return d.toISOString().slice(0, 10);
}

type Profile = Pick<PersonInput, 'education' | 'maritalStatus' | 'occupation'>;

/** What SIMFONI asks of a victim of this age: education, marital status, occupation. */
function victimProfile(age: number, n: number): Profile {
  if (age < 18) {
    const education = age < 4 ? 'tidak_belum_sekolah' : age < 7 ? 'tk_paud' : age < 13 ? 'sd' : age < 16 ? 'smp' : 'sma_smk';
    // A married 17-year-old: child marriage is what the recap must not hide.
    const maritalStatus = age === 17 && n % 2 ? 'kawin_tidak_tercatat' : 'belum_kawin';
    return { education, maritalStatus, ...(age >= 6 ? { occupation: 'pelajar' } : {}) };
  }
  return {
    education: ADULT_EDUCATION[n % ADULT_EDUCATION.length]!,
    maritalStatus: age < 21 && n % 2 ? 'belum_kawin' : ADULT_MARITAL[n % ADULT_MARITAL.length]!,
    occupation: age < 21 ? 'pelajar' : ADULT_OCCUPATION[n % ADULT_OCCUPATION.length]!,
  };
}

const FORMS = [['fisik', 'psikis'], ['psikis'], ['penelantaran'], ['fisik'], ['eksploitasi', 'psikis'], ['lainnya'], ['trafficking', 'eksploitasi']] as const;

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

  /** Kelurahan of the city the demo office serves (Kota Mojokerto's codes, for real region names). */
  villages: string[] = ['35.76.01'];

  async loadVillages(): Promise<void> {
    const districts = await this.call<{ code: string }[]>('petugas', 'regions.list', { parent: '35.76' });
    const villages: string[] = [];
    for (const d of districts) villages.push(...(await this.call<{ code: string }[]>('petugas', 'regions.list', { parent: d.code })).map((v) => v.code));
    if (villages.length) this.villages = villages;
  }

  /**
   * Registers a case: an adult victim who reports herself (now and then a man), a child
   * brought by the mother, or (`household`) a mother and her child both hurt by the husband.
   */
  async register(service: ServiceCode, n: number, risk: 'low' | 'medium' | 'high', childVictim = false, household = false): Promise<CaseDetail> {
    const f = GIVEN_F[n % GIVEN_F.length]!;
    const m = GIVEN_M[n % GIVEN_M.length]!;
    const fam = FAMILY[(n * 7) % FAMILY.length]!;
    const day = this.clock.now().toISOString().slice(0, 10);
    // The incident came a few days before the report.
    const incidentDay = new Date(this.clock.now().getTime() - (n % 6) * 86_400_000).toISOString().slice(0, 10);
    const village = this.villages[(n * 13) % this.villages.length]!;
    const adultAge = ADULT_AGES[n % ADULT_AGES.length]!;
    const childAge = CHILD_AGES[n % CHILD_AGES.length]!;
    const maleAdult = !childVictim && !household && n % 9 === 4;
    const childSex = n % 2 ? 'L' : 'P';
    const childName = `${(childSex === 'L' ? GIVEN_M : GIVEN_F)[(n + 3) % 10]} ${fam}`;
    const mother = { fullName: `${f} ${fam}`, sex: 'P' as const, phone: `0812${String(3000000 + n * 211)}`, region: village, rt: String(1 + (n % 9)), rw: String(1 + (n % 5)), address: `Jl. Melati ${n}` };
    // Sexual violence only where no mediation follows (UU TPKS); the other forms rotate across services (7 against 6).
    const noMediation = service === 'pengaduan_kekerasan' || service === 'intervensi_krisis';
    const forms = noMediation && Math.floor(n / 6) % 3 === 1 ? ['seksual', 'psikis'] : [...FORMS[n % FORMS.length]!];
    const anyChild = childVictim || household;
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
              ? { ...mother, fullName: `${f} ${fam} (ibu)`, birthDate: '1985-02-11' }
              : maleAdult
                ? { ...mother, fullName: `${m} ${fam}`, sex: 'L', birthDate: bornAged(adultAge, incidentDay), ...victimProfile(adultAge, n), occupation: 'swasta_buruh' }
                : { ...mother, birthDate: bornAged(household ? Math.max(adultAge, 25) : adultAge, incidentDay), ...victimProfile(household ? Math.max(adultAge, 25) : adultAge, n) },
            victims: anyChild ? [{ fullName: childName, birthDate: bornAged(childAge, incidentDay), sex: childSex, region: village, ...victimProfile(childAge, n) }] : [],
            perpetrators: [
              {
                fullName: maleAdult ? `${GIVEN_F[(n + 5) % GIVEN_F.length]} ${FAMILY[(n * 5 + 1) % FAMILY.length]}` : `${m} ${FAMILY[(n * 5 + 1) % FAMILY.length]}`,
                sex: maleAdult ? 'P' : 'L',
                birthDate: bornAged([16, 20, 30, 41, 58, 63][n % 6]!, incidentDay),
                relation: childVictim ? 'orang_tua' : maleAdult ? 'suami_istri' : (['suami_istri', 'suami_istri', 'pacar_teman', 'keluarga_saudara', 'tetangga', 'majikan', 'rekan_kerja'] as const)[n % 7]!,
              },
            ],
            incident: { date: incidentDay, place: (['rumah_tangga', 'rumah_tangga', 'rumah_tangga', 'tempat_kerja', 'fasilitas_umum', 'sekolah'] as const)[n % 6]!, region: village, address: `Jl. Melati ${n}` },
            violenceTypes: forms as IntakeInput['violenceTypes'],
            chronology: STORIES[service][n % STORIES[service].length]!,
            needs: ['pengaduan', n % 2 ? 'kesehatan' : 'bantuan_hukum'],
            consent: { givenBy: anyChild ? 'parent' : 'victim', name: childVictim ? `${f} ${fam} (ibu)` : `${f} ${fam}`, date: day },
          };
    const created = await this.call<{ id: string }>('petugas', 'cases.register', input);
    let c = await this.get(created.id);
    if (household) c = await this.householdRelations(c, n);
    return c;
  }

  /** One husband, two victims: Suami/Istri to the wife, Orang Tua to the child, each hurt differently. */
  private async householdRelations(c: CaseDetail, n: number): Promise<CaseDetail> {
    const husband = c.persons.find((p) => p.role === 'perpetrator')!;
    // No sexual violence where mediation follows (UU TPKS would rightly block it).
    const childForms = c.serviceCode === 'pengaduan_kekerasan' && n % 2 ? ['seksual', 'psikis'] : ['penelantaran', 'psikis'];
    for (const v of c.persons.filter((p) => p.role === 'victim')) {
      c = await this.call<CaseDetail>('pendamping', 'cases.setVictimProfile', {
        caseId: c.id,
        caseVersion: c.version,
        victimId: v.personId,
        violenceTypes: v.isChild ? childForms : ['fisik', 'psikis'],
        education: v.education,
        maritalStatus: v.maritalStatus,
        occupation: v.occupation,
        disability: n % 11 === 0 && v.isChild,
        disabilityNote: n % 11 === 0 && v.isChild ? 'Tunarungu' : '',
        relations: [{ perpetratorId: husband.personId, relation: v.isChild ? 'orang_tua' : 'suami_istri' }],
      });
    }
    return c;
  }

  /**
   * Services given beyond the complaint: a referral the institution accepted (recorded by the
   * referral itself) and services recorded by hand, given, declined or not available.
   */
  async giveServices(c: CaseDetail, n: number, directory: { id: string; kind: string }[]): Promise<CaseDetail> {
    if (c.standard.kind !== 'case') return c;
    const day = this.clock.now().toISOString().slice(0, 10);
    const of = (kind: string) => directory.find((i) => i.kind === kind)!.id;
    const referrable = c.standard.steps.some((s) => s.collections?.includes('referral'));
    if (referrable && n % 3 !== 2 && c.status !== 'closed') {
      const kind = (['hospital', 'police', 'legal_aid', 'shelter'] as const)[n % 4]!;
      c = await this.call<CaseDetail>('pendamping', 'items.save', {
        caseId: c.id,
        caseVersion: c.version,
        kind: 'referral',
        data: { institutionId: of(kind), reason: 'Rujukan untuk layanan lanjutan.', sentDate: day },
        status: n % 7 === 0 ? 'declined' : n % 2 ? 'served' : 'received',
      });
    }
    const hand = [
      { service: 'kesehatan', providerKind: 'institution', institutionId: of('hospital'), outcome: 'given', note: 'Pemeriksaan dan visum' },
      { service: 'bantuan_hukum', providerKind: 'institution', institutionId: of('legal_aid'), outcome: 'declined', note: 'Korban belum bersedia menempuh jalur hukum' },
      { service: 'rehabilitasi_sosial', providerKind: 'office', outcome: n % 2 ? 'given' : 'unavailable', note: 'Konseling psikologis' },
      { service: 'pendampingan_tokoh_agama', providerKind: 'office', outcome: 'given', note: '' },
      { service: 'reintegrasi_sosial', providerKind: 'office', outcome: 'given', note: 'Kembali bersekolah' },
    ];
    const victims = c.persons.filter((p) => p.role === 'victim');
    for (const [k, v] of victims.entries()) {
      const s = hand[(n + k) % hand.length]!;
      if ((n + k) % 4 === 3) continue;
      c = await this.call<CaseDetail>('pendamping', 'victimServices.save', { caseId: c.id, caseVersion: c.version, victimId: v.personId, givenOn: day, ...s });
    }
    return c;
  }

  /** The case entered into SIMFONI-PPA, under a number of SIMFONI's own. */
  async enterIntoSimfoni(c: CaseDetail, n: number): Promise<CaseDetail> {
    const year = this.clock.now().toISOString().slice(0, 4);
    return this.call<CaseDetail>('pendamping', 'cases.setSimfoniEntry', { caseId: c.id, caseVersion: c.version, entered: true, simfoniNo: `3576-${year}-${String(100 + n).padStart(6, '0')}` });
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
  const start = new Date(Date.now() - 365 * 86_400_000);
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
    const directory = ((await core.call({ token: adminToken }, 'institutions.list', {})) as { ok: true; value: { id: string; kind: string }[] }).value;
    const office = new DemoOffice(core, clock, password);
    await office.loadVillages();
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
        // Spread registrations over the past twelve months, oldest first.
        clock.set(new Date(start.getTime() + (n / 48) * 355 * 86_400_000));
        const [steps, outcomes, stop, risk, child] = plans[round]!;
        const household = !child && service !== 'pengaduan_layanan' && n % 4 === 1;
        let c = await office.register(service, n, risk, child && service !== 'pengaduan_layanan', household);
        c = await office.giveServices(c, n, directory);
        if (steps > 0) c = await office.advance(c, steps, outcomes, stop);
        if (c.standard.kind === 'case' && (c.status === 'closed' ? n % 3 !== 0 : n % 5 === 0)) c = await office.enterIntoSimfoni(c, n);
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
