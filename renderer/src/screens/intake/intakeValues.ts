import type { TFunction } from 'i18next';
import type { IntakeInput, PersonInput, ServiceView } from '../../../../electron/core/api/contract';
import { todayIso } from '../../components/DateField';

type Definition = ServiceView['definition'];
export type ServiceKind = Definition['kind'];
type Reporter = NonNullable<IntakeInput['reporter']>;
type Incident = NonNullable<IntakeInput['incident']>;
type Consent = NonNullable<IntakeInput['consent']>;

export interface PersonValues {
  /** Keeps a person's inputs attached to them when another one is removed from the list. */
  key: string;
  /** Set when the officer chose a person already in the register; '' records a new person. */
  existingPersonId: string;
  fullName: string;
  nik: string;
  kkNo: string;
  phone: string;
  birthPlace: string;
  birthDate: string | null;
  sex: NonNullable<PersonInput['sex']> | '';
  occupation: NonNullable<PersonInput['occupation']> | '';
  /** A victim's, for SIMFONI; '' is not known. */
  education: NonNullable<PersonInput['education']> | '';
  maritalStatus: NonNullable<PersonInput['maritalStatus']> | '';
  relation: NonNullable<Reporter['relation']> | '';
  disability: boolean;
  disabilityNote: string;
  region: string;
  rt: string;
  rw: string;
  address: string;
}

export interface IntakeValues {
  channel: IntakeInput['channel'] | '';
  riskLevel: NonNullable<IntakeInput['riskLevel']>;
  reporterIsVictim: boolean;
  reporter: PersonValues;
  victims: PersonValues[];
  perpetrators: PersonValues[];
  incident: {
    date: string | null;
    place: NonNullable<Incident['place']> | '';
    region: string;
    rt: string;
    rw: string;
    address: string;
  };
  violenceTypes: NonNullable<IntakeInput['violenceTypes']>;
  chronology: string;
  needs: NonNullable<IntakeInput['needs']>;
  consent: { givenBy: Consent['givenBy'] | ''; name: string; date: string | null; note: string };
}

export type PersonRole = 'reporter' | 'victim' | 'perpetrator';

export type IntakeSection = 'risk' | 'reporter' | 'victims' | 'perpetrators' | 'incident' | 'violence' | 'chronology' | 'needs' | 'consent';

/**
 * Which parts of the intake a kind of service asks for. A complaint about the service itself
 * needs only who complains, how it came in and what it says; a violence case needs all.
 */
export const sectionsByKind: Record<ServiceKind, readonly IntakeSection[]> = {
  case: ['risk', 'reporter', 'victims', 'perpetrators', 'incident', 'violence', 'chronology', 'needs', 'consent'],
  service_complaint: ['reporter', 'chronology'],
};

let keySeq = 0;
function newKey(): string {
  keySeq += 1;
  return `p${Date.now().toString(36)}${keySeq}`;
}

export function blankPerson(): PersonValues {
  return {
    key: newKey(),
    existingPersonId: '',
    fullName: '',
    nik: '',
    kkNo: '',
    phone: '',
    birthPlace: '',
    birthDate: null,
    sex: '',
    occupation: '',
    education: '',
    maritalStatus: '',
    relation: '',
    disability: false,
    disabilityNote: '',
    region: '',
    rt: '',
    rw: '',
    address: '',
  };
}

