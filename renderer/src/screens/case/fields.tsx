import { Checkbox, Group, NativeSelect, NumberInput, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import type { CaseDetail } from '../../../../electron/core/api/contract';
import { formatDate } from '../../i18n/format';
import { formatMoment } from './format';

/**
 * One renderer for every form field a service standard (or a case record) describes: a step's
 * form is generated from its FieldDef list, so a new service or an office's own wording needs
 * no new screen.
 */
export type StepDef = CaseDetail['standard']['steps'][number];
export type FieldDef = NonNullable<StepDef['fields']>[number];
export type FieldValues = Record<string, unknown>;

function emptyValue(f: FieldDef): unknown {
  if (f.type === 'multiselect') return [];
  if (f.type === 'boolean') return false;
  return '';
}

/** Form values for the fields, from data saved earlier (or blank). */
export function fieldValues(fields: readonly FieldDef[], data: Record<string, unknown> | null | undefined): FieldValues {
  const out: FieldValues = {};
  for (const f of fields) {
    const saved = data?.[f.key];
    if (saved === undefined || saved === null) out[f.key] = emptyValue(f);
    else if (f.type === 'datetime' && typeof saved === 'string') out[f.key] = saved.slice(0, 16);
    else if (f.type === 'number') out[f.key] = saved;
    else out[f.key] = saved;
  }
  return out;
}

/** What is sent: blank entries are left out (the core then says which required one is missing). */
export function fieldPayload(fields: readonly FieldDef[], values: FieldValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (v === '' || v === undefined || v === null) continue;
    if (f.type === 'number') out[f.key] = typeof v === 'number' ? v : Number(v);
    else if (typeof v === 'string') out[f.key] = f.type === 'text' || f.type === 'textarea' ? v.trim() : v;
    else out[f.key] = v;
  }
  return out;
}

/** The form's own check before sending: required fields, in the user's language. */
export function missingRequired(fields: readonly FieldDef[], values: FieldValues, t: TFunction, prefix = 'data'): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of fields) {
    if (!f.required) continue;
    const v = values[f.key];
    const empty = v === undefined || v === null || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && v.length === 0);
    if (empty) errors[`${prefix}.${f.key}`] = f.type === 'multiselect' ? t('caseView.chooseOne') : t('validation.required');
  }
  return errors;
}

interface FieldInputProps {
  field: FieldDef;
  form: UseFormReturnType<any, any>;
  path: string;
  disabled?: boolean;
}

export function FieldInput({ field: f, form, path, disabled }: FieldInputProps) {
  const { t } = useTranslation();
  const common = { label: f.label, description: f.help, required: !!f.required, disabled };
  const key = form.key(path);
  switch (f.type) {
    case 'text':
      return <TextInput key={key} {...common} maxLength={f.max} {...form.getInputProps(path)} />;
    case 'textarea':
      return <Textarea key={key} {...common} autosize minRows={3} maxRows={12} maxLength={f.max} {...form.getInputProps(path)} />;
    case 'date':
      return <DateField key={key} {...common} clearable w={220} {...form.getInputProps(path)} />;
    case 'datetime':
      return <TextInput key={key} {...common} type="datetime-local" w={260} {...form.getInputProps(path)} />;
    case 'number':
      return <NumberInput key={key} {...common} w={220} {...form.getInputProps(path)} />;
    case 'boolean':
      return <Checkbox key={key} {...common} {...form.getInputProps(path, { type: 'checkbox' })} />;
    case 'select':
      return (
        <NativeSelect
          key={key}
          {...common}
          data={[{ value: '', label: t('caseView.choose') }, ...(f.options ?? []).map((o) => ({ value: o.value, label: o.label }))]}
          {...form.getInputProps(path)}
        />
      );
    case 'multiselect':
      return (
        <Checkbox.Group key={key} {...common} {...form.getInputProps(path)}>
          <Group gap="md" mt={6}>
            {(f.options ?? []).map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} disabled={disabled} />
            ))}
          </Group>
        </Checkbox.Group>
      );
  }
}

/** A saved value as text, the way the field shows it. */
export function fieldText(f: FieldDef, value: unknown, t: TFunction): string {
  if (value === undefined || value === null || value === '') return '—';
  const option = (v: unknown) => f.options?.find((o) => o.value === v)?.label ?? String(v);
  switch (f.type) {
    case 'boolean':
      return value ? t('common.yes') : t('common.no');
    case 'select':
      return option(value);
    case 'multiselect':
      return Array.isArray(value) && value.length ? value.map(option).join(', ') : '—';
    case 'date':
      return typeof value === 'string' ? formatDate(value) : String(value);
    case 'datetime':
      return typeof value === 'string' ? formatMoment(value) : String(value);
    default:
      return String(value);
  }
}

/**
 * Recorded data with the labels of the standard's fields; keys the standard does not name
 * (an older form) are shown as they are, so nothing recorded is hidden.
 */
export function FieldData({ fields, data }: { fields: readonly FieldDef[]; data: Record<string, unknown> | null }) {
  const { t } = useTranslation();
  if (!data) return null;
  const known = new Set(fields.map((f) => f.key));
  const rows = [
    ...fields.filter((f) => data[f.key] !== undefined).map((f) => ({ key: f.key, label: f.label, text: fieldText(f, data[f.key], t) })),
    ...Object.entries(data)
      .filter(([k]) => !known.has(k))
      .map(([k, v]) => ({ key: k, label: k, text: typeof v === 'string' ? v : JSON.stringify(v) })),
  ];
  if (rows.length === 0) return null;
  return (
    <Stack gap={4}>
      {rows.map((r) => (
        <div key={r.key}>
          <Text size="xs" c="dimmed">
            {r.label}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.text}
          </Text>
        </div>
      ))}
    </Stack>
  );
}
