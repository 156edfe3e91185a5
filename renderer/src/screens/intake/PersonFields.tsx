import { Alert, Badge, Button, Checkbox, Grid, Group, List, NativeSelect, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { simfoni } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { DateField, todayIso } from '../../components/DateField';
import { formatDate } from '../../i18n/format';
import { optionData, optionLabel } from '../../i18n/labels';
import { DuplicateNotice } from './DuplicateNotice';
import { ADULT_AGE, ageOn, type PersonRole, type PersonValues } from './intakeValues';
import { RegionPicker } from './RegionPicker';

interface Props {
  /** Any form holding a PersonValues at `path` (the intake's, or a case's "add a person"). */
  form: UseFormReturnType<any>;
  /** Where the person sits in the form: 'reporter', 'victims.0', 'perpetrators.1'. */
  path: string;
  role: PersonRole;
  /** The day ages are counted on (the incident's, or today). */
  referenceDate: string;
  /** Relation to the victim (reporter who is not the victim, perpetrators). */
  withRelation: boolean;
  /** False when correcting someone already on a case: they are not offered to themselves as a duplicate. */
  findDuplicates?: boolean;
}

function personAt(values: unknown, path: string): PersonValues {
  return path.split('.').reduce<any>((node, part) => node?.[part], values) as PersonValues;
}

/** `(value) => options` with an empty first choice, for optional pickers. */
function withBlank(data: { value: string; label: string }[], blank: string) {
  return [{ value: '', label: blank }, ...data];
}

/** What a NIK says, read by the core: prefills what is still empty, warns where it disagrees. */
function useNikFacts(form: Props['form'], path: string, person: PersonValues) {
  const { t, i18n } = useTranslation();
  const nik = person.nik.trim();
  const inspected = useQuery({
    queryKey: ['persons.inspectNik', nik],
    queryFn: () => call('persons.inspectNik', { nik }),
    enabled: /^\d{16}$/.test(nik),
    staleTime: Infinity,
  });
  const facts = /^\d{16}$/.test(nik) ? inspected.data : undefined;

  useEffect(() => {
    if (!facts?.valid) return;
    const current = personAt(form.getValues(), path);
    if (facts.birthDate && !current.birthDate) form.setFieldValue(`${path}.birthDate` as never, facts.birthDate as never);
    if (facts.sex && !current.sex) form.setFieldValue(`${path}.sex` as never, facts.sex as never);
    if (facts.region && !current.region) form.setFieldValue(`${path}.region` as never, facts.region as never);
  }, [facts]);

  const warnings: string[] = [];
  if (facts) {
    if (facts.warnings.length) warnings.push(...(i18n.language === 'id' ? facts.warnings : [t('intake.person.nikWarningsOther')]));
    if (facts.birthDate && person.birthDate && facts.birthDate !== person.birthDate) {
      warnings.push(t('intake.person.nikBirthDiffers', { nik: formatDate(facts.birthDate) }));
    }
    if (facts.sex && person.sex && facts.sex !== person.sex) {
      warnings.push(t('intake.person.nikSexDiffers', { nik: optionLabel(simfoni.SEXES, facts.sex) }));
    }
    if (facts.region && person.region && !person.region.startsWith(facts.region)) {
      warnings.push(t('intake.person.nikRegionDiffers', { nik: facts.regionName ?? facts.region }));
    }
  }
  const read = facts?.valid
    ? [facts.birthDate && formatDate(facts.birthDate), facts.sex && optionLabel(simfoni.SEXES, facts.sex), facts.regionName]
        .filter(Boolean)
        .join(', ')
    : '';
  return { checking: inspected.isFetching, read, warnings };
}

/** One person of the intake: identity, birth (with age and the child badge), address. */
export function PersonFields({ form, path, role, referenceDate, withRelation, findDuplicates = true }: Props) {
  const { t } = useTranslation();
  const person = personAt(form.values, path);
  const field = (name: keyof PersonValues) => form.getInputProps(`${path}.${name}`);
  const nik = useNikFacts(form, path, person);
  const age = ageOn(person.birthDate, referenceDate);
  const child = age !== null && age < ADULT_AGE;
  const choose = t('intake.person.choose');
  const unknown = t('intake.person.unknown');
  const set = (name: keyof PersonValues, value: unknown) => form.setFieldValue(`${path}.${name}` as never, value as never);

  const useExisting = (candidate: { personId: string; fullName: string; nik: string | null; birthDate: string | null }) => {
    set('existingPersonId', candidate.personId);
    set('fullName', candidate.fullName);
    if (candidate.nik) set('nik', candidate.nik);
    if (candidate.birthDate) set('birthDate', candidate.birthDate);
  };

  return (
    <Grid gap="sm">
      {person.existingPersonId && (
        <Grid.Col span={12}>
          <Alert color="teal" variant="light" p="xs">
            <Group justify="space-between" gap="xs">
              <Text size="sm">{t('intake.person.existing')}</Text>
              <Button size="compact-xs" variant="subtle" onClick={() => set('existingPersonId', '')}>
                {t('intake.person.existingUndo')}
              </Button>
            </Group>
          </Alert>
        </Grid.Col>
      )}
      <Grid.Col span={{ base: 12, md: 6 }}>
        <TextInput label={t('intake.person.fullName')} required={role !== 'reporter'} autoComplete="off" {...field('fullName')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
        <TextInput
          label={t('intake.person.nik')}
          inputMode="numeric"
          maxLength={16}
          autoComplete="off"
          description={nik.checking ? t('intake.person.nikChecking') : nik.read ? t('intake.person.nikRead', { facts: nik.read }) : undefined}
          {...field('nik')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
        <TextInput label={t('intake.person.kkNo')} inputMode="numeric" maxLength={16} autoComplete="off" {...field('kkNo')} />
      </Grid.Col>
      {nik.warnings.length > 0 && (
        <Grid.Col span={12}>
          <Alert color="yellow" variant="light" p="xs" role="status" data-testid="nik-warnings">
            <List size="sm" spacing={2}>
              {nik.warnings.map((w) => (
                <List.Item key={w}>{w}</List.Item>
              ))}
            </List>
          </Alert>
        </Grid.Col>
      )}
      {findDuplicates && !person.existingPersonId && (
        <Grid.Col span={12}>
          <DuplicateNotice person={person} onUse={useExisting} />
        </Grid.Col>
      )}
      <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
        <TextInput label={t('intake.person.phone')} inputMode="tel" autoComplete="off" {...field('phone')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
        <TextInput label={t('intake.person.birthPlace')} autoComplete="off" {...field('birthPlace')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
        <DateField
          label={
            <Group gap={6} component="span" wrap="nowrap">
              <span>{t('intake.person.birthDate')}</span>
              {age !== null && (
                <Text span size="xs" c="dimmed" data-testid="age">
                  {t('intake.person.age', { count: age })}
                </Text>
              )}
              {child && (
                <Badge size="xs" color="grape" title={t('intake.person.childTitle')}>
                  {t('intake.person.child')}
                </Badge>
              )}
            </Group>
          }
          maxDate={todayIso()}
          clearable
          {...field('birthDate')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
        <NativeSelect label={t('intake.person.sex')} data={withBlank(optionData(simfoni.SEXES), choose)} {...field('sex')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
        <NativeSelect
          label={t('intake.person.occupation')}
          data={withBlank(optionData(simfoni.OCCUPATIONS), choose)}
          {...field('occupation')}
        />
      </Grid.Col>
      {role === 'victim' && (
        <>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <NativeSelect
              label={t('intake.person.education')}
              data={withBlank(optionData(simfoni.EDUCATION), unknown)}
              {...field('education')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <NativeSelect
              label={t('intake.person.maritalStatus')}
              data={withBlank(optionData(simfoni.MARITAL_STATUSES), unknown)}
              {...field('maritalStatus')}
            />
          </Grid.Col>
        </>
      )}
      {withRelation && (
        <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
          <NativeSelect
            label={t('intake.person.relation')}
            data={withBlank(optionData(simfoni.PERPETRATOR_RELATIONS), choose)}
            {...field('relation')}
          />
        </Grid.Col>
      )}
      <Grid.Col span={{ base: 12, sm: 6, md: 3 }} pt={{ md: 'xl' }}>
        <Checkbox label={t('intake.person.disability')} {...form.getInputProps(`${path}.disability`, { type: 'checkbox' })} />
      </Grid.Col>
      {person.disability && (
        <Grid.Col span={{ base: 12, md: withRelation ? 3 : 6 }}>
          <TextInput label={t('intake.person.disabilityNote')} {...field('disabilityNote')} />
        </Grid.Col>
      )}
      <Grid.Col span={12}>
        <RegionPicker
          label={t('intake.person.region')}
          value={person.region}
          onChange={(code) => set('region', code)}
          error={form.errors[`${path}.region`]}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 2 }}>
        <TextInput label={t('intake.person.rt')} inputMode="numeric" maxLength={3} {...field('rt')} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 2 }}>
        <TextInput label={t('intake.person.rw')} inputMode="numeric" maxLength={3} {...field('rw')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 8 }}>
        <TextInput label={t('intake.person.address')} {...field('address')} />
      </Grid.Col>
    </Grid>
  );
}
