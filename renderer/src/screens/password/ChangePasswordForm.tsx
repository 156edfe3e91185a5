import { Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { useSession } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { PasswordPair } from '../../components/PasswordPair';
import { useApiSubmit } from '../../components/useApiSubmit';
import { validators } from '../../components/validators';
import { PasswordField } from '../../components/PasswordField';

/** The user's own password change: at a forced first login, and from Settings. */
export function ChangePasswordForm({
  onChanged,
  autoFocus = false,
}: {
  onChanged: (session: SessionView) => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const v = validators(t);
  const { data: session } = useSession();
  const initialValues = { currentPassword: '', newPassword: '', confirm: '' };
  const form = useForm({
    initialValues,
    validate: {
      currentPassword: v.loginPassword,
      newPassword: (value, values) =>
        v.password(value) ?? (value === values.currentPassword ? t('validation.passwordSame') : null),
      confirm: v.sameAs((values: typeof initialValues) => values.newPassword),
    },
  });

  const submit = useApiSubmit(
    form,
    async ({ currentPassword, newPassword }) => {
      const session = await call('auth.changePassword', { currentPassword, newPassword });
      form.reset();
      onChanged(session);
    },
    { display: 'inline', overrides: { WRONG_PASSWORD: t('changePassword.wrongCurrent') } },
  );

  return (
    <form onSubmit={form.onSubmit(submit.run)} noValidate>
      <Stack gap="sm">
        <PasswordField
          label={t('changePassword.current')}
          required
          autoFocus={autoFocus}
          autoComplete="current-password"
          key={form.key('currentPassword')}
          {...form.getInputProps('currentPassword')}
        />
        <PasswordPair
          form={form}
          path="newPassword"
          confirmPath="confirm"
          label={t('changePassword.newPassword')}
          confirmLabel={t('changePassword.confirm')}
          description={t('user.passwordHint')}
          context={{ username: session?.user.username, fullName: session?.user.fullName, officeName: session?.officeName }}
        />
        <FormError message={submit.error} />
        <Button type="submit" loading={submit.pending} mt="xs">
          {t('changePassword.submit')}
        </Button>
      </Stack>
    </form>
  );
}
