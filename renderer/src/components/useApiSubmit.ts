import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../api/client';
import { describeError, describeFieldError, type ErrorOverrides } from '../api/errors';

interface Options {
  /** Wording of some codes for this form's context. */
  overrides?: ErrorOverrides;
  /** `inline`: the message is returned in `error` for the form to show; otherwise a notification. */
  display?: 'inline' | 'notification';
  /** Called on CONFLICT (with the error, whose `current` is the record as it is now), to reload it before the user tries again. */
  onConflict?: (error: ApiCallError) => void | Promise<void>;
  /** Called on any error after it is reported (e.g. to start a countdown). */
  onError?: (error: unknown) => void;
}

function hasPath(values: unknown, path: string): boolean {
  let node: unknown = values;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

/**
 * The one form error helper: runs a submit, puts the core's field errors next to the inputs
 * and reports everything else in one place, in the user's language.
 */
export function useApiSubmit<Values extends Record<string, any>>(
  form: UseFormReturnType<Values, any>,
  submit: (values: Values) => Promise<void>,
  options: Options = {},
) {
  const { t, i18n } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(values: Values): Promise<void> {
    setPending(true);
    setError(null);
    try {
      await submit(values);
    } catch (e) {
      const apiError = e instanceof ApiCallError ? e : null;
      // The session is gone: the page is already reloading to the login screen.
      if (apiError && (apiError.code === 'UNAUTHENTICATED' || apiError.code === 'LOCKED')) return;
      if (apiError?.fields) {
        const values = form.getValues();
        const errors: Record<string, string> = {};
        for (const [path, message] of Object.entries(apiError.fields)) {
          if (hasPath(values, path)) errors[path] = describeFieldError(message, t, i18n.language);
        }
        form.setErrors(errors);
      }
      if (apiError?.code === 'CONFLICT' && options.onConflict) await options.onConflict(apiError);
      const message = describeError(e, t, options.overrides);
      if (options.display === 'inline') setError(message);
      else notifications.show({ color: 'red', title: t('errors.title'), message, autoClose: 8000 });
      options.onError?.(e);
    } finally {
      setPending(false);
    }
  }

  return { run, pending, error, setError };
}
