import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from './FormActions';
import { useApiSubmit } from './useApiSubmit';

type ReasonForm = UseFormReturnType<{ reason: string }>;

/** The reason an action must give, on record: required, a few lines. */
export function ReasonField(props: { form: ReasonForm; label: string; maxLength: number; placeholder?: string }) {
  const { form } = props;
  return (
    <Textarea
      label={props.label}
      placeholder={props.placeholder}
      required
      data-autofocus
      autosize
      minRows={2}
      maxLength={props.maxLength}
      key={form.key('reason')}
      {...form.getInputProps('reason')}
    />
  );
}

export interface ReasonDialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  explain: string;
  reasonLabel: string;
  maxLength: number;
  confirmLabel: string;
  confirmColor?: string;
  form: ReasonForm;
  submit: { run: (values: { reason: string }) => Promise<void>; error: string | null; pending: boolean };
}

/**
 * The dialog of an action that must say why, around a form the caller runs (a case edit
 * names the case's version; see ReasonModal for a plain action).
 */
export function ReasonDialog(props: ReasonDialogProps) {
  const { form, submit } = props;
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      <form onSubmit={form.onSubmit(submit.run)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{props.explain}</Text>
          <ReasonField form={form} label={props.reasonLabel} maxLength={props.maxLength} />
          <FormActions submit={submit} label={props.confirmLabel} color={props.confirmColor} onCancel={props.onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * Confirms an action that must say why (voiding a letter, removing a scan): the reason is
 * required, the core's field errors land on it, and the modal closes only once it is done.
 */
export function ReasonModal(props: {
  opened: boolean;
  onClose: () => void;
  title: string;
  explain: string;
  reasonLabel: string;
  confirmLabel: string;
  act: (reason: string) => Promise<unknown>;
  onConflict?: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: (v) => (v.trim() ? null : t('documents.reasonRequired')) } });
  const submit = useApiSubmit(
    form,
    async ({ reason }) => {
      await props.act(reason.trim());
      props.onClose();
    },
    { display: 'inline', onConflict: props.onConflict },
  );

  useEffect(() => {
    if (!props.opened) return;
    form.reset();
    submit.setError(null);
  }, [props.opened]);

  return (
    <ReasonDialog
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      explain={props.explain}
      reasonLabel={props.reasonLabel}
      maxLength={500}
      confirmLabel={props.confirmLabel}
      confirmColor="red"
      form={form}
      submit={submit}
    />
  );
}
