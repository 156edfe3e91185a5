import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { SessionView } from '../../../../electron/core/api/contract';
import { call, isApiCallError } from '../../api/client';
import { keys } from '../../api/queries';
import { setProblemScreenPassed } from '../problem/RegisterProblemScreen';
import { noticeAtStart, type LoginNotice } from '../../app/sessionEnd';
import { CenteredPage } from '../../components/CenteredPage';
import { FormError } from '../../components/FormError';
import { useApiSubmit } from '../../components/useApiSubmit';
import { validators } from '../../components/validators';
import { recoverPath } from './RecoverScreen';
import { PasswordField } from '../../components/PasswordField';

const noticeKeys = {
  idle: 'login.lockedIdle',
  manual: 'login.lockedManual',
  expired: 'login.sessionExpired',
  logout: 'login.loggedOut',
  recovered: 'login.recovered',
} as const satisfies Record<LoginNotice, string>;

/** Seconds left until `until`, ticking once a second. */
function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

export function LoginScreen({ onLoggedIn }: { onLoggedIn: (session: SessionView) => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const v = validators(t);
  const stateNotice = (location.state as { notice?: LoginNotice } | null)?.notice;
  const notice = stateNotice ?? noticeAtStart;
  const [retryUntil, setRetryUntil] = useState<number | null>(null);
  const secondsLeft = useCountdown(retryUntil);
  const waiting = secondsLeft > 0;

  const client = useQueryClient();
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: { username: v.required, password: v.loginPassword },
  });

  const submit = useApiSubmit(
    form,
    async (values) => {
      setRetryUntil(null);
      const result = await call('auth.login', values);
      onLoggedIn(result.session);
    },
    {
      display: 'inline',
      overrides: { FORBIDDEN: t('login.accountInactive') },
      onError: (e) => {
        if (isApiCallError(e, 'RATE_LIMITED') && e.retryAfter) setRetryUntil(Date.now() + e.retryAfter * 1000);
        // The login found the register rolled back or its file gone: the problem screen takes over.
        if (isApiCallError(e, 'REGISTER_PROBLEM')) {
          setProblemScreenPassed('locked', false);
          void client.invalidateQueries({ queryKey: keys.setupStatus });
        }
        form.setFieldValue('password', '');
      },
    },
  );

  return (
    <CenteredPage title={t('login.title')}>
      {notice && !submit.error && (
        <Alert color={notice === 'idle' || notice === 'manual' ? 'blue' : 'gray'} variant="light" role="status">
          {t(noticeKeys[notice])}
        </Alert>
      )}
      <form onSubmit={form.onSubmit(submit.run)} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('user.username')}
            required
            autoFocus
            autoComplete="username"
            key={form.key('username')}
            {...form.getInputProps('username')}
          />
          <PasswordField
            label={t('user.password')}
            required
            autoComplete="current-password"
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          {waiting ? (
            <FormError message={t('login.waitSeconds', { seconds: secondsLeft })} />
          ) : (
            <FormError message={submit.error} />
          )}
          <Button type="submit" loading={submit.pending} disabled={waiting} fullWidth mt="xs">
            {t('login.submit')}
          </Button>
          <Text size="sm" ta="center">
            <Anchor component={Link} to={recoverPath}>
              {t('login.forgot')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </CenteredPage>
  );
}
