import type { CaseDetail, CaseItemView, PersonView, StepView } from '../api/contract-cases';
import { agreementStatuses, channels, companionTypes, consentGivers, personRoles, referralStatuses, riskLevels } from '../api/vocab';
import { localDateOf, localTimeOfDayMs, OFFICE_TIME_ZONES, type OfficeTimeZone } from '../calendar';
import type { OfficeRow, UserRow } from '../db/schema';
import { regionChain } from '../regions';
import type { FieldDef, StepDef } from '../services/types';
import { SIMFONI_FIELDS, type SimfoniField } from '../simfoni';
import {
  formatDate,
  formatDateInWords,
  formatDateNumeric,
  formatDateWithDay,
  formatDuration,
  formatNumber,
  formatTime,
  initialsOf,
  numberWithWords,
  ordinalWord,
} from '../text';
import type { DocumentTypeDef, IdentityPolicy } from './types';

/**
 * The values a document's placeholders are filled from: one flat table of texts and a few
 * named lists of rows. Built the same way for every type; the type's identity policy
 * decides whose names are printed in full.
 */
export type Row = Record<string, string>;
export interface DocContext {
  values: Record<string, string>;
  lists: Record<string, Row[]>;
  /** Tables of figures (reports), each laid out with its own columns. */
  figures?: Record<string, FigureTable[]>;
}

/** One table of a report as printed: every cell already a text. */
export interface FigureTable {
  title: string;
  header: string[];
  rows: string[][];
  total: string[] | null;
  notes: string[];
}

/** What a report (not a case) fills a document with: texts under `report.`, lists, tables of figures. */
export interface ReportContent {
  values: Record<string, string>;
  lists: Record<string, Row[]>;
  figures: Record<string, FigureTable[]>;
}

export interface InstitutionInfo {
  id: string;
  name: string;
  address: string;
}

export interface ContextInput {
  type: DocumentTypeDef;
  office: OfficeRow;
  timeZone: OfficeTimeZone;
  /** The letter's date in the office's calendar, 'YYYY-MM-DD'. */
  date: string;
  /** The number as printed (or the placeholder the number is written over). */
  number: string;
  signer: UserRow | null;
  author: UserRow;
  detail?: CaseDetail;
  /** The step that produces the document. */
  step?: StepView;
  referral?: CaseItemView;
  institutions?: Map<string, InstitutionInfo>;
  /** Active staff, to find the outreach officer's NIP and position by name. */
  staff?: UserRow[];
  recoveryCode?: string;
  /** The audit chain's newest entry, for the anchor sheet. */
  auditAnchor?: { seq: number; hash: string; at: string; checked: number };
  /** A report's texts and figures (the Laporan Bulanan). */
  report?: ReportContent;
}

const vocabLabel = (list: { items: readonly { code: string; id: string }[] }, code: string | null | undefined): string =>
  code ? (list.items.find((i) => i.code === code)?.id ?? code) : '';

function simfoni(field: SimfoniField, code: string | null | undefined): string {
  if (!code) return '';
  return SIMFONI_FIELDS[field].options.find((o) => o.code === code)?.id ?? code;
}

const sexLabel = (sex: string | null) => simfoni('victimSex', sex);

/** "Kedungdoro, Tegalsari, Kota Surabaya, Jawa Timur" */
export function regionLine(code: string | null | undefined): string {
  if (!code) return '';
  return regionChain(code)
    .map((r) => r.name)
    .reverse()
    .join(', ');
}

function addressOf(p: { address: string | null; rt: string | null; rw: string | null; region: string | null }): string {
  const rtRw = p.rt || p.rw ? `RT ${p.rt || '-'}/RW ${p.rw || '-'}` : '';
  return [p.address ?? '', rtRw, regionLine(p.region)].filter(Boolean).join(', ');
}

function ageSex(p: PersonView): string {
  return [p.age !== null ? `${p.age} tahun` : '', sexLabel(p.sex)].filter(Boolean).join(' / ');
}

function birthOf(p: PersonView): string {
  const date = p.birthDate ? formatDate(p.birthDate) : '';
  return [p.birthPlace ?? '', date].filter(Boolean).join(', ');
}

