import { formatDate, formatTime } from '../../i18n/format';

/** A moment without seconds: "22 November 2026 14.05". */
export function formatMoment(iso: string | null | undefined): string {
  if (!iso) return '';
  return `${formatDate(iso)} ${formatTime(iso)}`;
}
