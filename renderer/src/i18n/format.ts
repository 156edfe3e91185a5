import { currentLanguage } from './index';

const locales = { id: 'id-ID', en: 'en-GB' } as const;

/** The one date formatter: Indonesian dates by default ("22 November 2025 pukul 17.09"). */
export function formatDateTime(iso: string | Date, options: { withTime?: boolean } = {}): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return '';
  const { withTime = true } = options;
  return new Intl.DateTimeFormat(locales[currentLanguage()], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', second: '2-digit' } : {}),
  }).format(date);
}

/** A time of day, "14.05" in Indonesian. */
export function formatTime(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locales[currentLanguage()], { hour: '2-digit', minute: '2-digit' }).format(date);
}

/** A calendar date without the time ("22 November 2025"); takes 'YYYY-MM-DD' as the local day it names. */
export function formatDate(value: string): string {
  return formatDateTime(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00` : value, { withTime: false });
}