export function blankIntake(definition: Definition): IntakeValues {
  const victims = sectionsByKind[definition.kind].includes('victims') ? [blankPerson()] : [];
  return {
    channel: (definition.channels[0] as IntakeValues['channel'] | undefined) ?? '',
    riskLevel: 'low',
    reporterIsVictim: false,
    reporter: blankPerson(),
    victims,
    perpetrators: [],
    incident: { date: null, place: '', region: '', rt: '', rw: '', address: '' },
    violenceTypes: [],
    chronology: '',
    needs: [],
    consent: { givenBy: '', name: '', date: todayIso(), note: '' },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function restorePerson(saved: unknown): PersonValues {
  return isRecord(saved) ? { ...blankPerson(), ...(saved as Partial<PersonValues>) } : blankPerson();
}

/** A saved draft laid over a blank form, so a draft written by an older form still opens. */
export function restoreIntake(saved: unknown, definition: Definition): IntakeValues {
  const blank = blankIntake(definition);
  if (!isRecord(saved)) return blank;
  const s = saved as Partial<IntakeValues>;
  return {
    ...blank,
    ...s,
    reporter: restorePerson(s.reporter),
    victims: Array.isArray(s.victims) ? s.victims.map(restorePerson) : blank.victims,
    perpetrators: Array.isArray(s.perpetrators) ? s.perpetrators.map(restorePerson) : [],
    incident: { ...blank.incident, ...(isRecord(s.incident) ? s.incident : {}) },
    consent: { ...blank.consent, ...(isRecord(s.consent) ? s.consent : {}) },
  };
}

/** What the intake draft holds: the form as typed, and the request id its registration will carry. */
export interface DraftData {
  serviceCode: string;
  /** Read by the dashboard's draft summary. */
  incidentDate?: string;
  requestId: string;
  form: IntakeValues;
}

export function readDraft(data: Record<string, unknown>): { serviceCode: string | null; requestId: string | null; form: unknown } {
  return {
    serviceCode: typeof data.serviceCode === 'string' ? data.serviceCode : null,
    requestId: typeof data.requestId === 'string' ? data.requestId : null,
    form: data.form,
  };
}

/** Whole years on a date; null when either date is missing or the birth comes after it. */
export function ageOn(birthDate: string | null, onDate: string): number | null {
  if (!birthDate || birthDate > onDate) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export const ADULT_AGE = 18;

/** The day ages are counted on: the incident, or today when its date is not known yet. */
export function referenceDate(values: IntakeValues): string {
  return values.incident.date ?? todayIso();
}

/** The victims of the case, the reporter included when they are the victim. */
export function victimsOf(values: IntakeValues): PersonValues[] {
  return values.reporterIsVictim ? [values.reporter, ...values.victims] : values.victims;
}

/** UU PDP art. 25: whether any victim was a child on the reference day. */
export function hasChildVictim(values: IntakeValues): boolean {
  const on = referenceDate(values);
  return victimsOf(values).some((v) => {
    const age = ageOn(v.birthDate, on);
    return age !== null && age < ADULT_AGE;
  });
}

/** A person as the API takes it (cases.register, cases.addPerson): empty choices left out. */
export function toPersonInput(p: PersonValues): PersonInput {
  return {
    ...(p.existingPersonId ? { existingPersonId: p.existingPersonId } : {}),
    fullName: p.fullName,
    nik: p.nik.trim(),
    kkNo: p.kkNo.trim(),
    phone: p.phone,
    birthPlace: p.birthPlace,
    ...(p.birthDate ? { birthDate: p.birthDate } : {}),
    ...(p.sex ? { sex: p.sex } : {}),
    region: p.region,
    rt: p.rt.trim(),
    rw: p.rw.trim(),
    address: p.address,
    ...(p.occupation ? { occupation: p.occupation } : {}),
    ...(p.education ? { education: p.education } : {}),
    ...(p.maritalStatus ? { maritalStatus: p.maritalStatus } : {}),
    disability: p.disability,
    disabilityNote: p.disability ? p.disabilityNote : '',
  };
}

/** The form as the API's intake input, with only the parts this kind of service asks for. */
export function toIntakeInput(
  values: IntakeValues,
  definition: Definition,
  ids: { requestId: string; draftId: string | null },
): IntakeInput {
  const has = (section: IntakeSection) => sectionsByKind[definition.kind].includes(section);
  const reporterIsVictim = has('victims') && values.reporterIsVictim;
  const withReporter = reporterIsVictim || values.reporter.fullName.trim() !== '';
  const relation = (p: PersonValues) => (p.relation ? { relation: p.relation } : {});
  const { consent, incident } = values;
  return {
    requestId: ids.requestId,
    ...(ids.draftId ? { draftId: ids.draftId } : {}),
    serviceCode: definition.code,
    channel: values.channel as IntakeInput['channel'],
    ...(has('risk') ? { riskLevel: values.riskLevel } : {}),
    reporterIsVictim,
    ...(withReporter ? { reporter: { ...toPersonInput(values.reporter), ...(reporterIsVictim ? {} : relation(values.reporter)) } } : {}),
    victims: has('victims') ? values.victims.map(toPersonInput) : [],
    perpetrators: has('perpetrators') ? values.perpetrators.map((p) => ({ ...toPersonInput(p), ...relation(p) })) : [],
    ...(has('incident')
      ? {
          incident: {
            ...(incident.date ? { date: incident.date } : {}),
            ...(incident.place ? { place: incident.place } : {}),
            region: incident.region,
            rt: incident.rt.trim(),
            rw: incident.rw.trim(),
            address: incident.address,
          },
        }
      : {}),
    violenceTypes: has('violence') ? values.violenceTypes : [],
    chronology: values.chronology,
    needs: has('needs') ? values.needs : [],
    ...(has('consent') && consent.givenBy
      ? { consent: { givenBy: consent.givenBy, name: consent.name, date: consent.date ?? '', note: consent.note } }
      : {}),
  };
}

const digitsOf = (n: number) => new RegExp(`^(\\d{${n}})?$`);

/**
 * Checks made before sending, in the user's language, at the input they concern. The core
 * checks everything again; its answers land on the same paths.
 */
export function validateIntake(values: IntakeValues, kind: ServiceKind, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  const sections = sectionsByKind[kind];
  const on = referenceDate(values);
  const checkPerson = (p: PersonValues, path: string, nameRequired: boolean) => {
    if (nameRequired && !p.fullName.trim()) errors[`${path}.fullName`] = t('validation.required');
    if (!digitsOf(16).test(p.nik.trim())) errors[`${path}.nik`] = t('intake.validation.nik');
    if (!digitsOf(16).test(p.kkNo.trim())) errors[`${path}.kkNo`] = t('intake.validation.kkNo');
    if (!/^(\+?[0-9 -]{6,20})?$/.test(p.phone.trim())) errors[`${path}.phone`] = t('intake.validation.phone');
    if (!/^(\d{1,3})?$/.test(p.rt.trim())) errors[`${path}.rt`] = t('intake.validation.rtRw');
    if (!/^(\d{1,3})?$/.test(p.rw.trim())) errors[`${path}.rw`] = t('intake.validation.rtRw');
    if (p.birthDate && p.birthDate > on) errors[`${path}.birthDate`] = t('intake.validation.bornAfterIncident');
  };

  if (!values.channel) errors.channel = t('validation.required');
  if (sections.includes('reporter')) {
    const asVictim = sections.includes('victims') && values.reporterIsVictim;
    checkPerson(values.reporter, 'reporter', asVictim);
  }
  if (sections.includes('victims')) {
    values.victims.forEach((v, i) => checkPerson(v, `victims.${i}`, true));
    if (!values.reporterIsVictim && values.victims.length === 0) errors.victims = t('intake.validation.victimNeeded');
  }
  if (sections.includes('perpetrators')) values.perpetrators.forEach((p, i) => checkPerson(p, `perpetrators.${i}`, true));
  if (sections.includes('incident')) {
    if (!/^(\d{1,3})?$/.test(values.incident.rt.trim())) errors['incident.rt'] = t('intake.validation.rtRw');
    if (!/^(\d{1,3})?$/.test(values.incident.rw.trim())) errors['incident.rw'] = t('intake.validation.rtRw');
  }
  if (sections.includes('chronology') && kind === 'service_complaint' && !values.chronology.trim()) {
    errors.chronology = t('validation.required');
  }
  if (sections.includes('consent')) {
    const { consent } = values;
    if (!consent.givenBy) errors['consent.givenBy'] = t('intake.validation.consentGiver');
    else if (consent.givenBy === 'victim' && hasChildVictim(values)) errors['consent.givenBy'] = t('intake.consentChild');
    if (!consent.name.trim()) errors['consent.name'] = t('validation.required');
    if (!consent.date) errors['consent.date'] = t('validation.required');
  }
  return errors;
}
