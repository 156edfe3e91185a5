import { Alert, Button, Code, Group, Loader, Modal, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiscoveredHostView } from '../../../../electron/core/api/contract';
import { FormError } from '../../components/FormError';
import { lanClientAvailable, lanClientCall } from './lanClient';
import { TwoLineCell } from '../../components/DataTable';

/**
 * "Connect to a host": hosts found by mDNS or a typed address, then the 6-digit code to
 * compare with the host's screen while its administrator confirms. On success the app
 * restarts as a client PC.
 */
export function ConnectToHost() {
  const { t } = useTranslation();
  const [hosts, setHosts] = useState<DiscoveredHostView[] | null>(null);
  const [host, setHost] = useState('');
  const [port, setPort] = useState<number>(47_470);
  const [deviceName, setDeviceName] = useState('');
  const [pairing, setPairing] = useState<{ code: string; hostFingerprintShort: string } | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (!lanClientAvailable()) return;
    let stopped = false;
    const look = () =>
      lanClientCall('discover', {}).then(
        (found) => !stopped && setHosts(found),
        () => !stopped && setHosts([]),
      );
    void look();
    const timer = setInterval(() => void look(), 2_000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);

  if (!lanClientAvailable()) {
    return (
      <Text size="sm" c="dimmed">
        {t('lan.notHere')}
      </Text>
    );
  }

  const pair = async () => {
    setPending(true);
    setError(null);
    try {
      const started = await lanClientCall('pair', { host: host.trim(), port, deviceName: deviceName.trim() });
      setPairing(started);
      await lanClientCall('awaitPairing', {});
      setDone(true);
    } catch (e) {
      setError(e);
      setPairing(null);
    } finally {
      setPending(false);
    }
  };

  const cancel = () => {
    void lanClientCall('cancelPairing', {});
    setPairing(null);
  };

  if (done) return <Alert color="teal">{t('lan.pairedRestart')}</Alert>;

  if (pairing) {
    return (
      <Stack gap="sm" data-testid="lan-pairing-code">
        <Text size="sm">{t('lan.yourCode')}</Text>
        <Code fz={32} fw={700} p="md" ta="center">{`${pairing.code.slice(0, 3)} ${pairing.code.slice(3)}`}</Code>
        <Text size="sm">{t('lan.yourCodeHint', { name: deviceName.trim() })}</Text>
        <Text size="xs" c="dimmed">
          {t('lan.hostFingerprint', { fp: pairing.hostFingerprintShort })}
        </Text>
        <Group>
          <Loader size="sm" />
          <Text size="sm">{t('lan.waiting')}</Text>
        </Group>
        <Group>
          <Button variant="default" onClick={cancel}>
            {t('lan.cancel')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      <Text size="sm">{t('lan.connectIntro')}</Text>
      <FormError error={error} />
      <Text fw={600} size="sm">
        {t('lan.found')}
      </Text>
      {hosts === null ? (
        <Group>
          <Loader size="xs" />
          <Text size="sm">{t('lan.searching')}</Text>
        </Group>
      ) : hosts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('lan.foundNone')}
        </Text>
      ) : (
        <Table verticalSpacing="xs">
          <Table.Tbody>
            {hosts.map((h) => (
              <Table.Tr key={`${h.name}-${h.fingerprintShort}`}>
                <TwoLineCell primary={h.name} secondary={`${h.addresses[0]}:${h.port} · ${h.fingerprintShort}`} />
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="default"
                    onClick={() => {
                      setHost(h.addresses[0] ?? '');
                      setPort(h.port);
                    }}
                  >
                    {t('lan.use')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group align="flex-end">
        <TextInput label={t('lan.address')} value={host} onChange={(e) => setHost(e.currentTarget.value)} placeholder="192.168.1.10" w={220} />
        <NumberInput label={t('lan.port')} value={port} onChange={(v) => setPort(typeof v === 'number' ? v : Number(v) || 47_470)} min={1} max={65535} w={120} />
      </Group>
      <TextInput
        label={t('lan.deviceName')}
        description={t('lan.deviceNameHint')}
        value={deviceName}
        onChange={(e) => setDeviceName(e.currentTarget.value)}
        maxLength={60}
        w={360}
      />
      <Group>
        <Button loading={pending} disabled={!host.trim() || !deviceName.trim()} onClick={() => void pair()}>
          {t('lan.pair')}
        </Button>
      </Group>
    </Stack>
  );
}

/** On the first-run screen: for a PC that should join an office's host instead of starting a register. */
export function ConnectToHostEntry() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!lanClientAvailable()) return null;
  return (
    <>
      <Group justify="center">
        <Button variant="subtle" onClick={() => setOpen(true)}>
          {t('lan.connectOpen')}
        </Button>
      </Group>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('lan.connectTitle')} size="lg">
        <ConnectToHost />
      </Modal>
    </>
  );
}
