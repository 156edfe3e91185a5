import { Button, Group, NumberInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { keys, useSettings } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { useRecordForm } from '../../components/useRecordForm';

/** Minutes without activity before every screen in the office locks itself. */
export function IdleLockForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const settings = useSettings();
  const { form, submit } = useRecordForm({
    queryKey: keys.settings,
    record: settings.data,
    toValues: (view: SettingsView): { idleLockMinutes: number | string } => ({ idleLockMinutes: view.idleLockMinutes }),
    initialValues: { idleLockMinutes: 5 },
    validate: {
      idleLockMinutes: (value) =>
        Number.isInteger(Number(value)) && Number(value) >= 1 && Number(value) <= 120 && value !== ''
          ? null
          : t('validation.minutes'),
    },
    save: ({ idleLockMinutes }, version) => call('settings.update', { version, idleLockMinutes: Number(idleLockMinutes) }),
    savedMessage: t('settings.idleSaved'),
    // The session carries the minutes every screen locks after.
    afterSave: () => client.invalidateQueries({ queryKey: keys.session }),
  });

  if (settings.isPending) return <Loading />;
  if (settings.isError) return <FormError error={settings.error} />;

  return (
    <form onSubmit={form.onSubmit(submit.run)} noValidate>
      <Group align="flex-end" gap="sm">
        <NumberInput
          label={t('settings.idleMinutes')}
          description={t('settings.idleHint')}
          min={1}
          max={120}
          step={1}
          allowDecimal={false}
          allowNegative={false}
          w={360}
          key={form.key('idleLockMinutes')}
          {...form.getInputProps('idleLockMinutes')}
        />
        <Button type="submit" loading={submit.pending} disabled={!form.isDirty()}>
          {t('common.save')}
        </Button>
      </Group>
      <FormError message={submit.error} />
    </form>
  );
}
