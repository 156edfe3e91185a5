import { Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import classes from './RecoveryCodeSheet.module.css';

interface Props {
  officeName: string;
  code: string;
  createdAt: Date;
  onContinue: () => void;
}

/**
 * The recovery code, shown this once. The print stylesheet prints only the sheet itself
 * (office, date, code, instructions), never the rest of the window.
 */
export function RecoveryCodeSheet({ officeName, code, createdAt, onContinue }: Props) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);

  return (
    <Stack gap="md">
      <section className={`${classes.sheet} print-sheet`} aria-labelledby="recovery-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="recovery-title">
            {t('recovery.sheetTitle')}
          </Title>
          <Text size="sm">
            <strong>{t('recovery.office')}:</strong> {officeName}
          </Text>
          <Text size="sm">
            <strong>{t('recovery.date')}:</strong> {formatDateTime(createdAt)}
          </Text>
          <div className={classes.code} data-testid="recovery-code" aria-label={t('recovery.title')}>
            {code}
          </div>
          <Text size="sm">{t('recovery.intro')}</Text>
          <Text size="sm" fw={600}>
            {t('recovery.instructions')}
          </Text>
        </Stack>
      </section>
      <Group justify="space-between" className="no-print">
        <Button variant="default" onClick={() => window.print()}>
          {t('recovery.print')}
        </Button>
        <Checkbox
          label={t('recovery.confirm')}
          checked={stored}
          onChange={(e) => setStored(e.currentTarget.checked)}
          autoFocus
        />
      </Group>
      <Group justify="flex-end" className="no-print">
        <Button disabled={!stored} onClick={onContinue}>
          {t('recovery.continue')}
        </Button>
      </Group>
    </Stack>
  );
}
