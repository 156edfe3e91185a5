import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileTarget } from '../../../../electron/core/api/contract';
import { ApiCallError, call, fileCall } from '../../api/client';
import { describeError } from '../../api/errors';
import { base64ToBytes, printDocx } from './docx';

/**
 * What can be done with a stored file besides looking at it: print it, open a temporary copy
 * in Word (wiped when the register locks or the app closes), or save a copy where the user
 * chooses, after a warning that the copy is not encrypted. Every one is recorded in the audit
 * trail by the core, with its purpose.
 */
export function useDocumentFiles(): {
  busy: boolean;
  print(id: string, versionNo?: number): Promise<void>;
  open(target: FileTarget): Promise<void>;
  save(target: FileTarget): void;
  /** The save warning; render it once where the hook is used. */
  modal: ReactNode;
} {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [saving, setSaving] = useState<FileTarget | null>(null);

  const fail = (error: unknown) => {
    // Messages about files come from the app itself, in Indonesian; other languages get the general wording.
    const specific = error instanceof ApiCallError && error.code !== 'UNAVAILABLE' && i18n.language === 'id' && error.message;
    notifications.show({ color: 'red', title: t('errors.title'), message: specific || describeError(error, t), autoClose: 10_000 });
  };

  async function run(task: () => Promise<void>): Promise<void> {
    setBusy(true);
    try {
      await task();
    } catch (e) {
      if (e instanceof ApiCallError && (e.code === 'UNAUTHENTICATED' || e.code === 'LOCKED')) return;
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  const print = (id: string, versionNo?: number) =>
    run(async () => {
      const file = await call('documents.content', { id, versionNo, purpose: 'print' });
      await printDocx(base64ToBytes(file.base64));
    });

  const open = (target: FileTarget) =>
    run(async () => {
      const { fileName } = await fileCall('open', { target });
      notifications.show({ color: 'teal', message: t('documents.files.opened', { fileName }), autoClose: 8000 });
    });

  const confirmSave = (target: FileTarget) =>
    run(async () => {
      setSaving(null);
      const result = await fileCall('save', { target });
      if (result.saved) notifications.show({ color: 'teal', message: t('documents.files.saved', { fileName: result.fileName }) });
    });

  const modal = (
    <Modal opened={saving !== null} onClose={() => setSaving(null)} title={t('documents.files.saveTitle')} centered>
      <Stack gap="md">
        <Alert color="orange" variant="light" title={t('documents.files.unencryptedTitle')}>
          <Text size="sm">{t('documents.files.unencryptedText')}</Text>
        </Alert>
        <Text size="sm" c="dimmed">
          {t('documents.files.auditNote')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setSaving(null)}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" onClick={() => saving && void confirmSave(saving)}>
            {t('documents.files.saveConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );

  return { busy, print, open, save: setSaving, modal };
}
