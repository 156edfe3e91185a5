import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../../electron/core/api/contract';
import { endSession } from '../../app/sessionEnd';
import { CenteredPage } from '../../components/CenteredPage';
import { ChangePasswordForm } from './ChangePasswordForm';

/** The only screen a user with a temporary password can reach. */
export function ForcedPasswordChangeScreen({
  session,
  onChanged,
}: {
  session: SessionView;
  onChanged: (session: SessionView) => void;
}) {
  const { t } = useTranslation();
  return (
    <CenteredPage title={t('changePassword.title')}>
      <Text size="sm">
        <strong>{session.user.fullName}</strong> ({t(`roles.${session.user.role}`)})
      </Text>
      <Text size="sm">{t('changePassword.forcedIntro')}</Text>
      <ChangePasswordForm onChanged={onChanged} autoFocus />
      <Text size="sm" ta="center">
        <Anchor component="button" type="button" onClick={() => void endSession('logout')}>
          {t('shell.logout')}
        </Anchor>
      </Text>
    </CenteredPage>
  );
}
