import { Badge, Button, Card, Checkbox, Grid, Group, Modal, NativeSelect, Radio, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { simfoni, type CaseDetail, type InputOf, type InstitutionView, type PersonView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { useCan, useInstitutions } from '../../api/queries';
import { DataTable } from '../../components/DataTable';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { validators } from '../../components/validators';
import { currentLanguage } from '../../i18n';
import { formatDate, officeToday } from '../../i18n/format';
import { optionData, optionLabel } from '../../i18n/labels';
import { CaseReasonModal } from './CaseReasonModal';
import { useCaseForm, useCaseWorkspace } from './workspace';

/**
 * What SIMFONI-PPA counts for each victim, the services given to them, and the case's entry
 * into SIMFONI. The victim's single-choice fields are data: SIMFONI's own fields and options.
 */
const PROFILE_FIELDS = ['education', 'maritalStatus', 'occupation'] as const;
type ProfileField = (typeof PROFILE_FIELDS)[number];

type Service = CaseDetail['victimServices'][number];
type ServiceInput = InputOf<'victimServices.save'>;

const outcomeColor: Record<string, string> = { given: 'teal', declined: 'orange', unavailable: 'red' };

const fieldLabel = (f: keyof typeof simfoni.SIMFONI_FIELDS) => simfoni.SIMFONI_FIELDS[f][currentLanguage()];
const victimsOf = (c: CaseDetail) => c.persons.filter((p) => p.role === 'victim');

export function SimfoniTab() {
  const { t } = useTranslation();
  const { base: c } = useCaseWorkspace();
  const victims = victimsOf(c);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('simfoniTab.intro')}
      </Text>
      {victims.map((v) => (
        <Card key={v.personId} withBorder padding="md" component="section" aria-label={t('simfoniTab.victim', { name: v.fullName })} data-testid="simfoni-victim">
          <Stack gap="md">
            <Group gap="xs">
              <Title order={2} size="h5">
                {t('simfoniTab.victim', { name: v.fullName })}
              </Title>
              {v.age !== null && (
                <Text span size="sm" c="dimmed">
                  {t('simfoniTab.age', { count: v.age })}
                </Text>
              )}
              {v.isChild && (
                <Badge size="sm" color="grape">
                  {t('simfoniTab.child')}
                </Badge>
              )}
            </Group>
            <VictimProfileForm victim={v} />
            <ServicesGiven victim={v} />
          </Stack>
        </Card>
      ))}
      <SimfoniEntryCard />
    </Stack>
  );
}

interface ProfileValues {
  violenceTypes: string[];
  education: string;
  maritalStatus: string;
  occupation: string;
  disability: boolean;
  disabilityNote: string;
  /** perpetrator id -> relation code ('' not known) */
  relations: Record<string, string>;
}

function profileValues(c: CaseDetail, victimId: string): ProfileValues {
  const v = c.persons.find((p) => p.personId === victimId && p.role === 'victim');
  const perpetrators = c.persons.filter((p) => p.role === 'perpetrator');
  return {
    violenceTypes: v?.violenceTypes ?? [],
    education: v?.education ?? '',
    maritalStatus: v?.maritalStatus ?? '',
    occupation: v?.occupation ?? '',
    disability: v?.disability ?? false,
    disabilityNote: v?.disabilityNote ?? '',
    relations: Object.fromEntries(
      perpetrators.map((p) => [p.personId, c.relations.find((r) => r.victimId === victimId && r.perpetratorId === p.personId)?.relation ?? '']),
    ),
  };
}

