import { Button, Group, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from './FormError';

/**
 * The foot of a form or a confirming dialog: what stopped the last try, then Cancel and the
 * action, at the end of the row. The action submits the form, unless `onConfirm` is given (a
 * dialog with nothing to fill in).
 */
export function FormActions(props: {
  label: string;
  /** The running submit (useApiSubmit): its inline message, and whether it is under way. */
  submit?: { error?: string | null; pending: boolean };
  /** Something else that stops the form, shown in the same place (a list it needs did not load). */
  error?: unknown;
  color?: string;
  disabled?: boolean;
  onConfirm?: () => void;
  /** Without it there is no Cancel: the form stays where it is. */
  onCancel?: () => void;
  cancelLabel?: string;
  cancelDisabled?: boolean;
  /** Stands at the start of the row, away from Cancel and the action. */
  start?: ReactNode;
  mt?: MantineSpacing;
}) {
  const { t } = useTranslation();
  const buttons = (
    <>
      {props.onCancel && (
        <Button variant="default" disabled={props.cancelDisabled} onClick={props.onCancel}>
          {props.cancelLabel ?? t('common.cancel')}
        </Button>
      )}
      <Button
        type={props.onConfirm ? 'button' : 'submit'}
        color={props.color}
        loading={props.submit?.pending}
        disabled={props.disabled}
        onClick={props.onConfirm}
      >
        {props.label}
      </Button>
    </>
  );
  return (
    <>
      <FormError message={props.submit?.error} error={props.error} />
      {props.start ? (
        <Group justify="space-between" mt={props.mt}>
          {props.start}
          <Group gap="xs">{buttons}</Group>
        </Group>
      ) : (
        <Group justify="flex-end" mt={props.mt}>
          {buttons}
        </Group>
      )}
    </>
  );
}
