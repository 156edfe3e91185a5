import {
  Alert,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Grid,
  Group,
  Kbd,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { simfoni, vocab, type ServiceView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { keys, useInvalidate } from '../../api/queries';
import { DateField, todayIso } from '../../components/DateField';
import { FormError } from '../../components/FormError';
import { useApiSubmit } from '../../components/useApiSubmit';
import { formatTime } from '../../i18n/format';
import { optionData } from '../../i18n/labels';
import {
  blankIntake,
  blankPerson,
  hasChildVictim,
  readDraft,
  referenceDate,
  restoreIntake,
  sectionsByKind,
  toIntakeInput,
  validateIntake,
  type DraftData,
  type IntakeSection,
  type IntakeValues,
  type PersonValues,
} from './intakeValues';
import { PersonFields } from './PersonFields';
import { RegionPicker } from './RegionPicker';
import { useDraftAutosave } from './useDraftAutosave';
import { newRequestId } from '../../components/requestId';

export interface SavedDraft {
  id: string;
  version: number;
  updatedAt: string;
  data: Record<string, unknown>;
}

interface Props {
  service: ServiceView;
  /** The draft this form continues, or null for a new intake. */
  draft: SavedDraft | null;
  /** The first save gave the draft an id. */
  onDraftCreated: (id: string) => void;
  onRegistered: (result: { id: string; registerNo: string }, values: IntakeValues) => void;
  onDiscarded: () => void;
}

function isBlank(p: PersonValues): boolean {
  const { key: _key, disability, ...rest } = p;
  return !disability && Object.values(rest).every((v) => v === '' || v === null);
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title} data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/**
 * The intake form of one service, built from its definition: a violence case asks for
 * everything, a complaint about the service only for the complainant and what they say.
 * Saved as a draft while it is typed; Enter never sends it, Ctrl+Enter does.
 */
export function IntakeForm({ service, draft, onDraftCreated, onRegistered, onDiscarded }: Props) {
  const { t } = useTranslation();
  const invalidate = useInvalidate();
  const def = service.definition;
  const sections = sectionsByKind[def.kind];
  const has = (section: IntakeSection) => sections.includes(section);
  const isComplaint = def.kind === 'service_complaint';
  const formRef = useRef<HTMLFormElement>(null);
  const busy = useRef(false);
  // What the form starts from is read once: a draft's values and the request id it already carries.
  const [start] = useState(() => {
    const saved = draft ? readDraft(draft.data) : null;
    return {
      values: saved ? restoreIntake(saved.form, def) : blankIntake(def),
      requestId: saved?.requestId ?? newRequestId(),
    };
  });
  const { requestId } = start;
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [focusPerson, setFocusPerson] = useState<string | null>(null);

  const form = useForm<IntakeValues>({
    initialValues: start.values,
    validate: (values) => validateIntake(values, def.kind, t),
  });
  const values = form.values;
  const onDay = referenceDate(values);
  const childVictim = has('consent') && hasChildVictim(values);

  const draftData: DraftData | null = form.isDirty()
    ? { serviceCode: def.code, requestId, form: values, ...(values.incident.date ? { incidentDate: values.incident.date } : {}) }
    : null;
  const autosave = useDraftAutosave(draftData, {
    initial: draft ? { id: draft.id, version: draft.version, updatedAt: draft.updatedAt } : null,
    onCreated: onDraftCreated,
  });

  // UU PDP art. 25: once a victim turns out to be a child, the victim's own consent no longer counts.
  useEffect(() => {
    if (childVictim && form.getValues().consent.givenBy === 'victim') form.setFieldValue('consent.givenBy', '');
  }, [childVictim]);

  useEffect(() => {
    if (!focusPerson) return;
    formRef.current?.querySelector<HTMLInputElement>(`[data-person="${focusPerson}"] input`)?.focus();
    setFocusPerson(null);
  }, [focusPerson]);

  const focusFirstError = () =>
    requestAnimationFrame(() => {
      const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .mantine-InputWrapper-error, [data-error-for]');
      el?.scrollIntoView({ block: 'center' });
      if (el && 'focus' in el) el.focus();
    });

  const submit = useApiSubmit(
    form,
    async (v) => {
      const draftId = await autosave.settle();
      try {
        const result = await call('cases.register', toIntakeInput(v, def, { requestId, draftId }));
        autosave.finish();
        void invalidate(keys.casesAll, keys.dashboard);
        onRegistered(result, v);
      } catch (e) {
        autosave.resume();
        throw e;
      }
    },
    { display: 'inline', onError: focusFirstError },
  );

  const onSubmit = form.onSubmit(async (v) => {
    if (busy.current) return;
    busy.current = true;
    try {
      await submit.run(v);
    } finally {
      busy.current = false;
    }
  }, focusFirstError);

  const onKeyDown = (e: React.KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter') return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      formRef.current?.requestSubmit();
      return;
    }
    // A half-filled intake is never sent by an Enter in a field: only the button or Ctrl+Enter send it.
    if (e.target instanceof HTMLInputElement) e.preventDefault();
  };

  const setReporterIsVictim = (checked: boolean) => {
    form.setFieldValue('reporterIsVictim', checked);
    const { victims } = form.getValues();
    if (checked && victims.length === 1 && isBlank(victims[0]!)) form.setFieldValue('victims', []);
    if (!checked && victims.length === 0) form.setFieldValue('victims', [blankPerson()]);
  };

  const addPerson = (list: 'victims' | 'perpetrators') => {
    const person = blankPerson();
    form.insertListItem(list, person);
    setFocusPerson(person.key);
  };

  const discard = async () => {
    await autosave.discard();
    void invalidate(keys.dashboard);
    onDiscarded();
  };

  const choose = t('intake.person.choose');
  const channelOptions = def.channels.map((code) => ({
    value: code,
    label: optionData(vocab.channels.items).find((o) => o.value === code)?.label ?? code,
  }));

  const personList = (list: 'victims' | 'perpetrators') => {
    const people = values[list];
    const label = (i: number) =>
      list === 'perpetrators'
        ? t('intake.perpetratorN', { n: i + 1 })
        : values.reporterIsVictim
          ? t('intake.otherVictimN', { n: i + 1 })
          : t('intake.victimN', { n: i + 1 });
    const removable = (list === 'perpetrators' || values.reporterIsVictim || people.length > 1);
    return (
      <Stack gap="md">
        {people.map((p, i) => (
          <Fieldset key={p.key} legend={label(i)} data-person={p.key} variant="filled">
            <PersonFields
              form={form}
              path={`${list}.${i}`}
              role={list === 'victims' ? 'victim' : 'perpetrator'}
              referenceDate={onDay}
              withRelation={list === 'perpetrators'}
            />
            {removable && (
              <Group justify="flex-end" mt="sm">
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  onClick={() => form.removeListItem(list, i)}
                  aria-label={t('intake.removeNamed', { name: p.fullName.trim() || label(i) })}
                >
                  {t('intake.remove')}
                </Button>
              </Group>
            )}
          </Fieldset>
        ))}
        {list === 'perpetrators' && people.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('intake.noPerpetrators')}
          </Text>
        )}
        <Group>
          <Button variant="light" onClick={() => addPerson(list)}>
            {list === 'perpetrators' ? t('intake.addPerpetrator') : values.reporterIsVictim ? t('intake.addOtherVictim') : t('intake.addVictim')}
          </Button>
        </Group>
      </Stack>
    );
  };

  const draftLine =
    autosave.status === 'saving'
      ? t('intake.draft.saving')
      : autosave.status === 'failed'
        ? t('intake.draft.failed')
        : autosave.savedAt
          ? t('intake.draft.saved', { time: formatTime(autosave.savedAt) })
          : '';

  return (
    <form ref={formRef} onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
      <Stack gap="md" maw={1100}>
        <Group justify="space-between" align="flex-end">
          <Title order={1} size="h2">
            {t('intake.title', { service: def.shortName })}
          </Title>
          <Group gap="sm">
            {draft && autosave.status === 'saved' && !form.isDirty() && (
              <Text size="sm" c="dimmed">
                {t('intake.draft.resumed', { when: formatTime(draft.updatedAt) })}
              </Text>
            )}
            {(draft || autosave.savedAt) &&
              (confirmDiscard ? (
                <Group gap="xs">
                  <Text size="sm">{t('intake.draft.discardConfirm')}</Text>
                  <Button size="xs" color="red" onClick={() => void discard()}>
                    {t('intake.draft.discardYes')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => setConfirmDiscard(false)}>
                    {t('common.cancel')}
                  </Button>
                </Group>
              ) : (
                <Button size="xs" variant="subtle" color="red" onClick={() => setConfirmDiscard(true)}>
                  {t('intake.draft.discard')}
                </Button>
              ))}
          </Group>
        </Group>

        <Section title={t('intake.sections.receipt')}>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, md: 4 }}>
              <NativeSelect
                label={t('intake.channel')}
                required
                autoFocus
                data={[...(values.channel ? [] : [{ value: '', label: choose }]), ...channelOptions]}
                {...form.getInputProps('channel')}
              />
            </Grid.Col>
            {has('risk') && (
              <Grid.Col span={{ base: 12, md: 8 }}>
                <Radio.Group label={t('intake.riskLevel')} {...form.getInputProps('riskLevel')}>
                  <Group gap="lg" mt={8}>
                    {optionData(vocab.riskLevels.items).map((o) => (
                      <Radio key={o.value} value={o.value} label={o.label} color={o.value === 'high' ? 'red' : undefined} />
                    ))}
                  </Group>
                </Radio.Group>
              </Grid.Col>
            )}
          </Grid>
          {has('risk') && values.riskLevel === 'high' && (
            <Alert color="red" variant="filled" mt="sm" role="alert" data-testid="high-risk-notice">
              {def.steps.some((step) => step.crisis) ? t('intake.highRiskNotice') : t('intake.highRiskNoticeNoCrisis')}
            </Alert>
          )}
        </Section>

        {has('reporter') && (
          <Section title={isComplaint ? t('intake.sections.complainant') : t('intake.sections.reporter')}>
            <Stack gap="sm">
              {has('victims') && (
                <Checkbox
                  label={t('intake.reporterIsVictim')}
                  checked={values.reporterIsVictim}
                  onChange={(e) => setReporterIsVictim(e.currentTarget.checked)}
                />
              )}
              {!values.reporterIsVictim && (
                <Text size="xs" c="dimmed">
                  {isComplaint ? t('intake.complainantHint') : t('intake.reporterHint')}
                </Text>
              )}
              {form.errors.reporter && (
                <Text size="sm" c="red" role="alert" data-error-for="reporter">
                  {form.errors.reporter}
                </Text>
              )}
              <Fieldset
                aria-label={isComplaint ? t('intake.sections.complainant') : t('intake.sections.reporter')}
                variant="unstyled"
                p={0}
                data-person={values.reporter.key}
              >
                <PersonFields
                  form={form}
                  path="reporter"
                  role={values.reporterIsVictim ? 'victim' : 'reporter'}
                  referenceDate={onDay}
                  withRelation={has('victims') && !values.reporterIsVictim}
                />
              </Fieldset>
            </Stack>
          </Section>
        )}

        {has('victims') && (
          <Section title={t('intake.sections.victims')}>
            {form.errors.victims && (
              <Text size="sm" c="red" role="alert" mb="sm" data-error-for="victims">
                {form.errors.victims}
              </Text>
            )}
            {personList('victims')}
          </Section>
        )}

        {has('perpetrators') && <Section title={t('intake.sections.perpetrators')}>{personList('perpetrators')}</Section>}

        {has('incident') && (
          <Section title={t('intake.sections.incident')}>
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <DateField label={t('intake.incidentDate')} maxDate={todayIso()} clearable {...form.getInputProps('incident.date')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <NativeSelect
                  label={t('intake.incidentPlace')}
                  data={[{ value: '', label: choose }, ...optionData(simfoni.PLACES)]}
                  {...form.getInputProps('incident.place')}
                />
              </Grid.Col>
              <Grid.Col span={12}>
                <RegionPicker
                  label={t('intake.incidentAddress')}
                  value={values.incident.region}
                  onChange={(code) => form.setFieldValue('incident.region', code)}
                  error={form.errors['incident.region']}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 2 }}>
                <TextInput label={t('intake.person.rt')} inputMode="numeric" maxLength={3} {...form.getInputProps('incident.rt')} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 2 }}>
                <TextInput label={t('intake.person.rw')} inputMode="numeric" maxLength={3} {...form.getInputProps('incident.rw')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 8 }}>
                <TextInput label={t('intake.person.address')} {...form.getInputProps('incident.address')} />
              </Grid.Col>
            </Grid>
          </Section>
        )}

        {has('violence') && (
          <Section title={t('intake.sections.violence')}>
            <Checkbox.Group
              aria-label={t('intake.sections.violence')}
              description={values.victims.length + (values.reporterIsVictim ? 1 : 0) > 1 ? t('intake.violencePerVictim') : undefined}
              {...form.getInputProps('violenceTypes')}
            >
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
                {optionData(simfoni.VIOLENCE_TYPES).map((o) => (
                  <Checkbox key={o.value} value={o.value} label={o.label} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          </Section>
        )}

        {has('chronology') && (
          <Section title={isComplaint ? t('intake.sections.content') : t('intake.sections.chronology')}>
            <Textarea
              aria-label={isComplaint ? t('intake.sections.content') : t('intake.sections.chronology')}
              description={isComplaint ? t('intake.contentHint') : t('intake.chronologyHint')}
              required={isComplaint}
              autosize
              minRows={8}
              maxRows={30}
              maxLength={20_000}
              {...form.getInputProps('chronology')}
            />
          </Section>
        )}

        {has('needs') && (
          <Section title={t('intake.sections.needs')}>
            <Checkbox.Group aria-label={t('intake.sections.needs')} description={t('intake.needsHint')} {...form.getInputProps('needs')}>
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" mt="xs">
                {optionData(simfoni.SERVICES).map((o) => (
                  <Checkbox key={o.value} value={o.value} label={o.label} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          </Section>
        )}

        {has('consent') && (
          <Section title={t('intake.sections.consent')}>
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('intake.consentWhy')}
              </Text>
              {childVictim && (
                <Alert color="grape" variant="light" role="status" data-testid="consent-child">
                  {t('intake.consentChild')}
                </Alert>
              )}
              <Radio.Group label={t('intake.consentGivenBy')} required {...form.getInputProps('consent.givenBy')}>
                <Group gap="lg" mt={8}>
                  {optionData(vocab.consentGivers.items).map((o) => (
                    <Radio key={o.value} value={o.value} label={o.label} disabled={o.value === 'victim' && childVictim} />
                  ))}
                </Group>
              </Radio.Group>
              <Grid gap="sm">
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <TextInput label={t('intake.consentName')} required {...form.getInputProps('consent.name')} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                  <DateField label={t('intake.consentDate')} required maxDate={todayIso()} {...form.getInputProps('consent.date')} />
                </Grid.Col>
                <Grid.Col span={12}>
                  <TextInput label={t('intake.consentNote')} maxLength={500} {...form.getInputProps('consent.note')} />
                </Grid.Col>
              </Grid>
            </Stack>
          </Section>
        )}

        <Card
          withBorder
          padding="sm"
          style={{ position: 'sticky', bottom: 0, zIndex: 2 }}
          shadow="sm"
          data-testid="intake-footer"
        >
          <Stack gap="xs">
            <FormError message={submit.error} />
            {autosave.conflict && (
              <Text size="sm" c="orange.8">
                {t('intake.draft.conflict')}
              </Text>
            )}
            <Group justify="space-between">
              <Text size="sm" c={autosave.status === 'failed' ? 'red' : 'dimmed'} data-testid="draft-status" role="status">
                {draftLine}
              </Text>
              <Group gap="xs">
                <Text size="xs" c="dimmed" visibleFrom="sm">
                  <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd>
                </Text>
                <Button type="submit" loading={submit.pending} color={values.riskLevel === 'high' && has('risk') ? 'red' : undefined}>
                  {t('intake.submit')}
                </Button>
              </Group>
            </Group>
          </Stack>
        </Card>
      </Stack>
    </form>
  );
}
