import { Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { FormError } from '../../components/FormError';
import { formatDateTime } from '../../i18n/format';
import { base64ToBytes, printDocx } from '../documents/docx';
import classes from './RecoveryCodeSheet.module.css';

interface Props {
  officeName: string;
  code: string;
  createdAt: Date;
  onContinue: () => void;
}

/**
 * The recovery code, shown this once. Printing prints the office's recovery-code sheet on its
 * letterhead (made by the core from the code, checked against the register, never stored),
 * not the window.
 */
export function RecoveryCodeSheet({ officeName, code, createdAt, onContinue }: Props) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [printError, setPrintError] = useState<unknown>(null);

  async function print() {
    setPrinting(true);
    setPrintError(null);
    try {
      const sheet = await call('documents.recoverySheet', { recoveryCode: code });
      await printDocx(base64ToBytes(sheet.base64));
    } catch (e) {
      setPrintError(e);
    } finally {
      setPrinting(false);
    }
  }

  return (
    <Stack gap="md">
      <section className={classes.sheet} aria-labelledby="recovery-title">
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
      <FormError error={printError} />
      <Group justify="space-between">
        <Button variant="default" loading={printing} onClick={() => void print()}>
          {t('recovery.print')}
        </Button>
        <Checkbox
          label={t('recovery.confirm')}
          checked={stored}
          onChange={(e) => setStored(e.currentTarget.checked)}
          autoFocus
        />
      </Group>
      <Group justify="flex-end">
        <Button disabled={!stored} onClick={onContinue}>
          {t('recovery.continue')}
        </Button>
      </Group>
    </Stack>
  );
}