function VictimProfileForm({ victim }: { victim: PersonView }) {
  const { t } = useTranslation();
  const { base: c, editable } = useCaseWorkspace();
  const perpetrators = c.persons.filter((p) => p.role === 'perpetrator');
  const { form, submit } = useCaseForm<ProfileValues>({
    values: (now) => profileValues(now, victim.personId),
    send: (v, ref) =>
      call('cases.setVictimProfile', {
        ...ref,
        victimId: victim.personId,
        violenceTypes: v.violenceTypes.length ? (v.violenceTypes as never) : null,
        education: (v.education || null) as never,
        maritalStatus: (v.maritalStatus || null) as never,
        occupation: (v.occupation || null) as never,
        disability: v.disability,
        disabilityNote: v.disability ? v.disabilityNote : '',
        relations: perpetrators.map((p) => ({ perpetratorId: p.personId, relation: (v.relations[p.personId] || null) as never })),
      }),
  });
  const unknown = t('simfoniTab.notRecorded');
  const pick = (f: ProfileField) => [{ value: '', label: unknown }, ...optionData(simfoni.SIMFONI_FIELDS[f].options)];

  return (
    <form onSubmit={form.onSubmit(submit.run)} noValidate aria-label={t('simfoniTab.victim', { name: victim.fullName })}>
      <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0 }}>
        <Grid gap="sm">
          <Grid.Col span={12}>
            <Checkbox.Group label={fieldLabel('violenceTypes')} key={form.key('violenceTypes')} {...form.getInputProps('violenceTypes')}>
              <Group gap="md" mt={4}>
                {optionData(simfoni.VIOLENCE_TYPES).map((o) => (
                  <Checkbox key={o.value} value={o.value} label={o.label} />
                ))}
              </Group>
            </Checkbox.Group>
          </Grid.Col>
          {PROFILE_FIELDS.map((f) => (
            <Grid.Col key={f} span={{ base: 12, sm: 4 }}>
              <NativeSelect label={fieldLabel(f)} data={pick(f)} key={form.key(f)} {...form.getInputProps(f)} />
            </Grid.Col>
          ))}
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Checkbox label={t('simfoniTab.disability')} key={form.key('disability')} {...form.getInputProps('disability', { type: 'checkbox' })} />
          </Grid.Col>
          {form.values.disability && (
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput label={t('simfoniTab.disabilityNote')} maxLength={200} key={form.key('disabilityNote')} {...form.getInputProps('disabilityNote')} />
            </Grid.Col>
          )}
          {perpetrators.length === 0 ? (
            <Grid.Col span={12}>
              <Text size="sm" c="dimmed">
                {t('simfoniTab.noPerpetrators')}
              </Text>
            </Grid.Col>
          ) : (
            perpetrators.map((p) => (
              <Grid.Col key={p.personId} span={{ base: 12, sm: 6 }}>
                <NativeSelect
                  label={t('simfoniTab.relationTo', { name: p.fullName })}
                  data={[{ value: '', label: unknown }, ...optionData(simfoni.PERPETRATOR_RELATIONS)]}
                  key={form.key(`relations.${p.personId}`)}
                  {...form.getInputProps(`relations.${p.personId}`)}
                />
              </Grid.Col>
            ))
          )}
        </Grid>
        {editable && (
          <Group mt="sm">
            <FormActions submit={submit} label={t('simfoniTab.saveProfile')} disabled={!form.isDirty()} />
          </Group>
        )}
      </fieldset>
    </form>
  );
}

/** Which automatic record it is ('manual:<id>' records have none). */
function sourceKey(source: string): 'intake' | 'step' | 'referral' | null {
  const kind = source.split(':')[0];
  return kind === 'intake' || kind === 'step' || kind === 'referral' ? kind : null;
}

type Dialog = { mode: 'edit'; service: Service | null } | { mode: 'remove'; service: Service } | null;

/** Services can be recorded after the case is closed (SIMFONI entry often follows closure). */
function useServicesEditable(): boolean {
  const { base, editable } = useCaseWorkspace();
  const can = useCan();
  return editable || (base.status === 'closed' && can('cases.work'));
}

