import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from './FormActions';
import { useApiSubmit } from './useApiSubmit';

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
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      <form onSubmit={form.onSubmit(submit.run)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{props.explain}</Text>
          <Textarea label={props.reasonLabel} required autosize minRows={2} maxLength={500} data-autofocus {...form.getInputProps('reason')} />
          <FormActions submit={submit} label={props.confirmLabel} color="red" onCancel={props.onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
