import { Button, Checkbox, Group, Modal, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { simfoni, vocab, type InputOf, type PersonView } from '../../../../../electron/core/api/contract';
import { call } from '../../../api/client';
import { DateField, todayIso } from '../../../components/DateField';
import { FormError } from '../../../components/FormError';
import { validators } from '../../../components/validators';
import { optionData, optionLabel } from '../../../i18n/labels';
import { RegionPicker } from '../../intake/RegionPicker';
import { useCaseForm, useCaseWorkspace } from '../workspace';

type AddInput = InputOf<'cases.addPerson'>;
type PersonInput = AddInput['person'];

interface PersonValues {
  role: string;
  relation: string;
  companionOf: string;
  companionType: string;
  person: {
    fullName: string;
    nik: string;
    kkNo: string;
    phone: string;
    birthPlace: string;
    birthDate: string | null;
    sex: string;
    occupation: string;
    address: string;
    region: string;
    rt: string;
    rw: string;
    disability: boolean;
    disabilityNote: string;
  };
}

const blank: PersonValues = {
  role: 'party',
  relation: '',
  companionOf: '',
  companionType: '',
  person: {
    fullName: '',
    nik: '',
    kkNo: '',
    phone: '',
    birthPlace: '',
    birthDate: '',
    sex: '',
    occupation: '',
    address: '',
    region: '',
    rt: '',
    rw: '',
    disability: false,
    disabilityNote: '',
  },
};

function valuesOf(p: PersonView): PersonValues {
  return {
    role: p.role,
    relation: p.relation ?? '',
    companionOf: p.companionOf ?? '',
    companionType: p.companionType ?? '',
    person: {
      fullName: p.fullName,
      nik: p.nik ?? '',
      kkNo: p.kkNo ?? '',
      phone: p.phone ?? '',
      birthPlace: p.birthPlace ?? '',
      birthDate: p.birthDate ?? '',
      sex: p.sex ?? '',
      occupation: p.occupation ?? '',
      address: p.address ?? '',
      region: p.region ?? '',
      rt: p.rt ?? '',
      rw: p.rw ?? '',
      disability: p.disability,
      disabilityNote: p.disabilityNote ?? '',
    },
  };
}

/** The person as the contract takes it. */
function personInput(v: PersonValues['person']): PersonInput {
  return {
    fullName: v.fullName,
    nik: v.nik.trim(),
    kkNo: v.kkNo.trim(),
    phone: v.phone.trim(),
    birthPlace: v.birthPlace,
    ...(v.birthDate ? { birthDate: v.birthDate } : {}),
    ...(v.sex ? { sex: v.sex as PersonInput['sex'] } : {}),
    ...(v.occupation ? { occupation: v.occupation as PersonInput['occupation'] } : {}),
    region: v.region,
    rt: v.rt.trim(),
    rw: v.rw.trim(),
    address: v.address,
    disability: v.disability,
    disabilityNote: v.disability ? v.disabilityNote : '',
  };
}

/** Adds someone to the case (a party, a companion for whom and of which kind, a witness, ...) or corrects them. */
export function PersonFormModal({ person, onClose }: { person: PersonView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { base } = useCaseWorkspace();
  const v = validators(t);
  const digits = (n: number) => (value: string) => (new RegExp(`^(\\d{${n}})?$`).test(value.trim()) ? null : t('caseView.digits', { n }));
  const editing = person !== null;

  const { form, submit } = useCaseForm<PersonValues>({
    values: (c) => {
      if (!person) return blank;
      const current = c.persons.find((p) => p.personId === person.personId && p.role === person.role) ?? person;
      return valuesOf(current);
    },
    validate: {
      person: { fullName: v.required, nik: digits(16), kkNo: digits(16) },
      companionOf: (value, values) => (values.role === 'companion' && !editing && !value ? t('validation.required') : null),
      companionType: (value, values) => (values.role === 'companion' && !editing && !value ? t('validation.required') : null),
    },
    send: (values, ref) => {
      if (person) {
        return call('cases.updatePerson', { ...ref, personId: person.personId, person: personInput(values.person) });
      }
      const companion = values.role === 'companion';
      return call('cases.addPerson', {
        ...ref,
        role: values.role as AddInput['role'],
        person: personInput(values.person),
        ...(values.relation && !companion ? { relation: values.relation as AddInput['relation'] } : {}),
        ...(companion ? { companionOf: values.companionOf, companionType: values.companionType as AddInput['companionType'] } : {}),
      });
    },
    onSaved: onClose,
  });

  const role = form.values.role;
  // Anyone but another companion can be accompanied.
  const accompaniable = base.persons.filter((p) => p.role !== 'companion');
  const title = editing ? t('caseView.editPersonTitle', { name: person.fullName }) : t('caseView.addPerson');

  return (
    <Modal opened onClose={onClose} title={title} size="xl">
      <form onSubmit={form.onSubmit(submit.run)} noValidate>
        <Stack gap="sm">
          {!editing && (
            <NativeSelect
              label={t('caseView.personRole')}
              data={optionData(vocab.personRoles.items)}
              key={form.key('role')}
              {...form.getInputProps('role')}
            />
          )}
          {!editing && role === 'companion' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                label={t('caseView.companionOf')}
                required
                data={[
                  { value: '', label: t('caseView.choose') },
                  ...accompaniable.map((p) => ({
                    value: p.personId,
                    label: `${p.fullName} (${optionLabel(vocab.personRoles.items, p.role)}${p.isChild ? `, ${t('caseView.child')}` : ''})`,
                  })),
                ]}
                key={form.key('companionOf')}
                {...form.getInputProps('companionOf')}
              />
              <NativeSelect
                label={t('caseView.companionType')}
                required
                data={[{ value: '', label: t('caseView.choose') }, ...optionData(vocab.companionTypes.items)]}
                key={form.key('companionType')}
                {...form.getInputProps('companionType')}
              />
            </SimpleGrid>
          )}
          {!editing && (role === 'perpetrator' || role === 'reporter') && (
            <NativeSelect
              label={t('caseView.relation')}
              data={[{ value: '', label: t('caseView.choose') }, ...optionData(simfoni.PERPETRATOR_RELATIONS)]}
              key={form.key('relation')}
              {...form.getInputProps('relation')}
            />
          )}
          <TextInput label={t('caseView.person.fullName')} required data-autofocus maxLength={120} key={form.key('person.fullName')} {...form.getInputProps('person.fullName')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label="NIK" inputMode="numeric" maxLength={16} key={form.key('person.nik')} {...form.getInputProps('person.nik')} />
            <TextInput label={t('caseView.person.kkNo')} inputMode="numeric" maxLength={16} key={form.key('person.kkNo')} {...form.getInputProps('person.kkNo')} />
            <TextInput label={t('caseView.person.phone')} maxLength={20} key={form.key('person.phone')} {...form.getInputProps('person.phone')} />
            <TextInput label={t('caseView.person.birthPlace')} maxLength={80} key={form.key('person.birthPlace')} {...form.getInputProps('person.birthPlace')} />
            <DateField label={t('caseView.person.birthDate')} maxDate={todayIso()} clearable key={form.key('person.birthDate')} {...form.getInputProps('person.birthDate')} />
            <NativeSelect
              label={t('caseView.person.sex')}
              data={[{ value: '', label: t('caseView.choose') }, ...optionData(simfoni.SEXES)]}
              key={form.key('person.sex')}
              {...form.getInputProps('person.sex')}
            />
            <NativeSelect
              label={t('caseView.person.occupation')}
              data={[{ value: '', label: t('caseView.choose') }, ...optionData(simfoni.OCCUPATIONS)]}
              key={form.key('person.occupation')}
              {...form.getInputProps('person.occupation')}
            />
            <TextInput label="RT" maxLength={3} key={form.key('person.rt')} {...form.getInputProps('person.rt')} />
            <TextInput label="RW" maxLength={3} key={form.key('person.rw')} {...form.getInputProps('person.rw')} />
          </SimpleGrid>
          <TextInput label={t('caseView.person.address')} maxLength={300} key={form.key('person.address')} {...form.getInputProps('person.address')} />
          <RegionPicker
            label={t('caseView.person.region')}
            value={form.values.person.region}
            onChange={(code) => form.setFieldValue('person.region', code)}
            error={form.errors['person.region']}
          />
          <Checkbox
            label={t('caseView.person.disability')}
            key={form.key('person.disability')}
            {...form.getInputProps('person.disability', { type: 'checkbox' })}
          />
          {form.values.person.disability && (
            <TextInput
              label={t('caseView.person.disabilityNote')}
              maxLength={200}
              key={form.key('person.disabilityNote')}
              {...form.getInputProps('person.disabilityNote')}
            />
          )}
          <FormError message={submit.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submit.pending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
