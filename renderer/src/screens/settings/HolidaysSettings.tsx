import { Alert, Badge, Button, Group, Modal, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HolidayView, InputOf } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { keys, useHolidays } from '../../api/queries';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { LoadedList } from '../../components/LoadedList';
import { useApiSubmit } from '../../components/useApiSubmit';
import { validators } from '../../components/validators';
import { currentLanguage } from '../../i18n';
import { formatDate } from '../../i18n/format';

type Kind = InputOf<'holidays.save'>['kind'];
const kinds: Kind[] = ['national', 'cuti_bersama', 'local'];
const kindColor: Record<string, string> = { national: 'red', cuti_bersama: 'orange', local: 'blue' };

type Dialog = { mode: 'edit'; holiday: HolidayView | null } | { mode: 'remove'; holiday: HolidayView } | null;

/** The office's days off for a year: deadlines in working days skip them. */
export function HolidaysSettings() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const holidays = useHolidays(year);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [seeding, setSeeding] = useState(false);
  const [seedError, setSeedError] = useState<unknown>(null);

  const seed = async () => {
    setSeeding(true);
    setSeedError(null);
    try {
      const list = await call('holidays.seed', { year });
      client.setQueryData(keys.holidays(year), list);
      notifications.show({ color: 'teal', message: t('holidaySettings.seeded', { year }) });
    } catch (e) {
      setSeedError(e);
    } finally {
      setSeeding(false);
    }
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <NativeSelect
          label={t('holidaySettings.year')}
          w={140}
          value={String(year)}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
          data={[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => String(y))}
        />
        <Group gap="xs">
          <Button variant="default" loading={seeding} onClick={() => void seed()}>
            {t('holidaySettings.seed')}
          </Button>
          <Button onClick={() => setDialog({ mode: 'edit', holiday: null })}>{t('holidaySettings.add')}</Button>
        </Group>
      </Group>
      <Alert color="yellow" variant="light">
        {t('holidaySettings.seedNotice', { year })}
      </Alert>
      <FormError error={seedError} />
      <LoadedList query={holidays} rows={holidays.data} empty={t('holidaySettings.empty', { year })} emptySize="sm">
        {(list) => (
          <Table striped verticalSpacing="xs" data-testid="holidays">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={220}>{t('holidaySettings.date')}</Table.Th>
                <Table.Th>{t('holidaySettings.name')}</Table.Th>
                <Table.Th w={150}>{t('holidaySettings.kind')}</Table.Th>
                <Table.Th w={150}>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((h) => (
                <Table.Tr key={h.date}>
                  <Table.Td>{weekdayDate(h.date)}</Table.Td>
                  <Table.Td>{h.name}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={kindColor[h.kind] ?? 'gray'}>
                      {t(`holidaySettings.kinds.${h.kind as Kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="default" aria-label={`${t('holidaySettings.edit')} ${h.date}`} onClick={() => setDialog({ mode: 'edit', holiday: h })}>
                        {t('holidaySettings.edit')}
                      </Button>
                      <Button size="compact-xs" variant="light" color="red" aria-label={`${t('holidaySettings.remove')} ${h.date}`} onClick={() => setDialog({ mode: 'remove', holiday: h })}>
                        {t('holidaySettings.remove')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </LoadedList>
      {dialog?.mode === 'edit' && <HolidayModal holiday={dialog.holiday} year={year} onClose={() => setDialog(null)} />}
      {dialog?.mode === 'remove' && <RemoveHolidayModal holiday={dialog.holiday} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

/** "Senin, 17 Agustus 2026". */
function weekdayDate(date: string): string {
  const day = new Intl.DateTimeFormat(currentLanguage() === 'en' ? 'en-GB' : 'id-ID', { weekday: 'long' }).format(new Date(`${date}T00:00:00`));
  return `${day}, ${formatDate(date)}`;
}

function HolidayModal({ holiday, year, onClose }: { holiday: HolidayView | null; year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const v = validators(t);
  const form = useForm({
    initialValues: { date: holiday?.date ?? '', name: holiday?.name ?? '', kind: (holiday?.kind ?? 'national') as Kind },
    validate: { date: (value) => (value ? null : t('validation.required')), name: v.required },
  });
  const submit = useApiSubmit(
    form,
    async (values) => {
      await call('holidays.save', { ...values, ...(holiday ? { version: holiday.version } : {}) });
      await client.invalidateQueries({ queryKey: keys.holidaysAll });
      notifications.show({ color: 'teal', message: t('common.saved') });
      onClose();
    },
    {
      display: 'inline',
      overrides: holiday ? {} : { CONFLICT: t('holidaySettings.exists') },
      onConflict: () => client.invalidateQueries({ queryKey: keys.holidaysAll }),
    },
  );
  return (
    <Modal opened onClose={onClose} title={holiday ? t('holidaySettings.edit') : t('holidaySettings.add')}>
      <form onSubmit={form.onSubmit(submit.run)} noValidate>
        <Stack gap="sm">
          <DateField
            label={t('holidaySettings.date')}
            required
            disabled={holiday !== null}
            defaultDate={`${year}-01-01`}
            key={form.key('date')}
            {...form.getInputProps('date')}
          />
          <TextInput label={t('holidaySettings.name')} required data-autofocus maxLength={120} key={form.key('name')} {...form.getInputProps('name')} />
          <NativeSelect
            label={t('holidaySettings.kind')}
            data={kinds.map((k) => ({ value: k, label: t(`holidaySettings.kinds.${k}`) }))}
            key={form.key('kind')}
            {...form.getInputProps('kind')}
          />
          <FormActions submit={submit} label={t('common.save')} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function RemoveHolidayModal({ holiday, onClose }: { holiday: HolidayView; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({ initialValues: {} });
  const submit = useApiSubmit(
    form,
    async () => {
      await call('holidays.remove', { date: holiday.date, version: holiday.version });
      await client.invalidateQueries({ queryKey: keys.holidaysAll });
      onClose();
    },
    { display: 'inline', onConflict: () => client.invalidateQueries({ queryKey: keys.holidaysAll }) },
  );
  return (
    <Modal opened onClose={onClose} title={t('holidaySettings.removeTitle', { name: holiday.name })}>
      <Stack gap="sm">
        <Text size="sm">{t('holidaySettings.removeExplain', { date: weekdayDate(holiday.date) })}</Text>
        <FormActions submit={submit} label={t('holidaySettings.remove')} color="red" onConfirm={() => void submit.run({})} onCancel={onClose} />
      </Stack>
    </Modal>
  );
}
