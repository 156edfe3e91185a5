import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../../electron/core/api/contract';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { useSettingsForm } from './useSettingsForm';

const zones: SettingsView['timeZone'][] = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];

/** WIB, WITA or WIT: the zone deadlines and dates are counted in. */
export function TimeZoneForm() {
  const { t } = useTranslation();
  const { settings, form, submit } = useSettingsForm((s) => ({ timeZone: s.timeZone }));
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <FormError error={settings.error} />;
  return (
    <form onSubmit={form.onSubmit(submit.run)} noValidate>
      <Stack gap="sm">
        <Group align="center" gap="sm">
          <SegmentedControl
            aria-label={t('numbering.timeZone')}
            data={zones.map((z) => ({ value: z, label: t(`numbering.zones.${z === 'Asia/Jakarta' ? 'wib' : z === 'Asia/Makassar' ? 'wita' : 'wit'}`) }))}
            key={form.key('timeZone')}
            {...form.getInputProps('timeZone')}
          />
          <Button type="submit" loading={submit.pending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('numbering.timeZoneHint')}
        </Text>
        <FormError message={submit.error} />
      </Stack>
    </form>
  );
}
