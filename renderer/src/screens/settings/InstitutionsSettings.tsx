import { Badge, Button, Group, Modal, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vocab, type InputOf, type InstitutionView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { keys, useInstitutions } from '../../api/queries';
import { FormActions } from '../../components/FormActions';
import { LoadedList } from '../../components/LoadedList';
import { useApiSubmit } from '../../components/useApiSubmit';
import { useEditBase } from '../../components/useEditBase';
import { validators } from '../../components/validators';
import { optionData, optionLabel } from '../../i18n/labels';
import { DataTable, TwoLineCell } from '../../components/DataTable';

type Save = InputOf<'institutions.save'>;

/** The institutions cases are referred to (hospital, police PPA unit, legal aid, shelter...). */
export function InstitutionsSettings() {
  const { t } = useTranslation();
  const institutions = useInstitutions(true);
  const [editing, setEditing] = useState<{ institution: InstitutionView | null } | null>(null);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('directory.intro')}
        </Text>
        <Button onClick={() => setEditing({ institution: null })}>{t('directory.add')}</Button>
      </Group>
      <LoadedList query={institutions} rows={institutions.data} empty={t('common.noData')} emptySize="sm">
        {(list) => (
          <DataTable minWidth={760} testId="institutions" columns={[{ label: t('directory.name') }, { label: t('directory.kind') }, { label: t('directory.contact') }, { label: t('users.status') }, { label: t('common.actions') }]}>
            {list.map((i) => (
              <Table.Tr key={i.id}>
                <TwoLineCell primary={i.name} secondary={i.address} />
                <Table.Td>{optionLabel(vocab.institutionKinds.items, i.kind)}</Table.Td>
                <TwoLineCell primary={i.contactPerson} secondary={i.phone} strong={false} />
                <Table.Td>
                  <Badge variant="light" color={i.active ? 'teal' : 'gray'}>
                    {i.active ? t('users.active') : t('users.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="default" aria-label={`${t('directory.edit')} ${i.name}`} onClick={() => setEditing({ institution: i })}>
                    {t('directory.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </LoadedList>
      {editing && <InstitutionModal institution={editing.institution} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

interface Values {
  name: string;
  kind: string;
  address: string;
  phone: string;
  contactPerson: string;
  active: boolean;
}

const valuesOf = (i: InstitutionView): Values => ({
  name: i.name,
  kind: i.kind,
  address: i.address,
  phone: i.phone,
  contactPerson: i.contactPerson,
  active: i.active,
});

function InstitutionModal({ institution, onClose }: { institution: InstitutionView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const v = validators(t);
  const form = useForm<Values>({
    initialValues: { name: '', kind: 'hospital', address: '', phone: '', contactPerson: '', active: true },
    validate: { name: v.required },
  });
  const base = useEditBase(form, institution, valuesOf, institution !== null);

  const save = async (values: Values) => {
    await call('institutions.save', {
      ...values,
      kind: values.kind as Save['kind'],
      ...(institution && base.version !== null ? { id: institution.id, version: base.version } : {}),
    });
    await client.invalidateQueries({ queryKey: keys.institutionsAll });
    notifications.show({ color: 'teal', message: t('common.saved') });
    onClose();
  };
  const submit = useApiSubmit(form, save, {
    display: 'inline',
    onConflict: async () => {
      await client.refetchQueries({ queryKey: keys.institutionsAll });
      const fresh = client.getQueryData<InstitutionView[]>(keys.institutions(true))?.find((i) => i.id === institution?.id);
      if (fresh) base.load(fresh);
    },
  });

  return (
    <Modal opened onClose={onClose} title={institution ? t('directory.editTitle', { name: institution.name }) : t('directory.add')} size="lg">
      <form onSubmit={form.onSubmit(submit.run)} noValidate>
        <Stack gap="sm">
          <TextInput label={t('directory.name')} required data-autofocus maxLength={200} key={form.key('name')} {...form.getInputProps('name')} />
          <NativeSelect label={t('directory.kind')} data={optionData(vocab.institutionKinds.items)} key={form.key('kind')} {...form.getInputProps('kind')} />
          <TextInput label={t('directory.address')} maxLength={300} key={form.key('address')} {...form.getInputProps('address')} />
          <Group grow>
            <TextInput label={t('directory.phone')} maxLength={40} key={form.key('phone')} {...form.getInputProps('phone')} />
            <TextInput label={t('directory.contactPerson')} maxLength={120} key={form.key('contactPerson')} {...form.getInputProps('contactPerson')} />
          </Group>
          {institution && (
            <NativeSelect
              label={t('users.status')}
              description={t('directory.inactiveHint')}
              data={[
                { value: 'true', label: t('users.active') },
                { value: 'false', label: t('users.inactive') },
              ]}
              value={String(form.values.active)}
              onChange={(e) => form.setFieldValue('active', e.currentTarget.value === 'true')}
            />
          )}
          <FormActions submit={submit} label={t('common.save')} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