function ServicesGiven({ victim }: { victim: PersonView }) {
  const { t } = useTranslation();
  const { base: c } = useCaseWorkspace();
  const editable = useServicesEditable();
  const institutions = useInstitutions(true);
  const [dialog, setDialog] = useState<Dialog>(null);
  const rows = c.victimServices.filter((s) => s.victimId === victim.personId);
  const serviceName = (s: Service) => optionLabel(simfoni.SERVICES, s.service);

  return (
    <Stack gap="xs" component="section" aria-label={`${t('simfoniTab.services')}: ${victim.fullName}`}>
      <Group justify="space-between">
        <Title order={3} size="h6">
          {t('simfoniTab.services')}
        </Title>
        {editable && (
          <Button size="xs" variant="light" onClick={() => setDialog({ mode: 'edit', service: null })} aria-label={t('simfoniTab.addServiceTitle', { name: victim.fullName })}>
            {t('simfoniTab.addService')}
          </Button>
        )}
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('simfoniTab.noServices')}
        </Text>
      ) : (
        <DataTable
          minWidth={700}
          columns={[
            { label: t('simfoniTab.givenOn') },
            { label: t('simfoniTab.service') },
            { label: t('simfoniTab.provider') },
            { label: t('simfoniTab.outcome') },
            { label: t('simfoniTab.note') },
            editable && { label: t('common.actions') },
          ]}
        >
          {rows.map((s) => (
            <Table.Tr key={s.id} data-testid="victim-service">
              <Table.Td>{formatDate(s.givenOn)}</Table.Td>
              <Table.Td>{serviceName(s)}</Table.Td>
              <Table.Td>{s.providerKind === 'office' ? t('simfoniTab.providerOffice') : (s.institutionName ?? '')}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={outcomeColor[s.outcome] ?? 'gray'}>
                  {optionLabel(simfoni.SERVICE_OUTCOMES, s.outcome)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {s.note && <Text size="sm">{s.note}</Text>}
                  {sourceKey(s.source) && (
                    <Text size="xs" c="dimmed">
                      {t(`simfoniTab.source.${sourceKey(s.source)!}`)}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              {editable && (
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="default" aria-label={`${t('simfoniTab.edit')} ${serviceName(s)}`} onClick={() => setDialog({ mode: 'edit', service: s })}>
                      {t('simfoniTab.edit')}
                    </Button>
                    <Button size="compact-xs" variant="light" color="red" aria-label={`${t('simfoniTab.remove')} ${serviceName(s)}`} onClick={() => setDialog({ mode: 'remove', service: s })}>
                      {t('simfoniTab.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {dialog?.mode === 'edit' && <ServiceFormModal victim={victim} service={dialog.service} directory={institutions.data ?? []} onClose={() => setDialog(null)} />}
      {dialog?.mode === 'remove' && (
        <CaseReasonModal
          onClose={() => setDialog(null)}
          title={t('simfoniTab.removeTitle', { service: serviceName(dialog.service), name: victim.fullName })}
          explain={t('simfoniTab.removeExplain')}
          reasonLabel={t('simfoniTab.removeReason')}
          maxLength={500}
          confirmLabel={t('simfoniTab.remove')}
          confirmColor="red"
          send={(reason, ref) => call('victimServices.remove', { ...ref, serviceId: dialog.service.id, reason })}
        />
      )}
    </Stack>
  );
}

interface ServiceValues {
  service: string;
  givenOn: string | null;
  providerKind: 'office' | 'institution';
  institutionId: string;
  outcome: string;
  note: string;
}

function ServiceFormModal(props: { victim: PersonView; service: Service | null; directory: readonly InstitutionView[]; onClose: () => void }) {
  const { victim, service, directory, onClose } = props;
  const { t } = useTranslation();
  const v = validators(t);
  const choices = directory.filter((i) => i.active || i.id === service?.institutionId);
  const { form, submit } = useCaseForm<ServiceValues>({
    values: (c) => {
      const s = service ? (c.victimServices.find((x) => x.id === service.id) ?? service) : null;
      return {
        service: s?.service ?? '',
        givenOn: s?.givenOn ?? officeToday(),
        providerKind: s?.providerKind ?? 'office',
        institutionId: s?.institutionId ?? '',
        outcome: s?.outcome ?? 'given',
        note: s?.note ?? '',
      };
    },
    validate: {
      service: v.required,
      givenOn: (value) => (value ? null : t('validation.required')),
      institutionId: (value, values) => (values.providerKind === 'institution' && !value ? t('validation.required') : null),
    },
    send: (values, ref) =>
      call('victimServices.save', {
        ...ref,
        ...(service ? { serviceId: service.id } : {}),
        victimId: victim.personId,
        service: values.service as ServiceInput['service'],
        givenOn: values.givenOn!,
        providerKind: values.providerKind,
        ...(values.providerKind === 'institution' ? { institutionId: values.institutionId } : {}),
        outcome: values.outcome as ServiceInput['outcome'],
        note: values.note,
      }),
    onSaved: onClose,
  });
  const title = service ? t('simfoniTab.editServiceTitle', { name: victim.fullName }) : t('simfoniTab.addServiceTitle', { name: victim.fullName });

  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={form.onSubmit(submit.run)} noValidate>
        <Stack gap="sm">
          <NativeSelect
            label={t('simfoniTab.service')}
            required
            data={[{ value: '', label: t('intake.person.choose') }, ...optionData(simfoni.SERVICES)]}
            data-autofocus
            key={form.key('service')}
            {...form.getInputProps('service')}
          />
          <DateField label={t('simfoniTab.givenOn')} required maxDate={officeToday()} key={form.key('givenOn')} {...form.getInputProps('givenOn')} />
          <Radio.Group label={t('simfoniTab.provider')} key={form.key('providerKind')} {...form.getInputProps('providerKind')}>
            <Group mt={4}>
              <Radio value="office" label={t('simfoniTab.providerOffice')} />
              <Radio value="institution" label={t('simfoniTab.providerInstitution')} />
            </Group>
          </Radio.Group>
          {form.values.providerKind === 'institution' && (
            <NativeSelect
              label={t('simfoniTab.institution')}
              required
              data={[{ value: '', label: t('intake.person.choose') }, ...choices.map((i) => ({ value: i.id, label: i.name }))]}
              key={form.key('institutionId')}
              {...form.getInputProps('institutionId')}
            />
          )}
          <Radio.Group label={t('simfoniTab.outcome')} key={form.key('outcome')} {...form.getInputProps('outcome')}>
            <Group mt={4}>
              {optionData(simfoni.SERVICE_OUTCOMES).map((o) => (
                <Radio key={o.value} value={o.value} label={o.label} />
              ))}
            </Group>
          </Radio.Group>
          <TextInput label={t('simfoniTab.note')} maxLength={1000} key={form.key('note')} {...form.getInputProps('note')} />
          <FormActions submit={submit} label={t('common.save')} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

interface EntryValues {
  entered: boolean;
  enteredOn: string | null;
  simfoniNo: string;
}

function SimfoniEntryCard() {
  const { t } = useTranslation();
  const { base: c } = useCaseWorkspace();
  const editable = useServicesEditable();
  const { form, submit } = useCaseForm<EntryValues>({
    values: (now) => ({ entered: !!now.simfoniEntry, enteredOn: now.simfoniEntry?.enteredOn ?? officeToday(), simfoniNo: now.simfoniEntry?.simfoniNo ?? '' }),
    send: (v, ref) =>
      call('cases.setSimfoniEntry', { ...ref, entered: v.entered, ...(v.entered && v.enteredOn ? { enteredOn: v.enteredOn } : {}), simfoniNo: v.entered ? v.simfoniNo : '' }),
  });
  const entry = c.simfoniEntry;
  return (
    <Card withBorder padding="md" component="section" aria-label={t('simfoniTab.entry')} data-testid="simfoni-entry">
      <form onSubmit={form.onSubmit(submit.run)} noValidate>
        <Stack gap="sm">
          <Group gap="xs">
            <Title order={2} size="h5">
              {t('simfoniTab.entry')}
            </Title>
            {entry && (
              <Badge color="teal" variant="light">
                {t('simfoniTab.entered')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed" data-testid="simfoni-entry-status">
            {entry
              ? [t('simfoniTab.enteredInfo', { date: formatDate(entry.enteredOn), by: entry.enteredBy ?? '—' }), entry.simfoniNo && `${t('simfoniTab.simfoniNo')}: ${entry.simfoniNo}`]
                  .filter(Boolean)
                  .join(' · ')
              : t('simfoniTab.notEntered')}
          </Text>
          {editable && (
            <>
              <Checkbox label={t('simfoniTab.entered')} key={form.key('entered')} {...form.getInputProps('entered', { type: 'checkbox' })} />
              {form.values.entered && (
                <Group align="flex-end" gap="sm">
                  <DateField label={t('simfoniTab.enteredOn')} maxDate={officeToday()} w={180} key={form.key('enteredOn')} {...form.getInputProps('enteredOn')} />
                  <TextInput label={t('simfoniTab.simfoniNo')} maxLength={60} w={260} autoComplete="off" key={form.key('simfoniNo')} {...form.getInputProps('simfoniNo')} />
                </Group>
              )}
              <Group>
                <FormActions submit={submit} label={t('simfoniTab.saveEntry')} disabled={!form.isDirty()} />
              </Group>
            </>
          )}
        </Stack>
      </form>
    </Card>
  );
}
