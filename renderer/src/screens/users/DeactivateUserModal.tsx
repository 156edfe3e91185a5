import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { keys, useUsers } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { useApiSubmit } from '../../components/useApiSubmit';
import { validators } from '../../components/validators';

/** Deactivation needs a reason, and says plainly that the user's key to the register is deleted. */
export function DeactivateUserModal({ user: target, onClose }: { user: UserView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const users = useUsers();
  const v = validators(t);
  const user = target ? (users.data?.find((u) => u.id === target.id) ?? target) : null;
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: v.required } });

  useEffect(() => {
    form.reset();
    submit.setError(null);
  }, [target?.id]);

  const submit = useApiSubmit(
    form,
    async ({ reason }) => {
      if (!user) return;
      await call('users.deactivate', { id: user.id, version: user.version, reason });
      notifications.show({ color: 'teal', message: t('users.deactivated', { username: user.username }) });
      await client.invalidateQueries({ queryKey: keys.users });
      onClose();
    },
    { display: 'inline', onConflict: () => client.refetchQueries({ queryKey: keys.users }) },
  );

  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={user ? t('users.deactivateTitle', { username: user.username }) : ''}
    >
      <form onSubmit={form.onSubmit(submit.run)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('users.deactivateExplain')}</Text>
          <Textarea
            label={t('users.deactivateReason')}
            placeholder={t('users.deactivateReasonPlaceholder')}
            required
            data-autofocus
            autosize
            minRows={2}
            maxLength={300}
            key={form.key('reason')}
            {...form.getInputProps('reason')}
          />
          <FormError message={submit.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={submit.pending}>
              {t('users.deactivateConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
