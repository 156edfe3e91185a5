import { Modal, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import type { UserView } from '../../../../electron/core/api/contract';
import { keys, useUsers } from '../../api/queries';
import { FormActions } from '../../components/FormActions';
import { useApiSubmit } from '../../components/useApiSubmit';

/**
 * The one shell of the administrator's actions on a user account (deactivate, reset the
 * password): it acts on the account as it is now (the version last loaded), says what
 * happened, and on a stale version reloads the list instead of overwriting.
 */
export function UserActionModal<V extends Record<string, unknown>>(props: {
  user: UserView | null;
  onClose: () => void;
  form: UseFormReturnType<V>;
  title: (username: string) => string;
  explain: string;
  confirmLabel: string;
  confirmColor?: string;
  done: (username: string) => string;
  act: (user: UserView, values: V) => Promise<unknown>;
  children: ReactNode;
}) {
  const client = useQueryClient();
  const users = useUsers();
  const { user: target, onClose, form } = props;
  const user = target ? (users.data?.find((u) => u.id === target.id) ?? target) : null;

  const submit = useApiSubmit(
    form,
    async (values: V) => {
      if (!user) return;
      await props.act(user, values);
      notifications.show({ color: 'teal', message: props.done(user.username) });
      await client.invalidateQueries({ queryKey: keys.users });
      onClose();
    },
    { display: 'inline', onConflict: () => client.refetchQueries({ queryKey: keys.users }) },
  );

  useEffect(() => {
    form.reset();
    submit.setError(null);
  }, [target?.id]);

  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? props.title(user.username) : ''}>
      <form onSubmit={form.onSubmit(submit.run)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{props.explain}</Text>
          {props.children}
          <FormActions submit={submit} label={props.confirmLabel} color={props.confirmColor} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
