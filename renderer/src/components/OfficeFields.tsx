import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { LogoInput } from './LogoInput';

interface Props {
  form: UseFormReturnType<any>;
  /** Where the office values sit in the form ('' or e.g. 'office.'). */
  prefix?: string;
  autoFocus?: boolean;
}

/** The office profile inputs, shared by first-run setup and Settings. */
export function OfficeFields({ form, prefix = '', autoFocus = false }: Props) {
  const { t } = useTranslation();
  const path = (name: string) => `${prefix}${name}`;
  const input = (name: string) => ({ ...form.getInputProps(path(name)), key: form.key(path(name)) });
  const logoPath = path('logo');

  return (
    <Stack gap="sm">
      <TextInput
        label={t('office.name')}
        placeholder={t('office.namePlaceholder')}
        required
        data-autofocus={autoFocus || undefined}
        autoFocus={autoFocus}
        {...input('name')}
      />
      <TextInput
        label={t('office.governmentLine')}
        placeholder={t('office.governmentLinePlaceholder')}
        {...input('governmentLine')}
      />
      <TextInput label={t('office.address')} {...input('address')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('office.city')} {...input('city')} />
        <TextInput label={t('office.postcode')} inputMode="numeric" maxLength={5} {...input('postcode')} />
        <TextInput label={t('office.phone')} type="tel" {...input('phone')} />
        <TextInput label={t('office.email')} type="email" {...input('email')} />
      </SimpleGrid>
      <TextInput label={t('office.website')} {...input('website')} />
      <LogoInput
        value={form.getInputProps(logoPath).value as string | null}
        onChange={(dataUrl) => {
          form.setFieldValue(logoPath, dataUrl);
          form.clearFieldError(logoPath);
        }}
        onError={(message) => form.setFieldError(logoPath, message)}
        error={form.errors[logoPath]}
      />
    </Stack>
  );
}
