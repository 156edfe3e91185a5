import { Alert, Badge, Button, Group, Modal, NativeSelect, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vocab } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { useCurrentSession, useStaff } from '../../api/queries';
import { FormActions } from '../../components/FormActions';
import { validators } from '../../components/validators';
import { optionLabel } from '../../i18n/labels';
import { formatMoment } from './format';
import { useCaseForm, useCaseWorkspace } from './workspace';

const statusColor: Record<string, string> = { open: 'blue', monitoring: 'violet', closed: 'gray' };
const riskColor: Record<string, string> = { low: 'gray', medium: 'yellow', high: 'red' };

/** Register number, service and standard version, status, risk and who handles the case. */
export function CaseHeader() {
  const { t } = useTranslation();
  const { base: c, editable } = useCaseWorkspace();
  const session = useCurrentSession();
  const [dialog, setDialog] = useState<'assign' | 'close' | null>(null);
  // Case workers and heads decide who handles a case, and close it outside its steps (the core checks the latter too).
  const manages = editable && (session.user.role === 'case_worker' || session.user.role === 'head');

  return (
    <Stack gap={6}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2} miw={0}>
          <Title order={1} size="h2" data-testid="case-register-no">
            {c.registerNo}
          </Title>
          <Text size="sm" data-testid="case-service">
            {c.serviceName} · <span data-testid="case-standard-version">{t('caseView.standardVersion', { n: c.standardVersion })}</span>
          </Text>
        </Stack>
        <Group gap="xs" wrap="wrap" justify="flex-end">
          <Badge color={statusColor[c.status] ?? 'gray'} size="lg" variant="light" data-testid="case-status">
            {optionLabel(vocab.caseStatuses.items, c.status)}
            {c.closure ? ` — ${t(`caseView.closure.${c.closure}`)}` : ''}
          </Badge>
          <Badge color={riskColor[c.riskLevel] ?? 'gray'} size="lg" variant={c.riskLevel === 'high' ? 'filled' : 'light'}>
            {t(`caseView.risk.${c.riskLevel as 'low' | 'medium' | 'high'}`)}
          </Badge>
        </Group>
      </Group>
      <Group gap="xs" c="dimmed">
        <Text size="sm">
          {t('caseView.registered', { at: formatMoment(c.createdAt), by: c.createdBy ?? t('caseView.unknown') })}
        </Text>
        <Text size="sm">·</Text>
        <Text size="sm" data-testid="case-assigned">
          {t('caseView.assignedTo')}: <b>{c.assignedTo?.fullName ?? t('caseView.unassigned')}</b>
        </Text>
        {manages && (
          <Button size="compact-xs" variant="light" onClick={() => setDialog('assign')}>
            {t('caseView.assign')}
          </Button>
        )}
        {manages && (
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => setDialog('close')}>
            {t('caseView.closeCase')}
          </Button>
        )}
      </Group>
      {c.status === 'closed' && c.closedAt && (
        <Alert color="gray" variant="light" p="xs" data-testid="case-closed">
          <Text size="sm">
            {t('caseView.closedOn', { at: formatMoment(c.closedAt) })}
            {c.closureNote ? ` ${t('caseView.closureNote')}: ${c.closureNote}` : ''}
          </Text>
        </Alert>
      )}
      {dialog === 'assign' && <AssignModal onClose={() => setDialog(null)} />}
      {dialog === 'close' && <CloseCaseModal onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function AssignModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const staff = useStaff();
  const { form, submit } = useCaseForm({
    values: (c) => ({ assignedTo: c.assignedTo?.id ?? '' }),
    send: (v, ref) => call('cases.update', { ...ref, assignedTo: v.assignedTo || null }),
    onSaved: onClose,
  });
  const { base } = useCaseWorkspace();
  const people = (staff.data ?? []).filter((s) => s.role !== 'admin');

  return (
    <Modal opened onClose={onClose} title={t('caseView.assignTitle', { registerNo: base.registerNo })}>
      <form onSubmit={form.onSubmit(submit.run)} noValidate>
        <Stack gap="sm">
          <NativeSelect
            label={t('caseView.assignedTo')}
            data-autofocus
            data={[
              { value: '', label: t('caseView.unassigned') },
              ...people.map((p) => ({ value: p.id, label: `${p.fullName} — ${t(`roles.${p.role}`)}` })),
            ]}
            key={form.key('assignedTo')}
            {...form.getInputProps('assignedTo')}
          />
          <FormActions
            submit={submit}
            error={staff.error}
            label={t('common.save')}
            onCancel={onClose}
            start={
              <Button variant="subtle" onClick={() => form.setFieldValue('assignedTo', session.user.id)}>
                {t('caseView.assignMe')}
              </Button>
            }
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** Closing a case outside its steps: withdrawn by the reporter, or handed over to another institution. */
function CloseCaseModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const v = validators(t);
  const { base } = useCaseWorkspace();
  const { form, submit } = useCaseForm({
    values: () => ({ closure: 'withdrawn' as 'withdrawn' | 'referred', reason: '' }),
    validate: { reason: v.required },
    send: (values, ref) => call('cases.close', { ...ref, closure: values.closure, reason: values.reason }),
    onSaved: onClose,
  });
  return (
    <Modal opened onClose={onClose} title={t('caseView.closeCaseTitle', { registerNo: base.registerNo })}>
      <form onSubmit={form.onSubmit(submit.run)} noValidate>
        <Stack gap="sm">
          <Radio.Group label={t('caseView.closeCaseHow')} key={form.key('closure')} {...form.getInputProps('closure')}>
            <Stack gap={6} mt={6}>
              <Radio value="withdrawn" label={t('caseView.closure.withdrawn')} />
              <Radio value="referred" label={t('caseView.closure.referred')} />
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('caseView.closureNote')}
            required
            autosize
            minRows={2}
            maxLength={2000}
            key={form.key('reason')}
            {...form.getInputProps('reason')}
          />
          <Text size="sm" c="dimmed">
            {t('caseView.closeCaseExplain')}
          </Text>
          <FormActions submit={submit} label={t('caseView.closeCase')} color="red" onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
