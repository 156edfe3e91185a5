import { useForm, type FormValidateInput } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InputOf, SettingsView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { keys, useSettings } from '../../api/queries';
import { useApiSubmit } from '../../components/useApiSubmit';
import { useEditBase } from '../../components/useEditBase';

type SettingsValues = Omit<InputOf<'settings.update'>, 'version'>;

/** A form over some of the office-wide settings: saves only what it holds, naming the settings version it read. */
export function useSettingsForm<V extends SettingsValues>(toValues: (s: SettingsView) => V, validate?: FormValidateInput<V>) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const settings = useSettings();
  const form = useForm<V>({ initialValues: toValues({ idleLockMinutes: 5, timeZone: 'Asia/Jakarta', registerNoPattern: '', version: 0 }), validate });
  const base = useEditBase(form, settings.data, toValues);
  const submit = useApiSubmit(
    form,
    async (values) => {
      if (base.version === null) return;
      const saved = await call('settings.update', { version: base.version, ...values });
      client.setQueryData(keys.settings, saved);
      base.load(saved);
      notifications.show({ color: 'teal', message: t('common.saved') });
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
  return { settings, form, submit };
}
