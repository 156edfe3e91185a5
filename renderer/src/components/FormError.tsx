import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/errors';

/** A non-field message shown inside a form (or over a list whose load failed). */
export function FormError({ message, error }: { message?: string | null; error?: unknown }) {
  const { t } = useTranslation();
  const text = message ?? (error ? describeError(error, t) : null);
  if (!text) return null;
  return (
    <Alert color="red" role="alert" variant="light">
      {text}
    </Alert>
  );
}
