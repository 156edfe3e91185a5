import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../electron/core/api/contract';
import { useCurrentSession, useUsers } from '../../api/queries';
import { LoadedList } from '../../components/LoadedList';
import { DeactivateUserModal } from './DeactivateUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';
import { ChangeKeyModal } from './ChangeKeyModal';
import { DataTable } from '../../components/DataTable';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: UserView }
  | { kind: 'deactivate'; user: UserView }
  | { kind: 'reset'; user: UserView }
  | { kind: 'changeKey' }
  | null;

/** Staff accounts: who may use the register, in which role. */
export function UsersScreen() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const users = useUsers();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('users.title')}
        </Title>
        <Group gap="xs">
          <Button variant="default" onClick={() => setDialog({ kind: 'changeKey' })}>
            {t('users.changeKey')}
          </Button>
          <Button onClick={() => setDialog({ kind: 'create' })}>{t('users.create')}</Button>
        </Group>
      </Group>

      <LoadedList query={users} rows={users.data}>
        {(list) => (
          <DataTable minWidth={800} highlightOnHover columns={[{ label: t('user.username') }, { label: t('user.fullName') }, { label: t('user.role') }, { label: t('users.status') }, { label: t('users.mustChange') }, { label: t('common.actions') }]}>
            {list.map((user) => {
              const self = user.id === session.user.id;
              return (
                <Table.Tr key={user.id} data-testid={`user-row-${user.username}`}>
                  <Table.Td ff="monospace">{user.username}</Table.Td>
                  <Table.Td>
                    {user.fullName}
                    {self && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({t('users.you')})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }} miw={96}>
                    {user.active ? (
                      <Badge color="teal" variant="light">
                        {t('users.active')}
                      </Badge>
                    ) : (
                      <Badge color="gray" variant="light" title={user.deactivationReason ?? undefined}>
                        {t('users.inactive')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{user.mustChangePassword ? t('users.mustChangeYes') : ''}</Table.Td>
                  <Table.Td>
                    {user.active && (
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="default"
                          aria-label={`${t('users.edit')} ${user.username}`}
                          onClick={() => setDialog({ kind: 'edit', user })}
                        >
                          {t('users.edit')}
                        </Button>
                        {!self && (
                          <>
                            <Button
                              size="compact-xs"
                              variant="default"
                              aria-label={`${t('users.resetPassword')} ${user.username}`}
                              onClick={() => setDialog({ kind: 'reset', user })}
                            >
                              {t('users.resetPassword')}
                            </Button>
                            <Button
                              size="compact-xs"
                              variant="light"
                              color="red"
                              aria-label={`${t('users.deactivate')} ${user.username}`}
                              onClick={() => setDialog({ kind: 'deactivate', user })}
                            >
                              {t('users.deactivate')}
                            </Button>
                          </>
                        )}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </DataTable>
        )}
      </LoadedList>

      <UserFormModal
        opened={dialog?.kind === 'create' || dialog?.kind === 'edit'}
        userId={dialog?.kind === 'edit' ? dialog.user.id : null}
        onClose={close}
      />
      <DeactivateUserModal user={dialog?.kind === 'deactivate' ? dialog.user : null} onClose={close} />
      <ResetPasswordModal user={dialog?.kind === 'reset' ? dialog.user : null} onClose={close} />
      <ChangeKeyModal opened={dialog?.kind === 'changeKey'} onClose={close} />
    </Stack>
  );
}
