import { Alert } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanConnectionStateView } from '../../../../electron/core/api/contract';
import { lanClientAvailable, lanClientCall } from './lanClient';

/**
 * On a client PC, a banner whenever the host cannot be used; nothing on any other PC.
 * Open forms stay as they are underneath: calls answer UNAVAILABLE, nothing is cleared.
 */
export function LanConnectionBanner() {
  const { t } = useTranslation();
  const [state, setState] = useState<LanConnectionStateView | null>(null);

  useEffect(() => {
    if (!lanClientAvailable()) return;
    let live = true;
    lanClientCall('status', {}).then(
      (s) => live && s.role === 'client' && s.state && setState(s.state),
      () => {},
    );
    const unsubscribe = window.teduh?.subscribe((event) => {
      if (event.type === 'lan.connection' && event.id) setState(event.id as LanConnectionStateView);
    });
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, []);

  if (!state || state === 'connected' || state === 'connecting') return null;
  return (
    <Alert color={state === 'unreachable' ? 'orange' : 'red'} role="alert" radius={0} data-testid="lan-banner">
      {t(`lan.state.${state}`)}
    </Alert>
  );
}
