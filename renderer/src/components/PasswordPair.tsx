import type { UseFormReturnType } from '@mantine/form';
import type { PasswordContext } from '../../../electron/core/api/password-strength';
import { PasswordField } from './PasswordField';
import { PasswordStrengthMeter } from './PasswordStrengthMeter';

interface Props {
  form: UseFormReturnType<any>;
  /** Path of the password in the form, and of its confirmation. */
  path: string;
  confirmPath: string;
  label: string;
  confirmLabel: string;
  description?: string;
  autoFocus?: boolean;
  /** Whose password it is: their names count as easy to guess. */
  context?: PasswordContext;
}

/** A new password, how strong it is, and its repetition: the same everywhere a password is chosen. */
export function PasswordPair({ form, path, confirmPath, label, confirmLabel, description, autoFocus, context }: Props) {
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
      <PasswordStrengthMeter password={String(form.getInputProps(path).value ?? '')} context={context} />
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
