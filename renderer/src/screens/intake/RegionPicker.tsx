import { Input, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRegions } from '../../api/queries';

const levels = ['province', 'regency', 'district', 'village'] as const;
type Level = (typeof levels)[number];

/** A Kemendagri code ("35.76.01.1001") as the code of each level, '' for levels not chosen. */
export function regionChain(code: string): [string, string, string, string] {
  const parts = code ? code.split('.') : [];
  return [0, 1, 2, 3].map((i) => (parts.length > i ? parts.slice(0, i + 1).join('.') : '')) as [string, string, string, string];
}

function LevelSelect(props: {
  level: Level;
  parent: string;
  enabled: boolean;
  value: string;
  onChange: (code: string | null) => void;
  invalid: boolean;
}) {
  const { t } = useTranslation();
  const regions = useRegions(props.parent, props.enabled);
  const data = (regions.data ?? []).map((r) => ({ value: r.code, label: r.name }));
  // A code read from a NIK may be one the list no longer has: keep showing it rather than dropping it.
  if (props.value && regions.data && !data.some((d) => d.value === props.value)) data.unshift({ value: props.value, label: props.value });
  return (
    <Select
      aria-label={t(`intake.region.${props.level}`)}
      placeholder={t(`intake.region.${props.level}`)}
      data={data}
      value={props.value || null}
      onChange={props.onChange}
      disabled={!props.enabled}
      searchable
      clearable
      clearButtonProps={{ tabIndex: -1 }}
      selectFirstOptionOnChange
      autoSelectOnBlur
      nothingFoundMessage={t('intake.region.nothing')}
      error={props.invalid}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/**
 * Province, regency/city, district and village pickers from the offline Kemendagri list.
 * The value is the code of the deepest level chosen; choosing a level again clears the
 * levels under it.
 */
export function RegionPicker(props: { label: string; value: string; onChange: (code: string) => void; error?: React.ReactNode }) {
  const chain = regionChain(props.value);
  return (
    <Input.Wrapper label={props.label} error={props.error}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="xs">
        {levels.map((level, i) => {
          const parent = i === 0 ? '' : chain[i - 1]!;
          return (
            <LevelSelect
              key={level}
              level={level}
              parent={parent}
              enabled={i === 0 || parent !== ''}
              value={chain[i]!}
              invalid={!!props.error}
              onChange={(code) => props.onChange(code ?? parent)}
            />
          );
        })}
      </SimpleGrid>
    </Input.Wrapper>
  );
}
