import type { TFunction } from 'i18next';
import { ApiCallError } from './client';

export type ErrorOverrides = Partial<Record<ApiCallError['code'], string>>;

/**
 * The one error mapper: any thrown value -> a sentence for the user, in the current
 * language. Never shows a bare code or a stack. Call sites may word a code for their context
 * (e.g. FORBIDDEN at login means the account is inactive).
 */
export function describeError(error: unknown, t: TFunction, overrides: ErrorOverrides = {}): string {
  if (!(error instanceof ApiCallError)) return t('errors.INTERNAL');
  const special = overrides[error.code];
  if (special) return special;
  if (error.code === 'RATE_LIMITED' && error.retryAfter) {
    return t('login.waitSeconds', { seconds: error.retryAfter });
  }
  return t(`errors.${error.code}`);
}

/**
 * A field message from the core is written in Indonesian; in another language a neutral
 * sentence is shown instead (the form's own checks give specific wording before sending).
 */
export function describeFieldError(message: string, t: TFunction, language: string): string {
  return language === 'id' && message ? message : t('errors.fieldInvalid');
}
