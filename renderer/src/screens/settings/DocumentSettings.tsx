import { Code, Group, NativeSelect, NumberInput, Radio, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { FormErrors, UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import {
  contract,
  documentFonts,
  formatLetterNumber,
  letterNumberTokens,
  paperSizes,
  type DocumentSettingsView,
  type InputOf,
  type TypeNumberingView,
} from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { keys, useDocumentSettings, useDocumentTypes, useUsers } from '../../api/queries';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { useRecordForm } from '../../components/useRecordForm';

type Update = InputOf<'documents.settings.update'>;
type TypeFields = Omit<TypeNumberingView, 'next'>;

interface Values {
  paper: DocumentSettingsView['paper'];
  font: DocumentSettingsView['font'];
  fontSizePt: number | string;
  marginTopCm: number | string;
  numberPattern: string;
  unitCode: string;
  /** '' for nobody chosen. */
  defaultSignerId: string;
  types: Record<string, TypeFields>;
}

const generalFields = ['paper', 'font', 'fontSizePt', 'marginTopCm', 'numberPattern', 'unitCode', 'defaultSignerId'] as const;
const typeFields = ['series', 'classification', 'unitCode', 'pattern'] as const;
const columnWidths = { series: 140, classification: 90, unitCode: 100, pattern: 250 } as const;
const patternSchema = contract['documents.settings.update'].input.shape.numberPattern;
/** Patterns are typed in a monospace font; their labels are not. */
const monospace = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

function valuesOf({ version: _version, defaultSignerId, types, ...rest }: DocumentSettingsView): Values {
  return {
    ...rest,
    defaultSignerId: defaultSignerId ?? '',
    types: Object.fromEntries(Object.entries(types).map(([code, { next: _next, ...fields }]) => [code, fields])),
  };
}

/** Only what the user changed, so a save touches nothing else (one edited row sends that type alone). */
function changesOf(values: Values, form: UseFormReturnType<Values>): Omit<Update, 'version'> {
  const changed: Omit<Update, 'version'> = {};
  const dirty = generalFields.filter((f) => form.isDirty(f));
  for (const f of dirty) {
    if (f === 'fontSizePt' || f === 'marginTopCm') changed[f] = Number(values[f]);
    else if (f === 'defaultSignerId') changed[f] = values[f] || null;
    else Object.assign(changed, { [f]: values[f] });
  }
  const types: Record<string, Partial<TypeFields>> = {};
  for (const [code, row] of Object.entries(values.types)) {
    for (const f of typeFields) if (form.isDirty(`types.${code}.${f}`)) types[code] = { ...types[code], [f]: row[f] };
  }
  if (Object.keys(types).length) changed.types = types as Update['types'];
  return changed;
}

/** The core's own reason a pattern cannot be used (Indonesian); in another language, a sentence of ours. */
function patternError(pattern: string, t: TFunction, language: string): string | null {
  const problem = patternSchema.safeParse(pattern).error?.issues[0]?.message;
  if (!problem) return null;
  return language === 'id' ? problem : t('docSettings.patternInvalid');
}

function validate(values: Values, t: TFunction, language: string): FormErrors {
  const errors: FormErrors = {};
  const size = Number(values.fontSizePt);
  if (values.fontSizePt === '' || !Number.isInteger(size) || size < 10 || size > 14) errors.fontSizePt = t('docSettings.fontSizeInvalid');
  const margin = Number(values.marginTopCm);
  if (values.marginTopCm === '' || !(margin >= 1 && margin <= 6)) errors.marginTopCm = t('docSettings.marginTopInvalid');
  errors.numberPattern = patternError(values.numberPattern, t, language);
  for (const [code, row] of Object.entries(values.types)) {
    if (!/^[a-z0-9_-]{1,40}$/.test(row.series.trim())) errors[`types.${code}.series`] = t('docSettings.seriesInvalid');
    if (row.pattern.trim()) errors[`types.${code}.pattern`] = patternError(row.pattern, t, language);
  }
  return errors;
}

/** Paper, font, default signer and letter numbering: the office pattern and, per numbered type, its series and codes. */
export function DocumentSettings() {
  const { t, i18n } = useTranslation();
  const settings = useDocumentSettings();
  const types = useDocumentTypes(null);
  const users = useUsers();
  const { form, submit, base } = useRecordForm({
    queryKey: keys.documentSettings,
    record: settings.data,
    toValues: valuesOf,
    initialValues: { paper: 'F4', font: 'Arial', fontSizePt: 12, marginTopCm: 2, numberPattern: '', unitCode: '', defaultSignerId: '', types: {} },
    validate: (values) => validate(values, t, i18n.language),
    validateInputOnChange: true,
    save: (values, version, f) => call('documents.settings.update', { version, ...changesOf(values, f) }),
  });

  if (settings.isPending) return <Loading />;
  if (settings.isError) return <FormError error={settings.error} />;

  const values = form.getValues();
  const titles = new Map(types.data?.map((d) => [d.code as string, d.title]));
  const rows = Object.entries(settings.data.types)
    .map(([code, view]) => ({ code, view, title: titles.get(code) ?? code }))
    .sort((a, b) => (types.data ? types.data.findIndex((d) => d.code === a.code) - types.data.findIndex((d) => d.code === b.code) : 0));

  const now = new Date();
  const sample = Object.values(values.types).find((r) => !r.pattern)?.classification ?? '400.10';
  const example = patternError(values.numberPattern, t, i18n.language)
    ? null
    : formatLetterNumber(values.numberPattern, { seq: 7, year: now.getFullYear(), month: now.getMonth() + 1, classification: sample, unit: values.unitCode, code: 'SK' });

  const signers = (users.data ?? []).filter((u) => u.active || u.id === values.defaultSignerId);
  const signerLabel = (u: (typeof signers)[number]) => {
    const name = u.position ? `${u.fullName} — ${u.position}` : u.fullName;
    return u.active ? name : t('docSettings.signerInactive', { name });
  };

  return (
    <form onSubmit={form.onSubmit(submit.run)} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('docSettings.intro')}
        </Text>
        <Group align="flex-start" gap="lg">
          <Radio.Group label={t('docSettings.paper')} key={form.key('paper')} {...form.getInputProps('paper')}>
            <Group gap="md" mt={8}>
              {paperSizes.map((p) => (
                <Radio key={p} value={p} label={t(`docSettings.papers.${p}`)} />
              ))}
            </Group>
          </Radio.Group>
          <NativeSelect label={t('docSettings.font')} data={[...documentFonts]} w={200} key={form.key('font')} {...form.getInputProps('font')} />
          <NumberInput
            label={t('docSettings.fontSize')}
            min={10}
            max={14}
            allowDecimal={false}
            allowNegative={false}
            w={140}
            key={form.key('fontSizePt')}
            {...form.getInputProps('fontSizePt')}
          />
          <NumberInput
            label={t('docSettings.marginTop')}
            min={1}
            max={6}
            step={0.5}
            decimalScale={1}
            allowNegative={false}
            w={140}
            key={form.key('marginTopCm')}
            {...form.getInputProps('marginTopCm')}
          />
        </Group>
        <Group align="flex-start" gap="lg">
          <NativeSelect
            label={t('docSettings.signer')}
            description={t('docSettings.signerHint')}
            data={[{ value: '', label: t('docSettings.signerNone') }, ...signers.map((u) => ({ value: u.id, label: signerLabel(u) }))]}
            w={420}
            key={form.key('defaultSignerId')}
            {...form.getInputProps('defaultSignerId')}
          />
          <TextInput
            label={t('docSettings.unitCode')}
            description={t('docSettings.unitCodeHint')}
            maxLength={40}
            w={260}
            key={form.key('unitCode')}
            {...form.getInputProps('unitCode')}
          />
        </Group>
        {users.isError && <FormError error={users.error} />}
        <Stack gap={4}>
          <TextInput label={t('docSettings.pattern')} w={420} maxLength={80} styles={monospace} key={form.key('numberPattern')} {...form.getInputProps('numberPattern')} />
          {example !== null && (
            <Text size="sm" data-testid="letter-number-example">
              {t('docSettings.example')}: <Code>{example}</Code>
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {letterNumberTokens.map((token, i) => (
              <Fragment key={token}>
                {i > 0 && ' · '}
                <Code>{token}</Code> {t(`docSettings.tokens.${tokenKey(token)}`)}
              </Fragment>
            ))}
          </Text>
        </Stack>

        <Title order={3} size="h6">
          {t('docSettings.typesTitle')}
        </Title>
        <Text size="sm">{t('docSettings.seriesHint')}</Text>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing={4} horizontalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('docSettings.columns.type')}</Table.Th>
                {typeFields.map((f) => (
                  <Table.Th key={f} w={columnWidths[f]}>
                    {t(`docSettings.columns.${f}`)}
                  </Table.Th>
                ))}
                <Table.Th>{t('docSettings.columns.next')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ code, view, title }) => (
                <Table.Tr key={code} data-testid={`doc-type-${code}`}>
                  <Table.Td>
                    <Text size="sm">{title}</Text>
                  </Table.Td>
                  {typeFields.map((f) => (
                    <Table.Td key={f}>
                      <TextInput
                        aria-label={`${t(`docSettings.columns.${f}`)}: ${title}`}
                        maxLength={f === 'pattern' ? 80 : 40}
                        placeholder={f === 'pattern' ? t('docSettings.patternDefault') : f === 'unitCode' ? t('docSettings.unitDefault') : undefined}
                        styles={f === 'pattern' ? monospace : undefined}
                        key={form.key(`types.${code}.${f}`)}
                        {...form.getInputProps(`types.${code}.${f}`)}
                      />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <Code data-testid={`next-${code}`} style={{ whiteSpace: 'nowrap' }}>
                      {view.next}
                    </Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="xs" c="dimmed">
          {t('docSettings.typesHint')}
        </Text>

        <FormActions
          submit={submit}
          label={t('common.save')}
          disabled={!form.isDirty()}
          onCancel={() => base.load(settings.data)}
          cancelLabel={t('docSettings.discard')}
          cancelDisabled={!form.isDirty()}
        />
      </Stack>
    </form>
  );
}

function tokenKey(token: (typeof letterNumberTokens)[number]) {
  return (
    {
      '{klasifikasi}': 'classification',
      '{urut}': 'seq',
      '{urut:N}': 'seqWidth',
      '{unit}': 'unit',
      '{tahun}': 'year',
      '{bulan}': 'month',
      '{bulan_romawi}': 'monthRoman',
      '{kode}': 'code',
    } as const
  )[token];
}
