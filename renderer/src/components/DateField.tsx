import '@mantine/dates/styles.css';
import 'dayjs/locale/id';
import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { officeToday } from '../i18n/format';

/** Today as 'YYYY-MM-DD' on the office's calendar. */
export function todayIso(now: Date = new Date()): string {
  return officeToday(now);
}

function isoIfReal(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * What an officer types: day first ("12/05/1990", "12-5-1990", "12.05.1990", "12051990") or
 * ISO. Half-typed dates give null, so the value never jumps to year 19 while the year is
 * still being typed.
 */
export function parseTypedDate(input: string): string | null {
  const text = input.trim();
  let m = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(text);
  if (m) return isoIfReal(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (m) return isoIfReal(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return isoIfReal(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/**
 * The one date input: typed day-first like on Indonesian forms, or picked from a calendar
 * in the user's language; its value is 'YYYY-MM-DD' (or null), as the API takes it.
 */
export function DateField(props: Omit<DateInputProps, 'dateParser' | 'valueFormat'>) {
  const { i18n, t } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'id';
  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>
      <DateInput
        valueFormat="DD/MM/YYYY"
        dateParser={parseTypedDate}
        placeholder={t('intake.dateFormat')}
        popoverProps={{ withinPortal: true }}
        // Tab goes from field to field; the clear button is for the mouse (the keyboard deletes the text).
        clearButtonProps={{ tabIndex: -1 }}
        {...props}
      />
    </DatesProvider>
  );
}
