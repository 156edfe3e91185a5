import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OfficeView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { keys, useOffice } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import {
  emptyOffice,
  logoUpload,
  officeFields,
  officeFormValues,
  officeValidation,
  type OfficeFormValues,
} from '../../components/officeForm';
import { OfficeFields } from '../../components/OfficeFields';
import { useApiSubmit } from '../../components/useApiSubmit';
import { useEditBase } from '../../components/useEditBase';

/** The letterhead profile. The logo is sent only when it changed: omitted keeps it, null removes it. */
export function OfficeProfileForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const office = useOffice();
  const form = useForm<OfficeFormValues>({ initialValues: emptyOffice, validate: officeValidation(t) });

  const base = useEditBase(form, office.data, officeFormValues);

  const submit = useApiSubmit(
    form,
    async (values) => {
      if (base.version === null) return;
      const logoChanged = form.isDirty('logo');
      const saved = await call('office.update', {
        ...officeFields(values),
        version: base.version,
        ...(logoChanged ? { logo: logoUpload(values.logo) } : {}),
      });
      client.setQueryData(keys.office, saved);
      base.load(saved);
      await client.invalidateQueries({ queryKey: keys.session });
      notifications.show({ color: 'teal', message: t('settings.officeSaved') });
    },
    {
      display: 'inline',
      onConflict: async () => {
        // Someone else saved first: load their version, never overwrite it.
        await client.refetchQueries({ queryKey: keys.office });
        const fresh = client.getQueryData<OfficeView>(keys.office);
        if (fresh) base.load(fresh);
      },
    },
  );

  if (office.isPending) return <Loading />;
  if (office.isError) return <FormError error={office.error} />;

  return (
    <form onSubmit={form.onSubmit(submit.run)} noValidate>
      <Stack gap="md">
        <OfficeFields form={form} />
        <FormError message={submit.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={submit.pending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
