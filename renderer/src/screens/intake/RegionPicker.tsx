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
      searchable
      clearable
      clearButtonProps={{ tabIndex: -1 }}
      // Choosing the option already chosen (which autoSelectOnBlur does on a mere click in and
      // out) must not deselect it: that used to wipe this level and every level under it.
      allowDeselect={false}
      selectFirstOptionOnChange
      autoSelectOnBlur
      nothingFoundMessage={props.enabled ? t('intake.region.nothing') : t('intake.region.parentFirst')}
      error={props.invalid}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/**
 * Province, regency/city, district and village pickers from the offline Kemendagri list.
 * The value is the code of the deepest level chosen; choosing another value at a level clears
 * the levels under it, and nothing else ever does. The four stay in the Tab order at all times
 * (a level whose parent is not chosen yet lists nothing and says so), so Tab after choosing a
 * province lands on the regency, not past it.
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
              onChange={(code) => {
                // The same code again changes nothing: the levels under it stay.
                if (code === chain[i]) return;
                props.onChange(code ?? parent);
              }}
            />
          );
        })}
      </SimpleGrid>
    </Input.Wrapper>
  );
}
