import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { FormActions } from '../../../components/FormActions';
import { validators } from '../../../components/validators';
import { useCaseForm } from '../workspace';
import type { StepView } from './steps';

/** An optional step ("referral, if needed") may be skipped, with the reason on record. */
export function SkipStep({ step }: { step: StepView }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <Group justify="flex-start">
      <Button variant="subtle" color="gray" size="xs" onClick={() => setOpened(true)}>
        {t('caseView.skip')}
      </Button>
      {opened && <SkipModal step={step} onClose={() => setOpened(false)} />}
    </Group>
  );
}

function SkipModal({ step, onClose }: { step: StepView; onClose: () => void }) {
  const { t } = useTranslation();
  const v = validators(t);
  const { form, submit } = useCaseForm({
    values: () => ({ reason: '' }),
    validate: { reason: v.required },
    send: ({ reason }, ref) => call('steps.skip', { ...ref, step: step.code, reason }),
    onSaved: onClose,
  });
  return (
    <Modal opened onClose={onClose} title={t('caseView.skipTitle', { label: step.label })}>
      <form onSubmit={form.onSubmit(submit.run)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('caseView.skipExplain')}</Text>
          <Textarea
            label={t('caseView.skipReason')}
            required
            data-autofocus
            autosize
            minRows={2}
            maxLength={1000}
            key={form.key('reason')}
            {...form.getInputProps('reason')}
          />
          <FormActions submit={submit} label={t('caseView.skip')} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
