import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';

/**
 * "1–50 of 1.234" and previous/next, under a paged list. When the core stopped counting at
 * `cap`, the total shows as "cap+" and "next" stays on while pages are full.
 */
export function Pager(props: {
  page: number;
  pageSize: number;
  rows: number;
  total: number;
  cap?: number;
  /** What the rows are, in the range line ("1–50 of 120 cases"). */
  range: 'cases.range' | 'letters.range';
  onPage: (page: number) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { page, pageSize, rows, total, cap } = props;
  const number = (n: number) => new Intl.NumberFormat(currentLanguage() === 'id' ? 'id-ID' : 'en-GB').format(n);
  const capped = cap !== undefined && total > cap;
  const firstRow = (page - 1) * pageSize + 1;
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed" data-testid={props.testId}>
        {t(props.range, { from: number(firstRow), to: number(firstRow + rows - 1), total: capped ? `${number(cap)}+` : number(total) })}
      </Text>
      <Group gap="xs">
        <Button variant="default" size="xs" disabled={page <= 1} onClick={() => props.onPage(page - 1)}>
          {t('cases.previous')}
        </Button>
        <Text size="sm">{t('cases.page', { page })}</Text>
        <Button
          variant="default"
          size="xs"
          disabled={capped ? rows < pageSize : firstRow + rows - 1 >= total}
          onClick={() => props.onPage(page + 1)}
        >
          {t('cases.next')}
        </Button>
      </Group>
    </Group>
  );
}
