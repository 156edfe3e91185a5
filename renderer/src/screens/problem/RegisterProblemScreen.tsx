import { Alert, Anchor, Button, Code, Group, PasswordInput, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterProblemView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { keys, useCan } from '../../api/queries';
import { endSession } from '../../app/sessionEnd';
import { CenteredPage } from '../../components/CenteredPage';
import { FormActions } from '../../components/FormActions';
import { useApiSubmit } from '../../components/useApiSubmit';
import { formatDateTime } from '../../i18n/format';

const titles = { damaged: 'problem.titleDamaged', 'rolled-back': 'problem.titleRolledBack', 'database-missing': 'problem.titleMissing' } as const;
const explanations = { damaged: 'problem.whatDamaged', 'rolled-back': 'problem.whatRolledBack', 'database-missing': 'problem.whatMissing' } as const;

type Mode = 'locked' | 'session';

/**
 * Whether the screen was put aside, before login and after it, for this page's life: passing
 * it to log in still shows it after the login, and the next reload shows it again.
 */
const passed: Record<Mode, boolean> = { locked: false, session: false };
let version = 0;
const listeners = new Set<() => void>();
export function setProblemScreenPassed(mode: Mode, value: boolean): void {
  passed[mode] = value;
  version++;
  for (const l of listeners) l();
}
export function useProblemScreenPassed(mode: Mode): boolean {
  useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => version,
  );
  return passed[mode];
}

/**
 * A register with a problem (damaged, rolled back, its file missing), in plain words, and what
 * to do: restore the newest backup that passed its check, save what can still be read, or ask
 * for help. Before login (`locked`) the restore is here; after login (an administrator or head)
 * it is one logout away, since a register in use cannot be replaced.
 */
export function RegisterProblemScreen({ problem, mode }: { problem: RegisterProblemView; mode: Mode }) {
  const { t } = useTranslation();
  const good = problem.newestGoodBackup;
  // A rolled-back register lacks its last `missingEntries`: what a restore loses counts from where it had reached.
  const reached = problem.registerAuditSeq != null ? problem.registerAuditSeq + (problem.missingEntries ?? 0) : null;
  const lost = good?.auditSeq != null && reached != null ? Math.max(0, reached - good.auditSeq) : null;
  const dataFolder = problem.files.dataFolder;

  return (
    <CenteredPage title={t(titles[problem.kind])} width={760}>
      <Alert color="red" variant="light" role="alert" data-testid="register-problem">
        <Stack gap={4}>
          <Text size="sm">{t(explanations[problem.kind])}</Text>
          <Text size="sm">
            {t('problem.detectedAt', { when: formatDateTime(problem.detectedAt) })}
            {problem.missingEntries != null && ` ${t('problem.missingEntries', { count: problem.missingEntries })}`}
          </Text>
        </Stack>
      </Alert>
      <Text size="sm">{t('problem.notYourFault')}</Text>

      <Stack gap="xs" component="section" aria-labelledby="problem-restore">
        <Title order={2} size="h4" id="problem-restore">
          {t('problem.restoreTitle')}
        </Title>
        {good ? (
          <>
            <Text size="sm" fw={500}>
              {t('problem.restoreGood', { when: formatDateTime(good.createdAt) })}
            </Text>
            <Text size="sm">{lost !== null ? t('problem.restoreLoses', { count: lost }) : t('problem.restoreLosesUnknown')}</Text>
            <Text size="sm" c="dimmed">
              {t('problem.restoreAside')}
            </Text>
            {mode === 'locked' ? (
              <RestoreNewestGood fileName={good.fileName} />
            ) : (
              <Group gap="sm">
                <Button color="red" onClick={() => void endSession('logout')}>
                  {t('problem.logoutToRestore')}
                </Button>
                <Text size="xs" c="dimmed">
                  {t('problem.logoutHint')}
                </Text>
              </Group>
            )}
          </>
        ) : (
          <Text size="sm">{t('problem.restoreNone')}</Text>
        )}
      </Stack>

      <Stack gap="xs" component="section" aria-labelledby="problem-export">
        <Title order={2} size="h4" id="problem-export">
          {t('problem.exportTitle')}
        </Title>
        <Text size="sm">{t('problem.exportText')}</Text>
        <Code block>{`teduh export-documents --data-dir "${dataFolder}" --out "<${t('problem.emptyFolder')}>"`}</Code>
      </Stack>

      <Stack gap="xs" component="section" aria-labelledby="problem-help">
        <Title order={2} size="h4" id="problem-help">
          {t('problem.helpTitle')}
        </Title>
        <Text size="sm">{t('problem.helpText')}</Text>
        <Table verticalSpacing={2} data-testid="problem-files">
          <Table.Tbody>
            <FileRow label={t('problem.helpDataFolder')} value={dataFolder} />
            <FileRow label={t('problem.helpDatabase')} value={problem.files.database} />
            <FileRow label={t('problem.helpKeySlots')} value={problem.files.keySlots} />
            <FileRow label={t('problem.helpBackupFolder')} value={problem.files.backupFolder ?? t('problem.unknownFolder')} />
            {good && <FileRow label={t('problem.helpBackupFile')} value={good.fileName} />}
          </Table.Tbody>
        </Table>
      </Stack>

      {mode === 'session' && problem.kind !== 'database-missing' && <AcknowledgeProblem />}

      <Group justify="flex-end" gap="sm">
        <Text size="xs" c="dimmed" style={{ flex: 1 }}>
          {t('problem.continueHint')}
        </Text>
        <Button variant="default" onClick={() => setProblemScreenPassed(mode, true)}>
          {mode === 'locked' ? t('problem.continueToLogin') : t('problem.continueWorking')}
        </Button>
      </Group>
    </CenteredPage>
  );
}

