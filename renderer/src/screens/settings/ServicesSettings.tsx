import {
  Accordion,
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InputOf, ServiceView } from '../../../../electron/core/api/contract';
import { roles } from '../../../../electron/core/api/roles';
import { call } from '../../api/client';
import { keys, useServices } from '../../api/queries';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { useApiSubmit } from '../../components/useApiSubmit';
import { useEditBase } from '../../components/useEditBase';
import { validators } from '../../components/validators';

type Update = InputOf<'services.update'>;
type Unit = Update['deadlines'][number]['unit'];
type Interval = { open: string; close: string };

/** Weekdays in the order an Indonesian week is read: Senin … Minggu (0 = Minggu). */
const weekdays = [1, 2, 3, 4, 5, 6, 0] as const;
const units: Unit[] = ['minutes', 'hours', 'days', 'working_days'];
/** The office's usual hours (the core's default), as a starting point when a service gets its own. */
const usualHours: Record<number, Interval[]> = {
  1: [{ open: '07:30', close: '16:00' }],
  2: [{ open: '07:30', close: '16:00' }],
  3: [{ open: '07:30', close: '16:00' }],
  4: [{ open: '07:30', close: '16:00' }],
  5: [{ open: '07:30', close: '16:30' }],
};

interface Values {
  enabled: boolean;
  skNumber: string;
  requirements: { code: string; label: string; optional: boolean }[];
  steps: { code: string; label: string; actor: string; actorTitle: string; optional: boolean; decision: boolean }[];
  deadlines: { code: string; label: string; amount: number | string; unit: Unit }[];
  ownDeskHours: boolean;
  deskHours: { day: number; intervals: Interval[] }[];
}

function valuesOf(s: ServiceView): Values {
  const d = s.definition;
  const hours = (d.deskHours ?? usualHours) as Record<number, readonly Interval[] | undefined>;
  return {
    enabled: s.enabled,
    skNumber: d.skNumber,
    requirements: d.requirements.map((r) => ({ code: r.code, label: r.label, optional: !!r.optional })),
    steps: d.steps.map((st) => ({
      code: st.code,
      label: st.label,
      actor: st.actor,
      actorTitle: st.actorTitle,
      optional: !!st.optional,
      decision: !!(st.approval || st.outcomes?.length),
    })),
    deadlines: d.deadlines.map((dl) => ({ code: dl.code, label: dl.label, amount: dl.rule.amount, unit: dl.rule.unit })),
    ownDeskHours: d.deskHours !== null,
    deskHours: weekdays.map((day) => ({ day, intervals: (hours[day] ?? []).map((i) => ({ ...i })) })),
  };
}

