import { Button, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { vocab, type CaseDetail, type InputOf } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { FormError } from '../../components/FormError';
import { optionLabel } from '../../i18n/labels';
import { formatMoment } from './format';
import { useCaseForm, useCaseWorkspace } from './workspace';

type Requirement = CaseDetail['requirements'][number];

/** The standard's requirements (persyaratan) as a checklist: status and a note for each. */
export function RequirementsTab() {
  const { t } = useTranslation();
  const { base: c } = useCaseWorkspace();
  if (c.requirements.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('caseView.noRequirements')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('caseView.requirement')}</Table.Th>
            <Table.Th w={200}>{t('caseView.requirementStatus')}</Table.Th>
            <Table.Th>{t('caseView.note')}</Table.Th>
            <Table.Th w={90} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.requirements.map((r) => (
            <RequirementRow key={r.code} requirement={r} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RequirementRow({ requirement: r }: { requirement: Requirement }) {
  const { t } = useTranslation();
  const { editable } = useCaseWorkspace();
  const { form, submit } = useCaseForm({
    values: (c) => {
      const current = c.requirements.find((x) => x.code === r.code) ?? r;
      return { status: current.status, note: current.note ?? '' };
    },
    send: (v, ref) =>
      call('cases.setRequirement', {
        ...ref,
        code: r.code,
        status: v.status as InputOf<'cases.setRequirement'>['status'],
        note: v.note,
      }),
  });
  // A required document cannot be "not needed".
  const statuses = vocab.requirementStatuses.items
    .filter((s) => r.optional || s.code !== 'not_applicable')
    .map((s) => ({ value: s.code, label: optionLabel(vocab.requirementStatuses.items, s.code) }));

  return (
    <Table.Tr data-testid={`requirement-${r.code}`}>
      <Table.Td>
        <Text size="sm">
          {r.label}
          {r.optional && (
            <Text span size="xs" c="dimmed">
              {' '}
              ({t('common.optional')})
            </Text>
          )}
        </Text>
        {r.checkedAt && (
          <Text size="xs" c="dimmed">
            {t('caseView.checkedBy', { by: r.checkedBy ?? '—', at: formatMoment(r.checkedAt) })}
          </Text>
        )}
        <FormError message={submit.error} />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={`${t('caseView.requirementStatus')}: ${r.label}`}
          data={statuses}
          disabled={!editable}
          key={form.key('status')}
          {...form.getInputProps('status')}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={`${t('caseView.note')}: ${r.label}`}
          maxLength={500}
          disabled={!editable}
          key={form.key('note')}
          {...form.getInputProps('note')}
        />
      </Table.Td>
      <Table.Td>
        {editable && (
          <Button
            size="xs"
            disabled={!form.isDirty()}
            loading={submit.pending}
            aria-label={`${t('common.save')}: ${r.label}`}
            onClick={() => void form.onSubmit(submit.run)()}
          >
            {t('common.save')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
