import { Button, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { HashRouter, Route, Routes } from 'react-router';
import type { SessionView } from '../../../electron/core/api/contract';
import { setSessionLostHandler } from '../api/client';
import { keys, setSession, staleOnChange, useSession, useSetupStatus } from '../api/queries';
import { CenteredPage } from '../components/CenteredPage';
import { FormError } from '../components/FormError';
import { Loading } from '../components/Loading';
import { initI18n } from '../i18n';
import { LoginScreen } from '../screens/login/LoginScreen';
import { RecoverScreen, recoverPath } from '../screens/login/RecoverScreen';
import { ForcedPasswordChangeScreen } from '../screens/password/ForcedPasswordChangeScreen';
import { SetupScreen } from '../screens/setup/SetupScreen';
import { RegisterProblemScreen, useProblemScreenPassed } from '../screens/problem/RegisterProblemScreen';
import { HideScreen } from './HideScreen';
import { endSession } from './sessionEnd';
import { Shell } from './Shell';
import { theme } from './theme';
import { useIdleLock } from './useIdleLock';
import { LanConnectionBanner } from '../screens/lan/LanConnectionBanner';

const i18n = initI18n();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

/** While someone is logged in: idle lock, session-loss handling, and refresh on change events. */
function SessionGuard({ session }: { session: SessionView }) {
  const client = useQueryClient();
  useIdleLock(session.idleLockMinutes);

  useEffect(() => {
    setSessionLostHandler(() => void endSession('expired'));
    return () => setSessionLostHandler(null);
  }, []);

  useEffect(() => {
    const unsubscribe = window.teduh?.subscribe((event) => {
      // Back from a lost connection to the LAN host: events were missed, so everything is stale.
      if (event.type === 'lan.resync') return void client.invalidateQueries();
      const recordType = event.type.split('.')[0] ?? '';
      for (const queryKey of staleOnChange[recordType] ?? []) void client.invalidateQueries({ queryKey });
    });
    return () => unsubscribe?.();
  }, [client]);

  return null;
}

/** Decides what the window shows: setup, login, a forced password change, or the app. */
function Gate() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const status = useSetupStatus();
  const initialized = status.data?.initialized === true;
  const session = useSession(initialized);
  const passedLocked = useProblemScreenPassed('locked');
  const passedSession = useProblemScreenPassed('session');
  const loggedIn = (s: SessionView) => setSession(client, s);

  if (status.isPending || (initialized && session.isPending)) return <Loading />;
  const failure = status.error ?? session.error;
  if (failure) {
    return (
      <CenteredPage title={t('errors.title')}>
        <FormError error={failure} />
        <Button variant="default" onClick={() => window.location.reload()}>
          {t('common.retry')}
        </Button>
      </CenteredPage>
    );
  }

  if (!initialized) {
    return (
      <SetupScreen
        onFinished={(s) => {
          client.setQueryData(keys.setupStatus, { initialized: true, unlocked: true, problem: null });
          loggedIn(s);
        }}
      />
    );
  }

  const current = session.data;
  // A damaged (or rolled back, or missing) register: said before anything else, with its way out.
  const problem = current ? current.registerProblem : status.data?.problem;
  if (problem && !(current ? passedSession : passedLocked) && !current?.mustChangePassword) return <RegisterProblemScreen problem={problem} mode={current ? 'session' : 'locked'} />;
  if (!current) {
    return (
      <Routes>
        <Route path={recoverPath} element={<RecoverScreen />} />
        <Route path="*" element={<LoginScreen onLoggedIn={loggedIn} />} />
      </Routes>
    );
  }

  return (
    <>
      <SessionGuard session={current} />
      {current.mustChangePassword ? (
        <ForcedPasswordChangeScreen session={current} onChanged={loggedIn} />
      ) : (
        <Shell />
      )}
    </>
  );
}

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <Notifications position="bottom-right" />
        <QueryClientProvider client={queryClient}>
          <HashRouter>
            <HideScreen>
              <LanConnectionBanner />
              <Gate />
            </HideScreen>
          </HashRouter>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
