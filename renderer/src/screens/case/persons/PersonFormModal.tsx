import { Modal, NativeSelect, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { vocab, type CaseDetail, type InputOf, type PersonView } from '../../../../../electron/core/api/contract';
import { call } from '../../../api/client';
import { FormActions } from '../../../components/FormActions';
import { optionData, optionLabel } from '../../../i18n/labels';
import { blankPerson, toPersonInput, type PersonRole, type PersonValues } from '../../intake/intakeValues';
import { PersonFields } from '../../intake/PersonFields';
import { useCaseForm, useCaseWorkspace } from '../workspace';

type AddInput = InputOf<'cases.addPerson'>;

interface Values {
  role: AddInput['role'];
  companionOf: string;
  companionType: string;
  person: PersonValues;
}

/** The person as the intake form holds one, from what the case shows. */
function personValues(p: PersonView): PersonValues {
  return {
    ...blankPerson(),
    fullName: p.fullName,
    nik: p.nik ?? '',
    kkNo: p.kkNo ?? '',
    phone: p.phone ?? '',
    birthPlace: p.birthPlace ?? '',
    birthDate: p.birthDate,
    sex: (p.sex ?? '') as PersonValues['sex'],
    occupation: (p.occupation ?? '') as PersonValues['occupation'],
    education: (p.education ?? '') as PersonValues['education'],
    maritalStatus: (p.maritalStatus ?? '') as PersonValues['maritalStatus'],
    relation: (p.relation ?? '') as PersonValues['relation'],
    disability: p.disability,
    disabilityNote: p.disabilityNote ?? '',
    region: p.region ?? '',
    rt: p.rt ?? '',
    rw: p.rw ?? '',
    address: p.address ?? '',
  };
}

/** The date ages are judged on: the incident's, or the registration's when unknown. */
const referenceDateOf = (c: CaseDetail) => c.incident.date ?? c.createdAt.slice(0, 10);

/** The intake's person fields (NIK reading, duplicate check, age and child badge) serve every role of a case. */
const fieldsRole = (role: string): PersonRole => (role === 'reporter' || role === 'perpetrator' ? role : 'victim');

/**
 * Adds someone to the case (a party, a companion for whom and of which kind, a witness, ...) or
 * corrects them, with the same person fields as the intake form.
 */
export function PersonFormModal({ person, onClose }: { person: PersonView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { base } = useCaseWorkspace();
  const editing = person !== null;
  const digits = (value: string) => (/^(\d{16})?$/.test(value.trim()) ? null : t('caseView.digits', { n: 16 }));

  const { form, submit } = useCaseForm<Values>({
    values: (c) => {
      if (!person) return { role: 'party', companionOf: '', companionType: '', person: blankPerson() };
      const current = c.persons.find((p) => p.personId === person.personId && p.role === person.role) ?? person;
      return { role: person.role as Values['role'], companionOf: '', companionType: '', person: personValues(current) };
    },
    validate: {
      person: {
        fullName: (value) => (value.trim() ? null : t('validation.required')),
        nik: digits,
        kkNo: digits,
      },
      companionOf: (value, values) => (!editing && values.role === 'companion' && !value ? t('validation.required') : null),
      companionType: (value, values) => (!editing && values.role === 'companion' && !value ? t('validation.required') : null),
    },
    send: (values, ref) => {
      if (person) return call('cases.updatePerson', { ...ref, personId: person.personId, person: toPersonInput(values.person) });
      const companion = values.role === 'companion';
      const relation = values.person.relation;
      return call('cases.addPerson', {
        ...ref,
        role: values.role,
        person: toPersonInput(values.person),
        ...(relation && (values.role === 'perpetrator' || values.role === 'reporter') ? { relation } : {}),
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
            <NativeSelect label={t('caseView.personRole')} data={optionData(vocab.personRoles.items)} key={form.key('role')} {...form.getInputProps('role')} />
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
          <PersonFields
            form={form}
            path="person"
            role={fieldsRole(role)}
            referenceDate={referenceDateOf(base)}
            withRelation={!editing && (role === 'perpetrator' || role === 'reporter')}
            findDuplicates={!editing}
          />
          <FormActions submit={submit} label={t('common.save')} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
