import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';

/** The current time, moving on every `everyMs`: time-left figures stay true on an open screen. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** A stretch of time in the largest unit that reads naturally: minutes, then hours, then days. */
export function useSpanText(): (ms: number) => string {
  const { t } = useTranslation();
  return (ms) => {
    const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
    if (minutes < 60) return t('cases.minutes', { count: minutes });
    const hours = Math.round(minutes / 60);
    if (hours < 48) return t('cases.hours', { count: hours });
    return t('cases.days', { count: Math.round(hours / 24) });
  };
}

/**
 * Time left before a case's next deadline, or "Terlambat" in red once it has passed. The core
 * says whether a case is overdue; the time shown only counts on from its deadline.
 */
export function DueText({ dueAt, overdue, now }: { dueAt: string | null; overdue: boolean; now: number }) {
  const { t } = useTranslation();
  const span = useSpanText();
  if (!dueAt) {
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  }
  const left = new Date(dueAt).getTime() - now;
  if (overdue || left <= 0) {
    return (
      <Text span size="sm" c="red.7" fw={700} title={formatDateTime(dueAt)} data-overdue="true">
        {t('cases.overdue')}
        {left < 0 && (
          <Text span size="xs" fw={400}>
            {' '}
            ({t('cases.overdueBy', { span: span(left) })})
          </Text>
        )}
      </Text>
    );
  }
  return (
    <Text span size="sm" title={formatDateTime(dueAt)}>
      {t('cases.left', { span: span(left) })}
    </Text>
  );
}
