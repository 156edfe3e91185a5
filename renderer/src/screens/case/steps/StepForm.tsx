import { Modal, Paper, Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { FormActions } from '../../../components/FormActions';
import { FieldInput, fieldPayload, fieldValues, missingRequired, type FieldValues, type StepDef } from '../fields';
import { useCaseForm } from '../workspace';
import { closingLetters, letterName, type StepView } from './steps';

interface Values {
  outcome: string;
  note: string;
  data: FieldValues;
}

/**
 * The form of one step, generated from the step's definition: its fields, its outcomes, a
 * note. An approval step is submitted to a head; an outcome that ends the case is confirmed
 * first, naming the letter it will need.
 */
export function StepForm({ step, def }: { step: StepView; def: StepDef }) {
  const { t } = useTranslation();
  const fields = def.fields ?? [];
  const outcomes = def.outcomes ?? [];
  // While UU TPKS blocks the step, only declining the mediation remains possible.
  const allowed = (value: string) => step.open || step.declineOutcomes.includes(value);
  const [confirming, setConfirming] = useState<Values | null>(null);
  // A step whose own form has a text area for notes needs no second one.
  const hasOwnNotes = fields.some((f) => f.type === 'textarea');

  const { form, submit } = useCaseForm<Values>({
    values: (c) => {
      const current = c.steps.find((s) => s.code === step.code);
      return {
        outcome: current?.outcome && allowed(current.outcome) ? current.outcome : '',
        note: current?.note ?? '',
        data: fieldValues(fields, current?.data),
      };
    },
    validate: (values) => ({
      ...missingRequired(fields, values.data, t),
      ...(outcomes.length && !values.outcome ? { outcome: t('caseView.chooseOutcome') } : {}),
    }),
    send: (v, ref) =>
      call('steps.complete', {
        ...ref,
        step: step.code,
        ...(v.outcome ? { outcome: v.outcome } : {}),
        data: fieldPayload(fields, v.data),
        note: v.note,
      }),
    onSaved: (next) => {
      const saved = next.steps.find((s) => s.code === step.code);
      notifications.show({
        color: 'teal',
        message: saved?.status === 'submitted' ? t('caseView.submitted', { label: step.label }) : t('caseView.completed', { label: step.label }),
      });
    },
  });

  const chosen = outcomes.find((o) => o.value === form.values.outcome);

  const onValid = (values: Values) => {
    if (chosen?.closes) setConfirming(values);
    else void submit.run(values);
  };

  return (
    <Paper withBorder p="md" radius="sm" bg="gray.0">
      <form onSubmit={form.onSubmit(onValid)} noValidate aria-label={t('caseView.stepForm', { label: step.label })}>
        <Stack gap="sm">
          {fields.map((f) => (
            <FieldInput key={f.key} field={f} form={form} path={`data.${f.key}`} />
          ))}
          {outcomes.length > 0 && (
            <Radio.Group label={t('caseView.outcome')} required key={form.key('outcome')} {...form.getInputProps('outcome')}>
              <Stack gap={6} mt={6}>
                {outcomes.map((o) => (
                  <Radio
                    key={o.value}
                    value={o.value}
                    disabled={!allowed(o.value)}
                    label={o.closes ? `${o.label} (${t('caseView.closesCase')})` : o.label}
                  />
                ))}
              </Stack>
            </Radio.Group>
          )}
          {!hasOwnNotes && (
            <Textarea
              label={t('caseView.note')}
              autosize
              minRows={2}
              maxLength={4000}
              key={form.key('note')}
              {...form.getInputProps('note')}
            />
          )}
          <FormActions
            submit={submit}
            label={step.approval ? t('caseView.submitForApproval') : t('caseView.complete')}
            color={step.approval ? 'grape' : undefined}
          />
        </Stack>
      </form>

      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={t('caseView.closeConfirmTitle')}>
        {confirming && chosen?.closes && (
          <Stack gap="sm">
            <Text size="sm">
              {t('caseView.closeConfirmText', { outcome: chosen.label, closure: t(`caseView.closure.${chosen.closes}`) })}
            </Text>
            {closingLetters(def, chosen).length > 0 && (
              <Text size="sm" data-testid="closing-letter">
                {t('caseView.closeConfirmLetter', { letters: closingLetters(def, chosen).map((p) => letterName(p, t)).join(', ') })}
              </Text>
            )}
            {step.approval && <Text size="sm">{t('caseView.closeConfirmApproval')}</Text>}
            <FormActions
              submit={{ pending: submit.pending }}
              label={step.approval ? t('caseView.submitForApproval') : t('caseView.closeConfirmButton')}
              color="red"
              onConfirm={() => {
                const values = confirming;
                setConfirming(null);
                void submit.run(values);
              }}
              onCancel={() => setConfirming(null)}
            />
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
