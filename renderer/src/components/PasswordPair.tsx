import type { UseFormReturnType } from '@mantine/form';
import { PasswordField } from './PasswordField';

interface Props {
  form: UseFormReturnType<any>;
  /** Path of the password in the form, and of its confirmation. */
  path: string;
  confirmPath: string;
  label: string;
  confirmLabel: string;
  description?: string;
  autoFocus?: boolean;
}

/** A new password and its repetition, the same everywhere a password is chosen. */
export function PasswordPair({ form, path, confirmPath, label, confirmLabel, description, autoFocus }: Props) {
  return (
    <>
      <PasswordField
        label={label}
        description={description}
        required
        autoComplete="new-password"
        autoFocus={autoFocus}
        data-autofocus={autoFocus || undefined}
        key={form.key(path)}
        {...form.getInputProps(path)}
      />
      <PasswordField
        label={confirmLabel}
        required
        autoComplete="new-password"
        key={form.key(confirmPath)}
        {...form.getInputProps(confirmPath)}
      />
    </>
  );
}
