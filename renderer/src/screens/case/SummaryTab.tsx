import { Badge, Button, Card, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { simfoni, vocab, type CaseDetail, type InputOf } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { DateField, todayIso } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { formatDate } from '../../i18n/format';
import { optionData, optionLabel } from '../../i18n/labels';
import { RegionPicker } from '../intake/RegionPicker';
import { useCaseForm, useCaseWorkspace } from './workspace';

/** Incident, violence types, needs, consent and chronology: what the case is about. */
export function SummaryTab() {
  const { t } = useTranslation();
  const { base: c, editable } = useCaseWorkspace();
  const [editing, setEditing] = useState(false);

  if (editing) return <SummaryForm onDone={() => setEditing(false)} />;

  const place = (code: string | null) => optionLabel(simfoni.PLACES, code);
  const address = [c.incident.address, c.incident.rt && `RT ${c.incident.rt}`, c.incident.rw && `RW ${c.incident.rw}`, c.incident.regionName]
    .filter(Boolean)
    .join(', ');

  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={6}>
          <Table.Tbody>
            <Row label={t('caseView.channel')}>{optionLabel(vocab.channels.items, c.channel)}</Row>
            <Row label={t('caseView.incidentDate')}>{c.incident.date ? formatDate(c.incident.date) : '—'}</Row>
            <Row label={t('caseView.incidentPlace')}>{place(c.incident.place) || '—'}</Row>
            <Row label={t('caseView.incidentAddress')}>{address || '—'}</Row>
            <Row label={t('caseView.fields.violenceTypes')}>
              <Badges codes={c.violenceTypes} options={simfoni.VIOLENCE_TYPES} color="red" />
            </Row>
            <Row label={t('caseView.fields.needs')}>
              <Badges codes={c.needs} options={simfoni.SERVICES} color="blue" />
            </Row>
            <Row label={t('caseView.fields.consent')}>
              {c.consent ? (
                <Text size="sm" data-testid="case-consent">
                  {t('caseView.consentText', {
                    by: optionLabel(vocab.consentGivers.items, c.consent.givenBy),
                    name: c.consent.name,
                    date: formatDate(c.consent.date),
                  })}
                  {c.consent.note ? ` — ${c.consent.note}` : ''}
                </Text>
              ) : (
                <Text size="sm" c="orange.8">
                  {t('caseView.noConsent')}
                </Text>
              )}
            </Row>
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder padding="md">
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('caseView.fields.chronology')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="case-chronology">
            {c.chronology || '—'}
          </Text>
        </Stack>
      </Card>
      {editable && (
        <Group>
          <Button variant="light" onClick={() => setEditing(true)}>
            {t('caseView.editSummary')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={220}>{label}</Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function Badges({ codes, options, color }: { codes: string[]; options: Parameters<typeof optionLabel>[0]; color: string }) {
  if (codes.length === 0) return <Text size="sm">—</Text>;
  return (
    <Group gap={4}>
      {codes.map((code) => (
        <Badge key={code} variant="light" color={color}>
          {optionLabel(options, code)}
        </Badge>
      ))}
    </Group>
  );
}

type Update = InputOf<'cases.update'>;

interface SummaryValues {
  riskLevel: string;
  incidentDate: string | null;
  incidentPlace: string;
  incidentAddress: string;
  incidentRegion: string;
  incidentRt: string;
  incidentRw: string;
  violenceTypes: string[];
  needs: string[];
  chronology: string;
  consentGivenBy: string;
  consentName: string;
  consentDate: string | null;
  consentNote: string;
}

const summaryValues = (c: CaseDetail): SummaryValues => ({
  riskLevel: c.riskLevel,
  incidentDate: c.incident.date ?? '',
  incidentPlace: c.incident.place ?? '',
  incidentAddress: c.incident.address ?? '',
  incidentRegion: c.incident.region ?? '',
  incidentRt: c.incident.rt ?? '',
  incidentRw: c.incident.rw ?? '',
  violenceTypes: c.violenceTypes,
  needs: c.needs,
  chronology: c.chronology,
  consentGivenBy: c.consent?.givenBy ?? '',
  consentName: c.consent?.name ?? '',
  consentDate: c.consent?.date ?? '',
  consentNote: c.consent?.note ?? '',
});

function SummaryForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const rtRw = (value: string) => (/^(\d{1,3})?$/.test(value.trim()) ? null : t('caseView.rtRwInvalid'));
  // Consent (UU PDP) is recorded whole or not at all.
  const consentPart = (value: string | null, v: SummaryValues) => {
    const filled = [v.consentGivenBy, v.consentName.trim(), v.consentDate].filter(Boolean).length;
    return filled === 0 || filled === 3 || value?.trim() ? null : t('caseView.consentIncomplete');
  };
  const { form, submit } = useCaseForm<SummaryValues>({
    values: summaryValues,
    validate: { incidentRt: rtRw, incidentRw: rtRw, consentGivenBy: consentPart, consentName: consentPart, consentDate: consentPart },
    send: (v, ref) =>
      call('cases.update', {
        ...ref,
        riskLevel: v.riskLevel as Update['riskLevel'],
        chronology: v.chronology,
        violenceTypes: v.violenceTypes as Update['violenceTypes'],
        needs: v.needs as Update['needs'],
        incident: {
          ...(v.incidentDate ? { date: v.incidentDate } : {}),
          ...(v.incidentPlace ? { place: v.incidentPlace as NonNullable<Update['incident']>['place'] } : {}),
          region: v.incidentRegion,
          rt: v.incidentRt.trim(),
          rw: v.incidentRw.trim(),
          address: v.incidentAddress,
        },
        ...(v.consentGivenBy && v.consentName.trim() && v.consentDate
          ? {
              consent: {
                givenBy: v.consentGivenBy as NonNullable<Update['consent']>['givenBy'],
                name: v.consentName,
                date: v.consentDate,
                note: v.consentNote,
              },
            }
          : {}),
      }),
    onSaved: () => {
      notifications.show({ color: 'teal', message: t('common.saved') });
      onDone();
    },
  });

  return (
    <form onSubmit={form.onSubmit(submit.run)} noValidate aria-label={t('caseView.editSummary')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('caseView.fields.riskLevel')}
            data={optionData(vocab.riskLevels.items)}
            key={form.key('riskLevel')}
            {...form.getInputProps('riskLevel')}
          />
          <DateField label={t('caseView.incidentDate')} maxDate={todayIso()} clearable key={form.key('incidentDate')} {...form.getInputProps('incidentDate')} />
          <NativeSelect
            label={t('caseView.incidentPlace')}
            data={[{ value: '', label: t('caseView.choose') }, ...optionData(simfoni.PLACES)]}
            key={form.key('incidentPlace')}
            {...form.getInputProps('incidentPlace')}
          />
          <TextInput label={t('caseView.incidentAddress')} maxLength={300} key={form.key('incidentAddress')} {...form.getInputProps('incidentAddress')} />
          <TextInput label="RT" maxLength={3} w={120} key={form.key('incidentRt')} {...form.getInputProps('incidentRt')} />
          <TextInput label="RW" maxLength={3} w={120} key={form.key('incidentRw')} {...form.getInputProps('incidentRw')} />
        </SimpleGrid>
        <RegionPicker
          label={t('caseView.incidentRegion')}
          value={form.values.incidentRegion}
          onChange={(code) => form.setFieldValue('incidentRegion', code)}
          error={form.errors['incident.region']}
        />
        <Checkbox.Group label={t('caseView.fields.violenceTypes')} key={form.key('violenceTypes')} {...form.getInputProps('violenceTypes')}>
          <Group gap="md" mt={6}>
            {optionData(simfoni.VIOLENCE_TYPES).map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group label={t('caseView.fields.needs')} key={form.key('needs')} {...form.getInputProps('needs')}>
          <Group gap="md" mt={6}>
            {optionData(simfoni.SERVICES).map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t('caseView.consentGivenBy')}
            data={[{ value: '', label: t('caseView.choose') }, ...optionData(vocab.consentGivers.items)]}
            key={form.key('consentGivenBy')}
            {...form.getInputProps('consentGivenBy')}
          />
          <TextInput label={t('caseView.consentName')} maxLength={120} key={form.key('consentName')} {...form.getInputProps('consentName')} />
          <DateField label={t('caseView.consentDate')} maxDate={todayIso()} clearable key={form.key('consentDate')} {...form.getInputProps('consentDate')} />
        </SimpleGrid>
        <TextInput label={t('caseView.consentNote')} maxLength={500} key={form.key('consentNote')} {...form.getInputProps('consentNote')} />
        <Textarea
          label={t('caseView.fields.chronology')}
          autosize
          minRows={5}
          maxRows={20}
          maxLength={20000}
          key={form.key('chronology')}
          {...form.getInputProps('chronology')}
        />
        <FormActions submit={submit} label={t('common.save')} disabled={!form.isDirty()} onCancel={onDone} />
      </Stack>
    </form>
  );
}
