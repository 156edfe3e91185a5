import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { keys, useUsers } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { PasswordPair } from '../../components/PasswordPair';
import { useApiSubmit } from '../../components/useApiSubmit';
import { validators } from '../../components/validators';

/** Gives a user a temporary password, which they must change at their next login. */
export function ResetPasswordModal({ user: target, onClose }: { user: UserView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const users = useUsers();
  const v = validators(t);
  const user = target ? (users.data?.find((u) => u.id === target.id) ?? target) : null;
  const form = useForm({
    initialValues: { temporaryPassword: '', confirm: '' },
    validate: {
      temporaryPassword: v.password,
      confirm: v.sameAs((values: { temporaryPassword: string }) => values.temporaryPassword),
    },
  });

  useEffect(() => {
    form.reset();
    submit.setError(null);
  }, [target?.id]);

  const submit = useApiSubmit(
    form,
    async ({ temporaryPassword }) => {
      if (!user) return;
      await call('users.resetPassword', { id: user.id, version: user.version, temporaryPassword });
      notifications.show({ color: 'teal', message: t('users.reset', { username: user.username }) });
      await client.invalidateQueries({ queryKey: keys.users });
      onClose();
    },
    { display: 'inline', onConflict: () => client.refetchQueries({ queryKey: keys.users }) },
  );

  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={user ? t('users.resetTitle', { username: user.username }) : ''}
    >
      <form onSubmit={form.onSubmit(submit.run)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('users.resetExplain')}</Text>
          <PasswordPair
            form={form}
            path="temporaryPassword"
            confirmPath="confirm"
            label={t('users.temporaryPassword')}
            confirmLabel={t('user.passwordConfirm')}
            autoFocus
          />
          <FormError message={submit.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submit.pending}>
              {t('users.resetConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