/**
 * The administrator's last way: go on with the register as it is (no good backup, or the loss
 * is smaller than a restore's), said with a reason, audited; the register is sealed anew.
 */
function AcknowledgeProblem() {
  const { t } = useTranslation();
  const client = useQueryClient();
  // Only inside a session (the screen after login): an administrator's to decide.
  const mayDecide = useCan()('users.manage');
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: (v) => (v.trim() ? null : t('problem.acceptReasonRequired')) } });
  const submit = useApiSubmit(
    form,
    async ({ reason }) => {
      await call('register.acknowledgeProblem', { reason });
      notifications.show({ color: 'teal', message: t('problem.acceptDone') });
      await Promise.all([client.invalidateQueries({ queryKey: keys.session }), client.invalidateQueries({ queryKey: keys.setupStatus })]);
    },
    { display: 'inline' },
  );
  if (!mayDecide) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="problem-accept">
      <Title order={2} size="h4" id="problem-accept">
        {t('problem.acceptTitle')}
      </Title>
      <Text size="sm">{t('problem.acceptText')}</Text>
      <form onSubmit={form.onSubmit(submit.run)} noValidate>
        <Stack gap="sm">
          <Textarea label={t('problem.acceptReason')} maxLength={500} autosize minRows={2} {...form.getInputProps('reason')} />
          <FormActions label={t('problem.acceptSubmit')} color="red" submit={submit} />
        </Stack>
      </form>
    </Stack>
  );
}

function FileRow({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th w={200} fw={500} fz="sm">
        {label}
      </Table.Th>
      <Table.Td ff="monospace" fz="sm" style={{ wordBreak: 'break-all' }}>
        {value}
      </Table.Td>
    </Table.Tr>
  );
}

/** The restore itself: the backup shown, opened with a password valid then or the recovery code. */
function RestoreNewestGood({ fileName }: { fileName: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({
    initialValues: { secret: '' },
    validate: { secret: (v) => (v ? null : t('restore.secretRequired')) },
  });
  const submit = useApiSubmit(
    form,
    async ({ secret }) => {
      const r = await call('setup.restoreNewestGood', { fileName, secret });
      notifications.show({ color: 'teal', message: t('problem.restoreDone', { when: formatDateTime(r.backupCreatedAt) }), autoClose: 15_000 });
      if (r.auditBroken) notifications.show({ color: 'red', title: t('restore.auditBrokenTitle'), message: t('restore.auditBroken', { seq: r.auditBroken.seq }), autoClose: false });
      setProblemScreenPassed('locked', false);
      client.setQueryData(keys.setupStatus, { initialized: true, unlocked: false, problem: null });
    },
    { display: 'inline' },
  );
  return (
    <form onSubmit={form.onSubmit(submit.run)} noValidate>
      <Stack gap="sm">
        <PasswordInput label={t('restore.secret')} description={t('restore.secretHint')} autoComplete="off" {...form.getInputProps('secret')} />
        <FormActions label={t('problem.restoreSubmit')} submit={submit} />
        {submit.pending && (
          <Text size="sm" c="dimmed" ta="right">
            {t('restore.checking')}
          </Text>
        )}
      </Stack>
    </form>
  );
}

/** On the dashboard of an administrator or head: the problem in one line, and the way back to the screen. */
export function RegisterProblemNotice({ problem }: { problem: RegisterProblemView }) {
  const { t } = useTranslation();
  const good = problem.newestGoodBackup;
  return (
    <Alert color="red" variant="light" role="alert" title={t('problem.noticeTitle')} data-testid="register-problem-notice">
      {t('problem.noticeText', { when: formatDateTime(problem.detectedAt), good: good ? formatDateTime(good.createdAt) : t('problem.noticeNoGood') })}{' '}
      <Anchor component="button" size="sm" onClick={() => setProblemScreenPassed('session', false)}>
        {t('problem.noticeLink')}
      </Anchor>
    </Alert>
  );
}
