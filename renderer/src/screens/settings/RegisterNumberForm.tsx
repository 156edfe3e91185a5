import { Button, Code, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contract, formatRegisterNo, registerNoTokens, serviceAbbreviations } from '../../../../electron/core/api/contract';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { useSettingsForm } from './useSettingsForm';

const patternSchema = contract['settings.update'].input.shape.registerNoPattern;

/** The register number pattern, with a preview of the next number and what each token means. */
export function RegisterNumberForm() {
  const { t } = useTranslation();
  const { settings, form, submit } = useSettingsForm((s) => ({ registerNoPattern: s.registerNoPattern }), {
    registerNoPattern: (value: string) => (patternSchema.safeParse(value).success ? null : t('numbering.invalid')),
  });
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <FormError error={settings.error} />;

  const pattern = form.values.registerNoPattern;
  // The number the next case will really get: this office year's series, on the office's calendar.
  const next = settings.data.nextRegister;
  const preview = (service: string) => formatRegisterNo(pattern, { seq: next.seq, year: next.year, month: next.month, service: serviceAbbreviations[service] ?? service });

  return (
    <form onSubmit={form.onSubmit(submit.run)} noValidate>
      <Stack gap="sm">
        <Group align="flex-end" gap="sm">
          <TextInput label={t('numbering.pattern')} w={360} maxLength={80} ff="monospace" key={form.key('registerNoPattern')} {...form.getInputProps('registerNoPattern')} />
          <Button type="submit" loading={submit.pending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
        <Text size="sm" data-testid="register-preview">
          {t('numbering.preview')}: <Code>{preview('pengaduan_kekerasan')}</Code> {t('numbering.previewOr')} <Code>{preview('mediasi')}</Code>
        </Text>
        <List size="sm" spacing={2}>
          {registerNoTokens.map((token) => (
            <List.Item key={token}>
              <Code>{token}</Code> — {t(`numbering.tokens.${tokenKey(token)}`)}
            </List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed">
          {t('numbering.hint')}
        </Text>
        <FormError message={submit.error} />
      </Stack>
    </form>
  );
}

function tokenKey(token: (typeof registerNoTokens)[number]) {
  return ({ '{urut:N}': 'seqWidth', '{urut}': 'seq', '{tahun}': 'year', '{bulan}': 'month', '{bulan_romawi}': 'monthRoman', '{layanan}': 'service' } as const)[token];
}
