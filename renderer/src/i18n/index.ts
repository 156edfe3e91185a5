import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { MethodName } from '../../../electron/core/api/contract';
import { caseworkEn } from './casework.en';
import { caseworkId } from './casework.id';
import { docSettingsEn } from './docsettings.en';
import { docSettingsId } from './docsettings.id';
import { documentsEn } from './documents.en';
import { documentsId } from './documents.id';
import { en } from './en';
import { id } from './id';
import { intakeEn } from './intake.en';
import { intakeId } from './intake.id';
import { lanEn } from './lan.en';
import { lanId } from './lan.id';
import { reportsEn } from './reports.en';
import { reportsId } from './reports.id';

export const languages = ['id', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'teduh.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof id & typeof intakeId & typeof caseworkId & typeof lanId & typeof docSettingsId & typeof documentsId & typeof reportsId };
  }
}

/** The audit trail's name for an API method, in the current language (the method itself if unnamed). */
export function auditActionLabel(action: MethodName | string): string {
  const key = action.replaceAll('.', '_') as keyof typeof id.audit.actions;
  return i18next.t(`audit.actions.${key}`, { defaultValue: action });
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(storageKey);
    return isLanguage(value) ? value : 'id';
  } catch {
    return 'id';
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'id';
}

/** The language is a per-computer preference, so it lives in localStorage, not in the register. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Storage unavailable: the choice lasts for this window only.
  }
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

export function initI18n(): typeof i18next {
  const lng = storedLanguage();
  document.documentElement.lang = lng;
  void i18next.use(initReactI18next).init({
    resources: { id: { translation: { ...id, ...intakeId, ...caseworkId, ...lanId, ...docSettingsId, ...documentsId, ...reportsId } }, en: { translation: { ...en, ...intakeEn, ...caseworkEn, ...lanEn, ...docSettingsEn, ...documentsEn, ...reportsEn } } },
    lng,
    fallbackLng: 'id',
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return i18next;
}
