import type { TFunction } from 'i18next';
import { passwordSchema, usernameSchema } from '../../../electron/core/api/contract';

/**
 * Checks run before sending, so the user gets a message in their language at once. They
 * reuse the contract's own schemas where it exports them, so the two sides cannot disagree.
 */
export function validators(t: TFunction) {
  return {
    required: (value: string) => (value.trim() ? null : t('validation.required')),
    username: (value: string) => (usernameSchema.safeParse(value).success ? null : t('validation.username')),
    password: (value: string) => (passwordSchema.safeParse(value).success ? null : t('validation.password')),
    loginPassword: (value: string) => (value ? null : t('validation.required')),
    nip: (value: string) => (/^(\d{18})?$/.test(value.trim()) ? null : t('validation.nip')),
    postcode: (value: string) => (/^(\d{5})?$/.test(value.trim()) ? null : t('validation.postcode')),
    email: (value: string) =>
      !value.trim() || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? null : t('validation.email'),
    sameAs:
      <V,>(other: (values: V) => string) =>
      (value: string, values: V) =>
        value === other(values) ? null : t('validation.passwordMismatch'),
  };
}
