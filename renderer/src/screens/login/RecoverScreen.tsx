import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { call } from '../../api/client';
import { CenteredPage } from '../../components/CenteredPage';
import { FormError } from '../../components/FormError';
import { PasswordPair } from '../../components/PasswordPair';
import { useApiSubmit } from '../../components/useApiSubmit';
import { validators } from '../../components/validators';

export const recoverPath = '/recover';

/** Resets an administrator's password with the printed recovery code. */
export function RecoverScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const v = validators(t);

  const form = useForm({
    initialValues: { recoveryCode: '', username: '', newPassword: '', confirm: '' },
    validate: {
      recoveryCode: v.required,
      username: v.username,
      newPassword: v.password,
      confirm: v.sameAs((values: { newPassword: string }) => values.newPassword),
    },
  });

  const submit = useApiSubmit(
    form,
    async ({ recoveryCode, username, newPassword }) => {
      await call('auth.recover', { recoveryCode, username, newPassword });
      navigate('/', { replace: true, state: { notice: 'recovered' } });
    },
    {
      display: 'inline',
      overrides: { WRONG_PASSWORD: t('recover.wrongCode'), FORBIDDEN: t('recover.notAdmin') },
    },
  );

  return (
    <CenteredPage title={t('recover.title')}>
      <Text size="sm">{t('recover.intro')}</Text>
      <form onSubmit={form.onSubmit(submit.run)} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('recover.code')}
            required
            autoFocus
            autoComplete="off"
            spellCheck={false}
            ff="monospace"
            placeholder="XXXXX-XXXXX-XXXXX-XXXXX-XXXXX"
            key={form.key('recoveryCode')}
            {...form.getInputProps('recoveryCode')}
          />
          <TextInput
            label={t('recover.username')}
            required
            autoComplete="username"
            key={form.key('username')}
            {...form.getInputProps('username')}
          />
          <PasswordPair
            form={form}
            path="newPassword"
            confirmPath="confirm"
            label={t('recover.newPassword')}
            confirmLabel={t('recover.confirm')}
            description={t('user.passwordHint')}
            context={{ username: form.values.username }}
          />
          <FormError message={submit.error} />
          <Button type="submit" loading={submit.pending} fullWidth mt="xs">
            {t('recover.submit')}
          </Button>
          <Text size="sm" ta="center">
            <Anchor component={Link} to="/">
              {t('recover.backToLogin')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </CenteredPage>
  );
}
