import { Alert, Anchor, Button, Code, Divider, Drawer, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApprovalView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { keys, useCaseDetail } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { useApiSubmit } from '../../components/useApiSubmit';
import { casePath } from '../case/CaseScreen';
import { FieldData } from '../case/fields';
import { formatMoment } from '../case/format';
import { stepDefOf } from '../case/steps/steps';

interface Payload {
  outcome?: string | null;
  data?: Record<string, unknown>;
  note?: string | null;
}

/**
 * One request, exactly as submitted: the step's data with the labels of the standard the case
 * follows, the outcome, the note and the payload's hash (a decision names the hash it saw).
 */
export function ApprovalReview({ approval, onClose }: { approval: ApprovalView | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer opened={approval !== null} onClose={onClose} position="right" size="xl" title={t('approvalQueue.reviewTitle')}>
      {approval && <ReviewBody key={approval.id} approval={approval} onDone={onClose} />}
    </Drawer>
  );
}

type Decision = 'approve' | 'reject';

function ReviewBody({ approval: a, onDone }: { approval: ApprovalView; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const c = useCaseDetail(a.caseId);
  const payload = a.payload as Payload;
  const form = useForm({ initialValues: { comment: '' } });
  const decision = useRef<Decision>('approve');
  const [deciding, setDeciding] = useState<Decision | null>(null);

  const submit = useApiSubmit(
    form,
    async ({ comment }) => {
      const d = decision.current;
      await call('approvals.decide', { approvalId: a.id, decision: d, comment: comment.trim(), payloadHash: a.payloadHash });
      notifications.show({
        color: d === 'approve' ? 'teal' : 'orange',
        message: t(d === 'approve' ? 'approvalQueue.approved' : 'approvalQueue.rejected', { step: a.stepLabel, registerNo: a.registerNo }),
      });
      await client.invalidateQueries({ queryKey: keys.approvalsAll });
      await client.invalidateQueries({ queryKey: keys.caseDetail(a.caseId) });
      onDone();
    },
    {
      display: 'inline',
      overrides: { SELF_ACTION: t('approvalQueue.ownRequest'), CONFLICT: t('approvalQueue.changed') },
      onConflict: () => client.invalidateQueries({ queryKey: keys.approvalsAll }),
    },
  );

  // A refusal says why; an approval may.
  const decide = (d: Decision) => {
    const { comment } = form.getValues();
    if (d === 'reject' && !comment.trim()) {
      form.setFieldError('comment', t('approvalQueue.reasonRequired'));
      return;
    }
    form.clearErrors();
    decision.current = d;
    setDeciding(d);
    void submit.run({ comment });
  };

  if (c.isPending) return <Loading />;
  if (c.isError) return <FormError error={c.error} />;
  const def = stepDefOf(c.data, a.stepCode);
  const outcome = def?.outcomes?.find((o) => o.value === payload.outcome);
  const decidable = a.status === 'pending' && !a.mine;

  return (
    <Stack gap="sm" data-testid="approval-review">
      <Group justify="space-between">
        <Anchor component={Link} to={casePath(a.caseId)} ff="monospace" fw={600}>
          {a.registerNo}
        </Anchor>
        <Text size="sm" c="dimmed">
          {c.data.serviceName} · {t('caseView.standardVersion', { n: c.data.standardVersion })}
        </Text>
      </Group>
      <Text fw={600}>{a.stepLabel}</Text>
      {def && (
        <Text size="sm" c="dimmed">
          {def.actorTitle} — {def.description}
        </Text>
      )}
      <Text size="sm">{t('approvalQueue.askedBy', { by: a.requestedBy, at: formatMoment(a.requestedAt) })}</Text>
      <Divider label={t('approvalQueue.payload')} labelPosition="left" />
      {outcome && (
        <div>
          <Text size="xs" c="dimmed">
            {t('caseView.outcome')}
          </Text>
          <Text size="sm" fw={600}>
            {outcome.label}
            {outcome.closes ? ` (${t('caseView.closesCase')}: ${t(`caseView.closure.${outcome.closes}`)})` : ''}
          </Text>
        </div>
      )}
      <FieldData fields={def?.fields ?? []} data={payload.data ?? {}} />
      <div>
        <Text size="xs" c="dimmed">
          {t('approvalQueue.submitterNote')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {payload.note || '—'}
        </Text>
      </div>
      <div>
        <Text size="xs" c="dimmed">
          {t('approvalQueue.hash')}
        </Text>
        <Code block data-testid="payload-hash">
          {a.payloadHash}
        </Code>
      </div>
      <Divider />
      {a.mine ? (
        <Alert color="gray" variant="light" title={t('approvalQueue.ownTitle')} data-testid="own-request">
          {t('approvalQueue.ownRequest')}
        </Alert>
      ) : decidable ? (
        <form onSubmit={(e) => e.preventDefault()} noValidate>
          <Stack gap="sm">
            <Textarea
              label={t('approvalQueue.comment')}
              description={t('approvalQueue.commentHint')}
              autosize
              minRows={2}
              maxLength={2000}
              key={form.key('comment')}
              {...form.getInputProps('comment')}
            />
            <FormError message={submit.error} />
            <Group justify="flex-end">
              <Button color="red" variant="light" loading={submit.pending && deciding === 'reject'} disabled={submit.pending} onClick={() => decide('reject')}>
                {t('approvalQueue.reject')}
              </Button>
              <Button color="teal" loading={submit.pending && deciding === 'approve'} disabled={submit.pending} onClick={() => decide('approve')}>
                {t('approvalQueue.approve')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Text size="sm" c="dimmed">
          {t('approvalQueue.alreadyDecided')}
        </Text>
      )}
    </Stack>
  );
}
