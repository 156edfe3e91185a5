import { Alert, Badge, Button, Group, NumberInput, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BackupStatusView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { describeError } from '../../api/errors';
import { keys } from '../../api/queries';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { useRecordForm } from '../../components/useRecordForm';
import { formatDateTime } from '../../i18n/format';

const checkLabels = { ok: 'backup.checkOk', damaged: 'backup.checkDamaged', unchecked: 'backup.checkUnchecked' } as const;
const checkColors = { ok: 'teal', damaged: 'red', unchecked: 'gray' } as const;

const megabytes = (n: number) => `${(n / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;

/**
 * Backups: the folder (another disk or a USB disk), the daily backup, how many are kept, making
 * one now, and the backups there. A register with no backup elsewhere is one broken disk away
 * from losing every case, so the screen says so.
 */
export function BackupSettings() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const status = useQuery({ queryKey: keys.backup, queryFn: () => call('backup.status', {}) });
  const { form, submit } = useRecordForm({
    queryKey: keys.backup,
    record: status.data,
    toValues: (s: BackupStatusView) => ({ folder: s.folder ?? '', auto: s.auto, keep: s.keep as number | string }),
    initialValues: { folder: '', auto: true, keep: 14 as number | string },
    validate: {
      folder: (v) => (v.trim() ? null : t('backup.folderRequired')),
      keep: (v) => (Number.isInteger(Number(v)) && Number(v) >= 3 && Number(v) <= 365 ? null : t('backup.keepRange')),
    },
    save: (v, version) => call('backup.settings.update', { version, folder: v.folder.trim(), auto: v.auto, keep: Number(v.keep) }),
  });
  const run = useMutation({
    mutationFn: () => call('backup.run', {}),
    onSuccess: ({ made, status: next }) => {
      client.setQueryData(keys.backup, next);
      notifications.show({ color: 'teal', message: t('backup.made', { fileName: made.fileName }) });
    },
    onError: (e) => {
      const specific = i18n.language === 'id' && e instanceof Error && e.message;
      notifications.show({ color: 'red', title: t('errors.title'), message: specific || describeError(e, t), autoClose: 10_000 });
    },
  });

  if (status.isPending) return <Loading />;
  if (status.isError) return <FormError error={status.error} />;
  const s = status.data;
  const newest = s.backups[0];

  return (
    <Stack gap="md">
      <Text size="sm">{t('backup.intro')}</Text>
      {s.registerCheck?.integrity === 'damaged' && (
        <Alert color="red" variant="light" role="alert" title={t('backup.damagedTitle')} data-testid="backup-damaged">
          {t('backup.damagedText')}
        </Alert>
      )}
      {!s.folder ? (
        <Alert color="orange" variant="light" title={t('backup.noneTitle')}>
          {t('backup.noneText')}
        </Alert>
      ) : s.folderProblem ? (
        <Alert color="red" variant="light" title={t('backup.problemTitle')}>
          {s.folderProblem}
        </Alert>
      ) : (
        s.due && (
          <Alert color="yellow" variant="light">
            {t('backup.dueText')}
          </Alert>
        )
      )}

      <form onSubmit={form.onSubmit(submit.run)} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('backup.folder')}
            description={t('backup.folderHint')}
            placeholder="E:\Cadangan Teduh"
            maxLength={500}
            key={form.key('folder')}
            {...form.getInputProps('folder')}
          />
          <Group align="flex-end" gap="lg">
            <Switch label={t('backup.auto')} description={t('backup.autoHint')} key={form.key('auto')} {...form.getInputProps('auto', { type: 'checkbox' })} />
            <NumberInput label={t('backup.keep')} min={3} max={365} allowDecimal={false} allowNegative={false} w={200} key={form.key('keep')} {...form.getInputProps('keep')} />
          </Group>
          <FormActions label={t('common.save')} submit={submit} disabled={!form.isDirty()} />
        </Stack>
      </form>

      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {newest ? t('backup.newest', { when: formatDateTime(newest.createdAt) }) : t('backup.noneYet')}
          </Text>
          {newest && (
            <Text size="sm" fw={500} c={s.lastGood ? undefined : 'red'} data-testid="backup-last-good">
              {s.lastGood ? t('backup.lastGood', { when: formatDateTime(s.lastGood.createdAt) }) : t('backup.lastGoodNone')}
            </Text>
          )}
        </Stack>
        <Button variant="light" onClick={() => run.mutate()} loading={run.isPending} disabled={!s.folder || !!s.folderProblem || form.isDirty()}>
          {t('backup.runNow')}
        </Button>
      </Group>
      {s.backups.length > 0 && (
        <Table verticalSpacing={4} data-testid="backup-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('backup.made_at')}</Table.Th>
              <Table.Th>{t('backup.file')}</Table.Th>
              <Table.Th>{t('backup.check')}</Table.Th>
              <Table.Th ta="right">{t('backup.size')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.backups.map((b) => (
              <Table.Tr key={b.fileName}>
                <Table.Td>{formatDateTime(b.createdAt)}</Table.Td>
                <Table.Td ff="monospace" fz="sm">
                  {b.fileName}
                </Table.Td>
                <Table.Td>
                  <Badge color={checkColors[b.check]} variant="light">
                    {t(checkLabels[b.check])}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{megabytes(b.size)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed">
        {t('backup.restoreHint')}
      </Text>
    </Stack>
  );
}
