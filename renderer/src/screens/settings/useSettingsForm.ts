import type { FormValidateInput } from '@mantine/form';
import type { InputOf, SettingsView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { keys, useSettings } from '../../api/queries';
import { useRecordForm } from '../../components/useRecordForm';

type SettingsValues = Omit<InputOf<'settings.update'>, 'version'>;

/** A form over some of the office-wide settings: saves only what it holds, naming the settings version it read. */
export function useSettingsForm<V extends SettingsValues>(toValues: (s: SettingsView) => V, validate?: FormValidateInput<V>) {
  const settings = useSettings();
  const { form, submit } = useRecordForm({
    queryKey: keys.settings,
    record: settings.data,
    toValues,
    initialValues: toValues({ idleLockMinutes: 5, timeZone: 'Asia/Jakarta', registerNoPattern: '', nextRegister: { seq: 1, year: 2000, month: 1 }, version: 0 }),
    validate,
    save: (values, version) => call('settings.update', { version, ...values }),
  });
  return { settings, form, submit };
}
