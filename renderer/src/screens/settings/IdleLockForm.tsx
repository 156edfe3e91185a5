import { Button, Group, NumberInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { keys, useSettings } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { useApiSubmit } from '../../components/useApiSubmit';
import { useEditBase } from '../../components/useEditBase';

/** Minutes without activity before every screen in the office locks itself. */
export function IdleLockForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const settings = useSettings();
  const form = useForm<{ idleLockMinutes: number | string }>({
    initialValues: { idleLockMinutes: 5 },
    validate: {
      idleLockMinutes: (value) =>
        Number.isInteger(Number(value)) && Number(value) >= 1 && Number(value) <= 120 && value !== ''
          ? null
          : t('validation.minutes'),
    },
  });

  const base = useEditBase(form, settings.data, (view: SettingsView) => ({ idleLockMinutes: view.idleLockMinutes }));

  const submit = useApiSubmit(
    form,
    async ({ idleLockMinutes }) => {
      if (base.version === null) return;
      const saved = await call('settings.update', { version: base.version, idleLockMinutes: Number(idleLockMinutes) });
      client.setQueryData(keys.settings, saved);
      base.load(saved);
      await client.invalidateQueries({ queryKey: keys.session });
      notifications.show({ color: 'teal', message: t('settings.idleSaved') });
    },
    {
      display: 'inline',
      onConflict: async () => {
        await client.refetchQueries({ queryKey: keys.settings });
        const fresh = client.getQueryData<SettingsView>(keys.settings);
        if (fresh) base.load(fresh);
      },
    },
  );

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
