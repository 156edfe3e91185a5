import { Alert, Badge, Button, Code, Group, Modal, NumberInput, Paper, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanClientStatusView, LanDeviceView, LanPairingRequestView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { describeError } from '../../api/errors';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { LoadedList } from '../../components/LoadedList';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../i18n/format';
import { ConnectToHost } from './ConnectToHost';
import { lanClientAvailable, lanClientCall } from './lanClient';
import { DataTable, TwoLineCell } from '../../components/DataTable';

const lanKeys = {
  all: ['lan'] as const,
  status: ['lan', 'status'] as const,
  client: ['lan', 'client'] as const,
  requests: ['lan', 'pairing'] as const,
  devices: ['lan', 'devices'] as const,
};

/** Any `lan.*` change event (a PC paired or revoked, the host started or stopped) refreshes this screen. */
function useLanEvents(): void {
  const client = useQueryClient();
  useEffect(() => {
    const unsubscribe = window.teduh?.subscribe((event) => {
      if (event.type.startsWith('lan.')) void client.invalidateQueries({ queryKey: lanKeys.all });
    });
    return () => unsubscribe?.();
  }, [client]);
}

/** Settings → LAN sharing, as the host's administrator sees it. */
export function LanScreen() {
  const { t } = useTranslation();
  useLanEvents();
  const client = useQuery({
    queryKey: lanKeys.client,
    queryFn: () => (lanClientAvailable() ? lanClientCall('status', {}) : Promise.resolve({ role: 'standalone' as const })),
    refetchInterval: 5_000,
  });
  const isClient = client.data?.role === 'client';
  const status = useQuery({ queryKey: lanKeys.status, queryFn: () => call('lan.status', {}), refetchInterval: 5_000, enabled: client.isSuccess && !isClient });
  return (
    <Stack gap="lg" maw={960}>
      <Title order={2}>{t('lan.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('lan.intro')}
      </Text>
      {client.data?.role === 'client' ? (
        <>
          <ClientPanel status={client.data} />
          <PairingRequests />
          <Devices />
        </>
      ) : status.isPending ? (
        <Loading />
      ) : status.isError ? (
        <FormError error={status.error} />
      ) : (
        <>
          <HostPanel status={status.data} />
          {status.data.enabled ? (
            <>
              <PairingRequests />
              <Devices />
            </>
          ) : (
            lanClientAvailable() && (
              <Paper withBorder p="md">
                <Stack gap="sm">
                  <Title order={4}>{t('lan.connectTitle')}</Title>
                  <ConnectToHost />
                </Stack>
              </Paper>
            )
          )}
        </>
      )}
    </Stack>
  );
}

type Status = Awaited<ReturnType<typeof call<'lan.status'>>>;

/** On a client PC: which host it works on, how the connection stands, and unpairing. */
function ClientPanel({ status }: { status: Extract<LanClientStatusView, { role: 'client' }> }) {
  const { t } = useTranslation();
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>{t('lan.clientTitle')}</Title>
        <Text size="sm">{t('lan.clientHost', { host: status.host ?? '', port: status.port ?? '', fp: status.hostFingerprintShort ?? '' })}</Text>
        {status.state && (
          <Badge color={status.state === 'connected' ? 'teal' : 'orange'} variant="light">
            {t(`lan.state.${status.state}`)}
          </Badge>
        )}
        <FormError error={error} />
        <Group>
          <Button color="red" variant="light" onClick={() => setConfirm(true)}>
            {t('lan.forget')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={t('lan.forget')}>
        <Stack>
          <Text size="sm">{t('lan.forgetConfirm')}</Text>
          <FormActions
            label={t('lan.forget')}
            color="red"
            onConfirm={() => {
              setConfirm(false);
              lanClientCall('forget', {}).catch(setError);
            }}
            onCancel={() => setConfirm(false)}
          />
        </Stack>
      </Modal>
    </Paper>
  );
}

function HostPanel({ status }: { status: Status }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [port, setPort] = useState<number>(status.port ?? 47_470);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [confirmStop, setConfirmStop] = useState(false);

  const run = async (action: () => Promise<unknown>) => {
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
      void client.invalidateQueries({ queryKey: lanKeys.all });
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('lan.hostTitle')}</Title>
          {status.enabled && (
            <Badge color={status.listening ? 'teal' : 'orange'} variant="light">
              {status.listening ? t('lan.listening') : t('lan.notListening')}
            </Badge>
          )}
        </Group>
        <FormError error={error} />
        {status.problem && <Alert color="orange">{status.problem}</Alert>}
        {!status.enabled ? (
          <>
            <Text size="sm">{t('lan.off')}</Text>
            <Group align="flex-end">
              <NumberInput
                label={t('lan.port')}
                description={t('lan.portHint')}
                min={1024}
                max={65535}
                value={port}
                onChange={(v) => setPort(typeof v === 'number' ? v : Number(v) || 47_470)}
                w={320}
              />
              <Button loading={pending} onClick={() => void run(() => call('lan.enableHost', { port }))}>
                {t('lan.makeHost')}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Text size="sm">
              {t('lan.hostName')}: <strong>{status.name}</strong> · {t('lan.connected', { count: status.connectedDevices })}
            </Text>
            <Text size="sm">
              {t('lan.addresses')}:{' '}
              {status.addresses.map((a) => (
                <Code key={a} mr="xs">
                  {a}:{status.port}
                </Code>
              ))}
            </Text>
            <Text size="sm">
              {t('lan.fingerprint')}: <Code data-testid="lan-fingerprint">{status.fingerprintShort}</Code>
            </Text>
            <Text size="xs" c="dimmed">
              {t('lan.fingerprintHint')}
            </Text>
            <Switch
              label={t('lan.autoUnlockTitle')}
              description={status.autoUnlock.available ? t('lan.autoUnlockHint') : t('lan.autoUnlockUnavailable')}
              checked={status.autoUnlock.enabled}
              disabled={pending || (!status.autoUnlock.available && !status.autoUnlock.enabled)}
              onChange={(e) => {
                const enabled = e.currentTarget.checked;
                void run(() => call('lan.setAutoUnlock', { enabled }));
              }}
            />
            <Group>
              <Button color="red" variant="light" loading={pending} onClick={() => setConfirmStop(true)}>
                {t('lan.stop')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      <Modal opened={confirmStop} onClose={() => setConfirmStop(false)} title={t('lan.stop')}>
        <Stack>
          <Text size="sm">{t('lan.stopConfirm')}</Text>
          <FormActions
            label={t('lan.stop')}
            color="red"
            onConfirm={() => {
              setConfirmStop(false);
              void run(() => call('lan.disableHost', {}));
            }}
            onCancel={() => setConfirmStop(false)}
          />
        </Stack>
      </Modal>
    </Paper>
  );
}

function PairingRequests() {
  const { t } = useTranslation();
  const requests = useQuery({ queryKey: lanKeys.requests, queryFn: () => call('lan.pairing.list', {}), refetchInterval: 2_000 });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>{t('lan.requestsTitle')}</Title>
        <LoadedList query={requests} rows={requests.data} empty={t('lan.requestsNone')} emptySize="sm">
          {(list) => list.map((r) => <PairingRequest key={r.id} request={r} />)}
        </LoadedList>
      </Stack>
    </Paper>
  );
}

function PairingRequest({ request }: { request: LanPairingRequestView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const act = async (action: () => Promise<unknown>, done?: string) => {
    setPending(true);
    setError(null);
    try {
      await action();
      if (done) notifications.show({ color: 'teal', message: done });
      void client.invalidateQueries({ queryKey: lanKeys.all });
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setPending(false);
    }
  };

  return (
    <Stack gap="xs" data-testid="lan-request">
      <Text fw={600}>{t('lan.requestFrom', { name: request.deviceName, address: request.address })}</Text>
      <Text size="sm">
        {t('lan.codeShown')}: <Code fz="lg">{`${request.code.slice(0, 3)} ${request.code.slice(3)}`}</Code>
      </Text>
      <Group align="flex-end">
        <TextInput
          label={t('lan.typeCode')}
          description={t('lan.typeCodeHint')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          inputMode="numeric"
          maxLength={7}
          w={360}
          error={error}
        />
        <Button
          loading={pending}
          disabled={code.replace(/\D/g, '').length !== 6}
          onClick={() => void act(() => call('lan.confirmPairing', { requestId: request.id, code }), t('lan.paired', { name: request.deviceName }))}
        >
          {t('lan.confirm')}
        </Button>
        <Button variant="default" loading={pending} onClick={() => void act(() => call('lan.refusePairing', { requestId: request.id }))}>
          {t('lan.refuse')}
        </Button>
      </Group>
    </Stack>
  );
}

function Devices() {
  const { t } = useTranslation();
  const devices = useQuery({ queryKey: lanKeys.devices, queryFn: () => call('lan.devices.list', {}), refetchInterval: 15_000 });
  const [revoking, setRevoking] = useState<LanDeviceView | null>(null);
  const seen = (at: string | null) => (at ? formatDateTime(at) : t('lan.never'));
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>{t('lan.devicesTitle')}</Title>
        <LoadedList query={devices} rows={devices.data} empty={t('lan.devicesNone')} emptySize="sm">
          {(list) => (
            <DataTable minWidth={760} testId="lan-devices" columns={[{ label: t('lan.device') }, { label: t('lan.pairedAt') }, { label: t('lan.firstSeen') }, { label: t('lan.lastSeen') }, { label: t('lan.status') }, { label: t('common.actions') }]}>
              {list.map((d) => (
                <Table.Tr key={d.id}>
                  <TwoLineCell primary={d.name} secondary={d.fingerprintShort} />
                  <Table.Td>{formatDateTime(d.pairedAt)}</Table.Td>
                  <Table.Td>{seen(d.firstSeenAt)}</Table.Td>
                  <Table.Td>
                    {seen(d.lastSeenAt)}
                    {d.lastAddress && (
                      <Text size="xs" c="dimmed">
                        {d.lastAddress}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={d.revokedAt ? 'gray' : d.connected ? 'teal' : 'yellow'}>
                      {d.revokedAt ? t('lan.revoked') : d.connected ? t('lan.online') : t('lan.offline')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {!d.revokedAt && (
                      <Button size="compact-xs" color="red" variant="light" onClick={() => setRevoking(d)}>
                        {t('lan.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </LoadedList>
      </Stack>
      {revoking && <RevokeModal device={revoking} onClose={() => setRevoking(null)} />}
    </Paper>
  );
}

function RevokeModal({ device, onClose }: { device: LanDeviceView; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const revoke = async () => {
    setPending(true);
    setError(null);
    try {
      await call('lan.revoke', { id: device.id, version: device.version, reason });
      notifications.show({ color: 'teal', message: t('lan.revokedDone', { name: device.name }) });
      void client.invalidateQueries({ queryKey: lanKeys.all });
      onClose();
    } catch (e) {
      setError(e);
      void client.invalidateQueries({ queryKey: lanKeys.all });
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('lan.revokeTitle', { name: device.name })}>
      <Stack>
        <Text size="sm">{t('lan.revokeHint')}</Text>
        <FormError error={error} />
        <TextInput label={t('lan.revokeReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={300} />
        <FormActions submit={{ pending }} label={t('lan.revoke')} color="red" disabled={!reason.trim()} onConfirm={() => void revoke()} onCancel={onClose} />
      </Stack>
    </Modal>
  );
}
