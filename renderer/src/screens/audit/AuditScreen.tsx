import { Alert, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { contract, type AuditEntryView, type AuditVerifyResult } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { describeError } from '../../api/errors';
import { useAuditEntries, useCan } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { LoadedList } from '../../components/LoadedList';
import { auditActionLabel } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { AuditAnchorActions } from './AuditAnchor';

const actions = Object.keys(contract);

function AuditRow({ entry }: { entry: AuditEntryView }) {
  const { t } = useTranslation();
  const outcome = ['ok', 'failure', 'denied'].includes(entry.outcome)
    ? t(`audit.outcomes.${entry.outcome as 'ok' | 'failure' | 'denied'}`)
    : entry.outcome;
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
      <Table.Td>{entry.username ?? <Text span c="dimmed">{t('audit.system')}</Text>}</Table.Td>
      <Table.Td ff="monospace" title={entry.deviceId}>
        {entry.deviceId.slice(0, 8)}
      </Table.Td>
      <Table.Td title={entry.action}>
        {auditActionLabel(entry.action)}
      </Table.Td>
      <Table.Td>
        <Text span size="sm" c={entry.outcome === 'ok' ? undefined : 'red.7'} fw={entry.outcome === 'ok' ? undefined : 600}>
          {outcome}
        </Text>
      </Table.Td>
      <Table.Td title={entry.entityId ?? undefined}>
        {entry.entityType && <EntityName type={entry.entityType} label={entry.entityLabel} id={entry.entityId} />}
      </Table.Td>
    </Table.Tr>
  );
}

/** A record as a person knows it: "Kasus 001/PK/XII/2026", "Pengguna Rina Wulandari (admin)". */
function EntityName({ type, label, id }: { type: string; label: string | null; id: string | null }) {
  const { t } = useTranslation();
  const kind = t(`audit.entityTypes.${type}`, { defaultValue: type });
  return (
    <>
      {kind}{' '}
      {label ? (
        <Text span fw={500} size="sm">
          {label}
        </Text>
      ) : (
        id && (
          <Text span ff="monospace" size="sm" c="dimmed">
            {id.slice(0, 8)}
          </Text>
        )
      )}
    </>
  );
}

function VerifyVerdict({ result }: { result: AuditVerifyResult }) {
  const { t } = useTranslation();
  const anchor = result.anchor;
  if (result.firstBroken) {
    return (
      <Alert color="red" variant="filled" role="alert">
        {t('audit.verifyBroken', { count: result.checked, seq: result.firstBroken.seq, reason: result.firstBroken.reason })}
      </Alert>
    );
  }
  if (anchor && !anchor.matches) {
    return (
      <Alert color="red" variant="filled" role="alert">
        {t(anchor.found ? 'audit.anchor.mismatch' : 'audit.anchor.missing', { seq: anchor.seq })}
      </Alert>
    );
  }
  return (
    <Alert color="teal" variant="light" role="status">
      {t('audit.verifyOk', { count: result.checked })}
      {anchor && ` ${t('audit.anchor.matches', { seq: anchor.seq })}`}
      {result.head && (
        <Text size="xs" ff="monospace" mt={4}>
          {t('audit.anchor.head', { seq: result.head.seq, hash: result.head.hash.slice(0, 16) })}
        </Text>
      )}
    </Alert>
  );
}

/** Who did what, when, from which device: newest first, with a check of the hash chain. */
export function AuditScreen() {
  const { t } = useTranslation();
  const can = useCan();
  const [action, setAction] = useState('');
  const [username, setUsername] = useState('');
  const [debouncedUsername] = useDebouncedValue(username.trim(), 300);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const entries = useAuditEntries({ action: action || undefined, username: debouncedUsername || undefined, from: from ?? undefined, to: to ?? undefined });
  const verify = useMutation({ mutationFn: () => call('audit.verify', {}) });
  // The last check's verdict, whether of the chain alone or against a printed anchor.
  const [checked, setChecked] = useState<AuditVerifyResult | null>(null);
  const result = checked ?? verify.data ?? null;

  const rows = entries.data?.pages.flat() ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('audit.title')}
        </Title>
        {can('audit.verify') && (
          <Group gap="xs">
            <Button
              variant="light"
              onClick={() => {
                setChecked(null);
                verify.mutate();
              }}
              loading={verify.isPending}
            >
              {t('audit.verify')}
            </Button>
            <AuditAnchorActions onChecked={setChecked} />
          </Group>
        )}
      </Group>

      {result && <VerifyVerdict result={result} />}
      {verify.isError && <FormError message={describeError(verify.error, t)} />}

      <Group gap="sm" align="flex-end">
        <NativeSelect
          label={t('audit.filterAction')}
          value={action}
          onChange={(e) => setAction(e.currentTarget.value)}
          data={[
            { value: '', label: t('audit.filterActionAll') },
            ...actions.map((a) => ({
              value: a,
              label: auditActionLabel(a),
            })),
          ]}
          w={260}
        />
        <TextInput
          label={t('audit.filterUsername')}
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          maxLength={32}
          w={220}
        />
        <DateField label={t('audit.filterFrom')} value={from} onChange={(v) => setFrom(v as string | null)} clearable w={160} />
        <DateField label={t('audit.filterTo')} value={to} onChange={(v) => setTo(v as string | null)} clearable w={160} minDate={from ?? undefined} />
      </Group>

      <LoadedList query={entries} rows={rows} empty={t('audit.empty')}>
        {() => (
          <>
            <Table.ScrollContainer minWidth={900}>
              <Table striped verticalSpacing="xs" fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('audit.time')}</Table.Th>
                    <Table.Th>{t('audit.user')}</Table.Th>
                    <Table.Th>{t('audit.device')}</Table.Th>
                    <Table.Th>{t('audit.action')}</Table.Th>
                    <Table.Th>{t('audit.outcome')}</Table.Th>
                    <Table.Th>{t('audit.entity')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((entry) => (
                    <AuditRow key={entry.seq} entry={entry} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {rows.length === 0 && <Text c="dimmed">{t('common.noData')}</Text>}
            {entries.hasNextPage ? (
              <Group justify="center">
                <Button variant="default" onClick={() => void entries.fetchNextPage()} loading={entries.isFetchingNextPage}>
                  {t('common.loadMore')}
                </Button>
              </Group>
            ) : (
              rows.length > 0 && (
                <Text size="sm" c="dimmed" ta="center">
                  {t('audit.end')}
                </Text>
              )
            )}
          </>
        )}
      </LoadedList>
    </Stack>
  );
}
