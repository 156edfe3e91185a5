import { Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { keys, useOffice } from '../../api/queries';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import {
  emptyOffice,
  logoUpload,
  officeFields,
  officeFormValues,
  officeValidation,
} from '../../components/officeForm';
import { OfficeFields } from '../../components/OfficeFields';
import { useRecordForm } from '../../components/useRecordForm';

/** The letterhead profile. The logo is sent only when it changed: omitted keeps it, null removes it. */
export function OfficeProfileForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const office = useOffice();
  const { form, submit } = useRecordForm({
    queryKey: keys.office,
    record: office.data,
    toValues: officeFormValues,
    initialValues: emptyOffice,
    validate: officeValidation(t),
    save: (values, version, f) =>
      call('office.update', { ...officeFields(values), version, ...(f.isDirty('logo') ? { logo: logoUpload(values.logo) } : {}) }),
    savedMessage: t('settings.officeSaved'),
    afterSave: () => client.invalidateQueries({ queryKey: keys.session }),
  });

  if (office.isPending) return <Loading />;
  if (office.isError) return <FormError error={office.error} />;

  return (
    <form onSubmit={form.onSubmit(submit.run)} noValidate>
      <Stack gap="md">
        <OfficeFields form={form} />
        <FormActions submit={submit} label={t('common.save')} disabled={!form.isDirty()} />
      </Stack>
    </form>
  );
}
