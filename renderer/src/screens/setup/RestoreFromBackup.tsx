import { Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, fileCall } from '../../api/client';
import { keys } from '../../api/queries';
import { FormActions } from '../../components/FormActions';
import { useApiSubmit } from '../../components/useApiSubmit';
import { formatDateTime } from '../../i18n/format';

/**
 * On a PC with no register yet (a new or repaired computer): put the office's register back
 * from a backup file, opened with a password valid when it was made or the recovery code.
 * Then everyone logs in as before.
 */
export function RestoreFromBackup() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const form = useForm({
    initialValues: { path: '', secret: '' },
    validate: {
      path: (v) => (v.trim() ? null : t('restore.pathRequired')),
      secret: (v) => (v ? null : t('restore.secretRequired')),
    },
  });
  const submit = useApiSubmit(
    form,
    async ({ path, secret }) => {
      const r = await call('setup.restore', { path: path.trim(), secret });
      notifications.show({ color: 'teal', message: t('restore.done', { when: formatDateTime(r.backupCreatedAt) }), autoClose: 15_000 });
      if (r.auditBroken) notifications.show({ color: 'red', title: t('restore.auditBrokenTitle'), message: t('restore.auditBroken', { seq: r.auditBroken.seq }), autoClose: false });
      setOpen(false);
      // The app now has a register: the login screen follows.
      client.setQueryData(keys.setupStatus, { initialized: true, unlocked: false, problem: null });
    },
    { display: 'inline' },
  );

  async function choose() {
    try {
      const { path } = await fileCall('chooseBackup', {});
      if (path) form.setFieldValue('path', path);
    } catch {
      // no dialog here: the path is typed
    }
  }

  return (
    <>
      <Group justify="center">
        <Button variant="subtle" onClick={() => setOpen(true)}>
          {t('restore.open')}
        </Button>
      </Group>
      {/* Not dismissed while a restore runs: its answer must be seen. */}
      <Modal opened={open} onClose={() => !submit.pending && setOpen(false)} closeOnClickOutside={!submit.pending} withCloseButton={!submit.pending} title={t('restore.title')} size="lg">
        <form onSubmit={form.onSubmit(submit.run)} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('restore.intro')}</Text>
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <TextInput label={t('restore.path')} description={t('restore.pathHint')} style={{ flex: 1 }} maxLength={1000} data-autofocus {...form.getInputProps('path')} />
              <Button variant="default" onClick={() => void choose()}>
                {t('restore.choose')}
              </Button>
            </Group>
            <PasswordInput label={t('restore.secret')} description={t('restore.secretHint')} autoComplete="off" {...form.getInputProps('secret')} />
            <FormActions label={t('restore.submit')} submit={submit} onCancel={() => setOpen(false)} cancelDisabled={submit.pending} />
            {submit.pending && (
              <Text size="sm" c="dimmed" ta="right">
                {t('restore.checking')}
              </Text>
            )}
          </Stack>
        </form>
      </Modal>
    </>
  );
}
