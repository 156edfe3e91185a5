import { Modal, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../electron/core/api/contract';
import { roles, type Role } from '../../../../electron/core/api/roles';
import { call } from '../../api/client';
import { keys, useSession, useUsers } from '../../api/queries';
import { FormActions } from '../../components/FormActions';
import { useApiSubmit } from '../../components/useApiSubmit';
import { useEditBase } from '../../components/useEditBase';
import { validators } from '../../components/validators';
import { PasswordField } from '../../components/PasswordField';
import { PasswordStrengthMeter } from '../../components/PasswordStrengthMeter';

interface Values {
  username: string;
  fullName: string;
  role: Role;
  nip: string;
  position: string;
  rank: string;
  initialPassword: string;
}

const blank: Values = {
  username: '',
  fullName: '',
  role: 'front_desk',
  nip: '',
  position: '',
  rank: '',
  initialPassword: '',
};

function valuesOf(user: UserView): Values {
  const { username, fullName, role, nip, position, rank } = user;
  return { username, fullName, role, nip, position, rank, initialPassword: '' };
}

interface Props {
  opened: boolean;
  /** The user to edit; null creates one. */
  userId: string | null;
  onClose: () => void;
}

/** Creates a user or edits one, naming the version it read. */
export function UserFormModal({ opened, userId, onClose }: Props) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const client = useQueryClient();
  const users = useUsers();
  const v = validators(t);
  const user = userId ? (users.data?.find((u) => u.id === userId) ?? null) : null;
  const editing = userId !== null;

  const form = useForm<Values>({
    initialValues: blank,
    validate: {
      username: (value) => (editing ? null : v.username(value)),
      fullName: v.required,
      nip: v.nip,
      initialPassword: (value) => (editing ? null : v.password(value)),
    },
  });

  const base = useEditBase(form, user, valuesOf, opened && editing);

  // A new user starts from a blank form at each opening.
  useEffect(() => {
    if (!opened || editing) return;
    form.setValues(blank);
    form.resetDirty(blank);
    form.clearErrors();
  }, [opened, editing]);

  useEffect(() => {
    if (opened) submit.setError(null);
  }, [opened, userId]);

  const submit = useApiSubmit(
    form,
    async (values) => {
      const { username, initialPassword, ...fields } = values;
      if (editing) {
        if (!user || base.version === null) return;
        const saved = await call('users.update', { id: user.id, version: base.version, ...fields });
        notifications.show({ color: 'teal', message: t('users.updated', { username: saved.username }) });
      } else {
        const created = await call('users.create', { username, initialPassword, ...fields });
        notifications.show({
          color: 'teal',
          message: t('users.created', { username: created.username }),
          autoClose: 10_000,
        });
      }
      await client.invalidateQueries({ queryKey: keys.users });
      onClose();
    },
    {
      display: 'inline',
      onConflict: async () => {
        // Someone else saved first: load their version into the form, never overwrite it.
        await client.refetchQueries({ queryKey: keys.users });
        const fresh = client.getQueryData<UserView[]>(keys.users)?.find((u) => u.id === userId);
        if (fresh) base.load(fresh);
        else onClose();
      },
    },
  );

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={editing ? t('users.editTitle') : t('users.createTitle')}
      size="lg"
    >
      <form onSubmit={form.onSubmit(submit.run)} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('user.username')}
            required={!editing}
            disabled={editing}
            data-autofocus={!editing || undefined}
            autoComplete="off"
            key={form.key('username')}
            {...form.getInputProps('username')}
          />
          <TextInput
            label={t('user.fullName')}
            required
            data-autofocus={editing || undefined}
            key={form.key('fullName')}
            {...form.getInputProps('fullName')}
          />
          <NativeSelect
            label={t('user.role')}
            required
            data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            key={form.key('role')}
            {...form.getInputProps('role')}
          />
          <TextInput
            label={t('user.nip')}
            description={t('user.nipHint')}
            inputMode="numeric"
            maxLength={18}
            key={form.key('nip')}
            {...form.getInputProps('nip')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('user.position')} key={form.key('position')} {...form.getInputProps('position')} />
            <TextInput label={t('user.rank')} key={form.key('rank')} {...form.getInputProps('rank')} />
          </SimpleGrid>
          {!editing && (
            <PasswordField
              label={t('users.initialPassword')}
              description={t('users.initialPasswordHint')}
              required
              autoComplete="new-password"
              key={form.key('initialPassword')}
              {...form.getInputProps('initialPassword')}
            />
          )}
          {!editing && (
            <PasswordStrengthMeter
              password={form.values.initialPassword}
              context={{ username: form.values.username, fullName: form.values.fullName, officeName: session?.officeName }}
            />
          )}
          <FormActions submit={submit} label={t('common.save')} onCancel={onClose} mt="xs" />
        </Stack>
      </form>
    </Modal>
  );
}
