import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { ReasonField } from '../../components/ReasonModal';
import { validators } from '../../components/validators';
import { UserActionModal } from './UserActionModal';

/** Deactivation needs a reason, and says plainly that the user's key to the register is deleted. */
export function DeactivateUserModal({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const v = validators(t);
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: v.required } });
  return (
    <UserActionModal
      user={user}
      onClose={onClose}
      form={form}
      title={(username) => t('users.deactivateTitle', { username })}
      explain={t('users.deactivateExplain')}
      confirmLabel={t('users.deactivateConfirm')}
      confirmColor="red"
      done={(username) => t('users.deactivated', { username })}
      act={(u, { reason }) => call('users.deactivate', { id: u.id, version: u.version, reason })}
    >
      <ReasonField form={form} label={t('users.deactivateReason')} placeholder={t('users.deactivateReasonPlaceholder')} maxLength={300} />
    </UserActionModal>
  );
}