/** Each service the office runs, adapted to its own decree; saving makes a new version of the standard. */
export function ServicesSettings() {
  const { t } = useTranslation();
  const services = useServices();
  if (services.isPending) return <Loading />;
  if (services.isError) return <FormError error={services.error} />;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('serviceSettings.intro')}
      </Text>
      <Accordion variant="separated" chevronPosition="left">
        {services.data.map((s) => (
          <Accordion.Item key={s.code} value={s.code} data-testid={`service-${s.code}`}>
            <Accordion.Control>
              <Group gap="xs">
                <Text fw={600}>{s.definition.shortName}</Text>
                <Badge variant="light" color="gray">
                  {t('serviceSettings.version', { n: s.versionNo })}
                </Badge>
                {!s.enabled && (
                  <Badge variant="light" color="red">
                    {t('serviceSettings.disabled')}
                  </Badge>
                )}
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <ServiceForm service={s} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}

function ServiceForm({ service }: { service: ServiceView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const v = validators(t);
  const form = useForm<Values>({
    initialValues: valuesOf(service),
    validate: {
      requirements: { label: v.required },
      steps: { label: v.required },
      deadlines: {
        amount: (value) => (Number.isInteger(Number(value)) && Number(value) >= 1 && value !== '' ? null : t('serviceSettings.amountInvalid')),
      },
      deskHours: {
        intervals: {
          close: (value, values, path) => {
            const open = pathValue(values, path.replace(/close$/, 'open'));
            return typeof open === 'string' && open && value && value > open ? null : t('serviceSettings.intervalInvalid');
          },
        },
      },
    },
  });
  const base = useEditBase(form, service, valuesOf);

  const submit = useApiSubmit(
    form,
    async (values) => {
      if (base.version === null) return;
      const before = service.versionNo;
      const saved = await call('services.update', {
        code: service.code as Update['code'],
        version: base.version,
        enabled: values.enabled,
        skNumber: values.skNumber,
        requirements: values.requirements.map(({ code, label, optional }) => ({ code, label, optional })),
        steps: values.steps.map(({ code, label, actor, actorTitle, optional, decision }) => ({
          code,
          label,
          actor: actor as Update['steps'][number]['actor'],
          actorTitle,
          optional: decision ? false : optional,
        })),
        deadlines: values.deadlines.map(({ code, amount, unit }) => ({ code, amount: Number(amount), unit })),
        deskHours: values.ownDeskHours
          ? (Object.fromEntries(values.deskHours.map((d) => [String(d.day), d.intervals])) as NonNullable<Update['deskHours']>)
          : null,
      });
      client.setQueryData<ServiceView[]>(keys.services, (list) => list?.map((s) => (s.code === saved.code ? saved : s)));
      base.load(saved);
      notifications.show({
        color: 'teal',
        message: saved.versionNo !== before ? t('serviceSettings.savedVersion', { n: saved.versionNo }) : t('common.saved'),
      });
    },
    {
      display: 'inline',
      onConflict: async () => {
        await client.refetchQueries({ queryKey: keys.services });
        const fresh = client.getQueryData<ServiceView[]>(keys.services)?.find((s) => s.code === service.code);
        if (fresh) base.load(fresh);
      },
    },
  );

  const values = form.getValues();
  const dayName = (day: number) => t(`serviceSettings.weekdays.${day as 0}`);

  return (
    <form onSubmit={form.onSubmit(submit.run)} noValidate aria-label={service.definition.shortName}>
      <Stack gap="md">
        <Text size="xs" c="dimmed">
          {service.definition.name} — {service.definition.source}
        </Text>
        <Group align="flex-end" gap="lg">
          <Switch label={t('serviceSettings.enabled')} key={form.key('enabled')} {...form.getInputProps('enabled', { type: 'checkbox' })} />
          <TextInput label={t('serviceSettings.skNumber')} w={360} maxLength={100} key={form.key('skNumber')} {...form.getInputProps('skNumber')} />
        </Group>

        <Title order={3} size="h6">
          {t('serviceSettings.requirements')}
        </Title>
        {values.requirements.map((r, i) => (
          <Group key={r.code} gap="sm" align="flex-end" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              aria-label={`${t('serviceSettings.requirementLabel')} ${i + 1}`}
              maxLength={300}
              key={form.key(`requirements.${i}.label`)}
              {...form.getInputProps(`requirements.${i}.label`)}
            />
            <Checkbox
              label={t('common.optional')}
              mb={8}
              key={form.key(`requirements.${i}.optional`)}
              {...form.getInputProps(`requirements.${i}.optional`, { type: 'checkbox' })}
            />
            <ActionIcon variant="subtle" color="red" mb={4} aria-label={`${t('serviceSettings.removeRequirement')} ${i + 1}`} onClick={() => form.removeListItem('requirements', i)}>
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            size="xs"
            variant="light"
            onClick={() => form.insertListItem('requirements', { code: `syarat_${Date.now().toString(36)}`, label: '', optional: false })}
          >
            {t('serviceSettings.addRequirement')}
          </Button>
        </Group>

        <Title order={3} size="h6">
          {t('serviceSettings.steps')}
        </Title>
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={32}>#</Table.Th>
                <Table.Th>{t('serviceSettings.stepLabel')}</Table.Th>
                <Table.Th w={190}>{t('serviceSettings.actor')}</Table.Th>
                <Table.Th w={220}>{t('serviceSettings.actorTitle')}</Table.Th>
                <Table.Th w={90}>{t('common.optional')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {values.steps.map((st, i) => (
                <Table.Tr key={st.code}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${t('serviceSettings.stepLabel')} ${i + 1}`}
                      maxLength={300}
                      key={form.key(`steps.${i}.label`)}
                      {...form.getInputProps(`steps.${i}.label`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={`${t('serviceSettings.actor')} ${i + 1}`}
                      data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                      key={form.key(`steps.${i}.actor`)}
                      {...form.getInputProps(`steps.${i}.actor`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${t('serviceSettings.actorTitle')} ${i + 1}`}
                      maxLength={200}
                      key={form.key(`steps.${i}.actorTitle`)}
                      {...form.getInputProps(`steps.${i}.actorTitle`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={`${t('common.optional')} ${i + 1}`}
                      disabled={st.decision}
                      title={st.decision ? t('serviceSettings.decisionNotOptional') : undefined}
                      key={form.key(`steps.${i}.optional`)}
                      {...form.getInputProps(`steps.${i}.optional`, { type: 'checkbox' })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="xs" c="dimmed">
          {t('serviceSettings.stepsHint')}
        </Text>

        {values.deadlines.length > 0 && (
          <>
            <Title order={3} size="h6">
              {t('serviceSettings.deadlines')}
            </Title>
            {values.deadlines.map((d, i) => (
              <Group key={d.code} gap="sm" align="flex-end">
                <Text size="sm" w={220}>
                  {d.label}
                </Text>
                <NumberInput
                  aria-label={`${t('serviceSettings.amount')}: ${d.label}`}
                  min={1}
                  max={10000}
                  allowDecimal={false}
                  allowNegative={false}
                  w={120}
                  key={form.key(`deadlines.${i}.amount`)}
                  {...form.getInputProps(`deadlines.${i}.amount`)}
                />
                <NativeSelect
                  aria-label={`${t('serviceSettings.unit')}: ${d.label}`}
                  data={units.map((u) => ({ value: u, label: t(`serviceSettings.units.${u}`) }))}
                  w={180}
                  key={form.key(`deadlines.${i}.unit`)}
                  {...form.getInputProps(`deadlines.${i}.unit`)}
                />
              </Group>
            ))}
          </>
        )}

        <Title order={3} size="h6">
          {t('serviceSettings.deskHours')}
        </Title>
        <Checkbox
          label={t('serviceSettings.ownDeskHours')}
          description={t('serviceSettings.ownDeskHoursHint')}
          key={form.key('ownDeskHours')}
          {...form.getInputProps('ownDeskHours', { type: 'checkbox' })}
        />
        {values.ownDeskHours && (
          <Stack gap={6}>
            {values.deskHours.map((d, di) => (
              <Group key={d.day} gap="sm" align="center" wrap="nowrap">
                <Text size="sm" w={80}>
                  {dayName(d.day)}
                </Text>
                {d.intervals.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('serviceSettings.closed')}
                  </Text>
                )}
                {d.intervals.map((_, ii) => (
                  <Group key={ii} gap={4} wrap="nowrap">
                    <TextInput
                      type="time"
                      aria-label={`${dayName(d.day)} ${t('serviceSettings.opens')} ${ii + 1}`}
                      w={110}
                      key={form.key(`deskHours.${di}.intervals.${ii}.open`)}
                      {...form.getInputProps(`deskHours.${di}.intervals.${ii}.open`)}
                    />
                    <Text size="sm">–</Text>
                    <TextInput
                      type="time"
                      aria-label={`${dayName(d.day)} ${t('serviceSettings.closes')} ${ii + 1}`}
                      w={110}
                      key={form.key(`deskHours.${di}.intervals.${ii}.close`)}
                      {...form.getInputProps(`deskHours.${di}.intervals.${ii}.close`)}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`${t('serviceSettings.removeInterval')} ${dayName(d.day)} ${ii + 1}`}
                      onClick={() => form.removeListItem(`deskHours.${di}.intervals`, ii)}
                    >
                      ×
                    </ActionIcon>
                  </Group>
                ))}
                {d.intervals.length < 4 && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => form.insertListItem(`deskHours.${di}.intervals`, { open: '08:00', close: '12:00' })}
                  >
                    {t('serviceSettings.addInterval')}
                  </Button>
                )}
              </Group>
            ))}
            <Text size="xs" c="dimmed">
              {t('serviceSettings.breakHint')}
            </Text>
          </Stack>
        )}

        <Alert color="blue" variant="light">
          {t('serviceSettings.newVersionNotice')}
        </Alert>
        <FormActions
          submit={submit}
          label={t('serviceSettings.save')}
          disabled={!form.isDirty()}
          onCancel={() => base.load(service)}
          cancelLabel={t('serviceSettings.discard')}
          cancelDisabled={!form.isDirty()}
        />
      </Stack>
    </form>
  );
}

function pathValue(values: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), values);
}