/** How a person is named under a policy: a protected child by initials and age only. */
export function displayName(p: PersonView, policy: IdentityPolicy): string {
  if (policy === 'full') return p.fullName;
  if (p.isChild) return `${initialsOf(p.fullName)} (anak${p.age !== null ? `, ${p.age} tahun` : ''})`;
  return policy === 'initials' ? initialsOf(p.fullName) : p.fullName;
}

const shown = (p: PersonView, policy: IdentityPolicy) => policy === 'full' || (policy === 'children_initials' && !p.isChild);

/** A step form value as a letter prints it: labels for choices, dates in Indonesian. */
export function formatFieldValue(f: FieldDef | undefined, v: unknown, tz: OfficeTimeZone): string {
  if (v === null || v === undefined || v === '') return '';
  if (Array.isArray(v)) return v.map((x) => formatFieldValue(f, x, tz)).filter(Boolean).join(', ');
  if (typeof v === 'boolean') return v ? 'Ya' : 'Tidak';
  const s = String(v);
  if (f?.options) return f.options.find((o) => o.value === s)?.label ?? s;
  if (f?.type === 'date') return safe(() => formatDate(s), s);
  if (f?.type === 'datetime') return safe(() => dateTimeText(s, tz), s);
  return s;
}

function safe(fn: () => string, fallback: string): string {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

/** '2026-02-16T09:00' → "Senin, 16 Februari 2026 pukul 09.00 WIB" */
function dateTimeText(s: string, tz: OfficeTimeZone): string {
  const time = /T(\d{2}:\d{2})/.exec(s)?.[1];
  return `${formatDateWithDay(s)}${time ? ` pukul ${formatTime(time)} ${OFFICE_TIME_ZONES[tz].label}` : ''}`;
}

function mainText(def: StepDef | undefined, s: StepView | undefined): string {
  if (!s) return '';
  const data = s.data ?? {};
  const textareas = (def?.fields ?? []).filter((f) => f.type === 'textarea');
  for (const f of [...textareas.filter((f) => f.required), ...textareas]) {
    const v = data[f.key];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return s.note?.trim() ?? '';
}

/** The first value any step recorded under `key`, the producing step first. */
function stepValue(detail: CaseDetail, key: string, first?: StepView): string {
  for (const s of first ? [first, ...detail.steps] : detail.steps) {
    const v = s.data?.[key];
    if (v !== undefined && v !== null && v !== '') return String(v);
  }
  return '';
}

/** The date a mediation session was recorded on ('2026-02-16 09.00' → '2026-02-16'), if it names one. */
function sessionDate(raw: string): string | null {
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(raw.trim())?.[1];
  if (!day) return null;
  try {
    formatDate(day);
    return day;
  } catch {
    return null;
  }
}

export function buildContext(input: ContextInput): DocContext {
  const { type, office, timeZone: tz, date, detail, step, author, signer } = input;
  const policy = type.identity;
  const values: Record<string, string> = {};
  const lists: Record<string, Row[]> = {};
  const set = (k: string, v: string | null | undefined) => {
    values[k] = v ?? '';
  };

  // The office and the letter itself.
  set('office.name', office.name);
  set('office.city', office.city);
  set('office.phone', office.phone);
  set('office.phoneClause', office.phone ? ` (telepon ${office.phone})` : '');
  set('letter.number', input.number);
  set('letter.date', formatDate(date));
  set('letter.dateWithDay', formatDateWithDay(date));
  set('letter.dateWords', formatDateInWords(date));
  set('letter.dateNumeric', formatDateNumeric(date));
  set('letter.place', office.city);

  const person = (prefix: string, u: UserRow | null) => {
    set(`${prefix}.name`, u?.fullName);
    set(`${prefix}.position`, u?.position);
    set(`${prefix}.positionUpper`, u?.position.toUpperCase());
    set(`${prefix}.rank`, u?.rank);
    set(`${prefix}.nip`, u?.nip);
  };
  person('signer', signer);
  person('author', author);
  set('recovery.code', input.recoveryCode);
  if (input.auditAnchor) {
    const { seq, hash, at, checked } = input.auditAnchor;
    // In groups of eight, two lines: easy to read aloud and to type back.
    const groups = hash.match(/.{8}/g) ?? [hash];
    set('anchor.seq', String(seq));
    set('anchor.hash1', groups.slice(0, 4).join(' '));
    set('anchor.hash2', groups.slice(4).join(' '));
    set('anchor.prefix', groups.slice(0, 2).join(' '));
    const instant = new Date(at);
    const minutes = Math.floor(localTimeOfDayMs(instant, tz) / 60_000);
    const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    set('anchor.at', dateTimeText(`${localDateOf(instant, tz)}T${hhmm}`, tz));
    set('anchor.checked', formatNumber(checked));
  }

  if (input.report) {
    for (const [k, v] of Object.entries(input.report.values)) set(`report.${k}`, v);
    Object.assign(lists, input.report.lists);
    return { values, lists, figures: input.report.figures };
  }

  if (!detail) return { values, lists };

  // The case.
  const def = detail.standard;
  const stepDef = step ? def.steps.find((s) => s.code === step.code) : undefined;
  const created = new Date(detail.createdAt);
  const createdLocal = localDateOf(created, tz);
  const createdTime = new Date(created.getTime() + OFFICE_TIME_ZONES[tz].utcOffsetMinutes * 60_000).toISOString().slice(11, 16);
  set('case.registerNo', detail.registerNo);
  set('case.service', def.name);
  set('case.skClause', def.skNumber ? ` (Keputusan Nomor ${def.skNumber})` : '');
  set('case.registeredDate', formatDate(createdLocal));
  set('case.registeredDateTime', `${formatDateWithDay(createdLocal)} pukul ${formatTime(createdTime)} ${OFFICE_TIME_ZONES[tz].label}`);
  set('case.channel', vocabLabel(channels, detail.channel));
  set('case.channelLower', vocabLabel(channels, detail.channel).toLowerCase());
  set('case.risk', vocabLabel(riskLevels, detail.riskLevel).split(' — ')[0]);
  set('case.incidentDate', detail.incident.date ? formatDate(detail.incident.date) : '');
  set('case.incidentPlace', simfoni('place', detail.incident.place));
  set('case.incidentAddress', addressOf({ address: detail.incident.address, rt: detail.incident.rt, rw: detail.incident.rw, region: detail.incident.region }));
  set('case.violence', detail.violenceTypes.map((v) => simfoni('violenceTypes', v)).join(', '));
  set('case.needs', detail.needs.map((v) => simfoni('services', v)).join(', '));
  set('case.chronology', detail.chronology);
  set(
    'case.consent',
    detail.consent ? `${detail.consent.name} (${vocabLabel(consentGivers, detail.consent.givenBy).toLowerCase()}), pada ${formatDate(detail.consent.date)}` : '',
  );
  set(
    'case.sla',
    def.deadlines
      .map((d) => `${d.label}: ${formatDuration(d.rule.amount, d.rule.unit)}${d.startsAt === 'requirements_complete' ? ' sejak persyaratan lengkap' : ''}`)
      .join('; '),
  );

  // Every step's recorded values, formatted: `steps.<code>.<field>`, and the producing step as `step.*`.
  for (const s of detail.steps) {
    const d = def.steps.find((x) => x.code === s.code);
    set(`steps.${s.code}.actor`, s.actorTitle);
    set(`steps.${s.code}.date`, s.completedAt ? formatDate(localDateOf(new Date(s.completedAt), tz)) : '');
    set(`steps.${s.code}.outcome`, d?.outcomes?.find((o) => o.value === s.outcome)?.label ?? s.outcome);
    for (const [k, v] of Object.entries(s.data ?? {})) set(`steps.${s.code}.${k}`, formatFieldValue(d?.fields?.find((f) => f.key === k), v, tz));
  }
  set('step.label', step?.label);
  set('step.outcome', stepDef?.outcomes?.find((o) => o.value === step?.outcome)?.label ?? step?.outcome);
  set('step.text', mainText(stepDef, step));

  // People.
  const persons = detail.persons;
  const byRole = (role: string) => persons.filter((p) => p.role === role);
  const companionsOf = (p: PersonView) => persons.filter((c) => c.role === 'companion' && c.companionOf === p.personId);
  const companionText = (c: PersonView) => `${c.fullName}${c.companionType ? ` (${vocabLabel(companionTypes, c.companionType).toLowerCase()})` : ''}`;
  const nikOf = (p: PersonView) => (type.showNik && shown(p, policy) && !p.isChild ? (p.nik ?? '') : '');
  const personRow = (p: PersonView, i: number): Row => ({
    no: String(i + 1),
    name: displayName(p, policy),
    nik: nikOf(p),
    kk: type.showNik && shown(p, policy) ? (p.kkNo ?? '') : '',
    birth: shown(p, policy) ? birthOf(p) : '',
    ageSex: ageSex(p),
    sex: sexLabel(p.sex),
    occupation: simfoni('occupation', p.occupation),
    address: shown(p, policy) ? addressOf(p) : '',
    phone: shown(p, policy) ? (p.phone ?? '') : '',
    disability: p.disability ? `Ya${p.disabilityNote ? ` (${p.disabilityNote})` : ''}` : 'Tidak',
    relation: simfoni('perpetratorRelation', p.relation),
  });

  const victims = byRole('victim');
  const reporter = byRole('reporter')[0];
  lists.victims = victims.map(personRow);
  lists.perpetrators = byRole('perpetrator').map(personRow);
  set('victims.inline', victims.map((v) => displayName(v, policy)).join(', '));
  const victim = victims[0];
  set('victim.area', regionChain(victim?.region ?? detail.incident.region ?? '').at(-1)?.name ?? '');

  // The applicant a letter answers: the reporter, or the victim who came alone.
  const applicant = reporter ?? victims[0];
  set('reporter.name', applicant ? (applicant.isChild && policy !== 'full' ? displayName(applicant, policy) : applicant.fullName) : '');
  set('reporter.isVictim', !reporter || victims.some((v) => v.personId === reporter.personId) ? 'ya' : '');
  const r = applicant ? personRow(applicant, 0) : null;
  set('reporter.nik', r?.nik);
  set('reporter.birth', r?.birth);
  set('reporter.sex', r?.sex);
  set('reporter.address', r?.address);
  set('reporter.phone', applicant?.phone);
  set('reporter.relation', reporter ? simfoni('perpetratorRelation', reporter.relation) : '');

  // The client of a referral or an accompaniment agreement: the (first) victim.
  set('client.name', victim ? displayName(victim, policy) : '');
  set('client.nik', victim ? nikOf(victim) : '');
  set('client.ageSex', victim ? ageSex(victim) : '');
  set('client.address', victim && shown(victim, policy) ? addressOf(victim) : '');

  // A child is represented by a parent or guardian: in an agreement, in an invitation, at signing.
  const representativeOf = (p: PersonView): PersonView | undefined =>
    companionsOf(p).find((c) => ['parent', 'guardian', 'family'].includes(c.companionType ?? '')) ?? companionsOf(p)[0];
  if (victim?.isChild) {
    const rep = representativeOf(victim);
    set('firstParty.heading', 'Orang tua/wali penerima layanan');
    set('firstParty.name', rep?.fullName ?? detail.consent?.name ?? '');
    set('firstParty.nik', rep && type.showNik ? (rep.nik ?? '') : '');
    set('firstParty.address', rep ? addressOf(rep) || addressOf(victim) : addressOf(victim));
    set('firstParty.actsFor', `anak ${displayName(victim, policy)}`);
  } else {
    set('firstParty.heading', 'Penerima layanan');
    set('firstParty.name', victim?.fullName ?? '');
    set('firstParty.nik', victim ? nikOf(victim) : '');
    set('firstParty.address', victim ? addressOf(victim) : '');
    set('firstParty.actsFor', '');
  }
  lists.agreementSignatories = [
    { caption: 'PIHAK PERTAMA', name: values['firstParty.name'] ?? '' },
    { caption: 'PIHAK KEDUA', name: author.fullName },
  ];

  // Parties to a mediation: victims, then perpetrators, then other parties.
  const parties: PersonView[] = [];
  for (const p of [...victims, ...byRole('perpetrator'), ...byRole('party')]) if (!parties.some((x) => x.personId === p.personId)) parties.push(p);
  lists.parties = parties.map((p, i) => ({
    ...personRow(p, i),
    ordinal: `Pihak ${capitalise(ordinalWord(i + 1))}`,
    role: vocabLabel(personRoles, p.role),
    companions: companionsOf(p).map(companionText).join('; '),
  }));
  const invitees = parties.map((p) => {
    if (!p.isChild || policy === 'full') return p.fullName;
    const rep = representativeOf(p);
    return `${rep?.fullName ?? 'Orang tua/wali'} (orang tua/wali dari anak ${initialsOf(p.fullName)})`;
  });
  lists.invitees = invitees.map((text) => ({ text }));
  set('invitees.lines', invitees.length > 1 ? invitees.map((t, i) => `${i + 1}. ${t}`).join('\n') : (invitees[0] ?? ''));
  set('invitees.inline', invitees.join('; '));
  set('copies', numberWithWords(parties.length + 1));

  // Mediation: when, where, who mediates.
  const mediationAt = stepValue(detail, 'mediationDate', step);
  set('mediation.day', mediationAt ? safe(() => formatDateWithDay(mediationAt), mediationAt) : '');
  const time = /T(\d{2}:\d{2})/.exec(mediationAt)?.[1];
  set('mediation.time', time ? `${formatTime(time)} ${OFFICE_TIME_ZONES[tz].label} s.d. selesai` : '');
  set('mediation.place', stepValue(detail, 'mediationPlace', step));
  const mediator = stepValue(detail, 'mediatorName', step);
  const certificate = stepValue(detail, 'mediatorCertificate', step);
  const mediatorOrg = stepValue(detail, 'mediatorOrganization', step);
  set('mediator.name', mediator);
  set('mediator.line', [mediator, certificate ? `sertifikat nomor ${certificate}` : '', mediatorOrg].filter(Boolean).join(', '));
  set('mediator.clause', mediator ? `, dengan mediator ${values['mediator.line']}` : '');
  set('mediation.agreed', step?.outcome === 'tidak_sepakat' ? '' : 'ya');

  const items = (kind: string) => detail.items.filter((i) => i.kind === kind).sort((a, b) => a.seq - b.seq);
  const sessions = items('mediation_session');
  lists.sessions = sessions.map((s, i) => {
    const raw = String(s.data.date ?? '');
    const d = sessionDate(raw);
    const t = /(\d{2})[:.](\d{2})\s*$/.exec(raw);
    return {
      no: String(i + 1),
      date: d ? `${formatDateWithDay(d)}${t ? `, ${t[1]}.${t[2]}` : ''}` : raw,
      place: String(s.data.place ?? ''),
      attendees: String(s.data.attendees ?? ''),
      outcome: String(s.data.outcome ?? ''),
    };
  });
  set('sessions.countWords', numberWithWords(sessions.length));
  const last = sessions.at(-1);
  const lastDate = last ? sessionDate(String(last.data.date ?? '')) : null;
  const sessionDay = lastDate ?? date;
  set('session.dateWords', formatDateInWords(sessionDay));
  set('session.dateNumeric', formatDateNumeric(sessionDay));
  set('session.place', last ? String(last.data.place ?? '') : values['mediation.place']);

  lists.agreementPoints = items('agreement_point').map((a, i) => {
    const responsible = String(a.data.responsible ?? '');
    const due = typeof a.data.dueDate === 'string' ? safe(() => formatDate(a.data.dueDate as string), '') : '';
    const detailClause = [responsible ? `penanggung jawab: ${responsible}` : '', due ? `paling lambat ${due}` : ''].filter(Boolean).join('; ');
    return {
      no: String(i + 1),
      text: String(a.data.text ?? ''),
      detailClause: detailClause ? ` (${detailClause})` : '',
      status: vocabLabel(agreementStatuses, a.status),
    };
  });

  lists.monitoringVisits = items('monitoring_visit').map((v, i) => ({
    no: String(i + 1),
    planned: typeof v.data.plannedDate === 'string' ? safe(() => formatDate(v.data.plannedDate as string), '') : '',
    done: typeof v.data.doneDate === 'string' ? safe(() => formatDate(v.data.doneDate as string), '') : v.status === 'missed' ? 'Tidak terlaksana' : '',
    result: String(v.data.result ?? ''),
  }));

  const institutions = input.institutions ?? new Map<string, InstitutionInfo>();
  lists.referrals = items('referral').map((r, i) => ({
    no: String(i + 1),
    institution: institutions.get(String(r.data.institutionId ?? ''))?.name ?? '',
    reason: String(r.data.reason ?? ''),
    status: vocabLabel(referralStatuses, r.status),
  }));
  const ref = input.referral;
  const inst = ref ? institutions.get(String(ref.data.institutionId ?? '')) : undefined;
  set('referral.institution', inst?.name);
  set('referral.place', inst?.address || 'Tempat');
  set('referral.reason', ref ? String(ref.data.reason ?? '') : '');
  set('referral.note', ref ? String(ref.data.note ?? '') : '');

  // Outreach (Surat Perintah Tugas): the officer, and their NIP when they are on the staff.
  const officer = stepValue(detail, 'outreachOfficer', step);
  const staffMember = officer ? input.staff?.find((u) => u.fullName.trim().toLowerCase() === officer.trim().toLowerCase()) : undefined;
  set('outreach.officer', officer);
  set('outreach.officerNip', staffMember?.nip);
  set('outreach.officerPosition', staffMember?.position);
  const outreachDate = stepValue(detail, 'outreachDate', step);
  set('outreach.day', outreachDate ? safe(() => formatDateWithDay(outreachDate), outreachDate) : '');

  // Steps done so far (the handling report).
  lists.stepsDone = detail.steps
    .filter((s) => s.status === 'done' && s.completedAt)
    .map((s, i) => ({ no: String(i + 1), date: formatDate(localDateOf(new Date(s.completedAt!), tz)), label: s.label, by: s.completedBy ?? '' }));

  // Termination: the step that starts post-termination monitoring, or the decision that closes the case.
  const terminationDef =
    def.steps.find((s) => s.monitoringMonths) ?? def.steps.find((s) => s.outcomes?.some((o) => o.closes === 'completed') && detail.steps.find((x) => x.code === s.code)?.status === 'done');
  const termination = terminationDef ? detail.steps.find((s) => s.code === terminationDef.code) : undefined;
  const terminatedAt = termination?.completedAt ?? detail.closedAt;
  set('termination.date', terminatedAt ? formatDate(localDateOf(new Date(terminatedAt), tz)) : '');
  set('termination.reason', mainText(terminationDef, termination));

  set('complaint.subject', stepValue(detail, 'subject'));

  // Who signs a berita acara: every party (a child through a parent or guardian), the
  // companions, the mediator, the witnesses, and the officer who wrote it.
  const signatories: Row[] = [];
  const signedBy = new Set<string>();
  parties.forEach((p, i) => {
    const ordinal = `Pihak ${capitalise(ordinalWord(i + 1))}`;
    if (p.isChild) {
      const rep = representativeOf(p);
      if (rep) signedBy.add(rep.personId);
      signatories.push({ caption: `${ordinal}, orang tua/wali dari anak ${initialsOf(p.fullName)}`, name: rep?.fullName ?? '' });
    } else {
      signatories.push({ caption: ordinal, name: p.fullName });
    }
  });
  for (const c of byRole('companion')) {
    if (signedBy.has(c.personId)) continue;
    const of = parties.findIndex((p) => p.personId === c.companionOf);
    signatories.push({ caption: of >= 0 ? `Pendamping Pihak ${capitalise(ordinalWord(of + 1))}` : 'Pendamping', name: c.fullName });
  }
  if (mediator) signatories.push({ caption: 'Mediator', name: mediator });
  for (const w of byRole('witness')) signatories.push({ caption: 'Saksi', name: w.fullName });
  signatories.push({ caption: author.position || 'Pendamping', name: author.fullName });
  lists.signatories = signatories;

  return { values, lists };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
