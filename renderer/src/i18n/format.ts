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
