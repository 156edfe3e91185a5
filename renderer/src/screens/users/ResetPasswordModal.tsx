import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { useSession } from '../../api/queries';
import { PasswordPair } from '../../components/PasswordPair';
import { validators } from '../../components/validators';
import { UserActionModal } from './UserActionModal';

/** Gives a user a temporary password, which they must change at their next login. */
export function ResetPasswordModal({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const v = validators(t);
  const { data: session } = useSession();
  const form = useForm({
    initialValues: { temporaryPassword: '', confirm: '' },
    validate: {
      temporaryPassword: v.password,
      confirm: v.sameAs((values: { temporaryPassword: string }) => values.temporaryPassword),
    },
  });
  return (
    <UserActionModal
      user={user}
      onClose={onClose}
      form={form}
      title={(username) => t('users.resetTitle', { username })}
      explain={t('users.resetExplain')}
      confirmLabel={t('users.resetConfirm')}
      done={(username) => t('users.reset', { username })}
      act={(u, { temporaryPassword }) => call('users.resetPassword', { id: u.id, version: u.version, temporaryPassword })}
    >
      <PasswordPair
        form={form}
        path="temporaryPassword"
        confirmPath="confirm"
        label={t('users.temporaryPassword')}
        confirmLabel={t('user.passwordConfirm')}
        autoFocus
        context={{ username: user?.username, fullName: user?.fullName, officeName: session?.officeName }}
      />
    </UserActionModal>
  );
}
