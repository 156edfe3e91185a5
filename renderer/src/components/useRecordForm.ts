import { useForm, type FormValidateInput, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiSubmit } from './useApiSubmit';
import { useEditBase } from './useEditBase';

interface RecordFormOptions<T extends { version: number }, V extends Record<string, any>> {
  /** The query that holds the record; the saved record replaces it. */
  queryKey: readonly unknown[];
  record: T | undefined;
  toValues: (record: T) => V;
  /** Values shown until the record has loaded. */
  initialValues: V;
  validate?: FormValidateInput<V>;
  /** Check as the user types (true: every field), rather than on saving only. */
  validateInputOnChange?: boolean;
  /** Sends the form, naming the version the user read; returns the record as saved. */
  save: (values: V, version: number, form: UseFormReturnType<V>) => Promise<T>;
  /** Said when saved (default: "changes saved"). */
  savedMessage?: string;
  /** After a save, e.g. to refresh what else shows the record (the session). */
  afterSave?: () => Promise<unknown>;
}

/**
 * A form over one versioned record held in a query: filled from it, saved naming the version
 * it was filled from, and on CONFLICT refilled with the record as it is now (never
 * last-writer-wins). Errors are shown inline.
 */
export function useRecordForm<T extends { version: number }, V extends Record<string, any>>(options: RecordFormOptions<T, V>) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm<V>({ initialValues: options.initialValues, validate: options.validate, validateInputOnChange: options.validateInputOnChange });
  const base = useEditBase(form, options.record, options.toValues);
  const submit = useApiSubmit(
    form,
    async (values) => {
      if (base.version === null) return;
      const saved = await options.save(values, base.version, form);
      client.setQueryData(options.queryKey, saved);
      base.load(saved);
      await options.afterSave?.();
      notifications.show({ color: 'teal', message: options.savedMessage ?? t('common.saved') });
    },
    {
      display: 'inline',
      onConflict: async () => {
        await client.refetchQueries({ queryKey: options.queryKey });
        const fresh = client.getQueryData<T>(options.queryKey);
        if (fresh) base.load(fresh);
      },
    },
  );
  return { form, submit, base };
}
